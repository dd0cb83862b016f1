// The words the importer reads by, loaded from templates/import/: column headings, the values of
// the reporting and sub-delegation columns, role abbreviations and kinds, how delegates are joined.
// The importer holds no law and no Swedish: all of it is data a municipality can extend.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace overens::import {

struct Abbreviation {
    std::string shortForm, title, kind;
};

struct Vocabulary {
    std::vector<std::pair<std::string, std::string>> headings;   // normalised heading -> field
    std::map<std::string, std::map<std::string, std::string>> values;  // field -> normalised text -> code
    std::map<std::string, Abbreviation> abbreviations;           // normalised short form -> role
    std::vector<std::pair<std::string, std::vector<std::string>>> kinds;  // kind code -> words (normalised)
    std::string fallbackKind = "employee";
    std::vector<std::string> jointMarkers, jointSeparators, separators, subDelegationPhrases;

    // The field a heading means, or "" when none.
    std::string fieldOfHeading(const std::string& heading) const;
};

// Reads templatesDir/import/headings.xml and roles.xml. Throws ImportFailure when they are missing
// or malformed.
Vocabulary loadVocabulary(const std::filesystem::path& templatesDir);

// Lower case, whitespace collapsed, punctuation and spaces trimmed at both ends.
std::string normalise(const std::string& text);

}  // namespace overens::import
