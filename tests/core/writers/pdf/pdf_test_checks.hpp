// Checks shared by the PDF writer's tests.
#pragma once

#include <filesystem>

namespace overens::pdftest {

// Every word (pdftotext -bbox) lies inside the template's page margins.
void expectWithinMargins(const std::filesystem::path& pdf);

}  // namespace overens::pdftest
