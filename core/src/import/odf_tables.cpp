// ODS and ODT: the tables in content.xml (sheets of a spreadsheet, tables of a text document),
// with repeated rows and columns and covered (merged) cells.
#include <pugixml.hpp>

#include <cstdlib>

#include "import/readers.hpp"
#include "import/zip_package.hpp"

namespace overens::import {

namespace {

constexpr std::size_t kMaxColumns = 1024;
constexpr std::size_t kMaxRows = 1u << 20;

void appendText(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
            continue;
        }
        const std::string name = c.name();
        if (name == "text:s") out.append(std::max(1, c.attribute("text:c").as_int(1)), ' ');
        else if (name == "text:tab") out += '\t';
        else if (name == "text:line-break") out += '\n';
        else if (name == "text:note" || name == "office:annotation") continue;
        else appendText(c, out);
    }
}

std::string cellText(const pugi::xml_node& cell) {
    std::string s;
    for (pugi::xml_node p : cell.children()) {
        const std::string name = p.name();
        if (name != "text:p" && name != "text:h" && name != "text:list") continue;
        if (!s.empty()) s += '\n';
        appendText(p, s);
    }
    return s;
}

class TableReader {
public:
    explicit TableReader(Grid& grid) : grid_(grid), prefix_(quotedName(grid.name) + "!") {}

    void rows(const pugi::xml_node& parent) {
        for (pugi::xml_node c : parent.children()) {
            const std::string name = c.name();
            if (name == "table:table-row") row(c);
            else if (name == "table:table-header-rows" || name == "table:table-rows" || name == "table:table-row-group")
                rows(c);
        }
    }

private:
    void row(const pugi::xml_node& r) {
        const std::size_t repeat = std::max<long>(1, std::strtol(r.attribute("table:number-rows-repeated").value(), nullptr, 10));
        GridRow gr;
        std::size_t column = 0;
        bool any = false;
        for (pugi::xml_node c : r.children()) {
            const std::string name = c.name();
            if (name != "table:table-cell" && name != "table:covered-table-cell") continue;
            const std::size_t times = std::max<long>(1, std::strtol(c.attribute("table:number-columns-repeated").value(), nullptr, 10));
            const std::string text = cellText(c);
            if (text.empty() && name == "table:table-cell") {
                // Empty cells (often repeated to the sheet's last column) are only placeholders.
                for (std::size_t k = 0; k < times && column < kMaxColumns; ++k, ++column)
                    gr.cells.push_back(Cell{"", prefix_ + cellReference(column, rowIndex_), false});
                continue;
            }
            for (std::size_t k = 0; k < times && column < kMaxColumns; ++k, ++column) {
                gr.cells.push_back(Cell{text, prefix_ + cellReference(column, rowIndex_), name != "table:table-cell"});
                any = any || !text.empty();
            }
        }
        // Drop trailing empty placeholders.
        while (!gr.cells.empty() && gr.cells.back().text.empty() && !gr.cells.back().merged) gr.cells.pop_back();
        if (!any && gr.cells.empty()) {
            rowIndex_ += repeat;
            return;
        }
        for (std::size_t k = 0; k < repeat && grid_.rows.size() < kMaxRows; ++k) {
            GridRow copy = gr;
            copy.place = prefix_ + "A" + std::to_string(rowIndex_ + 1);
            for (std::size_t i = 0; i < copy.cells.size(); ++i) copy.cells[i].place = prefix_ + cellReference(i, rowIndex_);
            grid_.rows.push_back(std::move(copy));
            ++rowIndex_;
        }
    }

    Grid& grid_;
    std::string prefix_;
    std::size_t rowIndex_ = 0;
};

void collectTables(const pugi::xml_node& n, std::vector<Grid>& out) {
    for (pugi::xml_node c : n.children()) {
        if (std::string(c.name()) == "table:table") {
            Grid grid;
            grid.name = c.attribute("table:name").value();
            if (grid.name.empty()) grid.name = "table" + std::to_string(out.size() + 1);
            TableReader(grid).rows(c);
            out.push_back(std::move(grid));
        } else {
            collectTables(c, out);
        }
    }
}

std::vector<Grid> readOdfTables(const std::filesystem::path& path, const char* bodyElement) {
    const ZipPackage zip(path);
    const std::string& content = zip.require("content.xml");
    pugi::xml_document d;
    if (!d.load_buffer(content.data(), content.size()))
        throw ImportFailure("content.xml är inte läsbar XML", "content.xml is not readable XML");
    const pugi::xml_node body = d.document_element().child("office:body").child(bodyElement);
    if (!body)
        throw ImportFailure(std::string("dokumentet har ingen ") + bodyElement, std::string("the document has no ") + bodyElement);
    std::vector<Grid> grids;
    collectTables(body, grids);
    return grids;
}

}  // namespace

std::vector<Grid> readOds(const std::filesystem::path& path) { return readOdfTables(path, "office:spreadsheet"); }
std::vector<Grid> readOdt(const std::filesystem::path& path) { return readOdfTables(path, "office:text"); }

}  // namespace overens::import
