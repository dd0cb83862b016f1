#include "writers/pdf/tounicode.hpp"

#include <cstdio>
#include <vector>

namespace overens::pdf {
namespace {

std::string hex4(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "<%04X>", v & 0xFFFFu);
    return buf;
}

// The UTF-16BE of a BMP code point is its own 4-digit hex value.
void section(std::string& out, const char* name, const std::vector<std::string>& entries) {
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        out += std::to_string(n) + " begin" + name + "\n";
        for (std::size_t k = i; k < i + n; ++k) out += entries[k] + "\n";
        out += std::string("end") + name + "\n";
    }
}

}  // namespace

std::string toUnicodeCMap(const std::set<char32_t>& used) {
    std::vector<std::string> ranges, chars;
    if (used.empty()) {
        for (unsigned hi = 0; hi < 0x100; ++hi) {
            if (hi >= 0xD8 && hi <= 0xDF) continue;  // surrogates are not characters
            ranges.push_back(hex4(hi << 8) + " " + hex4((hi << 8) | 0xFF) + " " + hex4(hi << 8));
        }
    } else {
        // Runs of consecutive codes that share the high byte become one bfrange.
        std::vector<unsigned> codes;
        for (char32_t cp : used)
            if (cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) codes.push_back(static_cast<unsigned>(cp));
        for (std::size_t i = 0; i < codes.size();) {
            std::size_t j = i;
            while (j + 1 < codes.size() && codes[j + 1] == codes[j] + 1 && (codes[j + 1] >> 8) == (codes[i] >> 8)) ++j;
            if (j > i)
                ranges.push_back(hex4(codes[i]) + " " + hex4(codes[j]) + " " + hex4(codes[i]));
            else
                chars.push_back(hex4(codes[i]) + " " + hex4(codes[i]));
            i = j + 1;
        }
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    section(out, "bfrange", ranges);
    section(out, "bfchar", chars);
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

}  // namespace overens::pdf
