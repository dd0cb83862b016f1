#include "import/order_builder.hpp"

#include <cctype>

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Unicode.h>

#include "import/heading_row.hpp"
#include "util/text.hpp"

namespace overens::import {

namespace {

bool startsWithCapital(const std::string& text) {
    Poco::UTF8Encoding utf8;
    Poco::TextIterator it(text, utf8);
    return it != Poco::TextIterator(text) && Poco::Unicode::isUpper(*it);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// "3", "3.", "12" (an area's number, no sub-parts).
bool isAreaNumber(const std::string& s) {
    std::string t = s;
    if (!t.empty() && t.back() == '.') t.pop_back();
    if (t.empty()) return false;
    for (char c : t)
        if (!isDigit(c)) return false;
    return true;
}

// "3 Ekonomi", "3. Ekonomi", "3.1 Upphandling": the number and the title; false otherwise.
bool splitNumberedTitle(const std::string& s, std::string& number, std::string& title) {
    std::size_t i = 0;
    while (i < s.size() && (isDigit(s[i]) || (s[i] == '.' && i > 0))) ++i;
    if (i == 0 || i >= s.size() || (s[i] != ' ' && s[i] != '\t')) return false;
    number = s.substr(0, i);
    if (number.back() == '.') number.pop_back();
    title = collapseWhitespace(s.substr(i));
    return !title.empty();
}

std::string trimNumber(std::string n) {
    n = collapseWhitespace(n);
    while (!n.empty() && n.back() == '.') n.pop_back();
    return n;
}

Location at(const std::string& file, const std::string& place) { return Location{file + ":" + place}; }

class Builder {
public:
    Builder(const Vocabulary& words, const ColumnMap& map, const std::string& file, Diagnostics& diags)
        : words_(words), map_(map), file_(file), diags_(diags) {}

    void grid(const Grid& g) {
        ++order_.stats.grids;
        const auto layout = findLayout(g, words_, map_);
        if (!layout) {
            std::size_t filled = 0;
            for (const auto& r : g.rows)
                for (const auto& c : r.cells) filled += !c.text.empty();
            if (filled == 0) return;
            ++order_.stats.gridsSkipped;
            diags_.warning("import.no-heading-row", at(file_, quotedName(g.name)),
                           "'" + g.name + "' har ingen rad med kolumnrubriker som känns igen (t.ex. Ärende, Delegat); "
                           "dess " + std::to_string(g.rows.size()) + " rader importeras inte. Beskriv kolumnerna med --map",
                           "'" + g.name + "' has no row of column headings that are recognised (e.g. Ärende, Delegat); "
                           "its " + std::to_string(g.rows.size()) + " rows are not imported. Describe the columns with --map");
            return;
        }
        layout_ = &*layout;
        grid_ = &g;
        reportUnknownColumns(g, *layout);
        const std::size_t first = layout->hasHeadingRow ? layout->headingRow + 1 : 0;
        for (std::size_t r = first; r < g.rows.size(); ++r) row(g.rows[r]);
        layout_ = nullptr;
    }

    ImportedOrder take() { return std::move(order_); }

private:
    std::string cell(const GridRow& row, const std::string& field, std::string* place = nullptr) const {
        for (const auto& [c, f] : layout_->fieldOf)
            if (f == field && c < row.cells.size()) {
                if (place) *place = row.cells[c].place;
                return row.cells[c].merged ? std::string() : row.cells[c].text;
            }
        return {};
    }

    void reportUnknownColumns(const Grid& g, const Layout& layout) {
        for (const auto& [c, heading] : layout.unknown) {
            std::size_t n = 0;
            for (std::size_t r = layout.headingRow + 1; r < g.rows.size(); ++r)
                n += c < g.rows[r].cells.size() && !g.rows[r].cells[c].text.empty();
            const std::string& place = g.rows[layout.headingRow].cells[c].place;
            diags_.warning("import.unknown-column", at(file_, place),
                           "kolumnen '" + heading + "' känns inte igen; dess " + std::to_string(n) +
                               " värden läggs i radernas anmärkning. Ange vad den är med --map (" +
                               columnLetters(c) + " = fält)",
                           "the column '" + heading + "' is not recognised; its " + std::to_string(n) +
                               " values go into the rows' notes. Say what it is with --map (" + columnLetters(c) +
                               " = field)");
        }
    }

    void row(const GridRow& row) {
        std::vector<std::size_t> filled;
        bool merged = false;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (row.cells[c].merged) merged = true;
            else if (!collapseWhitespace(row.cells[c].text).empty()) filled.push_back(c);
        }
        if (filled.empty()) return;
        ++order_.stats.rowsIn;
        if (isHeadingRow(row, *grid_, *layout_)) {
            ++order_.stats.repeatedHeadings;
            return;
        }
        std::string numberPlace;
        const std::string number = trimNumber(cell(row, "number", &numberPlace));
        const std::string matter = collapseWhitespace(cell(row, "matter"));
        const std::string delegate = collapseWhitespace(cell(row, "delegate"));
        const bool decides = !delegate.empty() || !collapseWhitespace(cell(row, "substitute")).empty() ||
                             !collapseWhitespace(cell(row, "legal-basis")).empty();

        // An area column names the area of each row.
        std::string areaPlace;
        const std::string areaText = collapseWhitespace(cell(row, "area", &areaPlace));
        if (!areaText.empty() && (order_.areas.empty() || order_.areas.back().title != areaText) &&
            (order_.areas.empty() || areaText != order_.areas.back().number + " " + order_.areas.back().title)) {
            std::string n, t;
            if (!splitNumberedTitle(areaText, n, t)) t = areaText, n = nextAreaNumber();
            openArea(n, t, areaPlace);
            if (filled.size() == 1) {
                ++order_.stats.areaHeadings;
                return;
            }
        }

        if (!decides) {
            std::string n, t;
            const std::string only = filled.size() == 1 ? collapseWhitespace(row.cells[filled[0]].text) : std::string();
            const bool inNumberColumn = filled.size() == 1 && fieldAt(filled[0]) == "number";
            if (filled.size() == 1 && splitNumberedTitle(only, n, t)) {
                openArea(n, t, row.place);
                ++order_.stats.areaHeadings;
                return;
            }
            if (isAreaNumber(number) && !matter.empty() && filled.size() == 2) {
                openArea(trimNumber(number), matter, row.place);
                ++order_.stats.areaHeadings;
                return;
            }
            // In an order without numbers, written where cells cannot be merged (CSV), a lone
            // capitalised matter is the next area's heading; a continuation goes on in lower case.
            const bool unnumberedHeading = filled.size() == 1 && fieldAt(filled[0]) == "matter" && !hasNumberColumn() &&
                                           startsWithCapital(only);
            const bool headingLike = filled.size() == 1 && (merged || inNumberColumn || currentRow() == nullptr ||
                                                            unnumberedHeading ||
                                                            (fieldAt(filled[0]) != "matter" && filled[0] == 0));
            if (headingLike && number.empty()) {
                openArea(nextAreaNumber(), only, row.place);
                diags_.warning("import.area-without-number", at(file_, row.cells[filled[0]].place),
                               "rubriken '" + only + "' läses som ett område utan nummer; det får nummer " +
                                   order_.areas.back().number,
                               "the heading '" + only + "' is read as an area without a number; it is numbered " +
                                   order_.areas.back().number);
                ++order_.stats.areaHeadings;
                return;
            }
        }
        // No number and no delegate: the rest of the row above, e.g. a legal basis or a matter
        // that went on to the next line (said as a note, so that it can be checked).
        if (number.empty() && delegate.empty() && currentRow()) {
            continueRow(row, filled);
            return;
        }
        delegation(row, filled, number, numberPlace);
    }

    bool hasNumberColumn() const {
        for (const auto& [column, field] : layout_->fieldOf)
            if (field == "number") return true;
        return false;
    }

    std::string fieldAt(std::size_t column) const {
        auto it = layout_->fieldOf.find(column);
        return it == layout_->fieldOf.end() ? std::string() : it->second;
    }

    ImportedRow* currentRow() {
        if (order_.areas.empty() || order_.areas.back().rows.empty()) return nullptr;
        return &order_.areas.back().rows.back();
    }

    std::string nextAreaNumber() const { return std::to_string(order_.areas.size() + 1); }

    void openArea(const std::string& number, const std::string& title, const std::string& place) {
        order_.areas.push_back(ImportedArea{number, title, place, {}});
    }

    // The cells of a row that only continues the one above are added to that row's fields.
    void continueRow(const GridRow& row, const std::vector<std::size_t>& filled) {
        ImportedRow& previous = *currentRow();
        for (std::size_t c : filled) {
            std::string field = fieldAt(c);
            std::string text = collapseWhitespace(row.cells[c].text);
            if (field.empty()) {
                field = "note";
                text = headingOf(c) + ": " + text;
            }
            if (field == "ignore") continue;
            if (c == filled.front())
                diags_.note("import.continuation", at(file_, row.cells[c].place),
                            "raden har varken nummer eller delegat och läses som en fortsättning på rad " +
                                previous.fields["number"],
                            "the row has neither number nor delegate and is read as continuing row " +
                                previous.fields["number"]);
            std::string& into = previous.fields[field];
            into += (into.empty() ? "" : " ") + text;
            if (!previous.placeOf.count(field)) previous.placeOf[field] = row.cells[c].place;
        }
        ++order_.stats.continuations;
    }

    std::string headingOf(std::size_t column) const {
        if (layout_->hasHeadingRow && column < grid_->rows[layout_->headingRow].cells.size())
            return collapseWhitespace(grid_->rows[layout_->headingRow].cells[column].text);
        return columnLetters(column);
    }

    void delegation(const GridRow& row, const std::vector<std::size_t>& filled, const std::string& number,
                    const std::string& numberPlace) {
        if (order_.areas.empty()) {
            const std::string title = grid_->name;
            openArea("1", title, row.place);
            diags_.warning("import.rows-before-area", at(file_, row.place),
                           "raderna före den första områdesrubriken läggs i område 1 '" + title + "'; byt rubriken i källfilen",
                           "the rows before the first area heading go into area 1 '" + title + "'; change its title in the source");
        }
        ImportedArea& area = order_.areas.back();
        ImportedRow r;
        r.place = row.place;
        for (std::size_t c : filled) {
            const std::string field = fieldAt(c);
            const std::string text = collapseWhitespace(row.cells[c].text);
            if (field == "ignore" || field == "area") continue;
            if (field.empty()) {
                std::string& note = r.fields["note"];
                note += (note.empty() ? "" : "; ") + headingOf(c) + ": " + text;
                if (!r.placeOf.count("note")) r.placeOf["note"] = row.cells[c].place;
                continue;
            }
            std::string& into = r.fields[field];
            into = field == "note" && !into.empty() ? text + "; " + into : text;
            r.placeOf[field] = row.cells[c].place;
        }
        if (number.empty()) {
            const std::string made = area.number + "." + std::to_string(area.rows.size() + 1);
            r.fields["number"] = made;
            diags_.warning("import.no-number", at(file_, numberPlace.empty() ? row.place : numberPlace),
                           "raden har inget nummer; den får nummer " + made,
                           "the row has no number; it is numbered " + made);
        } else {
            r.fields["number"] = number;
        }
        mapValue(r, "reporting");
        mapValue(r, "sub-delegation");
        if (r.fields["matter"].empty())
            diags_.warning("import.no-matter", at(file_, row.place), "raden saknar ärende", "the row has no matter");
        if (r.fields["delegate"].empty())
            diags_.warning("import.no-delegate", at(file_, row.place), "raden saknar delegat", "the row has no delegate");
        ++order_.stats.delegations;
        area.rows.push_back(std::move(r));
    }

    // A value the vocabulary knows becomes its code; others stay as written for the source reader.
    void mapValue(ImportedRow& r, const std::string& field) {
        auto it = r.fields.find(field);
        if (it == r.fields.end()) return;
        auto values = words_.values.find(field);
        if (values == words_.values.end()) return;
        auto code = values->second.find(normalise(it->second));
        if (code != values->second.end()) it->second = code->second;
    }

    const Vocabulary& words_;
    const ColumnMap& map_;
    std::string file_;
    Diagnostics& diags_;
    ImportedOrder order_;
    const Layout* layout_ = nullptr;
    const Grid* grid_ = nullptr;
};

}  // namespace

ImportedOrder buildOrder(const std::vector<Grid>& grids, const Vocabulary& words, const ColumnMap& map,
                         const std::string& file, Diagnostics& diags) {
    Builder b(words, map, file, diags);
    for (const auto& g : grids) b.grid(g);
    return b.take();
}

}  // namespace overens::import
