// Telling a source file from other XML without parsing it.
#pragma once

#include <map>
#include <string>

#include "kinds/document_kind.hpp"

namespace overens::remind {

// "name.xml", any case.
bool hasXmlExtension(const char* name);

// Whether a file looks like a source: its root element is a document kind, <document>, or
// carries kind="...". Files that cannot be sniffed count as sources (their reading reports why).
bool looksLikeSource(const std::string& path, const std::map<std::string, DocumentKind>& kinds);

// dir + "/" + name, without doubling the root's slash.
std::string joinPath(const std::string& dir, const char* name);

}  // namespace overens::remind
