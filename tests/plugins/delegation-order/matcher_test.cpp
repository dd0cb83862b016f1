// The delegation-order plugin's prepared matcher (issue 16): a document's words stemmed and
// matched against the vocabulary's numbered pattern words once (WordMatcher), a suffix term's stem
// prepared with its pattern, and the acts' names indexed by their first word must find exactly
// what the plain reading found, where every word and every suffix term went through the Snowball
// stemmer at the moment it was compared and every name of every act was tried at every word. Real
// rows of the corpus (corpus/*.tsv) and the law data of templates/law.
#include <gtest/gtest.h>
#include <libstemmer.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "law_data.hpp"
#include "legal_basis.hpp"
#include "prepared_words.hpp"
#include "test_support.hpp"
#include "text_match.hpp"

namespace overens::delegation {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(OVERENS_TEST_SOURCE_DIR) / "tests/plugins/delegation-order/corpus";

// The matter, legal basis and note of every row of the corpus, published and planted.
std::vector<std::string> corpusCells() {
    std::vector<std::string> cells;
    for (const char* name : {"rows.tsv", "planted.tsv"}) {
        std::ifstream in(kCorpus / name);
        EXPECT_TRUE(in) << (kCorpus / name);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::vector<std::string> columns;
            std::size_t pos = 0;
            for (auto tab = line.find('\t'); tab != std::string::npos; pos = tab + 1, tab = line.find('\t', pos))
                columns.push_back(line.substr(pos, tab - pos));
            columns.push_back(line.substr(pos));
            for (std::size_t c : {6, 7, 8})
                if (c < columns.size() && !columns[c].empty()) cells.push_back(columns[c]);
        }
    }
    return cells;
}

const LawData& law() {
    static const LawData data = loadLawData((fs::path(OVERENS_TEST_SOURCE_DIR) / "templates/law").string());
    return data;
}

// Every pattern the law data holds: the rules' groups and exclusions, the negations and the
// when-words of old numberings.
std::vector<const Pattern*> allPatterns() {
    std::vector<const Pattern*> out;
    const Vocabulary& v = law().vocabulary;
    for (const Pattern& p : v.negation) out.push_back(&p);
    for (const WordRule& r : v.rules) {
        for (const auto& group : r.all)
            for (const Pattern& p : group) out.push_back(&p);
        for (const Pattern& p : r.none) out.push_back(&p);
    }
    for (const Act& a : law().acts)
        for (const OldNumbering& on : a.oldNumbering)
            for (const Pattern& p : on.words) out.push_back(&p);
    return out;
}

// The Snowball stemmer called for every word, as the plain reading did.
class PlainStemmer {
public:
    PlainStemmer() : s_(sb_stemmer_new("swedish", "UTF_8"), sb_stemmer_delete) {}
    std::string operator()(const std::string& w) {
        const sb_symbol* out = sb_stemmer_stem(s_.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                               static_cast<int>(w.size()));
        return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s_.get())));
    }

private:
    std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> s_;
};

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The plain reading of one pattern: each suffix term stemmed when it is compared.
int plainFind(const std::vector<Word>& ws, const Pattern& p, std::size_t from, PlainStemmer& stem) {
    auto matches = [&](const Word& w, const PatternWord& pw) {
        switch (pw.kind) {
            case PatternWord::Kind::Stem: return w.stem == pw.text;
            case PatternWord::Kind::Prefix: return w.lower.rfind(pw.text, 0) == 0;
            case PatternWord::Kind::Suffix: return endsWith(w.lower, pw.text) || endsWith(w.stem, stem(pw.text));
            case PatternWord::Kind::Contains: return w.lower.find(pw.text) != std::string::npos;
            case PatternWord::Kind::Any: return true;
        }
        return false;
    };
    if (p.empty() || ws.size() < p.size()) return -1;
    for (std::size_t i = from; i + p.size() <= ws.size(); ++i) {
        bool all = true;
        for (std::size_t k = 0; k < p.size() && all; ++k) all = matches(ws[i + k], p[k]);
        if (all) return static_cast<int>(i);
    }
    return -1;
}

