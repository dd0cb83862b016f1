// The one line `validate` (and `import`) ends with on stdout: documents, errors, warnings
// (diagnostics stay on stderr, so a clean run leaves stderr empty).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace overens::cli {

void printValidateSummary(const std::vector<Prepared>& prepared, const std::string& lang, std::ostream& err);

}  // namespace overens::cli
