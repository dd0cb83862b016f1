// The engine: kind rules, plugin rules and exceptions, review dates, and the assembled tree.
#include <gtest/gtest.h>

#include "core_fixtures.hpp"
#include "engine/engine.hpp"

using namespace overens;
using namespace overens::test;

namespace {

struct EngineFixture : ::testing::Test {
    TempDir dir;
    std::filesystem::path templates = makeFixtureTemplates(dir);
    Diagnostics setup;

    Engine engine(const std::string& lang = {}) {
        EngineOptions o;
        o.templatesDir = templates;
        o.pluginPath = {fixturePluginDir("good")};
        o.lang = lang;
        return Engine(o, setup);
    }
    std::string source(const std::string& name, const std::string& xml) {
        writeFile(dir / name, xml);
        return (dir / name).string();
    }
    static std::string replace(std::string s, const std::string& from, const std::string& to) {
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) s.replace(at, from.size(), to);
        return s;
    }
    static std::string dump(const Diagnostics& d) {
        std::string s;
        for (const auto& x : d.all()) s += x.format("en") + "\n";
        return s;
    }
};

template <class T>
std::vector<const T*> blocksOf(const doc::Document& d) {
    std::vector<const T*> out;
    for (const auto& b : d.blocks)
        if (auto p = std::get_if<T>(&b)) out.push_back(p);
    return out;
}

}  // namespace

TEST_F(EngineFixture, AGoodSourceIsCleanAndAssembles) {
    Engine e = engine();
    auto prepared = e.prepare({source("ok.xml", fixtureSample())});
    ASSERT_EQ(prepared.size(), 1u);
    EXPECT_TRUE(prepared[0].ok()) << dump(prepared[0].diags);
    EXPECT_EQ(prepared[0].diags.all().size(), 0u) << dump(prepared[0].diags);
    EXPECT_EQ(prepared[0].source.context.nextReview->iso(), "2028-01-20");  // adopted + P1Y

    Diagnostics d;
    doc::Document document = e.assemble(prepared[0], d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    const auto titles = blocksOf<doc::TitleBlock>(document);
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0]->title, "Testdokument för Exempelby kommun");
    EXPECT_EQ(titles[0]->subtitle, "mellan kommunstyrelsens ordförande och kommundirektör");
    const auto headings = blocksOf<doc::Heading>(document);
    ASSERT_GE(headings.size(), 3u);
    EXPECT_EQ(doc::plainText(headings[0]->runs), "Testavsnittet");  // from the section's wording
    EXPECT_EQ(doc::plainText(headings[1]->runs), "Omprövning");
    EXPECT_EQ(doc::plainText(headings.back()->runs), "Revisionshistorik");
    EXPECT_FALSE(headings.back()->numbered);
    const auto paragraphs = blocksOf<doc::Paragraph>(document);
    ASSERT_FALSE(paragraphs.empty());
    EXPECT_EQ(doc::plainText(paragraphs[0]->runs), "Avsnittet gäller Samarbete åäö ÅÄÖ §");
    bool reviewSaid = false;
    for (auto p : paragraphs) reviewSaid = reviewSaid || doc::plainText(p->runs).find("20 januari 2028") != std::string::npos;
    EXPECT_TRUE(reviewSaid);
    const auto signatures = blocksOf<doc::SignatureBlock>(document);
    ASSERT_EQ(signatures.size(), 1u);
    ASSERT_EQ(signatures[0]->signatories.size(), 2u);
    EXPECT_EQ(signatures[0]->signatories[1].name, "Karin Lindqvist");
    EXPECT_EQ(document.meta.dnr, "KS 2027/0042");
    EXPECT_EQ(document.meta.headerText, "Exempelby kommun · KS 2027/0042");
    EXPECT_EQ(document.meta.pageLabel, "Sida {page} av {pages}");
    EXPECT_EQ(document.meta.people.size(), 2u);
    EXPECT_EQ(document.meta.sourceSha256, prepared[0].source.sha256);
}

TEST_F(EngineFixture, EnglishOnRequest) {
    Engine e = engine("en");
    auto prepared = e.prepare({source("ok.xml", fixtureSample())});
    ASSERT_TRUE(prepared[0].ok()) << dump(prepared[0].diags);
    Diagnostics d;
    doc::Document document = e.assemble(prepared[0], d);
    EXPECT_EQ(document.meta.lang, "en");
    EXPECT_EQ(document.meta.title, "Test document of Exempelby kommun");
    EXPECT_EQ(doc::plainText(blocksOf<doc::Heading>(document)[0]->runs), "The test section");
    EXPECT_EQ(document.meta.board, "Municipal Executive Board");
}

