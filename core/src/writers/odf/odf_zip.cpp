#include "writers/odf/odf_zip.hpp"

#include <algorithm>
#include <limits>

#include "writers/writer.hpp"

namespace overens::odf {

namespace {

constexpr std::uint16_t kVersion = 20;         // 2.0: deflate; also "made by" (MS-DOS attributes)
constexpr std::uint16_t kUtf8Names = 0x0800;   // general purpose bit 11
constexpr std::uint16_t kFastLevelBits = 0x0004;  // bits 1-2 = 2: compressed with the fastest level
constexpr std::uint16_t kDeflated = 8;
constexpr std::size_t kOutChunk = 64 * 1024;
constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();

[[noreturn]] void fail(const std::string& what) {
    throw WriteError("odf.package", "cannot build the ODF package: " + what);
}

void u16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v & 0xff);
    s += static_cast<char>((v >> 8) & 0xff);
}

void u32(std::string& s, std::uint64_t v) {
    u16(s, static_cast<std::uint32_t>(v & 0xffff));
    u16(s, static_cast<std::uint32_t>((v >> 16) & 0xffff));
}

}  // namespace

ZipWriter::ZipWriter(std::ostream& out, const Date& stamp) : out_(out), seekable_(out.tellp() == std::streampos(0)) {
    // Zip timestamps are DOS dates: 1980 to 2107, two-second steps; every entry at noon.
    const int year = std::clamp(stamp.valid() ? stamp.year : 1980, 1980, 2107);
    const int month = std::clamp(stamp.valid() ? stamp.month : 1, 1, 12);
    const int day = std::clamp(stamp.valid() ? stamp.day : 1, 1, 31);
    dosDate_ = static_cast<std::uint16_t>(day + (month << 5) + ((year - 1980) << 9));
    dosTime_ = static_cast<std::uint16_t>(12 << 11);
}

ZipWriter::~ZipWriter() {
    if (zInit_) deflateEnd(&z_);
}

