// One suite, run against both stores (the folder and PostgreSQL): versions kept with who and what,
// stale saves refused with nothing written, exactly one winner of a race on one version (threads
// and processes, each with its own handle on the store), restore as a new version, bad names
// refused, the engine's folder, and export/import through the real command.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "store/folder_store.hpp"
#include "store_under_test.hpp"

using namespace overens;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

const std::string kOrg = "exempelby";

std::string sample(const std::string& name) { return readFile(samplesDir() / "kommun" / name); }
std::string agreement() { return sample("exempelby-overenskommelse.xml"); }
// The agreement with a mark of who wrote it, so that every writer's bytes differ.
std::string agreementBy(const std::string& who) { return agreement() + "<!-- " + who + " -->\n"; }

class DocumentStoreTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { under = std::make_unique<StoreUnderTest>(GetParam()); }
    void TearDown() override { under.reset(); }
    store::DocumentStore& st() { return under->store(); }
    std::unique_ptr<StoreUnderTest> under;
    const store::DocumentId id{kOrg, "exempelby-overenskommelse.xml"};
};

TEST_P(DocumentStoreTest, ANewDocumentIsVersionOneWithWhoAndWhat) {
    const std::string xml = agreement();
    const auto r = st().save(id, xml, 0, "anna", "registration.dnr");
    ASSERT_EQ(r.status, store::SaveStatus::Saved) << r.error;
    EXPECT_EQ(r.version, 1);
    const auto doc = st().read(id);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->xml, xml);
    EXPECT_EQ(doc->version, 1);
    const auto history = st().history(id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].number, 1);
    EXPECT_EQ(history[0].author, "anna");
    EXPECT_EQ(history[0].summary, "registration.dnr");
    EXPECT_EQ(history[0].sha256.size(), 64u);
    EXPECT_EQ(history[0].savedAt.size(), 20u) << history[0].savedAt;  // 2026-12-01T12:00:00Z
    EXPECT_EQ(st().documents(kOrg), std::vector<std::string>{id.name});
    const auto orgs = st().organisations();
    EXPECT_NE(std::find(orgs.begin(), orgs.end(), kOrg), orgs.end());
}

TEST_P(DocumentStoreTest, EveryVersionIsKeptWholeAndBytesSurvive) {
    // Bytes the store must not touch: a Windows line end, non-ASCII, a byte that is not UTF-8.
    const std::string odd = agreement() + "<!-- \r\n åäö \xff -->";
    ASSERT_EQ(st().save(id, agreement(), 0, "anna", "").status, store::SaveStatus::Saved);
    ASSERT_EQ(st().save(id, odd, 1, "bertil", "goals").status, store::SaveStatus::Saved);
    ASSERT_EQ(st().save(id, agreementBy("3"), 2, "anna", "review.next").status, store::SaveStatus::Saved);
    EXPECT_EQ(st().readVersion(id, 1), agreement());
    EXPECT_EQ(st().readVersion(id, 2), odd);
    EXPECT_EQ(st().readVersion(id, 3), agreementBy("3"));
    EXPECT_FALSE(st().readVersion(id, 4));
    EXPECT_FALSE(st().readVersion(id, 0));
    const auto history = st().history(id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1].author, "bertil");
    EXPECT_EQ(history[1].summary, "goals");
    EXPECT_NE(history[0].sha256, history[1].sha256);
    EXPECT_EQ(st().read(id)->version, 3);
}

TEST_P(DocumentStoreTest, AStaleSaveIsRefusedAndWritesNothing) {
    ASSERT_EQ(st().save(id, agreement(), 0, "anna", "").status, store::SaveStatus::Saved);
    ASSERT_EQ(st().save(id, agreementBy("bertil"), 1, "bertil", "goals").status, store::SaveStatus::Saved);
    const auto stale = st().save(id, agreementBy("anna"), 1, "anna", "parties");
    EXPECT_EQ(stale.status, store::SaveStatus::Stale);
    EXPECT_EQ(stale.version, 2);
    EXPECT_EQ(st().read(id)->xml, agreementBy("bertil"));
    EXPECT_EQ(st().history(id).size(), 2u);
    // Based on a version that never was: refused too.
    EXPECT_EQ(st().save(id, agreementBy("anna"), 7, "anna", "").status, store::SaveStatus::Stale);
    // Based on the current one: saved.
    EXPECT_EQ(st().save(id, agreementBy("anna"), 2, "anna", "parties").version, 3);
}

