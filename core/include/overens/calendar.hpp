// Calendar dates and ISO 8601 durations, as the source files write them.
#pragma once

#include <optional>
#include <string>

namespace overens {

// A calendar date without time or zone (reviews and adoptions happen on days).
struct Date {
    int year = 0, month = 0, day = 0;

    bool valid() const { return year > 0; }
    std::string iso() const;  // YYYY-MM-DD
    // Days since 1970-01-01; for comparisons and differences.
    long long serial() const;
    static Date fromSerial(long long days);
    friend bool operator==(const Date& a, const Date& b) { return a.serial() == b.serial(); }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) { return a.serial() < b.serial(); }
    friend bool operator<=(const Date& a, const Date& b) { return a.serial() <= b.serial(); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return b <= a; }
};

// An ISO 8601 duration of calendar parts (PnYnMnWnD, with an optional time part).
struct Duration {
    int years = 0, months = 0, weeks = 0, days = 0;
    int hours = 0, minutes = 0, seconds = 0;

    bool zero() const;
    std::string iso() const;  // canonical form, e.g. "P1Y", "P30D", "PT1H30M"
    // An approximate length in days, for comparing intervals (a month counts 30.44 days).
    double approxDays() const;
};

// Strict parsers: nullopt on anything that is not a real date / a well-formed duration.
std::optional<Date> parseDate(const std::string& text);
std::optional<Duration> parseDuration(const std::string& text);

// A period in plain words, as people write it: "1 år", "6 månader", "varje vecka", "every 2 weeks",
// "1 år och 6 månader", "årligen", "monthly"; case does not matter. nullopt when it is not one.
// (ISO 8601 stays the canonical form: a period read this way is written back as Duration::iso().)
std::optional<Duration> parsePlainDuration(const std::string& text);
// An XML Schema regular expression that matches exactly the texts parsePlainDuration accepts
// (for the RELAX NG grammar).
std::string plainDurationPattern();

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(int year, int month, int day);

// Calendar arithmetic: years and months first, clamped to the month's end
// (2028-02-29 + P1Y = 2029-02-28; 2027-01-31 + P1M = 2027-02-28), then weeks and days.
// The time part is ignored.
Date addDuration(const Date& d, const Duration& p);
Date subtractDuration(const Date& d, const Duration& p);

// A duration in words: "1 år", "6 månader", "2 veckor" / "1 year", "6 months", "2 weeks".
std::string describeDuration(const Duration& p, const std::string& lang);

// Long-form date for documents: "20 januari 2027" (sv) or "20 January 2027" (en).
std::string longDate(const Date& d, const std::string& lang);

// --- Working days in Sweden (core/src/sdk/working_days.cpp) ---------------------------------

// 0 = Monday ... 6 = Sunday.
int weekday(const Date& d);

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
Date easterSunday(int year);

// The public holidays of Lag (1989:253) om allmänna helgdagar: fixed ones (1 and 6 January,
// 1 May, 6 June, 25 and 26 December), the Easter-dependent ones (Good Friday, Easter Sunday and
// Monday, Ascension Day, Whitsunday) and the Saturdays of Midsummer and All Saints.
bool isSwedishPublicHoliday(const Date& d);

// Monday to Friday, not a public holiday, and not Midsummer Eve, Christmas Eve or New Year's
// Eve (not holidays by law, but days an office is closed).
bool isSwedishWorkingDay(const Date& d);

// d when it is a working day, else the nearest working day before it.
Date workingDayOnOrBefore(const Date& d);

}  // namespace overens
