#include "writers/odf/odf_content.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

#include "writers/odf/odf_style_names.hpp"
#include "writers/odf/odf_text.hpp"
#include "writers/odf/odf_xml.hpp"
#include "writers/table_widths.hpp"

namespace overens::odf {

namespace {

constexpr int kTocLevels = 2;  // as the PDF writer's <toc levels> (templates/pdf/style.xml)

// A heading as the table of contents lists it.
struct TocEntry {
    int level = 1;
    std::string label;  // "1.2" or empty
    std::string text;
    std::string bookmark;
};

class ContentBuilder {
public:
    ContentBuilder(const doc::Document& d, const StylesPart& styles) : doc_(d), styles_(styles) {
        sv_ = d.meta.lang != "en";
        auto root = xml_.append_child("office:document-content");
        declareNamespaces(root, {"office", "style", "text", "table", "draw", "fo", "xlink", "dc", "meta", "number",
                                 "svg"});
        root.append_attribute("office:version") = "1.3";
        autos_ = root.append_child("office:automatic-styles");
        body_ = root.append_child("office:body").append_child("office:text");
        pendingMaster_ = styles.masterPage;
    }

    std::string build() {
        collectHeadings();
        for (const auto& block : doc_.blocks) std::visit([&](const auto& b) { emit(b); }, block);
        if (!body_.first_child()) appendParagraph(body_, "text:p", take(styles::kBody).c_str(), std::string_view());
        if (!autos_.first_child()) autos_.parent().remove_child(autos_);
        // The body was written out block by block; put it back between the skeleton's tags.
        flushBody();
        body_.append_child(kSplit);
        std::string skeleton = serialize(xml_);
        const std::size_t at = skeleton.rfind(std::string("<") + kSplit);
        const std::size_t after = skeleton.find('>', at) + 1;
        // In place: a second copy of the body would double the peak.
        bodyText_.insert(0, skeleton, 0, at);
        bodyText_.append(skeleton, after, std::string::npos);
        return std::move(bodyText_);
    }

private:
    // --- streaming the body ---------------------------------------------------------------
    // A whole document's DOM costs several times its text, so finished body elements are
    // serialised (exactly as serialize() would write them) and dropped as we go.
    static constexpr const char* kSplit = "overens-split";
    static constexpr std::size_t kRowsPerFlush = 256;

    void printChildren(pugi::xml_node parent) {
        StringAppender w(bodyText_);
        while (auto c = parent.first_child()) {
            c.print(w, "", pugi::format_raw, pugi::encoding_utf8);
            parent.remove_child(c);
        }
    }
    void flushBody() { printChildren(body_); }

    // Open and close tags of e as it would be serialised with children.
    static std::pair<std::string, std::string> tagsOf(pugi::xml_node e) {
        pugi::xml_document tmp;
        auto copy = tmp.append_child(e.name());
        for (auto a : e.attributes()) copy.append_attribute(a.name()) = a.value();
        copy.append_child(kSplit);
        std::string s;
        StringAppender w(s);
        copy.print(w, "", pugi::format_raw, pugi::encoding_utf8);
        const std::size_t at = s.rfind(std::string("<") + kSplit);
        const std::size_t after = s.find('>', at) + 1;
        return {s.substr(0, at), s.substr(after)};
    }

    struct StringAppender : pugi::xml_writer {
        explicit StringAppender(std::string& s) : out(s) {}
        void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
        std::string& out;
    };

    // --- automatic styles -------------------------------------------------------------
    // One automatic style per distinct look, named in order of first use (P1, P2, ...).
    template <typename Make>
    std::string autoStyle(const std::string& key, const char* prefix, Make make) {
        auto it = autoNames_.find(key);
        if (it != autoNames_.end()) return it->second;
        std::string name = prefix + std::to_string(++autoCounters_[prefix]);
        auto s = autos_.append_child("style:style");
        s.append_attribute("style:name") = name.c_str();
        make(s);
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
        return autoStyle(std::string("P|") + named + "|" + (brk ? "b" : "") + "|" + master, "P", [&](pugi::xml_node s) {
            s.append_attribute("style:family") = "paragraph";
            s.append_attribute("style:parent-style-name") = named;
            if (!master.empty()) s.append_attribute("style:master-page-name") = master.c_str();
            if (brk) s.append_child("style:paragraph-properties").append_attribute("fo:break-before") = "page";
        });
    }

