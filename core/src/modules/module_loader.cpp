#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>

#include "modules/module.hpp"
#include "overens/version.hpp"

namespace overens {

namespace fs = std::filesystem;

const char* const kModuleBuildId = OVERENS_VERSION_STRING " " __VERSION__;

std::string modulePath(const std::string& name) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    const fs::path dir = ec ? fs::path(OVERENS_MODULE_DIR) : self.parent_path() / ".." / OVERENS_MODULE_DIR;
    return (dir / (name + ".so")).lexically_normal().string();
}

const ModuleEntry& loadModule(const std::string& name) {
    static std::mutex mutex;
    static std::map<std::string, const ModuleEntry*> loaded;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = loaded.find(name); it != loaded.end()) return *it->second;

    const std::string file = modulePath(name);
    // RTLD_LOCAL: a module's own symbols stay its own; it is never closed (its code may be on
    // the stack of a writer until exit).
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw ModuleError(file + ": error: [module.missing] cannot open the module '" + name + "' (" + dlerror() +
                          "); reinstall overens: every module of a build belongs beside its command");
    using EntryFn = const ModuleEntry* (*)();
    auto fn = reinterpret_cast<EntryFn>(dlsym(handle, ("overens_module_" + name).c_str()));
    const ModuleEntry* entry = fn ? fn() : nullptr;
    if (!entry || entry->magic != kModuleMagic)
        throw ModuleError(file + ": error: [module.invalid] the file is not the overens module '" + name + "'");
    if (std::string(entry->buildId) != kModuleBuildId)
        throw ModuleError(file + ": error: [module.build] the module belongs to build '" + entry->buildId +
                          "', but this overens is '" + kModuleBuildId + "'; reinstall overens");
    loaded[name] = entry;
    return *entry;
}

}  // namespace overens
