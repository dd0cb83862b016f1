// Diagnostics: what a run found wrong with its input, with where it was found.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace overens {

// The name of the file a location is in: one immutable string shared by every copy, so that a
// location costs no allocation of its own (a delegation order holds several per row). Reads
// like the std::string it was before SDK 4.
class FileName {
public:
    FileName() = default;
    FileName(const std::string& name);  // NOLINT: implicit, as `Location{file, line, col}` is written
    FileName(std::string&& name);       // NOLINT
    FileName(const char* name);         // NOLINT

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT
    bool empty() const { return str().empty(); }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_ || a.str() == b.str(); }
    friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const std::string& a, const FileName& b) { return a == b.str(); }
    friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }
    friend bool operator==(const char* a, const FileName& b) { return a == b.str(); }
    template <class T>
    friend bool operator!=(const FileName& a, const T& b) { return !(a == b); }
    friend bool operator!=(const std::string& a, const FileName& b) { return !(a == b); }
    friend bool operator!=(const char* a, const FileName& b) { return !(a == b); }
    friend bool operator<(const FileName& a, const FileName& b) { return a.name_ != b.name_ && a.str() < b.str(); }
    friend std::string operator+(const FileName& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const FileName& a, char b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
    friend std::string operator+(const char* a, const FileName& b) { return a + b.str(); }
    friend std::ostream& operator<<(std::ostream& out, const FileName& f);

private:
    std::shared_ptr<const std::string> name_;  // null = no file
};

// A place in a source file. line and column count from 1; 0 means "unknown".
struct Location {
    FileName file;
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
