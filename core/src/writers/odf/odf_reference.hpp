// Reading a reference document (--reference-odt): a municipality's own .odt or .ott whose
// styles, page layout, header logo and fonts the output takes over.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace overens::odf {

struct ReferencePackage {
    std::filesystem::path path;
    std::string mediaType;                     // from its mimetype entry
    std::map<std::string, std::string> files;  // entry path -> bytes
    std::map<std::string, std::string> mediaTypes;  // from its manifest, where listed

    const std::string* file(const std::string& name) const;
};

// Read and unpack the reference. Throws WriteError ("odf.reference") with a message naming
// the file and what is wrong: missing, not a zip, not an ODF text document, no styles.xml.
ReferencePackage readReference(const std::filesystem::path& path);

// An ODF length ("2.5cm", "20mm", "1.6535in", "11pt", "1pc") in points; negative when unreadable.
double lengthInPoints(const char* value);

// The outermost paragraphs of a header or footer that hold a frame (a logo): what both writers
// keep of a reference's running header and footer (its other text gives way to the document's).
void collectFrameParagraphs(pugi::xml_node region, std::vector<pugi::xml_node>& out);

}  // namespace overens::odf
