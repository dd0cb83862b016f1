#include "writers/odf/odf_content.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

#include "writers/odf/odf_style_names.hpp"
#include "writers/odf/odf_text.hpp"
#include "writers/table_widths.hpp"

namespace overens::odf {

namespace {

constexpr int kTocLevels = 2;  // as the PDF writer's <toc levels> (templates/pdf/style.xml)
// A data table of this many body rows or more leaves the body without a last element (the
// writer once wrote long tables out in pieces and dropped them from its tree), and the body
// then ends with an empty paragraph. Kept so that the bytes stay those of earlier versions;
// LibreOffice itself ends a document that ends with a table with a paragraph.
constexpr std::size_t kLongTableRows = 256;

// A heading as the table of contents lists it.
struct TocEntry {
    int level = 1;
    std::string label;  // "1.2" or empty
    std::string text;
    std::string bookmark;
};

// The automatic styles come before the body but are named as the body needs them, so the
// body is walked twice: a dry run that names the styles (and measures the tables' columns),
// then the real one into the sink. The dry run skips text and table rows, which name no style.
class ContentBuilder {
public:
    ContentBuilder(const doc::Document& d, const StylesPart& styles)
        : doc_(d), styles_(styles), autosSink_(autosText_), autos_(&autosSink_) {
        sv_ = d.meta.lang != "en";
    }

    void write(ByteSink& sink) {
        collectHeadings();
        {
            XmlWriter dry(nullptr);
            body(dry);
        }
        autos_.finish();
        XmlWriter w(&sink);
        w.declaration();
        w.open("office:document-content");
        w.namespaces({"office", "style", "text", "table", "draw", "fo", "xlink", "dc", "meta", "number", "svg"});
        w.attr("office:version", "1.3");
        if (!autosText_.empty()) {
            w.open("office:automatic-styles");
            w.raw(autosText_);
            w.close();
        }
        w.open("office:body");
        w.open("office:text");
        body(w);
        w.finish();
    }

private:
    void body(XmlWriter& w) {
        // The flow's state starts afresh in each pass; the styles named stay named.
        w_ = &w;
        pendingBreak_ = false;
        pendingMaster_ = styles_.masterPage;
        headingIndex_ = 0;
        tableCount_ = 0;
        tocCount_ = 0;
        dataTables_ = 0;
        bodyMark_ = w.opened();
        for (const auto& block : doc_.blocks) std::visit([&](const auto& b) { emit(b); }, block);
        if (w.opened() == bodyMark_) writeParagraph(w, "text:p", take(styles::kBody).c_str(), std::string_view());
    }

    XmlWriter& out() { return *w_; }

    // --- automatic styles -------------------------------------------------------------
    // One automatic style per distinct look, named in order of first use (P1, P2, ...).
    template <typename Make>
    std::string autoStyle(const std::string& key, const char* prefix, Make make) {
        auto it = autoNames_.find(key);
        if (it != autoNames_.end()) return it->second;
        std::string name = prefix + std::to_string(++autoCounters_[prefix]);
        autos_.open("style:style");
        autos_.attr("style:name", name);
        make(autos_);
        autos_.close();
        autoNames_.emplace(key, name);
        return name;
    }

    // The style for the next paragraph of the flow: the named one, or an automatic child of
    // it carrying a pending page break or the first page's master page.
    std::string take(const char* named) {
        if (!pendingBreak_ && pendingMaster_.empty()) return named;
        const std::string master = pendingMaster_;
        const bool brk = pendingBreak_;
        pendingBreak_ = false;
        pendingMaster_.clear();
        return autoStyle(std::string("P|") + named + "|" + (brk ? "b" : "") + "|" + master, "P", [&](XmlWriter& s) {
            s.attr("style:family", "paragraph");
            s.attr("style:parent-style-name", named);
            if (!master.empty()) s.attr("style:master-page-name", master);
            if (brk) {
                s.open("style:paragraph-properties");
                s.attr("fo:break-before", "page");
                s.close();
            }
        });
    }

