// Heading recognition: which row of a grid holds the column headings, and which field each
// column is.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "import/grid.hpp"
#include "import/map_file.hpp"
#include "import/vocabulary.hpp"

namespace overens::import {

struct Layout {
    std::size_t headingRow = 0;                    // index into grid.rows; data starts after it
    bool hasHeadingRow = true;                     // false: a map by letters alone, data from the first row
    std::map<std::size_t, std::string> fieldOf;    // column -> field ("ignore" for columns to leave out)
    std::map<std::size_t, std::string> unknown;    // column -> heading text no word matched
};

// The first of the first rows where at least two columns are recognised and one of them is the
// matter or the delegate; nullopt when none is.
std::optional<Layout> findLayout(const Grid& grid, const Vocabulary& words, const ColumnMap& map);

// True when the row repeats the heading row (tables that repeat it on every page).
bool isHeadingRow(const GridRow& row, const Grid& grid, const Layout& layout);

}  // namespace overens::import
