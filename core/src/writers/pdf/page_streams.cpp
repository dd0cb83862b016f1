#include "writers/pdf/page_streams.hpp"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "writers/pdf/haru.hpp"
#include "writers/writer.hpp"

namespace overens::pdf {
namespace {

// Level 2 by measurement (zlib 1.2.13, this machine): the pages of a 5,000-row order deflate in
// 99 ms to 1.20 MB, against 92 ms / 1.32 MB at level 1 and 179 ms / 0.95 MB at libharu's 6; the
// agreement's 12 pages in 1.0 ms to 34 KB (6: 2.8 ms, 26 KB).
constexpr int kLevel = 2;

// What is drawn on a page after it was packed is a few hundred bytes (its footer, closing
// marks): in small chunks, not libharu's 4 KB ones (which, a chunk per page, were 14 MB of a
// 50,000-row order's 3,422 pages).
constexpr HPDF_UINT kAfterPackChunk = 512;

// The size of the chunks an empty memory stream allocates as it is written to (libharu reads
// a stream back chunk by chunk, so every chunk of a stream must have the same size).
void setChunkSize(HPDF_Stream stream, HPDF_UINT size) {
    auto* attr = static_cast<HPDF_MemStreamAttr>(stream->attr);
    attr->buf_siz = size;
    attr->w_pos = size;  // the current chunk is full: the next write allocates one
    attr->w_ptr = nullptr;
}

}  // namespace

PageStreams::PageStreams() {
    // Raw deflate (no zlib header or checksum): the header and the checksum of the parts
    // together are written by seal().
    if (deflateInit2(&z_, kLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw WriteError("pdf.zlib", "PDF: zlib could not start deflating (out of memory?)");
    ready_ = true;
}

PageStreams::~PageStreams() {
    if (ready_) deflateEnd(&z_);
}

void PageStreams::deflateInto(HPDF_Stream stream, std::string& bytes, uLong& adler, bool last) {
    deflateReset(&z_);  // no history across parts: each can be made at its own time
    const HPDF_UINT chunks = HPDF_MemStream_GetBufCount(stream);
    unsigned char out[16384];
    for (HPDF_UINT i = 0; i <= chunks; ++i) {
        HPDF_UINT len = 0;
        HPDF_BYTE* data = i < chunks ? HPDF_MemStream_GetBufPtr(stream, i, &len) : nullptr;
        if (i < chunks && (!data || len == 0)) continue;
        if (data) adler = adler32(adler, data, len);
        z_.next_in = data;
        z_.avail_in = len;
        const int flush = i < chunks ? Z_NO_FLUSH : last ? Z_FINISH : Z_SYNC_FLUSH;
        do {
            z_.next_out = out;
            z_.avail_out = sizeof out;
            deflate(&z_, flush);
            bytes.append(reinterpret_cast<const char*>(out), sizeof out - z_.avail_out);
        } while (z_.avail_out == 0);
    }
    HPDF_MemStream_FreeData(stream);
}

void PageStreams::pack(HPDF_Page page, int index) {
    if (index >= static_cast<int>(packed_.size())) packed_.resize(static_cast<std::size_t>(index) + 1);
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (HPDF_Stream_Size(attr->stream) == 0) return;
    Packed& p = packed_[static_cast<std::size_t>(index)];
    // Deflated into the scratch string (whose capacity is kept from page to page), then held
    // until the document is sealed in a string of its own size.
    scratch_.clear();
    deflateInto(attr->stream, scratch_, p.adler, false);
    p.bytes += scratch_;
    p.bytes.shrink_to_fit();
    setChunkSize(attr->stream, kAfterPackChunk);
}

void PageStreams::seal(const std::vector<HPDF_Page>& pages) {
    packed_.resize(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto* attr = static_cast<HPDF_PageAttr>(pages[i]->attr);
        Packed& p = packed_[i];
        scratch_.clear();
        deflateInto(attr->stream, scratch_, p.adler, true);
        // zlib's header for this level ("fast"), the deflate data, the Adler-32 of all of it.
        const HPDF_BYTE header[2] = {0x78, 0x5E};
        HPDF_BYTE adler[4];
        for (int k = 0; k < 4; ++k) adler[k] = static_cast<HPDF_BYTE>((p.adler >> (24 - 8 * k)) & 0xFF);
        // The finished stream in one chunk of its size (libharu's are 4 KB: 2 KB lost a page).
        setChunkSize(attr->stream, static_cast<HPDF_UINT>(sizeof header + p.bytes.size() + scratch_.size() + sizeof adler));
        auto write = [&](const void* data, std::size_t size) {
            HPDF_Stream_Write(attr->stream, static_cast<const HPDF_BYTE*>(data), static_cast<HPDF_UINT>(size));
        };
        write(header, sizeof header);
        write(p.bytes.data(), p.bytes.size());
        write(scratch_.data(), scratch_.size());
        write(adler, sizeof adler);
        std::string().swap(p.bytes);  // now libharu's (a move or clear would keep the buffer)
        markDeflated(attr->contents);
    }
    scratch_.clear();
    scratch_.shrink_to_fit();
}

}  // namespace overens::pdf
