// The ODF package: a zip with `mimetype` first and stored, the streams, and
// META-INF/manifest.xml listing every entry. Knows nothing of what the streams hold.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "overens/calendar.hpp"

namespace overens::odf {

class OdfPackage {
public:
    explicit OdfPackage(std::string mediaType);

    // Add one entry. Later entries with the same path replace earlier ones.
    void add(const std::string& path, std::string bytes, const std::string& mediaType);

    // The manifest that write() adds as META-INF/manifest.xml.
    std::string manifest() const;

    // Write the zip. Every entry carries the timestamp `stamp` (never the wall clock), so the
    // same entries give the same bytes.
    void write(std::ostream& out, const Date& stamp) const;

private:
    struct Entry {
        std::string path;
        std::string bytes;
        std::string mediaType;
    };
    std::string mediaType_;
    std::vector<Entry> entries_;
};

}  // namespace overens::odf
