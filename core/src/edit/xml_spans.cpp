#include "edit/xml_spans.hpp"

#include <Poco/UTF8Encoding.h>

#include <cstring>

namespace overens::edit {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void appendUtf8(std::string& out, unsigned long cp) {
    unsigned char bytes[4];
    const int n = Poco::UTF8Encoding().convert(static_cast<int>(cp), bytes, 4);
    if (n > 0 && n <= 4) out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

// Entities and character references decoded, "\r\n" and "\r" read as "\n", as the parser does;
// in an attribute value a raw line break or tab reads as one space (its parse_wconv_attribute).
std::string decode(const std::string& xml, std::size_t begin, std::size_t end, bool attribute) {
    std::string out;
    out.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        const char c = xml[i];
        if (c == '\r') {
            out += attribute ? ' ' : '\n';
            if (i + 1 < end && xml[i + 1] == '\n') ++i;
        } else if (attribute && (c == '\n' || c == '\t')) {
            out += ' ';
        } else if (c == '&') {
            const std::size_t semi = xml.find(';', i);
            if (semi == std::string::npos || semi >= end) {
                out += c;
                continue;
            }
            const std::string name = xml.substr(i + 1, semi - i - 1);
            if (name == "amp") out += '&';
            else if (name == "lt") out += '<';
            else if (name == "gt") out += '>';
            else if (name == "quot") out += '"';
            else if (name == "apos") out += '\'';
            else if (!name.empty() && name[0] == '#') {
                const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
                appendUtf8(out, std::strtoul(name.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10));
            } else {
                out += xml.substr(i, semi - i + 1);
            }
            i = semi;
        } else {
            out += c;
        }
    }
    return out;
}

class Scanner {
public:
    explicit Scanner(const std::string& xml) : s_(xml) {}

    bool document(SpanNode& root) {
        while (p_ < s_.size()) {
            if (s_[p_] != '<') {
                ++p_;
                continue;
            }
            if (startsWith("<?")) skipPast("?>");
            else if (startsWith("<!--")) skipPast("-->");
            else if (startsWith("<!")) return false;  // DOCTYPE: not ours to measure
            else return element(root);
        }
        return false;
    }

private:
    bool startsWith(const char* t) const { return s_.compare(p_, std::strlen(t), t) == 0; }
    void skipPast(const char* t) {
        const std::size_t at = s_.find(t, p_);
        p_ = at == std::string::npos ? s_.size() : at + std::strlen(t);
    }
    std::size_t nameEnd(std::size_t from) const {
        while (from < s_.size() && !isSpace(s_[from]) && s_[from] != '>' && s_[from] != '/' && s_[from] != '=')
            ++from;
        return from;
    }

    bool element(SpanNode& e) {
        e.kind = SpanNode::Kind::Element;
        e.begin = p_++;
        e.nameEnd = nameEnd(p_);
        e.name = s_.substr(p_, e.nameEnd - p_);
        p_ = e.nameEnd;
        for (;;) {
            const std::size_t lead = p_;
            while (p_ < s_.size() && isSpace(s_[p_])) ++p_;
            if (p_ >= s_.size()) return false;
            if (s_[p_] == '/' || s_[p_] == '>') break;
            SpanAttribute a;
            a.lead = lead;
            a.begin = p_;
            p_ = nameEnd(p_);
            a.name = s_.substr(a.begin, p_ - a.begin);
            while (p_ < s_.size() && (isSpace(s_[p_]) || s_[p_] == '=')) ++p_;
            if (p_ >= s_.size()) return false;
            a.quote = s_[p_];
            a.valueBegin = ++p_;
            a.valueEnd = s_.find(a.quote, p_);
            if (a.valueEnd == std::string::npos) return false;
            a.value = decode(s_, a.valueBegin, a.valueEnd, true);
            a.end = p_ = a.valueEnd + 1;
            e.attributes.push_back(std::move(a));
        }
        e.tagClose = p_;
        if (s_[p_] == '/') {
            e.selfClosing = true;
            p_ += 2;
            e.contentBegin = e.contentEnd = e.end = p_;
            return true;
        }
        e.contentBegin = ++p_;
        while (p_ < s_.size()) {
            if (s_[p_] != '<') {
                SpanNode t;
                t.kind = SpanNode::Kind::Text;
                t.begin = p_;
                p_ = s_.find('<', p_);
                if (p_ == std::string::npos) return false;
                t.end = p_;
                t.text = decode(s_, t.begin, t.end, false);
                e.children.push_back(std::move(t));
            } else if (startsWith("</")) {
                e.contentEnd = p_;
                skipPast(">");
                e.end = p_;
                return true;
            } else if (startsWith("<!--") || startsWith("<?")) {
                SpanNode c;
                c.kind = startsWith("<!--") ? SpanNode::Kind::Comment : SpanNode::Kind::Other;
                c.begin = p_;
                skipPast(c.kind == SpanNode::Kind::Comment ? "-->" : "?>");
                c.end = p_;
                e.children.push_back(std::move(c));
            } else if (startsWith("<![CDATA[")) {
                SpanNode c;
                c.kind = SpanNode::Kind::CData;
                c.begin = p_;
                const std::size_t close = s_.find("]]>", p_);
                if (close == std::string::npos) return false;
                for (std::size_t i = p_ + 9; i < close; ++i)  // no entities in CDATA; line ends as the parser reads them
                    if (s_[i] != '\r') c.text += s_[i];
                    else if (i + 1 >= close || s_[i + 1] != '\n') c.text += '\n';
                p_ = c.end = close + 3;
                e.children.push_back(std::move(c));
            } else {
                SpanNode child;
                if (!element(child)) return false;
                e.children.push_back(std::move(child));
            }
        }
        return false;
    }

    const std::string& s_;
    std::size_t p_ = 0;
};

}  // namespace

const SpanAttribute* SpanNode::attribute(const std::string& n) const {
    for (const auto& a : attributes)
        if (a.name == n) return &a;
    return nullptr;
}

std::vector<const SpanNode*> SpanNode::elements(const std::string& n) const {
    std::vector<const SpanNode*> out;
    for (const auto& c : children)
        if (c.kind == Kind::Element && c.name == n) out.push_back(&c);
    return out;
}

const SpanNode* SpanNode::element(const std::string& n) const {
    for (const auto& c : children)
        if (c.kind == Kind::Element && c.name == n) return &c;
    return nullptr;
}

std::string SpanNode::innerText() const {
    std::string s;
    for (const auto& c : children)
        if (c.kind == Kind::Text || c.kind == Kind::CData) s += c.text;
    return s;
}

SpanDocument scanSpans(const std::string& xml) {
    SpanDocument d;
    d.ok = Scanner(xml).document(d.root);
    return d;
}

std::string escapeText(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string escapeAttribute(const std::string& s, char quote) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == quote) out += quote == '"' ? "&quot;" : "&apos;";
        else if (c == '\n') out += "&#10;";
        else if (c == '\t') out += "&#9;";
        else out += c;
    }
    return out;
}

}  // namespace overens::edit
