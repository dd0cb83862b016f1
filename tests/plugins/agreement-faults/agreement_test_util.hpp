// Helpers for the tests of the agreement's four section plugins: a minimal good agreement whose
// sections can be swapped one at a time, the codes the real engine reports for it, and the text
// of its assembled document.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "engine/engine.hpp"
#include "test_support.hpp"

namespace overens::test::agreement {

// The four sections of a minimal agreement that every rule leaves alone.
struct Parts {
    std::string lang = "sv";
    std::string review = R"(<review every="P1Y" next="2028-01-20" notify-before="P30D"/>)";
    std::string goals = R"(<goals year="2027">
    <goal horizon="year" priority="1">
      <title>Fler elever klarar skolan</title>
      <measure indicator="Andel behöriga elever" target="85 %" follow-up="2027-06-30"/>
    </goal>
  </goals>)";
    std::string coLeadership = R"(<co-leadership>
    <meeting name="Veckoavstämning" every="P1W"/>
    <case-preparation><description>Förvaltningen bereder ärendena.</description></case-preparation>
    <urgent><routine>Ordföranden beslutar och beslutet anmäls vid nästa sammanträde.</routine></urgent>
    <golden-zone><question text="Mediefrågor i obeslutade ärenden"/></golden-zone>
  </co-leadership>)";
    std::string division = R"(<division-of-work>
    <area name="Budget" owner="chair"/>
  </division-of-work>)";
    std::string collaboration = R"(<collaboration-rules>
    <behaviour kind="transparency"><commitment>Vi ringer varandra samma dag.</commitment></behaviour>
    <information>Ett veckobrev varje fredag.</information>
    <disagreement>Vi tar det mellan oss först.</disagreement>
    <conversation>
      <chair-role>Leda styrelsen.</chair-role>
      <director-role>Leda förvaltningen.</director-role>
      <hard>Tiden.</hard>
      <chair-needs>Tidiga signaler.</chair-needs>
      <director-needs>Tydliga uppdrag.</director-needs>
      <improve>Uppföljningen.</improve>
    </conversation>
    <follow-up every="P6M"/>
  </collaboration-rules>)";
};

inline std::string agreementXml(const Parts& p) {
    std::ostringstream s;
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<agreement kind=\"agreement\" lang=\"" << p.lang << "\">\n"
      << "  <organisation type=\"kommun\" name=\"Provby kommun\" board=\"Kommunstyrelsen\"/>\n"
      << "  <party role=\"chair\" name=\"Eva Ordförande\" title=\"Kommunstyrelsens ordförande\"/>\n"
      << "  <party role=\"director\" name=\"Olle Direktör\" title=\"Kommundirektör\"/>\n"
      << "  <registration dnr=\"KS 2027/0001\" adopted=\"2027-01-20\"/>\n"
      << "  " << p.review << "\n"
      << "  " << p.goals << "\n"
      << "  " << p.coLeadership << "\n"
      << "  " << p.division << "\n"
      << "  " << p.collaboration << "\n"
      << "</agreement>\n";
    return s.str();
}

// One engine per test process: the real plugins and templates of the build tree.
inline Engine& engine() {
    static Diagnostics setup;
    static Engine e(EngineOptions{}, setup);
    return e;
}

inline std::string dump(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += x.format("en") + "\n";
    return s;
}

struct Checked {
    std::vector<Prepared> prepared;
    const Diagnostics& diags() const { return prepared.at(0).diags; }
    std::set<std::string> codes() const {
        std::set<std::string> c;
        for (const auto& d : diags().all()) c.insert(d.code);
        return c;
    }
    const Diagnostic* find(const std::string& code) const {
        for (const auto& d : diags().all())
            if (d.code == code) return &d;
        return nullptr;
    }
    std::string dumped() const { return dump(diags()); }
};

// Read and check an agreement through the real engine.
inline Checked check(const std::string& xml, TempDir& dir, const std::string& name = "agreement.xml") {
    writeFile(dir / name, xml);
    return Checked{engine().prepare({(dir / name).string()})};
}

