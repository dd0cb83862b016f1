// Helpers for the tests of the board-adopted plugins (delegation-order, director-instruction and the
// checks across documents): write a small source, run the real `overens`, read the codes it printed.
#pragma once

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace overens::test::board {

inline const char* kKommunHeader = R"(
  <organisation type="kommun" name="Testby kommun" board="Kommunstyrelsen"/>
  <party role="chair" name="Eva Sten" title="Kommunstyrelsens ordförande" email="eva.sten@testby.se"/>
  <party role="director" name="Olof Dahl" title="Kommundirektör" email="olof.dahl@testby.se"/>
)";

// A delegation order around the given roles and rows (one area), adopted by the board.
inline std::string delegationOrder(const std::string& rows, const std::string& extraRoles = {},
                                   const std::string& sectionAttrs = R"( reporting="report")",
                                   const std::string& lang = "sv") {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<delegation-order lang=")") + lang + "\">" + kKommunHeader +
           R"(  <registration dnr="KS 2027/0001" adopted="2027-01-20" body="Kommunstyrelsen" minutes="§ 5" version="1.0"/>
  <delegation-order)" + sectionAttrs + R"(>
    <role id="ordf" title="Kommunstyrelsens ordförande" kind="chair"/>
    <role id="au" title="Arbetsutskottet" kind="committee"/>
    <role id="kd" title="Kommundirektör" kind="director"/>
    <role id="ekchef" title="Ekonomichef" kind="employee"/>
    <role id="auto" title="Automatiserad beslutsfunktion" kind="automated"/>
)" + extraRoles + R"(    <area number="1" title="Ekonomi">
)" + rows + R"(    </area>
  </delegation-order>
</delegation-order>
)";
}

// A director instruction with the given section body, adopted by `body`.
inline std::string instruction(const std::string& sectionBody, const std::string& body = "Kommunstyrelsen",
                               const std::string& header = kKommunHeader, const std::string& lang = "sv") {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<director-instruction lang=")") + lang + "\">" + header +
           R"(  <registration dnr="KS 2027/0002" adopted="2027-01-20" body=")" + body + R"(" minutes="§ 6" version="1.0"/>
  <director-instruction>
)" + sectionBody + R"(
  </director-instruction>
</director-instruction>
)";
}

// A complete, valid instruction body (posts kd, bitr, ekchef).
inline const char* kGoodInstructionBody = R"(
    <post-title>Kommundirektör</post-title>
    <administration>kommunledningsförvaltningen</administration>
    <leadership>Kommundirektören leder förvaltningen genom en ledningsgrupp som möts varje vecka.</leadership>
    <economy>Kommundirektören leder budgetarbetet.</economy>
    <post id="kd" title="Kommundirektör" kind="director"/>
    <post id="bitr" title="Biträdande kommundirektör" kind="deputy-director" reports-to="kd"/>
    <post id="ekchef" title="Ekonomichef" kind="employee" reports-to="kd"/>
    <acting post="bitr"/>
    <delegation-order>KS 2027/0001</delegation-order>)";

// Validate sources written into a fresh folder; returns the command's result.
inline RunResult validateSources(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& files,
                                 const std::vector<std::string>& extraArgs = {}) {
    std::vector<std::string> args{"validate"};
    for (const auto& [name, content] : files) {
        writeFile(dir / name, content);
        args.push_back((dir / name).string());
    }
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    return runOverens(args);
}

inline std::set<std::string> codesOf(const std::string& xml, const std::string& name = "source.xml") {
    TempDir dir;
    return codesIn(validateSources(dir, {{name, xml}}).err);
}

// The lines of a faulty sample's leading comment that start with `key:`, split into words.
inline std::vector<std::string> commentList(const std::filesystem::path& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    std::vector<std::string> out;
    bool inComment = false;
    while (std::getline(in, line)) {
        if (line.find("<!--") != std::string::npos) inComment = true;
        if (inComment) {
            const auto at = line.find(key + ":");
            if (at != std::string::npos) {
                std::istringstream words(line.substr(at + key.size() + 1));
                std::string w;
                while (words >> w)
                    if (w != "-->") out.push_back(w);
            }
        }
        if (line.find("-->") != std::string::npos && inComment) break;
    }
    return out;
}

// Build to Markdown into dir; returns the Markdown text (empty when the build failed).
inline std::string buildMarkdown(const TempDir& dir, const std::filesystem::path& source,
                                 const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"build", source.string(), "--format", "md", "-o", (dir / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = runOverens(args);
    if (r.exitCode != 0) return "exit " + std::to_string(r.exitCode) + ": " + r.err;
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(dir / "out"))
        if (e.path().extension() == ".md") all += readFile(e.path());
    return all;
}

}  // namespace overens::test::board
