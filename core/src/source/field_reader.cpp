#include "source/field_reader.hpp"

#include <cerrno>
#include <cstdlib>

#include "source/value_bounds.hpp"
#include "source/lenient_values.hpp"
#include "source/shown_name.hpp"
#include "util/text.hpp"

namespace overens {

bool isScalar(FieldType t) { return t != FieldType::List && t != FieldType::Table && t != FieldType::Group; }

const Field* findField(const std::vector<Field>& fields, const std::string& name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

namespace {

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

void FieldReader::readAttributes(Record& r, const std::vector<XmlAttribute>& attributes,
                                 const std::vector<Field>& fields, bool attributesOnly) {
    r.reserveScalars(attributes.size());  // a table row's fields are usually all attributes
    for (const auto& a : attributes) {
        const std::string name = a.name;
        const Field* f = findField(fields, name);
        if (!f || (!attributesOnly && !isScalar(f->type))) {
            unknownAttribute(name, loc_.atOffset(a.offset), namesOf(fields, true));
            continue;
        }
        r.setScalar(f->name, convert(*f, f->type, a.value, loc_.atOffset(a.offset)));
    }
}

void FieldReader::checkRequired(const Record& r, const std::vector<Field>& fields, const std::string& element,
                                const Location& where) {
    for (const auto& f : fields) {
        if (!f.required || r.has(f.name)) continue;
        const bool many = f.type == FieldType::List || f.type == FieldType::Table;
        diags_.error("source.missing-field", where,
                     "<" + element + "> saknar " + (many ? "minst en " : "") + "<" + f.name + ">" +
                         (f.label_sv.empty() ? "" : " (" + f.label_sv + ")"),
                     "<" + element + "> lacks " + (many ? "at least one " : "") + "<" + f.name + ">" +
                         (f.label_en.empty() ? "" : " (" + f.label_en + ")"));
    }
}

void FieldReader::unknownAttribute(const std::string& name, const Location& where,
                                   const std::vector<std::string>& allowed) {
    diags_.error("source.unknown-attribute", where,
                 "okänt attribut '" + shownName(name) + "'; tillåtna: " + joinNames(allowed) +
                     suggestName(allowed, name).sv,
                 "unknown attribute '" + shownName(name) + "'; allowed: " + joinNames(allowed) +
                     suggestName(allowed, name).en);
}

void FieldReader::unknownAttributes(const std::vector<XmlAttribute>& attributes) {
    for (const auto& a : attributes) unknownAttribute(a.name, loc_.atOffset(a.offset), {});
}

void FieldReader::unknownElement(const std::string& name, const Location& where,
                                 const std::vector<std::string>& allowed) {
    diags_.error("source.unknown-element", where,
                 "okänt element <" + shownName(name) + ">; tillåtna här: " + joinNames(allowed) +
                     suggestName(allowed, name).sv,
                 "unknown element <" + shownName(name) + ">; allowed here: " + joinNames(allowed) +
                     suggestName(allowed, name).en);
}

void FieldReader::unknownElement(const std::string& name, const Location& where, const std::vector<Field>& fields) {
    unknownElement(name, where, namesOf(fields, false));
}

void FieldReader::strayText(const Location& where, const std::string& parent) {
    diags_.error("source.stray-text", where,
                 "text direkt i <" + parent + "> hör inte hemma här; lägg den i ett fält",
                 "text directly inside <" + parent + "> does not belong here; put it in a field");
}

}  // namespace overens
