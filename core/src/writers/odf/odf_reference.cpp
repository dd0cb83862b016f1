#include "writers/odf/odf_reference.hpp"

#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "writers/writer.hpp"

namespace overens::odf {

namespace {

constexpr std::size_t kMaxEntryBytes = 64u << 20;  // a style reference has no business being larger

[[noreturn]] void fail(const std::filesystem::path& p, const std::string& what) {
    throw WriteError("odf.reference", "reference document '" + p.string() + "': " + what);
}

}  // namespace

double lengthInPoints(const char* value) {
    if (!value || !*value) return -1;
    char* end = nullptr;
    const double v = std::strtod(value, &end);
    const std::string unit = end ? end : "";
    if (unit == "cm") return v * 72 / 2.54;
    if (unit == "mm") return v * 72 / 25.4;
    if (unit == "in") return v * 72;
    if (unit == "pt") return v;
    if (unit == "pc") return v * 12;
    return -1;
}

void collectFrameParagraphs(pugi::xml_node n, std::vector<pugi::xml_node>& out) {
    for (auto c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        const bool para = std::strcmp(c.name(), "text:p") == 0 || std::strcmp(c.name(), "text:h") == 0;
        if (para) {
            if (c.find_node([](pugi::xml_node x) { return std::strcmp(x.name(), "draw:frame") == 0; }))
                out.push_back(c);
        } else {
            collectFrameParagraphs(c, out);
        }
    }
}

const std::string* ReferencePackage::file(const std::string& name) const {
    auto it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
}

ReferencePackage readReference(const std::filesystem::path& path) {
    ReferencePackage ref;
    ref.path = path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail(path, "no such file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot be opened for reading");
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() != 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
        fail(path, "not an OpenDocument file (not a zip package); save it from LibreOffice or Word as .odt or .ott");
    // A package cut short has lost its central directory (and its end record, "PK\5\6").
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 65557);
    std::string end(static_cast<std::size_t>(tail), '\0');
    in.seekg(size - tail);
    in.read(&end[0], tail);
    if (end.rfind(std::string("PK\x05\x06", 4)) == std::string::npos)
        fail(path, "damaged zip package (no central directory: the file is cut short or corrupt)");
    in.clear();
    in.seekg(0);
    try {
        Poco::Zip::ZipArchive archive(in);
        for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
            const auto& header = it->second;
            if (!header.isFile()) continue;
            if (header.isEncrypted()) fail(path, "entry '" + header.getFileName() + "' is encrypted");
            if (header.getUncompressedSize() > kMaxEntryBytes)
                fail(path, "entry '" + header.getFileName() + "' is too large");
            in.clear();
            Poco::Zip::ZipInputStream zin(in, header, true);
            std::string bytes;
            Poco::StreamCopier::copyToString(zin, bytes);
            if (bytes.size() != header.getUncompressedSize())
                fail(path, "damaged zip package (entry '" + header.getFileName() + "' is incomplete)");
            ref.files[header.getFileName()] = std::move(bytes);
        }
    } catch (const WriteError&) {
        throw;
    } catch (const Poco::Exception& ex) {
        fail(path, "damaged zip package (" + ex.displayText() + ")");
    } catch (const std::exception& ex) {
        fail(path, std::string("damaged zip package (") + ex.what() + ")");
    }

    const std::string* mime = ref.file("mimetype");
    if (!mime && ref.file("[Content_Types].xml"))
        fail(path, "is an Office Open XML file (.docx), not OpenDocument; open it in Word or LibreOffice and "
                   "save it as .odt or .ott");
    if (!mime) fail(path, "no 'mimetype' entry: not an OpenDocument package");
    ref.mediaType = *mime;
    if (ref.mediaType != "application/vnd.oasis.opendocument.text" &&
        ref.mediaType != "application/vnd.oasis.opendocument.text-template")
        fail(path, "is '" + ref.mediaType + "', not an OpenDocument text document or template (.odt/.ott)");
    if (!ref.file("styles.xml")) fail(path, "has no styles.xml");

    if (const std::string* manifest = ref.file("META-INF/manifest.xml")) {
        pugi::xml_document d;
        if (d.load_buffer(manifest->data(), manifest->size())) {
            for (auto e : d.document_element().children("manifest:file-entry"))
                ref.mediaTypes[e.attribute("manifest:full-path").value()] = e.attribute("manifest:media-type").value();
        }
    }
    return ref;
}

}  // namespace overens::odf