TEST_P(DocumentStoreTest, ANewDocumentWhoseNameIsTakenIsRefused) {
    ASSERT_EQ(st().save(id, agreement(), 0, "anna", "").status, store::SaveStatus::Saved);
    const auto again = st().save(id, agreementBy("bertil"), 0, "bertil", "");
    EXPECT_EQ(again.status, store::SaveStatus::Exists);
    EXPECT_EQ(again.version, 1);
    EXPECT_EQ(st().read(id)->xml, agreement());
}

TEST_P(DocumentStoreTest, NamesThatCouldLeaveTheStoreAreRefused) {
    const std::vector<std::string> names{"../x.xml", "/etc/x.xml", ".hidden.xml", "a/b.xml", "x.txt", "x\n.xml",
                                         "x%2F.xml", "\xc3\xa5.xml", std::string("a\0b.xml", 7), "..xml"};
    for (const auto& name : names) {
        const auto r = st().save({kOrg, name}, agreement(), 0, "anna", "");
        EXPECT_EQ(r.status, store::SaveStatus::Refused) << name;
        EXPECT_FALSE(st().read({kOrg, name})) << name;
    }
    const std::vector<std::string> orgs{"..", "Exempelby", "-x", "a/b", "a b", std::string(65, 'a'), std::string("a\0b", 3)};
    for (const auto& org : orgs) {
        const auto r = st().save({org, "x.xml"}, agreement(), 0, "anna", "");
        EXPECT_EQ(r.status, store::SaveStatus::Refused) << org;
        std::string error;
        EXPECT_FALSE(st().createOrganisation(org, error)) << org;
    }
    EXPECT_TRUE(st().documents(kOrg).empty());
}

// Many writers, each with its own handle on the store (as separate servers would have), all
// saving on the version they last read: every version has exactly one author, every
// acknowledged save is in the history exactly once, at the version it was told.
TEST_P(DocumentStoreTest, ConcurrentSavesHaveExactlyOneWinnerPerVersion) {
    ASSERT_EQ(st().save(id, agreement(), 0, "start", "").status, store::SaveStatus::Saved);
    constexpr int kWriters = 6, kAttempts = 12;
    std::vector<std::map<int, std::string>> won(kWriters);  // per writer: version -> bytes
    std::atomic<int> stale{0};
    std::vector<std::thread> threads;
    std::atomic<bool> go{false};
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([&, w] {
            auto mine = under->open();
            while (!go) std::this_thread::yield();
            for (int a = 0; a < kAttempts; ++a) {
                const int base = mine->read(id)->version;
                const std::string bytes = agreementBy("writer " + std::to_string(w) + " attempt " + std::to_string(a));
                const auto r = mine->save(id, bytes, base, "w" + std::to_string(w), "");
                if (r.status == store::SaveStatus::Saved) {
                    EXPECT_EQ(r.version, base + 1);
                    won[w][r.version] = bytes;
                } else {
                    EXPECT_EQ(r.status, store::SaveStatus::Stale) << r.error;
                    ++stale;
                }
            }
        });
    go = true;
    for (auto& t : threads) t.join();

    std::map<int, std::string> all;
    std::size_t saves = 0;
    for (const auto& w : won)
        for (const auto& [version, bytes] : w) {
            EXPECT_TRUE(all.emplace(version, bytes).second) << "version " << version << " acknowledged twice";
            ++saves;
        }
    const auto history = st().history(id);
    ASSERT_EQ(history.size(), saves + 1);
    for (std::size_t i = 0; i < history.size(); ++i) EXPECT_EQ(history[i].number, static_cast<int>(i) + 1);
    for (const auto& [version, bytes] : all) EXPECT_EQ(st().readVersion(id, version), bytes) << version;
    EXPECT_EQ(saves + static_cast<std::size_t>(stale.load()), static_cast<std::size_t>(kWriters * kAttempts));
    EXPECT_GT(stale.load(), 0) << "the writers never met: the race was not tested";
    EXPECT_EQ(st().read(id)->xml, all.rbegin()->second);
}

