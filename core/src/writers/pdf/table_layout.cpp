// Tables: column widths from the content (CSS automatic layout), cells wrapped to their
// column, each row kept whole on a page where it fits (a row taller than a page is split
// between lines), and the header rows repeated at the top of every page the table runs onto.
#include <algorithm>
#include <cstdint>

#include "writers/pdf/layout.hpp"
#include "writers/table_widths.hpp"

namespace overens::pdf {
namespace {

struct LaidRow {
    std::vector<std::vector<Line>> cells;
    std::size_t lines = 0;  // the tallest cell, in lines
    std::vector<ElemId> tags;  // the TH/TD element of each cell, once the row is tagged
};

class TableLayout {
public:
    TableLayout(Canvas& canvas, const doc::Table& table, std::size_t measuredRows = SIZE_MAX)
        : measuredRows_(measuredRows),
          canvas_(canvas),
          table_(table),
          body_(canvas.style().style("table")),
          head_(canvas.style().style("table-head")) {
        for (const auto& r : table.header) columns_ = std::max(columns_, r.size());
        for (const auto& r : table.rows) columns_ = std::max(columns_, r.size());
    }

    void run() {
        if (columns_ == 0) return;
        computeWidths();
        for (const auto& r : table_.header) header_.push_back(layRow(r, head_));
        headerHeight_ = 0;
        for (const auto& h : header_) headerHeight_ += height(h, head_);

        StructTree& tree = canvas_.tree();
        Tag table(tree, "Table");
        canvas_.beginBlock(canvas_.style().style("body").spaceAfter);
        const double firstRow = table_.rows.empty() ? 0 : height(layRow(table_.rows.front(), body_), body_);
        canvas_.ensure(std::min(headerHeight_ + firstRow, canvas_.bodyHeight()));
        if (!header_.empty()) {
            Tag thead(tree, "THead");
            for (auto& h : header_) tagRow(h, "TH");
        }
        drawHeader(false);
        {
            Tag tbody(tree, "TBody");
            for (const auto& r : table_.rows) {
                LaidRow laid = layRow(r, body_);
                tagRow(laid, "TD");
                placeRow(laid);
            }
        }
        closeSegment();

        const TextStyle& cs = canvas_.style().style("caption");
        if (!table_.caption.empty()) {
            Tag caption(tree, "Caption");
            auto lines = wrapSpans(canvas_.fonts(), spansOf(canvas_.fonts(), cs, table_.caption), canvas_.width());
            canvas_.moveDown(std::min(cs.spaceBefore, std::max(0.0, canvas_.y() - canvas_.bodyBottom())));
            for (const auto& l : lines) {
                if (!canvas_.fits(cs.lineHeight())) canvas_.newPage();
                canvas_.drawLine(l, canvas_.left(), canvas_.y(), cs);
                canvas_.moveDown(cs.lineHeight());
            }
        }
        canvas_.spaceAfter(std::max(cs.spaceAfter, canvas_.style().style("body").spaceAfter));
    }

    // The height of the header rows and the first row: what a heading keeps with it.
    double leadHeight() {
        if (columns_ == 0) return 0;
        computeWidths();
        double h = 0;
        for (const auto& r : table_.header) h += height(layRow(r, head_), head_);
        if (!table_.rows.empty()) h += height(layRow(table_.rows.front(), body_), body_);
        return h;
    }

private:
    std::size_t measuredRows_;
    std::vector<Span> spans(const doc::Row& row, std::size_t c, const TextStyle& s) {
        if (c >= row.size()) return {};
        return spansOf(canvas_.fonts(), s, row[c]);
    }

    void computeWidths() {
        const std::size_t n = columns_;
        const double pad = std::max(body_.padding, head_.padding);
        const double avail = canvas_.width() - 2 * pad * static_cast<double>(n);
        // Each column's minimum (its widest piece that cannot be broken, hyphenation allowed),
        // widest word and preferred width (its longest text on one line) decide (table_widths).
        std::vector<writers::ColumnExtent> extents(n);
        auto measure = [&](const doc::Row& row, const TextStyle& s) {
            for (std::size_t c = 0; c < n && c < row.size(); ++c) {
                auto e = measureSpans(canvas_.fonts(), spans(row, c, s), extents[c].min);
                extents[c].merge({e.minWidth, e.wordWidth, e.maxWidth});
            }
        };
        for (const auto& r : table_.header) measure(r, head_);
        for (std::size_t i = 0; i < table_.rows.size() && i < measuredRows_; ++i) measure(table_.rows[i], body_);
        widths_ = writers::columnWidths(std::move(extents), table_.weights, avail, 2 * body_.size);
        xs_.assign(n + 1, canvas_.left());
        for (std::size_t c = 0; c < n; ++c) xs_[c + 1] = xs_[c] + widths_[c] + 2 * pad;
        xs_[n] = canvas_.right();
    }

