// The job's observable behaviour on the repository's samples, byte for byte: the listing (sv and
// en), the JSON, the e-mails as smtp-sink receives them and the state file after the run, with a
// fixed --today. The committed files under golden/ are what main produced before the job was
// split into phases (issue 17); a change of behaviour shows here as a diff and is committed with
// the golden files it changes. What varies between runs (temporary folder, wall-clock times,
// MIME boundaries, file times in the index) is masked before comparing.
//
// OVERENS_UPDATE_GOLDEN=1 writes the files instead of comparing them.
#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>

#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

const fs::path kGolden = sourceDir() / "tests" / "core" / "remind" / "golden";

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    if (from.empty()) return s;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// What differs from run to run, masked.
std::string mask(std::string s, const fs::path& tmp) {
    s = replaceAll(s, tmp.string(), "$TMP");
    s = std::regex_replace(s, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))"), "<time>");
    s = std::regex_replace(s, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d)"), "<time>");
    s = std::regex_replace(s, std::regex(R"(MIME_boundary_[0-9A-Za-z]+)"), "<boundary>");
    s = std::regex_replace(s, std::regex(R"((^|\n)Date: [^\r\n]*)"), "$1Date: <date>");
    return s;
}

std::string printable(std::string s) {
    s = replaceAll(s, "\x1f", "|");
    return replaceAll(s, "\x1e", "\n      ");
}

// The state file as text: the reminders and the stored headers, and the index with the file
// times masked (entries sorted: the folder rows are written from a hash map).
std::string dumpState(const fs::path& file) {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session db("SQLite", file.string());
    std::string out = "[reminders]\n";
    std::vector<std::string> id, review, rcpt, status, response, last, sent, path;
    std::vector<Poco::Int64> attempts, code;
    db << "SELECT identity, review, recipient, status, attempts, code, response, last_attempt, sent_at, path"
          " FROM reminders ORDER BY identity, review, recipient",
        into(id), into(review), into(rcpt), into(status), into(attempts), into(code), into(response), into(last),
        into(sent), into(path), now;
    for (std::size_t i = 0; i < id.size(); ++i)
        out += id[i] + " | " + review[i] + " | " + rcpt[i] + " | " + status[i] + " | attempts " +
               std::to_string(attempts[i]) + " | code " + std::to_string(code[i]) + " | " + response[i] + " | " +
               (last[i].empty() ? "-" : "<last>") + " | " + (sent[i].empty() ? "-" : "<sent>") + " | " + path[i] + "\n";
    out += "[headers]\n";
    std::vector<std::string> hpath, sha, header;
    db << "SELECT path, sha256, header FROM headers ORDER BY path", into(hpath), into(sha), into(header), now;
    for (std::size_t i = 0; i < hpath.size(); ++i) out += hpath[i] + " " + sha[i] + "\n    " + printable(header[i]) + "\n";
    out += "[folders]\n";
    std::vector<std::string> fpath, entries;
    db << "SELECT path, entries FROM folders ORDER BY path", into(fpath), into(entries), now;
    for (std::size_t i = 0; i < fpath.size(); ++i) {
        std::vector<std::string> rows;
        std::size_t start = 0;
        for (std::size_t end; (end = entries[i].find('\x1e', start)) != std::string::npos; start = end + 1) {
            std::vector<std::string> f;
            const std::string rec = entries[i].substr(start, end - start);
            std::size_t p = 0;
            for (std::size_t q; (q = rec.find('\x1f', p)) != std::string::npos; p = q + 1) f.push_back(rec.substr(p, q - p));
            f.push_back(rec.substr(p));
            if (f.size() == 9) f[1] = f[3] = "<ns>";
            std::string row;
            for (const auto& x : f) row += (row.empty() ? "" : "|") + x;
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        out += fpath[i] + "\n";
        for (const auto& r : rows) out += "    " + r + "\n";
    }
    std::vector<std::string> keys, values;
    db << "SELECT key, value FROM meta WHERE key <> 'index-fingerprint' ORDER BY key", into(keys), into(values), now;
    out += "[meta]\n";
    for (std::size_t i = 0; i < keys.size(); ++i) out += keys[i] + " = " + values[i] + "\n";
    return out;
}

// The messages smtp-sink saved, ordered by recipient and Message-ID (file names follow arrival).
std::string dumpMail(const SmtpSink& sink) {
    std::vector<std::pair<std::string, std::string>> mails;
    for (const auto& eml : sink.messages()) {
        const std::string text = readFile(eml);
        std::smatch to, id;
        std::regex_search(text, to, std::regex(R"((^|\n)To: ([^\r\n]*))"));
        std::regex_search(text, id, std::regex(R"((^|\n)Message-ID: ([^\r\n]*))"));
        mails.emplace_back(to.str(2) + " " + id.str(2), text);
    }
    std::sort(mails.begin(), mails.end());
    std::string out;
    for (const auto& [key, text] : mails) out += "=== " + key + "\n" + text + (text.empty() || text.back() == '\n' ? "" : "\n");
    return out;
}

std::string result(const RunResult& r) {
    return r.out + "--- stderr\n" + r.err + "--- exit " + std::to_string(r.exitCode) + "\n";
}

class RemindGolden : public ::testing::Test {
protected:
    TempDir dir;
    fs::path samples = dir / "samples";
    bool update = std::getenv("OVERENS_UPDATE_GOLDEN") != nullptr;

    void SetUp() override {
        fs::copy(samplesDir(), samples, fs::copy_options::recursive);
        // Dated back: a file changed within 2 s of a run is read again, which would make the
        // "parsed" count depend on timing.
        for (const auto& e : fs::recursive_directory_iterator(samples))
            if (e.is_regular_file())
                fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
    }

    RunResult remind(std::vector<std::string> args) {
        args.insert(args.begin(), {"remind", samples.string()});
        for (const char* a : {"--state", "STATE"}) args.push_back(a);
        args.back() = (dir / "state.sqlite").string();
        return runOverens(args);
    }

    void check(const std::string& name, const std::string& actual) {
        const std::string masked = mask(actual, dir.path());
        if (update) {
            fs::create_directories(kGolden);
            writeFile(kGolden / name, masked);
            return;
        }
        ASSERT_TRUE(fs::exists(kGolden / name)) << name << " is missing; run with OVERENS_UPDATE_GOLDEN=1";
        EXPECT_EQ(readFile(kGolden / name), masked) << "golden file " << name;
    }
};

}  // namespace

TEST_F(RemindGolden, ListingJsonMailAndStateMatchTheCommittedOutputs) {
    check("listing-sv.txt", result(remind({"--today", "2027-12-21"})));
    check("listing-en.txt", result(remind({"--today", "2028-02-10", "--lang", "en"})));
    check("json.txt", result(remind({"--today", "2027-12-21", "--json"})));
    check("within.txt", result(remind({"--today", "2027-06-01", "--within", "P2Y"})));

    SmtpSink sink(dir / "mail");
    const std::vector<std::string> send = {"--today", "2027-12-21", "--send", "--from", "registrator@exempelby.se",
                                           "--from-name", "Registratorn", "--smtp", sink.address(), "--smtp-timeout",
                                           "10"};
    check("send.txt", result(remind(send)));
    auto again = send;
    again.push_back("--json");
    check("send-again.txt", result(remind(again)));
    sink.stop();
    check("mail.txt", dumpMail(sink));
    check("state.txt", dumpState(dir / "state.sqlite"));
}
