// Builds a delegation order with N rows (a format-neutral document tree, as the plugins would)
// and writes it with one of the built-in writers. Used by bench/pdf/run.sh (timed whole-process
// with /usr/bin/time) and by the PDF writer's tests for their large documents.
//
//   overens_pdf_bench --rows N [--format pdf|odt|md] [--engine libharu|libreoffice]
//                     [--templates DIR] [--out FILE] [--repeat K]
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "overens/document.hpp"
#include "writers/writer.hpp"

using namespace overens;

namespace {

const char* const kMatters[] = {
    "Beslut om att avslå begäran om utlämnande av allmän handling",
    "Yttrande till länsstyrelsen i ärenden om överprövning",
    "Tecknande av avtal om ramavtalsupphandling inom nämndens verksamhetsområde",
    "Anställning av förvaltningschef – efter samråd med kommunstyrelsens ordförande",
    "Beslut i brådskande ärenden där nämndens avgörande inte kan avvaktas (6 kap. 39 § KL)",
    "Avskrivning av fordringar upp till 5 prisbasbelopp",
    "Överklagande av dom eller beslut som går nämnden emot",
    "Beslut om ”rätt till ledighet” enligt lokala kollektivavtal",
};
const char* const kDelegates[] = {"Kommundirektör", "Förvaltningschef", "Ekonomichef", "HR-chef", "Ordförande",
                                  "Registrator"};
const char* const kLaw[] = {"2 kap. 14 § OSL", "6 kap. 37 § KL", "LOU", "7 kap. 5 § KL", "6 kap. 39 § KL", "",
                            "10 kap. 1 § KL", "AB § 32"};

}  // namespace

doc::Document delegationOrder(int rows) {
    doc::Document d;
    d.meta.title = "Delegationsordning för kommunstyrelsen";
    d.meta.subject = "Delegationsordning";
    d.meta.lang = "sv";
    d.meta.kind = "delegation-order";
    d.meta.organisation = "Exempelby kommun";
    d.meta.board = "Kommunstyrelsen";
    d.meta.dnr = "KS 2027/0042";
    d.meta.adopted = Date{2027, 1, 20};
    d.meta.keywords = {"delegationsordning", "kommunstyrelsen"};
    d.meta.generator = "Överens 0.1.0";
    d.meta.headerText = "Exempelby kommun · KS 2027/0042";
    d.meta.pageLabel = "Sida {page} av {pages}";
    doc::TitleBlock tb;
    tb.organisation = "Exempelby kommun";
    tb.title = "Delegationsordning";
    tb.subtitle = "för kommunstyrelsen";
    tb.facts = {{"Diarienummer", "KS 2027/0042"}, {"Antagen", "20 januari 2027"}};
    d.blocks.emplace_back(tb);
    d.blocks.emplace_back(doc::Heading{1, doc::runs("Delegerade ärenden"), true});
    d.blocks.emplace_back(doc::Paragraph{doc::runs("Styrelsen delegerar beslutanderätten i följande ärenden. "
                                                   "Besluten anmäls till styrelsen vid nästa sammanträde."),
                                         doc::ParagraphStyle::Body});
    doc::Table t;
    t.header.push_back({doc::runs("Nr"), doc::runs("Ärende"), doc::runs("Lagrum"), doc::runs("Delegat"),
                        doc::runs("Anmärkning")});
    for (int i = 0; i < rows; ++i) {
        const int k = i % 8;
        t.rows.push_back({doc::runs(std::to_string(i / 50 + 1) + "." + std::to_string(i % 50 + 1)),
                          doc::runs(kMatters[k]), doc::runs(kLaw[k]), doc::runs(kDelegates[i % 6]),
                          doc::runs(i % 3 == 0 ? "Anmäls till styrelsen" : "")});
    }
    d.blocks.emplace_back(std::move(t));
    return d;
}

#ifndef OVERENS_PDF_BENCH_NO_MAIN
int main(int argc, char** argv) {
    int rows = 1000, repeat = 1;
    std::string format = "pdf", out = "/dev/null";
    WriteOptions options;
    options.templatesDir = std::string(OVERENS_SOURCE_DIR) + "/templates";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i], v = argv[i + 1];
        if (a == "--rows") rows = std::atoi(v.c_str());
        else if (a == "--format") format = v;
        else if (a == "--engine") options.pdfEngine = v;
        else if (a == "--templates") options.templatesDir = v;
        else if (a == "--out") out = v;
        else if (a == "--repeat") repeat = std::atoi(v.c_str());
        else {
            std::cerr << "unknown option " << a << '\n';
            return 2;
        }
    }
    const Writer* w = WriterRegistry::builtin().find(format);
    if (!w) {
        std::cerr << "no writer for " << format << '\n';
        return 2;
    }
    const doc::Document d = delegationOrder(rows);
    try {
        for (int r = 0; r < repeat; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            std::ofstream f(out, std::ios::binary);
            Diagnostics diags;
            w->write(d, f, options, diags);
            const auto t1 = std::chrono::steady_clock::now();
            std::cerr << "in-process " << format << " rows=" << rows << " ms="
                      << std::chrono::duration<double, std::milli>(t1 - t0).count() << '\n';
        }
    } catch (const WriteError& e) {
        std::cerr << "error: [" << e.code() << "] " << e.what() << '\n';
        return 2;
    }
    return 0;
}
#endif
