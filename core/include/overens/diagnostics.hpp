// Diagnostics: what a run found wrong with its input, with where it was found.
#pragma once

#include <string>
#include <vector>

namespace overens {

// A place in a source file. line and column count from 1; 0 means "unknown".
struct Location {
    std::string file;
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
};

enum class Severity { Error, Warning, Note };

// One finding. The message is kept in both languages so that the command can print it
// in the document's language or the one asked for with --lang.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable, e.g. "delegation.not-delegable"
    Location where;
    std::string message_sv;
    std::string message_en;

    const std::string& message(const std::string& lang) const {
        return (lang == "en" && !message_en.empty()) || message_sv.empty() ? message_en : message_sv;
    }
    // "FILE:LINE:COL: error: [CODE] message" (location parts left out when unknown).
    std::string format(const std::string& lang) const;
};

class Diagnostics {
public:
    void add(Diagnostic d);
    void error(const std::string& code, const Location& where, const std::string& sv, const std::string& en);
    void warning(const std::string& code, const Location& where, const std::string& sv, const std::string& en);
    void note(const std::string& code, const Location& where, const std::string& sv, const std::string& en);

    const std::vector<Diagnostic>& all() const { return items_; }
    bool hasErrors() const;
    std::size_t count(Severity s) const;
    bool hasCode(const std::string& code) const;
    void append(const Diagnostics& other);
    // Stable order for printing: by file, line, column, then insertion.
    void sort();

private:
    std::vector<Diagnostic> items_;
};

const char* severityName(Severity s);

}  // namespace overens
