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
template <bool Attribute>
void escapeInto(std::string& out, std::string_view s) {
    auto special = [](unsigned char c) {
        if (c < 0x20) return Attribute || (c != '\t' && c != '\n' && c != '\r');
        if (c == '&' || c == '<') return true;
        return Attribute ? c == '"' : c == '>';
    };
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t plain = i;
        while (plain < s.size() && !special(static_cast<unsigned char>(s[plain]))) ++plain;
        out.append(s.data() + i, plain - i);
        if (plain == s.size()) return;
        const unsigned char c = static_cast<unsigned char>(s[plain]);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: {
                const char ref[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
                out.append(ref, sizeof ref);
            }
        }
        i = plain + 1;
    }
}

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
    if (sink_) buf_.reserve(kChunk + 4096);
}

XmlWriter::~XmlWriter() = default;

void XmlWriter::declaration() {
    if (!sink_) return;
    buf_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::open(const char* name) {
    ++opened_;
    if (!sink_) return;
    endStartTag();
    spill();
    buf_ += '<';
    buf_ += name;
    stack_.push_back(name);
    startOpen_ = true;
}

void XmlWriter::attr(const char* name, std::string_view value) {
    if (!sink_) return;
    buf_ += ' ';
    buf_ += name;
    buf_ += "=\"";
    escapeInto<true>(buf_, value);
    buf_ += '"';
}

void XmlWriter::attr(const char* name, int value) { attr(name, std::string_view(std::to_string(value))); }

void XmlWriter::attr(const char* name, unsigned value) { attr(name, std::string_view(std::to_string(value))); }

void XmlWriter::namespaces(std::initializer_list<const char*> prefixes) {
    if (!sink_) return;
    for (const char* p : prefixes) {
        buf_ += " xmlns:";
        buf_ += p;
        buf_ += "=\"";
        escapeInto<true>(buf_, namespaceUri(p));
        buf_ += '"';
    }
}

void XmlWriter::text(std::string_view s) {
    if (!sink_) return;
    endStartTag();
    escapeInto<false>(buf_, s);
    spill();
}

void XmlWriter::close() {
    if (!sink_ || stack_.empty()) return;
    if (startOpen_) {
        buf_ += "/>";
        startOpen_ = false;
    } else {
        buf_ += "</";
        buf_ += stack_.back();
        buf_ += '>';
    }
    stack_.pop_back();
}

void XmlWriter::raw(std::string_view markup) {
    if (!sink_) return;
    endStartTag();
    buf_.append(markup.data(), markup.size());
    spill();
}

void XmlWriter::finish() {
    if (!sink_) return;
    while (!stack_.empty()) close();
    flush();
}

void XmlWriter::flush() {
    if (buf_.empty()) return;
    sink_->write(buf_.data(), buf_.size());
    buf_.clear();
}

}  // namespace overens::odf
