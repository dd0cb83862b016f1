#include "writers/pdf/font_embedding.hpp"

#include <atomic>
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

std::shared_ptr<const Program> subset(HPDF_Dict font, HPDF_FontDef def) {
    HPDF_Stream raw = HPDF_MemStream_New(font->mmgr, HPDF_STREAM_BUF_SIZ);
    if (!raw) return nullptr;
    std::shared_ptr<Program> p;
    if (HPDF_TTFontDef_SaveFontData(def, raw) == HPDF_OK) {
        std::string data;
        data.reserve(HPDF_Stream_Size(raw));
        for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(raw); i < n; ++i) {
            HPDF_UINT len = 0;
            const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(raw, i, &len);
            if (chunk) data.append(reinterpret_cast<const char*>(chunk), len);
        }
        p = std::make_shared<Program>();
        p->length1 = static_cast<HPDF_TTFontDefAttr>(def->attr)->length1;
        uLongf size = compressBound(static_cast<uLong>(data.size()));
        p->deflated.resize(size);
        if (compress2(reinterpret_cast<Bytef*>(p->deflated.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()), kLevel) != Z_OK)
            p = nullptr;
        else
            p->deflated.resize(size);
    }
    HPDF_Stream_Free(raw);
    return p;
}

std::shared_ptr<const Program> program(HPDF_Dict font, HPDF_FontDef def) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Program>> cache;
    static std::size_t cached = 0;
    const std::string key = keyOf(def);
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    auto p = subset(font, def);  // outside the lock: other documents go on meanwhile
    if (!p) return p;
    const std::lock_guard<std::mutex> lock(mutex);
    if (cached + p->deflated.size() <= kCacheBytes && cache.emplace(key, p).second) cached += p->deflated.size();
    return p;
}

}  // namespace

void prepareFontPrograms(const std::vector<HPDF_Font>& fonts) {
    // Subsetting one face does not touch another's (its own font file and tables; libharu's
    // allocator is plain malloc), so the faces a document still needs are made side by side.
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < fonts.size(); ++i)
        others.push_back(std::async(std::launch::async, [font = fonts[i]] {
            program(font, static_cast<HPDF_FontAttr>(font->attr)->fontdef);
        }));
    if (!fonts.empty()) program(fonts[0], static_cast<HPDF_FontAttr>(fonts[0]->attr)->fontdef);
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
        const auto p = program(font, def);
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
