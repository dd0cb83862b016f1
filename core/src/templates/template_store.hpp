// Where the templates live and reading the wording files in them.
#pragma once

#include <filesystem>
#include <string>

#include "overens/diagnostics.hpp"
#include "overens/wording.hpp"

namespace overens {

// --templates, else OVERENS_TEMPLATES, else share/overens/templates beside the command
// (the build tree mirrors that), else the source tree's templates/.
std::filesystem::path findTemplatesDir(const std::string& explicitDir = {});

// templates/<lang>/<name>.xml: <wording><text key="...">...</text>...</wording>.
// A missing file gives an empty Wording and a warning; a malformed one an error.
Wording loadWording(const std::filesystem::path& templatesDir, const std::string& lang, const std::string& name,
                    Diagnostics& diags);

// The templates' version (templates/VERSION), recorded in every document's metadata; read once
// per process (the templates do not change during a run).
std::string templatesVersion(const std::filesystem::path& templatesDir);

}  // namespace overens
