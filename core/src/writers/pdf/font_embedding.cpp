#include "writers/pdf/font_embedding.hpp"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/SharedMemory.h>

#include "writers/pdf/haru.hpp"

namespace overens::pdf {
namespace {

// Level 1 by measurement: the agreement's two faces (135 KB) deflate in 1.4 ms to 64 KB, at
// libharu's level 6 in 2.9 ms to 61 KB.
constexpr int kLevel = 1;
// The cache keeps at most this much (a face with a few hundred glyphs deflates to ~35 KB).
constexpr std::size_t kCacheBytes = 16u << 20;

struct Program {
    std::string deflated;
    HPDF_UINT length1 = 0;  // the subset's size before deflating (/Length1)
};

// What the subset depends on: the font file (its tables' checksums and lengths), the subset tag
// (written into its name table) and the glyphs drawn.
std::string keyOf(HPDF_FontDef def) {
    const auto* a = static_cast<HPDF_TTFontDefAttr>(def->attr);
    std::string key(a->tag_name, sizeof a->tag_name);
    for (HPDF_UINT16 i = 0; i < a->offset_tbl.num_tables; ++i) {
        const HPDF_TTFTable& t = a->offset_tbl.table[i];
        key.append(t.tag, 4);
        key.append(reinterpret_cast<const char*>(&t.check_sum), sizeof t.check_sum);
        key.append(reinterpret_cast<const char*>(&t.length), sizeof t.length);
    }
    key.append(reinterpret_cast<const char*>(a->glyph_tbl.flgs), a->num_glyphs);
    return key;
}

// libharu's own subset, for a font file that could not be mapped (false: libharu failed).
bool libharusSubset(HPDF_Dict font, HPDF_FontDef def, std::string& data) {
    HPDF_Stream raw = HPDF_MemStream_New(font->mmgr, HPDF_STREAM_BUF_SIZ);
    if (!raw) return false;
    const bool ok = HPDF_TTFontDef_SaveFontData(def, raw) == HPDF_OK;
    if (ok) {
        data.reserve(HPDF_Stream_Size(raw));
        for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(raw); i < n; ++i) {
            HPDF_UINT len = 0;
            const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(raw, i, &len);
            if (chunk) data.append(reinterpret_cast<const char*>(chunk), len);
        }
    }
    HPDF_Stream_Free(raw);
    return ok;
}

// The font file's bytes, mapped once per process (empty when it cannot be).
std::string_view mappedFile(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Poco::SharedMemory>> files;
    if (path.empty()) return {};
    const std::lock_guard<std::mutex> lock(mutex);
    auto& mapped = files[path];
    if (!mapped) {
        try {
            mapped = std::make_unique<Poco::SharedMemory>(Poco::File(path), Poco::SharedMemory::AM_READ);
        } catch (const Poco::Exception&) {
            return {};  // libharu read it a moment ago; if it has gone, libharu's own subset says why
        }
    }
    return std::string_view(mapped->begin(), static_cast<std::size_t>(mapped->end() - mapped->begin()));
}

std::shared_ptr<const Program> subset(HPDF_Dict font, HPDF_FontDef def, const std::string& file) {
    std::string data;
    const std::string_view bytes = mappedFile(file);
    if (!bytes.empty())
        data = subsetFontProgram(def, bytes);
    else if (!libharusSubset(font, def, data))
        return nullptr;
    auto p = std::make_shared<Program>();
    p->length1 = static_cast<HPDF_UINT>(data.size());
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    p->deflated.resize(size);
    if (compress2(reinterpret_cast<Bytef*>(p->deflated.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                  static_cast<uLong>(data.size()), kLevel) != Z_OK)
        return nullptr;
    p->deflated.resize(size);
    return p;
}

std::shared_ptr<const Program> program(HPDF_Dict font, HPDF_FontDef def, const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Program>> cache;
    static std::size_t cached = 0;
    const std::string key = keyOf(def);
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    auto p = subset(font, def, file);  // outside the lock: other documents go on meanwhile
    if (!p) return p;
    const std::lock_guard<std::mutex> lock(mutex);
    if (cached + p->deflated.size() <= kCacheBytes && cache.emplace(key, p).second) cached += p->deflated.size();
    return p;
}

void put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
    out.push_back(static_cast<char>(v & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

// The sum of the big-endian 32-bit words; `padded`: a last partial word counts, padded with zeros
// (a table's checksum), else it is left out (libharu's checkSumAdjustment stops there).
std::uint32_t wordSum(std::string_view s, bool padded) {
    std::uint32_t sum = 0;
    std::size_t i = 0;
    for (; i + 4 <= s.size(); i += 4)
        sum += static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])) << 24 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + 1])) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + 2])) << 8 |
               static_cast<unsigned char>(s[i + 3]);
    if (padded && i < s.size()) {
        std::uint32_t last = 0;
        for (std::size_t k = 0; k < 4; ++k)
            last = last << 8 | (i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u);
        sum += last;
    }
    return sum;
}

