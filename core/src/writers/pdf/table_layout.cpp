// Tables: column widths from the content (CSS automatic layout), cells wrapped to their
// column, each row kept whole on a page where it fits (a row taller than a page is split
// between lines), and the header rows repeated at the top of every page the table runs onto.
#include <algorithm>
#include <cstdint>
#include <numeric>

#include "writers/pdf/layout.hpp"

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
        widths_.assign(n, avail / static_cast<double>(n));
        // CSS's automatic table layout: each column's minimum (its widest piece that cannot be
        // broken, hyphenation allowed) and preferred width (its longest text on one line) decide.
        // The table's weights only share the room when there is no content to measure.
        std::vector<double> mins(n, 0), words(n, 0), maxs(n, 0);
        auto measure = [&](const doc::Row& row, const TextStyle& s) {
            for (std::size_t c = 0; c < n && c < row.size(); ++c) {
                auto e = measureSpans(canvas_.fonts(), spans(row, c, s), mins[c]);
                mins[c] = std::max(mins[c], e.minWidth);
                words[c] = std::max(words[c], e.wordWidth);
                maxs[c] = std::max(maxs[c], e.maxWidth);
            }
        };
        for (const auto& r : table_.header) measure(r, head_);
        for (std::size_t i = 0; i < table_.rows.size() && i < measuredRows_; ++i) measure(table_.rows[i], body_);
        const double weightSum = std::accumulate(table_.weights.begin(), table_.weights.end(), 0.0);
        const bool empty = std::all_of(maxs.begin(), maxs.end(), [](double m) { return m <= 0; });
        if (empty && weightsValid(weightSum)) {
            for (std::size_t c = 0; c < n; ++c) widths_[c] = avail * table_.weights[c] / weightSum;
        } else {
            const double floor = 2 * body_.size;
            // Whole words where they fit side by side; otherwise the columns whose words cost the
            // least extra room keep them whole, the others are hyphenated.
            for (std::size_t c = 0; c < n; ++c) mins[c] = std::max(mins[c], floor);
            std::vector<std::size_t> order(n);
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(),
                      [&](std::size_t a, std::size_t b) { return words[a] - mins[a] < words[b] - mins[b]; });
            double used = std::accumulate(mins.begin(), mins.end(), 0.0);
            for (std::size_t c : order) {
                const double extra = std::max(0.0, words[c] - mins[c]);
                if (used + extra > avail) break;
                mins[c] += extra;
                used += extra;
            }
            for (std::size_t c = 0; c < n; ++c) {
                mins[c] = std::max(mins[c], floor);
                maxs[c] = std::max(maxs[c], mins[c]);
            }
            const double sumMin = std::accumulate(mins.begin(), mins.end(), 0.0);
            const double sumMax = std::accumulate(maxs.begin(), maxs.end(), 0.0);
            for (std::size_t c = 0; c < n; ++c) {
                if (sumMax <= avail)  // everything fits on one line: share the rest by natural width
                    widths_[c] = maxs[c] + (avail - sumMax) * maxs[c] / sumMax;
                else if (sumMin >= avail)  // even the longest pieces do not fit: see below
                    widths_[c] = 0;
                else  // every column its minimum, the rest in proportion to what each still wants
                    widths_[c] = mins[c] + (maxs[c] - mins[c]) * (avail - sumMin) / (sumMax - sumMin);
            }
            if (sumMax > avail && sumMin >= avail) fairShare(mins, avail);
            else if (sumMax > avail && weightsValid(weightSum)) byWeights(mins, maxs, avail);
        }
        xs_.assign(n + 1, canvas_.left());
        for (std::size_t c = 0; c < n; ++c) xs_[c + 1] = xs_[c] + widths_[c] + 2 * pad;
        xs_[n] = canvas_.right();
    }

    bool weightsValid(double sum) const {
        return table_.weights.size() == columns_ && sum > 0 &&
               std::all_of(table_.weights.begin(), table_.weights.end(), [](double w) { return w >= 0; });
    }

    // The table's weights say which columns should get the room the content leaves: each column
    // its weighted share, but never less than its minimum nor more than its preferred width; what
    // the clamped columns give up or take is shared among the others by weight.
    void byWeights(const std::vector<double>& mins, const std::vector<double>& maxs, double avail) {
        const std::size_t n = mins.size();
        std::vector<bool> fixed(n, false);
        for (std::size_t round = 0; round <= n; ++round) {
            double room = avail, weights = 0;
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c]) room -= widths_[c];
                else weights += table_.weights[c];
            }
            if (weights <= 0) {  // every column clamped: the rest goes to the last one not at its minimum
                for (std::size_t c = n; c-- > 0;)
                    if (widths_[c] > mins[c] || c == 0) {
                        widths_[c] += room;
                        break;
                    }
                return;
            }
            // Columns below their minimum are fixed first (they take room), those above their
            // preferred width only when none is (they give room back).
            bool below = false;
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c]) continue;
                widths_[c] = room * table_.weights[c] / weights;
                below = below || widths_[c] < mins[c];
            }
            bool changed = false;
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c]) continue;
                if (below ? widths_[c] < mins[c] : widths_[c] > maxs[c]) {
                    widths_[c] = below ? mins[c] : maxs[c];
                    fixed[c] = true;
                    changed = true;
                }
            }
            if (!changed) return;
        }
    }

    // Not even the longest words fit side by side: columns whose longest word fits in an equal
    // share keep it whole; the share left over is split among the others, where long words
    // are broken between characters.
    void fairShare(const std::vector<double>& mins, double avail) {
        const std::size_t n = mins.size();
        std::vector<bool> fixed(n, false);
        double left = avail;
        std::size_t open = n;
        for (bool changed = true; changed && open > 0;) {
            changed = false;
            const double share = left / static_cast<double>(open);
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c] || mins[c] > share) continue;
                fixed[c] = true;
                widths_[c] = mins[c];
                left -= mins[c];
                --open;
                changed = true;
            }
        }
        double openMin = 0;
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) openMin += mins[c];
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) widths_[c] = openMin > 0 ? left * mins[c] / openMin : left / static_cast<double>(open);
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
