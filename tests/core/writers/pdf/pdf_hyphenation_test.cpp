// Hyphenation in the PDF: Swedish compounds break only at libhyphen's pattern points (checked
// against libhyphen itself, not our wrapper), with a hyphen shown; a web address breaks after
// '/', '.' and never with an added hyphen; no word is broken without one.
#include <gtest/gtest.h>

#include <hyphen.h>

#include <fstream>
#include <regex>
#include <set>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

const char* kUrl = "https://www.exempelby.se/kommun-och-politik/styrdokument/delegationsordningar/"
                   "kommunstyrelsens-delegationsordning-2027.pdf";

std::string swedishText() {
    std::string t;
    for (int i = 0; i < 6; ++i)
        t += "Kommunstyrelsens ordförande och kommundirektören sammanträder med förvaltningschefsgruppen om "
             "verksamhetsplaneringen, upphandlingsreglementet och arbetsmiljöansvarsfördelningen. ";
    return t + "Läs mer på " + kUrl + " eller skriv till kommunstyrelseforvaltningen@exempelby.se i god tid.";
}

// The pattern points of a lower-case word, in ISO 8859-1 (the Swedish patterns' encoding).
std::set<std::size_t> patternPoints(HyphenDict* dict, const std::string& latin1) {
    std::vector<char> hyph(latin1.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, latin1.c_str(), static_cast<int>(latin1.size()), hyph.data(), nullptr, &rep, &pos, &cut);
    std::set<std::size_t> out;
    for (std::size_t i = 0; i < latin1.size(); ++i)
        if (hyph[i] & 1) out.insert(i + 1);  // a break after i + 1 characters
    return out;
}

std::string toLatin1Lower(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xC3 && i + 1 < utf8.size()) c = static_cast<unsigned char>(0xC0 + (utf8[++i] & 0x3F));
        if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE)) c += 32;
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace

TEST(PdfHyphenation, LineEndsAreWordEndsPatternPointsOrAddressSeparators) {
    const char* patterns = "/usr/share/hyphen/hyph_sv_SE.dic";
    if (!fs::exists(patterns)) GTEST_SKIP() << "hyphen-sv is not installed";
    HyphenDict* dict = hnj_hyphen_load(patterns);
    ASSERT_NE(dict, nullptr);

    doc::Document d;
    d.meta.title = "Avstavning";
    d.meta.lang = "sv";
    d.blocks.emplace_back(doc::Paragraph{doc::runs(swedishText()), doc::ParagraphStyle::Body});
    test::TempDir dir;
    const fs::path pdf = dir / "hyphens.pdf";
    writePdf(d, pdf);
    // Body lines only (the footer is the last line of the page).
    std::vector<std::string> lines;
    {
        std::istringstream in(pdftotext(pdf, 0, true));
        std::string l;
        while (std::getline(in, l)) {
            while (!l.empty() && (l.back() == ' ' || l.back() == '\f')) l.pop_back();
            const auto start = l.find_first_not_of(" \f");
            if (start == std::string::npos || std::regex_match(l.substr(start), std::regex(R"(\d+ ?/ ?\d+)"))) continue;
            lines.push_back(l.substr(start));
        }
    }
    ASSERT_GT(lines.size(), 8u);
    const std::string source = swedishText();
    int hyphenated = 0, addressBreaks = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string& line = lines[i];
        const std::string last = line.substr(line.rfind(' ') == std::string::npos ? 0 : line.rfind(' ') + 1);
        const std::string next = lines[i + 1].substr(0, lines[i + 1].find(' '));
        SCOPED_TRACE(line + " | " + lines[i + 1]);
        if (source.find(last + " " + next) != std::string::npos) continue;  // a break between words
        if (last.find('/') != std::string::npos || last.find('@') != std::string::npos ||
            next.find(".se") != std::string::npos) {
            // Inside an address: after '/', '.', '@' or '-', with nothing added.
            EXPECT_NE(source.find(last + next), std::string::npos);
            EXPECT_TRUE(std::string("/.@-").find(last.back()) != std::string::npos) << last;
            ++addressBreaks;
            continue;
        }
        ASSERT_EQ(last.back(), '-') << "a word broken without a hyphen: " << last << " / " << next;
        const std::string head = last.substr(0, last.size() - 1);
        std::string word = head + next;
        while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
        EXPECT_NE(source.find(word), std::string::npos) << word;
        const std::string lw = toLatin1Lower(word);
        const std::size_t cut = toLatin1Lower(head).size();
        const auto points = patternPoints(dict, lw);
        EXPECT_TRUE(points.count(cut)) << word << " broken after " << cut << " letters, not a pattern point";
        ++hyphenated;
    }
    EXPECT_GT(hyphenated, 2);
    EXPECT_GT(addressBreaks, 0);
    hnj_hyphen_free(dict);
}
