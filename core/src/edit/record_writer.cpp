#include "edit/record_writer.hpp"

#include <algorithm>
#include <cstdlib>

namespace overens::edit {

namespace {

constexpr std::size_t kLineWidth = 100;  // where a rewritten paragraph wraps, as the samples do

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

int indexOf(const std::vector<Field>& fields, const std::string& name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return static_cast<int>(i);
    return -1;
}

// Paragraphs ("\n\n"-separated, as normalise gives them) wrapped at kLineWidth, each line indented.
std::string wrapped(const std::string& value, const std::string& indent) {
    std::string out;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find("\n\n", start);
        if (end == std::string::npos) end = value.size();
        const std::string paragraph = value.substr(start, end - start);
        if (!out.empty()) out += "\n\n";
        std::string line;
        std::size_t w = 0;
        while (w < paragraph.size()) {
            std::size_t space = paragraph.find(' ', w);
            if (space == std::string::npos) space = paragraph.size();
            const std::string word = paragraph.substr(w, space - w);
            if (!line.empty() && characters(indent) + characters(line) + 1 + characters(word) > kLineWidth) {
                out += indent + line + "\n";
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
            w = space + 1;
        }
        out += indent + line;
        start = end + 2;
    }
    return out;
}

// The longest run of kept rows: rows whose original index increases along the new order stay
// where they are; every other row is removed or inserted. Returns, per new position, whether
// the row stays.
std::vector<bool> keptInPlace(const std::vector<long>& source) {
    std::vector<std::size_t> tails;  // positions in `source` ending the best run of each length
    std::vector<long> previous(source.size(), -1);
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] < 0) continue;
        auto at = std::lower_bound(tails.begin(), tails.end(), source[i],
                                   [&](std::size_t t, long v) { return source[t] < v; });
        if (at != tails.begin()) previous[i] = static_cast<long>(*(at - 1));
        if (at == tails.end())
            tails.push_back(i);
        else
            *at = i;
    }
    std::vector<bool> kept(source.size(), false);
    for (long i = tails.empty() ? -1 : static_cast<long>(tails.back()); i >= 0; i = previous[static_cast<std::size_t>(i)])
        kept[static_cast<std::size_t>(i)] = true;
    return kept;
}

bool emptyRecord(const std::string& text) {
    const SpanDocument d = scanSpans(text);
    if (!d.ok || !d.root.attributes.empty()) return false;
    for (const auto& c : d.root.children) {
        if (c.kind == SpanNode::Kind::Text && c.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        return false;
    }
    return true;
}

}  // namespace

RecordWriter::RecordWriter(const std::string& xml, const AnswerMap& posted, const SpanNode& root,
                           const std::vector<Field>& fields, Diagnostics& diags)
    : xml_(xml), posted_(posted), root_(root), fields_(fields), diags_(diags) {
    for (const auto& c : root.children)
        if (c.kind == SpanNode::Kind::Element) {
            const std::string indent = indentOf(c);
            if (!indent.empty()) unit_ = indent;
            break;
        }
    learnStyle(root, fields, "");
    const std::size_t firstBreak = xml.find('\n');
    if (!root.attributes.empty()) quote_ = root.attributes.front().quote;
    crlf_ = firstBreak != std::string::npos && firstBreak > 0 && xml[firstBreak - 1] == '\r';
}

std::string RecordWriter::write() const {
    return xml_.substr(0, root_.begin) + record(root_, fields_, "", "") + xml_.substr(root_.end);
}

// Whether each scalar is an attribute or a child element, as the file writes it elsewhere.
void RecordWriter::learnStyle(const SpanNode& el, const std::vector<Field>& fields, const std::string& pattern) {
    for (const auto& a : el.attributes)
        if (const Field* f = findField(fields, a.name); f && isScalar(f->type)) element_.emplace(pattern + a.name, false);
    for (const auto& c : el.children) {
        if (c.kind != SpanNode::Kind::Element) continue;
        const Field* f = findField(fields, c.name);
        if (!f) continue;
        if (isScalar(f->type)) element_.emplace(pattern + c.name, true);
        else if (f->type != FieldType::List) learnStyle(c, f->fields, pattern + c.name + ".");
    }
}

