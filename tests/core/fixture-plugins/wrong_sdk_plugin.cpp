// A fixture plugin that declares another SDK generation, as one built against an older SDK
// would: the loader must refuse it before creating any object.
#include <cstdlib>

#include "overens/sdk.hpp"

namespace fixture_wrong_sdk {

overens::SectionPlugin* create() {
    std::abort();  // never reached: the version check comes first
}

void destroy(overens::SectionPlugin*) {}

}  // namespace fixture_wrong_sdk

extern "C" OVERENS_PLUGIN_EXPORT const overens_plugin_descriptor* overens_plugin_entry() {
    static const overens_plugin_descriptor d = {OVERENS_PLUGIN_ABI_MAGIC, OVERENS_SDK_VERSION + 98, "g++ 12",
                                                fixture_wrong_sdk::create, fixture_wrong_sdk::destroy};
    return &d;
}
