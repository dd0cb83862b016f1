#include "writers/pdf/layout.hpp"

#include <algorithm>

#include "writers/pdf/utf8.hpp"

namespace overens::pdf {
namespace {

// Headings, titles and the contents are not hyphenated (as the ODT's heading styles).
class NoHyphenation {
public:
    explicit NoHyphenation(FontBook& fonts) : fonts_(fonts), saved_(fonts.hyphenator()) { fonts.setHyphenator(nullptr); }
    ~NoHyphenation() { fonts_.setHyphenator(saved_); }
    NoHyphenation(const NoHyphenation&) = delete;
    NoHyphenation& operator=(const NoHyphenation&) = delete;

private:
    FontBook& fonts_;
    const Hyphenator* saved_;
};

// The text of the blocks whose lines may be hyphenated, a block a line (runs joined as they are
// laid out: a word may be made of several runs).
struct HyphenatedText {
    std::string out;
    void add(const doc::Runs& runs) { out += doc::plainText(runs) + "\n"; }
    void operator()(const doc::Paragraph& p) { add(p.runs); }
    void operator()(const doc::List& l) {
        for (const auto& item : l.items) {
            add(item.runs);
            for (const auto& child : item.children) (*this)(child);
        }
    }
    void operator()(const doc::Table& t) {
        for (const auto* rows : {&t.header, &t.rows})
            for (const auto& row : *rows)
                for (const auto& cell : row) add(cell);
        add(t.caption);
    }
    void operator()(const doc::SignatureBlock& s) {
        add(s.intro);
        for (const auto& who : s.signatories) out += who.name + "\n" + who.title + "\n";
    }
    void operator()(const doc::Note& n) { add(n.runs); }
    template <typename Other>
    void operator()(const Other&) {}
};

}  // namespace

std::string hyphenatedText(const doc::Blocks& blocks) {
    HyphenatedText text;
    for (const auto& b : blocks) std::visit(text, b);
    return text.out;
}

std::vector<HeadingMark> numberHeadings(const doc::Blocks& blocks, const std::string& separator) {
    std::vector<HeadingMark> out;
    std::vector<int> counters(10, 0);
    for (const auto& b : blocks) {
        const auto* h = std::get_if<doc::Heading>(&b);
        if (!h) continue;
        HeadingMark m;
        m.level = std::clamp(h->level, 1, 10);
        m.text = cleanText(doc::plainText(h->runs));
        for (char& c : m.text)
            if (c == '\n') c = ' ';
        if (h->numbered) {
            const auto lv = static_cast<std::size_t>(m.level);
            ++counters[lv - 1];
            std::fill(counters.begin() + static_cast<long>(lv), counters.end(), 0);
            for (std::size_t i = 0; i < lv; ++i) {
                if (i) m.number += separator;
                m.number += std::to_string(counters[i]);
            }
        }
        out.push_back(std::move(m));
    }
    return out;
}

Layouter::Layouter(Canvas& canvas, const doc::Document& document) : canvas_(canvas), document_(document) {
    headings_ = numberHeadings(document.blocks, canvas.style().numberSeparator);
}

void Layouter::run() {
    canvas_.beginBlock(0);
    const auto& blocks = document_.blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        next_ = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
        std::visit(*this, blocks[i]);
    }
}

void Layouter::placeLines(const std::vector<Line>& lines, double x, const TextStyle& s) {
    const double lh = s.lineHeight();
    if (lines.empty()) return;
    canvas_.ensure(std::min<double>(static_cast<double>(std::min<std::size_t>(lines.size(), 2)) * lh, canvas_.bodyHeight()));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Do not leave a single last line alone at the top of the next page.
        const bool widowNext = lines.size() >= 3 && i == lines.size() - 2;
        if (!canvas_.fits(lh) || (widowNext && !canvas_.fits(2 * lh) && canvas_.fits(lh) && i >= 2)) canvas_.newPage();
        canvas_.drawLine(lines[i], x, canvas_.y(), s);
        canvas_.moveDown(lh);
    }
}

