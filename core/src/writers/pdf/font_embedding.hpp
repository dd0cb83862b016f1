// The embedded font programs (FontFile2). libharu subsets a face and deflates it at level 6
// while it saves; a batch repeats that for every document although its documents draw the
// same characters. Here the same objects are made at the same moment of the save (every object
// keeps its number), from a subset made once per process for each face and set of glyphs and
// deflated at level 1.
#pragma once

#include <vector>

#include <hpdf.h>

namespace overens::pdf {

// Makes the face's font descriptor and program when libharu saves the font (embedded faces only).
void embedWhenSaved(HPDF_Font font);
// Makes the programs of these faces that the process does not have yet, one thread per face
// (after the last character is drawn: the subset follows the glyphs used).
void prepareFontPrograms(const std::vector<HPDF_Font>& fonts);

}  // namespace overens::pdf
