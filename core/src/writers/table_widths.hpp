// Table column widths from content, as CSS's automatic table layout does, shared by the PDF
// writer (which measures with its fonts and hyphenation) and the ODT writer (which estimates
// from the characters, so that `build --format odt` loads no font or hyphenation library).
#pragma once

#include <string>
#include <vector>

namespace overens::writers {

// What a column's content needs, in points.
struct ColumnExtent {
    double min = 0;   // the widest piece that cannot be broken (hyphenation allowed)
    double word = 0;  // the widest word, kept whole
    double max = 0;   // the longest text on one line
    void merge(const ColumnExtent& o);
};

// The width of each column's text (padding excluded), summing to avail: whole words where they
// fit side by side, the rest of the room by what each column still wants. The weights (the
// plugins' relative widths; empty or of another size = none) share the room when there is no
// content, and decide among the columns when the text does not fit on one line.
std::vector<double> columnWidths(std::vector<ColumnExtent> columns, const std::vector<double>& weights, double avail,
                                 double floor);

// An estimate of a text's extent in Liberation Sans (Arial's metrics) at size points, from
// character classes; the piece a word is hyphenated into is estimated at eight characters.
ColumnExtent estimateExtent(const std::string& text, double size, bool bold);

}  // namespace overens::writers