void Layouter::operator()(const doc::Heading& h) {
    const Style& st = canvas_.style();
    const TextStyle& s = st.style("heading" + std::to_string(std::clamp(h.level, 1, 4)));
    HeadingMark& mark = headings_[nextHeading_++];
    FontBook& fonts = canvas_.fonts();
    NoHyphenation whole(fonts);
    const FaceId face = fonts.face(s);
    double hang = 0;
    if (!mark.number.empty()) hang = fonts.width(face, mark.number, s.size) + st.numberGap;
    auto lines = wrapSpans(fonts, spansOf(fonts, s, h.runs), canvas_.width() - hang);
    const double height = static_cast<double>(std::max<std::size_t>(lines.size(), 1)) * s.lineHeight();
    const TextStyle& body = st.style("body");
    Tag tag(canvas_.tree(), "H" + std::to_string(std::clamp(h.level, 1, 6)));
    canvas_.tree().setLang(tag.id(), h.runs);
    canvas_.beginBlock(s.spaceBefore);
    // Keep the heading with the first lines of what follows it: a table's header and first row.
    double lead = 2 * body.lineHeight();
    if (const auto* t = next_ ? std::get_if<doc::Table>(next_) : nullptr)
        lead = std::max(lead, tableLeadHeight(canvas_, *t) + body.spaceAfter);
    canvas_.ensure(std::min(height + s.spaceAfter + lead, canvas_.bodyHeight()));
    mark.page = canvas_.pageIndex();
    mark.top = canvas_.y();
    if (!mark.number.empty()) {
        Line num;
        num.frags.push_back(Frag{face, s.size, 0, 0, mark.number});
        num.spaceAfter = true;
        canvas_.drawLine(num, canvas_.left(), canvas_.y(), s);
    }
    placeLines(lines, canvas_.left() + hang, s);
    canvas_.spaceAfter(s.spaceAfter);
}

void Layouter::operator()(const doc::Paragraph& p) {
    const char* name = "body";
    switch (p.style) {
        case doc::ParagraphStyle::Body: name = "body"; break;
        case doc::ParagraphStyle::Lead: name = "lead"; break;
        case doc::ParagraphStyle::Small: name = "small"; break;
        case doc::ParagraphStyle::Quote: name = "quote"; break;
    }
    const TextStyle& s = canvas_.style().style(name);
    const double indent = s.indent;
    const double w = canvas_.width() - indent * (p.style == doc::ParagraphStyle::Quote ? 2 : 1);
    auto lines = wrapSpans(canvas_.fonts(), spansOf(canvas_.fonts(), s, p.runs), w, s.justify);
    if (lines.empty()) return;
    Tag tag(canvas_.tree(), p.style == doc::ParagraphStyle::Quote ? "BlockQuote" : "P");
    canvas_.tree().setLang(tag.id(), p.runs);
    canvas_.beginBlock(s.spaceBefore);
    placeLines(lines, canvas_.left() + indent, s);
    canvas_.spaceAfter(s.spaceAfter);
}

namespace {

std::string listLabel(bool ordered, int depth, int n) {
    if (!ordered) return depth % 2 == 0 ? "\u2022" : "\u2013";
    if (depth % 2 == 1 && n <= 26) return std::string(1, static_cast<char>('a' + n - 1)) + ")";
    return std::to_string(n) + ".";
}

}  // namespace

