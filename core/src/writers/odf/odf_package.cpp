#include "writers/odf/odf_package.hpp"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "writers/odf/odf_xml.hpp"
#include "writers/writer.hpp"

namespace overens::odf {

namespace {
// Markup compresses well at low levels; the highest ones cost several times the time for a
// few per cent of size.
constexpr auto kLevel = Poco::Zip::ZipCommon::CL_FAST;
}  // namespace

OdfPackage::OdfPackage(std::string mediaType) : mediaType_(std::move(mediaType)) {}

void OdfPackage::add(const std::string& path, std::string bytes, const std::string& mediaType) {
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.path == path; });
    if (it != entries_.end()) {
        it->bytes = std::move(bytes);
        it->mediaType = mediaType;
        return;
    }
    entries_.push_back(Entry{path, std::move(bytes), mediaType});
}

std::string OdfPackage::manifest() const {
    pugi::xml_document d;
    auto root = d.append_child("manifest:manifest");
    declareNamespaces(root, {"manifest"});
    root.append_attribute("manifest:version") = "1.3";
    auto whole = root.append_child("manifest:file-entry");
    whole.append_attribute("manifest:full-path") = "/";
    whole.append_attribute("manifest:version") = "1.3";
    whole.append_attribute("manifest:media-type") = mediaType_.c_str();
    for (const auto& e : entries_) {
        auto fe = root.append_child("manifest:file-entry");
        fe.append_attribute("manifest:full-path") = e.path.c_str();
        fe.append_attribute("manifest:media-type") = e.mediaType.c_str();
    }
    return serialize(d);
}

void OdfPackage::write(std::ostream& out, const Date& stamp) const {
    // Zip timestamps are DOS dates: 1980 to 2107.
    const int year = std::clamp(stamp.valid() ? stamp.year : 1980, 1980, 2107);
    const Poco::DateTime when(year, stamp.valid() ? stamp.month : 1, stamp.valid() ? stamp.day : 1, 12, 0, 0);
    // Compress seeks back over headers: into a seekable output (the temporary file a build
    // writes) directly, else built in memory and copied out (same bytes either way).
    const bool direct = out.tellp() == std::streampos(0);
    std::stringstream buffered(std::ios::in | std::ios::out | std::ios::binary);
    std::ostream& zipped = direct ? out : buffered;
    try {
        Poco::Zip::Compress zip(zipped, true);
        {
            std::istringstream mime(mediaType_);
            zip.addFile(mime, when, Poco::Path("mimetype", Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_STORE,
                        Poco::Zip::ZipCommon::CL_NORMAL);
        }
        for (const auto& e : entries_) {
            Poco::MemoryInputStream in(e.bytes.data(), e.bytes.size());
            // An empty stream cannot be deflated by every reader: store it.
            const auto method = e.bytes.empty() ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE;
            zip.addFile(in, when, Poco::Path(e.path, Poco::Path::PATH_UNIX), method, kLevel);
        }
        std::istringstream man(manifest());
        zip.addFile(man, when, Poco::Path("META-INF/manifest.xml", Poco::Path::PATH_UNIX),
                    Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
        zip.close();
    } catch (const Poco::Exception& ex) {
        throw WriteError("odf.package", "cannot build the ODF package: " + ex.displayText());
    }
    if (!direct) out << buffered.rdbuf();
    if (!out) throw WriteError("odf.package", "cannot write the ODF package to its output");
}

}  // namespace overens::odf
