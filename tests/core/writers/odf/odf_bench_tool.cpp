// odf_bench_tool ROWS OUT.odt [OUT.md] [--reference FILE] [--repeat N]
//   ROWS "all": the every-block test document. --repeat: write N times in process and report
//   the fastest write too (the writer's own cost, without process start).
// Writes a generated delegation order of ROWS rows as .odt (and, when asked, the same tree as
// pandoc's Markdown), so bench/odf/ can time our writer and pandoc on the same text.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <algorithm>
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
    int repeat = 0;
    int positional = argc;
    for (int i = 3; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reference") options.referenceOdt = argv[i + 1];
        if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
        if (a == "--reference" || a == "--repeat") {
            positional = std::min(positional, i);
            ++i;
        }
    }
    argc = positional;  // the options are not output paths
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
        std::cerr << "rows=" << rows << " tree_ms=" << ms(start, built) << " odt_ms=" << ms(built, written);
        double best = 1e300;
        for (int i = 0; i < repeat; ++i) {
            std::ostringstream out;
            const auto a = std::chrono::steady_clock::now();
            overens::odf::writeOdt(d, out, options);
            best = std::min(best, ms(a, std::chrono::steady_clock::now()));
        }
        if (repeat > 0) std::cerr << " best_of_" << repeat << "_ms=" << best;
        std::cerr << "\n";
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
