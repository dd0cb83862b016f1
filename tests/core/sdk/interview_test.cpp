// The SDK's interview helpers: the derived and completed interview, hints, conditions and the
// header's defaults.
#include <gtest/gtest.h>

#include "overens/sdk.hpp"

using namespace overens;

namespace {

Schema sample() {
    Field group = field("urgent", FieldType::Group, false, "Brådskande", "Urgent");
    group.fields = {text("consult", false, "Samråd", "Consult"), field("decided-by", FieldType::Role, false, "B", "D")};
    Field table = field("goal", FieldType::Table, false, "Mål", "Goal");
    table.fields = {text("title", true, "Mål", "Goal"), field("focus", FieldType::Boolean, false, "V", "F")};
    return Schema{{text("intro", false, "Inledning", "Intro"), group, table}};
}

const PluginInfo kInfo{"sample", "1.0", "Exempel", "Sample"};

}  // namespace

TEST(Interview, DerivedIsOneStepOfTheWholeSchema) {
    const Interview i = deriveInterview(kInfo, sample());
    ASSERT_EQ(i.steps.size(), 1u);
    EXPECT_EQ(i.steps[0].id, "sample");
    EXPECT_EQ(i.steps[0].title_en, "Sample");
    EXPECT_EQ(i.steps[0].fields, (std::vector<std::string>{"intro", "urgent", "goal"}));
}

TEST(Interview, CompletingDropsUnknownAndRepeatedNamesAndAppendsTheRest) {
    Interview own;
    own.steps = {step("a", "A", "A", {"goal", "nonsense", "goal"}), step("b", "B", "B", {"intro"})};
    const Interview i = completeInterview(own, kInfo, sample());
    ASSERT_EQ(i.steps.size(), 2u);
    EXPECT_EQ(i.steps[0].fields, (std::vector<std::string>{"goal"}));
    EXPECT_EQ(i.steps[1].fields, (std::vector<std::string>{"intro", "urgent"}));  // urgent never lost
    const Interview none = completeInterview(Interview{}, kInfo, sample());
    ASSERT_EQ(none.steps.size(), 1u);
    EXPECT_EQ(none.steps[0].title_sv, "Exempel");
    EXPECT_EQ(none.steps[0].fields.size(), 3u);
}

TEST(Interview, HintsLandInNestedFieldsAndUnknownPathsAreIgnored) {
    const Schema s = withHints(sample(), {{"urgent.consult", "direktören", "the director", HeaderValue::DirectorTitle},
                                          {"goal.title", "Kortare köer", "Shorter queues"},
                                          {"goal.focus", "", "", HeaderValue::None, {"title", {}}},
                                          {"goal.nothing", "x", "x"},
                                          {"intro"}});
    EXPECT_EQ(s.fields[1].fields[0].example_en, "the director");
    EXPECT_EQ(s.fields[1].fields[0].defaultFrom, HeaderValue::DirectorTitle);
    EXPECT_EQ(s.fields[2].fields[0].example_sv, "Kortare köer");
    EXPECT_EQ(s.fields[2].fields[1].showWhen.field, "title");
    EXPECT_TRUE(s.fields[0].example_sv.empty());
    EXPECT_TRUE(s.fields[0].showWhen.always());
}

TEST(Interview, ConditionsReadValuesAnyValueAndYesNoSpellings) {
    const Field boolean = field("urgent", FieldType::Boolean, false, "B", "B");
    const Field choice = field("kind", FieldType::Enum, false, "K", "K");
    EXPECT_TRUE(shownWhen({}, nullptr, ""));
    EXPECT_TRUE(shownWhen({"kind", {}}, &choice, "other"));
    EXPECT_FALSE(shownWhen({"kind", {}}, &choice, ""));
    EXPECT_TRUE(shownWhen({"kind", {"other", "custom"}}, &choice, "custom"));
    EXPECT_FALSE(shownWhen({"kind", {"other"}}, &choice, "clarity"));
    EXPECT_TRUE(shownWhen({"urgent", {"ja"}}, &boolean, "true"));
    EXPECT_TRUE(shownWhen({"urgent", {"ja"}}, &boolean, "yes"));
    EXPECT_FALSE(shownWhen({"urgent", {"ja"}}, &boolean, "nej"));
    EXPECT_FALSE(shownWhen({"kind", {"ja"}}, &choice, "true"));  // only a Boolean reads spellings
}

TEST(Interview, HeaderDefaultsComeFromTheContext) {
    Context ctx;
    ctx.organisation.name = "Exempelby kommun";
    ctx.organisation.board = "Kommunstyrelsen";
    ctx.parties = {{"chair", "Anna Ek", "Ordförande", "", {}}, {"director", "Per Al", "Kommundirektör", "", {}}};
    ctx.registration.dnr = "KS 2027/1";
    ctx.registration.adopted = parseDate("2027-02-01");
    EXPECT_EQ(headerDefault(HeaderValue::OrganisationName, ctx), "Exempelby kommun");
    EXPECT_EQ(headerDefault(HeaderValue::Board, ctx), "Kommunstyrelsen");
    EXPECT_EQ(headerDefault(HeaderValue::ChairName, ctx), "Anna Ek");
    EXPECT_EQ(headerDefault(HeaderValue::ChairTitle, ctx), "Ordförande");
    EXPECT_EQ(headerDefault(HeaderValue::DirectorName, ctx), "Per Al");
    EXPECT_EQ(headerDefault(HeaderValue::DirectorTitle, ctx), "Kommundirektör");
    EXPECT_EQ(headerDefault(HeaderValue::RegistrationNumber, ctx), "KS 2027/1");
    EXPECT_EQ(headerDefault(HeaderValue::AdoptionDate, ctx), "2027-02-01");
    EXPECT_EQ(headerDefault(HeaderValue::None, ctx), "");
    ctx.parties.clear();
    EXPECT_EQ(headerDefault(HeaderValue::DirectorName, ctx), "");
}