bool RecordWriter::asElement(const std::string& pattern, FieldType type) const {
    auto it = element_.find(pattern);
    return it != element_.end() ? it->second : type == FieldType::Multiline;
}

const std::string* RecordWriter::answer(const std::string& path) const {
    auto it = posted_.find(path);
    return it == posted_.end() ? nullptr : &it->second;
}

bool RecordWriter::anyValueUnder(const std::string& prefix) const {
    auto endsWith = [](const std::string& s, const char* tail) {
        const std::size_t n = std::char_traits<char>::length(tail);
        return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
    };
    for (auto it = posted_.lower_bound(prefix); it != posted_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
        if (endsWith(it->first, ".#")) continue;
        if (endsWith(it->first, ".count")) {
            if (std::atol(it->second.c_str()) > 0) return true;
            continue;
        }
        if (!normalise(FieldType::Multiline, it->second).empty()) return true;
    }
    return false;
}

long RecordWriter::countOf(const std::string& path, long fallback) const {
    const std::string* c = answer(path + ".count");
    if (!c) return fallback;
    char* end = nullptr;
    const long n = std::strtol(c->c_str(), &end, 10);
    if (c->empty() || *end || n < 0 || n > 1000000L) {
        diags_.warning("edit.bad-count", Location{}, "'" + path + ".count' är inget antal: '" + *c + "'",
                       "'" + path + ".count' is not a number of rows: '" + *c + "'");
        return fallback;
    }
    return n;
}

std::string RecordWriter::indentOf(const SpanNode& node) const {
    std::size_t i = node.begin;
    while (i > 0 && isBlank(xml_[i - 1])) --i;
    if (i > 0 && xml_[i - 1] != '\n') return {};
    return xml_.substr(i, node.begin - i);
}

std::string RecordWriter::childIndent(const SpanNode& el) const {
    for (const auto& c : el.children)
        if (c.kind == SpanNode::Kind::Element) {
            const std::string indent = indentOf(c);
            if (!indent.empty()) return indent;
        }
    return indentOf(el) + unit_;
}

std::size_t RecordWriter::trimmedTagClose(const SpanNode& el) const {
    std::size_t p = el.tagClose;
    while (p > el.nameEnd && (isBlank(xml_[p - 1]) || xml_[p - 1] == '\n' || xml_[p - 1] == '\r')) --p;
    return p;
}

// A removed node takes its line with it: the line break and indentation before it.
RecordWriter::Edit RecordWriter::removal(const SpanNode& node) const {
    std::size_t start = node.begin;
    while (start > 0 && isBlank(xml_[start - 1])) --start;
    if (start > 0 && xml_[start - 1] == '\n') {
        --start;
        if (start > 0 && xml_[start - 1] == '\r') --start;
    } else {
        start = node.begin;
    }
    return {start, node.end, {}};
}

std::string RecordWriter::content(const SpanNode* el, FieldType type, const std::string& value,
                                  const std::string& indent) const {
    if (type != FieldType::Multiline || value.empty()) return escapeText(value);
    const std::string escaped = escapeText(value);
    if (el && !el->selfClosing) {
        const std::string old = xml_.substr(el->contentBegin, el->contentEnd - el->contentBegin);
        const std::size_t first = old.find('\n');
        if (first != std::string::npos) {
            // Block layout: keep the indentation of its first text line and of its end tag.
            std::string inner = indent + unit_;
            for (std::size_t p = first; p != std::string::npos; p = old.find('\n', p + 1)) {
                std::size_t q = p + 1;
                while (q < old.size() && isBlank(old[q])) ++q;
                if (q < old.size() && old[q] != '\n' && old[q] != '\r') {
                    inner = old.substr(p + 1, q - p - 1);
                    break;
                }
            }
            const std::size_t last = old.rfind('\n');
            std::size_t q = last + 1;
            while (q < old.size() && isBlank(old[q])) ++q;
            const std::string close = q == old.size() ? old.substr(last + 1) : indent;
            return "\n" + wrapped(escaped, inner) + "\n" + close;
        }
    }
    const std::string name = el ? el->name : std::string();
    if (escaped.find("\n\n") == std::string::npos &&
        characters(indent) + 2 * characters(name) + 5 + characters(escaped) <= kLineWidth)
        return escaped;
    return "\n" + wrapped(escaped, indent + unit_) + "\n" + indent;
}

