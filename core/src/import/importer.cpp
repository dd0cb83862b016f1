#include "import/importer.hpp"

#include <fstream>
#include <sstream>

#include "import/delegates.hpp"
#include "import/map_file.hpp"
#include "import/order_builder.hpp"
#include "import/readers.hpp"
#include "import/vocabulary.hpp"
#include "import/zip_package.hpp"
#include "source/file_kind.hpp"

namespace overens::import {

std::vector<std::string> mappableFields() {
    return {"number", "matter", "area", "delegate", "substitute", "sub-delegation", "sub-delegate", "legal-basis",
            "category", "appeal", "urgent", "reporting", "limit", "note"};
}

std::string detectFormat(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::string bytes = head;
    if (head.compare(0, 4, std::string("PK\x03\x04", 4)) == 0) {
        // Office Open XML names its parts all through the package: read it whole (it is small).
        std::ifstream whole(path, std::ios::binary);
        std::ostringstream all;
        all << whole.rdbuf();
        bytes = all.str();
    }
    if (const auto kind = sniffNonXml(bytes)) return kind->importable ? kind->id : std::string();
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || ext == ".txt" ? "csv" : std::string();
}

namespace {

std::vector<Grid> readGrids(const std::filesystem::path& path, const std::string& format, const std::string& name,
                            Diagnostics& diags) {
    if (format == "xlsx") return readXlsx(path);
    if (format == "ods") return readOds(path);
    if (format == "docx") return readDocx(path);
    if (format == "odt") return readOdt(path);
    CsvFacts facts;
    auto grids = readCsv(path, &facts);
    if (facts.encoding != "UTF-8")
        diags.note("import.encoding", Location{name},
                   "filen är inte UTF-8 och läses som " + facts.encoding,
                   "the file is not UTF-8 and is read as " + facts.encoding);
    return grids;
}

}  // namespace

ImportResult importDelegationOrder(const std::filesystem::path& input, const std::string& displayName,
                                   const ImportOptions& options, Diagnostics& diags) {
    ImportResult result;
    const Location whole{displayName};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input, ec)) {
        diags.error("import.not-found", whole, "filen finns inte eller är ingen vanlig fil", "no such file, or not a regular file");
        return result;
    }
    result.format = detectFormat(input);
    if (result.format.empty()) {
        diags.error("import.unknown-format", whole,
                    "filen är varken .csv, .xlsx, .ods, .docx eller .odt; spara den i något av de formaten",
                    "the file is not .csv, .xlsx, .ods, .docx or .odt; save it in one of those formats");
        return result;
    }
    try {
        const Vocabulary words = loadVocabulary(options.templatesDir);
        ColumnMap map;
        if (!options.mapFile.empty()) {
            map = readColumnMap(options.mapFile, options.mapDisplayName, mappableFields(), diags);
            if (diags.hasErrors()) return result;
        }
        const std::vector<Grid> grids = readGrids(input, result.format, displayName, diags);
        ImportedOrder order = buildOrder(grids, words, map, displayName, diags);
        if (order.stats.delegations == 0) {
            diags.error("import.no-rows", whole,
                        "ingen rad i en delegationsordning hittades (en tabell med kolumnerna Ärende och Delegat)",
                        "no delegation order rows were found (a table with the columns Ärende and Delegat)");
            result.stats = order.stats;
            return result;
        }
        for (const auto& area : order.areas)
            if (area.rows.empty())
                diags.warning("import.empty-area", Location{displayName + ":" + area.place},
                              "rubriken '" + area.number + " " + area.title +
                                  "' har inga rader under sig; den står som en kommentar i källfilen",
                              "the heading '" + area.number + " " + area.title +
                                  "' has no rows under it; it is kept as a comment in the source");
        makeRoles(order, words, displayName, diags);
        std::ostringstream xml;
        writeSource(order, options.header, displayName, xml);
        result.xml = xml.str();
        result.stats = order.stats;
        result.ok = true;
    } catch (const ImportFailure& f) {
        diags.error("import.unreadable", whole, f.sv, f.en);
    }
    return result;
}

}  // namespace overens::import
