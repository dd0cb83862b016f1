#include "writers/table_widths.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace overens::writers {
namespace {

bool weightsValid(const std::vector<double>& weights, std::size_t n, double sum) {
    return weights.size() == n && sum > 0 && std::all_of(weights.begin(), weights.end(), [](double w) { return w >= 0; });
}

// The weights say which columns should get the room the content leaves: each column its
// weighted share, but never less than its minimum nor more than its preferred width; what the
// clamped columns give up or take is shared among the others by weight.
void byWeights(std::vector<double>& widths, const std::vector<double>& weights, const std::vector<double>& mins,
               const std::vector<double>& maxs, double avail) {
    const std::size_t n = mins.size();
    std::vector<bool> fixed(n, false);
    for (std::size_t round = 0; round <= n; ++round) {
        double room = avail, sum = 0;
        for (std::size_t c = 0; c < n; ++c) {
            if (fixed[c]) room -= widths[c];
            else sum += weights[c];
        }
        if (sum <= 0) {  // every column clamped: the rest goes to the last one not at its minimum
            for (std::size_t c = n; c-- > 0;)
                if (widths[c] > mins[c] || c == 0) {
                    widths[c] += room;
                    break;
                }
            return;
        }
        // Columns below their minimum are fixed first (they take room), those above their
        // preferred width only when none is (they give room back).
        bool below = false;
        for (std::size_t c = 0; c < n; ++c) {
            if (fixed[c]) continue;
            widths[c] = room * weights[c] / sum;
            below = below || widths[c] < mins[c];
        }
        bool changed = false;
        for (std::size_t c = 0; c < n; ++c) {
            if (fixed[c]) continue;
            if (below ? widths[c] < mins[c] : widths[c] > maxs[c]) {
                widths[c] = below ? mins[c] : maxs[c];
                fixed[c] = true;
                changed = true;
            }
        }
        if (!changed) return;
    }
}

// Not even the longest pieces fit side by side: columns whose piece fits in an equal share keep
// it whole; the share left over is split among the others, broken between characters.
void fairShare(std::vector<double>& widths, const std::vector<double>& mins, double avail) {
    const std::size_t n = mins.size();
    std::vector<bool> fixed(n, false);
    double left = avail;
    std::size_t open = n;
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        const double share = left / static_cast<double>(open);
        for (std::size_t c = 0; c < n; ++c) {
            if (fixed[c] || mins[c] > share) continue;
            fixed[c] = true;
            widths[c] = mins[c];
            left -= mins[c];
            --open;
            changed = true;
        }
    }
    double openMin = 0;
    for (std::size_t c = 0; c < n; ++c)
        if (!fixed[c]) openMin += mins[c];
    for (std::size_t c = 0; c < n; ++c)
        if (!fixed[c]) widths[c] = openMin > 0 ? left * mins[c] / openMin : left / static_cast<double>(open);
}

// Advance widths in em of Liberation Sans, by class of character (rounded from its metrics).
double emWidth(char32_t c, bool bold) {
    double w;
    if (c == ' ') w = 0.278;
    else if (c >= '0' && c <= '9') w = 0.556;
    else if (std::u32string_view(U"iljI.,:;!|'").find(c) != std::u32string_view::npos) w = 0.25;
    else if (std::u32string_view(U"ftr()[]/-").find(c) != std::u32string_view::npos) w = 0.33;
    else if (c == 'm' || c == 'w') w = 0.8;
    else if (c == 'M' || c == 'W') w = 0.89;
    else if ((c >= 'A' && c <= 'Z') || c == U'Å' || c == U'Ä' || c == U'Ö') w = 0.69;
    else w = 0.54;
    return bold ? w * 1.07 : w;
}

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0x3f >> (len - 1));
        for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        out.push_back(c);
        i += len;
    }
    return out;
}

}  // namespace

void ColumnExtent::merge(const ColumnExtent& o) {
    min = std::max(min, o.min);
    word = std::max(word, o.word);
    max = std::max(max, o.max);
}

std::vector<double> columnWidths(std::vector<ColumnExtent> columns, const std::vector<double>& weights, double avail,
                                 double floor) {
    const std::size_t n = columns.size();
    std::vector<double> widths(n, n ? avail / static_cast<double>(n) : 0);
    if (n == 0) return widths;
    std::vector<double> mins(n), words(n), maxs(n);
    for (std::size_t c = 0; c < n; ++c) {
        mins[c] = columns[c].min;
        words[c] = columns[c].word;
        maxs[c] = columns[c].max;
    }
    const double weightSum = std::accumulate(weights.begin(), weights.end(), 0.0);
    const bool valid = weightsValid(weights, n, weightSum);
    const bool empty = std::all_of(maxs.begin(), maxs.end(), [](double m) { return m <= 0; });
    if (empty) {
        if (valid)
            for (std::size_t c = 0; c < n; ++c) widths[c] = avail * weights[c] / weightSum;
        return widths;
    }
    // Whole words where they fit side by side; otherwise the columns whose words cost the least
    // extra room keep them whole, the others are hyphenated.
    for (std::size_t c = 0; c < n; ++c) mins[c] = std::max(mins[c], floor);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return words[a] - mins[a] < words[b] - mins[b]; });
    double used = std::accumulate(mins.begin(), mins.end(), 0.0);
    for (std::size_t c : order) {
        const double extra = std::max(0.0, words[c] - mins[c]);
        if (used + extra > avail) break;
        mins[c] += extra;
        used += extra;
    }
    for (std::size_t c = 0; c < n; ++c) maxs[c] = std::max(maxs[c], mins[c]);
    const double sumMin = std::accumulate(mins.begin(), mins.end(), 0.0);
    const double sumMax = std::accumulate(maxs.begin(), maxs.end(), 0.0);
    for (std::size_t c = 0; c < n; ++c) {
        if (sumMax <= avail)  // everything fits on one line: share the rest by natural width
            widths[c] = maxs[c] + (avail - sumMax) * maxs[c] / sumMax;
        else if (sumMin >= avail)  // even the longest pieces do not fit: see fairShare
            widths[c] = 0;
        else  // every column its minimum, the rest in proportion to what each still wants
            widths[c] = mins[c] + (maxs[c] - mins[c]) * (avail - sumMin) / (sumMax - sumMin);
    }
    if (sumMax > avail && sumMin >= avail) fairShare(widths, mins, avail);
    else if (sumMax > avail && valid) byWeights(widths, weights, mins, maxs, avail);
    return widths;
}

ColumnExtent estimateExtent(const std::string& text, double size, bool bold) {
    ColumnExtent e;
    double line = 0, word = 0, piece = 0;
    std::size_t chars = 0;
    const double pieceChars = 8;  // a hyphenated word's widest piece, roughly
    auto endWord = [&] {
        e.word = std::max(e.word, word);
        e.min = std::max(e.min, chars > pieceChars ? std::min(word, piece) : word);
        word = piece = 0;
        chars = 0;
    };
    for (char32_t c : decode(text)) {
        if (c == '\n') {
            endWord();
            line = 0;
            continue;
        }
        const double w = emWidth(c, bold) * size;
        line += w;
        e.max = std::max(e.max, line);
        if (c == ' ' || c == '\t') {
            endWord();
            continue;
        }
        word += w;
        ++chars;
        if (static_cast<double>(chars) <= pieceChars) piece = word + 0.33 * size;  // with its hyphen
    }
    endWord();
    return e;
}

}  // namespace overens::writers