std::string RecordWriter::scalarElement(const std::string& name, FieldType type, const std::string& value,
                                        const std::string& indent) const {
    if (value.empty()) return "<" + name + "/>";
    SpanNode named;
    named.name = name;
    named.selfClosing = true;
    return "<" + name + ">" + content(&named, type, value, indent) + "</" + name + ">";
}

std::string RecordWriter::itemText(const SpanNode& item, FieldType type, const std::string& path) const {
    const std::string original = xml_.substr(item.begin, item.end - item.begin);
    const std::string* posted = answer(path);
    if (!posted) return original;
    const std::string value = normalise(type, *posted);
    if (sameAnswer(type, normalise(type, item.innerText()), value)) return original;
    const std::string text = content(&item, type, value, indentOf(item));
    if (item.selfClosing)
        return xml_.substr(item.begin, trimmedTagClose(item) - item.begin) + ">" + text + "</" + item.name + ">";
    return xml_.substr(item.begin, item.contentBegin - item.begin) + text +
           xml_.substr(item.contentEnd, item.end - item.contentEnd);
}

std::string RecordWriter::record(const SpanNode& el, const std::vector<Field>& fields, const std::string& prefix,
                                 const std::string& pattern) const {
    std::vector<Edit> edits;
    std::vector<NewChild> added;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Field& f = fields[i];
        const int index = static_cast<int>(i);
        const std::string path = prefix + f.name;
        if (isScalar(f.type))
            scalar(el, f, index, fields, path, pattern + f.name, edits, added);
        else if (f.type == FieldType::Group)
            group(el, f, index, path, pattern + f.name + ".", edits, added);
        else
            rows(el, f, index, path, pattern + f.name + ".", edits, added);
    }
    insertChildren(el, fields, std::move(added), edits);
    return applyEdits(el.begin, el.end, std::move(edits));
}

void RecordWriter::scalar(const SpanNode& el, const Field& f, int index, const std::vector<Field>& fields,
                          const std::string& path, const std::string& pattern, std::vector<Edit>& edits,
                          std::vector<NewChild>& added) const {
    const std::string* posted = answer(path);
    if (!posted) return;
    const std::string value = normalise(f.type, *posted);
    if (const SpanAttribute* a = el.attribute(f.name)) {
        if (sameAnswer(f.type, normalise(f.type, a->value), value)) return;
        if (value.empty() && !f.required)
            edits.push_back({a->lead, a->end, {}});
        else
            edits.push_back({a->valueBegin, a->valueEnd, escapeAttribute(value, a->quote)});
    } else if (const SpanNode* c = el.element(f.name)) {
        if (sameAnswer(f.type, normalise(f.type, c->innerText()), value)) return;
        if (value.empty() && !f.required) {
            edits.push_back(removal(*c));
            return;
        }
        const std::string text = content(c, f.type, value, indentOf(*c));
        if (c->selfClosing)
            edits.push_back({trimmedTagClose(*c), c->end, ">" + text + "</" + c->name + ">"});
        else
            edits.push_back({c->contentBegin, c->contentEnd, text});
    } else if (!value.empty()) {
        if (asElement(pattern, f.type))
            added.push_back({index, scalarElement(f.name, f.type, value, childIndent(el))});
        else
            insertAttribute(el, fields, index, f.name, value, edits);
    }
}

void RecordWriter::group(const SpanNode& el, const Field& f, int index, const std::string& path,
                         const std::string& pattern, std::vector<Edit>& edits, std::vector<NewChild>& added) const {
    const SpanNode* g = el.element(f.name);
    if (!g) {
        if (anyValueUnder(path + "."))
            added.push_back({index, generate(f, path + ".", pattern, childIndent(el))});
        return;
    }
    const std::string text = record(*g, f.fields, path + ".", pattern);
    if (text == xml_.substr(g->begin, g->end - g->begin)) return;
    if (!f.required && emptyRecord(text))
        edits.push_back(removal(*g));
    else
        edits.push_back({g->begin, g->end, text});
}

