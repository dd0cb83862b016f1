#include <cstdio>

#include "remind/report.hpp"

namespace overens::remind {

namespace {

// JSON text of a string (UTF-8 passed through, control characters escaped).
std::string jstr(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string recipientJson(const Recipient& r) {
    std::string j = "{\"role\": " + jstr(r.person.role) + ", \"name\": " + jstr(r.person.name) +
                    ", \"title\": " + jstr(r.person.title) + ", \"email\": " + jstr(r.person.email) +
                    ", \"status\": " + jstr(statusKey(r)) + ", \"sent_now\": " +
                    (r.changedNow && r.record.status == ReminderStatus::Sent ? "true" : "false");
    if (r.resent) j += ", \"resent\": true";
    if (!r.record.sentAt.empty()) j += ", \"sent_at\": " + jstr(r.record.sentAt);
    if (r.record.code) j += ", \"code\": " + std::to_string(r.record.code);
    if (!r.record.response.empty()) j += ", \"response\": " + jstr(r.record.response);
    return j + "}";
}

std::string reminderJson(const Reminder& e) {
    std::string j = "{\"path\": " + jstr(e.display) + ", \"title\": " + jstr(e.meta.title) +
                    ", \"kind\": " + jstr(e.meta.kind) + ", \"organisation\": " + jstr(e.meta.organisation) +
                    ", \"dnr\": " + jstr(e.meta.dnr) + ", \"lang\": " + jstr(e.meta.lang) + ", \"review\": " +
                    jstr(e.review.iso()) +
                    (e.scheduled != e.review ? ", \"scheduled\": " + jstr(e.scheduled.iso()) : std::string()) +
                    ", \"days\": " + std::to_string(e.days) +
                    ", \"overdue\": " + (e.days < 0 ? "true" : "false") +
                    ", \"recurring\": " + (e.meta.reviewEvery ? "true" : "false") + ", \"recipients\": [";
    bool first = true;
    for (const auto& r : e.recipients) {
        j += (first ? "\n      " : ",\n      ") + recipientJson(r);
        first = false;
    }
    return j + (e.recipients.empty() ? "]}" : "\n    ]}");
}

}  // namespace

void printJson(const std::vector<Reminder>& reminders, const ReportContext& c, std::ostream& out) {
    const RunStats& s = c.stats;
    std::string j = "{\n  \"today\": " + jstr(c.today.iso()) + ",\n  \"within\": " +
                    jstr(c.within ? c.within->iso() : std::string()) + ",\n  \"documents\": [";
    bool first = true;
    for (const auto& e : reminders) {
        j += (first ? "\n    " : ",\n    ") + reminderJson(e);
        first = false;
    }
    j += reminders.empty() ? "],\n" : "\n  ],\n";
    j += "  \"summary\": {\"files\": " + std::to_string(s.files) + ", \"parsed\": " + std::to_string(s.parsed) +
         ", \"sources\": " + std::to_string(s.sources) + ", \"due\": " + std::to_string(s.due) +
         ", \"sent\": " + std::to_string(s.sent) + ", \"refused\": " + std::to_string(s.refused) +
         ", \"deferred\": " + std::to_string(s.deferred) + "}\n}\n";
    out << j;
}

}  // namespace overens::remind