inline std::set<std::string> codesOf(const Parts& p) {
    TempDir dir;
    return check(agreementXml(p), dir).codes();
}

inline void collect(const doc::Runs& runs, std::string& out) { out += doc::plainText(runs) + "\n"; }
inline void collect(const doc::List& l, std::string& out) {
    for (const auto& item : l.items) {
        collect(item.runs, out);
        for (const auto& child : item.children) collect(child, out);
    }
}

// All the text of a document, one block (or cell, or item) a line.
inline std::string textOf(const doc::Document& d) {
    std::string out;
    for (const auto& b : d.blocks) {
        if (auto h = std::get_if<doc::Heading>(&b)) collect(h->runs, out);
        if (auto p = std::get_if<doc::Paragraph>(&b)) collect(p->runs, out);
        if (auto l = std::get_if<doc::List>(&b)) collect(*l, out);
        if (auto t = std::get_if<doc::Table>(&b)) {
            for (const auto& row : t->header)
                for (const auto& cell : row) collect(cell, out);
            for (const auto& row : t->rows)
                for (const auto& cell : row) collect(cell, out);
        }
        if (auto n = std::get_if<doc::Note>(&b)) collect(n->runs, out);
    }
    return out;
}

// Every run the user filled in (value runs), over the whole document.
inline std::vector<std::string> valuesOf(const doc::Document& d) {
    std::vector<std::string> out;
    auto add = [&](const doc::Runs& runs) {
        for (const auto& r : runs)
            if (r.field) out.push_back(r.text);
    };
    for (const auto& b : d.blocks) {
        if (auto h = std::get_if<doc::Heading>(&b)) add(h->runs);
        if (auto p = std::get_if<doc::Paragraph>(&b)) add(p->runs);
        if (auto l = std::get_if<doc::List>(&b))
            for (const auto& i : l->items) add(i.runs);
        if (auto t = std::get_if<doc::Table>(&b))
            for (const auto& row : t->rows)
                for (const auto& cell : row) add(cell);
    }
    return out;
}

struct Built {
    doc::Document document;
    Diagnostics diags;
    std::string text;
};

// Check and assemble an agreement; fails the test when it does not check clean.
inline Built build(const Parts& p) {
    TempDir dir;
    Checked c = check(agreementXml(p), dir);
    Built b;
    EXPECT_TRUE(c.prepared.at(0).ok()) << c.dumped();
    if (!c.prepared.at(0).ok()) return b;
    b.document = engine().assemble(c.prepared.at(0), b.diags);
    b.text = textOf(b.document);
    return b;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline bool hasValue(const doc::Document& d, const std::string& v) {
    for (const auto& x : valuesOf(d))
        if (x == v) return true;
    return false;
}

// The lines of `overens validate` output that carry code.
inline std::vector<std::string> linesWith(const std::string& err, const std::string& code) {
    std::vector<std::string> out;
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line))
        if (contains(line, "[" + code + "]")) out.push_back(line);
    return out;
}

// The 1-based line of the first occurrence of needle in text.
inline int lineOf(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) return 0;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

// The agreement samples that must check clean.
inline std::vector<std::filesystem::path> goodSamples() {
    return {samplesDir() / "kommun" / "exempelby-overenskommelse.xml",
            samplesDir() / "region" / "exempelland-overenskommelse.xml",
            samplesDir() / "region" / "exempelland-agreement-en.xml"};
}

// The codes of one plugin (prefix "goals.") reported for the good samples.
inline std::set<std::string> sampleCodes(const std::string& prefix) {
    std::set<std::string> out;
    for (const auto& f : goodSamples()) {
        auto prepared = engine().prepare({f.string()});
        for (const auto& d : prepared.at(0).diags.all())
            if (d.code.rfind(prefix, 0) == 0) out.insert(f.filename().string() + ": " + d.code);
    }
    return out;
}

inline std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << "not in the text: " << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

}  // namespace overens::test::agreement
