// The preview: the assembled document tree as HTML, for reading in the browser. A view only;
// the files people keep are written by the writers.
#pragma once

#include <string>

#include "overens/document.hpp"

namespace overens::web {

std::string previewHtml(const doc::Document& document);

}  // namespace overens::web
