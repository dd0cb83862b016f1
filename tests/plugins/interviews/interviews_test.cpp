// The six plugins' interviews, loaded from the real plugin libraries: every step names fields
// of the schema, every hint names a field, conditions name a sibling and values it can have,
// both languages are given, and the wording is the product's own.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/engine.hpp"
#include "loader/plugin_loader.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;

namespace {

const PluginLoader& plugins() {
    static Diagnostics d;
    static PluginLoader* loader = [] {
        auto* l = new PluginLoader;  // kept for the whole run: the plugins' code stays loaded
        l->loadFrom(PluginLoader::defaultSearchPath(), d);
        return l;
    }();
    return *loader;
}

// The record that holds a hint's field, and the field itself.
std::pair<const std::vector<Field>*, const Field*> resolve(const std::vector<Field>& fields, const std::string& path) {
    const std::size_t dot = path.find('.');
    for (const auto& f : fields)
        if (f.name == path.substr(0, dot))
            return dot == std::string::npos ? std::make_pair(&fields, &f) : resolve(f.fields, path.substr(dot + 1));
    return {nullptr, nullptr};
}

bool isScalar(FieldType t) { return t != FieldType::List && t != FieldType::Table && t != FieldType::Group; }

const char* const kIds[] = {"goals", "co-leadership", "division-of-work", "collaboration-rules", "director-instruction",
                            "delegation-order"};

}  // namespace

TEST(PluginInterviews, EveryStepNamesFieldsOfItsSchemaInBothLanguages) {
    for (const char* id : kIds) {
        const LoadedPlugin* p = plugins().find(id);
        ASSERT_NE(p, nullptr) << id;
        const Interview own = p->plugin->interview();
        const Schema schema = p->plugin->schema();
        ASSERT_GE(own.steps.size(), 1u) << id;
        std::set<std::string> stepIds, named;
        for (const Step& s : own.steps) {
            EXPECT_TRUE(stepIds.insert(s.id).second) << id << ": step " << s.id << " twice";
            EXPECT_FALSE(s.title_sv.empty() || s.title_en.empty()) << id << "/" << s.id;
            EXPECT_EQ(s.intro_sv.empty(), s.intro_en.empty()) << id << "/" << s.id;
            EXPECT_EQ(s.prompts_sv.size(), s.prompts_en.size()) << id << "/" << s.id;
            EXPECT_FALSE(s.fields.empty()) << id << "/" << s.id;
            for (const auto& f : s.fields) {
                EXPECT_NE(resolve(schema.fields, f).second, nullptr) << id << "/" << s.id << ": no field " << f;
                EXPECT_TRUE(named.insert(f).second) << id << ": " << f << " asked twice";
            }
        }
        // As the form uses it, every field of the schema is asked exactly once.
        const Interview complete = completeInterview(own, p->info, schema);
        std::multiset<std::string> asked;
        for (const Step& s : complete.steps) asked.insert(s.fields.begin(), s.fields.end());
        EXPECT_EQ(asked.size(), schema.fields.size()) << id;
        for (const auto& f : schema.fields) EXPECT_EQ(asked.count(f.name), 1u) << id << ": " << f.name;
    }
}