    std::string tableStyle(const char* kind, int relWidth) {
        const std::string master = pendingMaster_;
        const bool brk = pendingBreak_;
        pendingBreak_ = false;
        pendingMaster_.clear();
        const std::string key = std::string("T|") + kind + "|" + std::to_string(relWidth) + "|" + (brk ? "b" : "") + "|" + master;
        return autoStyle(key, "Table", [&](XmlWriter& s) {
            s.attr("style:family", "table");
            if (!master.empty()) s.attr("style:master-page-name", master);
            s.open("style:table-properties");
            std::ostringstream width;  // "16cm" for the house page
            width << relWidth * styles_.textWidthCm / 100 << "cm";
            s.attr("style:width", width.str());
            s.attr("style:rel-width", std::to_string(relWidth) + "%");
            s.attr("table:align", relWidth == 100 ? "margins" : "left");
            if (std::string(kind) == "sign") {
                s.attr("fo:margin-top", "0.2cm");
                s.attr("style:may-break-between-rows", "false");
            } else if (std::string(kind) == "facts") {
                s.attr("fo:margin-bottom", "0.6cm");
            } else {
                s.attr("fo:margin-top", "0.1cm");
                s.attr("fo:margin-bottom", "0.35cm");
            }
            if (brk) s.attr("fo:break-before", "page");
            s.close();
        });
    }

    std::string columnStyle(int rel) {
        return autoStyle("C|" + std::to_string(rel), "Column", [&](XmlWriter& s) {
            s.attr("style:family", "table-column");
            s.open("style:table-column-properties");
            s.attr("style:rel-column-width", std::to_string(rel) + "*");
            s.close();
        });
    }

    std::string cellStyle(const char* kind) {
        return autoStyle(std::string("Cell|") + kind, "Cell", [&](XmlWriter& s) {
            s.attr("style:family", "table-cell");
            s.open("style:table-cell-properties");
            const std::string k = kind;
            if (k == "head" || k == "body") {
                s.attr("fo:padding", "0.1cm");
                s.attr("fo:border", "0.5pt solid #8a9aa4");
                if (k == "head") s.attr("fo:background-color", "#e4ebef");
            } else if (k == "fact") {
                s.attr("fo:padding", "0.04cm");
                s.attr("fo:border", "none");
            } else {  // signature
                s.attr("fo:padding-top", "0cm");
                s.attr("fo:padding-bottom", "0cm");
                s.attr("fo:padding-left", "0cm");
                s.attr("fo:padding-right", "0.6cm");
                s.attr("fo:border", "none");
            }
            s.close();
        });
    }

    // --- headings and the table of contents -----------------------------------------
    bool hasToc() const {
        for (const auto& b : doc_.blocks)
            if (std::holds_alternative<doc::TableOfContents>(b)) return true;
        return false;
    }

    static int headingLevel(const doc::Heading& h) { return std::clamp(h.level, 1, 6); }

    void collectHeadings() {
        const bool toc = hasToc();
        int counters[11] = {};
        int n = 0;
        for (const auto& b : doc_.blocks) {
            const auto* h = std::get_if<doc::Heading>(&b);
            if (!h) continue;
            const int level = headingLevel(*h);
            std::string label;
            if (h->numbered) {
                ++counters[level];
                for (int l = level + 1; l <= 10; ++l) counters[l] = 0;
                label = styles_.outline.label(level, counters);
            }
            std::string bookmark;
            if (toc && level <= kTocLevels) {
                bookmark = "__RefHeading___Toc" + std::to_string(++n);
                toc_.push_back(TocEntry{level, label, doc::plainText(h->runs), bookmark});
            }
            headingBookmarks_.push_back(bookmark);
        }
    }

