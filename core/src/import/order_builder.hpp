// Row classification: turns the grids of an input into areas and rows of a delegation order.
// A row is an area heading (a number and a title, the rest empty or merged), a continuation of
// the row above (no number, no delegate), a repeated heading row, or a delegated matter.
#pragma once

#include <string>
#include <vector>

#include "import/grid.hpp"
#include "import/map_file.hpp"
#include "import/order_model.hpp"
#include "import/vocabulary.hpp"
#include "overens/diagnostics.hpp"

namespace overens::import {

// file: the input as named on the command line, to place diagnostics ("file.xlsx:Blad1!C12").
ImportedOrder buildOrder(const std::vector<Grid>& grids, const Vocabulary& words, const ColumnMap& map,
                         const std::string& file, Diagnostics& diags);

}  // namespace overens::import
