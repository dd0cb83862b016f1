// Unit tests of the PDF writer's pieces: UTF-8 handling, wrapping by measurement, heading
// numbers, the ToUnicode maps.
#include <gtest/gtest.h>

#include <regex>

#include "overens/diagnostics.hpp"
#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/fonts.hpp"
#include "writers/pdf/haru.hpp"
#include "writers/pdf/layout.hpp"
#include "writers/pdf/style.hpp"
#include "writers/pdf/text_wrap.hpp"
#include "writers/pdf/tounicode.hpp"
#include "writers/pdf/utf8.hpp"

using namespace overens;
using namespace overens::pdf;

TEST(PdfUtf8, BoundaryBacksOffToTheStartOfACharacter) {
    const std::string s = "aå§–b";  // a, å (2 bytes), § (2), – (3), b
    EXPECT_EQ(utf8Boundary(s, 0), 0u);
    EXPECT_EQ(utf8Boundary(s, 1), 1u);
    EXPECT_EQ(utf8Boundary(s, 2), 1u);  // inside å
    EXPECT_EQ(utf8Boundary(s, 3), 3u);
    EXPECT_EQ(utf8Boundary(s, 6), 5u);  // inside –
    EXPECT_EQ(utf8Boundary(s, 7), 5u);
    EXPECT_EQ(utf8Boundary(s, 8), 8u);
    EXPECT_EQ(utf8Boundary(s, 99), s.size());
}

TEST(PdfUtf8, CleanTextKeepsSwedishAndReplacesWhatLibharuCannotEncode) {
    EXPECT_EQ(cleanText("Överenskommelse åäö ÅÄÖ § – ”x”"), "Överenskommelse åäö ÅÄÖ § – ”x”");
    EXPECT_EQ(cleanText("a\tb"), "a b");
    EXPECT_EQ(cleanText("a\x01" "b"), "ab");
    EXPECT_EQ(cleanText("emoji \xF0\x9F\x98\x80"), "emoji \xEF\xBF\xBD");  // beyond the BMP -> U+FFFD
    EXPECT_EQ(cleanText("bad \xC3"), "bad \xEF\xBF\xBD");                // truncated sequence
    std::size_t i = 0;
    EXPECT_EQ(decodeUtf8("\xC3\xA5", i), U'å');
    EXPECT_EQ(i, 2u);
}

TEST(PdfToUnicode, MapUsesBfrangeWithinOneHighByteAndAtMostHundredEntries) {
    std::set<char32_t> used;
    for (char32_t c = 0x20; c < 0x7F; ++c) used.insert(c);
    for (char32_t c : std::u32string(U"åäöÅÄÖ§–”’€")) used.insert(c);
    for (char32_t c = 0x100; c < 0x1F0; c += 2) used.insert(c);  // many singles
    const std::string cmap = toUnicodeCMap(used);
    EXPECT_EQ(cmap.find("cidrange"), std::string::npos);
    EXPECT_NE(cmap.find("beginbfrange"), std::string::npos);
    EXPECT_NE(cmap.find("<00E4> <00E5> <00E4>"), std::string::npos);  // ä å
    EXPECT_NE(cmap.find("<00D6> <00D6>"), std::string::npos);          // Ö alone
    EXPECT_NE(cmap.find("<2013> <2013>"), std::string::npos);  // en dash
    EXPECT_NE(cmap.find("<0020> <007E> <0020>"), std::string::npos);
    static const std::regex count(R"((\d+) begin(bfrange|bfchar))");
    for (std::sregex_iterator it(cmap.begin(), cmap.end(), count), end; it != end; ++it)
        EXPECT_LE(std::stoi((*it)[1]), 100);
    // A range never crosses a high byte.
    static const std::regex range(R"(<([0-9A-F]{2})[0-9A-F]{2}> <([0-9A-F]{2})[0-9A-F]{2}> <)");
    for (std::sregex_iterator it(cmap.begin(), cmap.end(), range), end; it != end; ++it)
        EXPECT_EQ((*it)[1], (*it)[2]);
    const std::string full = toUnicodeCMap({});
    EXPECT_NE(full.find("<FF00> <FFFF> <FF00>"), std::string::npos);
    EXPECT_EQ(full.find("<D800>"), std::string::npos);
}

TEST(PdfHeadings, NumberedLikeTheOdtAndUnnumberedLeftOut) {
    doc::Blocks b{doc::Heading{1, doc::runs("A"), true},  doc::Heading{2, doc::runs("A.a"), true},
                  doc::Heading{2, doc::runs("A.b"), true}, doc::Heading{3, doc::runs("A.b.i"), true},
                  doc::Heading{1, doc::runs("B"), true},  doc::Heading{2, doc::runs("B.a"), true},
                  doc::Heading{1, doc::runs("Bilaga"), false}, doc::Heading{1, doc::runs("C"), true}};
    auto marks = numberHeadings(b, ".");
    ASSERT_EQ(marks.size(), 8u);
    const char* expected[] = {"1", "1.1", "1.2", "1.2.1", "2", "2.1", "", "3"};
    for (std::size_t i = 0; i < marks.size(); ++i) EXPECT_EQ(marks[i].number, expected[i]) << i;
    EXPECT_EQ(marks[3].title(), "1.2.1 A.b.i");
    EXPECT_EQ(marks[6].title(), "Bilaga");
}

