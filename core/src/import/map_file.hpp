// A map file for layouts the headings do not explain: one "KEY = FIELD" a line, '#' starts a
// comment. KEY is a column's letters (C) or a heading as written (Beslutsfattare); FIELD is a row
// field of the delegation order (number, matter, delegate, ...), "area", or "ignore".
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "overens/diagnostics.hpp"

namespace overens::import {

struct ColumnMap {
    std::map<std::size_t, std::string> byColumn;    // column index -> field
    std::map<std::string, std::string> byHeading;   // normalised heading -> field
    bool empty() const { return byColumn.empty() && byHeading.empty(); }
};

// Problems are reported at MAP:LINE; fields not in `known` are errors.
ColumnMap readColumnMap(const std::filesystem::path& file, const std::string& displayName,
                        const std::vector<std::string>& known, Diagnostics& diags);

}  // namespace overens::import