namespace {

int zlibLevel(ZipMethod method) { return method == ZipMethod::Fast ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION; }

// Raw deflate: the zip holds no zlib header or Adler-32 (Poco wrote zlib's and cut them off).
void startDeflate(z_stream& z, ZipMethod method) {
    z = z_stream{};
    if (deflateInit2(&z, zlibLevel(method), Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        fail("zlib cannot start a deflate stream");
}

}  // namespace

DeflatedPrefix::DeflatedPrefix(std::string_view bytes, ZipMethod method) : method_(method) {
    if (method == ZipMethod::Store) fail("a stored entry has no deflated prefix");
    startDeflate(z_, method);
    std::vector<unsigned char> out(kOutChunk);
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z_.avail_in = static_cast<uInt>(bytes.size());
    do {
        z_.next_out = out.data();
        z_.avail_out = static_cast<uInt>(out.size());
        if (deflate(&z_, Z_NO_FLUSH) == Z_STREAM_ERROR) {
            deflateEnd(&z_);
            fail("zlib failed while deflating");
        }
        compressed_.append(reinterpret_cast<const char*>(out.data()), out.size() - z_.avail_out);
    } while (z_.avail_out == 0);
    z_.next_in = nullptr;
    z_.next_out = nullptr;
    z_.avail_out = 0;
    crc_ = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
    size_ = bytes.size();
}

DeflatedPrefix::~DeflatedPrefix() { deflateEnd(&z_); }

ByteSink& ZipWriter::beginEntry(const std::string& name, ZipMethod method, const DeflatedPrefix* prefix) {
    if (prefix) method = prefix->method_;
    if (inEntry_) fail("an entry began before the last one ended");
    // As Poco refused them: no absolute names, backslashes or parent references.
    const bool parent = name == ".." || name.rfind("../", 0) == 0 || name.find("/../") != std::string::npos ||
                        (name.size() >= 3 && name.compare(name.size() - 3, 3, "/..") == 0);
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos || parent)
        fail("'" + name + "' is not a valid entry name");
    inEntry_ = true;
    headerOut_ = false;
    method_ = method;
    current_ = Record{};
    current_.name = name;
    current_.offset = written_;
    current_.method = method == ZipMethod::Store ? 0 : kDeflated;
    current_.flags = static_cast<std::uint16_t>(kUtf8Names | (method == ZipMethod::Fast ? kFastLevelBits : 0));
    held_.clear();
    if (method != ZipMethod::Store) {
        if (prefix) {
            if (deflateCopy(&z_, &prefix->z_) != Z_OK) fail("zlib cannot copy a deflate stream");
        } else {
            startDeflate(z_, method);
        }
        zInit_ = true;
        zOut_.resize(kOutChunk);
    }
    if (prefix && prefix->size_ > 0) {
        if (seekable_) {
            put(localHeader(current_));  // patched with the sizes when the entry ends
            headerOut_ = true;
        }
        emit(prefix->compressed_.data(), prefix->compressed_.size());
        current_.crc = prefix->crc_;
        current_.size = prefix->size_;
    }
    return sink_;
}

void ZipWriter::entryData(const char* data, std::size_t size) {
    if (!inEntry_) fail("bytes outside an entry");
    if (size == 0) return;
    if (seekable_ && !headerOut_) {
        put(localHeader(current_));  // patched with the sizes when the entry ends
        headerOut_ = true;
    }
    current_.size += size;
    while (size > 0) {
        const auto piece = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
        current_.crc = static_cast<std::uint32_t>(
            crc32(current_.crc, reinterpret_cast<const Bytef*>(data), piece));
        if (method_ == ZipMethod::Store) {
            emit(data, piece);
        } else {
            z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
            z_.avail_in = piece;
            deflateInto(Z_NO_FLUSH);
        }
        data += piece;
        size -= piece;
    }
}

void ZipWriter::deflateInto(int flush) {
    do {
        z_.next_out = zOut_.data();
        z_.avail_out = static_cast<uInt>(zOut_.size());
        const int rc = deflate(&z_, flush);
        if (rc == Z_STREAM_ERROR) fail("zlib failed while deflating '" + current_.name + "'");
        emit(reinterpret_cast<const char*>(zOut_.data()), zOut_.size() - z_.avail_out);
    } while (z_.avail_out == 0);
}

void ZipWriter::emit(const char* data, std::size_t size) {
    if (size == 0) return;
    current_.compressed += size;
    if (seekable_) {
        out_.write(data, static_cast<std::streamsize>(size));
        written_ += size;
    } else {
        held_.append(data, size);
    }
}

void ZipWriter::endEntry() {
    if (!inEntry_) fail("no entry to end");
    if (current_.size == 0) {
        // An empty stream is stored, at no level.
        current_.method = 0;
        current_.flags = kUtf8Names;
        current_.compressed = 0;
    } else if (method_ != ZipMethod::Store) {
        // Poco flushed before finishing: an empty stored block, then the final one.
        z_.avail_in = 0;
        deflateInto(Z_SYNC_FLUSH);
        deflateInto(Z_FINISH);
    }
    if (zInit_) {
        deflateEnd(&z_);
        zInit_ = false;
    }
    if (current_.size > kMax32 || current_.compressed > kMax32 || current_.offset > kMax32)
        fail("'" + current_.name + "' is larger than a zip without Zip64 can hold");
    if (headerOut_) {
        const std::streampos end = out_.tellp();
        out_.seekp(static_cast<std::streamoff>(current_.offset));
        out_ << localHeader(current_);
        out_.seekp(end);
    } else {
        put(localHeader(current_));
        put(held_);
        held_.clear();
        held_.shrink_to_fit();
    }
    if (!out_) fail("the output cannot be written");
    records_.push_back(current_);
    inEntry_ = false;
}

void ZipWriter::add(const std::string& name, std::string_view bytes, ZipMethod method) {
    ByteSink& sink = beginEntry(name, method);
    sink.write(bytes.data(), bytes.size());
    endEntry();
}

void ZipWriter::finish() {
    if (inEntry_) fail("the last entry did not end");
    std::vector<const Record*> byName;
    for (const auto& r : records_) byName.push_back(&r);
    std::stable_sort(byName.begin(), byName.end(), [](const Record* a, const Record* b) { return a->name < b->name; });
    const std::uint64_t start = written_;
    std::string cd;
    for (const Record* r : byName) {
        u32(cd, 0x02014b50);
        u16(cd, kVersion);  // made by
        u16(cd, kVersion);  // needed
        u16(cd, r->flags);
        u16(cd, r->method);
        u16(cd, dosTime_);
        u16(cd, dosDate_);
        u32(cd, r->crc);
        u32(cd, r->compressed);
        u32(cd, r->size);
        u16(cd, static_cast<std::uint32_t>(r->name.size()));
        u16(cd, 0);  // extra field
        u16(cd, 0);  // comment
        u16(cd, 0);  // disk
        u16(cd, 0);  // internal attributes
        u32(cd, 0);  // external attributes
        u32(cd, r->offset);
        cd += r->name;
    }
    if (start > kMax32 || byName.size() > 0xffff) fail("too large for a zip without Zip64");
    put(cd);
    std::string end;
    u32(end, 0x06054b50);
    u16(end, 0);
    u16(end, 0);
    u16(end, static_cast<std::uint32_t>(byName.size()));
    u16(end, static_cast<std::uint32_t>(byName.size()));
    u32(end, cd.size());
    u32(end, start);
    u16(end, 0);  // comment
    put(end);
    out_.flush();
    if (!out_) fail("the output cannot be written");
}

std::string ZipWriter::localHeader(const Record& r) const {
    std::string h;
    h.reserve(30 + r.name.size());
    u32(h, 0x04034b50);
    u16(h, kVersion);
    u16(h, r.flags);
    u16(h, r.method);
    u16(h, dosTime_);
    u16(h, dosDate_);
    u32(h, r.crc);
    u32(h, r.compressed);
    u32(h, r.size);
    u16(h, static_cast<std::uint32_t>(r.name.size()));
    u16(h, 0);  // no extra field
    h += r.name;
    return h;
}

void ZipWriter::put(const std::string& bytes) {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    written_ += bytes.size();
}

}  // namespace overens::odf
