#include "import/heading_row.hpp"

#include <set>

namespace overens::import {

namespace {
constexpr std::size_t kRowsSearched = 20;
}

std::optional<Layout> findLayout(const Grid& grid, const Vocabulary& words, const ColumnMap& map) {
    for (std::size_t r = 0; r < grid.rows.size() && r < kRowsSearched; ++r) {
        Layout layout;
        layout.headingRow = r;
        std::set<std::string> seen;
        const auto& cells = grid.rows[r].cells;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].text.empty() || cells[c].merged) continue;
            std::string field;
            if (auto it = map.byColumn.find(c); it != map.byColumn.end()) field = it->second;
            else if (auto h = map.byHeading.find(normalise(cells[c].text)); h != map.byHeading.end()) field = h->second;
            else field = words.fieldOfHeading(cells[c].text);
            if (field.empty() || (field != "ignore" && seen.count(field))) {
                layout.unknown[c] = cells[c].text;
                continue;
            }
            seen.insert(field);
            layout.fieldOf[c] = field;
        }
        if (seen.size() >= 2 && (seen.count("matter") || seen.count("delegate"))) {
            for (const auto& [c, f] : map.byColumn) layout.fieldOf[c] = f;  // letters win over headings
            for (const auto& [c, f] : map.byColumn) layout.unknown.erase(c);
            return layout;
        }
    }
    // A map by letters alone describes a table without a heading row.
    std::set<std::string> mapped;
    for (const auto& [c, f] : map.byColumn) mapped.insert(f);
    if (mapped.count("matter") && mapped.count("delegate")) {
        Layout layout;
        layout.hasHeadingRow = false;
        layout.fieldOf = map.byColumn;
        return layout;
    }
    return std::nullopt;
}

bool isHeadingRow(const GridRow& row, const Grid& grid, const Layout& layout) {
    if (!layout.hasHeadingRow) return false;
    const auto& heading = grid.rows[layout.headingRow].cells;
    std::size_t same = 0;
    for (const auto& [c, f] : layout.fieldOf) {
        if (c >= row.cells.size() || c >= heading.size()) return false;
        if (normalise(row.cells[c].text) != normalise(heading[c].text)) return false;
        ++same;
    }
    return same > 0;
}

}  // namespace overens::import
