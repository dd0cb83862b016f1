// Whole documents written by the PDF writer (libharu engine), checked with independent tools:
// the shared pdf-check, qpdf and poppler (pdftotext, pdfinfo).
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <regex>
#include <set>

#include "pdf_test_checks.hpp"
#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/style.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void collectTitles(const Poco::JSON::Array::Ptr& items, std::vector<std::string>& out, int depth,
                   std::vector<int>& depths) {
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto o = items->getObject(static_cast<unsigned>(i));
        out.push_back(o->getValue<std::string>("title"));
        depths.push_back(depth);
        collectTitles(o->getArray("kids"), out, depth + 1, depths);
    }
}

}  // namespace

class PdfDocument : public ::testing::Test {
protected:
    test::TempDir dir;
};

TEST_F(PdfDocument, EveryBlockTypePassesPdfCheckWithSwedishTextIntact) {
    const fs::path pdf = dir / "every-block.pdf";
    writePdf(everyBlock(), pdf);
    auto r = test::run({(test::sharedTools() / "pdf-check").string(), "--expect-text", "Överenskommelse",
                        "--expect-text", "åäö ÅÄÖ", "--expect-text", "§", "--expect-text", "–", "--expect-text",
                        "7 kap. 2 § kommunallagen", "--expect-text", "”gyllene zonen”", "--expect-text",
                        "Anna Åström", "--expect-text", "Sida 1 av", "--expect-title",
                        "Överenskommelse om att styra och leda tillsammans", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("pdf-check: OK"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Syntax Warning"), std::string::npos) << r.out;
}

TEST_F(PdfDocument, ToUnicodeMapsAreWellFormedAndEveryFontIsEmbedded) {
    const fs::path pdf = dir / "every-block.pdf";
    writePdf(everyBlock(), pdf);
    const std::string q = qdf(pdf);
    EXPECT_EQ(q.find("begincidrange"), std::string::npos);
    EXPECT_NE(q.find("beginbfrange"), std::string::npos);
    EXPECT_NE(q.find("/ToUnicode"), std::string::npos);
    auto fonts = test::run({"pdffonts", pdf.string()});
    EXPECT_EQ(fonts.exitCode, 0);
    EXPECT_TRUE(fonts.err.empty()) << fonts.err;
    std::istringstream lines(fonts.out);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        if (++n <= 2) continue;  // header
        EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << "embedded, subset, unicode map: " << line;
    }
    EXPECT_GE(n, 4);  // at least two fonts
    // The exact text comes back, not poppler's guess.
    const std::string text = collapse(pdftotext(pdf));
    for (const char* s : {"Överenskommelse om att styra och leda tillsammans", "åäö ÅÄÖ", "6 kap. 39 § KL",
                          "Citat: ”Vi styr och leder tillsammans.”", "Roller – ordförande och direktör",
                          "Örjan Ängström"})
        EXPECT_NE(text.find(s), std::string::npos) << s;
}

TEST_F(PdfDocument, SameInputGivesTheSameBytesWithAFixedId) {
    writePdf(everyBlock(), dir / "a.pdf");
    writePdf(everyBlock(), dir / "b.pdf");
    const std::string a = test::readFile(dir / "a.pdf"), b = test::readFile(dir / "b.pdf");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(a == b) << "two runs differ";
    const std::string q = qdf(dir / "a.pdf");
    EXPECT_TRUE(std::regex_search(q, std::regex(R"(/ID \[ *<[0-9a-f]{32}> *<[0-9a-f]{32}> *\])"))) << "no /ID";
    // A different document gets a different ID.
    auto other = everyBlock();
    other.meta.title = "Annan titel";
    writePdf(other, dir / "c.pdf");
    std::smatch ma, mc;
    const std::string qc = qdf(dir / "c.pdf");
    static const std::regex id(R"(/ID \[ *<([0-9a-f]{32})>)");
    ASSERT_TRUE(std::regex_search(q, ma, id));
    ASSERT_TRUE(std::regex_search(qc, mc, id));
    EXPECT_NE(ma[1], mc[1]);
}

TEST_F(PdfDocument, DocumentInfoHoldsTheMetaWithSwedishLetters) {
    const fs::path pdf = dir / "info.pdf";
    writePdf(everyBlock(), pdf);
    auto r = test::run({"pdfinfo", "-isodates", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    auto field = [&](const std::string& name) {
        std::smatch m;
        std::regex re("(^|\n)" + name + ":[ \t]*([^\n]*)");
        return std::regex_search(r.out, m, re) ? std::string(m[2]) : std::string("(missing)");
    };
    EXPECT_EQ(field("Title"), "Överenskommelse om att styra och leda tillsammans");
    EXPECT_EQ(field("Author"), "Exempelby kommun – Kommunstyrelsen");
    EXPECT_EQ(field("Subject"), "Överenskommelse mellan ordförande och kommundirektör");
    EXPECT_EQ(field("Keywords"), "överenskommelse, styrning, ledning");
    EXPECT_EQ(field("Creator"), "Överens 0.1.0");
    EXPECT_NE(field("Producer").find("Överens 0.1.0"), std::string::npos) << field("Producer");
    EXPECT_NE(field("Producer").find("libharu 2.3.0"), std::string::npos) << field("Producer");
    EXPECT_EQ(field("CreationDate").substr(0, 10), "2027-01-20") << field("CreationDate");
    // The language for screen readers.
    EXPECT_NE(qdf(pdf).find("/Lang (sv-SE)"), std::string::npos);
}

TEST_F(PdfDocument, OutlineListsEveryHeadingNumberedLikeTheDocument) {
    const fs::path pdf = dir / "outline.pdf";
    writePdf(everyBlock(), pdf);
    auto r = test::run({"qpdf", "--json", "--json-key=outlines", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    Poco::JSON::Parser parser;
    auto root = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    std::vector<std::string> titles;
    std::vector<int> depths;
    collectTitles(root->getArray("outlines"), titles, 0, depths);
    const std::vector<std::string> expected{"1 Mål och syfte", "1.1 Roller – ordförande och direktör",
                                            "1.2 Fördelning av arbetet", "2 Samverkan", "Underskrifter"};
    EXPECT_EQ(titles, expected);
    EXPECT_EQ(depths, (std::vector<int>{0, 1, 1, 0, 0}));
    // The headings are in the text with the same numbers.
    const std::string text = collapse(pdftotext(pdf));
    for (const auto& t : expected) EXPECT_NE(text.find(t), std::string::npos) << t;
}

TEST_F(PdfDocument, NoTextOutsideTheMargins) {
    const fs::path pdf = dir / "margins.pdf";
    writePdf(everyBlock(), pdf);
    expectWithinMargins(pdf);
}

TEST_F(PdfDocument, ThousandRowTableSpansPagesWithItsHeaderOnEach) {
    const fs::path pdf = dir / "delegation-1000.pdf";
    writePdf(delegation(1000), pdf);
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), "--expect-text", "Delegationsordning",
                            "--expect-text", "Anmäls till styrelsen", pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 10);
    std::map<std::string, int> rowsSeen;
    static const std::regex rowNumber(R"((?:^|\n)(\d+\.\d+)(?=[\n ]))");  // "10.10 Beslut..." may share a line
    for (int p = 1; p <= pages; ++p) {
        const std::string text = pdftotext(pdf, p);
        for (const char* h : {"Nr", "Ärende", "Lagrum", "Delegat", "Anmärkning"})
            EXPECT_NE(text.find(h), std::string::npos) << "header cell " << h << " missing on page " << p;
        EXPECT_NE(text.find("Sida " + std::to_string(p) + " av " + std::to_string(pages)), std::string::npos)
            << "footer on page " << p;
        EXPECT_NE(text.find("Exempelby kommun · KS 2027/0042"), std::string::npos) << "header on page " << p;
        for (std::sregex_iterator it(text.begin(), text.end(), rowNumber), end; it != end; ++it) ++rowsSeen[(*it)[1]];
    }
    // Every row is there exactly once: rows are kept whole, none lost or repeated.
    EXPECT_EQ(rowsSeen.size(), 1000u);
    for (const auto& [nr, n] : rowsSeen) EXPECT_EQ(n, 1) << nr;
    expectWithinMargins(pdf);
}

TEST_F(PdfDocument, SignatureBlockIsKeptOnOnePage) {
    // Push the signature block towards a page end with varying amounts of text before it.
    for (int paragraphs = 14; paragraphs <= 22; paragraphs += 2) {
        doc::Document d;
        d.meta.title = "Signaturtest";
        d.meta.pageLabel = "Sida {page} av {pages}";
        for (int i = 0; i < paragraphs; ++i)
            d.blocks.emplace_back(doc::Paragraph{doc::runs("Stycke " + std::to_string(i) +
                                                           ": ordföranden och direktören stämmer av styrningen och "
                                                           "ledningen varje vecka och följer upp besluten.")});
        d.blocks.emplace_back(doc::SignatureBlock{doc::runs("Exempelby den 20 januari 2027"),
                                                  {{"Anna Åström", "Ordförande"}, {"Örjan Ängström", "Kommundirektör"},
                                                   {"Per Persson", "Vice ordförande"}, {"Eva Ek", "Sekreterare"}}});
        const fs::path pdf = dir / ("sig" + std::to_string(paragraphs) + ".pdf");
        writePdf(d, pdf);
        const int pages = pageCount(pdf);
        int pageWithIntro = 0, pageWithLast = 0;
        for (int p = 1; p <= pages; ++p) {
            const std::string t = pdftotext(pdf, p);
            if (t.find("Exempelby den 20 januari 2027") != std::string::npos) pageWithIntro = p;
            if (t.find("Sekreterare") != std::string::npos) pageWithLast = p;
        }
        EXPECT_GT(pageWithIntro, 0);
        EXPECT_EQ(pageWithIntro, pageWithLast) << paragraphs << " paragraphs";
        expectWithinMargins(pdf);
    }
}

TEST_F(PdfDocument, TableOfContentsHasThePageNumbersOfTheHeadings) {
    const fs::path pdf = dir / "toc.pdf";
    writePdf(everyBlock(), pdf);
    const std::string page1 = pdftotext(pdf, 1, true);
    // "Samverkan" follows a page break: its page number is 2 or more and must be right in the TOC.
    int samverkanPage = 0;
    for (int p = 1; p <= pageCount(pdf); ++p)
        if (collapse(pdftotext(pdf, p)).find("2 Samverkan Samverkan sker") != std::string::npos) samverkanPage = p;
    ASSERT_GT(samverkanPage, 1);
    // Laid out as on the page: number, title, page number on one line.
    EXPECT_TRUE(std::regex_search(page1, std::regex("\n *2 +Samverkan +" + std::to_string(samverkanPage) + " *\n")))
        << page1;
    EXPECT_TRUE(std::regex_search(page1, std::regex("\n *1 +Mål och syfte +1 *\n"))) << page1;
}

TEST_F(PdfDocument, LibharuErrorsBecomeWriteErrorsNotCrashes) {
    // A "font" that is not a TrueType file.
    test::TempDir templates;
    fs::create_directories(templates.path() / "pdf");
    test::writeFile(templates / "not-a-font.ttf", "this is not a font\n");
    test::writeFile(templates.path() / "pdf" / "style.xml",
                    "<pdf-style><font-dir>" + templates.path().string() +
                        "</font-dir><family id='serif' regular='not-a-font.ttf'/>"
                        "<family id='sans' regular='not-a-font.ttf'/></pdf-style>");
    WriteOptions o = options();
    o.templatesDir = templates.path();
    try {
        writePdf(everyBlock(), dir / "broken.pdf", o);
        FAIL() << "no error";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "pdf.libharu") << e.what();
        EXPECT_NE(std::string(e.what()).find("not-a-font.ttf"), std::string::npos) << e.what();
    }
    // A font that does not exist is named.
    test::writeFile(templates.path() / "pdf" / "style.xml",
                    "<pdf-style><family id='serif' regular='Nonexistent-Regular.ttf'/></pdf-style>");
    try {
        writePdf(everyBlock(), dir / "broken.pdf", o);
        FAIL() << "no error";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "pdf.font-missing");
        EXPECT_NE(std::string(e.what()).find("Nonexistent-Regular.ttf"), std::string::npos) << e.what();
    }
}

TEST_F(PdfDocument, UnknownEngineIsAClearError) {
    WriteOptions o = options();
    o.pdfEngine = "ghostscript";
    try {
        writePdf(everyBlock(), dir / "x.pdf", o);
        FAIL() << "no error";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "pdf.engine-unknown");
    }
}

TEST_F(PdfDocument, EmptyDocumentIsStillAValidPdf) {
    const fs::path pdf = dir / "empty.pdf";
    writePdf(doc::Document{}, pdf);
    auto r = test::run({(test::sharedTools() / "pdf-check").string(), pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_EQ(pageCount(pdf), 1);
}

TEST_F(PdfDocument, OddInputStaysInsideTheMarginsAndValid) {
    // A row taller than a page (split between lines, header repeated), characters libharu cannot
    // encode, control characters, empty runs and blocks, a very long unbroken word, deep lists.
    doc::Document d;
    d.meta.title = "Udda indata \xF0\x9F\x98\x80";
    d.meta.pageLabel = "Sida {page} av {pages}";
    d.meta.headerText = "Exempelby kommun · KS 2027/0042";
    std::string tall;
    for (int i = 0; i < 150; ++i) tall += "Rad " + std::to_string(i) + " i en mycket hög cell.\n";
    doc::Table t;
    t.header.push_back({doc::runs("Kolumn A"), doc::runs("Kolumn B")});
    t.rows.push_back({doc::runs(tall), doc::runs("kort")});
    t.rows.push_back({doc::runs(std::string(400, 'x')), doc::Cell{}});
    t.rows.push_back({});  // no cells at all
    d.blocks.emplace_back(t);
    d.blocks.emplace_back(doc::Paragraph{doc::Runs{doc::plain(""), doc::plain("Tab\there, bell\x07, emoji \xF0\x9F\x98\x80.")}});
    d.blocks.emplace_back(doc::Paragraph{});
    d.blocks.emplace_back(doc::List{});
    doc::List deep{false, {doc::ListItem{doc::runs("nivå 1"), {}}}};
    doc::List* cur = &deep;
    for (int i = 2; i <= 8; ++i) {
        cur->items.back().children.push_back(doc::List{i % 2 == 0, {doc::ListItem{doc::runs("nivå " + std::to_string(i)), {}}}});
        cur = &cur->items.back().children.back();
    }
    d.blocks.emplace_back(deep);
    d.blocks.emplace_back(doc::Heading{7, doc::runs("Djup rubrik"), true});
    d.blocks.emplace_back(doc::SignatureBlock{});
    const fs::path pdf = dir / "odd.pdf";
    writePdf(d, pdf);
    auto r = test::run({(test::sharedTools() / "pdf-check").string(), "--expect-text", "Rad 149 i en mycket hög cell.",
                        "--expect-text", "nivå 8", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    expectWithinMargins(pdf);
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 2);
    for (int p = 1; p <= 2; ++p) EXPECT_NE(pdftotext(pdf, p).find("Kolumn A"), std::string::npos) << "page " << p;
}
