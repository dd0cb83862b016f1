// What `schema` and `new` share: the KIND argument, the section titles and the header's help.
#pragma once

#include <map>
#include <string>

#include "cli_support.hpp"
#include "overens/wording.hpp"

namespace overens::cli {

// The one KIND argument of `command`, checked against the loaded kinds (UsageError otherwise).
const DocumentKind& kindArgument(const Engine& engine, const CommandLine& cl, const std::string& command);
// Each loaded plugin's title in lang, by section id.
std::map<std::string, std::string> sectionTitles(const Engine& engine, const std::string& lang);
// templates/<lang>/schema.xml; problems printed to stderr.
Wording schemaWording(const Engine& engine, const std::string& lang);

}  // namespace overens::cli
