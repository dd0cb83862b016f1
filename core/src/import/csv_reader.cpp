// CSV as spreadsheets export it: comma or semicolon, double quotes, fields over several lines;
// UTF-8 (with or without a byte order mark) or, when the bytes are not UTF-8, Windows-1252.
#include <fstream>
#include <sstream>

#include "import/readers.hpp"
#include "import/text_encoding.hpp"
#include "import/zip_package.hpp"

namespace overens::import {

namespace {

// The separator of the first line: the one of ';' and ',' that occurs more often outside quotes.
char guessSeparator(const std::string& text) {
    std::size_t semis = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '\n') break;
        else if (!quoted && c == ';') ++semis;
        else if (!quoted && c == ',') ++commas;
    }
    return semis > commas ? ';' : ',';
}

}  // namespace

std::vector<Grid> readCsv(const std::filesystem::path& path, CsvFacts* facts) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportFailure("filen kan inte läsas", "the file cannot be read");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::string encoding = "UTF-8";
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (!isValidUtf8(text)) {
        text = windows1252ToUtf8(text);
        encoding = "Windows-1252";
    }
    const char sep = guessSeparator(text);
    if (facts) *facts = {encoding, sep};

    Grid grid;
    grid.name = path.filename().string();
    GridRow row;
    Cell cell;
    std::size_t line = 1, column = 1, fieldLine = 1, fieldColumn = 1, rowLine = 1;
    bool quoted = false, wasQuoted = false;
    auto place = [](std::size_t l, std::size_t c) { return std::to_string(l) + ":" + std::to_string(c); };
    auto endCell = [&]() {
        cell.place = place(fieldLine, fieldColumn);
        row.cells.push_back(std::move(cell));
        cell = Cell{};
        wasQuoted = false;
    };
    auto endRow = [&]() {
        endCell();
        row.place = std::to_string(rowLine);
        bool empty = true;
        for (const auto& c : row.cells) empty = empty && c.text.empty();
        if (!empty || row.cells.size() > 1) grid.rows.push_back(std::move(row));
        row = GridRow{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool fieldStart = cell.text.empty() && !wasQuoted;
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.text += '"';
                ++i;
                ++column;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell.text += c;
                if (c == '\n') {
                    ++line;
                    column = 0;
                }
            }
        } else if (c == '"' && fieldStart) {
            quoted = wasQuoted = true;
        } else if (c == sep) {
            endCell();
            fieldLine = line;
            fieldColumn = column + 1;
        } else if (c == '\r') {
            // part of a CRLF line end
        } else if (c == '\n') {
            endRow();
            ++line;
            column = 0;
            fieldLine = rowLine = line;
            fieldColumn = 1;
        } else {
            cell.text += c;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    }
    if (!cell.text.empty() || !row.cells.empty()) endRow();
    for (auto& r : grid.rows)
        for (auto& c : r.cells)
            if (c.text.find('\r') != std::string::npos) {
                std::string t;
                for (char ch : c.text)
                    if (ch != '\r') t += ch;
                c.text = t;
            }
    return {grid};
}

}  // namespace overens::import
