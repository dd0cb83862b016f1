// A row's legal basis read against templates/law/acts.xml: which acts it names (by short name,
// long name or SFS number), which chapters and sections it cites, and whether those exist in the
// act in force on the order's date.
#pragma once

#include <string>
#include <vector>

#include "law_data.hpp"

namespace overens::delegation {

struct Citation {
    const Act* act = nullptr;       // the act the words name, resolved for the date
    std::string written;            // the act as written ("SoL", "2001:453")
    std::string chapter;            // "6", "2a"; empty when none
    int section = 0;                // 0 when none
    std::string text;               // the reference as written, e.g. "6 kap. 39 §"
};

struct ActMention {
    const Act* act = nullptr;
    std::string written;
};

struct BasisReading {
    std::vector<ActMention> acts;
    std::vector<Citation> citations;
};

// The acts and references in text; short names resolve to the act in force on `on`.
BasisReading readBasis(const std::string& text, const LawData& law, const Date& on);

}  // namespace overens::delegation