const HPDF_TTFTable* findTable(const HPDF_TTFontDefAttr_Rec& a, const char* tag) {
    for (HPDF_UINT16 i = 0; i < a.offset_tbl.num_tables; ++i)
        if (std::memcmp(a.offset_tbl.table[i].tag, tag, 4) == 0) return &a.offset_tbl.table[i];
    return nullptr;
}

void writeHead(const HPDF_TTF_FontHeader& h, std::string& out, std::size_t& adjustmentAt) {
    out.append(reinterpret_cast<const char*>(h.version_number), 4);
    put32(out, h.font_revision);
    adjustmentAt = out.size();
    put32(out, 0);  // checkSumAdjustment, once the whole font is known
    put32(out, h.magic_number);
    put16(out, h.flags);
    put16(out, h.units_per_em);
    out.append(reinterpret_cast<const char*>(h.created), 8);
    out.append(reinterpret_cast<const char*>(h.modified), 8);
    for (HPDF_INT16 v : {h.x_min, h.y_min, h.x_max, h.y_max}) put16(out, static_cast<HPDF_UINT16>(v));
    put16(out, h.mac_style);
    put16(out, h.lowest_rec_ppem);
    for (HPDF_INT16 v : {h.font_direction_hint, h.index_to_loc_format, h.glyph_data_format})
        put16(out, static_cast<HPDF_UINT16>(v));
}

// The glyphs in use, one after another; `offsets` gets loca's entries (in words for short loca).
void writeGlyf(const HPDF_TTFontDefAttr_Rec& a, std::string_view file, std::string& out, std::vector<std::uint32_t>& offsets) {
    const bool shortLoca = a.header.index_to_loc_format == 0;
    const std::size_t start = out.size();
    offsets.assign(static_cast<std::size_t>(a.num_glyphs) + 1, 0);
    std::uint32_t end = 0;
    for (HPDF_UINT16 g = 0; g < a.num_glyphs; ++g) {
        if (a.glyph_tbl.flgs[g] != 1) {
            offsets[g] = end;
            continue;
        }
        std::uint32_t from = a.glyph_tbl.offsets[g];
        std::uint32_t len = a.glyph_tbl.offsets[g + 1] - from;
        offsets[g] = static_cast<std::uint32_t>(out.size() - start);
        if (shortLoca) {
            offsets[g] /= 2;
            len *= 2;
            from *= 2;
        }
        from += a.glyph_tbl.base_offset;
        if (from < file.size()) out.append(file.substr(from, len));
        end = static_cast<std::uint32_t>(out.size() - start);
        if (shortLoca) end /= 2;
    }
    offsets[a.num_glyphs] = end;
}

// The naming table with the subset tag before the family and full names.
void writeName(const HPDF_TTFontDefAttr_Rec& a, std::string_view file, std::string& out) {
    const HPDF_TTFTable* t = findTable(a, "name");
    const HPDF_TTF_NamingTable& n = a.name_tbl;
    put16(out, n.format);
    put16(out, n.count);
    put16(out, n.string_offset);
    std::string strings;
    for (HPDF_UINT16 i = 0; i < n.count; ++i) {
        const HPDF_TTF_NameRecord& r = n.name_records[i];
        const std::size_t at = strings.size();
        std::size_t length = r.length;
        if (r.name_id == 1 || r.name_id == 4) {
            const bool unicode = r.platform_id == 0 || r.platform_id == 3;  // UTF-16BE tag
            const std::string_view tag = unicode ? std::string_view(a.tag_name2, sizeof a.tag_name2)
                                                 : std::string_view(a.tag_name, sizeof a.tag_name);
            strings.append(tag);
            length += tag.size();
        }
        for (HPDF_UINT16 v : {r.platform_id, r.encoding_id, r.language_id, r.name_id}) put16(out, v);
        put16(out, static_cast<HPDF_UINT16>(length));
        put16(out, static_cast<HPDF_UINT16>(at));
        const std::size_t from = (t ? t->offset : 0) + n.string_offset + r.offset;
        if (from < file.size()) strings.append(file.substr(from, r.length));
    }
    out += strings;
}

}  // namespace

