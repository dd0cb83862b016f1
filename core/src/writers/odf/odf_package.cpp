#include "writers/odf/odf_package.hpp"

#include <Poco/Path.h>

#include <algorithm>

#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

namespace {

// The name in the zip, normalised as Poco::Zip named it ("./a" is "a").
std::string zipName(const std::string& path) {
    return Poco::Path(path, Poco::Path::PATH_UNIX).toString(Poco::Path::PATH_UNIX);
}

}  // namespace

OdfPackage::OdfPackage(std::ostream& out, const Date& stamp, std::string mediaType)
    : mediaType_(std::move(mediaType)), zip_(out, stamp) {
    zip_.add("mimetype", mediaType_, ZipMethod::Store);
}

ByteSink& OdfPackage::begin(const std::string& path, const std::string& mediaType) {
    entries_.push_back(Entry{path, zipName(path), mediaType});
    // Markup compresses well at the fastest level; the higher ones cost several times the time
    // for a few per cent of size.
    return zip_.beginEntry(entries_.back().zipName, ZipMethod::Fast);
}

void OdfPackage::end() { zip_.endEntry(); }

bool OdfPackage::has(const std::string& path) const {
    const std::string name = zipName(path);
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.zipName == name; });
}

void OdfPackage::add(const std::string& path, std::string_view bytes, const std::string& mediaType) {
    if (has(path)) return;
    ByteSink& sink = begin(path, mediaType);
    sink.write(bytes.data(), bytes.size());
    end();
}

std::string OdfPackage::manifest() const {
    std::string out;
    StringSink sink(out);
    XmlWriter w(&sink);
    w.declaration();
    w.open("manifest:manifest");
    w.namespaces({"manifest"});
    w.attr("manifest:version", "1.3");
    w.open("manifest:file-entry");
    w.attr("manifest:full-path", "/");
    w.attr("manifest:version", "1.3");
    w.attr("manifest:media-type", mediaType_);
    w.close();
    for (const auto& e : entries_) {
        w.open("manifest:file-entry");
        w.attr("manifest:full-path", e.path);
        w.attr("manifest:media-type", e.mediaType);
        w.close();
    }
    w.finish();
    return out;
}

void OdfPackage::finish() {
    zip_.add("META-INF/manifest.xml", manifest(), ZipMethod::Default);
    zip_.finish();
}

}  // namespace overens::odf
