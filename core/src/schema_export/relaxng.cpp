#include "schema_export/relaxng.hpp"

#include <pugixml.hpp>

#include "overens/calendar.hpp"

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

// The options of one export, set by writeRelaxNg (one export runs at a time per thread).
thread_local const RelaxNgOptions* current = nullptr;

std::string word(const std::string& key) {
    return current && current->words && current->words->has(key) ? current->words->get(key) : std::string();
}

void note(xml_node parent, const std::string& text) {
    if (text.empty()) return;
    parent.prepend_child("a:documentation").text() = text.c_str();
}

// "Label (required): help. Allowed values: code = label, ..." in the export's language.
void documentation(xml_node parent, const Field& f) {
    const bool sv = current && current->lang == "sv";
    const std::string label = sv ? f.label_sv : f.label_en;
    const std::string help = sv ? f.help_sv : f.help_en;
    std::string text = label;
    const std::string req = word(f.required ? "required" : "optional");
    if (!req.empty()) text += (text.empty() ? "" : " ") + std::string("(") + req + ")";
    if (!help.empty()) text += (text.empty() ? "" : ": ") + help;
    const FieldType t = f.type == FieldType::List ? f.item : f.type;
    if (t == FieldType::Enum && !f.choices.empty()) {
        std::string list;
        for (const auto& c : f.choices) list += (list.empty() ? "" : ", ") + c.value + " = " + (sv ? c.label_sv : c.label_en);
        text += " " + word("choices") + ": " + list + ".";
    } else if (t == FieldType::Duration || t == FieldType::Date || t == FieldType::Boolean) {
        text += " " + word(t == FieldType::Duration ? "duration" : t == FieldType::Date ? "date" : "boolean");
    }
    note(parent, text);
}