void Layouter::list(const doc::List& l, double x, int depth) {
    const TextStyle& s = canvas_.style().style("list");
    FontBook& fonts = canvas_.fonts();
    const FaceId face = fonts.face(s);
    double hang = s.indent;
    for (std::size_t i = 0; i < l.items.size(); ++i)
        hang = std::max(hang, fonts.width(face, listLabel(l.ordered, depth, static_cast<int>(i + 1)), s.size) + 0.5 * s.size);
    const double textX = x + hang;
    const double w = std::max(canvas_.right() - textX, 4 * s.size);
    int n = 0;
    Tag tagL(canvas_.tree(), "L");
    for (const auto& item : l.items) {
        ++n;
        Tag li(canvas_.tree(), "LI");
        auto lines = wrapSpans(fonts, spansOf(fonts, s, item.runs), w, s.justify);
        canvas_.beginBlock(0);
        canvas_.ensure(std::min<double>(static_cast<double>(std::min<std::size_t>(std::max<std::size_t>(lines.size(), 1), 2)) * s.lineHeight(),
                                        canvas_.bodyHeight()));
        Line label;
        label.frags.push_back(Frag{face, s.size, 0, 0, listLabel(l.ordered, depth, n)});
        label.spaceAfter = true;
        {
            Tag lbl(canvas_.tree(), "Lbl");
            canvas_.drawLine(label, x, canvas_.y(), s);
        }
        Tag body(canvas_.tree(), "LBody");
        canvas_.tree().setLang(body.id(), item.runs);
        if (lines.empty()) canvas_.moveDown(s.lineHeight());
        placeLines(lines, textX, s);
        canvas_.spaceAfter(s.spaceAfter);
        for (const auto& child : item.children) list(child, textX, depth + 1);
    }
}

void Layouter::operator()(const doc::List& l) {
    if (l.items.empty()) return;
    const TextStyle& s = canvas_.style().style("list");
    canvas_.beginBlock(std::max(s.spaceBefore, canvas_.style().style("body").spaceAfter));
    list(l, canvas_.left(), 0);
    canvas_.spaceAfter(canvas_.style().style("body").spaceAfter);
}

void Layouter::operator()(const doc::Table& t) { layoutTable(canvas_, t); }

void Layouter::operator()(const doc::SignatureBlock& sb) {
    const Style& st = canvas_.style();
    const TextStyle& s = st.style("signature");
    FontBook& fonts = canvas_.fonts();
    const double lh = s.lineHeight();
    auto intro = wrapSpans(fonts, spansOf(fonts, s, sb.intro), canvas_.width());
    const int cols = st.signatureColumns;
    const double colW = (canvas_.width() - st.signColumnGap * (cols - 1)) / cols;
    struct Cell {
        std::vector<Line> name, title;
    };
    std::vector<Cell> cells;
    for (const auto& who : sb.signatories)
        cells.push_back(Cell{wrapSpans(fonts, spansOf(fonts, s, who.name), colW),
                             wrapSpans(fonts, spansOf(fonts, s, who.title), colW)});
    std::vector<double> rowHeights;
    double total = static_cast<double>(intro.size()) * lh;
    for (std::size_t i = 0; i < cells.size(); i += static_cast<std::size_t>(cols)) {
        std::size_t linesMax = 0;
        for (std::size_t k = i; k < std::min(cells.size(), i + static_cast<std::size_t>(cols)); ++k)
            linesMax = std::max(linesMax, cells[k].name.size() + cells[k].title.size());
        rowHeights.push_back(st.signSpace + 3 + static_cast<double>(linesMax) * lh + lh * 0.5);
        total += rowHeights.back();
    }
    StructTree& tree = canvas_.tree();
    Tag block(tree, "Div");
    canvas_.beginBlock(s.spaceBefore);
    // The whole block on one page, where it fits on one.
    if (total <= canvas_.bodyHeight()) canvas_.ensure(total);
    {
        Tag p(tree, "P");
        placeLines(intro, canvas_.left(), s);
    }
    for (std::size_t r = 0; r < rowHeights.size(); ++r) {
        canvas_.ensure(rowHeights[r]);
        const double top = canvas_.y() - st.signSpace;
        for (std::size_t c = 0; c < static_cast<std::size_t>(cols); ++c) {
            const std::size_t k = r * static_cast<std::size_t>(cols) + c;
            if (k >= cells.size()) break;
            const double x = canvas_.left() + static_cast<double>(c) * (colW + st.signColumnGap);
            canvas_.rule(x, top, x + colW * 0.9, top, 0.6, 0);
            double y = top - 3;
            Tag signatory(tree, "Div");
            const ElemId name = tree.open("P");
            tree.close();
            const ElemId title = tree.open("P");
            tree.close();
            for (const auto& l : cells[k].name) {
                canvas_.drawLine(l, x, y, s, name);
                y -= lh;
            }
            for (const auto& l : cells[k].title) {
                canvas_.drawLine(l, x, y, s, title);
                y -= lh;
            }
        }
        canvas_.moveDown(rowHeights[r]);
    }
    canvas_.spaceAfter(s.spaceAfter);
}

