// Finishing a libharu PDF with libqpdf: correct ToUnicode maps, a fixed document ID and the
// catalog entries libharu has no API for.
#pragma once

#include <map>
#include <set>
#include <string>

namespace overens::pdf {

// A ToUnicode CMap for fonts whose 2-byte codes are the characters' UTF-16 values (libharu's
// UTF-8 encoding of TrueType fonts): bfrange/bfchar entries for exactly the given code points,
// or for the whole Basic Multilingual Plane when `used` is empty.
std::string toUnicodeCMap(const std::set<char32_t>& used);

struct FinishOptions {
    std::string lang;  // BCP 47 tag for /Lang, e.g. "sv-SE"; empty = none
    // Per font name (BaseFont without subset tag): the code points drawn with it.
    std::map<std::string, std::set<char32_t>> usage;
};

// Rewrites every ToUnicode map of the fonts libharu wrote, sets /Lang and DisplayDocTitle, and
// writes the file again with a deterministic /ID. Throws WriteError("pdf.postprocess") on failure.
std::string finishWithQpdf(const std::string& pdf, const FinishOptions& options);

}  // namespace overens::pdf
