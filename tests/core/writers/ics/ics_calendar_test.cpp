// The agreement's year in the calendar (`overens build --calendar`): besides the review, the
// fixed meetings (recurring VEVENTs) and the goals' follow-up and due dates (VTODOs), each with
// a stable UID, categories and the registration number. Every sample's full calendar passes
// ics-validate --khal, and importing a rebuilt calendar into khal again updates its events
// instead of adding them twice.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> samples() {
    std::vector<std::string> out;
    for (const char* folder : {"kommun", "region"})
        for (const auto& e : fs::directory_iterator(samplesDir() / folder))
            if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

RunResult build(const std::vector<std::string>& sources, const fs::path& out, const std::string& calendar) {
    std::vector<std::string> args{"build"};
    args.insert(args.end(), sources.begin(), sources.end());
    for (const std::string& a : {std::string("--format"), std::string("ics"), std::string("-o"), out.string()})
        args.push_back(a);
    if (!calendar.empty()) args.insert(args.end(), {"--calendar", calendar});
    return runOverens(args);
}

std::vector<std::string> all(const std::string& text, const std::string& re) {
    std::vector<std::string> out;
    const std::regex r(re);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), r); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

// A khal of its own in a folder: config, calendar vdir, database.
struct Khal {
    TempDir dir;
    fs::path conf = dir / "khal.conf";
    Khal() {
        fs::create_directories(dir / "cal");
        writeFile(conf, "[calendars]\n[[agreement]]\npath = " + (dir / "cal").string() +
                            "\ntype = calendar\n[sqlite]\npath = " + (dir / "khal.db").string() +
                            "\n[locale]\nlocal_timezone = Europe/Stockholm\ndefault_timezone = Europe/Stockholm\n"
                            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                            "[default]\ndefault_calendar = agreement\n");
    }
    std::map<std::string, std::string> env() const {
        return {{"HOME", dir.path().string()}, {"XDG_CONFIG_HOME", dir.path().string()},
                {"XDG_DATA_HOME", dir.path().string()}};
    }
    RunResult import(const fs::path& ics) const {
        return run({"khal", "-c", conf.string(), "import", "--batch", "-a", "agreement", ics.string()}, env(), 120);
    }
    RunResult list(const std::string& from, const std::string& to) const {
        return run({"khal", "-c", conf.string(), "list", "--day-format", "", "--format", "{uid} | {title}", from, to},
                   env(), 120);
    }
    std::size_t stored() const {  // one .ics file per UID in the vdir
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(dir / "cal")) n += e.path().extension() == ".ics";
        return n;
    }
};

}  // namespace

TEST(IcsCalendar, TheAgreementsYearWithStableUids) {
    TempDir first, second, review;
    ASSERT_EQ(build(samples(), first.path(), "all").exitCode, 0);
    ASSERT_EQ(build(samples(), second.path(), "all").exitCode, 0);
    ASSERT_EQ(build(samples(), review.path(), "").exitCode, 0);
    for (const auto& e : fs::directory_iterator(first.path())) {
        const std::string name = e.path().filename().string();
        const std::string text = readFile(e.path());
        EXPECT_EQ(text, readFile(second.path() / name)) << name << " differs between builds";
        const auto uids = all(text, "\r\nUID:([^\r]+)");
        EXPECT_EQ(std::set<std::string>(uids.begin(), uids.end()).size(), uids.size()) << name << ": a UID twice";
        auto v = run({(sharedTools() / "ics-validate").string(), "--khal", e.path().string()}, {}, 120);
        EXPECT_EQ(v.exitCode, 0) << name << "\n" << v.out << v.err;
        // The default holds the review alone.
        EXPECT_EQ(all(readFile(review.path() / name), "\r\n(BEGIN:V(?:EVENT|TODO))").size(), 1u) << name;
    }
    const std::string kommun = readFile(first.path() / "exempelby-overenskommelse.ics");
    // Four fixed meetings, recurring from the adoption: weekly, monthly twice, every six months.
    EXPECT_EQ(all(kommun, "X-OVERENS-SECTION:(co-leadership)").size(), 4u);
    EXPECT_NE(kommun.find("SUMMARY;LANGUAGE=sv:Avstämning ordförande och kommundirektör\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("RRULE:FREQ=WEEKLY;INTERVAL=1\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("RRULE:FREQ=MONTHLY;INTERVAL=6\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("CATEGORIES;LANGUAGE=sv:Möte\r\n"), std::string::npos);
    // The goals' measures: follow-ups and due dates as to-dos, with the registration number.
    EXPECT_NE(kommun.find("BEGIN:VTODO\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("DUE;VALUE=DATE:20270831\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("DUE;VALUE=DATE:20270630\r\n"), std::string::npos);
    EXPECT_NE(kommun.find("CATEGORIES;LANGUAGE=sv:Mål\r\n"), std::string::npos);
    EXPECT_EQ(all(kommun, "(X-OVERENS-DNR:KS 2027/0042)").size(), all(kommun, "\r\n(BEGIN:V(?:EVENT|TODO))").size());
    // The English agreement in English.
    const std::string en = readFile(first.path() / "exempelland-agreement-en.ics");
    EXPECT_NE(en.find("CATEGORIES;LANGUAGE=en:Meetings\r\n"), std::string::npos);
}

TEST(IcsCalendar, ASecondImportIntoKhalUpdatesInsteadOfDuplicating) {
    if (!commandExists("khal")) GTEST_SKIP() << "khal missing";
    TempDir src, out;
    const fs::path source = src / "overenskommelse.xml";
    fs::copy_file(samplesDir() / "kommun" / "exempelby-overenskommelse.xml", source);
    ASSERT_EQ(build({source.string()}, out.path(), "all").exitCode, 0);
    const fs::path ics = out / "overenskommelse.ics";
    Khal khal;
    auto r = khal.import(ics);
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const std::size_t events = all(readFile(ics), "\r\n(BEGIN:VEVENT)").size();
    EXPECT_EQ(khal.stored(), events);
    // A meeting renamed in the source, rebuilt and imported again: the same events, updated.
    std::string text = readFile(source);
    text = std::regex_replace(text, std::regex("Presidieberedning"), "Presidiets beredning");
    writeFile(source, text);
    ASSERT_EQ(build({source.string()}, out.path(), "all").exitCode, 0);
    r = khal.import(ics);
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(khal.stored(), events);
    auto listed = khal.list("2027-02-01", "2027-03-01");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("Presidiets beredning"), std::string::npos) << listed.out;
    EXPECT_EQ(listed.out.find("Presidieberedning"), std::string::npos) << listed.out;
}

TEST(IcsCalendar, AnUnknownKindOfEntryIsAUsageError) {
    TempDir out;
    auto r = build({samples().front()}, out.path(), "meetings,holidays");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("holidays"), std::string::npos) << r.err;
}