void Layouter::operator()(const doc::Note& n) {
    const TextStyle& s = canvas_.style().style("note");
    FontBook& fonts = canvas_.fonts();
    const double pad = std::max(s.indent, 4.0);
    const double barW = n.kind == doc::NoteKind::Important ? 3 : 1.5;
    const double barGray = n.kind == doc::NoteKind::Important ? 0.15 : 0.55;
    auto lines = wrapSpans(fonts, spansOf(fonts, s, n.runs, n.kind == doc::NoteKind::Important), canvas_.width() - pad);
    if (lines.empty()) return;
    const double lh = s.lineHeight();
    Tag tag(canvas_.tree(), "Note");
    canvas_.tree().setLang(tag.id(), n.runs);
    canvas_.beginBlock(s.spaceBefore);
    const double total = static_cast<double>(lines.size()) * lh;
    if (total <= canvas_.bodyHeight()) canvas_.ensure(total);
    const double barX = canvas_.left() + barW / 2;
    double segTop = canvas_.y();
    for (const auto& l : lines) {
        if (!canvas_.fits(lh)) {
            canvas_.rule(barX, segTop, barX, canvas_.y(), barW, barGray);
            canvas_.newPage();
            segTop = canvas_.y();
        }
        canvas_.drawLine(l, canvas_.left() + pad, canvas_.y(), s);
        canvas_.moveDown(lh);
    }
    canvas_.rule(barX, segTop, barX, canvas_.y(), barW, barGray);
    canvas_.spaceAfter(s.spaceAfter);
}

void Layouter::operator()(const doc::PageBreak&) {
    if (!canvas_.atTop()) canvas_.newPage();
}

void Layouter::operator()(const doc::TableOfContents& toc) {
    const Style& st = canvas_.style();
    const TextStyle& ts = st.style("toc-title");
    const TextStyle& s = st.style("toc");
    FontBook& fonts = canvas_.fonts();
    NoHyphenation whole(fonts);
    const double lh = s.lineHeight();
    StructTree& tree = canvas_.tree();
    Tag tocTag(tree, "TOC");
    if (!toc.title.empty()) {
        Tag caption(tree, "Caption");
        auto lines = wrapSpans(fonts, spansOf(fonts, ts, toc.title), canvas_.width());
        canvas_.beginBlock(ts.spaceBefore);
        canvas_.ensure(static_cast<double>(lines.size()) * ts.lineHeight() + 2 * lh);
        placeLines(lines, canvas_.left(), ts);
        canvas_.spaceAfter(ts.spaceAfter);
    }
    canvas_.beginBlock(s.spaceBefore);
    const FaceId face = fonts.face(s);
    const double numberColumn = fonts.width(face, "0000", s.size) + 6;
    for (std::size_t i = 0; i < headings_.size(); ++i) {
        const HeadingMark& h = headings_[i];
        if (h.level > st.tocLevels) continue;
        const double indent = (h.level - 1) * s.indent;
        const double numW = h.number.empty() ? 0 : fonts.width(face, h.number, s.size) + st.numberGap;
        auto lines = wrapSpans(fonts, spansOf(fonts, s, h.text), canvas_.width() - indent - numW - numberColumn);
        if (lines.empty()) continue;
        canvas_.ensure(static_cast<double>(lines.size()) * lh);
        Tag item(tree, "TOCI");
        Tag linkTag(tree, "Link");  // the entry's text, its page number and its link annotation
        const ElemId entry = linkTag.id();
        const int page = canvas_.pageIndex();
        const double top = canvas_.y();
        if (!h.number.empty()) {
            Line num;
            num.frags.push_back(Frag{face, s.size, 0, 0, h.number});
            num.spaceAfter = true;
            canvas_.drawLine(num, canvas_.left() + indent, top, s);
        }
        for (const auto& l : lines) {
            canvas_.drawLine(l, canvas_.left() + indent + numW, canvas_.y(), s);
            canvas_.moveDown(lh);
        }
        const double bottom = canvas_.y();
        const double baselineY = bottom + lh - canvas_.baseline(s);
        Canvas* canvas = &canvas_;
        const std::vector<HeadingMark>* marks = &headings_;
        const double size = s.size, gray = s.gray;
        canvas_.defer([=](int) {
            const HeadingMark& target = (*marks)[i];
            if (target.page < 0) return;
            const std::string num = std::to_string(target.page + 1);
            const double w = canvas->fonts().width(face, num, size);
            canvas->drawText(page, num, face, size, canvas->right() - w, baselineY, gray, entry);
            HPDF_Destination dst = HPDF_Page_CreateDestination(canvas->page(target.page));
            HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(target.top));
            HPDF_Rect rect{static_cast<HPDF_REAL>(canvas->left()), static_cast<HPDF_REAL>(bottom),
                           static_cast<HPDF_REAL>(canvas->right()), static_cast<HPDF_REAL>(top)};
            HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(canvas->page(page), rect, dst);
            HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
            canvas->tree().addLink(entry, page, link, target.title());
        });
    }
    canvas_.spaceAfter(st.style("body").spaceAfter * 2);
}