TEST(DelegationMatcher, TheCorpusHasCellsAndTheLawHasPatterns) {
    EXPECT_GT(corpusCells().size(), 300u);
    EXPECT_GT(allPatterns().size(), 300u);
    EXPECT_TRUE(law().problem.empty()) << law().problem;
}

// The words of a text with every word stemmed on the spot and nothing prepared.
std::vector<Word> plainWords(const std::string& text, PlainStemmer& stem) {
    std::vector<Word> out;
    splitWords(text, [&](const std::string& w) { out.push_back({w, stem(w)}); });
    return out;
}

TEST(DelegationMatcher, ACellReadOnceHasTheStemsAndMatchesOfThePlainReading) {
    PlainStemmer stem;
    const PatternTable& table = law().vocabulary.table;
    ASSERT_GT(table.words().size(), 200u);
    WordMatcher matcher(table);
    std::size_t checked = 0;
    // Twice: the second pass finds every word already known to the matcher.
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& cell : corpusCells()) {
            std::vector<Word> prepared;
            matcher.append(cell, prepared);
            const std::vector<Word> plain = plainWords(cell, stem);
            ASSERT_EQ(prepared.size(), plain.size()) << cell;
            ASSERT_EQ(words(cell).size(), plain.size()) << cell;
            for (std::size_t i = 0; i < plain.size(); ++i) {
                ASSERT_EQ(prepared[i].lower, plain[i].lower) << cell;
                ASSERT_EQ(prepared[i].stem, plain[i].stem) << "pass " << pass << ", in: " << cell;
                ASSERT_EQ(prepared[i].table, table.id());
                for (std::size_t k = 0; k < table.words().size(); ++k)
                    ASSERT_EQ(matches(prepared[i], table.words()[k]), matchesText(plain[i], table.words()[k]))
                        << "'" << plain[i].lower << "' and pattern word '" << table.words()[k].text << "'";
                ++checked;
            }
        }
    EXPECT_GT(checked, 5000u);
}

TEST(DelegationMatcher, ASuffixTermsStemIsPreparedWithItsPattern) {
    PlainStemmer stem;
    std::size_t suffixes = 0;
    for (const Pattern* p : allPatterns())
        for (const PatternWord& pw : *p)
            if (pw.kind == PatternWord::Kind::Suffix) {
                EXPECT_EQ(pw.stem, stem(pw.text)) << pw.text;
                ++suffixes;
            }
    EXPECT_GT(suffixes, 20u);
    // "*mål" matches the inflected compound by its stem: "verksamhetsmålen" -> "verksamhetsmål".
    const Pattern goal = compilePattern("*mål");
    EXPECT_EQ(find(words("Fastställa verksamhetsmålen"), goal), 1);
    EXPECT_EQ(find(words("Fastställa verksamhetsplanen"), goal), -1);
}

TEST(DelegationMatcher, EveryPatternFindsInEveryCorpusCellWhatThePlainReadingFound) {
    PlainStemmer stem;
    WordMatcher matcher(law().vocabulary.table);
    const auto patterns = allPatterns();
    std::size_t found = 0, compared = 0, passedOver = 0;
    for (const std::string& cell : corpusCells()) {
        std::vector<Word> prepared;
        matcher.append(cell, prepared);
        const std::vector<Word> plain = plainWords(cell, stem);
        const std::vector<std::uint64_t> present = matcher.present(prepared);
        for (const Pattern* p : patterns) {
            // A pattern passed over for a word found nowhere must be one that matches nowhere.
            if (!matcher.mayMatch(*p, present)) {
                ASSERT_EQ(plainFind(plain, *p, 0, stem), -1) << "in: " << cell;
                ++passedOver;
            }
            for (std::size_t from = 0; from <= plain.size(); ++from) {
                const int expected = plainFind(plain, *p, from, stem);
                ASSERT_EQ(find(prepared, *p, from), expected) << "in: " << cell;
                ASSERT_EQ(find(plain, *p, from), expected) << "in: " << cell;
                ++compared;
                if (expected < 0) break;  // nothing after `from` either
                ++found;
            }
        }
    }
    // The corpus exercises the patterns: many hits, and far more misses.
    EXPECT_GT(found, 1000u);
    EXPECT_GT(passedOver, 100000u);
    EXPECT_GT(compared, 100000u);
}

