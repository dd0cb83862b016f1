// Small helpers for turning wording and answers into document runs and paragraphs.
// The template's words become plain runs; the user's answers become value runs, so that
// writers can show what was filled in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "overens/sdk.hpp"

namespace overens::goals::text {

// The paragraphs of a multiline text (separated by blank lines), empty ones left out.
inline std::vector<std::string> paragraphsOf(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        std::string p = text.substr(start, end - start);
        while (!p.empty() && (p.back() == '\n' || p.back() == ' ')) p.pop_back();
        while (!p.empty() && (p.front() == '\n' || p.front() == ' ')) p.erase(p.begin());
        if (!p.empty()) out.push_back(p);
        start = end + 2;
    }
    return out;
}

// One paragraph of template text with {placeholders} filled in: the values as value runs.
// An unknown placeholder is left as written, so that a gap shows.
inline doc::Runs fill(const std::string& paragraph, const std::map<std::string, std::string>& values) {
    doc::Runs runs;
    std::string plain;
    auto flush = [&] {
        if (!plain.empty()) runs.push_back(doc::plain(plain));
        plain.clear();
    };
    std::size_t i = 0;
    while (i < paragraph.size()) {
        if (paragraph[i] == '{') {
            const std::size_t close = paragraph.find('}', i + 1);
            if (close != std::string::npos) {
                auto it = values.find(paragraph.substr(i + 1, close - i - 1));
                if (it != values.end()) {
                    flush();
                    if (!it->second.empty()) runs.push_back(doc::value(it->second));
                    i = close + 1;
                    continue;
                }
            }
        }
        plain += paragraph[i++];
    }
    flush();
    return runs;
}

// The wording for key, one Runs per paragraph.
inline std::vector<doc::Runs> format(const Wording& w, const std::string& key,
                                     const std::map<std::string, std::string>& values = {}) {
    std::vector<doc::Runs> out;
    for (const auto& p : paragraphsOf(w.get(key))) out.push_back(fill(p, values));
    return out;
}

// The wording for key as one run of runs (paragraphs joined by a space): for cells and items.
inline doc::Runs formatInline(const Wording& w, const std::string& key,
                              const std::map<std::string, std::string>& values = {}) {
    doc::Runs out;
    for (auto& r : format(w, key, values)) {
        if (!out.empty()) out.push_back(doc::plain(" "));
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

// Append the wording for key as paragraphs.
inline void addWording(doc::Blocks& out, const Wording& w, const std::string& key,
                       const std::map<std::string, std::string>& values = {},
                       doc::ParagraphStyle style = doc::ParagraphStyle::Body) {
    for (auto& r : format(w, key, values)) out.push_back(doc::Paragraph{std::move(r), style});
}

// Append the user's multiline answer as paragraphs of value runs.
inline void addAnswer(doc::Blocks& out, const std::string& answer) {
    for (const auto& p : paragraphsOf(answer)) out.push_back(doc::Paragraph{{doc::value(p)}});
}

// Append the user's answer with a strong label before its first paragraph.
inline void addLabelled(doc::Blocks& out, const std::string& label, const std::string& answer) {
    bool first = true;
    for (const auto& p : paragraphsOf(answer)) {
        doc::Paragraph para;
        if (first) {
            para.runs.push_back(doc::strong(label));
            para.runs.push_back(doc::plain(" "));
        }
        para.runs.push_back(doc::value(p));
        out.push_back(std::move(para));
        first = false;
    }
}

// A user's answer as a single cell or list item (paragraphs joined by a space).
inline doc::Runs answerInline(const std::string& answer) {
    std::string joined;
    for (const auto& p : paragraphsOf(answer)) joined += (joined.empty() ? "" : " ") + p;
    return joined.empty() ? doc::Runs{} : doc::Runs{doc::value(joined)};
}

// Trimmed, lower-cased (ASCII and the Swedish letters) text for comparing names.
inline std::string foldKey(const std::string& s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < s.size()) {
            // Å Ä Ö É (C3 85, C3 84, C3 96, C3 89) -> å ä ö é
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d == 0x85 || d == 0x84 || d == 0x96 || d == 0x89) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace overens::goals::text
