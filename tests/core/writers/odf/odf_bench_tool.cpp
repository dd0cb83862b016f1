// odf_bench_tool ROWS OUT.odt [OUT.md] [--reference FILE]   (ROWS "all": the every-block test document)
// Writes a generated delegation order of ROWS rows as .odt (and, when asked, the same tree as
// pandoc's Markdown), so bench/odf/ can time our writer and pandoc on the same text.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "odf_test_document.hpp"
#include "writers/odf/odf_writer.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: odf_bench_tool ROWS OUT.odt [OUT.md]\n";
        return 2;
    }
    const std::size_t rows = std::strtoul(argv[1], nullptr, 10);
    overens::WriteOptions options;
    for (int i = 3; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--reference") {
            options.referenceOdt = argv[i + 1];
            argc = i;  // the rest is not an output path
            break;
        }
    options.templatesDir = std::filesystem::path(OVERENS_TEST_SOURCE_DIR) / "templates";
    try {
        const auto start = std::chrono::steady_clock::now();
        const overens::doc::Document d = std::string(argv[1]) == "all" ? overens::test::everyBlockDocument()
                                                                       : overens::test::delegationOrder(rows);
        const auto built = std::chrono::steady_clock::now();
        {
            std::ofstream out(argv[2], std::ios::binary);
            overens::odf::writeOdt(d, out, options);
        }
        const auto written = std::chrono::steady_clock::now();
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        std::cerr << "rows=" << rows << " tree_ms=" << ms(start, built) << " odt_ms=" << ms(built, written) << "\n";
        if (argc > 3) {
            const auto* md = overens::WriterRegistry::builtin().find("md");
            std::ofstream out(argv[3], std::ios::binary);
            overens::Diagnostics diags;
            md->write(d, out, options, diags);
        }
    } catch (const overens::WriteError& e) {
        std::cerr << "odf_bench_tool: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
