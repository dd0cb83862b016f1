#include "import/map_file.hpp"

#include <algorithm>
#include <fstream>

#include "import/vocabulary.hpp"
#include "util/text.hpp"

namespace overens::import {

namespace {

// "C" -> 2, "AA" -> 26; npos when the key is not column letters.
std::size_t columnIndex(const std::string& key) {
    if (key.empty() || key.size() > 3) return std::string::npos;
    std::size_t n = 0;
    for (char c : key) {
        if (c < 'A' || c > 'Z') return std::string::npos;
        n = n * 26 + static_cast<std::size_t>(c - 'A' + 1);
    }
    return n - 1;
}

}  // namespace

ColumnMap readColumnMap(const std::filesystem::path& file, const std::string& displayName,
                        const std::vector<std::string>& known, Diagnostics& diags) {
    ColumnMap map;
    std::ifstream in(file);
    if (!in) {
        diags.error("import.map-unreadable", Location{displayName}, "kartfilen kan inte läsas", "the map file cannot be read");
        return map;
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const Location where{displayName, number, 1};
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (collapseWhitespace(line).empty()) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            diags.error("import.map-syntax", where, "raden ska ha formen KOLUMN = FÄLT, t.ex. C = delegate",
                        "the line should read COLUMN = FIELD, e.g. C = delegate");
            continue;
        }
        const std::string key = collapseWhitespace(line.substr(0, eq));
        const std::string field = collapseWhitespace(line.substr(eq + 1));
        if (field != "ignore" && std::find(known.begin(), known.end(), field) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            diags.error("import.map-field", where, "okänt fält '" + field + "'; tillåtna: " + list + ", ignore",
                        "unknown field '" + field + "'; allowed: " + list + ", ignore");
            continue;
        }
        if (const std::size_t c = columnIndex(key); c != std::string::npos) map.byColumn[c] = field;
        else map.byHeading[normalise(key)] = field;
    }
    return map;
}

}  // namespace overens::import
