#include <gtest/gtest.h>

#include "overens/calendar.hpp"

using namespace overens;

TEST(Calendar, ParsesRealDatesOnly) {
    ASSERT_TRUE(parseDate("2028-02-29"));
    EXPECT_EQ(parseDate("2028-02-29")->day, 29);
    EXPECT_FALSE(parseDate("2027-02-29"));  // not a leap year
    EXPECT_FALSE(parseDate("2100-02-29"));  // century, not a leap year
    EXPECT_TRUE(parseDate("2000-02-29"));   // divisible by 400
    EXPECT_FALSE(parseDate("2027-13-01"));
    EXPECT_FALSE(parseDate("2027-04-31"));
    EXPECT_FALSE(parseDate("2027-4-01"));
    EXPECT_FALSE(parseDate("20270401"));
    EXPECT_FALSE(parseDate(" 2027-04-01"));
    EXPECT_FALSE(parseDate("2027-04-01T00:00"));
}

TEST(Calendar, ParsesDurations) {
    auto p = parseDuration("P1Y2M3W4DT5H6M7S");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->years, 1);
    EXPECT_EQ(p->months, 2);
    EXPECT_EQ(p->weeks, 3);
    EXPECT_EQ(p->days, 4);
    EXPECT_EQ(p->hours, 5);
    EXPECT_EQ(p->minutes, 6);
    EXPECT_EQ(p->seconds, 7);
    EXPECT_EQ(parseDuration("P6M")->iso(), "P6M");
    EXPECT_EQ(parseDuration("PT30M")->minutes, 30);
    for (const char* bad : {"", "P", "PT", "1Y", "P1", "PY", "P1M1Y", "P1.5Y", "P-1D", "P1YT", "p1y", "P1D2D"})
        EXPECT_FALSE(parseDuration(bad)) << bad;
}

TEST(Calendar, AddsYearsAndMonthsClampedToMonthEnd) {
    const Duration year{1}, sixMonths{0, 6}, month{0, 1}, thirtyDays{0, 0, 0, 30};
    EXPECT_EQ(addDuration(*parseDate("2028-02-29"), year).iso(), "2029-02-28");
    EXPECT_EQ(addDuration(*parseDate("2027-01-31"), month).iso(), "2027-02-28");
    EXPECT_EQ(addDuration(*parseDate("2028-01-31"), month).iso(), "2028-02-29");
    EXPECT_EQ(addDuration(*parseDate("2027-08-31"), sixMonths).iso(), "2028-02-29");
    EXPECT_EQ(addDuration(*parseDate("2027-12-15"), thirtyDays).iso(), "2028-01-14");
    EXPECT_EQ(subtractDuration(*parseDate("2028-03-01"), Duration{0, 0, 0, 1}).iso(), "2028-02-29");
    EXPECT_EQ(subtractDuration(*parseDate("2028-01-20"), thirtyDays).iso(), "2027-12-21");
}

TEST(Calendar, SerialRoundTripsAndOrders) {
    for (long long s = -800000; s < 800000; s += 997) EXPECT_EQ(Date::fromSerial(s).serial(), s);
    EXPECT_EQ(parseDate("1970-01-01")->serial(), 0);
    EXPECT_LT(*parseDate("2027-12-31"), *parseDate("2028-01-01"));
}

TEST(Calendar, WordsInBothLanguages) {
    EXPECT_EQ(longDate(*parseDate("2027-01-20"), "sv"), "20 januari 2027");
    EXPECT_EQ(longDate(*parseDate("2027-01-20"), "en"), "20 January 2027");
    EXPECT_EQ(describeDuration(*parseDuration("P1Y"), "sv"), "1 år");
    EXPECT_EQ(describeDuration(*parseDuration("P6M"), "sv"), "6 månader");
    EXPECT_EQ(describeDuration(*parseDuration("P1Y6M"), "en"), "1 year and 6 months");
    EXPECT_EQ(describeDuration(*parseDuration("P2W"), "sv"), "2 veckor");
}
