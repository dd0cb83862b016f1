// What the words of a row say when the drafter has not classified it: which point of
// 6 kap. 38 § it resembles, whether it is urgent (39 §), how its decision is appealed and whether
// the row lets the delegate pass it on. The words come from templates/law/delegation-vocabulary.xml.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "delegation_plugin.hpp"
#include "law_data.hpp"

namespace overens::delegation {

struct Finding {
    const WordRule* rule = nullptr;
    std::string field;    // where the words were found
    std::string matched;  // the words, as written (lower-case), "…" between groups
};

struct RowReading {
    std::vector<Finding> notDelegable;  // 6 kap. 38 § first paragraph (and other acts)
    std::vector<Finding> automated;     // 6 kap. 38 § second paragraph
    const Finding* urgent() const { return urgent_.rule ? &urgent_ : nullptr; }
    const Finding* subDelegation() const { return sub_.rule ? &sub_ : nullptr; }
    std::string appeal;  // inferred: kl13 | administrative | none, empty when nothing says
    const Finding* urgentHint() const { return hint_.rule ? &hint_ : nullptr; }
    Finding urgent_, sub_, appeal_, hint_;
};

// words: the document's matcher for v.table.
RowReading readRow(const Record& row, const std::set<Side>& delegateSides, const Vocabulary& v, WordMatcher& words);

}  // namespace overens::delegation