    std::string tableStyle(const char* kind, int relWidth) {
        const std::string master = pendingMaster_;
        const bool brk = pendingBreak_;
        pendingBreak_ = false;
        pendingMaster_.clear();
        const std::string key = std::string("T|") + kind + "|" + std::to_string(relWidth) + "|" + (brk ? "b" : "") + "|" + master;
        return autoStyle(key, "Table", [&](pugi::xml_node s) {
            s.append_attribute("style:family") = "table";
            if (!master.empty()) s.append_attribute("style:master-page-name") = master.c_str();
            auto tp = s.append_child("style:table-properties");
            std::ostringstream width;  // "16cm" for the house page
            width << relWidth * styles_.textWidthCm / 100 << "cm";
            tp.append_attribute("style:width") = width.str().c_str();
            tp.append_attribute("style:rel-width") = (std::to_string(relWidth) + "%").c_str();
            tp.append_attribute("table:align") = relWidth == 100 ? "margins" : "left";
            if (std::string(kind) == "sign") {
                tp.append_attribute("fo:margin-top") = "0.2cm";
                tp.append_attribute("style:may-break-between-rows") = "false";
            } else if (std::string(kind) == "facts") {
                tp.append_attribute("fo:margin-bottom") = "0.6cm";
            } else {
                tp.append_attribute("fo:margin-top") = "0.1cm";
                tp.append_attribute("fo:margin-bottom") = "0.35cm";
            }
            if (brk) tp.append_attribute("fo:break-before") = "page";
        });
    }

    std::string columnStyle(int rel) {
        return autoStyle("C|" + std::to_string(rel), "Column", [&](pugi::xml_node s) {
            s.append_attribute("style:family") = "table-column";
            s.append_child("style:table-column-properties").append_attribute("style:rel-column-width") =
                (std::to_string(rel) + "*").c_str();
        });
    }

