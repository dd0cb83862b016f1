// What the subcommands share: printing diagnostics, the engine options from the command line.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "engine/engine.hpp"
#include "overens/diagnostics.hpp"

namespace overens::cli {

// Print the diagnostics as FILE:LINE:COL: severity: [CODE] message, in lang: alike ones on many
// rows said once with their lines, at most 50 per code (reportLines).
void printDiagnostics(const Diagnostics& diags, const std::string& lang, std::ostream& err);

// --lang, checked: "", "sv" or "en". Throws UsageError otherwise.
std::string languageOption(const CommandLine& cl);
EngineOptions engineOptions(const CommandLine& cl);

// The language for messages that belong to no document: --lang, else Swedish.
std::string messageLanguage(const CommandLine& cl);

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Print each prepared source's diagnostics in its language; the exit code they call for.
int reportPrepared(const std::vector<Prepared>& prepared, std::ostream& err);
int reportPrepared(const Prepared& p, std::ostream& err);
// Print setup problems (plugins, kinds); the exit code they call for.
int reportSetup(const Engine& engine, const Diagnostics& setup, const std::string& lang, std::ostream& err);

std::vector<std::string> splitList(const std::string& s, char sep = ',');

}  // namespace overens::cli
