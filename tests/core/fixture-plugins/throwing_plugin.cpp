// A fixture plugin whose constructor throws: the loader must report it, not crash.
#include <stdexcept>

#include "overens/sdk.hpp"

namespace fixture_throws {

using namespace overens;

class ThrowingPlugin : public SectionPlugin {
public:
    ThrowingPlugin() { throw std::runtime_error("fixture refuses to start"); }
    PluginInfo info() const override { return {"fixture-throws", "0.0.1", "Kastar", "Throws"}; }
    Schema schema() const override { return {}; }
    void validate(const Record&, const Context&, Diagnostics&) const override {}
    doc::Blocks render(const Record&, const Context&, const Wording&) const override { return {}; }
};

}  // namespace fixture_throws

OVERENS_PLUGIN(fixture_throws::ThrowingPlugin)
