#include "source/value_bounds.hpp"

#include <cmath>

#include "util/text.hpp"

namespace overens::bounds {

namespace {

Problem tooLong(std::size_t chars, std::size_t max) {
    const std::string n = std::to_string(chars), m = std::to_string(max);
    return {"source.too-long", "texten har " + n + " tecken; högst " + m + " får plats",
            "the text has " + n + " characters; at most " + m + " fit"};
}

}  // namespace

std::optional<Problem> checkLength(FieldType type, const std::string& text) {
    const std::size_t max = type == FieldType::Multiline ? kMaxMultilineChars : kMaxTextChars;
    if (text.size() <= max) return std::nullopt;  // bytes >= characters
    const std::size_t chars = characterCount(text);
    if (chars > max) return tooLong(chars, max);
    return std::nullopt;
}

std::optional<Problem> check(FieldType type, const Value& v) {
    switch (type) {
        case FieldType::Date:
            if (v.date && (v.date->year < kMinYear || v.date->year > kMaxYear))
                return Problem{"source.date-out-of-range",
                               "året " + std::to_string(v.date->year) + " ligger utanför " + std::to_string(kMinYear) +
                                   "–" + std::to_string(kMaxYear),
                               "the year " + std::to_string(v.date->year) + " is outside " + std::to_string(kMinYear) +
                                   "–" + std::to_string(kMaxYear)};
            break;
        case FieldType::Duration:
            if (v.duration && v.duration->approxDays() > kMaxDurationDays)
                return Problem{"source.duration-out-of-range", "'" + v.text + "' är längre än 100 år",
                               "'" + v.text + "' is longer than 100 years"};
            break;
        case FieldType::Integer:
            if (v.integer < kMinInteger || v.integer > kMaxInteger)
                return Problem{"source.integer-out-of-range",
                               "'" + v.text + "' ligger utanför " + std::to_string(kMinInteger) + " till " +
                                   std::to_string(kMaxInteger),
                               "'" + v.text + "' is outside " + std::to_string(kMinInteger) + " to " +
                                   std::to_string(kMaxInteger)};
            break;
        case FieldType::Number:
            if (!std::isfinite(v.number) || std::fabs(v.number) > kMaxNumber)
                return Problem{"source.number-out-of-range", "'" + v.text + "' är för stort",
                               "'" + v.text + "' is too large"};
            break;
        default: break;
    }
    return std::nullopt;
}

const std::vector<std::string>& partyRoles() {
    static const std::vector<std::string> roles{"chair",    "first-vice-chair", "second-vice-chair", "vice-chair",
                                                "director", "deputy-director",  "secretary",         "registrar",
                                                "hr",       "contact"};
    return roles;
}

}  // namespace overens::bounds
