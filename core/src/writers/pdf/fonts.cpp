#include "writers/pdf/fonts.hpp"

#include <cstdio>
#include <cstring>

#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "overens/diagnostics.hpp"
#include "writers/pdf/font_embedding.hpp"
#include "writers/pdf/tounicode.hpp"
#include "writers/pdf/utf8.hpp"
#include "writers/writer.hpp"

namespace overens::pdf {

namespace {

// libharu's UTF-8 font (HPDF_GetFont) looks up the glyph and width of every one of the 65,536
// code points to write a width array and a CIDToGIDMap for the whole plane, which finish()
// replaces with those of the characters drawn: 7.5 M instructions a face. For an encoder with a
// code-to-CID table (HPDF_CMapEncoder_ToUnicode) it looks up only the codes that have a CID.
// The UTF-8 encoder has none (it decodes instead, and keeps its decoding state in the first
// entries of that table): while the font is made it is shown as a table encoder whose only code
// is 1, so the font gets the same objects and entries (a one-entry map, an empty /W) at once.
HPDF_Font getFontQuickly(HPDF_Doc pdf, const char* name) {
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE) return HPDF_GetFont(pdf, name, "UTF-8");
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(enc->attr);
    HPDF_UINT16 state[8];  // the decoder's state (UTF8_EncoderAttr_Rec, 10 bytes)
    std::memcpy(state, attr->cid_map[0], sizeof state);
    std::memset(attr->cid_map[0], 0, sizeof state);
    attr->cid_map[0][1] = 1;
    const HPDF_Encoder_ToUnicode_Func decode = enc->to_unicode_fn;
    enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    enc->to_unicode_fn = decode;
    std::memcpy(attr->cid_map[0], state, sizeof state);
    return font;
}

}  // namespace

std::vector<unsigned> CharTable::used() const {
    std::vector<unsigned> codes;
    for (unsigned hi = 0; hi < 256; ++hi) {
        if (!pages_[hi]) continue;
        for (unsigned lo = 0; lo < 256; ++lo)
            if ((*pages_[hi])[lo].used) codes.push_back(hi << 8 | lo);
    }
    return codes;
}

FontBook::FontBook(HaruDoc& doc, const Style& style, Diagnostics& diags) : doc_(doc), style_(style), diags_(diags) {}

FaceId FontBook::face(const std::string& family, bool bold, bool italic) {
    const std::string key = family + (bold ? "/b" : "/-") + (italic ? "i" : "-");
    auto k = byKey_.find(key);
    if (k != byKey_.end()) return k->second;

    auto fam = style_.families.find(family);
    if (fam == style_.families.end())
        throw WriteError("pdf.style-invalid", "PDF: unknown font family '" + family + "'");
    const auto& f = fam->second;
    const std::string file = (bold && italic ? f.boldItalic : bold ? f.bold : italic ? f.italic : f.regular).string();

    auto byFile = byFile_.find(file);
    if (byFile != byFile_.end()) {
        byKey_[key] = byFile->second;
        return byFile->second;
    }

    const char* name = HPDF_LoadTTFontFromFile(doc_.get(), file.c_str(), HPDF_TRUE);
    doc_.check("loading the font " + file);
    if (!name) throw WriteError("pdf.font-missing", "PDF: libharu could not load the font " + file);
    HPDF_Font font = getFontQuickly(doc_.get(), name);
    doc_.check("preparing the font " + file + " for UTF-8");
    if (!font) throw WriteError("pdf.font-missing", "PDF: libharu could not prepare the font " + file);

    Face face;
    face.font = font;
    face.name = name;
    face.file = file;
    face.ascent = HPDF_Font_GetAscent(font);
    face.descent = HPDF_Font_GetDescent(font);
    faces_.push_back(std::move(face));
    const FaceId id = static_cast<FaceId>(faces_.size() - 1);
    byFile_[file] = id;
    byKey_[key] = id;
    return id;
}

bool FontBook::hasGlyph(FaceId id, char32_t cp) {
    if (cp > 0xFFFF) return false;
    Face& f = at(id);
    signed char& known = f.chars[cp].glyph;
    if (known < 0) {
        auto* attr = static_cast<HPDF_FontAttr>(f.font->attr);
        known = HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(cp)) != 0 ? 1 : 0;
    }
    return known == 1;
}

void FontBook::reportMissing(char32_t cp) {
    if (!warnedMissing_.insert(cp).second) return;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string typed;
    appendUtf8(typed, cp);
    const std::string named = std::string(code) + " " + typed;
    diags_.warning("pdf.glyph-missing", locate_ ? locate_(cp) : Location{}, "PDF: inget installerat typsnitt har tecknet " + named + "; det visas som en ruta",
                   "PDF: no installed font has the character " + named + "; it shows as a box");
}

