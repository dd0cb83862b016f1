#include "writers/odf/odf_xml.hpp"

#include <cstring>

namespace overens::odf {

namespace {

struct Ns {
    const char* prefix;
    const char* uri;
};

constexpr Ns kNamespaces[] = {
    {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xlink", "http://www.w3.org/1999/xlink"},
    {"dc", "http://purl.org/dc/elements/1.1/"},
    {"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"},
    {"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
};

class StringWriter : public pugi::xml_writer {
public:
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, size_t size) override { out_.append(static_cast<const char*>(data), size); }

private:
    std::string& out_;
};

}  // namespace

const char* namespaceUri(const std::string& prefix) {
    for (const auto& ns : kNamespaces)
        if (prefix == ns.prefix) return ns.uri;
    return "";
}

void declareNamespaces(pugi::xml_node root, std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes) root.append_attribute((std::string("xmlns:") + p).c_str()) = namespaceUri(p);
}

std::string serialize(const pugi::xml_document& document) {
    std::string out;
    StringWriter writer(out);
    out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out;
}

std::string xmlSafe(const std::string& text) {
    bool clean = true;
    for (unsigned char c : text)
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') clean = false;
    if (clean) return text;
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text)
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
    return out;
}

}  // namespace overens::odf
