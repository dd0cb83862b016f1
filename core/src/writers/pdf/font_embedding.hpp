// The embedded font programs (FontFile2). libharu subsets a face and deflates it at level 6
// while it saves; a batch repeats that for every document although its documents draw the
// same characters. Here the same objects are made at the same moment of the save (every object
// keeps its number), from a subset made once per process for each face and set of glyphs and
// deflated at level 1. The subset is the one libharu makes, byte for byte, but cut from the font
// file mapped into memory once per process (libharu reads the file four bytes a call).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

namespace overens::pdf {

// Makes the face's font descriptor and program when libharu saves the font (embedded faces only).
void embedWhenSaved(HPDF_Font font);
struct FontToEmbed {
    HPDF_Font font = nullptr;
    std::string file;  // the TrueType file libharu loaded the face from
};
// Makes the programs of these faces that the process does not have yet, one thread per face
// (after the last character is drawn: the subset follows the glyphs used).
void prepareFontPrograms(const std::vector<FontToEmbed>& fonts);

// What HPDF_TTFontDef_SaveFontData writes for the face's glyphs in use, from the bytes of its
// font file: the 13 tables libharu keeps, with glyf and loca cut to the glyphs used and the
// subset tag in the names.
std::string subsetFontProgram(HPDF_FontDef def, std::string_view file);

}  // namespace overens::pdf