// A law folder with the given acts.xml (no vocabulary: only the names are read here).
LawData lawWithActs(const std::string& actsXml) {
    const test::TempDir dir;
    test::writeFile(dir / "acts.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<acts>\n" + actsXml + "</acts>\n");
    return loadLawData(dir.path().string());
}

std::vector<std::string> mentioned(const BasisReading& b) {
    std::vector<std::string> out;
    for (const ActMention& m : b.acts) out.push_back((m.act ? m.act->id : std::string("?")) + ":" + m.written);
    return out;
}

TEST(DelegationMatcher, NamesByTheirFirstWordFindTheLongestNameAndTheFirstOfEqualLength) {
    const LawData data = lawWithActs(R"xml(
  <act id="lag" sfs="2001:1" in-force="2001-01-01" title="lagen (2001:1)"><name>lagen</name></act>
  <act id="lou" sfs="2016:1145" in-force="2017-01-01" title="lagen om offentlig upphandling (2016:1145)">
    <name>lagen om offentlig upphandling</name><name>LOU</name><name>LOU</name></act>
  <act id="lo" sfs="2002:2" in-force="2002-01-01" title="lagen om (2002:2)"><name>lagen om</name></act>
  <act id="first" sfs="2003:3" in-force="2003-01-01" title="a"><name>tvisteregel</name></act>
  <act id="second" sfs="2004:4" in-force="2004-01-01" title="b"><name>tvisteregel</name></act>
  <act id="gap" sfs="2005:5" in-force="2005-01-01" title="c"><name>lagen  om offentlig</name></act>
)xml");
    const Date on{2020, 1, 1};
    EXPECT_EQ(mentioned(readBasis("Enligt lagen om offentlig upphandling 4 kap. 1 §", data, on)),
              (std::vector<std::string>{"lou:lagen om offentlig upphandling"}));
    EXPECT_EQ(mentioned(readBasis("lagen om tillsyn", data, on)), (std::vector<std::string>{"lo:lagen om"}));
    EXPECT_EQ(mentioned(readBasis("Lagen", data, on)), (std::vector<std::string>{"lag:Lagen"}));
    EXPECT_EQ(mentioned(readBasis("LOU 19 kap.", data, on)), (std::vector<std::string>{"lou:LOU"}));
    // One name, two acts: the one in force on the date (the later of the two, both in force).
    EXPECT_EQ(mentioned(readBasis("tvisteregel 3 §", data, on)), (std::vector<std::string>{"second:tvisteregel"}));
    EXPECT_EQ(mentioned(readBasis("tvisteregel 3 §", data, Date{2003, 6, 1})),
              (std::vector<std::string>{"first:tvisteregel"}));
    EXPECT_TRUE(mentioned(readBasis("om offentlig upphandling", data, on)).empty());
}

TEST(DelegationMatcher, EveryNameOfEveryActIsFoundWhereItIsWritten) {
    std::size_t names = 0;
    for (const Act& a : law().acts)
        for (const std::string& name : a.names) {
            const BasisReading b = readBasis("enligt " + name + " 3 §", law(), Date{2024, 1, 1});
            ASSERT_EQ(b.acts.size(), 1u) << name;
            EXPECT_EQ(b.acts[0].written, name);
            bool named = false;
            for (const std::string& n : b.acts[0].act->names) named = named || n == name;
            EXPECT_TRUE(named) << name << " -> " << b.acts[0].act->id;
            ++names;
        }
    EXPECT_GT(names, 50u);
}

}  // namespace
}  // namespace overens::delegation
