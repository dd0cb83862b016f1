// Hand-built document trees for the ODF writer's tests and benchmark.
#pragma once

#include <cstddef>

#include "overens/document.hpp"

namespace overens::test {

// A document holding every block type, with Swedish letters, § and an en dash.
doc::Document everyBlockDocument();

// A delegation order with `rows` rows in one long table (header row repeated on each page).
doc::Document delegationOrder(std::size_t rows);

}  // namespace overens::test
