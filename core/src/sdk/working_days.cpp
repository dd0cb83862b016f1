#include "overens/calendar.hpp"

namespace overens {

int weekday(const Date& d) {
    const long long s = d.serial();  // 1970-01-01 was a Thursday (3 counting from Monday = 0)
    return static_cast<int>(((s % 7) + 7 + 3) % 7);
}

Date easterSunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

namespace {

// The Saturday in [first, first + 6] of a month (Midsummer Day, All Saints' Day).
bool isSaturdayBetween(const Date& d, int month, int firstDay) {
    if (weekday(d) != 5) return false;
    const long long from = Date{d.year, month, firstDay}.serial();
    return d.serial() >= from && d.serial() <= from + 6;
}

}  // namespace

bool isSwedishPublicHoliday(const Date& d) {
    const int md = d.month * 100 + d.day;
    if (md == 101 || md == 106 || md == 501 || md == 606 || md == 1225 || md == 1226) return true;
    const long long easter = easterSunday(d.year).serial(), s = d.serial();
    for (int offset : {-2, 0, 1, 39, 49})  // Good Friday, Easter, Easter Monday, Ascension, Whitsunday
        if (s == easter + offset) return true;
    return isSaturdayBetween(d, 6, 20) || isSaturdayBetween(d, 10, 31);
}

bool isSwedishWorkingDay(const Date& d) {
    if (weekday(d) >= 5 || isSwedishPublicHoliday(d)) return false;
    const int md = d.month * 100 + d.day;
    const bool midsummerEve = d.month == 6 && weekday(d) == 4 && d.day >= 19 && d.day <= 25;
    return !(midsummerEve || md == 1224 || md == 1231);
}

Date workingDayOnOrBefore(const Date& d) {
    long long s = d.serial();
    for (int guard = 0; guard < 14 && !isSwedishWorkingDay(Date::fromSerial(s)); ++guard) --s;
    return Date::fromSerial(s);
}

}  // namespace overens
