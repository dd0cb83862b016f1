// Document kinds, read from templates/kinds/<id>.xml: which sections make the document, in
// which order, its title, who signs or which body adopts it, and its default review interval.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/diagnostics.hpp"

namespace overens {

struct KindSection {
    std::string id;
    bool required = true;
};

struct DocumentKind {
    std::string id;
    std::map<std::string, std::string> title;     // by language; may hold {placeholders}
    std::map<std::string, std::string> subtitle;  // by language
    std::vector<KindSection> sections;            // in document order
    std::vector<std::string> signatories;         // party roles who sign, in order
    bool adoptedByBoard = false;                  // adopted by the board rather than signed
    Duration reviewEvery{1};                      // default review interval
    Duration notifyBefore{0, 0, 0, 30};           // default reminder lead time
    int tocMinSections = 4;                       // a table of contents from this many sections
    std::filesystem::path file;

    const KindSection* section(const std::string& sectionId) const;
};

// A kind's text (title, subtitle) in the language, else in Swedish, with its placeholders
// filled from `values`; empty when the kind has neither.
std::string kindText(const std::map<std::string, std::string>& byLang, const std::string& lang,
                     const std::map<std::string, std::string>& values);

// Load every kind in folder (templates/kinds). Malformed files are diagnostics.
std::map<std::string, DocumentKind> loadKinds(const std::filesystem::path& folder, Diagnostics& diags);

}  // namespace overens
