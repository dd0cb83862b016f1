// The ODF package: a zip with `mimetype` first and stored, the streams, and
// META-INF/manifest.xml listing every entry. Knows nothing of what the streams hold.
// Written as it goes: a stream is deflated into the output while it is being written.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "overens/calendar.hpp"
#include "writers/odf/odf_zip.hpp"

namespace overens::odf {

class OdfPackage {
public:
    // Writes the mimetype entry. Every entry carries the timestamp `stamp` (never the wall
    // clock), so the same entries give the same bytes.
    OdfPackage(std::ostream& out, const Date& stamp, std::string mediaType);

    // Begin a stream: its bytes go to the returned sink until end(). start: the stream's first
    // bytes, deflated ahead by startOfStream().
    ByteSink& begin(const std::string& path, const std::string& mediaType, const DeflatedPrefix* start = nullptr);
    // The first bytes of streams, deflated once as begin() deflates streams.
    static std::shared_ptr<const DeflatedPrefix> startOfStream(std::string_view bytes);
    void end();
    // A whole entry. An entry whose path is already in the package is left out (the
    // document's own streams win over a reference's files).
    void add(const std::string& path, std::string_view bytes, const std::string& mediaType);
    bool has(const std::string& path) const;

    // The manifest that finish() adds as META-INF/manifest.xml.
    std::string manifest() const;
    // The manifest and the zip's central directory.
    void finish();

private:
    struct Entry {
        std::string path;     // as the manifest lists it
        std::string zipName;  // as the zip names it
        std::string mediaType;
    };
    std::string mediaType_;
    std::vector<Entry> entries_;
    ZipWriter zip_;
};

}  // namespace overens::odf
