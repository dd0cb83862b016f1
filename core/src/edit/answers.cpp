#include "edit/answers.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>

#include "edit/record_fields.hpp"
#include "edit/record_writer.hpp"
#include "edit/xml_spans.hpp"
#include "overens/interview.hpp"
#include "source/xml_locations.hpp"

namespace overens::edit {

namespace {

// pugixml decides well-formedness (the same parser and flags as the source reader); the span
// scanner then measures the accepted text.
bool wellFormed(const std::string& xml, Diagnostics& diags) {
    pugi::xml_document doc;
    const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration;
    const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
    const XmlLocations locations({}, xml.data(), xml.size());
    if (!parsed) {
        diags.error("source.malformed-xml", locations.atOffset(static_cast<std::size_t>(parsed.offset)),
                    std::string("felaktig XML: ") + parsed.description(),
                    std::string("malformed XML: ") + parsed.description());
        return false;
    }
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_doctype) {
            diags.error("source.doctype", Location{}, "DOCTYPE- och entitetsdeklarationer tillåts inte i en källfil",
                        "DOCTYPE and entity declarations are not allowed in a source file");
            return false;
        }
    return true;
}

bool scan(const std::string& xml, Diagnostics& diags, SpanDocument& out) {
    if (!wellFormed(xml, diags)) return false;
    out = scanSpans(xml);
    if (!out.ok)
        diags.error("source.malformed-xml", Location{}, "felaktig XML", "malformed XML");
    return out.ok;
}

std::string kindOf(const SpanNode& root) {
    const SpanAttribute* kind = root.attribute("kind");
    return kind ? kind->value : root.name;
}

// ---- reading ----

void readRecord(const SpanNode& el, const std::vector<Field>& fields, const std::string& prefix, Answers& out) {
    for (const Field& f : fields) {
        const std::string path = prefix + f.name;
        if (isScalar(f.type)) {
            if (const SpanAttribute* a = el.attribute(f.name))
                out.emplace_back(path, normalise(f.type, a->value));
            else if (const SpanNode* c = el.element(f.name))
                out.emplace_back(path, normalise(f.type, c->innerText()));
        } else if (f.type == FieldType::Group) {
            if (const SpanNode* g = el.element(f.name)) readRecord(*g, f.fields, path + ".", out);
        } else {
            const auto rows = el.elements(f.name);
            out.emplace_back(path + ".count", std::to_string(rows.size()));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const std::string row = path + "." + std::to_string(i);
                out.emplace_back(row + ".#", std::to_string(i));
                if (f.type == FieldType::List)
                    out.emplace_back(row, normalise(f.item, rows[i]->innerText()));
                else
                    readRecord(*rows[i], f.fields, row + ".", out);
            }
        }
    }
}

// ---- locations ----

void addPlace(FieldPaths& paths, const XmlLocations& loc, std::size_t offset, const std::string& path) {
    const Location l = loc.atOffset(offset);
    paths.emplace(std::make_pair(l.line, l.column), path);
}

// The first non-blank character of an element's text: where the source reader places a text value.
std::size_t textOffset(const SpanNode& el, const std::string& xml) {
    for (const auto& c : el.children) {
        if (c.kind != SpanNode::Kind::Text && c.kind != SpanNode::Kind::CData) continue;
        if (c.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        std::size_t at = c.begin + (c.kind == SpanNode::Kind::CData ? 9 : 0);
        while (at < xml.size() && (xml[at] == ' ' || xml[at] == '\t' || xml[at] == '\r' || xml[at] == '\n')) ++at;
        return at;
    }
    return el.begin;
}

void placeRecord(const SpanNode& el, const std::vector<Field>& fields, const std::string& path, const std::string& xml,
                 const XmlLocations& loc, FieldPaths& out) {
    if (!path.empty()) addPlace(out, loc, el.begin, path);
    const std::string prefix = path.empty() ? "" : path + ".";
    for (const Field& f : fields) {
        const std::string p = prefix + f.name;
        if (isScalar(f.type)) {
            if (const SpanAttribute* a = el.attribute(f.name)) addPlace(out, loc, a->begin, p);
            for (const SpanNode* c : el.elements(f.name)) {
                addPlace(out, loc, c->begin, p);
                addPlace(out, loc, textOffset(*c, xml), p);
            }
        } else if (f.type == FieldType::Group) {
            for (const SpanNode* g : el.elements(f.name)) placeRecord(*g, f.fields, p, xml, loc, out);
        } else {
            const auto rows = el.elements(f.name);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const std::string row = p + "." + std::to_string(i);
                if (f.type == FieldType::Table) {
                    placeRecord(*rows[i], f.fields, row, xml, loc, out);
                } else {
                    addPlace(out, loc, rows[i]->begin, row);
                    addPlace(out, loc, textOffset(*rows[i], xml), row);
                }
            }
        }
    }
}

}  // namespace

