// A zip written as it goes: each entry deflated (zlib) while its bytes arrive, so no part is
// held whole. The layout is the one Poco::Zip::Compress writes into a seekable stream (which
// the writer used before): local headers without data descriptors or extra fields, the UTF-8
// name flag, the level in the flags, a sync flush before the end of each deflate stream, the
// central directory ordered by name. Same entries, same bytes.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "overens/calendar.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

enum class ZipMethod {
    Store,    // no compression (the mimetype)
    Fast,     // deflate, zlib level 1 (Z_BEST_SPEED)
    Default,  // deflate, zlib's default level (6)
};

// The first bytes of an entry deflated once, for many entries that begin with them (styles.xml
// up to each document's running header): an entry begun from it continues the deflate stream
// where it stopped, and gets the bytes one stream over the whole entry would have given.
class DeflatedPrefix {
public:
    DeflatedPrefix(std::string_view bytes, ZipMethod method);
    ~DeflatedPrefix();
    DeflatedPrefix(const DeflatedPrefix&) = delete;
    DeflatedPrefix& operator=(const DeflatedPrefix&) = delete;

private:
    friend class ZipWriter;
    ZipMethod method_;
    mutable z_stream z_{};  // only read (deflateCopy), from any thread
    std::string compressed_;
    std::uint32_t crc_ = 0;
    std::uint64_t size_ = 0;
};

class ZipWriter {
public:
    // Every entry carries the timestamp `stamp` at noon (a DOS date: clamped to 1980-2107).
    // A stream at position 0 gets the local headers patched in place once an entry's size is
    // known; any other stream gets each entry's compressed bytes held until the entry ends.
    ZipWriter(std::ostream& out, const Date& stamp);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Begin an entry: its bytes go to the returned sink until endEntry(). An entry that gets no
    // bytes is stored (as Poco stores an empty stream).
    // prefix: the entry's first bytes, already deflated (its method wins).
    ByteSink& beginEntry(const std::string& name, ZipMethod method, const DeflatedPrefix* prefix = nullptr);
    void endEntry();
    // A whole entry at once.
    void add(const std::string& name, std::string_view bytes, ZipMethod method);
    // The central directory. Nothing may be added after.
    void finish();

private:
    class EntrySink : public ByteSink {
    public:
        explicit EntrySink(ZipWriter& zip) : zip_(zip) {}
        void write(const char* data, std::size_t size) override { zip_.entryData(data, size); }

    private:
        ZipWriter& zip_;
    };

    struct Record {
        std::string name;
        std::uint16_t flags = 0;
        std::uint16_t method = 0;
        std::uint32_t crc = 0;
        std::uint64_t compressed = 0;
        std::uint64_t size = 0;
        std::uint64_t offset = 0;
    };

    void entryData(const char* data, std::size_t size);
    void deflateInto(int flush);
    void emit(const char* data, std::size_t size);  // compressed bytes of the current entry
    std::string localHeader(const Record& r) const;
    void put(const std::string& bytes);  // to the stream, counted

    std::ostream& out_;
    bool seekable_;
    std::uint16_t dosTime_ = 0, dosDate_ = 0;
    std::uint64_t written_ = 0;
    std::vector<Record> records_;
    // the current entry
    bool inEntry_ = false;
    bool headerOut_ = false;
    ZipMethod method_ = ZipMethod::Store;
    Record current_;
    std::string held_;  // compressed bytes, when the stream cannot be patched
    z_stream z_{};
    bool zInit_ = false;
    std::vector<unsigned char> zOut_;
    EntrySink sink_{*this};
};

}  // namespace overens::odf
