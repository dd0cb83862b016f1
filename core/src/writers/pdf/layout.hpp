// Lays out the blocks of a document tree on the canvas, one after another.
#pragma once

#include <string>
#include <vector>

#include "overens/document.hpp"
#include "writers/pdf/canvas.hpp"

namespace overens::pdf {

// A heading as placed: for the outline and the table of contents.
struct HeadingMark {
    int level = 1;
    std::string number;  // "1.2", empty when unnumbered
    std::string text;
    int page = -1;       // page index, -1 until placed
    double top = 0;      // y of the heading's top on its page
    std::string title() const { return number.empty() ? text : number + " " + text; }
};

// Heading numbers as the ODT writes them: "1", "1.1", "1.1.1"; unnumbered headings get none
// and do not advance the count.
std::vector<HeadingMark> numberHeadings(const doc::Blocks& blocks, const std::string& separator);

class Layouter {
public:
    Layouter(Canvas& canvas, const doc::Document& document);
    void run();
    const std::vector<HeadingMark>& headings() const { return headings_; }

    void operator()(const doc::Heading& h);
    void operator()(const doc::Paragraph& p);
    void operator()(const doc::List& l);
    void operator()(const doc::Table& t);
    void operator()(const doc::SignatureBlock& s);
    void operator()(const doc::Note& n);
    void operator()(const doc::PageBreak&);
    void operator()(const doc::TableOfContents& toc);
    void operator()(const doc::TitleBlock& t);

private:
    // Places lines at x, flowing onto new pages; keeps the first two lines together.
    void placeLines(const std::vector<Line>& lines, double x, const TextStyle& s);
    void list(const doc::List& l, double x, int depth);

    Canvas& canvas_;
    const doc::Document& document_;
    std::vector<HeadingMark> headings_;
    std::size_t nextHeading_ = 0;
    const doc::Block* next_ = nullptr;  // the block after the one being laid out
};

// The text of the blocks whose lines may be hyphenated (for Hyphenator::expect), a block a line.
std::string hyphenatedText(const doc::Blocks& blocks);

// Tables: column widths from content, wrapping cells, rows kept whole, header rows repeated.
void layoutTable(Canvas& canvas, const doc::Table& table);
// The height of a table's header rows and first row.
double tableLeadHeight(Canvas& canvas, const doc::Table& table);

}  // namespace overens::pdf
