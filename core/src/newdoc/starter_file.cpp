#include "newdoc/starter_file.hpp"

#include <pugixml.hpp>

namespace overens::newdoc {

namespace {

bool isScalar(FieldType t) { return t != FieldType::List && t != FieldType::Table && t != FieldType::Group; }

// XML comments may not hold "--".
std::string commentSafe(std::string s) {
    for (std::size_t at = s.find("--"); at != std::string::npos; at = s.find("--", at)) s.replace(at, 2, "–");
    if (!s.empty() && s.back() == '-') s += ' ';
    return s;
}

std::string sentenceEnd(const std::string& s, std::size_t from) {
    const auto end = s.find_first_of(" ,;)", from);
    std::string w = s.substr(from, end == std::string::npos ? std::string::npos : end - from);
    while (!w.empty() && (w.back() == '.' || w.back() == ':')) w.pop_back();
    return w;
}

class Writer {
public:
    Writer(const StarterOptions& o) : o_(o), sv_(o.lang == "sv") {}

    void fields(pugi::xml_node parent, const std::vector<Field>& fields) {
        for (const auto& f : fields) field(parent, f);
    }

    std::string word(const std::string& key) const {
        return o_.words && o_.words->has(key) ? o_.words->get(key) : std::string();
    }

    void comment(pugi::xml_node parent, const std::string& text) {
        parent.append_child(pugi::node_comment).set_value((" " + commentSafe(text) + " ").c_str());
    }

private:
    std::string describe(const Field& f) const {
        std::string text = sv_ ? f.label_sv : f.label_en;
        text += " (" + word(f.required ? "required" : "optional") + ")";
        const std::string help = sv_ ? f.help_sv : f.help_en;
        if (!help.empty()) text += ": " + help;
        const FieldType t = f.type == FieldType::List ? f.item : f.type;
        if (t == FieldType::Enum && !f.choices.empty()) {
            std::string list;
            for (const auto& c : f.choices) list += (list.empty() ? "" : ", ") + c.value + " = " + (sv_ ? c.label_sv : c.label_en);
            text += " " + word("choices") + ": " + list + ".";
        } else if (t == FieldType::Duration || t == FieldType::Date || t == FieldType::Boolean || t == FieldType::Role) {
            text += " " + word(t == FieldType::Duration ? "duration" : t == FieldType::Date ? "date" : t == FieldType::Boolean ? "boolean" : "role");
        }
        return text;
    }

    // An example value, or "" when the schema gives none.
    std::string example(const Field& f, FieldType type) const {
        const std::string fromHelp = exampleFrom(sv_ ? f.help_sv : f.help_en);
        switch (type) {
            case FieldType::Enum: return f.choices.empty() ? fromHelp : f.choices.front().value;
            case FieldType::Boolean: return sv_ ? "nej" : "no";
            case FieldType::Duration: return fromHelp.empty() || fromHelp[0] != 'P' ? "P1Y" : fromHelp;
            case FieldType::Integer:
            case FieldType::Number: return fromHelp.empty() ? "1" : fromHelp;
            case FieldType::Role: return fromHelp;  // ids are the document's own: nothing to guess
            case FieldType::Date: return {};
            default: return fromHelp;
        }
    }

    void field(pugi::xml_node parent, const Field& f) {
        comment(parent, describe(f));
        if (isScalar(f.type) || f.type == FieldType::List) {
            const FieldType type = f.type == FieldType::List ? f.item : f.type;
            const std::string value = example(f, type);
            // Optional answers stay commented out: only the user can say them (an example is not a
            // decision); required ones are filled with the example or left empty to fill in.
            if (!f.required) {
                comment(parent, "<" + f.name + ">" + value + "</" + f.name + ">");
                return;
            }
            parent.append_child(f.name.c_str()).text() = value.c_str();
            return;
        }
        if (!f.required && f.type == FieldType::Group) {
            // An optional group is written out, so that its questions are seen; its own optional
            // answers stay commented.
        }
        pugi::xml_node e = parent.append_child(f.name.c_str());
        fields(e, f.fields);
    }

    const StarterOptions& o_;
    bool sv_;
};

void header(pugi::xml_node root, const DocumentKind& kind, const StarterOptions& o, Writer& w) {
    pugi::xml_document from;
    bool copied = false;
    if (!o.fromXml.empty() && from.load_buffer(o.fromXml.data(), o.fromXml.size())) {
        for (pugi::xml_node n : from.document_element().children()) {
            const std::string name = n.name();
            if (name == "organisation" || name == "party") {
                root.append_copy(n);
                copied = copied || name == "organisation";
            }
        }
    }
    if (!copied) {
        w.comment(root, w.word("organisation") + " " + w.word("organisation.name"));
        pugi::xml_node org = root.append_child("organisation");
        org.append_attribute("type") = "kommun";
        org.append_attribute("name") = "";
        org.append_attribute("board") = "";
        w.comment(root, w.word("party") + " " + w.word("party.role"));
        for (const char* role : {"chair", "director"}) {
            pugi::xml_node p = root.append_child("party");
            p.append_attribute("role") = role;
            p.append_attribute("name") = "";
            p.append_attribute("title") = "";
            p.append_attribute("email") = "";
        }
    }
    w.comment(root, w.word("registration") + " dnr: " + w.word("registration.dnr") + " adopted: " +
                        w.word("registration.adopted"));
    pugi::xml_node reg = root.append_child("registration");
    reg.append_attribute("dnr") = "";
    reg.append_attribute("adopted") = "";
    w.comment(root, w.word("review") + " every: " + w.word("review.every") + " notify-before: " +
                        w.word("review.notify-before"));
    pugi::xml_node review = root.append_child("review");
    review.append_attribute("every") = kind.reviewEvery.iso().c_str();
    review.append_attribute("notify-before") = kind.notifyBefore.iso().c_str();
}

}  // namespace

std::string exampleFrom(const std::string& help) {
    for (const char* marker : {"t.ex. ", "e.g. ", "till exempel "}) {
        const auto at = help.find(marker);
        if (at == std::string::npos) continue;
        const std::size_t from = at + std::string(marker).size();
        if (from < help.size() && help[from] == '"') {
            const auto end = help.find('"', from + 1);
            if (end != std::string::npos) return help.substr(from + 1, end - from - 1);
        }
        // Unquoted, only a code-like word (P7D, 3.12): prose after "t.ex." is no value.
        const std::string word = sentenceEnd(help, from);
        const bool codeLike = !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= '0' && word[0] <= '9')) &&
                              word.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
        return codeLike ? word : std::string();
    }
    return {};
}

void writeStarter(const DocumentKind& kind, const SchemaLookup& schemas, const StarterOptions& options,
                  std::ostream& out) {
    Writer w(options);
    pugi::xml_document d;
    pugi::xml_node decl = d.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = d.append_child(kind.id.c_str());
    root.append_attribute("lang") = options.lang.c_str();
    w.comment(root, w.word("root"));
    header(root, kind, options, w);
    for (const auto& section : kind.sections) {
        auto schema = schemas.find(section.id);
        if (schema == schemas.end()) continue;
        auto title = options.sectionTitles.find(section.id);
        w.comment(root, (title != options.sectionTitles.end() ? title->second : section.id) + " (" +
                            w.word(section.required ? "required" : "optional") + ")");
        w.fields(root.append_child(section.id.c_str()), schema->second.fields);
    }
    d.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace overens::newdoc
