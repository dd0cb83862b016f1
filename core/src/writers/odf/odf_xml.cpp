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

// pugixml's escapes: in text &, <, >; in attribute values &, <, "; in both, a control
// character (other than tab, line feed and carriage return in text) as a two-digit &#NN;.
struct EscapeTable {
    bool text[256] = {};
    bool attribute[256] = {};
    constexpr EscapeTable() {
        for (int c = 0; c < 0x20; ++c) {
            attribute[c] = true;
            text[c] = c != '\t' && c != '\n' && c != '\r';
        }
        for (unsigned char c : {'&', '<', '>'}) text[c] = true;
        for (unsigned char c : {'&', '<', '"'}) attribute[c] = true;
    }
};
constexpr EscapeTable kEscape;

}  // namespace

const char* namespaceUri(const std::string& prefix) {
    for (const auto& ns : kNamespaces)
        if (prefix == ns.prefix) return ns.uri;
    return "";
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

// --- XmlWriter -------------------------------------------------------------------------------

XmlWriter::XmlWriter(ByteSink* sink) : sink_(sink) {
    if (sink_) buf_.reset(new char[kChunk]);
}

XmlWriter::~XmlWriter() = default;

template <bool Attribute>
void XmlWriter::escaped(std::string_view s) {
    const bool* special = Attribute ? kEscape.attribute : kEscape.text;
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        const char* plain = p;
        while (plain < end && !special[static_cast<unsigned char>(*plain)]) ++plain;
        put(p, static_cast<std::size_t>(plain - p));
        if (plain == end) return;
        const unsigned char c = static_cast<unsigned char>(*plain);
        switch (c) {
            case '&': put("&amp;", 5); break;
            case '<': put("&lt;", 4); break;
            case '>': put("&gt;", 4); break;
            case '"': put("&quot;", 6); break;
            default: {
                const char ref[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
                put(ref, sizeof ref);
            }
        }
        p = plain + 1;
    }
}

void XmlWriter::declaration() {
    if (!sink_) return;
    put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

void XmlWriter::open(const char* name) {
    ++opened_;
    if (!sink_) return;
    endStartTag();
    put('<');
    put(name, std::strlen(name));
    stack_.push_back(name);
    startOpen_ = true;
}

void XmlWriter::attr(const char* name, std::string_view value) {
    if (!sink_) return;
    put(' ');
    put(name, std::strlen(name));
    put("=\"", 2);
    escaped<true>(value);
    put('"');
}

void XmlWriter::attr(const char* name, int value) { attr(name, std::string_view(std::to_string(value))); }

void XmlWriter::attr(const char* name, unsigned value) { attr(name, std::string_view(std::to_string(value))); }

void XmlWriter::namespaces(std::initializer_list<const char*> prefixes) {
    if (!sink_) return;
    for (const char* p : prefixes) {
        const std::string name = std::string("xmlns:") + p;
        attr(name.c_str(), namespaceUri(p));
    }
}

void XmlWriter::text(std::string_view s) {
    if (!sink_) return;
    endStartTag();
    escaped<false>(s);
}

void XmlWriter::close() {
    if (!sink_ || stack_.empty()) return;
    if (startOpen_) {
        put("/>", 2);
        startOpen_ = false;
    } else {
        const char* name = stack_.back();
        put("</", 2);
        put(name, std::strlen(name));
        put('>');
    }
    stack_.pop_back();
}

void XmlWriter::raw(std::string_view markup) {
    if (!sink_) return;
    endStartTag();
    put(markup);
}

void XmlWriter::finish() {
    if (!sink_) return;
    while (!stack_.empty()) close();
    flush();
}

void XmlWriter::putLong(const char* s, std::size_t n) {
    flush();
    if (n < kChunk) {
        std::memcpy(buf_.get(), s, n);
        len_ = n;
    } else {
        sink_->write(s, n);  // a large piece (the styles) goes as it is
    }
}

void XmlWriter::flush() {
    if (len_ == 0) return;
    sink_->write(buf_.get(), len_);
    len_ = 0;
}

}  // namespace overens::odf