// The same race between processes: each helper (store_save_child) opens the store itself and
// saves on version 1 once all are ready (their standard input closes); exactly one exits 0.
TEST_P(DocumentStoreTest, ConcurrentSavesFromProcessesHaveExactlyOneWinner) {
    ASSERT_EQ(st().save(id, agreement(), 0, "start", "").status, store::SaveStatus::Saved);
    constexpr int kProcesses = 5;
    TempDir files;
    int gate[2];
    ASSERT_EQ(pipe(gate), 0);
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
        const std::string file = (files / ("p" + std::to_string(p) + ".xml")).string();
        writeFile(file, agreementBy("process " + std::to_string(p)));
        const std::string helper = OVERENS_STORE_SAVE_CHILD;
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {  // only async-signal-safe calls before exec
            dup2(gate[0], 0);
            close(gate[0]);
            close(gate[1]);
            execl(helper.c_str(), helper.c_str(), under->spec().c_str(), id.organisation.c_str(), id.name.c_str(), "1",
                  file.c_str(), static_cast<char*>(nullptr));
            _exit(3);
        }
        children.push_back(pid);
    }
    close(gate[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let them open the store
    close(gate[1]);
    int winners = 0, losers = 0;
    for (pid_t pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFEXITED(status));
        if (WEXITSTATUS(status) == 0) ++winners;
        if (WEXITSTATUS(status) == 1) ++losers;
    }
    EXPECT_EQ(winners, 1);
    EXPECT_EQ(losers, kProcesses - 1);
    ASSERT_EQ(st().history(id).size(), 2u);
    EXPECT_NE(st().read(id)->xml.find("<!-- process "), std::string::npos);
}

TEST_P(DocumentStoreTest, ARestoreIsANewVersionWithTheOldBytes) {
    ASSERT_EQ(st().save(id, agreement(), 0, "anna", "").status, store::SaveStatus::Saved);
    ASSERT_EQ(st().save(id, agreementBy("2"), 1, "bertil", "goals").status, store::SaveStatus::Saved);
    const auto first = st().readVersion(id, 1);
    ASSERT_TRUE(first);
    const auto r = st().save(id, *first, 2, "anna", "restore:1");
    ASSERT_EQ(r.status, store::SaveStatus::Saved);
    EXPECT_EQ(r.version, 3);
    EXPECT_EQ(st().read(id)->xml, agreement());
    const auto history = st().history(id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[2].summary, "restore:1");
    EXPECT_EQ(history[2].sha256, history[0].sha256);
    EXPECT_EQ(st().readVersion(id, 2), agreementBy("2"));
}

TEST_P(DocumentStoreTest, TheEnginesFolderHoldsTheCurrentDocuments) {
    ASSERT_EQ(st().save(id, agreement(), 0, "anna", "").status, store::SaveStatus::Saved);
    const store::DocumentId order{kOrg, "exempelby-delegationsordning.xml"};
    ASSERT_EQ(st().save(order, sample(order.name), 0, "anna", "").status, store::SaveStatus::Saved);
    ASSERT_EQ(st().save(id, agreementBy("2"), 1, "anna", "").status, store::SaveStatus::Saved);
    const fs::path folder = st().materialise(kOrg);
    EXPECT_EQ(readFile(folder / id.name), agreementBy("2"));
    EXPECT_EQ(readFile(folder / order.name), sample(order.name));
    // validate reads them like any folder of answer files.
    const RunResult r = runOverens({"validate", (folder / id.name).string(), (folder / order.name).string()});
    EXPECT_NE(r.exitCode, 2) << r.err;
}