    void emit(const doc::Heading& h) {
        XmlWriter& w = out();
        const int level = headingLevel(h);
        w.open("text:h");
        w.attr("text:style-name", take(styles::kHeadings[level - 1]));
        w.attr("text:outline-level", level);
        if (!h.numbered) w.attr("text:is-list-header", "true");
        const std::string& bookmark = headingBookmarks_[headingIndex_++];
        if (!bookmark.empty()) {
            w.open("text:bookmark-start");
            w.attr("text:name", bookmark);
            w.close();
        }
        if (!w.discarding()) TextAppender(w).runs(h.runs);
        if (!bookmark.empty()) {
            w.open("text:bookmark-end");
            w.attr("text:name", bookmark);
            w.close();
        }
        w.close();
    }

    void emit(const doc::TableOfContents& t) {
        XmlWriter& w = out();
        const std::string title = !t.title.empty() ? t.title : (sv_ ? "Innehåll" : "Contents");
        const std::string name = (sv_ ? "Innehållsförteckning" : "Table of Contents") + std::to_string(++tocCount_);
        w.open("text:table-of-content");
        w.attr("text:protected", "true");
        w.attr("text:name", name);
        w.open("text:table-of-content-source");
        w.attr("text:outline-level", kTocLevels);
        w.open("text:index-title-template");
        w.attr("text:style-name", styles::kContentsHeading);
        w.text(xmlSafe(title));
        w.close();
        for (int level = 1; level <= kTocLevels; ++level) {
            w.open("text:table-of-content-entry-template");
            w.attr("text:outline-level", level);
            w.attr("text:style-name", styles::kContents[level - 1]);
            w.open("text:index-entry-link-start");
            w.attr("text:style-name", styles::kIndexLink);
            w.close();
            for (const char* part : {"text:index-entry-chapter", "text:index-entry-text"}) {
                w.open(part);
                w.close();
            }
            w.open("text:index-entry-tab-stop");
            w.attr("style:type", "right");
            w.attr("style:leader-char", ".");
            w.close();
            for (const char* part : {"text:index-entry-page-number", "text:index-entry-link-end"}) {
                w.open(part);
                w.close();
            }
            w.close();
        }
        w.close();  // source
        // The body as LibreOffice would generate it; page numbers are page-reference fields
        // to bookmarks in the headings, so they are right before anyone updates the index.
        w.open("text:index-body");
        w.open("text:index-title");
        w.attr("text:name", name + "_Head");
        writeParagraph(w, "text:p", take(styles::kContentsHeading).c_str(), title);
        w.close();
        for (const auto& e : toc_) {
            w.open("text:p");
            w.attr("text:style-name", styles::kContents[e.level - 1]);
            w.open("text:a");
            w.attr("xlink:type", "simple");
            w.attr("xlink:href", "#" + e.bookmark);
            w.attr("text:style-name", styles::kIndexLink);
            w.attr("text:visited-style-name", styles::kIndexLink);
            if (!w.discarding())
                TextAppender(w).text(e.label.empty() ? xmlSafe(e.text) : e.label + " " + xmlSafe(e.text));
            w.open("text:tab");
            w.close();
            w.open("text:bookmark-ref");
            w.attr("text:reference-format", "page");
            w.attr("text:ref-name", e.bookmark);
            w.text("1");
            w.close();
            w.close();  // a
            w.close();  // p
        }
        w.close();  // index body
        w.close();  // table of content
    }

    // --- paragraphs, notes, lists ---------------------------------------------------------
    void emit(const doc::Paragraph& p) {
        const char* style = styles::kBody;
        switch (p.style) {
            case doc::ParagraphStyle::Body: style = styles::kBody; break;
            case doc::ParagraphStyle::Lead: style = styles::kLead; break;
            case doc::ParagraphStyle::Small: style = styles::kSmall; break;
            case doc::ParagraphStyle::Quote: style = styles::kQuote; break;
        }
        writeParagraph(out(), "text:p", take(style).c_str(), p.runs);
    }

    void emit(const doc::Note& n) {
        writeParagraph(out(), "text:p",
                       take(n.kind == doc::NoteKind::Important ? styles::kNoteImportant : styles::kNote).c_str(),
                       n.runs);
    }