FaceId FontBook::faceFor(FaceId primary, bool bold, bool italic, char32_t cp) {
    if (cp < 0x20 || hasGlyph(primary, cp)) return primary;
    const auto key = std::make_pair(primary, cp);
    if (auto it = fallbackOf_.find(key); it != fallbackOf_.end()) return it->second;
    FaceId found = -1;
    for (const auto& family : style_.fallbacks) {
        if (!style_.families.count(family)) continue;
        const FaceId f = face(family, bold, italic);
        if (hasGlyph(f, cp)) {
            found = f;
            break;
        }
    }
    if (found < 0) {
        reportMissing(cp);
        found = primary;
    }
    fallbackOf_[key] = found;
    return found;
}

double FontBook::charWidth(FaceId id, char32_t cp) {
    Face& f = at(id);
    if (cp > 0xFFFF) cp = 0xFFFD;
    float& w = f.chars[cp].width;
    if (w < 0) {
        auto* attr = static_cast<HPDF_FontAttr>(f.font->attr);
        w = static_cast<float>(HPDF_TTFontDef_GetCharWidth(attr->fontdef, static_cast<HPDF_UNICODE>(cp)));
    }
    return w;
}

double FontBook::width(FaceId id, std::string_view text, double size) {
    double units = 0;
    for (std::size_t i = 0; i < text.size();) units += charWidth(id, decodeUtf8(text, i));
    return units * size / 1000.0;
}

void FontBook::markUsed(FaceId id, std::string_view text) {
    Face& f = at(id);
    f.anyUsed = true;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = decodeUtf8(text, i);
        if (cp <= 0xFFFF) f.chars[cp].used = true;
    }
}

namespace {

void replaceStream(HPDF_Dict stream, const std::string& data) {
    HPDF_MemStream_FreeData(stream->stream);
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT>(data.size()));
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

}  // namespace

// libharu writes, for each font, a ToUnicode map of the whole BMP in a form poppler rejects, a
// CIDToGIDMap and a width array for every character the font has, all uncompressed. Here they
// are rewritten for the characters drawn with the face, before libharu saves them (compressed).
// A face that was loaded (for measuring) but never drawn is not embedded.
void FontBook::finish() {
    std::vector<FontToEmbed> embedded;
    for (Face& f : faces_) {
        auto* attr = static_cast<HPDF_FontAttr>(f.font->attr);
        HPDF_Font cid = attr->descendant_font;
        HPDF_FontDef def = attr->fontdef;
        std::vector<unsigned> codes;
        for (unsigned cp : f.chars.used())
            if (!(cp >= 0xD800 && cp <= 0xDFFF)) codes.push_back(cp);
        // The Type0 font's filter is what libharu gives its maps and font file as it saves them.
        f.font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        if (codes.empty()) {
            static_cast<HPDF_TTFontDefAttr>(def->attr)->embedding = HPDF_FALSE;
            codes.push_back(' ');
        } else {
            embedWhenSaved(f.font);
            embedded.push_back(FontToEmbed{f.font, f.file});
        }
        if (attr->cmap_stream) {
            std::set<char32_t> set(codes.begin(), codes.end());
            replaceStream(attr->cmap_stream, toUnicodeCMap(set));
        }
        // Codes past the end of the map have no glyph; codes not drawn need none.
        if (attr->map_stream) {
            std::string map(2 * (static_cast<std::size_t>(codes.back()) + 1), '\0');
            for (unsigned cp : codes) {
                const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp));
                map[2 * cp] = static_cast<char>(gid >> 8);
                map[2 * cp + 1] = static_cast<char>(gid & 0xFF);
            }
            replaceStream(attr->map_stream, map);
        }
        // /W: runs of consecutive codes, each with its widths ("c [w1 w2 ...]").
        HPDF_Array w = HPDF_Array_New(cid->mmgr);
        for (std::size_t i = 0; i < codes.size();) {
            std::size_t j = i;
            while (j + 1 < codes.size() && codes[j + 1] == codes[j] + 1) ++j;
            HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(codes[i]));
            HPDF_Array run = HPDF_Array_New(cid->mmgr);
            for (std::size_t k = i; k <= j; ++k) {
                const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(codes[k]));
                HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetGidWidth(def, gid));
            }
            HPDF_Array_Add(w, run);
            i = j + 1;
        }
        HPDF_Dict_Add(cid, "W", w);
    }
    prepareFontPrograms(embedded);
    doc_.check("finishing the fonts");
}

}  // namespace overens::pdf
