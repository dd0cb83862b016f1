// The entries of a zip package (ODS, ODT, XLSX, DOCX are all zip + XML).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace overens::import {

// A problem with the input file as a whole, in both languages.
struct ImportFailure : std::runtime_error {
    ImportFailure(const std::string& sv, const std::string& en) : std::runtime_error(en), sv(sv), en(en) {}
    std::string sv, en;
};

class ZipPackage {
public:
    // Reads every file entry (each at most 64 MiB). Throws ImportFailure for a damaged package.
    explicit ZipPackage(const std::filesystem::path& path);
    const std::string* entry(const std::string& name) const;
    // The entry, or an ImportFailure naming what is missing.
    const std::string& require(const std::string& name) const;

private:
    std::map<std::string, std::string> entries_;
};

}  // namespace overens::import
