// Bounds on values that every writer can honour: what `validate` accepts, `build` must be able
// to write as a valid ODT, PDF and ICS. Checked by the source reader on every field, with the
// field's location; rules about what a value means for a section belong to its plugin.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "overens/schema.hpp"
#include "overens/values.hpp"

namespace overens::bounds {

// Dates: four-digit years that every calendar and ISO 8601 reader takes (ICS DTSTART is
// written as YYYYMMDD; a review one interval after 2199 still has four digits).
constexpr int kMinYear = 1900, kMaxYear = 2199;
// Text, in characters: a one-line field, and a field of paragraphs. A PDF string holds at
// most 65,535 bytes (libharu's HPDF_LIMIT_MAX_STRING_LEN); 16,000 characters of UTF-8 stay
// below that even at four bytes each.
constexpr std::size_t kMaxTextChars = 2000, kMaxMultilineChars = 16000;
// Whole numbers fit a 32-bit int, what spreadsheets, ODF and most readers take for integers.
constexpr long long kMinInteger = -2147483647LL - 1, kMaxInteger = 2147483647LL;
constexpr double kMaxNumber = 1e15;  // beyond this a double no longer keeps whole units
// Any duration at most 100 years; a review every 1 day to 10 years; a notice 1 day to 1 year.
constexpr double kMaxDurationDays = 36525, kMaxReviewDays = 3653, kMaxNoticeDays = 366;

struct Problem {
    std::string code, sv, en;  // the message without the field's name
};

// The text's length, before it is converted (a long text is neither parsed nor quoted).
std::optional<Problem> checkLength(FieldType type, const std::string& text);
// The bound a converted value breaks, if any.
std::optional<Problem> check(FieldType type, const Value& v);

// The roles a <party> may have (the kinds' signatories and the posts around them).
const std::vector<std::string>& partyRoles();

}  // namespace overens::bounds
