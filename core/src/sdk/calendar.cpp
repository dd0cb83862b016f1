#include "overens/calendar.hpp"

#include <cctype>
#include <cstdio>

namespace overens {

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

bool isValidDate(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// Days from civil date (proleptic Gregorian), after H. Hinnant's algorithm.
long long Date::serial() const {
    long long y = year - (month <= 2);
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::fromSerial(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    return Date{y, m, d};
}

static bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

std::optional<Date> parseDate(const std::string& t) {
    int y, m, d;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    if (!digits(t, 0, 4, y) || !digits(t, 5, 2, m) || !digits(t, 8, 2, d)) return std::nullopt;
    if (!isValidDate(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

bool Duration::zero() const {
    return years == 0 && months == 0 && weeks == 0 && days == 0 && hours == 0 && minutes == 0 && seconds == 0;
}

std::string Duration::iso() const {
    std::string s = "P";
    if (years) s += std::to_string(years) + "Y";
    if (months) s += std::to_string(months) + "M";
    if (weeks) s += std::to_string(weeks) + "W";
    if (days) s += std::to_string(days) + "D";
    if (hours || minutes || seconds) {
        s += "T";
        if (hours) s += std::to_string(hours) + "H";
        if (minutes) s += std::to_string(minutes) + "M";
        if (seconds) s += std::to_string(seconds) + "S";
    }
    if (s == "P") s += "0D";
    return s;
}

double Duration::approxDays() const {
    return years * 365.25 + months * 30.44 + weeks * 7 + days + (hours * 3600 + minutes * 60 + seconds) / 86400.0;
}

// PnYnMnWnDTnHnMnS; each part optional but at least one; integers only; no sign.
std::optional<Duration> parseDuration(const std::string& t) {
    if (t.size() < 3 || t[0] != 'P') return std::nullopt;
    Duration d;
    bool inTime = false, any = false, anyTime = false;
    std::string order = "YMWD";  // allowed designators, in order, for the date part
    std::size_t next = 0;
    std::size_t i = 1;
    while (i < t.size()) {
        if (t[i] == 'T') {
            if (inTime) return std::nullopt;
            inTime = true;
            order = "HMS";
            next = 0;
            ++i;
            continue;
        }
        std::size_t start = i;
        long long n = 0;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
            n = n * 10 + (t[i] - '0');
            if (n > 100000) return std::nullopt;
            ++i;
        }
        if (i == start || i >= t.size()) return std::nullopt;
        const std::size_t pos = order.find(t[i], next);
        if (pos == std::string::npos) return std::nullopt;
        next = pos + 1;
        const int v = static_cast<int>(n);
        switch (inTime ? std::tolower(t[i]) : t[i]) {
            case 'Y': d.years = v; break;
            case 'M': d.months = v; break;
            case 'W': d.weeks = v; break;
            case 'D': d.days = v; break;
            case 'h': d.hours = v; break;
            case 'm': d.minutes = v; break;
            case 's': d.seconds = v; break;
            default: return std::nullopt;
        }
        any = true;
        if (inTime) anyTime = true;
        ++i;
    }
    if (!any || (inTime && !anyTime)) return std::nullopt;
    return d;
}

static Date addMonths(const Date& d, int months) {
    long long total = static_cast<long long>(d.year) * 12 + (d.month - 1) + months;
    int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
    int day = d.day;
    if (day > daysInMonth(y, m)) day = daysInMonth(y, m);
    return Date{y, m, day};
}

Date addDuration(const Date& d, const Duration& p) {
    Date r = addMonths(d, p.years * 12 + p.months);
    return Date::fromSerial(r.serial() + p.weeks * 7 + p.days);
}

Date subtractDuration(const Date& d, const Duration& p) {
    Date r = addMonths(d, -(p.years * 12 + p.months));
    return Date::fromSerial(r.serial() - p.weeks * 7 - p.days);
}

std::string describeDuration(const Duration& p, const std::string& lang) {
    struct Part {
        int n;
        const char *sv1, *svN, *en1, *enN;
    };
    const Part parts[] = {{p.years, "år", "år", "year", "years"},         {p.months, "månad", "månader", "month", "months"},
                          {p.weeks, "vecka", "veckor", "week", "weeks"},  {p.days, "dag", "dagar", "day", "days"},
                          {p.hours, "timme", "timmar", "hour", "hours"},  {p.minutes, "minut", "minuter", "minute", "minutes"},
                          {p.seconds, "sekund", "sekunder", "second", "seconds"}};
    std::string out;
    int used = 0, total = 0;
    for (const auto& part : parts) total += part.n ? 1 : 0;
    for (const auto& part : parts) {
        if (!part.n) continue;
        ++used;
        if (!out.empty()) out += used == total ? (lang == "en" ? " and " : " och ") : ", ";
        const bool one = part.n == 1;
        out += std::to_string(part.n) + " " + (lang == "en" ? (one ? part.en1 : part.enN) : (one ? part.sv1 : part.svN));
    }
    return out.empty() ? (lang == "en" ? "0 days" : "0 dagar") : out;
}

std::string longDate(const Date& d, const std::string& lang) {
    static const char* sv[] = {"januari", "februari", "mars",     "april",   "maj",      "juni",
                               "juli",    "augusti",  "september", "oktober", "november", "december"};
    static const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
    if (!d.valid() || d.month < 1 || d.month > 12) return d.iso();
    return std::to_string(d.day) + " " + (lang == "en" ? en : sv)[d.month - 1] + " " + std::to_string(d.year);
}

}  // namespace overens
