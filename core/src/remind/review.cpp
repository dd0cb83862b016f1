#include "remind/review.hpp"

#include <cstdio>
#include <sstream>

namespace overens::remind {

namespace {

constexpr char kField = '\x1f';
constexpr char kRecord = '\x1e';

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string clean(const std::string& s) {  // the separators cannot occur in XML text, but be sure
    std::string out = s;
    for (char& c : out)
        if (c == kField || c == kRecord) c = ' ';
    return out;
}

std::string opt(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }
std::string opt(const std::optional<Duration>& d) { return d ? d->iso() : std::string(); }

// Last Sunday of a month, as a serial day.
long long lastSunday(int year, int month) {
    const Date last{year, month, daysInMonth(year, month)};
    const long long s = last.serial();
    const long long weekday = ((s % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
    return s - weekday;
}

}  // namespace

Header Header::fromContext(const Context& ctx, const std::string& sha256) {
    Header h;
    h.sha256 = sha256;
    h.kind = ctx.kind;
    h.lang = ctx.lang.empty() ? "sv" : ctx.lang;
    h.orgType = ctx.organisation.type;
    h.organisation = ctx.organisation.name;
    h.board = ctx.organisation.board;
    h.dnr = ctx.registration.dnr;
    h.body = ctx.registration.body;
    h.version = ctx.registration.version;
    h.adopted = ctx.registration.adopted;
    h.nextReview = ctx.nextReview;
    h.every = ctx.review.every;
    h.notifyBefore = ctx.review.notifyBefore;
    h.recurring = ctx.review.recurring;
    for (const auto& p : ctx.parties) h.people.push_back({p.role, p.name, p.title, p.email});
    return h;
}

std::string Header::serialize() const {
    std::string s;
    // Version 2 added the adopting body; an index entry of version 1 is read again from its source.
    for (const std::string& f : {std::string("2"), sha256, kind, lang, orgType, organisation, board, dnr, version,
                                 opt(adopted), opt(nextReview), opt(every), opt(notifyBefore),
                                 std::string(recurring ? "1" : "0"), body})
        s += clean(f) + kField;
    for (const auto& p : people) s += clean(p.role) + kField + clean(p.name) + kField + clean(p.title) + kField + clean(p.email) + kRecord;
    return s;
}

std::optional<Header> Header::deserialize(const std::string& s) {
    const auto fields = split(s, kField);
    if (fields.size() < 16 || fields[0] != "2") return std::nullopt;
    Header h;
    h.sha256 = fields[1];
    h.kind = fields[2];
    h.lang = fields[3];
    h.orgType = fields[4];
    h.organisation = fields[5];
    h.board = fields[6];
    h.dnr = fields[7];
    h.version = fields[8];
    if (!fields[9].empty()) h.adopted = parseDate(fields[9]);
    if (!fields[10].empty()) h.nextReview = parseDate(fields[10]);
    if (!fields[11].empty()) h.every = parseDuration(fields[11]);
    if (!fields[12].empty()) h.notifyBefore = parseDuration(fields[12]);
    h.recurring = fields[13] == "1";
    h.body = fields[14];
    // The people: the rest, records of four fields.
    const std::size_t peopleStart = [&] {
        std::size_t pos = 0;
        for (int i = 0; i < 15; ++i) pos = s.find(kField, pos) + 1;
        return pos;
    }();
    for (const auto& rec : split(s.substr(peopleStart), kRecord)) {
        if (rec.empty()) continue;
        const auto f = split(rec, kField);
        if (f.size() != 4) return std::nullopt;
        h.people.push_back({f[0], f[1], f[2], f[3]});
    }
    return h;
}

std::string identity(const Header& h, const std::string& path) {
    if (h.dnr.empty()) return "path:" + path;
    return "doc:" + h.organisation + "|" + h.kind + "|" + h.dnr;
}

Date occurrence(const Date& start, const Duration& every, long long k) {
    Duration n = every;
    const int f = static_cast<int>(k);
    n.years *= f, n.months *= f, n.weeks *= f, n.days *= f;
    n.hours = n.minutes = n.seconds = 0;
    return addDuration(start, n);
}

std::optional<Date> currentReview(const std::optional<Date>& next, const std::optional<Duration>& every,
                                  bool recurring, const Date& today, const Duration& window) {
    if (!next) return std::nullopt;
    if (!recurring || !every || every->approxDays() < 1 || *next >= today) return next;
    // Jump close to today by the average length, then step exactly.
    long long k = static_cast<long long>((today.serial() - next->serial()) / every->approxDays());
    if (k > 0) --k;
    if (k < 0) k = 0;
    Date d = occurrence(*next, *every, k);
    while (d > today && k > 0) d = occurrence(*next, *every, --k);
    for (int guard = 0; d < today && guard < 100000; ++guard) d = occurrence(*next, *every, ++k);
    // The first occurrence on or after today; while its window has not begun, the previous one
    // (already past) is still the current review.
    if (k > 0 && subtractDuration(d, window) > today) return occurrence(*next, *every, k - 1);
    return d;
}

bool isDue(const Date& review, const Date& today, const Duration& window) {
    return subtractDuration(review, window) <= today;
}

namespace {

long long floorDiv(long long a, long long b) { return a >= 0 ? a / b : (a - b + 1) / b; }

// Seconds since the epoch as Europe/Stockholm's local time, also in seconds.
long long stockholmLocal(long long secs) {
    const Date d = Date::fromSerial(floorDiv(secs, 86400));
    const long long dstStart = lastSunday(d.year, 3) * 86400 + 3600;  // 01:00 UTC
    const long long dstEnd = lastSunday(d.year, 10) * 86400 + 3600;
    return secs + ((secs >= dstStart && secs < dstEnd) ? 7200 : 3600);
}

}  // namespace

Date stockholmDate(std::time_t utc) {
    return Date::fromSerial(floorDiv(stockholmLocal(static_cast<long long>(utc)), 86400));
}

std::string stockholmTime(const std::string& utcIso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char z = 0;
    if (std::sscanf(utcIso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 || z != 'Z' ||
        !isValidDate(y, mo, d))
        return utcIso;
    const long long local = stockholmLocal(Date{y, mo, d}.serial() * 86400 + h * 3600 + mi * 60 + s);
    const long long inDay = local - floorDiv(local, 86400) * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02lld:%02lld", Date::fromSerial(floorDiv(local, 86400)).iso().c_str(),
                  inDay / 3600, inDay / 60 % 60);
    return buf;
}

Date stockholmToday() { return stockholmDate(std::time(nullptr)); }

}  // namespace overens::remind
