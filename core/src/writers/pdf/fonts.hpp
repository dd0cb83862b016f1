// The fonts of a PDF: TrueType files embedded with libharu's UTF-8 encoding, loaded when first
// used, with a width table per face for measuring and a record of the characters each face drew
// (for the ToUnicode maps written afterwards).
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

#include "writers/pdf/haru.hpp"
#include "writers/pdf/style.hpp"

#include "overens/diagnostics.hpp"

namespace overens::pdf {

// What a face has for one code point, looked up in the font once per document.
struct CharFacts {
    float width = -1;        // advance in 1/1000 of the size, -1 = not measured yet
    signed char glyph = -1;  // 1 the font has a glyph, 0 not, -1 not looked up yet
    bool used = false;       // drawn with this face
};

// CharFacts of the Basic Multilingual Plane in pages of 256 code points, made when first
// touched: a document draws from a few pages, and a whole table per face would be 2 MB.
class CharTable {
public:
    CharFacts& operator[](char32_t cp) {  // cp <= 0xFFFF
        auto& page = pages_[(cp >> 8) & 0xFF];
        if (!page) page = std::make_unique<std::array<CharFacts, 256>>();
        return (*page)[cp & 0xFF];
    }
    // The code points drawn with the face, in increasing order.
    std::vector<unsigned> used() const;

private:
    std::array<std::unique_ptr<std::array<CharFacts, 256>>, 256> pages_;
};

struct Face {
    HPDF_Font font = nullptr;
    std::string name;       // libharu's font name (the PDF BaseFont without subset tag)
    std::string file;
    double ascent = 800;    // per 1000 units of size
    double descent = -200;
    CharTable chars;
    bool anyUsed = false;
};

using FaceId = int;

class Hyphenator;

class FontBook {
public:
    FontBook(HaruDoc& doc, const Style& style, Diagnostics& diags);

    // The face of a family for bold/italic, loaded on first use.
    FaceId face(const std::string& family, bool bold, bool italic);
    FaceId face(const TextStyle& s, bool strong = false, bool emphasis = false) {
        return face(s.family, s.bold || strong, s.italic || emphasis);
    }
    Face& at(FaceId id) { return faces_[static_cast<std::size_t>(id)]; }

    // Whether the face has a glyph for the character.
    bool hasGlyph(FaceId id, char32_t cp);
    // The face to draw a character with: `primary` when it has the glyph, else the first
    // fallback family's face (same bold/italic) that has it. When none has it: `primary`, and a
    // warning naming the character (once per character).
    FaceId faceFor(FaceId primary, bool bold, bool italic, char32_t cp);
    // Reports, once per character, one that no font can draw (beyond U+FFFF libharu cannot),
    // at the place in the source the locator gives for it (where it was typed).
    void reportMissing(char32_t cp);
    void setLocator(std::function<Location(char32_t)> locate) { locate_ = std::move(locate); }

    // Advance width of one code point in 1/1000 of the size.
    double charWidth(FaceId id, char32_t cp);
    // Width of UTF-8 text at a size, in points.
    double width(FaceId id, std::string_view text, double size);
    // Records the characters of text as drawn with the face (for ToUnicode).
    void markUsed(FaceId id, std::string_view text);

    // Where words may break at line ends (in the document's language); null = between
    // characters only. Kept here because every measuring and wrapping call gets the FontBook.
    void setHyphenator(const Hyphenator* h) { hyphenator_ = h; }
    const Hyphenator* hyphenator() const { return hyphenator_; }

    // Before saving: ToUnicode maps, CIDToGIDMaps and widths for the characters drawn, fonts
    // compressed, faces never drawn not embedded.
    void finish();

private:
    HaruDoc& doc_;
    const Style& style_;
    Diagnostics& diags_;
    std::map<std::string, FaceId> byFile_;
    std::map<std::string, FaceId> byKey_;
    std::vector<Face> faces_;
    std::set<char32_t> warnedMissing_;
    std::map<std::pair<FaceId, char32_t>, FaceId> fallbackOf_;
    const Hyphenator* hyphenator_ = nullptr;
    std::function<Location(char32_t)> locate_;
};

}  // namespace overens::pdf
