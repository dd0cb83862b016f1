#include "import/grid.hpp"

namespace overens::import {

std::string columnLetters(std::size_t column) {
    std::string s;
    std::size_t n = column + 1;
    while (n > 0) {
        const std::size_t r = (n - 1) % 26;
        s.insert(s.begin(), static_cast<char>('A' + r));
        n = (n - 1) / 26;
    }
    return s;
}

std::string quotedName(const std::string& name) {
    return name.find_first_of(" -'!") == std::string::npos ? name : "'" + name + "'";
}

std::string cellReference(std::size_t column, std::size_t row) { return columnLetters(column) + std::to_string(row + 1); }

}  // namespace overens::import
