// Small helpers for writing HTML safely: escaping and ids made from answer paths.
#pragma once

#include <string>

namespace overens::web {

// Text and attribute values: & < > " ' escaped.
std::string esc(const std::string& s);

// An element id for an answer path: "goals.goal.0.text" -> "f-goals_goal_0_text" (field names
// are [a-z0-9-] and never hold '_', so the id stays unique and valid).
std::string fieldId(const std::string& path);

// Percent-encoding for a URL path segment or query value.
std::string urlEncode(const std::string& s);

}  // namespace overens::web
