#include "remind/state_rows.hpp"

#include <cstdlib>
#include <cstring>

namespace overens::remind {

namespace {
constexpr char kSep = '\x1f';
constexpr char kEnd = '\x1e';
}  // namespace

std::string serializeFolder(const FolderIndex& folder) {
    std::string out;
    out.reserve(folder.size() * 64);
    for (const auto& [name, e] : folder) {
        out += name;
        for (const std::string& f : {std::to_string(e.mtimeNs), std::to_string(e.size), std::to_string(e.indexedAt),
                                     std::string(e.isSource ? "1" : "0"), e.review, e.every, e.notify,
                                     std::string(e.recurring ? "1" : "0")}) {
            out += kSep;
            out += f;
        }
        out += kEnd;
    }
    return out;
}

void parseFolder(const std::string& s, FolderIndex& folder) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        const char* recEnd = static_cast<const char*>(std::memchr(p, kEnd, static_cast<std::size_t>(end - p)));
        if (!recEnd) break;
        const char* f[9];
        std::size_t lens[9];
        int n = 0;
        const char* q = p;
        while (n < 9) {
            const char* sep = static_cast<const char*>(std::memchr(q, kSep, static_cast<std::size_t>(recEnd - q)));
            const char* stop = sep ? sep : recEnd;
            f[n] = q;
            lens[n] = static_cast<std::size_t>(stop - q);
            ++n;
            if (!sep) break;
            q = sep + 1;
        }
        const bool lastField = n == 9 && static_cast<const char*>(std::memchr(f[8], kSep, lens[8])) == nullptr;
        if (n == 9 && lastField) {
            IndexEntry e;
            e.mtimeNs = std::strtoll(f[1], nullptr, 10);
            e.size = std::strtoll(f[2], nullptr, 10);
            e.indexedAt = std::strtoll(f[3], nullptr, 10);
            e.isSource = lens[4] == 1 && f[4][0] == '1';
            e.review.assign(f[5], lens[5]);
            e.every.assign(f[6], lens[6]);
            e.notify.assign(f[7], lens[7]);
            e.recurring = lens[8] == 1 && f[8][0] == '1';
            folder.emplace(std::string(f[0], lens[0]), std::move(e));
        }
        p = recEnd + 1;
    }
}

ReminderRecord RecordColumns::at(std::size_t i) const {
    ReminderRecord r;
    r.status = parseStatus(statuses[i]);
    r.attempts = static_cast<int>(attempts[i]);
    r.code = static_cast<int>(codes[i]);
    r.response = responses[i];
    r.lastAttempt = lasts[i];
    r.sentAt = sents[i];
    return r;
}

void recordStatus(Poco::Data::Session& db, const std::string& table, bool postgresql, const ReminderKey& key,
                  ReminderStatus status, int code, const std::string& response, const std::string& path,
                  bool newAttempt) {
    using namespace Poco::Data::Keywords;
    const char* types[] = {"text", "text", "text", "text", "bigint", "bigint", "text", "text", "text", "text"};
    std::string values;
    for (int i = 0; i < 10; ++i) {
        values += i ? ", " : "";
        values += postgresql ? "$" + std::to_string(i + 1) + "::" + types[i] : std::string("?");
    }
    std::string id = key.identity, rv = key.review, rc = key.recipient, st = statusName(status), resp = response,
                p = path;
    std::string when = utcNow();
    std::string sentAt = status == ReminderStatus::Sent ? when : std::string();
    Poco::Int64 c = code;
    Poco::Int64 attempt = newAttempt ? 1 : 0;
    db << "INSERT INTO " + table + " AS r(identity, review, recipient, status, attempts, code, response, last_attempt,"
          " sent_at, path) VALUES(" + values + ")"
          " ON CONFLICT(identity, review, recipient) DO UPDATE SET status = excluded.status,"
          " attempts = r.attempts + excluded.attempts, code = excluded.code,"
          " response = excluded.response, last_attempt = excluded.last_attempt,"
          " sent_at = CASE WHEN excluded.sent_at <> '' THEN excluded.sent_at ELSE r.sent_at END,"
          " path = CASE WHEN excluded.path <> '' THEN excluded.path ELSE r.path END",
        use(id), use(rv), use(rc), use(st), use(attempt), use(c), use(resp), use(when), use(sentAt), use(p), now;
}

}  // namespace overens::remind
