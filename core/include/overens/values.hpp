// Typed values read from a source through a schema. Every value remembers where it came from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"

namespace overens {

struct Value {
    FieldType type = FieldType::Text;
    bool flag = false;                 // Boolean (beside type: no padding of its own)
    Location where;
    std::string text;  // as written, whitespace-trimmed (Multiline keeps inner line breaks)
    std::optional<Date> date;          // Date
    std::optional<Duration> duration;  // Duration
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
    // Room for this many scalars, so that a reader that knows the count allocates once.
    void reserveScalars(std::size_t n) { scalars_.reserve(n); }
    // Gives back what the lists and tables reserved while they grew (a reader calls it once a
    // record is complete: a large table would otherwise hold up to twice its rows' room).
    void shrinkToFit();

private:
    // Small flat vectors searched in order: a record holds a handful of fields, and a large
    // document holds many records (a table row each), so nodes of a map per record cost more
    // than the search. Names are interned: every row of a table shares its field names.
    enum class Kind { List, Table, Group };
    struct Scalar {
        const std::string* name;
        Value value;
    };
    struct Many {
        const std::string* name;
        Kind kind;
        std::vector<Value> items;     // List
        std::vector<Record> records;  // Table rows, or the one Group
    };
    const Many* many(const std::string& name, Kind kind) const;
    Many& many(const std::string& name, Kind kind);

    std::vector<Scalar> scalars_;
    std::vector<Many> many_;
};

}  // namespace overens
