// `overens import`: a delegation order in a spreadsheet or a word-processor table, read into an
// ordinary source file. The importer holds no law: it writes what it read and lets the source
// be validated like any other.
#pragma once

#include <filesystem>
#include <string>

#include "import/order_model.hpp"
#include "import/source_writer.hpp"
#include "overens/diagnostics.hpp"

namespace overens::import {

struct ImportOptions {
    std::filesystem::path templatesDir;
    std::filesystem::path mapFile;  // empty: none
    std::string mapDisplayName;
    Header header;
};

struct ImportResult {
    bool ok = false;           // false: nothing could be read (the diagnostics say why)
    std::string format;        // "csv", "xlsx", "ods", "docx", "odt"
    std::string xml;           // the source file's text
    ImportStats stats;
};

// The row fields a map file may name (and "area").
std::vector<std::string> mappableFields();

ImportResult importDelegationOrder(const std::filesystem::path& input, const std::string& displayName,
                                   const ImportOptions& options, Diagnostics& diags);

}  // namespace overens::import
