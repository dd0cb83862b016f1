#include "remind/message.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/SHA2Engine.h>

#include <sstream>

namespace overens::remind {

using Poco::Net::MailMessage;

namespace {

bool ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

std::string word(const std::string& s) { return ascii(s) ? s : MailMessage::encodeWord(s, "UTF-8"); }

// A display name in an address header: encoded when not ASCII, quoted when it holds specials.
std::string displayName(const std::string& name) {
    if (name.empty()) return name;
    if (!ascii(name)) return MailMessage::encodeWord(name, "UTF-8");
    if (name.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) return name;
    std::string q = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + "\"";
}

std::string list(const std::vector<std::string>& items, const std::string& andWord) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + andWord + " " : ", ";
        out += items[i];
    }
    return out;
}

// Wrap a paragraph at 72 characters (counting UTF-8 characters) for plain-text mail.
std::string wrap(const std::string& text, std::size_t width = 72) {
    std::istringstream in(text);
    std::string wordText, line, out;
    std::size_t lineLen = 0;
    auto len = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++n;
        return n;
    };
    while (in >> wordText) {
        const std::size_t w = len(wordText);
        if (!line.empty() && lineLen + 1 + w > width) {
            out += line + "\n";
            line.clear();
            lineLen = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++lineLen;
        }
        line += wordText;
        lineLen += w;
    }
    if (!line.empty()) out += line;
    return out;
}

// The party's own wording of a step when the template has one (key.role), else the common one.
std::string forRole(const Wording& w, const std::string& key, const std::string& role) {
    return w.has(key + "." + role) ? key + "." + role : key;
}

}  // namespace

std::string messageId(const std::string& identity, const std::string& review, const std::string& recipient) {
    Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
    const std::string key = identity + '\n' + review + '\n' + lower(recipient);
    e.update(key.data(), static_cast<unsigned>(key.size()));
    return Poco::DigestEngine::digestToHex(e.digest()).substr(0, 40) + ".review@overens";
}

std::string composeMessage(const doc::Meta& m, const doc::Person& to, const Date& today, const Wording& w,
                           const MailParts& from, const std::string& ics, const std::string& id,
                           bool maybeDuplicate) {
    const std::string& lang = m.lang;
    const Date review = workingDayOnOrBefore(*m.nextReview);  // the day it is held
    const long long days = review.serial() - today.serial();
    std::map<std::string, std::string> v{{"title", m.title},
                                         {"organisation", m.organisation},
                                         {"date", longDate(review, lang)},
                                         {"summary", m.reviewSummary},
                                         {"name", to.name.empty() ? to.email : to.name},
                                         {"role", to.title.empty() ? to.role : to.title},
                                         {"source", m.sourceName},
                                         {"file", w.get("attachment-name")},
                                         {"days", describeDuration(Duration{0, 0, 0, static_cast<int>(days < 0 ? -days : days)}, lang)}};
    v["form"] = from.formUrl;
    v["dnr"] = m.dnr.empty() ? std::string() : " " + w.format("dnr", {{"dnr", m.dnr}});
    if (m.reviewEvery) v["interval"] = describeDuration(*m.reviewEvery, lang);

    std::vector<std::string> others;
    for (const auto& p : m.people)
        if (lower(p.email) != lower(to.email) && !p.name.empty())
            others.push_back(p.name + (p.title.empty() ? "" : " (" + p.title + ")"));

    std::string body;
    auto para = [&](const std::string& text) { body += wrap(text) + "\n\n"; };
    para(w.format("greeting", v));
    if (maybeDuplicate && w.has("maybe-duplicate")) para(w.format("maybe-duplicate", v));
    para(w.format(days > 0 ? "due-future" : days == 0 ? "due-today" : "due-overdue", v));
    if (m.reviewEvery) para(w.format("recurring", v));
    body += w.format("todo-heading", v) + "\n\n";
    const std::string todo[] = {
        others.empty() ? w.format("todo-alone", v) : w.format("todo-together", {{"others", list(others, w.get("and"))}}),
        w.format("todo-decide", v), w.format(forRole(w, from.formUrl.empty() ? "todo-record" : "todo-record-form", to.role), v)};
    int n = 0;
    for (const auto& t : todo) {
        std::string item = wrap(t, 68);
        std::string indented;
        std::istringstream lines(item);
        std::string line;
        bool first = true;
        while (std::getline(lines, line)) {
            indented += (first ? std::to_string(++n) + ". " : std::string("   ")) + line + "\n";
            first = false;
        }
        body += indented;
    }
    body += "\n";
    para(w.format(forRole(w, "why", to.role), v));
    para(w.format("attachment", v));
    body += w.format("closing", v) + "\n" + w.format("signature", v) + "\n\n-- \n" + w.format("automatic", v) + "\n";

    MailMessage msg;
    msg.setSender(from.fromName.empty() ? from.fromAddress : displayName(from.fromName) + " <" + from.fromAddress + ">");
    // The To: header written here rather than through addRecipient, which would put an encoded
    // name inside quotes (RFC 2047 forbids that). The envelope recipient is given in RCPT TO.
    msg.set("To", to.name.empty() ? to.email : displayName(to.name) + " <" + to.email + ">");
    msg.setSubject(word(w.format("subject", v)));
    msg.set("Message-ID", "<" + id + ">");
    msg.set("Auto-Submitted", "auto-generated");
    msg.set("Content-Language", lang);
    msg.set("X-Overens-Review", review.iso());
    msg.addContent(new Poco::Net::StringPartSource(body, "text/plain; charset=UTF-8"),
                   MailMessage::ENCODING_QUOTED_PRINTABLE);
    const std::string file = w.get("attachment-name");
    msg.addAttachment(file, new Poco::Net::StringPartSource(ics, "text/calendar; charset=UTF-8; method=PUBLISH", file),
                      MailMessage::ENCODING_BASE64);
    std::ostringstream out;
    msg.write(out);
    return out.str();
}

}  // namespace overens::remind
