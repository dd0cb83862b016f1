// Modules: parts of the command kept in their own shared library (lib/overens/modules/<name>.so)
// because the libraries they need cost every command at start-up (the dynamic loader's symbol
// lookups dominate a short run). The command opens a module only when it is about to use it:
// `remind` its network, TLS and database libraries, a PDF its libharu and qpdf.
//
// Which sources go into which module is decided by folder in core/CMakeLists.txt; each module has
// one registration file (its seam) that states its entry with OVERENS_MODULE below. A module
// resolves the core's symbols against the `overens` executable that opens it, so it belongs to
// one build: its entry carries that build's id and a module from another build is refused.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace overens {

class WriterRegistry;
namespace cli {
struct CommandLine;
class OptionSet;  // core/cli/options.hpp
}

constexpr std::uint32_t kModuleMagic = 0x4f564d31;  // "OVM1"

struct ModuleEntry {
    std::uint32_t magic;  // kModuleMagic
    const char* buildId;  // kModuleBuildId of the build it belongs to
    // A command module: the command and its options (either may be null).
    int (*run)(const cli::CommandLine&);
    void (*defineOptions)(cli::OptionSet&);
    // A writer module: adds its writers to the registry (may be null).
    void (*registerWriters)(WriterRegistry&);
};

// The build a module belongs to: the product's version and the compiler that built both.
extern const char* const kModuleBuildId;

// Opens lib/overens/modules/<name>.so beside the command (once; later calls return the same
// entry) and checks its entry. Throws ModuleError naming the file and what to do.
const ModuleEntry& loadModule(const std::string& name);

// Where the module <name> is looked for.
std::string modulePath(const std::string& name);

struct ModuleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace overens

#define OVERENS_MODULE_STRINGIFY2(x) #x
#define OVERENS_MODULE_STRINGIFY(x) OVERENS_MODULE_STRINGIFY2(x)

// In a module's registration file: OVERENS_MODULE(pdf, nullptr, nullptr, registerPdfWriters)
// defines the entry `overens_module_pdf` that loadModule("pdf") looks up.
#define OVERENS_MODULE(name, run, defineOptions, registerWriters)                                   \
    extern "C" __attribute__((visibility("default"))) const ::overens::ModuleEntry*                 \
        overens_module_##name() {                                                                   \
        static const ::overens::ModuleEntry entry{::overens::kModuleMagic, ::overens::kModuleBuildId, \
                                                  run, defineOptions, registerWriters};             \
        return &entry;                                                                              \
    }
