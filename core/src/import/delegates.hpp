// Delegates as free text ("Kommundirektör", "KSO", "Förvaltningschef eller den hen utser",
// "Ordf. och 1:e vice ordf. gemensamt") turned into roles: each distinct post once, its kind
// guessed from templates/import/roles.xml, and every guess reported where the post first appears.
#pragma once

#include <string>

#include "import/order_model.hpp"
#include "import/vocabulary.hpp"
#include "overens/diagnostics.hpp"

namespace overens::import {

// Rewrites each row's delegate, substitute and sub-delegate as role ids (", " between roles that
// decide each alone, " + " between roles that decide together) and fills order.roles.
void makeRoles(ImportedOrder& order, const Vocabulary& words, const std::string& file, Diagnostics& diags);

// A role id made from a title or abbreviation: "Ekonomichef" -> "ekonomichef", "1:e vice ordf." -> "1-e-vice-ordf".
std::string roleId(const std::string& text);

}  // namespace overens::import
