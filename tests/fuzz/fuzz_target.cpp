// One libFuzzer target. With OVERENS_FUZZ_SECTION empty: the source reader on the whole input
// (with the real plugins' schemas). Otherwise: the input is that section's element, put in a
// valid header of its kind, read and checked by the engine, so the plugin's validate (and the
// core's rules around it) run on what the fuzzer makes.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "engine/engine.hpp"

using namespace overens;

namespace {

std::unique_ptr<Engine> engine;
std::string scratch;

const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<" OVERENS_FUZZ_KIND " kind=\"" OVERENS_FUZZ_KIND "\" lang=\"sv\">\n"
    "<organisation type=\"kommun\" name=\"Fuzzby kommun\" board=\"Kommunstyrelsen\"/>\n"
    "<party role=\"chair\" name=\"Anna A\" title=\"Ordförande\" email=\"a@example.se\"/>\n"
    "<party role=\"director\" name=\"Bo B\" title=\"Kommundirektör\" email=\"b@example.se\"/>\n"
    "<registration dnr=\"KS 2027/1\" adopted=\"2027-01-20\"/>\n"
    "<review every=\"P1Y\" notify-before=\"P30D\"/>\n";

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    EngineOptions options;
    options.templatesDir = OVERENS_FUZZ_TEMPLATES;
    options.pluginPath = {OVERENS_FUZZ_PLUGINS};
    Diagnostics setup;
    engine = std::make_unique<Engine>(options, setup);
    scratch = "/dev/shm/overens-fuzz-" + std::to_string(::getpid()) + ".xml";
    std::atexit([] { ::unlink(scratch.c_str()); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (std::string(OVERENS_FUZZ_SECTION).empty()) {
        Diagnostics d;
        readSourceText(input, "fuzz.xml", engine->schemas(), d);
        for (const auto& line : reportLines(d, "sv")) (void)line;
        return 0;
    }
    {
        std::ofstream out(scratch, std::ios::binary | std::ios::trunc);
        out << kHeader << input << "\n</" OVERENS_FUZZ_KIND ">\n";
    }
    std::vector<Prepared> prepared = engine->prepare({scratch});
    // What validate accepts is assembled too: the document tree must come out of any of it.
    for (const auto& p : prepared)
        if (p.ok()) {
            Diagnostics d;
            engine->assemble(p, d);
        }
    return 0;
}
