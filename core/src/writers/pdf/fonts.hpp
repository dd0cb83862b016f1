// The fonts of a PDF: TrueType files embedded with libharu's UTF-8 encoding, loaded when first
// used, with a width table per face for measuring and a record of the characters each face drew
// (for the ToUnicode maps written afterwards).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

#include "writers/pdf/haru.hpp"
#include "writers/pdf/style.hpp"

#include "overens/diagnostics.hpp"

namespace overens::pdf {

struct Face {
    HPDF_Font font = nullptr;
    std::string name;       // libharu's font name (the PDF BaseFont without subset tag)
    std::string file;
    double ascent = 800;    // per 1000 units of size
    double descent = -200;
    std::vector<float> widths;  // per code point (BMP), -1 = not measured yet
    std::vector<bool> used;     // per code point: drawn with this face
    std::vector<signed char> hasGlyph;  // per code point: 1 yes, 0 no, -1 not looked up yet
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
    HPDF_Encoder encoderCheck_ = nullptr;
    std::map<std::string, FaceId> byFile_;
    std::map<std::string, FaceId> byKey_;
    std::vector<Face> faces_;
    std::set<char32_t> warnedMissing_;
    std::map<std::pair<FaceId, char32_t>, FaceId> fallbackOf_;
    const Hyphenator* hyphenator_ = nullptr;
    std::function<Location(char32_t)> locate_;
};

}  // namespace overens::pdf
