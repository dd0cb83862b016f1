// Fixtures shared by the core tests: the fixture plugins and a templates folder with the
// fixture document kind beside the real templates.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "test_support.hpp"

namespace overens::test {

// build/tests/fixture-plugins/<name> (good, throws, wrong-sdk, duplicate, no-entry).
std::filesystem::path fixturePluginDir(const std::string& name);

// Copies templates/ and the fixture kind and wording into dir; returns the templates folder.
std::filesystem::path makeFixtureTemplates(const TempDir& dir);

// tests/core/fixtures/sample.xml: a valid source of the fixture kind.
std::string fixtureSample();

// Environment for running `overens` with the good fixture plugin and fixture templates.
std::map<std::string, std::string> fixtureEnv(const std::filesystem::path& templates,
                                              const std::string& plugins = "good");

}  // namespace overens::test
