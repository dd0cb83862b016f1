// XLSX (Office Open XML spreadsheet): the workbook's sheets in order, shared strings, merged cells.
#include <pugixml.hpp>

#include <cstdlib>
#include <map>

#include "import/readers.hpp"
#include "import/zip_package.hpp"

namespace overens::import {

namespace {

pugi::xml_document parse(const std::string& xml, const std::string& name) {
    pugi::xml_document d;
    if (!d.load_buffer(xml.data(), xml.size()))
        throw ImportFailure(name + " är inte läsbar XML", name + " is not readable XML");
    return d;
}

// All <t> text of a shared or inline string, phonetic runs left out.
std::string stringText(const pugi::xml_node& si) {
    std::string s;
    for (pugi::xml_node n : si.children()) {
        const std::string name = n.name();
        if (name == "t") s += n.text().get();
        else if (name == "r") s += n.child("t").text().get();
    }
    return s;
}

// "C12" -> column 2, row 11.
bool parseReference(const std::string& ref, std::size_t& column, std::size_t& row) {
    std::size_t i = 0, col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
    if (col == 0 || i == ref.size()) return false;
    const long r = std::strtol(ref.c_str() + i, nullptr, 10);
    if (r <= 0) return false;
    column = col - 1;
    row = static_cast<std::size_t>(r - 1);
    return true;
}

// A number as the spreadsheet shows it: "2", "1.5" (binary noise such as 1.1000000000000001 trimmed).
std::string numberText(const std::string& v) {
    if (v.find_first_of(".eE") == std::string::npos) return v;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", std::strtod(v.c_str(), nullptr));
    return buf;
}

}  // namespace

std::vector<Grid> readXlsx(const std::filesystem::path& path) {
    const ZipPackage zip(path);
    const pugi::xml_document workbook = parse(zip.require("xl/workbook.xml"), "xl/workbook.xml");
    std::map<std::string, std::string> targets;  // relationship id -> part
    if (const std::string* rels = zip.entry("xl/_rels/workbook.xml.rels")) {
        const pugi::xml_document r = parse(*rels, "workbook.xml.rels");
        for (pugi::xml_node rel : r.document_element().children("Relationship")) {
            std::string target = rel.attribute("Target").value();
            if (!target.empty() && target.front() == '/') target.erase(0, 1);
            else target = "xl/" + target;
            targets[rel.attribute("Id").value()] = target;
        }
    }
    std::vector<std::string> shared;
    if (const std::string* ss = zip.entry("xl/sharedStrings.xml")) {
        const pugi::xml_document d = parse(*ss, "xl/sharedStrings.xml");
        for (pugi::xml_node si : d.document_element().children("si")) shared.push_back(stringText(si));
    }

    std::vector<Grid> grids;
    std::size_t index = 0;
    for (pugi::xml_node sheet : workbook.document_element().child("sheets").children("sheet")) {
        ++index;
        Grid grid;
        grid.name = sheet.attribute("name").value();
        std::string part = targets[sheet.attribute("r:id").value()];
        if (part.empty()) part = "xl/worksheets/sheet" + std::to_string(index) + ".xml";
        const std::string* xml = zip.entry(part);
        if (!xml) throw ImportFailure("bladet '" + grid.name + "' saknas i paketet", "the sheet '" + grid.name + "' is missing");
        const pugi::xml_document d = parse(*xml, part);
        const pugi::xml_node ws = d.document_element();
        const std::string prefix = quotedName(grid.name) + "!";

        std::map<std::size_t, std::map<std::size_t, Cell>> cells;  // row -> column -> cell
        std::size_t nextRow = 0;
        for (pugi::xml_node row : ws.child("sheetData").children("row")) {
            // The r attributes are optional: without them, rows and cells follow one another.
            const long written = row.attribute("r").as_int(0);
            const std::size_t rowIndex = written > 0 ? static_cast<std::size_t>(written - 1) : nextRow;
            nextRow = rowIndex + 1;
            std::size_t nextColumn = 0;
            for (pugi::xml_node c : row.children("c")) {
                std::size_t col = nextColumn, r = rowIndex;
                if (c.attribute("r") && !parseReference(c.attribute("r").value(), col, r)) col = nextColumn, r = rowIndex;
                nextColumn = col + 1;
                const std::string type = c.attribute("t").value();
                const std::string v = c.child("v").text().get();
                std::string text;
                if (type == "s") {
                    const std::size_t k = static_cast<std::size_t>(std::strtoul(v.c_str(), nullptr, 10));
                    text = k < shared.size() ? shared[k] : std::string();
                } else if (type == "inlineStr") {
                    text = stringText(c.child("is"));
                } else if (type == "b") {
                    text = v == "1" ? "TRUE" : "FALSE";
                } else if (type == "str" || type == "e") {
                    text = v;
                } else {
                    text = numberText(v);
                }
                if (!text.empty()) cells[r][col] = Cell{text, prefix + cellReference(col, r), false};
            }
        }
        for (pugi::xml_node m : ws.child("mergeCells").children("mergeCell")) {
            const std::string ref = m.attribute("ref").value();
            const auto colon = ref.find(':');
            std::size_t c0, r0, c1, r1;
            if (colon == std::string::npos || !parseReference(ref.substr(0, colon), c0, r0) ||
                !parseReference(ref.substr(colon + 1), c1, r1))
                continue;
            for (std::size_t r = r0; r <= r1; ++r)
                for (std::size_t c = c0; c <= c1; ++c)
                    if (r != r0 || c != c0) {
                        Cell& cell = cells[r][c];
                        cell.merged = true;
                        cell.place = prefix + cellReference(c, r);
                    }
        }
        for (auto& [r, columns] : cells) {
            GridRow gr;
            gr.place = prefix + "A" + std::to_string(r + 1);
            const std::size_t width = columns.rbegin()->first + 1;
            for (std::size_t c = 0; c < width; ++c) {
                auto it = columns.find(c);
                gr.cells.push_back(it != columns.end() ? it->second : Cell{"", prefix + cellReference(c, r), false});
            }
            grid.rows.push_back(std::move(gr));
        }
        grids.push_back(std::move(grid));
    }
    return grids;
}

}  // namespace overens::import
