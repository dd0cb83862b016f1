// Markdown (pandoc's dialect) of the document tree: for reading a document in plain text, for
// diffs between versions, and as the same text handed to pandoc in the benchmarks.
#include <algorithm>
#include <string>
#include <variant>

#include "writers/writer.hpp"

namespace overens {
namespace {

std::string escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '*' || c == '_' || c == '`' || c == '\\' || c == '|' || c == '[' || c == ']' || c == '<') out += '\\';
        out += c;
    }
    return out;
}

std::string inlineText(const doc::Runs& runs) {
    std::string out;
    for (const auto& r : runs) {
        if (r.text.empty()) continue;
        if (!r.strong && !r.emphasis) {
            out += escape(r.text);
            continue;
        }
        // CommonMark closes "**" only when no space precedes it ("**Label: **text" stays
        // literal): the spaces around a styled run go outside its delimiters.
        const std::size_t first = r.text.find_first_not_of(" \t\n");
        if (first == std::string::npos) {
            out += r.text;
            continue;
        }
        const std::size_t last = r.text.find_last_not_of(" \t\n");
        std::string t = escape(r.text.substr(first, last - first + 1));
        if (r.strong) t = "**" + t + "**";
        if (r.emphasis) t = "*" + t + "*";
        out += r.text.substr(0, first) + t + r.text.substr(last + 1);
    }
    return out;
}

void writeList(std::ostream& out, const doc::List& list, int depth) {
    int n = 0;
    for (const auto& item : list.items) {
        out << std::string(static_cast<std::size_t>(depth) * 4, ' ');
        if (list.ordered)
            out << ++n << ". ";
        else
            out << "- ";
        out << inlineText(item.runs) << '\n';
        for (const auto& child : item.children) writeList(out, child, depth + 1);
    }
}

void writeRow(std::ostream& out, const doc::Row& row, std::size_t columns) {
    out << '|';
    for (std::size_t i = 0; i < columns; ++i) out << ' ' << (i < row.size() ? inlineText(row[i]) : "") << " |";
    out << '\n';
}

class MarkdownWriter : public Writer {
public:
    std::string format() const override { return "md"; }
    bool byDefault() const override { return false; }

    void write(const doc::Document& d, std::ostream& out, const WriteOptions&, Diagnostics&) const override {
        for (const auto& block : d.blocks) {
            std::visit([&](const auto& b) { emit(out, b); }, block);
        }
    }

private:
    static void emit(std::ostream& out, const doc::TitleBlock& t) {
        out << "% " << escape(t.title) << "\n% " << escape(t.organisation) << "\n\n";
        if (!t.subtitle.empty()) out << "*" << escape(t.subtitle) << "*\n\n";
        for (const auto& [label, value] : t.facts) out << "**" << escape(label) << ":** " << escape(value) << "  \n";
        out << '\n';
    }
    static void emit(std::ostream& out, const doc::Heading& h) {
        out << std::string(static_cast<std::size_t>(std::max(1, h.level)), '#') << ' ' << inlineText(h.runs);
        if (!h.numbered) out << " {.unnumbered}";
        out << "\n\n";
    }
    static void emit(std::ostream& out, const doc::Paragraph& p) {
        if (p.style == doc::ParagraphStyle::Quote) out << "> ";
        out << inlineText(p.runs) << "\n\n";
    }
    static void emit(std::ostream& out, const doc::List& l) {
        writeList(out, l, 0);
        out << '\n';
    }
    static void emit(std::ostream& out, const doc::Table& t) {
        std::size_t columns = 0;
        for (const auto& r : t.header) columns = std::max(columns, r.size());
        for (const auto& r : t.rows) columns = std::max(columns, r.size());
        if (columns == 0) return;
        writeRow(out, t.header.empty() ? doc::Row(columns) : t.header.front(), columns);
        out << '|';
        for (std::size_t i = 0; i < columns; ++i) out << "---|";
        out << '\n';
        for (std::size_t i = 1; i < t.header.size(); ++i) writeRow(out, t.header[i], columns);
        for (const auto& r : t.rows) writeRow(out, r, columns);
        if (!t.caption.empty()) out << "\n: " << inlineText(t.caption) << '\n';
        out << '\n';
    }
    static void emit(std::ostream& out, const doc::SignatureBlock& s) {
        if (!s.intro.empty()) out << inlineText(s.intro) << "\n\n";
        for (const auto& who : s.signatories)
            out << "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n"
                << escape(who.name) << "  \n" << escape(who.title) << "\n\n";
    }
    static void emit(std::ostream& out, const doc::Note& n) {
        out << "> " << (n.kind == doc::NoteKind::Important ? "**!** " : "") << inlineText(n.runs) << "\n\n";
    }
    static void emit(std::ostream& out, const doc::PageBreak&) { out << "\\newpage\n\n"; }
    static void emit(std::ostream&, const doc::TableOfContents&) {}
};

}  // namespace

void registerMarkdownWriter(WriterRegistry& registry) { registry.add(std::make_unique<MarkdownWriter>()); }

}  // namespace overens