// A whole organisation out to a folder and back in through the real command: import makes a
// version only where the bytes differ.
TEST_P(DocumentStoreTest, ExportAndImportAnOrganisationRoundTrip) {
    const fs::path kommun = samplesDir() / "kommun";
    const RunResult in = runOverens({"store", "import", kOrg, kommun.string(), "--store", under->spec()});
    ASSERT_EQ(in.exitCode, 0) << in.err;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kommun))
        if (e.path().extension() == ".xml") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(st().documents(kOrg), names);
    EXPECT_NE(in.err.find(std::to_string(names.size()) + " new version(s), 0 unchanged"), std::string::npos) << in.err;

    TempDir out;
    const RunResult ex = runOverens({"store", "export", kOrg, out.path().string(), "--store", under->spec()});
    ASSERT_EQ(ex.exitCode, 0) << ex.err;
    for (const auto& n : names) EXPECT_EQ(readFile(out / n), readFile(kommun / n)) << n;

    // One file changed: one new version, the rest unchanged.
    writeFile(out / names.front(), readFile(out / names.front()) + "<!-- edited -->\n");
    const RunResult again = runOverens({"store", "import", kOrg, out.path().string(), "--store", under->spec(),
                                        "--author", "kansliet"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.err.find("1 new version(s), " + std::to_string(names.size() - 1) + " unchanged"), std::string::npos)
        << again.err;
    const auto history = st().history({kOrg, names.front()});
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].author, "kansliet");
    EXPECT_EQ(history[1].summary, "import");
    EXPECT_EQ(st().history({kOrg, names.back()}).size(), 1u);
}

