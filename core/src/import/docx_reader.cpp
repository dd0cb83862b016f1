// DOCX (Office Open XML text document): every table of word/document.xml, with horizontally
// spanned (gridSpan) and vertically merged (vMerge) cells marked as merged.
#include <pugixml.hpp>

#include "import/readers.hpp"
#include "import/zip_package.hpp"

namespace overens::import {

namespace {

void appendRuns(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c : n.children()) {
        const std::string name = c.name();
        if (name == "w:t") out += c.text().get();
        else if (name == "w:tab") out += '\t';
        else if (name == "w:br" || name == "w:cr") out += '\n';
        else if (name == "w:del" || name == "w:tbl" || name == "w:footnoteReference") continue;
        else appendRuns(c, out);
    }
}

std::string cellText(const pugi::xml_node& tc) {
    std::string s;
    bool first = true;
    for (pugi::xml_node p : tc.children("w:p")) {
        if (!first) s += '\n';
        first = false;
        appendRuns(p, s);
    }
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

void collectTables(const pugi::xml_node& n, std::vector<Grid>& out) {
    for (pugi::xml_node c : n.children()) {
        if (std::string(c.name()) != "w:tbl") {
            collectTables(c, out);
            continue;
        }
        Grid grid;
        grid.name = "table" + std::to_string(out.size() + 1);
        const std::string prefix = grid.name + "!";
        std::size_t r = 0;
        for (pugi::xml_node tr : c.children("w:tr")) {
            GridRow row;
            row.place = prefix + "A" + std::to_string(r + 1);
            std::size_t column = 0;
            for (pugi::xml_node tc : tr.children("w:tc")) {
                const pugi::xml_node pr = tc.child("w:tcPr");
                const int span = std::max(1, pr.child("w:gridSpan").attribute("w:val").as_int(1));
                const pugi::xml_node vmerge = pr.child("w:vMerge");
                const bool continued = vmerge && std::string(vmerge.attribute("w:val").value()) != "restart";
                row.cells.push_back(Cell{continued ? "" : cellText(tc), prefix + cellReference(column, r), continued});
                ++column;
                for (int k = 1; k < span; ++k, ++column) row.cells.push_back(Cell{"", prefix + cellReference(column, r), true});
            }
            grid.rows.push_back(std::move(row));
            ++r;
        }
        out.push_back(std::move(grid));
    }
}

}  // namespace

std::vector<Grid> readDocx(const std::filesystem::path& path) {
    const ZipPackage zip(path);
    const std::string& xml = zip.require("word/document.xml");
    pugi::xml_document d;
    if (!d.load_buffer(xml.data(), xml.size()))
        throw ImportFailure("word/document.xml är inte läsbar XML", "word/document.xml is not readable XML");
    std::vector<Grid> grids;
    collectTables(d.document_element().child("w:body"), grids);
    return grids;
}

}  // namespace overens::import
