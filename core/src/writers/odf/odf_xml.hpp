// XML for the ODF streams: the namespaces ODF uses, and a writer that puts markup straight
// into a sink (a zip entry being deflated, a string) instead of building a tree first.
// XmlWriter writes exactly what pugixml's raw serialisation of the same tree gives (the house
// style is still read and saved with pugixml, and both must read alike): the same escapes,
// `<a/>` for an element without children, `<a></a>` for one whose text is set to "".
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace overens::odf {

// Namespace URI of an ODF prefix ("office", "style", "text", ...); empty when unknown.
const char* namespaceUri(const std::string& prefix);

// The whole pugixml document as bytes: XML declaration, no indentation (indentation would add
// whitespace to mixed text content).
std::string serialize(const pugi::xml_document& document);

// Text safe for XML 1.0: drops control characters other than tab, line feed and carriage return.
std::string xmlSafe(const std::string& text);

// Where written bytes go.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(const char* data, std::size_t size) = 0;
};

class StringSink : public ByteSink {
public:
    explicit StringSink(std::string& out) : out_(out) {}
    void write(const char* data, std::size_t size) override { out_.append(data, size); }

private:
    std::string& out_;
};

class XmlWriter {
public:
    // sink null: a dry run that writes nothing (the content's first pass).
    explicit XmlWriter(ByteSink* sink);
    ~XmlWriter();  // does not flush: call finish()
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    bool discarding() const { return sink_ == nullptr; }

    void declaration();  // <?xml version="1.0" encoding="UTF-8"?> and a line feed
    // Start an element. name must outlive the element (the names are literals).
    void open(const char* name);
    void attr(const char* name, std::string_view value);
    void attr(const char* name, int value);
    void attr(const char* name, unsigned value);
    void namespaces(std::initializer_list<const char*> prefixes);  // xmlns:p="uri" for each
    // Character data of the open element; "" still ends the start tag (as pugixml's text().set("")).
    void text(std::string_view s);
    void close();  // the innermost open element
    // Markup already serialised (pieces of styles.xml), as the next content.
    void raw(std::string_view markup);
    // Close what is open and hand everything to the sink.
    void finish();

    // Elements opened so far (also counted in a dry run).
    std::size_t opened() const { return opened_; }

private:
    void endStartTag() {
        if (startOpen_) {
            put('>');
            startOpen_ = false;
        }
    }
    // The buffer: appended to inline, handed to the sink when full.
    void put(char c) {
        if (len_ == kChunk) flush();
        buf_[len_++] = c;
    }
    void put(const char* s, std::size_t n) {
        if (n > kChunk - len_) return putLong(s, n);
        std::memcpy(buf_.get() + len_, s, n);
        len_ += n;
    }
    void put(std::string_view s) { put(s.data(), s.size()); }
    void putLong(const char* s, std::size_t n);
    template <bool Attribute>
    void escaped(std::string_view s);
    void flush();

    static constexpr std::size_t kChunk = 64 * 1024;
    ByteSink* sink_;
    std::unique_ptr<char[]> buf_;
    std::size_t len_ = 0;
    std::vector<const char*> stack_;
    bool startOpen_ = false;
    std::size_t opened_ = 0;
};

}  // namespace overens::odf