void Layouter::operator()(const doc::TitleBlock& t) {
    const Style& st = canvas_.style();
    FontBook& fonts = canvas_.fonts();
    StructTree& tree = canvas_.tree();
    auto para = [&](const std::string& styleName, const std::string& text, const char* type = "P") {
        if (text.empty()) return;
        Tag tag(tree, type);
        const TextStyle& s = st.style(styleName);
        canvas_.beginBlock(s.spaceBefore);
        placeLines(wrapSpans(fonts, spansOf(fonts, s, text), canvas_.width()), canvas_.left(), s);
        canvas_.spaceAfter(s.spaceAfter);
    };
    NoHyphenation whole(fonts);
    para("title-org", t.organisation);
    para("title", t.title, "H1");
    para("subtitle", t.subtitle);
    if (!t.facts.empty()) {
        const TextStyle& s = st.style("fact");
        const FaceId bold = fonts.face(s, true);
        double labelW = 0;
        for (const auto& [label, value] : t.facts) labelW = std::max(labelW, fonts.width(bold, cleanText(label), s.size));
        labelW = std::min(labelW + 12, canvas_.width() * 0.4);
        canvas_.beginBlock(s.spaceBefore);
        Tag table(tree, "Table");
        Tag tbody(tree, "TBody");
        for (const auto& [label, value] : t.facts) {
            Tag tr(tree, "TR");
            const ElemId th = tree.open("TH");
            tree.setScope(th, "Row");
            tree.close();
            const ElemId td = tree.open("TD");
            tree.close();
            auto labelLines = wrapSpans(fonts, spansOf(fonts, s, label, true), labelW - 12);
            auto valueLines = wrapSpans(fonts, spansOf(fonts, s, value), canvas_.width() - labelW);
            const std::size_t n = std::max(labelLines.size(), valueLines.size());
            canvas_.ensure(static_cast<double>(n) * s.lineHeight());
            const double top = canvas_.y();
            double y = top;
            for (const auto& l : labelLines) {
                canvas_.drawLine(l, canvas_.left(), y, s, th);
                y -= s.lineHeight();
            }
            y = top;
            for (const auto& l : valueLines) {
                canvas_.drawLine(l, canvas_.left() + labelW, y, s, td);
                y -= s.lineHeight();
            }
            canvas_.moveDown(static_cast<double>(n) * s.lineHeight());
        }
        if (canvas_.fits(6)) {
            canvas_.moveDown(6);
            canvas_.rule(canvas_.left(), canvas_.y(), canvas_.right(), canvas_.y(), 0.6, 0.4);
        }
        canvas_.spaceAfter(14);
    }
}

}  // namespace overens::pdf
