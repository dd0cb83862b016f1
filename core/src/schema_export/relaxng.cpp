#include "schema_export/relaxng.hpp"

#include <pugixml.hpp>

namespace overens {

namespace {

using pugi::xml_node;

const char* kRng = "http://relaxng.org/ns/structure/1.0";
const char* kXsd = "http://www.w3.org/2001/XMLSchema-datatypes";

xml_node add(xml_node parent, const char* name) { return parent.append_child(name); }

xml_node named(xml_node parent, const char* kind, const std::string& name) {
    xml_node n = add(parent, kind);
    n.append_attribute("name") = name.c_str();
    return n;
}

void documentation(xml_node parent, const Field& f) {
    const std::string help = f.help_en.empty() ? f.label_en : f.help_en;
    if (help.empty()) return;
    xml_node doc = parent.prepend_child("a:documentation");
    doc.text() = help.c_str();
}

// ISO 8601 durations as the reader takes them: xsd:duration lacks weeks (P1W, P2W).
void durationPattern(xml_node parent) {
    xml_node d = add(parent, "data");
    d.append_attribute("type") = "string";
    named(d, "param", "pattern").text() = "P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?";
    xml_node except = add(add(d, "except"), "choice");
    add(except, "value").text() = "P";
    add(except, "value").text() = "PT";
}

// The value pattern of a scalar type.
void valuePattern(xml_node parent, const Field& f, FieldType type) {
    auto data = [&](const char* t) { add(parent, "data").append_attribute("type") = t; };
    switch (type) {
        case FieldType::Date: data("date"); break;
        case FieldType::Duration: durationPattern(parent); break;
        case FieldType::Integer: data("integer"); break;
        case FieldType::Number: {
            xml_node d = add(parent, "data");
            d.append_attribute("type") = "string";
            named(d, "param", "pattern").text() = "-?[0-9]+([.,][0-9]+)?";
            break;
        }
        case FieldType::Email: {
            xml_node d = add(parent, "data");
            d.append_attribute("type") = "string";
            named(d, "param", "pattern").text() = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*";
            break;
        }
        case FieldType::Enum: {
            xml_node c = add(parent, "choice");
            for (const auto& choice : f.choices) add(c, "value").text() = choice.value.c_str();
            if (f.choices.empty()) add(parent, "text");
            break;
        }
        case FieldType::Boolean: {
            xml_node c = add(parent, "choice");
            for (const char* v : {"true", "false", "yes", "no", "ja", "nej", "1", "0"}) add(c, "value").text() = v;
            break;
        }
        default: add(parent, "text"); break;
    }
}

void record(xml_node parent, const std::vector<Field>& fields);

void fieldPattern(xml_node parent, const Field& f) {
    switch (f.type) {
        case FieldType::List: {
            xml_node rep = add(parent, f.required ? "oneOrMore" : "zeroOrMore");
            xml_node e = named(rep, "element", f.name);
            documentation(e, f);
            valuePattern(e, f, f.item);
            return;
        }
        case FieldType::Table: {
            xml_node rep = add(parent, f.required ? "oneOrMore" : "zeroOrMore");
            xml_node e = named(rep, "element", f.name);
            documentation(e, f);
            record(e, f.fields);
            return;
        }
        case FieldType::Group: {
            xml_node holder = f.required ? parent : add(parent, "optional");
            xml_node e = named(holder, "element", f.name);
            documentation(e, f);
            record(e, f.fields);
            return;
        }
        default: {
            // A scalar: an attribute or a child element of its name.
            xml_node holder = f.required ? parent : add(parent, "optional");
            xml_node choice = add(holder, "choice");
            xml_node a = named(choice, "attribute", f.name);
            documentation(a, f);
            valuePattern(a, f, f.type);
            xml_node e = named(choice, "element", f.name);
            valuePattern(e, f, f.type);
        }
    }
}

void record(xml_node parent, const std::vector<Field>& fields) {
    if (fields.empty()) {
        add(parent, "empty");
        return;
    }
    xml_node all = add(parent, "interleave");
    for (const auto& f : fields) fieldPattern(all, f);
}

void attribute(xml_node parent, const char* name, bool required, const char* type = nullptr,
               std::initializer_list<const char*> values = {}) {
    xml_node holder = required ? parent : add(parent, "optional");
    xml_node a = named(holder, "attribute", name);
    if (values.size()) {
        xml_node c = add(a, "choice");
        for (const char* v : values) add(c, "value").text() = v;
    } else if (type) {
        add(a, "data").append_attribute("type") = type;
    } else {
        add(a, "text");
    }
}

void header(xml_node all) {
    xml_node org = named(all, "element", "organisation");
    attribute(org, "type", true, nullptr, {"kommun", "region"});
    attribute(org, "name", true);
    attribute(org, "board", false);
    attribute(org, "board-en", false);

    xml_node party = named(add(all, "zeroOrMore"), "element", "party");
    attribute(party, "role", true);
    attribute(party, "name", true);
    attribute(party, "title", false);
    attribute(party, "email", false);

    xml_node reg = named(add(all, "optional"), "element", "registration");
    attribute(reg, "dnr", false);
    attribute(reg, "adopted", false, "date");
    attribute(reg, "body", false);
    attribute(reg, "minutes", false);
    attribute(reg, "version", false);

    xml_node review = named(add(all, "optional"), "element", "review");
    durationPattern(named(add(review, "optional"), "attribute", "every"));
    attribute(review, "next", false, "date");
    durationPattern(named(add(review, "optional"), "attribute", "notify-before"));
    attribute(review, "recurring", false, nullptr, {"true", "false", "yes", "no", "ja", "nej", "1", "0"});

    xml_node history = named(add(all, "optional"), "element", "history");
    xml_node revision = named(add(history, "zeroOrMore"), "element", "revision");
    attribute(revision, "version", true);
    attribute(revision, "date", true, "date");
    attribute(revision, "author", false);
    attribute(revision, "note", false);
}

}  // namespace

void writeRelaxNg(const DocumentKind& kind, const SchemaLookup& schemas, std::ostream& out) {
    pugi::xml_document doc;
    xml_node grammar = add(doc, "grammar");
    grammar.append_attribute("xmlns") = kRng;
    grammar.append_attribute("xmlns:a") = "http://relaxng.org/ns/compatibility/annotations/1.0";
    grammar.append_attribute("datatypeLibrary") = kXsd;
    grammar.append_child(pugi::node_comment)
        .set_value((" The source format of the document kind '" + kind.id + "', generated by overens schema. ").c_str());

    xml_node root = named(add(grammar, "start"), "element", kind.id);
    xml_node kindAttr = named(add(root, "optional"), "attribute", "kind");
    add(kindAttr, "value").text() = kind.id.c_str();
    attribute(root, "lang", false, nullptr, {"sv", "en"});
    xml_node all = add(root, "interleave");
    header(all);
    for (const auto& section : kind.sections) {
        auto schema = schemas.find(section.id);
        if (schema == schemas.end()) continue;
        xml_node holder = section.required ? all : add(all, "optional");
        named(holder, "ref", "section." + section.id);
    }
    for (const auto& section : kind.sections) {
        auto schema = schemas.find(section.id);
        if (schema == schemas.end()) continue;
        xml_node define = named(grammar, "define", "section." + section.id);
        record(named(define, "element", section.id), schema->second.fields);
    }
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace overens
