#include "source/field_reader.hpp"

#include <cerrno>
#include <cstdlib>

#include "source/value_bounds.hpp"
#include "source/lenient_values.hpp"
#include "source/shown_name.hpp"
#include "util/text.hpp"

namespace overens {

namespace {

bool isScalar(FieldType t) { return t != FieldType::List && t != FieldType::Table && t != FieldType::Group; }

const Field* findField(const std::vector<Field>& fields, const std::string& name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "-" : s;
}

std::vector<std::string> namesOf(const std::vector<Field>& fields, bool scalarsOnly) {
    std::vector<std::string> out;
    for (const auto& f : fields)
        if (!scalarsOnly || isScalar(f.type)) out.push_back(f.name);
    return out;
}

// All text inside an element (mixed content flattened).
std::string textOf(const pugi::xml_node& e) {
    std::string s;
    for (pugi::xml_node c : e.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    }
    return s;
}

bool validEmail(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::string domain = s.substr(at + 1);
    if (domain.empty() || domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.')
        return false;
    for (char c : s)
        if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
    return true;
}

}  // namespace

Value FieldReader::convert(const Field& f, FieldType type, const std::string& raw, const Location& where) {
    Value v;
    v.type = type;
    v.where = where;
    v.text = type == FieldType::Multiline ? normaliseParagraphs(raw) : collapseWhitespace(raw);
    const std::string& t = v.text;
    auto bad = [&](const std::string& code, const std::string& sv, const std::string& en) {
        diags_.error(code, where, "<" + f.name + ">: " + sv, "<" + f.name + ">: " + en);
    };
    if (t.empty()) {
        if (f.required) bad("source.empty-field", "värdet är tomt", "the value is empty");
        return v;
    }
    if (auto p = bounds::checkLength(type, t)) return bad(p->code, p->sv, p->en), v;
    switch (type) {
        case FieldType::Date:
            v.date = parseDate(t);
            if (!v.date)
                bad("source.bad-date", "'" + t + "' är inget giltigt datum (ÅÅÅÅ-MM-DD)",
                    "'" + t + "' is not a valid date (YYYY-MM-DD)");
            break;
        case FieldType::Duration:
            v.duration = matchDuration(t);
            if (v.duration && !parseDuration(t)) v.text = v.duration->iso();  // plain words: canonical form kept
            if (!v.duration)
                bad("source.bad-duration", "'" + t + "' är ingen giltig varaktighet (t.ex. \"1 år\", \"6 månader\", \"varje vecka\" eller P1Y, P6M, P1W)",
                    "'" + t + "' is not a valid duration (e.g. \"1 year\", \"6 months\", \"every 2 weeks\" or P1Y, P6M, P2W)");
            break;
        case FieldType::Email:
            if (!validEmail(t))
                bad("source.bad-email", "'" + t + "' är ingen giltig e-postadress",
                    "'" + t + "' is not a valid e-mail address");
            break;
        case FieldType::Enum: {
            std::vector<std::string> allowed;
            for (const auto& c : f.choices) allowed.push_back(c.value);
            if (const auto code = matchChoice(f.choices, t)) {
                v.text = *code;  // a label or another case: the code is what the plugins read
            } else {
                const Suggestion hint = suggestChoice(f.choices, t);
                bad("source.bad-choice", "'" + t + "' är inget av de tillåtna värdena: " + joinNames(allowed) + hint.sv,
                    "'" + t + "' is not one of the allowed values: " + joinNames(allowed) + hint.en);
            }
            break;
        }
        case FieldType::Boolean:
            if (const auto yes = matchYesNo(t))
                v.flag = *yes;
            else
                bad("source.bad-boolean", "'" + t + "' är inget ja/nej-värde (ja, nej, true, false)",
                    "'" + t + "' is not a yes/no value (yes, no, true, false)");
            break;
        case FieldType::Integer: {
            errno = 0;
            char* end = nullptr;
            v.integer = std::strtoll(t.c_str(), &end, 10);
            if (errno || end == t.c_str() || *end)
                bad("source.bad-integer", "'" + t + "' är inget heltal", "'" + t + "' is not a whole number");
            break;
        }
        case FieldType::Number: {
            std::string n = t;
            for (char& c : n)
                if (c == ',') c = '.';
            errno = 0;
            char* end = nullptr;
            v.number = std::strtod(n.c_str(), &end);
            if (errno || end == n.c_str() || *end)
                bad("source.bad-number", "'" + t + "' är inget tal", "'" + t + "' is not a number");
            break;
        }
        default: break;
    }
    if (auto p = bounds::check(type, v)) bad(p->code, p->sv, p->en);
    return v;
}

Record FieldReader::readRecord(const pugi::xml_node& element, const std::vector<Field>& fields) {
    Record r;
    r.where = loc_.of(element);
    for (pugi::xml_attribute a : element.attributes()) {
        const Field* f = findField(fields, a.name());
        if (!f || !isScalar(f->type)) {
            unknownAttribute(a, namesOf(fields, true));
            continue;
        }
        r.setScalar(f->name, convert(*f, f->type, a.value(), loc_.of(a)));
    }
    std::map<std::string, int> groupsSeen;
    for (pugi::xml_node c : element.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            strayText(c, element);
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        const Field* f = findField(fields, c.name());
        if (!f) {
            unknownElement(c, namesOf(fields, false));
            continue;
        }
        const Location where = loc_.of(c);
        if (isScalar(f->type) || f->type == FieldType::List) {
            for (pugi::xml_node inner : c.children())
                if (inner.type() == pugi::node_element)
                    diags_.error("source.unexpected-element", loc_.of(inner),
                                 "<" + f->name + "> innehåller bara text, inte <" + inner.name() + ">",
                                 "<" + f->name + "> holds text only, not <" + inner.name() + ">");
            requireNoAttributes(c);
            const FieldType type = f->type == FieldType::List ? f->item : f->type;
            Value v = convert(*f, type, textOf(c), loc_.textOf(c));
            if (f->type == FieldType::List) {
                r.addItem(f->name, std::move(v));
            } else if (r.get(f->name)) {
                diags_.error("source.duplicate-field", where, "<" + f->name + "> är redan angivet",
                             "<" + f->name + "> is already given");
            } else {
                r.setScalar(f->name, std::move(v));
            }
        } else if (f->type == FieldType::Table) {
            r.addRow(f->name, readRecord(c, f->fields));
        } else {  // Group
            if (groupsSeen[f->name]++) {
                diags_.error("source.duplicate-field", where, "<" + f->name + "> är redan angivet",
                             "<" + f->name + "> is already given");
                continue;
            }
            r.setGroup(f->name, readRecord(c, f->fields));
        }
    }
    checkRequired(r, fields, element);
    return r;
}

Record FieldReader::readAttributes(const pugi::xml_node& element, const std::vector<Field>& fields,
                                   const std::map<std::string, std::vector<std::string>>& choices) {
    Record r;
    r.where = loc_.of(element);
    for (pugi::xml_attribute a : element.attributes()) {
        const Field* f = findField(fields, a.name());
        if (!f) {
            unknownAttribute(a, namesOf(fields, true));
            continue;
        }
        Field typed = *f;
        if (auto it = choices.find(f->name); it != choices.end())
            for (const auto& c : it->second) typed.choices.push_back({c, c, c});
        r.setScalar(f->name, convert(typed, typed.type, a.value(), loc_.of(a)));
    }
    for (pugi::xml_node c : element.children()) {
        if (c.type() == pugi::node_element && std::string(element.name()) != "history")
            unknownElement(c, {});
        else if (c.type() == pugi::node_pcdata)
            strayText(c, element);
    }
    checkRequired(r, fields, element);
    return r;
}

void FieldReader::checkRequired(const Record& r, const std::vector<Field>& fields, const pugi::xml_node& element) {
    for (const auto& f : fields) {
        if (!f.required || r.has(f.name)) continue;
        const bool many = f.type == FieldType::List || f.type == FieldType::Table;
        diags_.error("source.missing-field", loc_.of(element),
                     std::string("<") + element.name() + "> saknar " + (many ? "minst en " : "") + "<" + f.name + ">" +
                         (f.label_sv.empty() ? "" : " (" + f.label_sv + ")"),
                     std::string("<") + element.name() + "> lacks " + (many ? "at least one " : "") + "<" + f.name +
                         ">" + (f.label_en.empty() ? "" : " (" + f.label_en + ")"));
    }
}

void FieldReader::unknownAttribute(const pugi::xml_attribute& a, const std::vector<std::string>& allowed) {
    diags_.error("source.unknown-attribute", loc_.of(a),
                 "okänt attribut '" + shownName(a.name()) + "'; tillåtna: " + joinNames(allowed) +
                     suggestName(allowed, a.name()).sv,
                 "unknown attribute '" + shownName(a.name()) + "'; allowed: " + joinNames(allowed) +
                     suggestName(allowed, a.name()).en);
}

void FieldReader::unknownElement(const pugi::xml_node& e, const std::vector<std::string>& allowed) {
    diags_.error("source.unknown-element", loc_.of(e),
                 "okänt element <" + shownName(e.name()) + ">; tillåtna här: " + joinNames(allowed) +
                     suggestName(allowed, e.name()).sv,
                 "unknown element <" + shownName(e.name()) + ">; allowed here: " + joinNames(allowed) +
                     suggestName(allowed, e.name()).en);
}

void FieldReader::strayText(const pugi::xml_node& text, const pugi::xml_node& parent) {
    if (collapseWhitespace(text.value()).empty()) return;
    diags_.error("source.stray-text", loc_.ofText(text),
                 std::string("text direkt i <") + parent.name() + "> hör inte hemma här; lägg den i ett fält",
                 std::string("text directly inside <") + parent.name() + "> does not belong here; put it in a field");
}

void FieldReader::requireNoAttributes(const pugi::xml_node& e) {
    for (pugi::xml_attribute a : e.attributes()) unknownAttribute(a, {});
}

}  // namespace overens
