// Typed values read from a source through a schema. Every value remembers where it came from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"

namespace overens {

struct Value {
    FieldType type = FieldType::Text;
    Location where;
    std::string text;  // as written, whitespace-trimmed (Multiline keeps inner line breaks)
    std::optional<Date> date;          // Date
    std::optional<Duration> duration;  // Duration
    bool flag = false;                 // Boolean
    long long integer = 0;             // Integer
    double number = 0;                 // Number
};

// A Boolean as a source may spell it: true/yes/ja/1 or false/no/nej/0; nullopt for anything else.
std::optional<bool> parseBoolean(const std::string& text);

// A record: the answers to one schema's fields (the section itself, a table row or a group).
class Record {
public:
    Location where;  // the element the record was read from

    bool has(const std::string& name) const;
    // The scalar answer, or nullptr when the source left it out.
    const Value* get(const std::string& name) const;
    // The scalar's text, or fallback when absent.
    std::string text(const std::string& name, const std::string& fallback = {}) const;
    std::optional<Date> date(const std::string& name) const;
    std::optional<Duration> duration(const std::string& name) const;
    bool flag(const std::string& name, bool fallback = false) const;
    // Where a field's answer is, or the record's own place when it is absent.
    Location whereOf(const std::string& name) const;

    const std::vector<Value>& list(const std::string& name) const;   // List items
    const std::vector<Record>& rows(const std::string& name) const;  // Table rows
    const Record* group(const std::string& name) const;              // Group, or nullptr

    void setScalar(const std::string& name, Value v);
    void addItem(const std::string& name, Value v);
    void addRow(const std::string& name, Record r);
    void setGroup(const std::string& name, Record r);

private:
    std::map<std::string, Value> scalars_;
    std::map<std::string, std::vector<Value>> lists_;
    std::map<std::string, std::vector<Record>> tables_;
    std::map<std::string, std::vector<Record>> groups_;  // at most one each
};

}  // namespace overens
