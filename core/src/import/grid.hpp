// A table as the importers see it: rows of cells, each cell with its place in the input, so that
// every problem can be reported where the user will find it (`file.xlsx:Blad1!C12`).
#pragma once

#include <string>
#include <vector>

namespace overens::import {

struct Cell {
    std::string text;   // as written; paragraphs inside a cell joined by "\n"
    std::string place;  // "Blad1!C12", "table2!B5", "12:3" (CSV line:column)
    bool merged = false;  // covered by a cell spanning from the left or from above
};

struct GridRow {
    std::vector<Cell> cells;
    std::string place;  // where the row starts: "Blad1!A12", "table2!A5", "12"
};

// One sheet of a workbook, one table of a document, or the whole of a CSV file.
struct Grid {
    std::string name;  // the sheet's name, "table2", or the file's name for CSV
    std::vector<GridRow> rows;
};

// "A", "B", ..., "Z", "AA" for column 0, 1, ...
std::string columnLetters(std::size_t column);
// A sheet's or table's name as a place prefix: Blad1, or 'Mitt blad' when it has spaces.
std::string quotedName(const std::string& name);
// "C12" for column 2, row 11 (both from 0).
std::string cellReference(std::size_t column, std::size_t row);

}  // namespace overens::import
