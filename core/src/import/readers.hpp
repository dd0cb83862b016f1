// One reader per input format, each giving plain grids of cells with their places.
// They throw ImportFailure for a file they cannot read at all.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "import/grid.hpp"

namespace overens::import {

struct CsvFacts {
    std::string encoding;  // "UTF-8" or "Windows-1252"
    char separator = ',';
};

std::vector<Grid> readCsv(const std::filesystem::path& path, CsvFacts* facts = nullptr);
std::vector<Grid> readXlsx(const std::filesystem::path& path);  // every sheet
std::vector<Grid> readDocx(const std::filesystem::path& path);  // every table
std::vector<Grid> readOds(const std::filesystem::path& path);   // every sheet
std::vector<Grid> readOdt(const std::filesystem::path& path);   // every table

// By the file's content, not its name: "csv", "xlsx", "ods", "docx", "odt", or "" (unknown).
std::string detectFormat(const std::filesystem::path& path);

}  // namespace overens::import