    void emit(const doc::PageBreak&) { pendingBreak_ = true; }

    void list(const doc::List& l) {
        XmlWriter& w = out();
        w.open("text:list");
        w.attr("text:style-name", l.ordered ? styles::kNumberedList : styles::kBulletList);
        for (const auto& item : l.items) {
            w.open("text:list-item");
            writeParagraph(w, "text:p", take(styles::kListParagraph).c_str(), item.runs);
            for (const auto& child : item.children) list(child);
            w.close();
        }
        w.close();
    }

    void emit(const doc::List& l) {
        if (l.items.empty()) return;
        list(l);
    }

    // --- tables -----------------------------------------------------------------------------
    std::string nextTableName() { return (sv_ ? "Tabell" : "Table") + std::to_string(++tableCount_); }

    // Columns with their widths; cells without a style of their own take defaultCell.
    void columns(const std::vector<double>& weights, const std::string& defaultCell) {
        XmlWriter& w = out();
        double sum = 0;
        for (double x : weights) sum += x;
        for (double x : weights) {
            const int rel = std::max(1, static_cast<int>(std::lround(x / sum * 10000.0)));
            const std::string style = columnStyle(rel);
            w.open("table:table-column");
            w.attr("table:style-name", style);
            w.attr("table:default-cell-style-name", defaultCell);
            w.close();
        }
    }

    // A cell holding one paragraph; style empty = the column's default cell style (most cells
    // of a long table).
    void cell(const std::string& style, const char* paragraphStyle, const doc::Runs& runs) {
        XmlWriter& w = out();
        w.open("table:table-cell");
        if (!style.empty()) w.attr("table:style-name", style);
        writeParagraph(w, "text:p", paragraphStyle, runs);
        w.close();
    }
    void cell(const char* paragraphStyle, std::string_view text) {
        XmlWriter& w = out();
        w.open("table:table-cell");
        writeParagraph(w, "text:p", paragraphStyle, text);
        w.close();
    }

    // The PDF writer's widths (table_widths), from estimated text widths at the table styles'
    // sizes (Table Contents 9 pt, Table Heading 9.5 pt bold) in the house page's text width
    // (16 cm, or the reference's) less each cell's padding (0.1 cm a side).
    std::vector<double> columnWeights(const doc::Table& t, std::size_t n) const {
        std::vector<writers::ColumnExtent> extents(n);
        auto measure = [&](const doc::Row& r, double size, bool bold) {
            for (std::size_t i = 0; i < r.size() && i < n; ++i)
                extents[i].merge(writers::estimateExtent(doc::plainText(r[i]), size, bold));
        };
        for (const auto& r : t.header) measure(r, 9.5, true);
        for (const auto& r : t.rows) measure(r, 9, false);
        const double pt = 72 / 2.54;  // a centimetre
        std::vector<double> weights = writers::columnWidths(
            std::move(extents), t.weights, styles_.textWidthCm * pt - 0.2 * pt * static_cast<double>(n), 18);
        for (double& x : weights) x += 0.2 * pt;  // the column holds its cells' padding too
        return weights;
    }

    void emit(const doc::Table& t) {
        XmlWriter& w = out();
        std::size_t n = 0;
        for (const auto& r : t.header) n = std::max(n, r.size());
        for (const auto& r : t.rows) n = std::max(n, r.size());
        if (!t.caption.empty()) writeParagraph(w, "text:p", take(styles::kTableCaption).c_str(), t.caption);
        if (n == 0) return;

        // Measured once, in the dry run.
        const std::size_t index = dataTables_++;
        if (w.discarding()) weights_.push_back(columnWeights(t, n));
        w.open("table:table");
        w.attr("table:name", nextTableName());
        w.attr("table:style-name", tableStyle("data", 100));
        const std::string headCell = cellStyle("head");
        const std::string bodyCell = cellStyle("body");
        columns(weights_[index], bodyCell);
        if (!w.discarding()) {
            static const doc::Cell empty;
            auto rowsOf = [&](const std::vector<doc::Row>& rows, const std::string& cellStyleName,
                              const char* paragraphStyle) {
                for (const auto& r : rows) {
                    w.open("table:table-row");
                    for (std::size_t i = 0; i < n; ++i) cell(cellStyleName, paragraphStyle, i < r.size() ? r[i] : empty);
                    w.close();
                }
            };
            if (!t.header.empty()) {
                w.open("table:table-header-rows");
                rowsOf(t.header, headCell, styles::kTableHeading);
                w.close();
            }
            rowsOf(t.rows, std::string(), styles::kTableContents);
        }
        w.close();
        if (t.rows.size() >= kLongTableRows) bodyMark_ = w.opened();
    }

