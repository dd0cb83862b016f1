#include "cli_support.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

namespace overens::cli {

void printDiagnostics(const Diagnostics& diags, const std::string& lang, std::ostream& err) {
    for (const auto& line : reportLines(diags, lang)) err << line << '\n';
}

std::string languageOption(const CommandLine& cl) {
    const std::string lang = cl.value("lang");
    if (!lang.empty() && lang != "sv" && lang != "en")
        throw UsageError("--lang must be sv or en, not '" + lang + "'");
    return lang;
}

std::string messageLanguage(const CommandLine& cl) {
    const std::string lang = cl.value("lang");
    return lang == "en" ? "en" : "sv";
}

EngineOptions engineOptions(const CommandLine& cl) {
    EngineOptions o;
    o.templatesDir = cl.value("templates");
    o.lang = languageOption(cl);
    return o;
}

int reportPrepared(const Prepared& p, std::ostream& err) {
    printDiagnostics(p.diags, p.source.context.lang.empty() ? "sv" : p.source.context.lang, err);
    return p.status == ReadStatus::Unreadable ? kExitUsage : p.ok() ? kExitOk : kExitInputErrors;
}

int reportPrepared(const std::vector<Prepared>& prepared, std::ostream& err) {
    int code = kExitOk;
    for (const auto& p : prepared) code = std::max(code, reportPrepared(p, err));
    return code;
}

int reportSetup(const Engine& engine, const Diagnostics& setup, const std::string& lang, std::ostream& err) {
    printDiagnostics(setup, lang, err);
    if (engine.kinds().empty()) {
        err << (lang == "en" ? "overens: no document kinds found in " : "overens: inga dokumentslag hittades i ")
            << (engine.templatesDir() / "kinds").string() << '\n';
        return kExitUsage;
    }
    return setup.hasErrors() ? kExitUsage : kExitOk;
}

std::vector<std::string> splitList(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string part;
    while (std::getline(in, part, sep)) {
        const auto b = part.find_first_not_of(" \t");
        const auto e = part.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

}  // namespace overens::cli