Answers readAnswers(const std::string& xml, const SchemaLookup& schemas, Diagnostics& diags) {
    SpanDocument doc;
    if (!scan(xml, diags, doc)) return {};
    Answers out;
    out.emplace_back("kind", kindOf(doc.root));
    readRecord(doc.root, rootFields(doc.root, schemas), "", out);
    return out;
}

std::string applyAnswers(const std::string& xml, const Answers& answers, const SchemaLookup& schemas,
                         Diagnostics& diags) {
    SpanDocument doc;
    if (!scan(xml, diags, doc)) return xml;
    const std::vector<Field> fields = rootFields(doc.root, schemas);
    AnswerMap posted;
    for (const auto& [path, value] : answers) {
        if (path == "kind") continue;  // the root element decides the kind; it is not edited
        if (!knownPath(fields, path)) {
            diags.warning("edit.unknown-answer", Location{}, "svaret '" + path + "' hör inte till något fält",
                          "the answer '" + path + "' belongs to no field");
            continue;
        }
        posted[path] = value;
    }
    RecordWriter writer(xml, posted, doc.root, fields, diags);
    return writer.write();
}

Answers headerDefaults(const std::string& xml, const SchemaLookup& schemas) {
    Diagnostics ignored;
    SpanDocument doc;
    if (!scan(xml, ignored, doc)) return {};
    const Source header = readSourceText(xml, {}, {}, ignored, ReadOptions{true});
    const Answers current = readAnswers(xml, schemas, ignored);
    AnswerMap have(current.begin(), current.end());
    Answers out;
    for (const Field& section : rootFields(doc.root, schemas)) {
        if (section.type != FieldType::Group || isHeaderElement(section.name)) continue;
        forEachDefault(section.fields, section.name + ".", [&](const std::string& path, HeaderValue from) {
            const std::string value = headerDefault(from, header.context);
            auto it = have.find(path);
            if (!value.empty() && (it == have.end() || it->second.empty())) out.emplace_back(path, value);
        });
    }
    return out;
}

std::string newDocument(const DocumentKind& kind, const std::string& lang, const std::string* fromXml,
                        const SchemaLookup& schemas) {
    std::string header;
    if (fromXml) {
        Diagnostics ignored;
        SpanDocument from;
        if (scan(*fromXml, ignored, from))
            for (const auto& c : from.root.children)
                if (c.kind == SpanNode::Kind::Element && (c.name == "organisation" || c.name == "party"))
                    header += "  " + fromXml->substr(c.begin, c.end - c.begin) + "\n";
    }
    if (header.empty()) {
        header = "  <organisation/>\n";
        for (const auto& role : kind.signatories) header += "  <party role=\"" + escapeAttribute(role, '"') + "\"/>\n";
    }
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + kind.id + " kind=\"" + kind.id + "\" lang=\"" +
                      escapeAttribute(lang.empty() ? "sv" : lang, '"') + "\">\n" + header + "\n";
    for (const auto& s : kind.sections) xml += "  <" + s.id + "/>\n";
    xml += "</" + kind.id + ">\n";
    Diagnostics ignored;
    const Answers defaults = headerDefaults(xml, schemas);
    return defaults.empty() ? xml : applyAnswers(xml, defaults, schemas, ignored);
}

FieldPaths fieldPaths(const std::string& xml, const SchemaLookup& schemas) {
    Diagnostics ignored;
    SpanDocument doc;
    FieldPaths out;
    if (!scan(xml, ignored, doc)) return out;
    const XmlLocations loc({}, xml.data(), xml.size());
    if (const SpanAttribute* kind = doc.root.attribute("kind")) addPlace(out, loc, kind->begin, "kind");
    placeRecord(doc.root, rootFields(doc.root, schemas), "", xml, loc, out);
    return out;
}

std::string fieldPathAt(const FieldPaths& paths, const Location& where) {
    if (!where.known() || paths.empty()) return {};
    auto it = paths.upper_bound({where.line, where.column});
    if (it == paths.begin()) return {};
    --it;
    return it->second;
}

}  // namespace overens::edit
