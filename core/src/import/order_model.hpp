// A delegation order as the importer rebuilds it from grids, before it is written as a source.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace overens::import {

struct ImportedRow {
    std::string place;                          // where the row is in the input
    std::map<std::string, std::string> fields;  // field name -> text (delegate etc. still as written)
    std::map<std::string, std::string> placeOf; // field name -> cell place
};

struct ImportedArea {
    std::string number, title, place;
    std::vector<ImportedRow> rows;
};

struct ImportedRole {
    std::string id, title, abbreviation, kind;
    std::string place;  // the first cell that names it
};

struct ImportStats {
    std::size_t grids = 0, gridsSkipped = 0;
    std::size_t rowsIn = 0;          // rows below the heading row that hold any text
    std::size_t delegations = 0;     // rows out
    std::size_t areaHeadings = 0, continuations = 0, repeatedHeadings = 0;
    std::size_t roles = 0, guesses = 0;
};

struct ImportedOrder {
    std::vector<ImportedArea> areas;
    std::vector<ImportedRole> roles;
    ImportStats stats;
};

}  // namespace overens::import
