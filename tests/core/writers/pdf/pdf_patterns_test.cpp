// A document's own hyphenation patterns (the lines of the pattern file its words can match, with
// libhyphen parsing only those) give every word of the document, and the end of every word, the
// same points as the whole file; words from elsewhere do not (the subset is a real cut).
#include <gtest/gtest.h>

#include <hyphen.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "test_support.hpp"
#include "writers/pdf/hyphenation.hpp"

using namespace overens;
using namespace overens::pdf;
namespace fs = std::filesystem;

namespace {

const fs::path kSwedish = "/usr/share/hyphen/hyph_sv_SE.dic";

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The runs of letters of a UTF-8 text, lower case in ISO 8859-1 (ASCII and U+00C0-U+00FF only).
std::set<std::string> latin1Runs(const std::string& utf8) {
    std::set<std::string> runs;
    std::string cur;
    for (std::size_t i = 0; i <= utf8.size(); ++i) {
        unsigned char c = i < utf8.size() ? static_cast<unsigned char>(utf8[i]) : ' ';
        if (c == 0xC3 && i + 1 < utf8.size()) c = static_cast<unsigned char>(0xC0 + (utf8[++i] & 0x3F));
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
        if (letter) {
            if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE)) c += 32;
            cur += static_cast<char>(c);
        } else {
            if (cur.size() >= 5) runs.insert(cur);
            cur.clear();
        }
    }
    return runs;
}

std::string points(HyphenDict* dict, const std::string& word) {
    std::vector<char> hyph(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dict, word.c_str(), static_cast<int>(word.size()), hyph.data(), nullptr, &rep, &pos, &cut, 2,
                          3, 2, 3);
    if (rep) {
        for (std::size_t k = 0; k < word.size(); ++k) std::free(rep[k]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    return std::string(hyph.data(), word.size());
}

}  // namespace

TEST(PdfOwnPatterns, GiveTheDocumentsWordsAndTheirEndsTheWholeFilesPoints) {
    if (!fs::exists(kSwedish)) GTEST_SKIP() << "hyphen-sv is not installed";
    const std::string file = readAll(kSwedish);
    const auto agreement = latin1Runs(readAll(test::samplesDir() / "kommun" / "exempelby-overenskommelse.xml"));
    ASSERT_GT(agreement.size(), 300u);
    std::string lines = patternsFor(file, std::vector<std::string>(agreement.begin(), agreement.end()));
    const auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    EXPECT_LT(count(lines), count(file) / 3) << "the document's own patterns are a fraction of the file";

    HyphenDict* all = hnj_hyphen_load(kSwedish.c_str());
    FILE* in = fmemopen(lines.data(), lines.size(), "r");
    ASSERT_NE(in, nullptr);
    HyphenDict* own = hnj_hyphen_load_file(in);
    std::fclose(in);
    ASSERT_NE(all, nullptr);
    ASSERT_NE(own, nullptr);
    std::size_t checked = 0, withPoints = 0;
    for (const auto& run : agreement)
        for (std::size_t k = 0; k + 5 <= run.size(); ++k) {  // the run, and what is left of it after a break
            const std::string word = run.substr(k);
            const std::string expected = points(all, word);
            EXPECT_EQ(points(own, word), expected) << word;
            ++checked;
            if (expected.find_first_of("13579") != std::string::npos) ++withPoints;
        }
    EXPECT_GT(checked, 2000u);
    EXPECT_GT(withPoints, checked / 2);

    // Words the agreement does not have can get other points: the cut is real.
    std::size_t differ = 0, others = 0;
    for (const auto& run : latin1Runs(readAll(test::samplesDir() / "kommun" / "exempelby-delegationsordning.xml")))
        if (!agreement.count(run)) {
            ++others;
            if (points(own, run) != points(all, run)) ++differ;
        }
    EXPECT_GT(others, 100u);
    EXPECT_GT(differ, others / 10);
    hnj_hyphen_free(own);
    hnj_hyphen_free(all);
}

TEST(PdfOwnPatterns, AHyphenatorThatExpectedTheTextBreaksItsWordsAsOneUsingTheWholeFile) {
    if (!fs::exists(kSwedish)) GTEST_SKIP() << "hyphen-sv is not installed";
    const std::string text = readAll(test::samplesDir() / "kommun" / "exempelby-overenskommelse.xml") +
                             " Verksamhetsplaneringen och arbetsmiljöansvarsfördelningen: ÖVERENSKOMMELSEN.";
    const std::vector<fs::path> dirs{kSwedish.parent_path()};
    Hyphenator own("sv", dirs);  // the first document of this process: its own patterns
    own.expect(text);
    Hyphenator whole("sv", dirs);  // never told the text: the whole file
    ASSERT_TRUE(own.hasPatterns());
    std::set<std::string> words;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find_first_of(" \n\t<>\"=", at), text.size());
        if (end > at) words.insert(text.substr(at, end - at));
        at = end + 1;
    }
    std::size_t broken = 0;
    for (const auto& w : words) {
        const auto& points = own.breaks(w);
        ASSERT_EQ(points.size(), whole.breaks(w).size()) << w;
        for (std::size_t i = 0; i < points.size(); ++i) {
            EXPECT_EQ(points[i].offset, whole.breaks(w)[i].offset) << w;
            EXPECT_EQ(points[i].hyphen, whole.breaks(w)[i].hyphen) << w;
            // The rest of the word after a break is asked about again when it is still too wide.
            const std::string rest = w.substr(points[i].offset);
            const auto& a = own.breaks(rest);
            const auto& b = whole.breaks(rest);
            ASSERT_EQ(a.size(), b.size()) << rest;
            for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k].offset, b[k].offset) << rest;
        }
        if (!points.empty()) ++broken;
    }
    EXPECT_GT(broken, 200u);
}

TEST(PdfOwnPatterns, KeepTheStatesOfPatternsTheWordsOnlyBegin) {
    // libhyphen applies, at each letter, the points of the longest pattern prefix ending there
    // only: in "xabcdyz", "abcd" (the start of "abcdefg") hides "b1cd". Own patterns without
    // that state would break the word after "xab".
    std::string file = "ISO8859-1\nabcdef1g\nb1cd\n";
    const std::string word = "xabcdyz";
    std::string lines = patternsFor(file, {word});
    EXPECT_NE(lines.find("b1cd\n"), std::string::npos);
    EXPECT_EQ(lines.find("abcdef1g"), std::string::npos);
    FILE* in = fmemopen(file.data(), file.size(), "r");
    HyphenDict* all = hnj_hyphen_load_file(in);
    std::fclose(in);
    in = fmemopen(lines.data(), lines.size(), "r");
    HyphenDict* own = hnj_hyphen_load_file(in);
    std::fclose(in);
    ASSERT_NE(all, nullptr);
    ASSERT_NE(own, nullptr);
    EXPECT_EQ(points(all, word), "0000000");
    EXPECT_EQ(points(own, word), points(all, word));
    hnj_hyphen_free(own);
    hnj_hyphen_free(all);
}