void RecordWriter::rows(const SpanNode& el, const Field& f, int index, const std::string& path,
                        const std::string& pattern, std::vector<Edit>& edits, std::vector<NewChild>& added) const {
    const std::vector<const SpanNode*> original = el.elements(f.name);
    const long n = static_cast<long>(original.size());
    const long m = countOf(path, n);
    // Where each row of the new order comes from: an original index, or -1 for a new row.
    std::vector<long> source(static_cast<std::size_t>(m));
    for (long i = 0; i < m; ++i) {
        const std::string* id = answer(path + "." + std::to_string(i) + ".#");
        long k = i < n ? i : -1;
        if (id) {
            char* end = nullptr;
            k = id->empty() ? -1 : std::strtol(id->c_str(), &end, 10);
            if (!id->empty() && (*end || k < 0 || k >= n)) {
                diags_.warning("edit.bad-row", Location{}, "'" + path + "." + std::to_string(i) + ".#' anger ingen rad i filen",
                               "'" + path + "." + std::to_string(i) + ".#' names no row of the file");
                k = -1;
            }
        }
        source[static_cast<std::size_t>(i)] = k;
    }
    const std::vector<bool> kept = keptInPlace(source);
    std::vector<bool> stays(static_cast<std::size_t>(n), false);
    for (long i = 0; i < m; ++i)
        if (kept[static_cast<std::size_t>(i)]) stays[static_cast<std::size_t>(source[static_cast<std::size_t>(i)])] = true;
    for (long k = 0; k < n; ++k)
        if (!stays[static_cast<std::size_t>(k)]) edits.push_back(removal(*original[static_cast<std::size_t>(k)]));

    const std::string rowIndent = n ? indentOf(*original.front()) : childIndent(el);
    auto text = [&](long k, const std::string& rowPath) {
        if (k < 0) {
            if (f.type == FieldType::List) {
                const std::string* v = answer(rowPath);
                return scalarElement(f.name, f.item, v ? normalise(f.item, *v) : std::string(), rowIndent);
            }
            return generate(f, rowPath + ".", pattern, rowIndent);
        }
        const SpanNode& row = *original[static_cast<std::size_t>(k)];
        return f.type == FieldType::List ? itemText(row, f.item, rowPath) : record(row, f.fields, rowPath + ".", pattern);
    };
    const SpanNode* anchor = nullptr;
    std::vector<std::string> leading;  // new rows before the first row that stays
    for (long i = 0; i < m; ++i) {
        const long k = source[static_cast<std::size_t>(i)];
        const std::string rowPath = path + "." + std::to_string(i);
        const std::string rowText = text(k, rowPath);
        if (!kept[static_cast<std::size_t>(i)]) {
            if (anchor)
                edits.push_back({anchor->end, anchor->end, "\n" + rowIndent + rowText});
            else
                leading.push_back(rowText);
            continue;
        }
        const SpanNode& row = *original[static_cast<std::size_t>(k)];
        if (rowText != xml_.substr(row.begin, row.end - row.begin)) edits.push_back({row.begin, row.end, rowText});
        if (!anchor && !leading.empty()) {
            std::string before;
            for (const auto& t : leading) before += t + "\n" + rowIndent;
            edits.push_back({row.begin, row.begin, before});
            leading.clear();
        }
        anchor = &row;
    }
    for (auto& t : leading) added.push_back({index, std::move(t)});
}

void RecordWriter::insertAttribute(const SpanNode& el, const std::vector<Field>& fields, int index,
                                   const std::string& name, const std::string& value, std::vector<Edit>& edits) const {
    const char quote = el.attributes.empty() ? quote_ : el.attributes.front().quote;
    const std::string written = name + "=" + quote + escapeAttribute(value, quote) + quote;
    const SpanAttribute* before = nullptr;
    const SpanAttribute* after = nullptr;
    for (const auto& a : el.attributes) {
        const int i = indexOf(fields, a.name);
        if (i >= 0 && i < index) before = &a;
        if (i > index && !after) after = &a;
    }
    if (before)
        edits.push_back({before->end, before->end, " " + written});
    else if (after)
        edits.push_back({after->begin, after->begin, written + " "});
    else if (!el.attributes.empty())
        edits.push_back({el.attributes.back().end, el.attributes.back().end, " " + written});
    else
        edits.push_back({el.nameEnd, el.nameEnd, " " + written});
}

