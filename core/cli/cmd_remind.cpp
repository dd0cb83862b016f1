// overens remind PATH...: list the reviews that are due and, with --send, e-mail the parties.
// Options come from the command line and, for the SMTP settings, from --config FILE
// (Poco properties "key = value", or INI with [smtp] when the file ends in .ini); the command
// line wins. See docs/reminders.md.
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_support.hpp"
#include "command_line.hpp"
#include "options.hpp"
#include "remind/remind.hpp"
#include "remind/review.hpp"
#include "remind/state.hpp"

namespace overens::cli {

namespace fs = std::filesystem;

namespace {

struct Spec {
    const char* name;
    const char* arg;  // nullptr: a flag
    const char* help;
};

const Spec kRemindOptions[] = {
    {"today", "DATE", "remind: the day to reckon from, YYYY-MM-DD (default: today in Europe/Stockholm)"},
    {"within", "DURATION", "remind: list reviews within this ISO 8601 duration, e.g. P90D (default: each document's notify-before)"},
    {"json", nullptr, "remind: print the list as JSON"},
    {"send", nullptr, "remind: e-mail each party whose reminder has not been delivered"},
    {"smtp", "HOST:PORT", "remind: the SMTP server (or smtp.host/smtp.port in --config)"},
    // One option, two meanings: new and import read an existing source, remind sends from an address.
    {"from-name", "NAME", "remind: the sender's display name"},
    {"starttls", nullptr, "remind: require STARTTLS before sending"},
    {"smtp-user", "USER", "remind: log in to the SMTP server as USER"},
    {"smtp-password-file", "FILE", "remind: read the SMTP password from FILE (or $OVERENS_SMTP_PASSWORD)"},
    {"smtp-login", "METHOD", "remind: plain (default), login, cram-md5, cram-sha1 or xoauth2"},
    {"smtp-timeout", "SECONDS", "remind: timeout for connecting and each SMTP reply (default 30)"},
    {"config", "FILE", "remind: settings file (properties, or INI when it ends in .ini); see docs/reminders.md"},
    {"state", "FILE", "remind: the state file (default: $OVERENS_STATE, $STATE_DIRECTORY, ~/.local/state/overens)"},
    {"default-recipient", "ADDRESS", "remind: who is reminded of a document none of whose parties has an e-mail address"},
    {"form-url", "URL", "remind: where the parties open the document to revise it (the e-mail points there)"},
};

std::string readSecret(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw UsageError("cannot read the password file " + file);
    std::string s;
    std::getline(in, s);
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

void parseHostPort(const std::string& value, remind::SmtpSettings& s) {
    std::string host = value, port;
    if (!value.empty() && value.front() == '[') {  // [::1]:25
        const auto close = value.find(']');
        if (close == std::string::npos) throw UsageError("--smtp: bad address '" + value + "'");
        host = value.substr(1, close - 1);
        if (close + 1 < value.size() && value[close + 1] == ':') port = value.substr(close + 2);
    } else if (const auto colon = value.rfind(':'); colon != std::string::npos) {
        host = value.substr(0, colon);
        port = value.substr(colon + 1);
    }
    if (host.empty()) throw UsageError("--smtp needs HOST:PORT, not '" + value + "'");
    s.host = host;
    if (!port.empty()) {
        char* end = nullptr;
        const long p = std::strtol(port.c_str(), &end, 10);
        if (*end || p < 1 || p > 65535) throw UsageError("--smtp: bad port '" + port + "'");
        s.port = static_cast<unsigned short>(p);
    }
}

// Two state specs naming the same state: the same database URL, or the same file.
bool sameState(const std::string& a, const std::string& b) {
    if (remind::isDatabaseSpec(a) || remind::isDatabaseSpec(b)) return a == b;
    return fs::weakly_canonical(a) == fs::weakly_canonical(b);
}

bool truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes" || v == "on"; }

}  // namespace

void defineRemindOptions(OptionSet& options) {
    for (const auto& o : kRemindOptions) {
        Option opt(o.name, "", o.help);
        if (o.arg) opt.argument(o.arg);
        options.addOption(opt);
    }
}

int runRemind(const CommandLine& cl) {
    if (cl.args.empty() && !cl.has("store"))
        throw UsageError("remind needs at least one PATH (a source file or a folder of sources) or --store SPEC");
    remind::RemindOptions o;
    o.paths = cl.args;
    o.store = cl.value("store");
    if (cl.has("store") && o.store.empty()) throw UsageError("--store needs a folder or postgresql://USER@HOST:PORT/DB");
    o.lang = languageOption(cl);
    o.templatesDir = cl.value("templates");

    // The settings file first; the command line overrides it.
    Poco::AutoPtr<Poco::Util::AbstractConfiguration> config;
    if (cl.has("config")) {
        const std::string file = cl.value("config");
        try {
            if (file.size() > 4 && file.compare(file.size() - 4, 4, ".ini") == 0)
                config = new Poco::Util::IniFileConfiguration(file);
            else
                config = new Poco::Util::PropertyFileConfiguration(file);
        } catch (const Poco::Exception& e) {
            throw UsageError("cannot read the settings file " + file + ": " + e.displayText());
        }
        struct stat st {};
        if (config->has("smtp.password") && ::stat(file.c_str(), &st) == 0 && (st.st_mode & 0077))
            std::cerr << file << ": warning: [remind.config-permissions] "
                      << "the file holds a password and can be read by others (chmod 600)\n";
    }
    auto setting = [&](const std::string& option, const std::string& key) -> std::string {
        if (cl.has(option)) return cl.value(option);
        if (config && config->has(key)) return config->getString(key);
        return {};
    };

    const std::string today = setting("today", "remind.today");
    if (!today.empty()) {
        auto d = parseDate(today);
        if (!d) throw UsageError("--today needs a date YYYY-MM-DD, not '" + today + "'");
        o.today = *d;
    } else {
        o.today = remind::stockholmToday();
    }
    const std::string within = setting("within", "remind.within");
    if (!within.empty()) {
        auto d = parseDuration(within);
        if (!d) throw UsageError("--within needs an ISO 8601 duration such as P30D or P3M, not '" + within + "'");
        o.within = *d;
    }
    o.json = cl.has("json");
    o.send = cl.has("send");
    const std::string state = setting("state", "remind.state");
    // A store in PostgreSQL keeps remind's state too (every machine's run sees the same records).
    const std::string defaultState =
        remind::isDatabaseSpec(o.store) ? o.store : remind::defaultStateLocation().string();
    o.state = state.empty() ? defaultState : state;
    o.defaultRecipient = setting("default-recipient", "remind.default-recipient");
    if (!o.defaultRecipient.empty() && o.defaultRecipient.find('@') == std::string::npos)
        throw UsageError("--default-recipient needs an e-mail address, not '" + o.defaultRecipient + "'");
    o.formUrl = setting("form-url", "remind.form-url");
    // A test run must not spend the real reminders: what it sends is recorded in its own file.
    if (o.send && !today.empty() &&
        (state.empty() || sameState(state, defaultState)))
        throw UsageError("--today with --send is a test run: give it its own --state FILE (not the default "
                         "state file), so that the reminders it sends are not recorded as sent for the real runs");

    remind::SmtpSettings& s = o.smtp;
    if (cl.has("smtp")) {
        parseHostPort(cl.value("smtp"), s);
    } else if (config && config->has("smtp.host")) {
        parseHostPort(config->getString("smtp.host"), s);
        if (config->has("smtp.port")) parseHostPort(s.host + ":" + config->getString("smtp.port"), s);
    }
    s.from = setting("from", "smtp.from");
    o.fromName = setting("from-name", "smtp.from-name");
    s.startTls = cl.has("starttls") || (config && truthy(config->getString("smtp.starttls", "")));
    s.user = setting("smtp-user", "smtp.user");
    s.loginMethod = setting("smtp-login", "smtp.login");
    if (s.loginMethod.empty()) s.loginMethod = "plain";
    const std::string methods[] = {"plain", "login", "cram-md5", "cram-sha1", "xoauth2"};
    if (std::find(std::begin(methods), std::end(methods), s.loginMethod) == std::end(methods))
        throw UsageError("--smtp-login must be plain, login, cram-md5, cram-sha1 or xoauth2");
    const std::string passwordFile = setting("smtp-password-file", "smtp.password-file");
    if (!passwordFile.empty())
        s.password = readSecret(passwordFile);
    else if (const char* env = std::getenv("OVERENS_SMTP_PASSWORD"); env && *env)
        s.password = env;
    else if (config && config->has("smtp.password"))
        s.password = config->getString("smtp.password");
    const std::string timeout = setting("smtp-timeout", "smtp.timeout");
    if (!timeout.empty()) {
        char* end = nullptr;
        const long v = std::strtol(timeout.c_str(), &end, 10);
        if (*end || v < 1 || v > 3600) throw UsageError("--smtp-timeout needs seconds between 1 and 3600");
        s.timeoutSeconds = static_cast<int>(v);
    }
    if (config) {
        s.caFile = config->getString("smtp.ca-file", "");
        s.verifyTls = !config->has("smtp.verify") || truthy(config->getString("smtp.verify"));
        s.helo = config->getString("smtp.helo", "");
    }
    if (o.send) {
        if (s.host.empty()) throw UsageError("--send needs --smtp HOST:PORT (or smtp.host in --config)");
        if (s.from.empty() || s.from.find('@') == std::string::npos)
            throw UsageError("--send needs --from ADDRESS (or smtp.from in --config)");
        if (!s.user.empty() && s.password.empty())
            throw UsageError("--smtp-user needs a password: --smtp-password-file, $OVERENS_SMTP_PASSWORD or smtp.password");
    }
    return remind::runReminders(o, std::cout, std::cerr);
}

}  // namespace overens::cli
