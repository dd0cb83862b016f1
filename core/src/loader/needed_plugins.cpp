#include "loader/needed_plugins.hpp"

#include <cstring>
#include <fstream>

namespace overens {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool endsName(char c) { return isSpace(c) || c == '/' || c == '>' || c == '='; }

}  // namespace

std::string peekKind(const std::string& file) {
    char buffer[4096];
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    in.read(buffer, sizeof buffer);
    const std::string head(buffer, static_cast<std::size_t>(in.gcount()));
    std::size_t i = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    // Whitespace, the XML declaration, processing instructions and comments before the root.
    for (;;) {
        while (i < head.size() && isSpace(head[i])) ++i;
        if (head.compare(i, 2, "<?") == 0) {
            i = head.find("?>", i);
            if (i == std::string::npos) return {};
            i += 2;
        } else if (head.compare(i, 4, "<!--") == 0) {
            i = head.find("-->", i + 4);
            if (i == std::string::npos) return {};
            i += 3;
        } else {
            break;
        }
    }
    if (i >= head.size() || head[i] != '<' || head.compare(i, 2, "<!") == 0) return {};
    std::size_t end = ++i;
    while (end < head.size() && !endsName(head[end])) ++end;
    const std::string root = head.substr(i, end - i);
    if (root.empty() || root.find(':') != std::string::npos) return {};
    // The attributes up to the end of the start tag: name="value" or name='value'.
    std::string kind = root;
    i = end;
    for (;;) {
        while (i < head.size() && isSpace(head[i])) ++i;
        if (i >= head.size()) return {};
        if (head[i] == '>' || head[i] == '/') return kind;
        end = i;
        while (end < head.size() && !endsName(head[end])) ++end;
        const std::string name = head.substr(i, end - i);
        i = end;
        while (i < head.size() && isSpace(head[i])) ++i;
        if (name.empty() || i >= head.size() || head[i] != '=') return {};
        ++i;
        while (i < head.size() && isSpace(head[i])) ++i;
        if (i >= head.size() || (head[i] != '"' && head[i] != '\'')) return {};
        const std::size_t close = head.find(head[i], i + 1);
        if (close == std::string::npos) return {};
        const std::string value = head.substr(i + 1, close - i - 1);
        // A reference in the value would need the XML parser to read.
        if (value.find('&') != std::string::npos || value.find('<') != std::string::npos) return {};
        if (name == "kind") kind = value;
        i = close + 1;
    }
}

std::optional<std::set<std::string>> neededPlugins(const std::vector<std::string>& sources,
                                                   const std::map<std::string, DocumentKind>& kinds) {
    std::set<std::string> ids;
    std::set<std::string> seen;
    for (const auto& file : sources) {
        const std::string kind = peekKind(file);
        auto k = kinds.find(kind);
        if (k == kinds.end()) return std::nullopt;
        // A batch of many documents has few kinds: each kind's sections once.
        if (!seen.insert(kind).second) continue;
        for (const auto& s : k->second.sections) ids.insert(s.id);
        if (seen.size() == kinds.size()) break;  // every kind's plugins are needed already
    }
    return ids;
}

}  // namespace overens
