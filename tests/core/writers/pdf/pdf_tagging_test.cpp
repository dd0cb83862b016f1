// The libharu engine's tagged PDF, read back with poppler: `pdfinfo -struct-text` must show the
// document tree's structure with all of its text in reading order, running headers and footers
// kept out of it (artifacts), and the catalog entries a tagged PDF needs.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <regex>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

// The structure tree as poppler prints it: every element name, and all text joined (each
// marked-content piece is printed quoted on its own line).
struct Structure {
    std::vector<std::string> elements;
    std::string text;
};

Structure structureOf(const fs::path& pdf) {
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    Structure s;
    std::istringstream in(r.out);
    std::string line;
    static const std::regex element(R"(^\s*([A-Za-z0-9]+)( \(block\)| \(inline\))?:?\s*$)");
    while (std::getline(in, line)) {
        const auto q = line.find('"');
        if (q != std::string::npos && line.rfind('"') > q) {
            s.text += line.substr(q + 1, line.rfind('"') - q - 1);
            continue;
        }
        std::smatch m;
        if (std::regex_match(line, m, element)) s.elements.push_back(m[1]);
    }
    return s;
}

// Letters and digits only: hyphens, spaces and line breaks do not decide reading order.
std::string letters(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(c);
    return out;
}

// Every piece of text of the tree, in reading order.
void textsOf(const doc::Blocks& blocks, std::vector<std::string>& out) {
    auto add = [&](const doc::Runs& r) {
        if (!doc::plainText(r).empty()) out.push_back(doc::plainText(r));
    };
    std::function<void(const doc::List&)> list = [&](const doc::List& l) {
        for (const auto& item : l.items) {
            add(item.runs);
            for (const auto& c : item.children) list(c);
        }
    };
    for (const auto& b : blocks) {
        if (auto* h = std::get_if<doc::Heading>(&b)) add(h->runs);
        if (auto* p = std::get_if<doc::Paragraph>(&b)) add(p->runs);
        if (auto* n = std::get_if<doc::Note>(&b)) add(n->runs);
        if (auto* l = std::get_if<doc::List>(&b)) list(*l);
        if (auto* t = std::get_if<doc::Table>(&b)) {
            for (const auto& r : t->header)
                for (const auto& c : r) add(c);
            for (const auto& r : t->rows)
                for (const auto& c : r) add(c);
        }
        if (auto* s = std::get_if<doc::SignatureBlock>(&b))
            for (const auto& who : s->signatories) out.push_back(who.name);
    }
}

}  // namespace

TEST(PdfTagging, StructureTreeHoldsEveryTextInReadingOrder) {
    test::TempDir dir;
    const fs::path pdf = dir / "tagged.pdf";
    const doc::Document d = everyBlock();
    writePdf(d, pdf);
    auto info = test::run({"pdfinfo", pdf.string()});
    EXPECT_NE(info.out.find("Tagged:          yes"), std::string::npos) << info.out;
    const Structure s = structureOf(pdf);
    ASSERT_FALSE(s.elements.empty());
    EXPECT_EQ(s.elements.front(), "Document");
    for (const char* type : {"H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD",
                             "TOC", "TOCI", "Note"})
        EXPECT_NE(std::find(s.elements.begin(), s.elements.end(), type), s.elements.end()) << type;
    std::vector<std::string> texts;
    textsOf(d.blocks, texts);
    ASSERT_GT(texts.size(), 10u);
    const std::string all = letters(s.text);
    std::size_t at = 0;
    for (const auto& t : texts) {
        const auto found = all.find(letters(t), at);
        EXPECT_NE(found, std::string::npos) << "missing or out of order: " << t;
        if (found != std::string::npos) at = found + letters(t).size();
    }
    // The running header and footer are artifacts, not content.
    EXPECT_EQ(s.text.find("Sida 1 av"), std::string::npos);
    EXPECT_NE(pdftotext(pdf).find("Sida 1 av"), std::string::npos);
}

TEST(PdfTagging, CatalogHasLanguageMarkInfoAndShowsTheTitle) {
    test::TempDir dir;
    const fs::path pdf = dir / "tagged.pdf";
    writePdf(everyBlock(), pdf);
    const std::string q = qdf(pdf);
    EXPECT_NE(q.find("/Lang (sv-SE)"), std::string::npos);
    EXPECT_TRUE(std::regex_search(q, std::regex(R"(/MarkInfo\s*<<\s*/Marked true\s*>>)"))) << "no MarkInfo";
    EXPECT_NE(q.find("/DisplayDocTitle true"), std::string::npos);
    EXPECT_NE(q.find("/StructTreeRoot"), std::string::npos);
    EXPECT_NE(q.find("/Scope /Column"), std::string::npos);
    // Page furniture is marked as pagination artifacts.
    EXPECT_NE(q.find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"), std::string::npos);
    // Every marked-content sequence is closed on its page.
    std::size_t bdc = 0, bmc = 0, emc = 0;
    for (std::size_t p = 0; (p = q.find(" BDC\n", p)) != std::string::npos; ++p) ++bdc;
    for (std::size_t p = 0; (p = q.find(" BMC\n", p)) != std::string::npos; ++p) ++bmc;
    for (std::size_t p = 0; (p = q.find("\nEMC\n", p)) != std::string::npos; ++p) ++emc;
    EXPECT_GT(bdc, 10u);
    EXPECT_EQ(bdc + bmc, emc);
}

TEST(PdfTagging, EverySampleHasItsHeadingsParagraphsAndCellsInTheStructure) {
    for (const char* name : {"kommun/exempelby-overenskommelse.xml", "kommun/exempelby-delegationsordning.xml",
                             "region/exempelland-instruktion-regiondirektor.xml"}) {
        const fs::path src = test::samplesDir() / name;
        if (!fs::exists(src)) continue;
        SCOPED_TRACE(name);
        test::TempDir out;
        auto r = test::runOverens({"build", src.string(), "-o", out.path().string(), "--format", "pdf,md"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const fs::path pdf = out / (src.stem().string() + ".pdf");
        const Structure s = structureOf(pdf);
        // The structure holds the document's text (the Markdown written from the same tree has
        // every paragraph, heading and cell): each Markdown line's letters, in order.
        const std::string all = letters(s.text);
        EXPECT_GT(all.size(), 2000u);
        std::ifstream md(out / (src.stem().string() + ".md"));
        std::string line;
        std::size_t at = 0;
        int checked = 0;
        while (std::getline(md, line)) {
            if (line.empty() || line[0] == '|' || line[0] == '#' || line.find("](") != std::string::npos) continue;
            const std::string want = letters(line.substr(line.find_first_not_of("-*> 0123456789.") == std::string::npos
                                                             ? 0
                                                             : line.find_first_not_of("-*> 0123456789.")));
            if (want.size() < 20) continue;
            const auto found = all.find(want, at);
            EXPECT_NE(found, std::string::npos) << "not in the structure, or out of order: " << line;
            if (found != std::string::npos) at = found + want.size();
            ++checked;
        }
        EXPECT_GT(checked, 10);
        for (const char* type : {"H1", "H2", "P", "Table", "TR", "TD"})
            EXPECT_NE(std::find(s.elements.begin(), s.elements.end(), type), s.elements.end()) << type;
    }
}