TEST(PluginInterviews, HintsNameFieldsAndConditionsNameASiblingAndItsValues) {
    for (const char* id : kIds) {
        const LoadedPlugin* p = plugins().find(id);
        ASSERT_NE(p, nullptr) << id;
        const Interview i = p->plugin->interview();
        const Schema schema = p->plugin->schema();
        std::size_t examples = 0;
        for (const FieldHint& h : i.hints) {
            const auto [record, field] = resolve(schema.fields, h.path);
            ASSERT_NE(field, nullptr) << id << ": the hint " << h.path << " names no field";
            EXPECT_EQ(h.example_sv.empty(), h.example_en.empty()) << id << ": " << h.path;
            examples += !h.example_sv.empty();
            if (h.defaultFrom != HeaderValue::None) {
                EXPECT_TRUE(isScalar(field->type)) << id << ": " << h.path;
            }
            if (h.showWhen.always()) continue;
            const Field* sibling = nullptr;
            for (const auto& f : *record)
                if (f.name == h.showWhen.field) sibling = &f;
            ASSERT_NE(sibling, nullptr) << id << ": " << h.path << " is shown by " << h.showWhen.field << ", no sibling";
            EXPECT_NE(sibling->name, field->name) << id << ": " << h.path;
            for (const auto& v : h.showWhen.values) {
                if (sibling->type == FieldType::Enum) {
                    bool choice = false;
                    for (const auto& c : sibling->choices) choice = choice || c.value == v;
                    EXPECT_TRUE(choice) << id << ": " << h.path << " waits for " << v << ", not a choice";
                }
                if (sibling->type == FieldType::Boolean) {
                    EXPECT_TRUE(shownWhen(h.showWhen, sibling, "true") || shownWhen(h.showWhen, sibling, "false"))
                        << id << ": " << h.path;
                }
            }
        }
        EXPECT_GE(examples, 5u) << id;
    }
}

TEST(PluginInterviews, TheTwoAgreementConversationsHavePromptsForBothParties) {
    for (const char* id : {"co-leadership", "collaboration-rules"}) {
        const LoadedPlugin* p = plugins().find(id);
        ASSERT_NE(p, nullptr) << id;
        std::size_t prompts = 0;
        bool bothParties = false;
        for (const Step& s : p->plugin->interview().steps) {
            prompts += s.prompts_sv.size();
            EXPECT_FALSE(s.prompts_sv.empty()) << id << "/" << s.id << " gives nothing to talk through";
            for (const auto& q : s.prompts_sv)
                bothParties = bothParties || (q.find("ordföranden") != std::string::npos &&
                                              q.find("direktören") != std::string::npos && q.find("behöver") != std::string::npos);
        }
        EXPECT_GE(prompts, 8u) << id;
        EXPECT_TRUE(bothParties) << id << ": no prompt on what the chair and the director need from each other";
    }
}

TEST(PluginInterviews, TheEngineKeepsTheHintsInItsSchemas) {
    Diagnostics setup;
    Engine engine(EngineOptions{}, setup);
    const auto& goals = engine.schemas().at("goals");
    const auto [record, reporter] = resolve(goals.fields, "goal.reporter");
    ASSERT_NE(reporter, nullptr);
    EXPECT_EQ(reporter->defaultFrom, HeaderValue::DirectorTitle);
    EXPECT_FALSE(reporter->example_sv.empty());
    const auto [r2, subDelegate] = resolve(engine.schemas().at("delegation-order").fields, "area.delegation.sub-delegate");
    ASSERT_NE(subDelegate, nullptr);
    EXPECT_EQ(subDelegate->showWhen.field, "sub-delegation");
}

// The wording of the interviews is written for the product, not lifted from the seed material.
TEST(PluginInterviews, NoSentenceComesFromTheSeedMaterial) {
    const std::filesystem::path seed = sourceDir() / ".." / "shared" / "seed";
    if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no ../shared/seed beside the clone";
    std::string seedText;
    for (const auto& e : std::filesystem::recursive_directory_iterator(seed))
        if (e.is_regular_file()) seedText += readFile(e.path()) + "\n";
    ASSERT_FALSE(seedText.empty());
    std::size_t checked = 0;
    auto check = [&](const std::string& id, const std::string& s) {
        if (s.size() < 25) return;
        ++checked;
        EXPECT_EQ(seedText.find(s), std::string::npos) << id << ": " << s;
        // Nor its first half, which catches a copied sentence with a new ending.
        EXPECT_EQ(seedText.find(s.substr(0, s.size() / 2)), std::string::npos) << id << ": " << s;
    };
    for (const char* id : kIds) {
        const LoadedPlugin* p = plugins().find(id);
        ASSERT_NE(p, nullptr) << id;
        const Interview i = p->plugin->interview();
        for (const Step& s : i.steps) {
            check(id, s.intro_sv);
            for (const auto& q : s.prompts_sv) check(id, q);
        }
        for (const FieldHint& h : i.hints) check(id, h.example_sv);
    }
    EXPECT_GT(checked, 40u);
}
