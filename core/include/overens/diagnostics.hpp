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

// How many diagnostics a report shows (a hostile or badly generated file can raise thousands).
struct ReportLimits {
    std::size_t perCode = 50;   // per file and code; then one "and N more like this"
    std::size_t sameRule = 3;   // this many alike (differing only in numbers, e.g. "row 4.2: ...")
                                // are said once, with the lines of the others
};

// The lines to print for a set of diagnostics, in lang: in their order, alike ones said once,
// each code capped. The diagnostics themselves are left as they are (exit codes, tests).
std::vector<std::string> reportLines(const Diagnostics& diags, const std::string& lang,
                                     const ReportLimits& limits = {});

}  // namespace overens