// A pattern that matches the word in any case, with any whitespace around and between its words,
// as the source reader compares choices.
std::string caseless(const std::string& text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += "\\s+";
        space = false;
        if (c >= 'a' && c <= 'z') {
            out += std::string("[") + static_cast<char>(c) + static_cast<char>(c - 32) + "]";
        } else if (c >= 'A' && c <= 'Z') {
            out += std::string("[") + static_cast<char>(c + 32) + static_cast<char>(c) + "]";
        } else if (c == 0xC3 && i + 1 < text.size()) {
            const unsigned char d = static_cast<unsigned char>(text[i + 1]);
            const unsigned char lo = d >= 0x80 && d <= 0x9E ? d + 0x20 : d, up = d >= 0xA0 && d <= 0xBE ? d - 0x20 : d;
            out += std::string("[") + static_cast<char>(c) + static_cast<char>(lo) + static_cast<char>(c) +
                   static_cast<char>(up) + "]";
            ++i;
        } else if (std::string("\\|.-^?*+{}()[]$").find(static_cast<char>(c)) != std::string::npos) {
            out += std::string("\\") + static_cast<char>(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// Exact values for completion in editors, and one pattern for every spelling the reader takes.
void lenientChoice(xml_node parent, const std::vector<std::string>& exact, const std::vector<std::string>& spellings) {
    xml_node c = add(parent, "choice");
    for (const auto& v : exact) add(c, "value").text() = v.c_str();
    std::string alt;
    for (const auto& v : spellings) alt += (alt.empty() ? "" : "|") + caseless(v);
    xml_node d = add(c, "data");
    d.append_attribute("type") = "string";
    named(d, "param", "pattern").text() = ("\\s*(" + alt + ")\\s*").c_str();
}

const std::vector<std::string> kYesNo{"true", "false", "yes", "no", "ja", "nej", "1", "0"};

// Durations as the reader takes them: ISO 8601 (xsd:duration lacks weeks, P1W) or plain words.
void durationPattern(xml_node parent) {
    parent = add(parent, "choice");
    xml_node plain = add(parent, "data");
    plain.append_attribute("type") = "string";
    named(plain, "param", "pattern").text() = plainDurationPattern().c_str();
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
            if (f.choices.empty()) {
                add(parent, "text");
                break;
            }
            std::vector<std::string> exact, spellings;
            for (const auto& choice : f.choices) {
                exact.push_back(choice.value);
                for (const auto* v : {&choice.value, &choice.label_sv, &choice.label_en})
                    if (!v->empty()) spellings.push_back(*v);
            }
            lenientChoice(parent, exact, spellings);
            break;
        }
        case FieldType::Boolean: lenientChoice(parent, kYesNo, kYesNo); break;
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
            documentation(e, f);
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

void attribute(xml_node parent, const std::string& element, const char* name, bool required, const char* type = nullptr,
               const std::vector<std::string>& values = {}) {
    xml_node holder = required ? parent : add(parent, "optional");
    xml_node a = named(holder, "attribute", name);
    std::string help = word(element + "." + name);
    const std::string req = word(required ? "required" : "optional");
    if (!req.empty()) help = "(" + req + ") " + help;
    note(a, help);
    if (!values.empty())
        lenientChoice(a, values, values);
    else if (type && std::string(type) == "duration")
        durationPattern(a);
    else if (type)
        add(a, "data").append_attribute("type") = type;
    else
        add(a, "text");
}

xml_node headerElement(xml_node parent, const char* name) {
    xml_node e = named(parent, "element", name);
    note(e, word(name));
    return e;
}

void header(xml_node all) {
    xml_node org = headerElement(all, "organisation");
    attribute(org, "organisation", "type", true, nullptr, {"kommun", "region"});
    attribute(org, "organisation", "name", true);
    attribute(org, "organisation", "board", false);
    attribute(org, "organisation", "board-en", false);

    xml_node party = headerElement(add(all, "zeroOrMore"), "party");
    attribute(party, "party", "role", true);
    attribute(party, "party", "name", true);
    attribute(party, "party", "title", false);
    xml_node email = named(add(party, "optional"), "attribute", "email");
    note(email, word("party.email"));
    xml_node d = add(email, "data");
    d.append_attribute("type") = "string";
    named(d, "param", "pattern").text() = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*";

    xml_node reg = headerElement(add(all, "optional"), "registration");
    attribute(reg, "registration", "dnr", false);
    attribute(reg, "registration", "adopted", false, "date");
    attribute(reg, "registration", "body", false);
    attribute(reg, "registration", "minutes", false);
    attribute(reg, "registration", "version", false);

    xml_node review = headerElement(add(all, "optional"), "review");
    attribute(review, "review", "every", false, "duration");
    attribute(review, "review", "next", false, "date");
    attribute(review, "review", "notify-before", false, "duration");
    attribute(review, "review", "recurring", false, nullptr, kYesNo);

    xml_node history = headerElement(add(all, "optional"), "history");
    xml_node revision = named(add(history, "zeroOrMore"), "element", "revision");
    note(revision, word("history.revision"));
    attribute(revision, "revision", "version", true);
    attribute(revision, "revision", "date", true, "date");
    attribute(revision, "revision", "author", false);
    attribute(revision, "revision", "note", false);
}

}  // namespace

void writeRelaxNg(const DocumentKind& kind, const SchemaLookup& schemas, std::ostream& out,
                  const RelaxNgOptions& options) {
    current = &options;
    struct Reset {
        ~Reset() { current = nullptr; }
    } reset;
    pugi::xml_document doc;
    xml_node grammar = add(doc, "grammar");
    grammar.append_attribute("xmlns") = kRng;
    grammar.append_attribute("xmlns:a") = "http://relaxng.org/ns/compatibility/annotations/1.0";
    grammar.append_attribute("datatypeLibrary") = kXsd;
    grammar.append_child(pugi::node_comment)
        .set_value((" The source format of the document kind '" + kind.id + "', generated by overens schema. ").c_str());

    xml_node root = named(add(grammar, "start"), "element", kind.id);
    note(root, word("root"));
    xml_node kindAttr = named(add(root, "optional"), "attribute", "kind");
    note(kindAttr, word("root.kind"));
    add(kindAttr, "value").text() = kind.id.c_str();
    xml_node lang = named(add(root, "optional"), "attribute", "lang");
    note(lang, word("root.lang"));
    xml_node langs = add(lang, "choice");
    add(langs, "value").text() = "sv";
    add(langs, "value").text() = "en";
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
        xml_node element = named(define, "element", section.id);
        if (auto title = options.sectionTitles.find(section.id); title != options.sectionTitles.end())
            note(element, title->second);
        record(element, schema->second.fields);
    }
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace overens
