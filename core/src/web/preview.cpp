#include "web/preview.hpp"

#include <type_traits>

#include "web/html.hpp"

namespace overens::web {

namespace {

std::string runs(const doc::Runs& rs) {
    std::string out;
    for (const auto& r : rs) {
        std::string t = esc(r.text);
        // Line breaks inside a run are kept.
        for (std::size_t p = t.find('\n'); p != std::string::npos; p = t.find('\n', p + 5)) t.replace(p, 1, "<br>");
        if (r.emphasis) t = "<em>" + t + "</em>";
        if (r.strong) t = "<strong>" + t + "</strong>";
        if (r.field) t = "<span class=\"doc-value\">" + t + "</span>";
        out += t;
    }
    return out;
}

std::string list(const doc::List& l) {
    std::string out = l.ordered ? "<ol>" : "<ul>";
    for (const auto& item : l.items) {
        out += "<li>" + runs(item.runs);
        for (const auto& child : item.children) out += list(child);
        out += "</li>";
    }
    return out + (l.ordered ? "</ol>" : "</ul>");
}

std::string table(const doc::Table& t) {
    // Focusable: a wide table scrolls sideways, and the keyboard must be able to scroll it.
    std::string out = "<div class=\"doc-table-wrap\" tabindex=\"0\"><table class=\"doc-table\">";
    if (!t.caption.empty()) out += "<caption>" + runs(t.caption) + "</caption>";
    if (!t.header.empty()) {
        out += "<thead>";
        for (const auto& row : t.header) {
            out += "<tr>";
            for (const auto& cell : row) out += "<th scope=\"col\">" + runs(cell) + "</th>";
            out += "</tr>";
        }
        out += "</thead>";
    }
    out += "<tbody>";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (const auto& cell : row) out += "<td>" + runs(cell) + "</td>";
        out += "</tr>";
    }
    return out + "</tbody></table></div>";
}

struct BlockHtml {
    std::string operator()(const doc::Heading& h) const {
        const std::string level = std::to_string(std::min(6, h.level + 1));  // the page's h1 is the document title
        return "<h" + level + " class=\"doc-heading\">" + runs(h.runs) + "</h" + level + ">";
    }
    std::string operator()(const doc::Paragraph& p) const {
        const char* style = p.style == doc::ParagraphStyle::Lead    ? "doc-lead"
                            : p.style == doc::ParagraphStyle::Small ? "doc-small"
                            : p.style == doc::ParagraphStyle::Quote ? "doc-quote"
                                                                    : "doc-body";
        return std::string("<p class=\"") + style + "\">" + runs(p.runs) + "</p>";
    }
    std::string operator()(const doc::List& l) const { return list(l); }
    std::string operator()(const doc::Table& t) const { return table(t); }
    std::string operator()(const doc::SignatureBlock& s) const {
        std::string out = "<div class=\"doc-signatures\"><p>" + runs(s.intro) + "</p><ul class=\"doc-signatories\">";
        for (const auto& p : s.signatories)
            out += "<li><span class=\"doc-signature-line\"></span>" + esc(p.name) + "<br>" + esc(p.title) + "</li>";
        return out + "</ul></div>";
    }
    std::string operator()(const doc::Note& n) const {
        return std::string("<div class=\"doc-note") + (n.kind == doc::NoteKind::Important ? " doc-note--important" : "") +
               "\"><p>" + runs(n.runs) + "</p></div>";
    }
    std::string operator()(const doc::PageBreak&) const { return "<hr class=\"doc-page-break\">"; }
    std::string operator()(const doc::TableOfContents&) const { return {}; }  // the browser's page needs none
    std::string operator()(const doc::TitleBlock& t) const {
        std::string out = "<div class=\"doc-title-block\"><p class=\"doc-organisation\">" + esc(t.organisation) +
                          "</p><h1 class=\"doc-title\">" + esc(t.title) + "</h1>";
        if (!t.subtitle.empty()) out += "<p class=\"doc-subtitle\">" + esc(t.subtitle) + "</p>";
        if (!t.facts.empty()) {
            out += "<dl class=\"doc-facts\">";
            for (const auto& [label, value] : t.facts) out += "<dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd>";
            out += "</dl>";
        }
        return out + "</div>";
    }
};

}  // namespace

std::string previewHtml(const doc::Document& document) {
    std::string out = "<article class=\"doc\" lang=\"" + esc(document.meta.lang) + "\">";
    bool titled = false;
    for (const auto& b : document.blocks) {
        titled = titled || std::holds_alternative<doc::TitleBlock>(b);
        out += std::visit(BlockHtml{}, b);
    }
    if (!titled) out.insert(out.find('>') + 1, "<h1 class=\"doc-title\">" + esc(document.meta.title) + "</h1>");
    return out + "</article>";
}

}  // namespace overens::web