TEST(ResolveLanguage, BoardNameFollowsTheOutputLanguage) {
    Context c;
    c.organisation.type = "region";
    resolveLanguage(c, "");
    EXPECT_EQ(c.lang, "sv");
    EXPECT_EQ(c.organisation.board, "Regionstyrelsen");
    Context named;
    named.lang = "sv";
    named.organisation.board = "Kommunstyrelsen i Exempelby";
    named.organisation.boardEn = "Exempelby Executive Board";
    Context english = named;
    resolveLanguage(named, "");
    EXPECT_EQ(named.organisation.board, "Kommunstyrelsen i Exempelby");
    resolveLanguage(english, "en");
    EXPECT_EQ(english.organisation.board, "Exempelby Executive Board");
}

TEST_F(EngineFixture, KindRulesAreChecked) {
    Engine e = engine();
    std::string xml = replace(fixtureSample(), "<party role=\"director\"", "<party role=\"deputy\"");
    auto p1 = e.prepare({source("a.xml", xml)});
    EXPECT_TRUE(p1[0].diags.hasCode("kind.missing-party")) << dump(p1[0].diags);

    const auto start = fixtureSample().find("  <fixture title");
    const auto end = fixtureSample().find("</fixture>\n</fixture>");
    std::string noSection = fixtureSample().substr(0, start) + fixtureSample().substr(end + 11);
    auto p2 = e.prepare({source("b.xml", noSection)});
    EXPECT_TRUE(p2[0].diags.hasCode("kind.missing-section")) << dump(p2[0].diags);

    auto p3 = e.prepare({source("c.xml", replace(fixtureSample(), "<fixture lang=\"sv\">", "<fixture kind=\"letter\" lang=\"sv\">"))});
    EXPECT_TRUE(p3[0].diags.hasCode("source.kind-mismatch")) << dump(p3[0].diags);
}

TEST_F(EngineFixture, AnExceptionFromAPluginBecomesADiagnostic) {
    Engine e = engine();
    auto prepared = e.prepare({source("t.xml", replace(fixtureSample(), "title=\"Samarbete åäö ÅÄÖ §\"", "title=\"throw\""))});
    ASSERT_TRUE(prepared[0].diags.hasCode("plugin.threw")) << dump(prepared[0].diags);
    EXPECT_NE(dump(prepared[0].diags).find("the fixture was asked to throw"), std::string::npos);
    EXPECT_FALSE(prepared[0].ok());
}

TEST_F(EngineFixture, ReviewDateRules) {
    Engine e = engine();
    auto before = e.prepare({source("r.xml", replace(fixtureSample(), "<review every=\"P1Y\"", "<review next=\"2026-12-31\" every=\"P1Y\""))});
    EXPECT_TRUE(before[0].diags.hasCode("review.before-adoption")) << dump(before[0].diags);
    auto undated = e.prepare({source("u.xml", replace(fixtureSample(), " adopted=\"2027-01-20\"", ""))});
    EXPECT_TRUE(undated[0].diags.hasCode("review.no-date")) << dump(undated[0].diags);
    EXPECT_TRUE(undated[0].ok());  // a warning only
    auto leap = e.prepare({source("l.xml", replace(replace(fixtureSample(), "adopted=\"2027-01-20\"", "adopted=\"2028-02-29\""),
                                                   "<review every=\"P1Y\"", "<review every=\"P6M\""))});
    EXPECT_EQ(leap[0].source.context.nextReview->iso(), "2028-08-29");
}

TEST_F(EngineFixture, CrossDocumentFactsStayWithinOneOrganisation) {
    Engine e = engine();
    auto prepared = e.prepare({source("one.xml", fixtureSample()),
                               source("two.xml", replace(fixtureSample(), "Exempelby kommun\"/>", "Annanby kommun\"/>"))});
    ASSERT_EQ(prepared.size(), 2u);
    EXPECT_TRUE(prepared[0].facts.count("fixture.title"));
    EXPECT_EQ(*prepared[1].facts["header.organisation"].begin(), "Annanby kommun");
    EXPECT_EQ(*prepared[0].facts["header.party.director.name"].begin(), "Karin Lindqvist");
}
