// Small XML helpers shared by the parts of the ODF writer: the namespaces ODF uses and
// serialising a pugixml document the way ODF streams need it (raw, UTF-8, no indentation).
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>

namespace overens::odf {

// Namespace URI of an ODF prefix ("office", "style", "text", ...); empty when unknown.
const char* namespaceUri(const std::string& prefix);

// Declare xmlns:<prefix> on root for each prefix.
void declareNamespaces(pugi::xml_node root, std::initializer_list<const char*> prefixes);

// The whole document as bytes: XML declaration, no indentation (indentation would add
// whitespace to mixed text content).
std::string serialize(const pugi::xml_document& document);

// Text safe for XML 1.0: drops control characters other than tab, line feed and carriage return.
std::string xmlSafe(const std::string& text);

}  // namespace overens::odf
