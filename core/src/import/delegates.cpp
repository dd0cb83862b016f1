#include "import/delegates.hpp"

#include <Poco/UTF8String.h>

#include <map>
#include <set>

#include "util/text.hpp"

namespace overens::import {

namespace {

Location at(const std::string& file, const std::string& place) { return Location{file + ":" + place}; }

// Removes the first occurrence of `word` (matched without case) from text; true if found.
bool removeWord(std::string& text, const std::string& word) {
    const std::string lower = Poco::UTF8::toLower(text);
    if (lower.size() != text.size()) return false;
    const auto at = lower.find(Poco::UTF8::toLower(word));
    if (at == std::string::npos) return false;
    text.erase(at, word.size());
    return true;
}

std::vector<std::string> splitBy(const std::string& text, const std::vector<std::string>& separators) {
    std::vector<std::string> parts{text};
    for (const auto& sep : separators) {
        if (sep.empty()) continue;
        std::vector<std::string> next;
        for (const auto& p : parts) {
            std::size_t from = 0;
            for (std::size_t at = p.find(sep); at != std::string::npos; at = p.find(sep, from)) {
                next.push_back(p.substr(from, at - from));
                from = at + sep.size();
            }
            next.push_back(p.substr(from));
        }
        parts.swap(next);
    }
    std::vector<std::string> out;
    for (auto& p : parts) {
        std::string t = collapseWhitespace(p);
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

class RoleMaker {
public:
    RoleMaker(ImportedOrder& order, const Vocabulary& words, const std::string& file, Diagnostics& diags)
        : order_(order), words_(words), file_(file), diags_(diags) {}

    void run() {
        for (auto& area : order_.areas)
            for (auto& row : area.rows) {
                for (const char* field : {"delegate", "substitute", "sub-delegate"}) {
                    auto it = row.fields.find(field);
                    if (it == row.fields.end() || it->second.empty()) continue;
                    const std::string place = row.placeOf.count(field) ? row.placeOf[field] : row.place;
                    it->second = references(it->second, place, row, field == std::string("delegate"));
                }
            }
        order_.stats.roles = order_.roles.size();
    }

private:
    std::string references(std::string text, const std::string& place, ImportedRow& row, bool isDelegate) {
        // "Hälso- och sjukvårdsdirektör": a word joined to the next by a hyphen is one title.
        protectCompounds(text);
        for (const auto& phrase : words_.subDelegationPhrases) {
            if (!removeWord(text, phrase)) continue;
            if (isDelegate && row.fields["sub-delegation"].empty()) {
                row.fields["sub-delegation"] = "ja";
                diags_.warning("import.sub-delegation", at(file_, place),
                               "'" + phrase + "' läses som att vidaredelegering är tillåten (sub-delegation=\"ja\")",
                               "'" + phrase + "' is read as sub-delegation allowed (sub-delegation=\"ja\")");
            }
        }
        bool joint = false;
        for (const auto& marker : words_.jointMarkers) joint = removeWord(text, marker) || joint;
        std::vector<std::string> parts;
        if (!joint)
            for (const auto& sep : words_.jointSeparators)
                if (sep != " och " && text.find(sep) != std::string::npos) joint = true;
        if (!joint && text.find(" och ") != std::string::npos) {
            joint = true;
            diags_.warning("import.joint-guess", at(file_, place),
                           "'" + collapseWhitespace(text) + "' läses som delegater som beslutar tillsammans; skriv "
                           "\",\" mellan dem om var och en får besluta ensam",
                           "'" + collapseWhitespace(text) + "' is read as delegates who decide together; write \",\" "
                           "between them if each may decide alone");
        }
        parts = splitBy(text, joint ? words_.jointSeparators : words_.separators);
        std::string out;
        for (auto part : parts) {
            restoreCompounds(part);
            out += (out.empty() ? "" : joint ? " + " : ", ") + role(part, place);
        }
        return out;
    }

    static void protectCompounds(std::string& text) {
        for (std::size_t at = text.find("- "); at != std::string::npos; at = text.find("- ", at)) text[at + 1] = '\x1F';
    }
    static void restoreCompounds(std::string& text) {
        for (char& c : text)
            if (c == '\x1F') c = ' ';
    }

    std::string role(const std::string& written, const std::string& place) {
        std::string title = written, abbreviation, kind, why;
        if (auto a = words_.abbreviations.find(normalise(written)); a != words_.abbreviations.end()) {
            title = a->second.title;
            abbreviation = written;
            kind = a->second.kind;
            why = written;
        }
        const std::string key = normalise(title);
        if (auto it = byTitle_.find(key); it != byTitle_.end()) return it->second;
        if (kind.empty()) {
            const std::string lower = Poco::UTF8::toLower(title);
            for (const auto& [code, words] : words_.kinds) {
                for (const auto& w : words)
                    if (lower.find(w) != std::string::npos) {
                        kind = code;
                        why = w;
                        break;
                    }
                if (!kind.empty()) break;
            }
        }
        std::string id = roleId(abbreviation.empty() ? title : abbreviation);
        if (id.empty()) id = "roll";
        for (int n = 2; ids_.count(id); ++n) id = roleId(abbreviation.empty() ? title : abbreviation) + "-" + std::to_string(n);
        ids_.insert(id);
        if (kind.empty()) {
            kind = words_.fallbackKind;
            diags_.warning("import.role-kind", at(file_, place),
                           "rollen '" + id + "' (" + title + ") fick slaget '" + kind +
                               "' eftersom inget ord i templates/import/roles.xml passade; kontrollera <role id=\"" + id + "\">",
                           "the role '" + id + "' (" + title + ") got the kind '" + kind +
                               "' because no word in templates/import/roles.xml fitted; check <role id=\"" + id + "\">");
        } else {
            diags_.warning("import.role-kind", at(file_, place),
                           "rollen '" + id + "' (" + title + ") fick slaget '" + kind + "' gissat av '" + why +
                               "'; kontrollera <role id=\"" + id + "\">",
                           "the role '" + id + "' (" + title + ") got the kind '" + kind + "' guessed from '" + why +
                               "'; check <role id=\"" + id + "\">");
        }
        ++order_.stats.guesses;
        order_.roles.push_back(ImportedRole{id, title, abbreviation, kind, place});
        byTitle_[key] = id;
        return id;
    }

    ImportedOrder& order_;
    const Vocabulary& words_;
    std::string file_;
    Diagnostics& diags_;
    std::map<std::string, std::string> byTitle_;
    std::set<std::string> ids_;
};

}  // namespace

std::string roleId(const std::string& text) {
    static const std::map<std::string, char> folded{{"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"é", 'e'}, {"ü", 'u'}};
    const std::string lower = Poco::UTF8::toLower(text);
    std::string id;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        char out = 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out = static_cast<char>(c);
        } else if (c >= 0x80) {
            std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
            auto f = folded.find(lower.substr(i, n));
            out = f != folded.end() ? f->second : '-';
            i += n - 1;
        } else {
            out = '-';
        }
        if (out == '-' && (id.empty() || id.back() == '-')) continue;
        id += out;
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.size() > 32) id.resize(32);
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

void makeRoles(ImportedOrder& order, const Vocabulary& words, const std::string& file, Diagnostics& diags) {
    RoleMaker(order, words, file, diags).run();
}

}  // namespace overens::import