class PdfWrap : public ::testing::Test {
protected:
    PdfWrap() : style(loadStyle(test::sourceDir() / "templates")), fonts(doc, style, diags) {
        HPDF_UseUTFEncodings(doc.get());
        HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
    }
    Diagnostics diags;
    HaruDoc doc;
    Style style;
    FontBook fonts;
};

TEST_F(PdfWrap, LinesStayWithinTheWidthAndKeepEveryWord) {
    const TextStyle& s = style.style("body");
    const std::string text =
        "Överenskommelsen mellan ordföranden och direktören – om styrning, ledning och den ”gyllene zonen” – "
        "gäller enligt 7 kap. 2 § kommunallagen och prövas varje år. åäö ÅÄÖ";
    for (double width : {100.0, 150.0, 200.0, 455.0}) {
        auto lines = wrapSpans(fonts, spansOf(fonts, s, text), width);
        ASSERT_FALSE(lines.empty());
        std::string joined;
        for (const auto& l : lines) {
            EXPECT_LE(l.width, width + 1e-6);
            double measured = 0;
            for (const auto& f : l.frags) {
                EXPECT_LE(f.x + fonts.width(f.face, f.text, f.size), width + 1e-6) << f.text;
                measured = std::max(measured, f.x + fonts.width(f.face, f.text, f.size));
            }
            EXPECT_NEAR(measured, l.width, 1e-6);
            for (const auto& f : l.frags) joined += f.text + " ";
        }
        // Every word is still there, in order, whole (the text has no word wider than 100 pt).
        std::string expected = text + " ";
        EXPECT_EQ(joined, expected) << "width " << width;
    }
}

TEST_F(PdfWrap, OurWidthsAgreeWithLibharu) {
    const FaceId f = fonts.face("sans", false, false);
    const std::string text = "Överenskommelse åäö ÅÄÖ § – ”citat”";
    HPDF_TextWidth tw = HPDF_Font_TextWidth(fonts.at(f).font, reinterpret_cast<const HPDF_BYTE*>(text.c_str()),
                                            static_cast<HPDF_UINT>(text.size()));
    EXPECT_NEAR(fonts.width(f, text, 1000), tw.width, 1.0);
}

TEST_F(PdfWrap, ALongWordIsBrokenBetweenCharactersNeverInsideOne) {
    const TextStyle& s = style.style("body");
    const std::string word = "ÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäö";
    auto lines = wrapSpans(fonts, spansOf(fonts, s, word), 50);
    ASSERT_GT(lines.size(), 2u);
    std::string joined;
    for (const auto& l : lines) {
        EXPECT_LE(l.width, 50 + 1e-6);
        for (const auto& f : l.frags) joined += f.text;
    }
    EXPECT_EQ(joined, word);
}

TEST_F(PdfWrap, ParagraphSignIsKeptWithItsNumber) {
    const TextStyle& s = style.style("body");
    // Find a width where "14" ends a line if "§" were free to move to the next one.
    const std::string text = "enligt 2 kap. 14 § OSL";
    const double upTo14 = fonts.width(fonts.face(s), "enligt 2 kap. 14", s.size);
    auto lines = wrapSpans(fonts, spansOf(fonts, s, text), upTo14 + 1);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].frags.back().text.find("14"), std::string::npos) << lines[0].frags.back().text;
    EXPECT_EQ(lines[1].frags.front().text.rfind("14 §", 0), 0u) << lines[1].frags.front().text;
}

TEST_F(PdfWrap, MissingGlyphIsReportedOnce) {
    const TextStyle& s = style.style("body");
    wrapSpans(fonts, spansOf(fonts, s, "中 中 中"), 200);
    EXPECT_EQ(diags.count(Severity::Warning), 1u);
    EXPECT_TRUE(diags.hasCode("pdf.glyph-missing"));
}

TEST_F(PdfWrap, ACharacterTheFontLacksComesFromTheFallbackFont) {
    const TextStyle& s = style.style("body");
    // Liberation Sans has no ✓ (U+2713); DejaVu Sans, the template's fallback, has it.
    const FaceId body = fonts.face(s);
    ASSERT_FALSE(fonts.hasGlyph(body, U'\u2713'));
    auto spans = spansOf(fonts, s, "Klart \u2713 nu");
    ASSERT_EQ(spans.size(), 3u);
    EXPECT_EQ(spans[0].face, body);
    EXPECT_NE(spans[1].face, body);
    EXPECT_TRUE(fonts.hasGlyph(spans[1].face, U'\u2713'));
    EXPECT_EQ(spans[2].face, body);
    EXPECT_EQ(diags.count(Severity::Warning), 0u);
    // A character beyond what libharu can encode is reported by what was typed.
    spansOf(fonts, s, "glad \xF0\x9F\x98\x80");
    ASSERT_EQ(diags.count(Severity::Warning), 1u);
    EXPECT_NE(diags.all().front().message_en.find("U+1F600 \xF0\x9F\x98\x80"), std::string::npos) << diags.all().front().message_en;
}