void RecordWriter::insertChildren(const SpanNode& el, const std::vector<Field>& fields, std::vector<NewChild> added,
                                  std::vector<Edit>& edits) const {
    if (added.empty()) return;
    std::stable_sort(added.begin(), added.end(), [](const NewChild& a, const NewChild& b) { return a.index < b.index; });
    const std::string indent = childIndent(el);
    std::string intoEmpty;
    for (const auto& child : added) {
        const SpanNode* before = nullptr;
        const SpanNode* after = nullptr;
        for (const auto& c : el.children) {
            if (c.kind != SpanNode::Kind::Element) continue;
            const int i = indexOf(fields, c.name);
            if (i >= 0 && i < child.index) before = &c;
            if (i > child.index && !after) after = &c;
        }
        if (before)
            edits.push_back({before->end, before->end, "\n" + indent + child.text});
        else if (after)
            edits.push_back({after->begin, after->begin, child.text + "\n" + indent});
        else
            intoEmpty += "\n" + indent + child.text;
    }
    if (intoEmpty.empty()) return;
    const std::string close = indentOf(el);
    if (el.selfClosing) {
        edits.push_back({trimmedTagClose(el), el.end, ">" + intoEmpty + "\n" + close + "</" + el.name + ">"});
        return;
    }
    const std::string inner = xml_.substr(el.contentBegin, el.contentEnd - el.contentBegin);
    std::size_t lastBreak = inner.rfind('\n');
    if (lastBreak != std::string::npos && lastBreak > 0 && inner[lastBreak - 1] == '\r') --lastBreak;
    if (lastBreak == std::string::npos)
        edits.push_back({el.contentEnd, el.contentEnd, intoEmpty + "\n" + close});
    else
        edits.push_back({el.contentBegin + lastBreak, el.contentBegin + lastBreak, intoEmpty});
}

std::string RecordWriter::generate(const Field& f, const std::string& prefix, const std::string& pattern,
                                   const std::string& indent) const {
    std::string attributes;
    std::vector<std::string> children;
    const std::string inner = indent + unit_;
    for (const Field& g : f.fields) {
        const std::string path = prefix + g.name;
        if (isScalar(g.type)) {
            const std::string* v = answer(path);
            const std::string value = v ? normalise(g.type, *v) : std::string();
            if (value.empty()) continue;
            if (asElement(pattern + g.name, g.type))
                children.push_back(scalarElement(g.name, g.type, value, inner));
            else
                attributes += " " + g.name + "=" + quote_ + escapeAttribute(value, quote_) + quote_;
        } else if (g.type == FieldType::Group) {
            if (anyValueUnder(path + ".")) children.push_back(generate(g, path + ".", pattern + g.name + ".", inner));
        } else {
            long count = countOf(path, -1);
            if (count < 0)  // no count posted: as many rows as have answers
                for (count = 0; answer(path + "." + std::to_string(count)) ||
                                anyValueUnder(path + "." + std::to_string(count) + ".");)
                    ++count;
            for (long i = 0; i < count; ++i) {
                const std::string row = path + "." + std::to_string(i);
                if (g.type == FieldType::Table) {
                    children.push_back(generate(g, row + ".", pattern + g.name + ".", inner));
                } else {
                    const std::string* v = answer(row);
                    children.push_back(scalarElement(g.name, g.item, v ? normalise(g.item, *v) : std::string(), inner));
                }
            }
        }
    }
    if (children.empty()) return "<" + f.name + attributes + "/>";
    std::string out = "<" + f.name + attributes + ">";
    for (const auto& c : children) out += "\n" + inner + c;
    return out + "\n" + indent + "</" + f.name + ">";
}

std::string RecordWriter::applyEdits(std::size_t begin, std::size_t end, std::vector<Edit> edits) const {
    // By position; an insertion comes before a replacement that starts at the same place.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return (a.end == a.begin) && (b.end != b.begin);
    });
    std::string out;
    std::size_t at = begin;
    for (const auto& e : edits) {
        if (e.begin < at) continue;  // overlapping edits cannot arise from one record's fields
        out.append(xml_, at, e.begin - at);
        if (crlf_) {  // new text is made with "\n" (copied parts already have CRLF): keep the file's
            for (char c : e.text) {
                if (c == '\n' && (out.empty() || out.back() != '\r')) out += '\r';
                out += c;
            }
        } else {
            out += e.text;
        }
        at = e.end;
    }
    out.append(xml_, at, end - at);
    return out;
}

}  // namespace overens::edit
