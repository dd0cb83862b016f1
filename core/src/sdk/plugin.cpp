#include "overens/plugin.hpp"

namespace overens {

// The key function: defining the destructor here puts SectionPlugin's vtable and typeinfo in
// the SDK library once, so every plugin refers to the same ones.
SectionPlugin::~SectionPlugin() = default;

void SectionPlugin::publish(const Record&, const Context&, Facts&) const {}

void SectionPlugin::crossCheck(const Record&, const Context&, const Facts&, const std::vector<Facts>&,
                               Diagnostics&) const {}

Interview SectionPlugin::interview() const { return deriveInterview(info(), schema()); }

}  // namespace overens
