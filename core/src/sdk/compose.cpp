#include "overens/compose.hpp"

namespace overens::compose {

std::vector<std::string> paragraphsOf(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        const std::size_t b = text.find_first_not_of(" \n", start);
        if (b != std::string::npos && b < end) {
            const std::size_t e = text.find_last_not_of(" \n", end - 1);
            out.push_back(text.substr(b, e - b + 1));
        }
        start = end + 2;
    }
    return out;
}

doc::Runs fill(const std::string& paragraph, const std::map<std::string, std::string>& values) {
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

std::vector<doc::Runs> format(const Wording& w, const std::string& key, const std::map<std::string, std::string>& values) {
    std::vector<doc::Runs> out;
    for (const auto& p : paragraphsOf(w.get(key))) out.push_back(fill(p, values));
    return out;
}

doc::Runs formatInline(const Wording& w, const std::string& key, const std::map<std::string, std::string>& values) {
    doc::Runs out;
    for (auto& r : format(w, key, values)) {
        if (!out.empty()) out.push_back(doc::plain(" "));
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

void addWording(doc::Blocks& out, const Wording& w, const std::string& key,
                const std::map<std::string, std::string>& values, doc::ParagraphStyle style) {
    for (auto& r : format(w, key, values)) out.push_back(doc::Paragraph{std::move(r), style});
}

void addAnswer(doc::Blocks& out, const std::string& answer) { addAnswer(out, answer, Location{}); }

void addAnswer(doc::Blocks& out, const std::string& answer, const Location& where) {
    for (const auto& p : paragraphsOf(answer)) out.push_back(doc::Paragraph{{doc::value(p, where)}});
}

void addLabelled(doc::Blocks& out, const std::string& label, const std::string& answer) {
    addLabelled(out, label, answer, Location{});
}

void addLabelled(doc::Blocks& out, const std::string& label, const std::string& answer, const Location& where) {
    bool first = true;
    for (const auto& p : paragraphsOf(answer)) {
        doc::Paragraph para;
        if (first) para.runs.push_back(doc::strong(label + " "));
        para.runs.push_back(doc::value(p, where));
        out.push_back(std::move(para));
        first = false;
    }
}

doc::Runs answerInline(const std::string& answer) { return answerInline(answer, Location{}); }

doc::Runs answerInline(const std::string& answer, const Location& where) {
    std::string joined;
    for (const auto& p : paragraphsOf(answer)) joined += (joined.empty() ? "" : " ") + p;
    return joined.empty() ? doc::Runs{} : doc::Runs{doc::value(joined, where)};
}

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') {
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    } else if (s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3) {
        const unsigned char c = static_cast<unsigned char>(s[1]);
        if (c >= 0x80 && c <= 0x9E && c != 0x97) s[1] = static_cast<char>(c + 0x20);  // À..Þ -> à..þ
    }
    return s;
}

std::map<std::string, std::string> contextValues(const Context& ctx) {
    // Who adopted the document: a committee's own order names the committee in its registration.
    const std::string& adoptedBy = ctx.registration.body.empty() ? ctx.organisation.board : ctx.registration.body;
    std::map<std::string, std::string> v{{"organisation", ctx.organisation.name},
                                         {"board", ctx.organisation.board},
                                         {"board.lc", lowerFirst(ctx.organisation.board)},
                                         {"adopted-by", adoptedBy},
                                         {"adopted-by.lc", lowerFirst(adoptedBy)},
                                         {"dnr", ctx.registration.dnr},
                                         {"review", ctx.nextReview ? longDate(*ctx.nextReview, ctx.lang) : ""}};
    for (const auto& p : ctx.parties) {
        v["party." + p.role + ".name"] = p.name;
        v["party." + p.role + ".title"] = p.title;
        v["party." + p.role + ".title.lc"] = lowerFirst(p.title);
    }
    for (const char* role : {"chair", "director"}) {
        const Party* p = ctx.party(role);
        v[role] = p ? p->name : "";
        v[std::string(role) + "-title"] = p ? p->title : "";
    }
    return v;
}

std::string foldKey(const std::string& s) {
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

}  // namespace overens::compose
