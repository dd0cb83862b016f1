#include "overens/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <ostream>
#include <tuple>

namespace overens {

FileName::FileName(const std::string& name) : FileName(std::string(name)) {}
FileName::FileName(std::string&& name)
    : name_(name.empty() ? nullptr : std::make_shared<const std::string>(std::move(name))) {}
FileName::FileName(const char* name) : FileName(std::string(name ? name : "")) {}

const std::string& FileName::str() const {
    static const std::string none;
    return name_ ? *name_ : none;
}

std::ostream& operator<<(std::ostream& out, const FileName& f) { return out << f.str(); }

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string Diagnostic::format(const std::string& lang) const {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) {
            out += ':' + std::to_string(where.line);
            if (where.column > 0) out += ':' + std::to_string(where.column);
        }
        out += ": ";
    }
    out += severityName(severity);
    out += ": [" + code + "] " + message(lang);
    return out;
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::error(const std::string& code, const Location& where, const std::string& sv,
                        const std::string& en) {
    add({Severity::Error, code, where, sv, en});
}

void Diagnostics::warning(const std::string& code, const Location& where, const std::string& sv,
                          const std::string& en) {
    add({Severity::Warning, code, where, sv, en});
}

void Diagnostics::note(const std::string& code, const Location& where, const std::string& sv,
                       const std::string& en) {
    add({Severity::Note, code, where, sv, en});
}

bool Diagnostics::hasErrors() const { return count(Severity::Error) > 0; }

std::size_t Diagnostics::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool Diagnostics::hasCode(const std::string& code) const {
    return std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.code == code; });
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.file != b.where.file) return a.where.file < b.where.file;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

namespace {

// Two messages of one rule that differ only in numbers (row numbers, counts) are alike.
std::string withoutNumbers(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) {
            if (out.empty() || out.back() != '#') out += '#';
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string linesList(const Diagnostic& first, const std::vector<const Diagnostic*>& others, std::size_t shown) {
    // Lines, or line:column where several are on one line (a file written on one line).
    bool sameLine = false;
    for (std::size_t i = 0; i < others.size() && !sameLine; ++i)
        sameLine = others[i]->where.line == (i ? others[i - 1]->where.line : first.where.line);
    std::string s;
    for (std::size_t i = 0; i < others.size() && i < shown; ++i) {
        const Location& w = others[i]->where;
        s += (i ? ", " : "") + (w.line > 0 ? std::to_string(w.line) : std::string("?"));
        if (sameLine && w.column > 0) s += ":" + std::to_string(w.column);
    }
    if (others.size() > shown) s += ", …";
    return s;
}

}  // namespace

std::vector<std::string> reportLines(const Diagnostics& diags, const std::string& lang, const ReportLimits& limits) {
    using Key = std::tuple<std::string, Severity, std::string, std::string>;  // file, severity, code, shape
    std::map<Key, std::vector<const Diagnostic*>> alike;
    for (const auto& d : diags.all())
        alike[Key{d.where.file.str(), d.severity, d.code, withoutNumbers(d.message_en + '\n' + d.message_sv)}].push_back(&d);

    std::map<std::pair<std::string, std::string>, std::size_t> shown, hidden;  // by file and code
    std::vector<std::pair<std::string, std::string>> order;                    // where the caps are said
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
        const auto& group =
            alike[Key{d.where.file.str(), d.severity, d.code, withoutNumbers(d.message_en + '\n' + d.message_sv)}];
        const bool grouped = group.size() >= limits.sameRule;
        if (grouped && group.front() != &d) continue;  // said with the first one
        const auto fileCode = std::make_pair(d.where.file.str(), d.code);
        if (shown[fileCode] >= limits.perCode) {
            if (hidden[fileCode] == 0) order.push_back(fileCode);
            hidden[fileCode] += grouped ? group.size() : 1;
            continue;
        }
        ++shown[fileCode];
        out.push_back(d.format(lang));
        if (grouped) {
            const std::vector<const Diagnostic*> others(group.begin() + 1, group.end());
            Diagnostic same = d;
            same.severity = Severity::Note;
            same.message_sv = "samma sak på " + std::to_string(others.size()) +
                              " ställen till, åtgärda dem på samma sätt: rad " + linesList(d, others, 10);
            same.message_en = "the same at " + std::to_string(others.size()) +
                              " more places, to be fixed the same way: lines " + linesList(d, others, 10);
            out.push_back(same.format(lang));
        }
    }
    for (const auto& fileCode : order) {
        Diagnostic more;
        more.severity = Severity::Note;
        more.code = fileCode.second;
        more.where.file = fileCode.first;
        const std::string n = std::to_string(hidden[fileCode]);
        more.message_sv = "och " + n + " till av samma slag";
        more.message_en = "and " + n + " more like this";
        out.push_back(more.format(lang));
    }
    return out;
}

}  // namespace overens