    LaidRow layRow(const doc::Row& row, const TextStyle& s) {
        LaidRow out;
        out.cells.resize(columns_);
        for (std::size_t c = 0; c < columns_; ++c) {
            out.cells[c] = wrapSpans(canvas_.fonts(), spans(row, c, s), widths_[c]);
            out.lines = std::max(out.lines, out.cells[c].size());
        }
        out.lines = std::max<std::size_t>(out.lines, 1);
        return out;
    }

    // The row's TR and its cells' elements, as the last row of the current THead/TBody.
    void tagRow(LaidRow& r, const char* cellType) {
        StructTree& tree = canvas_.tree();
        Tag tr(tree, "TR");
        r.tags.clear();
        for (std::size_t c = 0; c < columns_; ++c) {
            r.tags.push_back(tree.open(cellType));
            if (cellType[1] == 'H') tree.setScope(r.tags.back(), "Column");
            tree.close();
        }
    }

    static double height(const LaidRow& r, const TextStyle& s) {
        return static_cast<double>(r.lines) * s.lineHeight() + 2 * s.padding;
    }

    // Draws lines [from, to) of each cell of a row at the current position; a repeated header
    // row is an artifact (its cells are tagged where the table starts).
    void drawRow(const LaidRow& r, const TextStyle& s, std::size_t from, std::size_t to, bool header, bool repeat = false) {
        const double h = static_cast<double>(to - from) * s.lineHeight() + 2 * s.padding;
        const double top = canvas_.y();
        const Style& st = canvas_.style();
        if (header && s.background < 1) canvas_.fillRect(xs_.front(), top - h, xs_.back() - xs_.front(), h, s.background);
        for (std::size_t c = 0; c < columns_; ++c) {
            double y = top - s.padding;
            const auto& lines = r.cells[c];
            for (std::size_t i = from; i < to && i < lines.size(); ++i) {
                canvas_.drawLine(lines[i], xs_[c] + s.padding, y, s,
                                 repeat || c >= r.tags.size() ? kArtifact : r.tags[c]);
                y -= s.lineHeight();
            }
        }
        if (firstOnPage_) canvas_.rule(xs_.front(), top, xs_.back(), top, st.tableRuleWidth, st.tableRuleGray);
        canvas_.rule(xs_.front(), top - h, xs_.back(), top - h, header ? st.tableRuleWidth * 1.6 : st.tableRuleWidth,
                     st.tableRuleGray);
        if (firstOnPage_) segmentTop_ = top;
        firstOnPage_ = false;
        canvas_.moveDown(h);
    }

    void drawHeader(bool repeat) {
        firstOnPage_ = true;
        for (const auto& h : header_) drawRow(h, head_, 0, h.lines, true, repeat);
    }

    // The vertical rules of the part of the table on the current page, as one path.
    void closeSegment() {
        if (!firstOnPage_) {
            const Style& st = canvas_.style();
            canvas_.rules(xs_, segmentTop_, canvas_.y(), st.tableRuleWidth, st.tableRuleGray);
        }
    }

    void newPage() {
        closeSegment();
        canvas_.newPage();
        firstOnPage_ = true;
        drawHeader(true);
    }

    void placeRow(const LaidRow& r) {
        const double h = height(r, body_);
        if (canvas_.fits(h)) {
            drawRow(r, body_, 0, r.lines, false);
            return;
        }
        if (h <= canvas_.bodyHeight() - headerHeight_) {
            newPage();
            drawRow(r, body_, 0, r.lines, false);
            return;
        }
        // Taller than a page: split between lines.
        std::size_t from = 0;
        bool fresh = false;
        while (from < r.lines) {
            const double room = canvas_.y() - canvas_.bodyBottom() - 2 * body_.padding;
            auto fit = static_cast<std::size_t>(std::max(0.0, room / body_.lineHeight() + 1e-6));
            if (fit == 0 && !fresh) {
                newPage();
                fresh = true;
                continue;
            }
            fit = std::max<std::size_t>(fit, 1);  // header rows fill the page: one line anyway
            fresh = false;
            const std::size_t to = std::min(r.lines, from + fit);
            drawRow(r, body_, from, to, false);
            from = to;
            if (from < r.lines) newPage();
        }
    }

    Canvas& canvas_;
    const doc::Table& table_;
    const TextStyle& body_;
    const TextStyle& head_;
    std::size_t columns_ = 0;
    std::vector<double> widths_, xs_;
    std::vector<LaidRow> header_;
    double headerHeight_ = 0;
    bool firstOnPage_ = true;
    double segmentTop_ = 0;
};

}  // namespace

void layoutTable(Canvas& canvas, const doc::Table& table) { TableLayout(canvas, table).run(); }

double tableLeadHeight(Canvas& canvas, const doc::Table& table) {
    // Widths from the first rows only: close enough to decide where a page ends.
    return TableLayout(canvas, table, 8).leadHeight();
}

}  // namespace overens::pdf