std::string subsetFontProgram(HPDF_FontDef def, std::string_view file) {
    static const char* const kTags[] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
                                        "hmtx", "loca", "maxp", "name", "post", "prep"};
    constexpr std::size_t kCount = sizeof kTags / sizeof kTags[0];
    constexpr std::uint32_t kTablesAt = 12 + 16 * kCount;
    const auto& a = *static_cast<HPDF_TTFontDefAttr>(def->attr);
    // The tables one after another, unpadded, as libharu writes them.
    std::string body;
    body.reserve(file.size() / 2);
    std::size_t offsets[kCount], adjustmentAt = std::string::npos;
    std::vector<std::uint32_t> loca;
    for (std::size_t i = 0; i < kCount; ++i) {
        const std::string_view tag(kTags[i], 4);
        offsets[i] = body.size();
        if (tag == "head") {
            writeHead(a.header, body, adjustmentAt);
        } else if (tag == "glyf") {
            writeGlyf(a, file, body, loca);
        } else if (tag == "loca") {
            for (std::uint32_t o : loca) a.header.index_to_loc_format == 0 ? put16(body, o) : put32(body, o);
        } else if (tag == "name") {
            writeName(a, file, body);
        } else if (const HPDF_TTFTable* t = findTable(a, kTags[i]); t && t->offset < file.size()) {
            body.append(file.substr(t->offset, t->length));
        }
    }
    std::string out;
    out.reserve(kTablesAt + body.size());
    put32(out, a.offset_tbl.sfnt_version);
    put16(out, kCount);
    put16(out, a.offset_tbl.search_range);
    put16(out, a.offset_tbl.entry_selector);
    put16(out, a.offset_tbl.range_shift);
    for (std::size_t i = 0; i < kCount; ++i) {
        const std::size_t end = i + 1 < kCount ? offsets[i + 1] : body.size();
        out.append(kTags[i], 4);
        put32(out, wordSum(std::string_view(body).substr(offsets[i], end - offsets[i]), true));
        put32(out, static_cast<std::uint32_t>(offsets[i] + kTablesAt));
        put32(out, static_cast<std::uint32_t>(end - offsets[i]));
    }
    const std::uint32_t adjustment = 0xB1B0AFBAu - wordSum(body, false);
    std::string word;
    put32(word, adjustment);
    body.replace(adjustmentAt, 4, word);
    out += body;
    return out;
}

void prepareFontPrograms(const std::vector<FontToEmbed>& fonts) {
    // Subsetting one face does not touch another's (its own font file and tables; libharu's
    // allocator is plain malloc), so the faces a document still needs are made side by side.
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < fonts.size(); ++i)
        others.push_back(std::async(std::launch::async, [f = fonts[i]] {
            program(f.font, static_cast<HPDF_FontAttr>(f.font->attr)->fontdef, f.file);
        }));
    if (!fonts.empty()) program(fonts[0].font, static_cast<HPDF_FontAttr>(fonts[0].font->attr)->fontdef, fonts[0].file);
    for (auto& f : others) f.get();
}

namespace {

std::atomic<HPDF_Dict_BeforeWriteFunc> libharusOwn{nullptr};

// The descriptor and its FontFile2 as libharu's CIDFontType2 makes them (same objects, order
// and entries); libharu's own step then finds the descriptor made and only names the fonts.
HPDF_STATUS beforeWrite(HPDF_Dict font) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_FontDef def = attr->fontdef;
    auto* defAttr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    if (!def->descriptor && defAttr->embedding) {
        HPDF_Dict descriptor = HPDF_Dict_New(font->mmgr);
        HPDF_Dict data = descriptor ? HPDF_DictStream_New(font->mmgr, attr->xref) : nullptr;
        if (!data) return HPDF_Error_GetCode(font->error);
        const auto p = program(font, def, std::string());  // made by prepareFontPrograms, or libharu's
        if (!p) return HPDF_Error_GetCode(font->error) ? HPDF_Error_GetCode(font->error) : HPDF_FAILD_TO_ALLOC_MEM;
        HPDF_STATUS ret = HPDF_Stream_Write(data->stream, reinterpret_cast<const HPDF_BYTE*>(p->deflated.data()),
                                            static_cast<HPDF_UINT>(p->deflated.size()));
        ret += HPDF_Dict_Add(descriptor, "FontFile2", data);
        ret += HPDF_Dict_AddNumber(data, "Length1", static_cast<HPDF_INT32>(p->length1));
        ret += HPDF_Dict_AddNumber(data, "Length2", 0);
        ret += HPDF_Dict_AddNumber(data, "Length3", 0);
        markDeflated(data);
        ret += HPDF_Xref_Add(attr->xref, descriptor);
        ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
        ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
        ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
        ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(font->mmgr, def->font_bbox));
        ret += HPDF_Dict_AddName(descriptor, "FontName", defAttr->base_font);
        ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
        ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
        ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
        if (ret != HPDF_OK) return HPDF_Error_GetCode(font->error);
        def->descriptor = descriptor;
    }
    return libharusOwn.load()(font);
}

}  // namespace

void embedWhenSaved(HPDF_Font font) {
    if (!font->before_write_fn || font->before_write_fn == beforeWrite) return;
    libharusOwn.store(font->before_write_fn);  // CIDFontType2's, the same for every font
    font->before_write_fn = beforeWrite;
}

}  // namespace overens::pdf
