// The grammar agrees with the validator: for every sample, every faulty sample and a set of
// structural variants, jing rejects the file exactly when `overens validate` reports a fault of
// the source format (a source.* code), and values written the lenient ways pass both.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <regex>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

std::string kindOf(const std::string& xml) {
    std::smatch m;
    std::regex root(R"(<(agreement|director-instruction|delegation-order)[\s>])");
    return std::regex_search(xml, m, root) ? m[1].str() : std::string();
}

bool hasStructuralFault(const std::string& err) {
    for (const auto& code : codesIn(err))
        if (code.rfind("source.", 0) == 0) return true;
    return false;
}

struct Grammars {
    TempDir dir;
    std::map<std::string, fs::path> rng;
    Grammars() {
        for (const char* kind : {"agreement", "director-instruction", "delegation-order"}) {
            rng[kind] = dir / (std::string(kind) + ".rng");
            const auto r = runOverens({"schema", kind, "--lang", "sv", "-o", rng[kind].string()});
            EXPECT_EQ(r.exitCode, 0) << r.err;
        }
    }
};

// Both tools on many files (one jing run per kind, as the JVM's start is slow): for each file,
// (jing rejected it, validate found a structural fault).
std::map<fs::path, std::pair<bool, bool>> check(const Grammars& g, const std::vector<fs::path>& files) {
    std::map<std::string, std::vector<fs::path>> byKind;
    for (const auto& f : files) {
        const std::string kind = kindOf(readFile(f));
        EXPECT_FALSE(kind.empty()) << f;
        if (!kind.empty()) byKind[kind].push_back(f);
    }
    std::map<fs::path, std::pair<bool, bool>> out;
    for (const auto& [kind, list] : byKind) {
        std::vector<std::string> args{"jing", g.rng.at(kind).string()};
        for (const auto& f : list) args.push_back(f.string());
        const RunResult jing = run(args);
        for (const auto& f : list) {
            const bool rejected = jing.out.find(f.string() + ":") != std::string::npos;
            out[f] = {rejected, hasStructuralFault(runOverens({"validate", f.string()}).err)};
        }
    }
    return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "the sample has no " << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// The text without its first <name ...>...</name> element.
std::string withoutElement(std::string text, const std::string& name) {
    const auto from = text.find("<" + name + ">") != std::string::npos ? text.find("<" + name + ">")
                                                                         : text.find("<" + name + " ");
    const auto to = text.find("</" + name + ">", from);
    EXPECT_TRUE(from != std::string::npos && to != std::string::npos) << "the sample has no <" << name << ">";
    if (from != std::string::npos && to != std::string::npos) text.erase(from, to + name.size() + 3 - from);
    return text;
}

}  // namespace

TEST(GrammarAgreement, EverySampleAndFaultySamplePassesBothOrNeither) {
    if (!commandExists("jing")) GTEST_SKIP() << "jing is not installed";
    Grammars g;
    std::vector<fs::path> files;
    for (const auto& folder : {"kommun", "region", "faulty"})
        for (const auto& e : fs::directory_iterator(samplesDir() / folder))
            if (e.path().extension() == ".xml") files.push_back(e.path());
    ASSERT_GE(files.size(), 15u);
    for (const auto& [file, result] : check(g, files)) {
        const auto [jing, validate] = result;
        EXPECT_EQ(jing, validate) << file << ": jing " << (jing ? "rejects" : "accepts") << ", validate "
                                  << (validate ? "reports" : "does not report") << " a structural fault";
    }
}

