// A module as another build of overens would make it: a valid entry with another build id.
#include "modules/module.hpp"

extern "C" __attribute__((visibility("default"))) const overens::ModuleEntry* overens_module_remind() {
    static const overens::ModuleEntry entry{overens::kModuleMagic, "overens 0.0.0-other", nullptr, nullptr, nullptr};
    return &entry;
}
