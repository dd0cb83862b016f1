#include "edit/record_fields.hpp"

#include <set>

#include "overens/values.hpp"
#include "source/header_fields.hpp"
#include "util/text.hpp"

namespace overens::edit {

bool isScalar(FieldType t) { return t != FieldType::List && t != FieldType::Table && t != FieldType::Group; }

const Field* findField(const std::vector<Field>& fields, const std::string& name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

namespace {

// The length of the UTF-8 sequence at i that XML 1.0 allows as a character, or 0.
std::size_t xmlCharAt(const std::string& s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
    const std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return 0;
    unsigned long cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    const bool excluded = (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF;
    return overlong || excluded ? 0 : n;
}

}  // namespace

std::string normalise(FieldType type, const std::string& value) {
    // What a browser may post and XML cannot hold: control characters are dropped, bytes that
    // are not UTF-8 become U+FFFD, so that a saved file is always well-formed.
    std::string v;
    v.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t n = xmlCharAt(value, i);
        if (n == 0) {
            if (static_cast<unsigned char>(value[i]) >= 0x80) v += "\xEF\xBF\xBD";
            ++i;
        } else if (value[i] == '\r') {
            v += '\n';
            i += i + 1 < value.size() && value[i + 1] == '\n' ? 2 : 1;
        } else {
            v.append(value, i, n);
            i += n;
        }
    }
    return type == FieldType::Multiline ? normaliseParagraphs(v) : collapseWhitespace(v);
}

bool sameAnswer(FieldType type, const std::string& inFile, const std::string& answer) {
    if (inFile == answer) return true;
    return type == FieldType::Boolean && parseBoolean(inFile) && parseBoolean(inFile) == parseBoolean(answer);
}

std::vector<Field> rootFields(const SpanNode& root, const SchemaLookup& schemas) {
    std::vector<Field> fields = headerFields();
    std::set<std::string> added;
    auto addSection = [&](const std::string& id) {
        auto it = schemas.find(id);
        if (it == schemas.end() || isHeaderElement(id) || !added.insert(id).second) return;
        Field section = field(id, FieldType::Group, true, id, id);
        section.fields = it->second.fields;
        fields.push_back(std::move(section));
    };
    for (const auto& c : root.children)
        if (c.kind == SpanNode::Kind::Element) addSection(c.name);
    for (const auto& [id, schema] : schemas) addSection(id);
    return fields;
}

namespace {

bool isIndex(const std::string& s) {
    return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) return parts;
        start = dot + 1;
    }
}

}  // namespace

bool knownPath(const std::vector<Field>& fields, const std::string& path) {
    const std::vector<std::string> parts = split(path);
    const std::vector<Field>* record = &fields;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Field* f = findField(*record, parts[i]);
        if (!f) return false;
        const bool last = i + 1 == parts.size();
        if (isScalar(f->type)) return last;
        if (last) return false;  // a group, list or table holds no value of its own
        if (f->type == FieldType::Group) {
            record = &f->fields;
            continue;
        }
        const std::string& next = parts[++i];
        if (next == "count") return i + 1 == parts.size();
        if (!isIndex(next)) return false;
        if (i + 1 == parts.size()) return f->type == FieldType::List;
        if (parts[i + 1] == "#") return i + 2 == parts.size();
        if (f->type == FieldType::List) return false;
        record = &f->fields;
    }
    return false;
}

void forEachDefault(const std::vector<Field>& fields, const std::string& prefix,
                    const std::function<void(const std::string&, HeaderValue)>& visit) {
    for (const auto& f : fields) {
        if (isScalar(f.type) && f.defaultFrom != HeaderValue::None) visit(prefix + f.name, f.defaultFrom);
        if (f.type == FieldType::Group) forEachDefault(f.fields, prefix + f.name + ".", visit);
    }
}

}  // namespace overens::edit