    std::string cellStyle(const char* kind) {
        return autoStyle(std::string("Cell|") + kind, "Cell", [&](pugi::xml_node s) {
            s.append_attribute("style:family") = "table-cell";
            auto cp = s.append_child("style:table-cell-properties");
            const std::string k = kind;
            if (k == "head" || k == "body") {
                cp.append_attribute("fo:padding") = "0.1cm";
                cp.append_attribute("fo:border") = "0.5pt solid #8a9aa4";
                if (k == "head") cp.append_attribute("fo:background-color") = "#e4ebef";
            } else if (k == "fact") {
                cp.append_attribute("fo:padding") = "0.04cm";
                cp.append_attribute("fo:border") = "none";
            } else {  // signature
                cp.append_attribute("fo:padding-top") = "0cm";
                cp.append_attribute("fo:padding-bottom") = "0cm";
                cp.append_attribute("fo:padding-left") = "0cm";
                cp.append_attribute("fo:padding-right") = "0.6cm";
                cp.append_attribute("fo:border") = "none";
            }
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
        const int level = headingLevel(h);
        auto e = body_.append_child("text:h");
        e.append_attribute("text:style-name") = take(styles::kHeadings[level - 1]).c_str();
        e.append_attribute("text:outline-level") = level;
        if (!h.numbered) e.append_attribute("text:is-list-header") = "true";
        const std::string& bookmark = headingBookmarks_[headingIndex_++];
        if (!bookmark.empty())
            e.append_child("text:bookmark-start").append_attribute("text:name") = bookmark.c_str();
        TextAppender().runs(e, h.runs);
        if (!bookmark.empty()) e.append_child("text:bookmark-end").append_attribute("text:name") = bookmark.c_str();
    }

    void emit(const doc::TableOfContents& t) {
        const std::string title = !t.title.empty() ? t.title : (sv_ ? "Innehåll" : "Contents");
        const std::string name = (sv_ ? "Innehållsförteckning" : "Table of Contents") + std::to_string(++tocCount_);
        auto toc = body_.append_child("text:table-of-content");
        toc.append_attribute("text:protected") = "true";
        toc.append_attribute("text:name") = name.c_str();
        auto source = toc.append_child("text:table-of-content-source");
        source.append_attribute("text:outline-level") = kTocLevels;
        auto tt = source.append_child("text:index-title-template");
        tt.append_attribute("text:style-name") = styles::kContentsHeading;
        tt.text().set(xmlSafe(title).c_str());
        for (int level = 1; level <= kTocLevels; ++level) {
            auto et = source.append_child("text:table-of-content-entry-template");
            et.append_attribute("text:outline-level") = level;
            et.append_attribute("text:style-name") = styles::kContents[level - 1];
            et.append_child("text:index-entry-link-start").append_attribute("text:style-name") = styles::kIndexLink;
            et.append_child("text:index-entry-chapter");
            et.append_child("text:index-entry-text");
            auto tab = et.append_child("text:index-entry-tab-stop");
            tab.append_attribute("style:type") = "right";
            tab.append_attribute("style:leader-char") = ".";
            et.append_child("text:index-entry-page-number");
            et.append_child("text:index-entry-link-end");
        }
        // The body as LibreOffice would generate it; page numbers are page-reference fields
        // to bookmarks in the headings, so they are right before anyone updates the index.
        auto body = toc.append_child("text:index-body");
        auto it = body.append_child("text:index-title");
        it.append_attribute("text:name") = (name + "_Head").c_str();
        appendParagraph(it, "text:p", take(styles::kContentsHeading).c_str(), title);
        for (const auto& e : toc_) {
            auto p = body.append_child("text:p");
            p.append_attribute("text:style-name") = styles::kContents[e.level - 1];
            auto a = p.append_child("text:a");
            a.append_attribute("xlink:type") = "simple";
            a.append_attribute("xlink:href") = ("#" + e.bookmark).c_str();
            a.append_attribute("text:style-name") = styles::kIndexLink;
            a.append_attribute("text:visited-style-name") = styles::kIndexLink;
            TextAppender text;
            text.text(a, e.label.empty() ? xmlSafe(e.text) : e.label + " " + xmlSafe(e.text));
            a.append_child("text:tab");
            auto ref = a.append_child("text:bookmark-ref");
            ref.append_attribute("text:reference-format") = "page";
            ref.append_attribute("text:ref-name") = e.bookmark.c_str();
            ref.text().set("1");
        }
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
        appendParagraph(body_, "text:p", take(style).c_str(), p.runs);
    }

    void emit(const doc::Note& n) {
        appendParagraph(body_, "text:p",
                        take(n.kind == doc::NoteKind::Important ? styles::kNoteImportant : styles::kNote).c_str(),
                        n.runs);
    }

    void emit(const doc::PageBreak&) { pendingBreak_ = true; }

    void list(pugi::xml_node parent, const doc::List& l) {
        auto ln = parent.append_child("text:list");
        ln.append_attribute("text:style-name") = l.ordered ? styles::kNumberedList : styles::kBulletList;
        for (const auto& item : l.items) {
            auto li = ln.append_child("text:list-item");
            appendParagraph(li, "text:p", take(styles::kListParagraph).c_str(), item.runs);
            for (const auto& child : item.children) list(li, child);
        }
    }

    void emit(const doc::List& l) {
        if (l.items.empty()) return;
        list(body_, l);
    }

    // --- tables -----------------------------------------------------------------------------
    std::string nextTableName() { return (sv_ ? "Tabell" : "Table") + std::to_string(++tableCount_); }

    // Columns with their widths; cells without a style of their own take defaultCell.
    void columns(pugi::xml_node table, const std::vector<double>& weights, const std::string& defaultCell) {
        double sum = 0;
        for (double w : weights) sum += w;
        for (double w : weights) {
            const int rel = std::max(1, static_cast<int>(std::lround(w / sum * 10000.0)));
            auto c = table.append_child("table:table-column");
            c.append_attribute("table:style-name") = columnStyle(rel).c_str();
            c.append_attribute("table:default-cell-style-name") = defaultCell.c_str();
        }
    }

    // A cell; style empty = the column's default cell style (most cells of a long table).
    static pugi::xml_node cell(pugi::xml_node row, const std::string& style = {}) {
        auto c = row.append_child("table:table-cell");
        if (!style.empty()) c.append_attribute("table:style-name") = style.c_str();
        return c;
    }

    void emit(const doc::Table& t) {
        std::size_t n = 0;
        for (const auto& r : t.header) n = std::max(n, r.size());
        for (const auto& r : t.rows) n = std::max(n, r.size());
        if (!t.caption.empty()) appendParagraph(body_, "text:p", take(styles::kTableCaption).c_str(), t.caption);
        if (n == 0) return;

        // The PDF writer's widths (table_widths), from estimated text widths at the table
        // styles' sizes (Table Contents 9 pt, Table Heading 9.5 pt bold) in the house page's
        // text width (16 cm, or the reference's) less each cell's padding (0.1 cm a side).
        std::vector<writers::ColumnExtent> extents(n);
        auto measure = [&](const doc::Row& r, double size, bool bold) {
            for (std::size_t i = 0; i < r.size() && i < n; ++i)
                extents[i].merge(writers::estimateExtent(doc::plainText(r[i]), size, bold));
        };
        for (const auto& r : t.header) measure(r, 9.5, true);
        for (const auto& r : t.rows) measure(r, 9, false);
        const double pt = 72 / 2.54;  // a centimetre
        std::vector<double> weights =
            writers::columnWidths(std::move(extents), t.weights, styles_.textWidthCm * pt - 0.2 * pt * static_cast<double>(n), 18);
        for (double& w : weights) w += 0.2 * pt;  // the column holds its cells' padding too

        flushBody();
        auto table = body_.append_child("table:table");
        table.append_attribute("table:name") = nextTableName().c_str();
        table.append_attribute("table:style-name") = tableStyle("data", 100).c_str();
        std::string closeTag;  // set once the table is being written out in pieces
        const std::string headCell = cellStyle("head");
        const std::string bodyCell = cellStyle("body");
        columns(table, weights, bodyCell);
        auto rowsOf = [&](pugi::xml_node parent, const std::vector<doc::Row>& rows, const std::string& cellStyleName,
                          const char* paragraphStyle) {
            static const doc::Cell empty;
            std::size_t count = 0;
            for (const auto& r : rows) {
                auto row = parent.append_child("table:table-row");
                for (std::size_t i = 0; i < n; ++i)
                    appendParagraph(cell(row, cellStyleName), "text:p", paragraphStyle, i < r.size() ? r[i] : empty);
                if (parent == table && ++count % kRowsPerFlush == 0) {
                    if (closeTag.empty()) {
                        auto tags = tagsOf(table);
                        bodyText_ += tags.first;
                        closeTag = std::move(tags.second);
                    }
                    printChildren(table);
                }
            }
        };
        if (!t.header.empty())
            rowsOf(table.append_child("table:table-header-rows"), t.header, headCell, styles::kTableHeading);
        rowsOf(table, t.rows, std::string(), styles::kTableContents);
        if (!closeTag.empty()) {
            printChildren(table);
            bodyText_ += closeTag;
            body_.remove_child(table);
        }
    }

    // --- title block and signatures -------------------------------------------------------
    void emit(const doc::TitleBlock& t) {
        if (!t.organisation.empty())
            appendParagraph(body_, "text:p", take(styles::kOrganisation).c_str(), xmlSafe(t.organisation));
        if (!t.title.empty()) appendParagraph(body_, "text:p", take(styles::kTitle).c_str(), xmlSafe(t.title));
        if (!t.subtitle.empty())
            appendParagraph(body_, "text:p", take(styles::kSubtitle).c_str(), xmlSafe(t.subtitle));
        if (t.facts.empty()) return;
        auto table = body_.append_child("table:table");
        table.append_attribute("table:name") = nextTableName().c_str();
        table.append_attribute("table:style-name") = tableStyle("facts", 100).c_str();
        columns(table, {32, 68}, cellStyle("fact"));
        for (const auto& [label, value] : t.facts) {
            auto row = table.append_child("table:table-row");
            appendParagraph(cell(row), "text:p", styles::kFactLabel, xmlSafe(label));
            appendParagraph(cell(row), "text:p", styles::kFactValue, xmlSafe(value));
        }
    }

    void emit(const doc::SignatureBlock& s) {
        if (!s.intro.empty()) appendParagraph(body_, "text:p", take(styles::kSignaturePlace).c_str(), s.intro);
        if (s.signatories.empty()) return;
        const std::size_t perRow = s.signatories.size() == 1 ? 1 : 2;
        auto table = body_.append_child("table:table");
        table.append_attribute("table:name") = nextTableName().c_str();
        table.append_attribute("table:style-name") = tableStyle("sign", perRow == 1 ? 50 : 100).c_str();
        columns(table, std::vector<double>(perRow, 1.0), cellStyle("sign"));
        pugi::xml_node row;
        for (std::size_t i = 0; i < s.signatories.size(); ++i) {
            if (i % perRow == 0) row = table.append_child("table:table-row");
            auto c = cell(row);
            appendParagraph(c, "text:p", styles::kSignatureLine, xmlSafe(s.signatories[i].name));
            appendParagraph(c, "text:p", styles::kSignatureTitle, xmlSafe(s.signatories[i].title));
        }
        if (s.signatories.size() % perRow != 0)
            appendParagraph(cell(row), "text:p", styles::kSignatureTitle, std::string_view());
    }

    const doc::Document& doc_;
    const StylesPart& styles_;
    bool sv_ = true;
    pugi::xml_document xml_;
    pugi::xml_node autos_, body_;
    std::string bodyText_;  // the body's finished elements, serialised
    std::map<std::string, std::string> autoNames_;
    std::map<std::string, int> autoCounters_;
    bool pendingBreak_ = false;
    std::string pendingMaster_;
    std::vector<TocEntry> toc_;
    std::vector<std::string> headingBookmarks_;
    std::size_t headingIndex_ = 0;
    int tableCount_ = 0;
    int tocCount_ = 0;
};

}  // namespace

std::string buildContent(const doc::Document& document, const StylesPart& styles) {
    return ContentBuilder(document, styles).build();
}

}  // namespace overens::odf
