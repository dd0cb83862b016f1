#include "remind/source_files.hpp"

#include <cstring>
#include <fstream>

namespace overens::remind {

bool hasXmlExtension(const char* name) {
    const std::size_t n = std::strlen(name);
    return n > 4 && name[n - 4] == '.' && (name[n - 3] | 0x20) == 'x' && (name[n - 2] | 0x20) == 'm' &&
           (name[n - 1] | 0x20) == 'l';
}

std::string joinPath(const std::string& dir, const char* name) {
    if (dir.empty()) return name;  // a store organisation "" (its documents named NAME)
    return dir == "/" ? "/" + std::string(name) : dir + "/" + name;
}

namespace {

// Past the BOM, blanks, the XML declaration, processing instructions and comments: where the
// root element starts, or npos when the start cannot be told (then the file counts as a source).
std::size_t rootStart(const std::string& s) {
    std::size_t i = s.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (;;) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
        if (i >= s.size() || s[i] != '<') return std::string::npos;
        if (s.compare(i, 2, "<?") == 0) {
            const auto e = s.find("?>", i);
            if (e == std::string::npos) return std::string::npos;
            i = e + 2;
        } else if (s.compare(i, 4, "<!--") == 0) {
            const auto e = s.find("-->", i);
            if (e == std::string::npos) return std::string::npos;
            i = e + 3;
        } else if (s.compare(i, 2, "<!") == 0) {
            return std::string::npos;  // DOCTYPE: the reader refuses it with a diagnostic
        } else {
            return i;
        }
    }
}

}  // namespace

bool looksLikeSource(const std::string& path, const std::map<std::string, DocumentKind>& kinds) {
    std::ifstream in(path, std::ios::binary);
    char buf[4096];
    in.read(buf, sizeof buf);
    const std::string s(buf, static_cast<std::size_t>(in.gcount()));
    const std::size_t i = rootStart(s);
    if (i == std::string::npos) return true;
    std::size_t j = i + 1;
    while (j < s.size() && s[j] != ' ' && s[j] != '>' && s[j] != '/' && s[j] != '\t' && s[j] != '\r' && s[j] != '\n') ++j;
    const std::string name = s.substr(i + 1, j - i - 1);
    if (name == "document" || kinds.count(name)) return true;
    const auto end = s.find('>', j);
    const std::string tag = s.substr(j, end == std::string::npos ? std::string::npos : end - j);
    return tag.find(" kind=") != std::string::npos || tag.find("\tkind=") != std::string::npos ||
           tag.find("\nkind=") != std::string::npos;
}

}  // namespace overens::remind
