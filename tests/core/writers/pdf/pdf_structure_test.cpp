// The tagged PDF's structure read back with qpdf --json and poppler: /Lang on the elements whose
// text is in another language than the document's, the contents' links tagged as Link elements
// that own their annotations (OBJR, /StructParent and the parent tree agreeing), and a character
// no installed font has reported at the place in the source where it was typed.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <regex>

#include "pdf_objects.hpp"
#include "pdf_test_docs.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

doc::Document twoLanguages() {
    doc::Document d = everyBlock();
    doc::Run en = doc::plain("The board adopted this summary in English for its partners abroad.");
    en.lang = "en";
    d.blocks.emplace_back(doc::Heading{1, doc::runs("Sammanfattning"), true});
    d.blocks.emplace_back(doc::Paragraph{{en}});
    doc::Run enItem = doc::plain("Annual review of the agreement");
    enItem.lang = "en";
    d.blocks.emplace_back(doc::List{false, {doc::ListItem{{enItem}, {}}, doc::ListItem{doc::runs("Årlig översyn"), {}}}});
    // Mixed in one paragraph: the paragraph stays in the document's language.
    doc::Run mixed = doc::plain("steering group");
    mixed.lang = "en";
    d.blocks.emplace_back(doc::Paragraph{{doc::plain("Styrgruppen (på engelska "), mixed, doc::plain(") möts varje månad.")}});
    return d;
}

}  // namespace

TEST(PdfStructure, AnElementInAnotherLanguageHasItsOwnLang) {
    test::TempDir dir;
    const fs::path pdf = dir / "lang.pdf";
    writePdf(twoLanguages(), pdf);
    Objects objs(pdf);
    auto catalog = objs.dict(str(objs.trailer(), "/Root"));
    ASSERT_TRUE(catalog);
    EXPECT_EQ(str(catalog, "/Lang"), "u:sv-SE");

    std::vector<std::string> langs;
    std::vector<std::string> types;
    for (const auto& [ref, o] : objs.with("/Lang", "u:en-GB")) {
        langs.push_back(ref);
        types.push_back(str(o, "/S"));
    }
    std::sort(types.begin(), types.end());
    // The English paragraph and the English list item's body; not the mixed paragraph, not the
    // Swedish item, and no element repeats the document's language.
    EXPECT_EQ(types, (std::vector<std::string>{"/LBody", "/P"}));
    EXPECT_TRUE(objs.with("/Lang", "u:sv-SE").size() == 1) << "only the catalog says sv-SE";

    // poppler reads the English text under those elements.
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("The board adopted this summary"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Annual review of the agreement"), std::string::npos);
}

TEST(PdfStructure, TheContentsLinksAreLinkElementsThatOwnTheirAnnotations) {
    test::TempDir dir;
    const fs::path pdf = dir / "links.pdf";
    writePdf(everyBlock(), pdf);
    Objects objs(pdf);

    auto annots = objs.with("/Subtype", "/Link");
    auto links = objs.with("/S", "/Link");
    ASSERT_FALSE(annots.empty());
    EXPECT_EQ(annots.size(), links.size()) << "one Link element per link annotation";

    auto catalog = objs.dict(str(objs.trailer(), "/Root"));
    auto treeRoot = objs.dict(str(catalog, "/StructTreeRoot"));
    ASSERT_TRUE(treeRoot);
    auto parentTree = objs.dict(str(treeRoot, "/ParentTree"));
    ASSERT_TRUE(parentTree);
    auto nums = parentTree->getArray("/Nums");
    ASSERT_TRUE(nums);
    std::map<int, std::string> single;  // parent tree keys that map to one element (annotations)
    for (std::size_t i = 0; i + 1 < nums->size(); i += 2)
        if (nums->get(static_cast<unsigned>(i + 1)).isString())
            single[nums->getElement<int>(static_cast<unsigned>(i))] = nums->getElement<std::string>(static_cast<unsigned>(i + 1));
    const int nextKey = treeRoot->getValue<int>("/ParentTreeNextKey");

    for (const auto& [ref, annot] : annots) {
        SCOPED_TRACE(ref);
        ASSERT_TRUE(annot->has("/StructParent"));
        const int key = annot->getValue<int>("/StructParent");
        EXPECT_LT(key, nextKey);
        ASSERT_TRUE(single.count(key)) << "the parent tree has the annotation's key";
        auto elem = objs.dict(single[key]);
        ASSERT_TRUE(elem);
        EXPECT_EQ(str(elem, "/S"), "/Link");
        EXPECT_EQ(str(objs.dict(str(elem, "/P")), "/S"), "/TOCI");
        EXPECT_FALSE(str(annot, "/Contents").empty()) << "the annotation says where it leads";
        // The element's kids: its marked content and an OBJR naming this annotation.
        auto kids = elem->getArray("/K");
        ASSERT_TRUE(kids);
        int objr = 0;
        for (std::size_t k = 0; k < kids->size(); ++k) {
            auto kid = kids->getObject(static_cast<unsigned>(k));
            if (kid && str(kid, "/Type") == "/OBJR") {
                ++objr;
                EXPECT_EQ(str(kid, "/Obj"), ref);
                EXPECT_FALSE(str(kid, "/Pg").empty());
            }
        }
        EXPECT_EQ(objr, 1);
    }

    // poppler shows the entries' text inside Link elements, in order.
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto toci = r.out.find("TOCI");
    ASSERT_NE(toci, std::string::npos) << r.out;
    const auto link = r.out.find("Link", toci);
    ASSERT_NE(link, std::string::npos) << r.out;
    const auto entry = r.out.find("\"1 Mål och syfte\"", link);
    EXPECT_NE(entry, std::string::npos) << r.out.substr(toci, 600);
    // and the annotation as the Link's object reference
    EXPECT_NE(r.out.find("Object ", entry), std::string::npos) << r.out.substr(toci, 600);
}

namespace {

// A private-use character no installed font has (fontconfig says which fonts have a character).
std::string characterNoFontHas(char32_t& cp) {
    for (char32_t c : {U'\uE000', U'\uE0FF', U'\uE7C8', U'\uF000'}) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04x", static_cast<unsigned>(c));
        auto r = test::run({"fc-list", std::string(":charset=") + hex, "family"});
        if (r.exitCode == 0 && r.out.find_first_not_of(" \n") == std::string::npos) {
            cp = c;
            return std::string{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                               static_cast<char>(0x80 | (c & 0x3F))};
        }
    }
    return {};
}

}  // namespace

