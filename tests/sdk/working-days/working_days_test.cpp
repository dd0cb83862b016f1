// Swedish working days in the SDK's calendar: Easter and the holidays that follow it, the
// fixed ones, the moving Saturdays, and the eves an office is closed.
#include <gtest/gtest.h>

#include "overens/calendar.hpp"

using namespace overens;

namespace {
Date d(const char* iso) { return *parseDate(iso); }
}  // namespace

TEST(WorkingDays, EasterSundayAcrossCenturies) {
    // Known Easter Sundays (Gregorian).
    EXPECT_EQ(easterSunday(1900).iso(), "1900-04-15");
    EXPECT_EQ(easterSunday(2000).iso(), "2000-04-23");
    EXPECT_EQ(easterSunday(2008).iso(), "2008-03-23");
    EXPECT_EQ(easterSunday(2011).iso(), "2011-04-24");
    EXPECT_EQ(easterSunday(2027).iso(), "2027-03-28");
    EXPECT_EQ(easterSunday(2028).iso(), "2028-04-16");
    EXPECT_EQ(easterSunday(2038).iso(), "2038-04-25");
    EXPECT_EQ(easterSunday(2199).iso(), "2199-04-14");
}

TEST(WorkingDays, PublicHolidaysOf2028) {
    for (const char* h : {"2028-01-01", "2028-01-06", "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-01",
                          "2028-05-25", "2028-06-04", "2028-06-06", "2028-06-24", "2028-11-04", "2028-12-25",
                          "2028-12-26"})
        EXPECT_TRUE(isSwedishPublicHoliday(d(h))) << h;
    for (const char* n : {"2028-04-13", "2028-04-18", "2028-06-23", "2028-11-03", "2028-12-24", "2028-06-17"})
        EXPECT_FALSE(isSwedishPublicHoliday(d(n))) << n;
}

TEST(WorkingDays, WeekendsHolidaysAndEvesAreNotWorkingDays) {
    EXPECT_EQ(weekday(d("2028-01-20")), 3);  // a Thursday
    EXPECT_TRUE(isSwedishWorkingDay(d("2028-01-20")));
    EXPECT_FALSE(isSwedishWorkingDay(d("2028-01-22")));  // Saturday
    EXPECT_FALSE(isSwedishWorkingDay(d("2028-06-23")));  // Midsummer Eve
    EXPECT_FALSE(isSwedishWorkingDay(d("2027-12-24")));  // Christmas Eve
    EXPECT_FALSE(isSwedishWorkingDay(d("2027-12-31")));  // New Year's Eve
    EXPECT_EQ(workingDayOnOrBefore(d("2028-01-22")).iso(), "2028-01-21");  // Saturday -> Friday
    EXPECT_EQ(workingDayOnOrBefore(d("2028-04-17")).iso(), "2028-04-13");  // Easter Monday -> Maundy Thursday
    EXPECT_EQ(workingDayOnOrBefore(d("2028-01-01")).iso(), "2027-12-30");  // past New Year's Eve
    EXPECT_EQ(workingDayOnOrBefore(d("2027-12-27")).iso(), "2027-12-27");  // a Monday stays
    EXPECT_EQ(workingDayOnOrBefore(d("2028-06-26")).iso(), "2028-06-26");
    EXPECT_EQ(workingDayOnOrBefore(d("2028-06-25")).iso(), "2028-06-22");  // Midsummer weekend
}
