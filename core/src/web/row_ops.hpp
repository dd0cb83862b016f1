// The row buttons of tables and lists (add, remove, duplicate, move up or down), applied to the
// posted answers before they are written: rows are renumbered and keep their identity ("#"),
// so the answers model moves, copies or removes the right element.
#pragma once

#include <string>

#include "edit/answers.hpp"

namespace overens::web {

// op is "add TABLE", "remove ROW", "duplicate ROW", "up ROW" or "down ROW", where ROW is
// "TABLE.<i>". Returns false (answers unchanged) for anything else.
bool applyRowOp(edit::Answers& answers, const std::string& op);

// The row a row operation leaves the user at (the new, moved or following row), for focus.
std::string rowOpTarget(const std::string& op, const edit::Answers& answersAfter);

}  // namespace overens::web
