// The source writer: an imported delegation order as an ordinary source file.
#pragma once

#include <iosfwd>
#include <string>

#include "import/order_model.hpp"

namespace overens::import {

struct Header {
    std::string lang = "sv";
    std::string xml;  // organisation and party elements to copy (from --from), or empty for placeholders
};

// Row fields are written in the schema's order; each row is preceded by a comment naming its
// place in the input, so that the source can be checked against the original.
void writeSource(const ImportedOrder& order, const Header& header, const std::string& inputName, std::ostream& out);

}  // namespace overens::import
