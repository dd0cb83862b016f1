// The law as data (templates/law/): the words that show a row falls under 6 kap. 38 § or
// 39 §, that its decision is appealed one way or another, or that it may be passed on; the acts
// a legal basis may cite, with their dates and structure; the first names that show a role is a
// person. Loaded once per process, so that a jurist can tune it without recompiling.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "overens/calendar.hpp"
#include "prepared_words.hpp"
#include "text_match.hpp"

namespace overens::delegation {

// One rule of the vocabulary: every <all> group must match somewhere in the row's fields, no
// <none> pattern may, and (for the not-delegable and automated kinds) no negation word may stand
// just before the last group's match.
struct WordRule {
    std::string id;
    std::string kind;      // not-delegable | automated | urgent | appeal | sub-delegation
    std::string point;     // the point it stands for, e.g. "38.1.1" (paragraph 1, point 1)
    std::string level;     // error | warning
    std::string category;  // the schema's category it stands for (not-delegable, automated)
    std::string appeal;    // kind=appeal: kl13 | administrative | none
    std::string delegate;  // only when a delegate is: "" (any) | employee | elected | automated
    std::vector<std::string> fields;           // matter, note, legal-basis
    std::vector<std::vector<Pattern>> all;     // groups of alternatives
    std::vector<Pattern> none;
    bool negatable = true;
    // kind and delegate read once when loaded, for the rows' loop.
    enum class Kind { NotDelegable, Automated, Urgent, UrgentHint, SubDelegation, Appeal, Other } kindCode = Kind::Other;
    enum class Delegate { Any, Employee, Elected, Automated, None } delegateCode = Delegate::Any;  // None: no delegate fits
    bool canNegate = false;  // negatable and of a kind a negation cancels
    std::string cite;      // another act's provision, when the rule rests on one
    std::string confirmSv, confirmEn;  // how to confirm the row is delegable (warnings)
};

struct PointText {
    std::string sv, en;          // what the point covers, in words
    std::string citeSv, citeEn;  // "6 kap. 38 § första stycket 1 p."
};

struct Vocabulary {
    std::vector<Pattern> negation;
    int negationWindow = 4;
    std::map<std::string, PointText> points;
    std::vector<WordRule> rules;
    PatternTable table;  // the words of the negations and the rules, numbered
};

struct OldNumbering {
    std::string chapter;
    int from = 0, to = 0;          // sections; 0-0 means a reference to the chapter itself
    bool always = false;           // otherwise only when the row is urgent, or says `words`
    std::vector<Pattern> words;    // when-words: the row must say one of these
    std::string now;               // where the matter lives in the act in force
    // The act's own numbering before this date (an act renumbered in place, as the
    // Tryckfrihetsförordning was on 2019-01-01), rather than a repealed predecessor's.
    std::optional<Date> before;
};

struct Act {
    std::string id, sfs, title;
    Date inForce;
    std::optional<Date> repealed;
    std::string replacedBy;
    std::vector<std::string> names;  // lower-case
    bool hasStructure = false;
    bool chaptered = false;
    std::map<std::string, int> chapters;  // chapter -> highest section
    int sections = 0;                     // acts without chapters
    std::vector<OldNumbering> oldNumbering;
};

// A name some act goes by, split into its words, with every act that goes by it (indices into
// LawData::acts, in the order of acts.xml). Prepared once, for reading legal bases.
struct ActName {
    std::string name;
    std::vector<std::string> words;
    std::vector<std::size_t> acts;
};

struct LawData {
    Vocabulary vocabulary;
    std::vector<Act> acts;
    std::vector<ActName> actNames;  // each distinct name once, in the order first given
    std::unordered_map<std::string, std::vector<std::size_t>> namesByFirstWord;  // -> actNames, ascending
    std::set<std::string> firstNames;  // lower-case
    std::vector<std::string> postWords;  // lower-case parts of post titles
    std::string problem;  // why some of it could not be read, empty when all was read
    std::string folder;

    const Act* act(const std::string& id) const;
};

// The data from <templatesDir>/law, the run's templates folder the engine gives in
// Context::templatesDir; empty (a plugin used without the engine): the source tree's templates/.
const LawData& lawData(const std::string& templatesDir);
// Read from a given folder (tests).
LawData loadLawData(const std::string& folder);

}  // namespace overens::delegation
