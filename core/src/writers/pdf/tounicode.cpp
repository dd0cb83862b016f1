#include "writers/pdf/tounicode.hpp"

#include <cstdio>
#include <vector>

#define POINTERHOLDER_TRANSITION 4  // qpdf: std::shared_ptr only
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "writers/writer.hpp"

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

// libharu writes a CIDToGIDMap for all 65,536 codes (128 KiB per font, mostly zeros). Codes past
// the end of the map have no glyph, so a map that ends after the highest code drawn describes the
// same document and spares compressing and storing the rest.
void truncateCidToGidMap(QPDFObjectHandle& type0, char32_t highestUsed) {
    auto descendants = type0.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() < 1) return;
    auto cidFont = descendants.getArrayItem(0);
    if (!cidFont.isDictionary()) return;
    auto map = cidFont.getKey("/CIDToGIDMap");
    if (!map.isStream() || !map.getDict().getKey("/Filter").isNull()) return;
    auto data = map.getRawStreamData();
    const std::size_t keep = 2 * (static_cast<std::size_t>(highestUsed) + 1);
    if (data->getSize() <= keep) return;
    map.replaceStreamData(std::string(reinterpret_cast<const char*>(data->getBuffer()), keep),
                          QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
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

std::string finishWithQpdf(const std::string& pdf, const FinishOptions& options) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("overens.pdf", pdf.data(), pdf.size());
        // The fonts are shared by the pages: visit each font dictionary once.
        std::set<QPDFObjGen> seen;
        std::vector<QPDFObjectHandle> fonts;
        for (auto page : q.getAllPages()) {
            auto res = page.getKey("/Resources");
            if (!res.isDictionary()) continue;
            auto dict = res.getKey("/Font");
            if (!dict.isDictionary()) continue;
            for (auto& [key, font] : dict.ditems())
                if (font.isIndirect() && seen.insert(font.getObjGen()).second) fonts.push_back(font);
        }
        for (auto& obj : fonts) {
            if (!obj.isDictionary() || !obj.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
            auto tu = obj.getKey("/ToUnicode");
            if (!tu.isStream()) continue;
            std::string name = obj.getKey("/BaseFont").isName() ? obj.getKey("/BaseFont").getName() : "";
            if (!name.empty() && name[0] == '/') name.erase(0, 1);
            if (auto plus = name.find('+'); plus != std::string::npos) name.erase(0, plus + 1);
            auto it = options.usage.find(name);
            static const std::set<char32_t> none;
            const std::set<char32_t>& used = it != options.usage.end() ? it->second : none;
            tu.replaceStreamData(toUnicodeCMap(used), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
            if (!used.empty()) truncateCidToGidMap(obj, *used.rbegin());
        }
        auto root = q.getRoot();
        if (!options.lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.lang));
        auto prefs = QPDFObjectHandle::newDictionary();
        prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        root.replaceKey("/ViewerPreferences", prefs);

        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.setCompressStreams(true);
        w.setDecodeLevel(qpdf_dl_none);
        w.setObjectStreamMode(qpdf_o_generate);
        w.write();
        auto buf = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    } catch (const std::exception& e) {
        throw WriteError("pdf.postprocess", std::string("PDF: finishing the file with qpdf failed: ") + e.what());
    }
}

}  // namespace overens::pdf