TEST(PdfStructure, ACharacterNoFontHasIsReportedWhereItWasTyped) {
    if (!test::commandExists("fc-list")) GTEST_SKIP() << "fc-list is not installed";
    char32_t cp = 0;
    const std::string ch = characterNoFontHas(cp);
    ASSERT_FALSE(ch.empty()) << "every candidate private-use character has a font here";
    // The sample delegation order with the character typed into one row's matter.
    const fs::path sample = test::samplesDir() / "kommun" / "exempelby-delegationsordning.xml";
    std::string xml = test::readFile(sample);
    const std::string marker = "matter=\"Godkänna ordförandens deltagande";
    const auto at = xml.find(marker);
    ASSERT_NE(at, std::string::npos);
    xml.insert(at + std::string("matter=\"Godkänna ").size(), ch + " ");
    const int line = static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n')) + 1;
    test::TempDir dir;
    const fs::path src = dir / "ordning.xml";
    test::writeFile(src, xml);
    auto r = test::runOverens({"build", src.string(), "-o", dir.path().string(), "--format", "pdf", "--lang", "en"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    char code[16];
    std::snprintf(code, sizeof code, "U\\+%04X", static_cast<unsigned>(cp));  // "U+E000", + escaped
    const std::regex expected(std::regex_replace(src.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + ":" +
                              std::to_string(line) + R"(:(\d+): warning: \[pdf\.glyph-missing\] [^\n]*)" + code + " " + ch);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.err, m, expected)) << r.err;
    // The column is on that line, at or before the character.
    const auto lineStart = xml.rfind('\n', at) + 1;
    EXPECT_GE(std::stoi(m[1]), 1);
    EXPECT_LE(static_cast<std::size_t>(std::stoi(m[1])), xml.find(ch, at) - lineStart + 1);
    // Reported once, though the PDF draws it once and measures it many times.
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}