TEST(GrammarAgreement, StructuralFaultsAreFoundByBoth) {
    if (!commandExists("jing")) GTEST_SKIP() << "jing is not installed";
    Grammars g;
    const std::string order = readFile(samplesDir() / "kommun" / "exempelby-delegationsordning.xml");
    const std::string agreement = readFile(samplesDir() / "kommun" / "exempelby-overenskommelse.xml");
    struct Variant {
        const char* name;
        std::string xml;
        bool fault;
    };
    const std::vector<Variant> variants{
        {"unknown attribute", replaced(order, "number=\"1.1\" matter=", "number=\"1.1\" mater="), true},
        {"missing delegate", replaced(order, " delegate=\"au\" legal-basis=\"KL 6 kap. 37 §\" category=", " legal-basis=\"KL 6 kap. 37 §\" category="), true},
        {"unknown choice", replaced(order, "kind=\"committee\"", "kind=\"comittee\""), true},
        {"impossible date", replaced(order, "adopted=\"2027-01-20\"", "adopted=\"2027-02-30\""), true},
        {"bad period", replaced(order, "every=\"P1Y\"", "every=\"ibland\""), true},
        {"unknown element", replaced(order, "<local-rule>", "<lokal-regel>x</lokal-regel><local-rule>"), true},
        {"bad organisation type", replaced(order, "type=\"kommun\"", "type=\"stad\""), true},
        {"bad yes/no", replaced(order, "urgent=\"ja\"", "urgent=\"kanske\""), true},
        {"label for a code", replaced(order, "kind=\"committee\"", "kind=\"Utskott\""), false},
        {"English label in capitals", replaced(order, "kind=\"chair\"", "kind=\"CHAIR\""), false},
        {"plain period", replaced(order, "every=\"P1Y\"", "every=\"1 år\""), false},
        {"plain notice", replaced(order, "notify-before=\"P60D\"", "notify-before=\"60 dagar\""), false},
        {"yes in capitals", replaced(order, "urgent=\"ja\"", "urgent=\"Ja\""), false},
        {"reporting by label", replaced(order, "reporting=\"next-meeting\"", "reporting=\"anmäls vid nästa sammanträde\""), false},
        {"English period", replaced(agreement, "every=\"P1Y\"", "every=\"every 2 weeks\""), false},
        // Required by the co-leadership rules, so required by the grammar too.
        {"no urgent matters", withoutElement(agreement, "urgent"), true},
        {"urgent without routine", withoutElement(agreement, "routine"), true},
        {"organisation type capitalised", replaced(order, "type=\"kommun\"", "type=\"Kommun\""), false},
    };
    TempDir dir;
    std::vector<fs::path> files;
    std::map<fs::path, const Variant*> of;
    for (const auto& v : variants) {
        const auto file = dir / (std::string(v.name) + ".xml");
        writeFile(file, v.xml);
        files.push_back(file);
        of[file] = &v;
    }
    for (const auto& [file, result] : check(g, files)) {
        const auto [jing, validate] = result;
        const Variant& v = *of[file];
        EXPECT_EQ(jing, v.fault) << v.name << ": jing " << (jing ? "rejects" : "accepts");
        EXPECT_EQ(validate, v.fault) << v.name << ": validate " << (validate ? "reports" : "does not report")
                                     << " a structural fault";
    }
}

TEST(GrammarDocumentation, EveryElementAndAttributeIsDocumentedInTheChosenLanguage) {
    for (const char* lang : {"sv", "en"})
        for (const char* kind : {"agreement", "director-instruction", "delegation-order"}) {
            const RunResult r = runOverens({"schema", kind, "--lang", lang});
            ASSERT_EQ(r.exitCode, 0) << r.err;
            pugi::xml_document d;
            ASSERT_TRUE(d.load_string(r.out.c_str()));
            std::size_t checked = 0;
            for (const char* what : {"//element", "//attribute"})
                for (const auto& n : d.select_nodes(what)) {
                    const pugi::xml_node e = n.node();
                    ++checked;
                    EXPECT_FALSE(std::string(e.child_value("a:documentation")).empty())
                        << lang << " " << kind << ": <" << e.name() << " name=\"" << e.attribute("name").value()
                        << "\"> has no documentation";
                }
            EXPECT_GT(checked, 20u);
            // The header is documented too, in the language asked for.
            const bool sv = std::string(lang) == "sv";
            EXPECT_NE(r.out.find(sv ? "Organisationens namn" : "The organisation's name"), std::string::npos);
            EXPECT_NE(r.out.find(sv ? "(obligatoriskt)" : "(required)"), std::string::npos);
        }
}
