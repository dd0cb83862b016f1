#include "web/row_ops.hpp"

#include <algorithm>
#include <functional>

namespace overens::web {

namespace {

// The row index of key in table (key = "TABLE.<i>" or "TABLE.<i>.<rest>"), or -1.
int rowOf(const std::string& key, const std::string& table, std::string* rest = nullptr) {
    if (key.size() <= table.size() + 1 || key.compare(0, table.size(), table) != 0 || key[table.size()] != '.')
        return -1;
    std::size_t i = table.size() + 1, j = i;
    while (j < key.size() && std::isdigit(static_cast<unsigned char>(key[j]))) ++j;
    if (j == i || (j < key.size() && key[j] != '.')) return -1;
    if (rest) *rest = key.substr(j);
    return std::stoi(key.substr(i, j - i));
}

int countOf(const edit::Answers& answers, const std::string& table) {
    int n = -1;
    for (const auto& [k, v] : answers)
        if (k == table + ".count") try {
                n = std::stoi(v);
            } catch (const std::exception&) {
            }
    if (n >= 0) return n;
    n = 0;
    for (const auto& [k, v] : answers) n = std::max(n, rowOf(k, table) + 1);
    return n;
}

void setCount(edit::Answers& answers, const std::string& table, int n) {
    for (auto& [k, v] : answers)
        if (k == table + ".count") {
            v = std::to_string(n);
            return;
        }
    answers.emplace_back(table + ".count", std::to_string(n));
}

std::string rowKey(const std::string& table, int i, const std::string& rest) {
    return table + "." + std::to_string(i) + rest;
}

// Every key of row `from` renamed to row `to` (via a map of renames applied once).
void renumber(edit::Answers& answers, const std::string& table, const std::function<int(int)>& to) {
    for (auto& [k, v] : answers) {
        std::string rest;
        const int i = rowOf(k, table, &rest);
        if (i >= 0) k = rowKey(table, to(i), rest);
    }
}

}  // namespace

bool applyRowOp(edit::Answers& answers, const std::string& op) {
    const auto space = op.find(' ');
    if (space == std::string::npos) return false;
    const std::string verb = op.substr(0, space), target = op.substr(space + 1);
    if (verb == "add") {
        const int n = countOf(answers, target);
        answers.emplace_back(rowKey(target, n, ".#"), "");
        setCount(answers, target, n + 1);
        return true;
    }
    const auto dot = target.rfind('.');
    if (dot == std::string::npos) return false;
    const std::string table = target.substr(0, dot);
    int row = -1;
    try {
        std::size_t used = 0;
        row = std::stoi(target.substr(dot + 1), &used);
        if (used != target.size() - dot - 1) return false;
    } catch (const std::exception&) {
        return false;
    }
    const int n = countOf(answers, table);
    if (row < 0 || row >= n) return false;
    if (verb == "remove") {
        answers.erase(std::remove_if(answers.begin(), answers.end(),
                                     [&](const auto& a) { return rowOf(a.first, table) == row; }),
                      answers.end());
        renumber(answers, table, [&](int i) { return i > row ? i - 1 : i; });
        setCount(answers, table, n - 1);
    } else if (verb == "duplicate") {
        edit::Answers copy;
        for (const auto& [k, v] : answers) {
            std::string rest;
            if (rowOf(k, table, &rest) == row) copy.emplace_back(rowKey(table, row + 1, rest), rest == ".#" ? "" : v);
        }
        renumber(answers, table, [&](int i) { return i > row ? i + 1 : i; });
        answers.insert(answers.end(), copy.begin(), copy.end());
        setCount(answers, table, n + 1);
    } else if (verb == "up" || verb == "down") {
        const int other = verb == "up" ? row - 1 : row + 1;
        if (other < 0 || other >= n) return false;
        renumber(answers, table, [&](int i) { return i == row ? other : i == other ? row : i; });
    } else {
        return false;
    }
    return true;
}

std::string rowOpTarget(const std::string& op, const edit::Answers& answersAfter) {
    const auto space = op.find(' ');
    if (space == std::string::npos) return {};
    const std::string verb = op.substr(0, space), target = op.substr(space + 1);
    if (verb == "add") return target + "." + std::to_string(countOf(answersAfter, target) - 1);
    const auto dot = target.rfind('.');
    const std::string table = target.substr(0, dot);
    int row = 0;
    try {
        row = std::stoi(target.substr(dot + 1));
    } catch (const std::exception&) {
        return {};
    }
    const int n = countOf(answersAfter, table);
    if (verb == "duplicate" || verb == "down") row += 1;
    if (verb == "up") row -= 1;
    if (row >= n) row = n - 1;
    return row < 0 ? table : table + "." + std::to_string(row);
}

}  // namespace overens::web
