#include "overens/diagnostics.hpp"

#include <algorithm>

namespace overens {

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

}  // namespace overens
