// Reading a reference document (--reference-odt): a municipality's own .odt or .ott whose
// styles, page layout, header logo and fonts the output takes over.
#pragma once

#include <filesystem>
#include <map>
#include <string>

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

}  // namespace overens::odf