    // --- title block and signatures -------------------------------------------------------
    void emit(const doc::TitleBlock& t) {
        XmlWriter& w = out();
        if (!t.organisation.empty())
            writeParagraph(w, "text:p", take(styles::kOrganisation).c_str(), xmlSafe(t.organisation));
        if (!t.title.empty()) writeParagraph(w, "text:p", take(styles::kTitle).c_str(), xmlSafe(t.title));
        if (!t.subtitle.empty()) writeParagraph(w, "text:p", take(styles::kSubtitle).c_str(), xmlSafe(t.subtitle));
        if (t.facts.empty()) return;
        w.open("table:table");
        w.attr("table:name", nextTableName());
        w.attr("table:style-name", tableStyle("facts", 100));
        columns({32, 68}, cellStyle("fact"));
        for (const auto& [label, value] : t.facts) {
            w.open("table:table-row");
            cell(styles::kFactLabel, xmlSafe(label));
            cell(styles::kFactValue, xmlSafe(value));
            w.close();
        }
        w.close();
    }

    void emit(const doc::SignatureBlock& s) {
        XmlWriter& w = out();
        if (!s.intro.empty()) writeParagraph(w, "text:p", take(styles::kSignaturePlace).c_str(), s.intro);
        if (s.signatories.empty()) return;
        const std::size_t perRow = s.signatories.size() == 1 ? 1 : 2;
        w.open("table:table");
        w.attr("table:name", nextTableName());
        w.attr("table:style-name", tableStyle("sign", perRow == 1 ? 50 : 100));
        columns(std::vector<double>(perRow, 1.0), cellStyle("sign"));
        for (std::size_t i = 0; i < s.signatories.size(); ++i) {
            if (i % perRow == 0) {
                if (i > 0) w.close();
                w.open("table:table-row");
            }
            w.open("table:table-cell");
            writeParagraph(w, "text:p", styles::kSignatureLine, xmlSafe(s.signatories[i].name));
            writeParagraph(w, "text:p", styles::kSignatureTitle, xmlSafe(s.signatories[i].title));
            w.close();
        }
        if (s.signatories.size() % perRow != 0) cell(styles::kSignatureTitle, std::string_view());
        w.close();  // the last row
        w.close();
    }

    const doc::Document& doc_;
    const StylesPart& styles_;
    bool sv_ = true;
    XmlWriter* w_ = nullptr;
    std::string autosText_;  // the automatic styles, serialised
    StringSink autosSink_;
    XmlWriter autos_;
    std::map<std::string, std::string> autoNames_;
    std::map<std::string, int> autoCounters_;
    bool pendingBreak_ = false;
    std::string pendingMaster_;
    std::vector<TocEntry> toc_;
    std::vector<std::string> headingBookmarks_;
    std::vector<std::vector<double>> weights_;  // of each data table, from the dry run
    std::size_t headingIndex_ = 0;
    std::size_t dataTables_ = 0;
    std::size_t bodyMark_ = 0;  // elements opened when the body last stood empty
    int tableCount_ = 0;
    int tocCount_ = 0;
};

}  // namespace

void writeContent(const doc::Document& document, const StylesPart& styles, ByteSink& sink) {
    ContentBuilder(document, styles).write(sink);
}

}  // namespace overens::odf