// What the service could not open is refused at its place and not saved; the good files of the
// same folder are imported, and the exit code says something was refused.
TEST_P(DocumentStoreTest, ImportRefusesWhatIsNotAnAnswerFile) {
    TempDir in;
    const std::string good = "exempelby-overenskommelse.xml";
    writeFile(in / good, readFile(samplesDir() / "kommun" / good));
    writeFile(in / "broken.xml", "<?xml version=\"1.0\"?>\n<agreement lang=\"en\"\n");
    writeFile(in / "other.xml", "<?xml version=\"1.0\"?>\n<recipe/>\n");
    writeFile(in / "bad name.xml", readFile(samplesDir() / "kommun" / good));
    const RunResult r = runOverens({"store", "import", kOrg, in.path().string(), "--store", under->spec(), "--lang", "en"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find((in / "broken.xml").string() + ":2:1: error: [source.malformed-xml]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((in / "other.xml").string() + ":2:1: error: [source.unknown-kind]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bad name.xml: warning: [store.import-name]"), std::string::npos) << r.err;
    EXPECT_EQ(st().documents(kOrg), std::vector<std::string>{good});
    EXPECT_NE(r.err.find("1 new version(s), 0 unchanged, 2 failed"), std::string::npos) << r.err;
}

TEST_P(DocumentStoreTest, TheCommandRefusesBadArguments) {
    EXPECT_EQ(runOverens({"store", "export", "Bad Org", "x", "--store", under->spec()}).exitCode, 2);
    EXPECT_EQ(runOverens({"store", "export", kOrg, "x"}).exitCode, 2);
    EXPECT_EQ(runOverens({"store", "import", kOrg, "/no/such/folder", "--store", under->spec()}).exitCode, 2);
    const RunResult r = runOverens({"store", "export", kOrg, "x", "--store", "postgresql://nobody@127.0.0.1:1/none"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("postgresql://nobody@127.0.0.1:1/none"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Folder, DocumentStoreTest, ::testing::Values("folder"));
INSTANTIATE_TEST_SUITE_P(Postgresql, DocumentStoreTest, ::testing::Values("postgresql"));

// The folder store only: the files are the truth, and a change made beside the service is kept.
TEST(FolderStore, AFileChangedOutsideTheServiceBecomesAVersionByNobody) {
    TempDir dir;
    store::FolderStore st(dir.path());
    const store::DocumentId top{"", "exempelby-overenskommelse.xml"};
    writeFile(dir / top.name, agreement());  // there before the store saw it
    auto doc = st.read(top);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->version, 1);
    ASSERT_EQ(st.history(top).size(), 1u);
    EXPECT_EQ(st.history(top)[0].author, "");
    EXPECT_EQ(st.readVersion(top, 1), agreement());
    // Reading wrote nothing but the store's own record of that version.
    EXPECT_EQ(readFile(dir / top.name), agreement());
    EXPECT_TRUE(fs::exists(dir / ".overens/history/-" / top.name / "1.json"));

    ASSERT_EQ(st.save(top, agreementBy("anna"), 1, "anna", "goals").version, 2);
    writeFile(dir / top.name, agreementBy("an editor"));
    doc = st.read(top);
    EXPECT_EQ(doc->version, 3);
    EXPECT_EQ(doc->xml, agreementBy("an editor"));
    const auto history = st.history(top);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].author, "");
    EXPECT_EQ(history[1].author, "anna");
    EXPECT_EQ(history[2].author, "");
    EXPECT_EQ(history[2].savedAt.size(), 20u) << history[2].savedAt;
    EXPECT_EQ(st.readVersion(top, 1), agreement());
    EXPECT_EQ(st.readVersion(top, 3), agreementBy("an editor"));
    // Changed again before anyone saved: another version, so version 3 still names its bytes.
    writeFile(dir / top.name, agreementBy("another editor"));
    EXPECT_EQ(st.save(top, agreementBy("me"), 3, "anna", "").status, store::SaveStatus::Stale);
    EXPECT_EQ(st.read(top)->version, 4);
    EXPECT_EQ(st.readVersion(top, 3), agreementBy("an editor"));
    writeFile(dir / top.name, agreementBy("an editor"));
    // A save based on what the service last saw is stale, and the editor's change stays.
    EXPECT_EQ(st.save(top, agreementBy("me"), 4, "anna", "").status, store::SaveStatus::Stale);
    EXPECT_EQ(readFile(dir / top.name), agreementBy("an editor"));
    ASSERT_EQ(st.save(top, agreementBy("me"), 5, "anna", "").version, 6);
    EXPECT_EQ(st.history(top).size(), 6u);
    EXPECT_EQ(st.organisations(), std::vector<std::string>{""});
}

TEST(FolderStore, LinksAndOutputFoldersAreNotDocumentsOrOrganisations) {
    TempDir dir;
    store::FolderStore st(dir.path());
    fs::create_directories(dir / "out");
    writeFile(dir / "out/x.pdf", "%PDF");
    fs::create_directories(dir / "outside");
    writeFile(dir / "outside/secret.xml", agreement());
    fs::create_directory_symlink(dir / "outside", dir / "linked");
    fs::create_symlink(dir / "outside/secret.xml", dir / "secret.xml");
    EXPECT_TRUE(st.documents("").empty());
    EXPECT_FALSE(st.read({"", "secret.xml"}));
    // A new document cannot take the link's name, and nothing is written through the link.
    EXPECT_TRUE(st.taken({"", "secret.xml"}));
    EXPECT_EQ(st.save({"", "secret.xml"}, agreementBy("me"), 0, "anna", "").status, store::SaveStatus::Exists);
    EXPECT_EQ(readFile(dir / "outside/secret.xml"), agreement());
    EXPECT_EQ(st.save({"linked", "secret.xml"}, agreementBy("me"), 0, "anna", "").status, store::SaveStatus::Refused);
    EXPECT_TRUE(st.documents("linked").empty());
    EXPECT_EQ(st.organisations(), std::vector<std::string>{"outside"});
    std::string error;
    ASSERT_TRUE(st.createOrganisation("ks", error)) << error;
    EXPECT_EQ(st.organisations(), (std::vector<std::string>{"ks", "outside"}));
}

}  // namespace
