// A plugin as it was written for SDK 1, before the interview: its class has no interview(), and
// its entry point exports what OVERENS_PLUGIN produced under SDK 1 — the same descriptor layout,
// with sdk_version 1. The loader must refuse it by name before creating any object: SDK 2
// would call interview() through a vtable that an SDK-1 build does not have.
#include <cstdlib>

#include "overens/sdk.hpp"

namespace fixture_sdk1 {

using namespace overens;

class OldPlugin : public SectionPlugin {
public:
    PluginInfo info() const override { return {"fixture-sdk1", "1.0.0", "Gammalt avsnitt", "Old section"}; }
    Schema schema() const override { return Schema{{text("text", false, "Text", "Text")}}; }
    void validate(const Record&, const Context&, Diagnostics&) const override {}
    doc::Blocks render(const Record&, const Context&, const Wording&) const override { return {}; }
};

SectionPlugin* create() {
    std::abort();  // never reached: the version check comes first
    return new OldPlugin();
}

void destroy(SectionPlugin* p) { delete p; }

}  // namespace fixture_sdk1

extern "C" OVERENS_PLUGIN_EXPORT const overens_plugin_descriptor* overens_plugin_entry() {
    static const overens_plugin_descriptor d = {OVERENS_PLUGIN_ABI_MAGIC, 1, "g++ 12", fixture_sdk1::create,
                                                fixture_sdk1::destroy};
    return &d;
}
