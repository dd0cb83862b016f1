// A municipality's reference document (--reference-odt) applied to the PDF house style: body and
// heading fonts (found by name with fontconfig) and sizes, page size and margins, and what the
// ODT keeps of its running header and footer (the logo, the text beside it). What the PDF writer
// cannot take from it (a logo that is not PNG or JPEG, a footer logo, a font that is not
// installed as TrueType) is reported once, by name.
#pragma once

#include <filesystem>

#include "writers/pdf/style.hpp"

namespace overens {
class Diagnostics;
}

namespace overens::pdf {

void applyReference(Style& style, const std::filesystem::path& reference, Diagnostics& diags);

// The TrueType file fontconfig gives for a family, bold and/or italic; empty when the family is
// not installed (fontconfig's nearest match of another family does not count) or not TrueType.
std::filesystem::path findFont(const std::string& family, bool bold, bool italic);

}  // namespace overens::pdf
