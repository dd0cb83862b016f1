// The fonts' faster paths give what libharu's own gives: the font program cut from the mapped
// file is HPDF_TTFontDef_SaveFontData's byte for byte, and a face made without the 65,536 lookups
// has the same dictionaries.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "overens/diagnostics.hpp"
#include "test_support.hpp"
#include "writers/pdf/font_embedding.hpp"
#include "writers/pdf/fonts.hpp"
#include "writers/pdf/haru.hpp"
#include "writers/pdf/style.hpp"
#include "writers/pdf/utf8.hpp"

using namespace overens;
using namespace overens::pdf;

namespace {

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string streamBytes(HPDF_Stream s) {
    std::string out;
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(s); i < n; ++i) {
        HPDF_UINT len = 0;
        const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (chunk) out.append(reinterpret_cast<const char*>(chunk), len);
    }
    return out;
}

// Every font file the house style names (regular, bold, italic, bold italic of each family).
std::set<std::string> styleFonts() {
    const Style style = loadStyle(test::sourceDir() / "templates");
    std::set<std::string> files;
    for (const auto& [id, f] : style.families)
        for (const auto* p : {&f.regular, &f.bold, &f.italic, &f.boldItalic})
            if (!p->empty()) files.insert(p->string());
    return files;
}

}  // namespace

TEST(PdfFontProgram, IsLibharusSubsetByteForByte) {
    const auto files = styleFonts();
    ASSERT_GE(files.size(), 4u);
    // Few glyphs, the Swedish letters (composite glyphs in some fonts), and a large set.
    std::string many;
    for (char32_t c = 0x20; c < 0x250; ++c) appendUtf8(many, c);
    const std::string texts[] = {"a", "Överenskommelse åäö ÅÄÖ § – ”citat” 1234567890", many};
    for (const auto& file : files) {
        const std::string bytes = fileBytes(file);
        ASSERT_FALSE(bytes.empty()) << file;
        for (const auto& text : texts) {
            HaruDoc doc;
            const char* name = HPDF_LoadTTFontFromFile(doc.get(), file.c_str(), HPDF_TRUE);
            ASSERT_NE(name, nullptr) << file;
            HPDF_FontDef def = HPDF_GetFontDef(doc.get(), name);
            ASSERT_NE(def, nullptr);
            // Measuring a character marks its glyph (and a composite's parts) as used.
            for (std::size_t i = 0; i < text.size();)
                HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UNICODE>(decodeUtf8(text, i)));
            HPDF_Stream theirs = HPDF_MemStream_New(doc.get()->mmgr, HPDF_STREAM_BUF_SIZ);
            ASSERT_EQ(HPDF_TTFontDef_SaveFontData(def, theirs), HPDF_OK) << file;
            const std::string expected = streamBytes(theirs);
            HPDF_Stream_Free(theirs);
            const std::string ours = subsetFontProgram(def, bytes);
            EXPECT_GT(ours.size(), 1000u);
            EXPECT_EQ(ours.size(), static_cast<HPDF_TTFontDefAttr>(def->attr)->length1) << file;
            EXPECT_TRUE(ours == expected) << file << ", " << text.size() << " bytes of text: " << ours.size()
                                          << " bytes, libharu's " << expected.size();
        }
    }
}

TEST(PdfFontProgram, TheFaceHasLibharusDictionariesWithoutItsFullPlaneLookups) {
    // The quick face's descendant font has libharu's entries in libharu's order, and drawing
    // afterwards decodes UTF-8 as before (the encoder is left as it was).
    Diagnostics diags;
    HaruDoc doc;
    HPDF_UseUTFEncodings(doc.get());
    HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
    const Style style = loadStyle(test::sourceDir() / "templates");
    FontBook fonts(doc, style, diags);
    const FaceId f = fonts.face("serif", false, false);
    auto* attr = static_cast<HPDF_FontAttr>(fonts.at(f).font->attr);
    HPDF_Dict cid = attr->descendant_font;
    std::vector<std::string> keys;
    for (HPDF_UINT i = 0; i < cid->list->count; ++i)
        keys.push_back(static_cast<HPDF_DictElement>(HPDF_List_ItemAt(cid->list, i))->key);
    const std::vector<std::string> expected = {"Type", "Subtype", "DW", "DW2", "W", "CIDToGIDMap", "CIDSystemInfo"};
    EXPECT_EQ(keys, expected);
    const std::string text = "Överens §";
    HPDF_TextWidth tw = HPDF_Font_TextWidth(fonts.at(f).font, reinterpret_cast<const HPDF_BYTE*>(text.c_str()),
                                            static_cast<HPDF_UINT>(text.size()));
    EXPECT_EQ(tw.numchars, 9u);
    EXPECT_NEAR(fonts.width(f, text, 1000), tw.width, 1.0);
}
