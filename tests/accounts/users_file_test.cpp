// The users file: its format, errors with their places, atomic changes of mode 0600, changes by
// another process seen by a running server, and two writers at once losing nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "accounts/password_hash.hpp"
#include "accounts/users_file.hpp"
#include "test_support.hpp"

using namespace overens::accounts;
namespace fs = std::filesystem;

namespace {

std::string hashOf(const std::string& password) { return hashPassword(password, 1000); }

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string parseError(const std::string& text) {
    try {
        UsersFile::parse(text, "users");
    } catch (const UsersFileError& e) {
        return e.what();
    }
    return "";
}

class UsersFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("overens-users-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
        path = dir / "users";
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir, path;
};

}  // namespace

TEST(AccountNames, OnlyTheDocumentedCharacters) {
    for (const char* ok : {"anna", "anna.berg", "a_b-c@exempelby.se", "A1"}) EXPECT_TRUE(validAccountName(ok)) << ok;
    for (const std::string& bad : {std::string(""), std::string(".anna"), std::string("-anna"), std::string("anna berg"),
                                  std::string("anna:x"), std::string("anna/../x"), std::string("ånna"), std::string(65, 'a'),
                                  std::string("an\nna"), std::string("an\0na", 5)})
        EXPECT_FALSE(validAccountName(bad)) << bad;
    for (const char* ok : {"*", "exempelby-ks", "k2"}) EXPECT_TRUE(validGrant(ok)) << ok;
    for (const char* bad : {"", "Exempelby", "-ks", "a b", "a,b", "../x", "ks/"}) EXPECT_FALSE(validGrant(bad)) << bad;
}

TEST(UsersFormat, ReadsWhatItWrites) {
    const std::vector<Account> accounts{{"anna", hashOf("a"), {"exempelby-ks", "exempelby-sn"}},
                                        {"it", hashOf("b"), {"*"}},
                                        {"vikarie", hashOf("c"), {}}};
    const std::string text = UsersFile::format(accounts);
    const auto back = UsersFile::parse(text, "users");
    ASSERT_EQ(back.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(back[i].name, accounts[i].name);
        EXPECT_EQ(back[i].passwordHash, accounts[i].passwordHash);
        EXPECT_EQ(back[i].organisations, accounts[i].organisations);
    }
    EXPECT_NE(text.find("anna:pbkdf2-sha256$1000$"), std::string::npos);
    EXPECT_NE(text.find(":exempelby-ks,exempelby-sn\n"), std::string::npos);
}

TEST(UsersFormat, ErrorsNameTheFileLineAndColumn) {
    const std::string h = hashOf("x");
    EXPECT_EQ(parseError("# comment\n\nanna:" + h), "users:3:1: error: [users-file] expected NAME:HASH:ORGANISATIONS, found 2 field(s)");
    EXPECT_EQ(parseError("anna:plain:ks\n"),
              "users:1:6: error: [users-file] not a password hash of the form pbkdf2-sha256$ITERATIONS$SALT$HASH");
    EXPECT_EQ(parseError("anna:" + h + ":ks,Bad Org\n"),
              "users:1:" + std::to_string(5 + h.size() + 5) + ": error: [users-file] not an organisation id: 'Bad Org'");
    EXPECT_EQ(parseError("an na:" + h + ":\n"), "users:1:1: error: [users-file] not an account name: 'an na'");
    EXPECT_EQ(parseError("anna:" + h + ":\nanna:" + h + ":\n"), "users:2:1: error: [users-file] the account 'anna' is listed twice");
    EXPECT_EQ(parseError("anna:" + h + ":ks\r\nbo:" + h + ":\r\n"), "");  // CR LF line ends are read
}

TEST_F(UsersFileTest, PutAndRemoveWriteTheWholeFileAtomicallyWithMode0600) {
    UsersFile file(path);
    EXPECT_TRUE(file.all().empty());  // no file yet: no accounts
    ::umask(0022);
    file.put({"anna", hashOf("a"), {"ks"}});
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    file.put({"bo", hashOf("b"), {"*"}});
    file.put({"anna", hashOf("a2"), {"ks", "sn"}});  // replaced, not added
    ASSERT_EQ(file.all().size(), 2u);
    EXPECT_EQ(file.find("anna")->organisations, (std::vector<std::string>{"ks", "sn"}));
    EXPECT_TRUE(verifyPassword("a2", file.find("anna")->passwordHash));
    EXPECT_TRUE(file.remove("anna"));
    EXPECT_FALSE(file.remove("anna"));
    EXPECT_FALSE(file.find("anna"));
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    // No temporary left beside it.
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_TRUE(e.path().filename() == "users" || e.path().filename() == "users.lock") << e.path();
}

TEST_F(UsersFileTest, ARunningReaderSeesAnotherWritersChangeAtOnce) {
    UsersFile server(path), command(path);
    command.put({"anna", hashOf("gammalt"), {"ks"}});
    EXPECT_TRUE(verifyPassword("gammalt", server.find("anna")->passwordHash));
    command.put({"anna", hashOf("nytt"), {"ks"}});  // same size, within the same clock tick
    EXPECT_TRUE(verifyPassword("nytt", server.find("anna")->passwordHash));
    command.remove("anna");
    EXPECT_FALSE(server.find("anna"));
}

TEST_F(UsersFileTest, TwoWritersAtOnceLoseNoChange) {
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            UsersFile mine(path);  // each its own object: only the lock file orders them
            for (int i = 0; i < 5; ++i) mine.put({"u" + std::to_string(w) + "-" + std::to_string(i), hashOf("p"), {}});
        });
    for (auto& t : writers) t.join();
    EXPECT_EQ(UsersFile(path).all().size(), 20u);
}

TEST_F(UsersFileTest, AFileThatCannotBeReadIsSaidAndNeverHalfUsed) {
    {
        std::ofstream out(path);
        out << "anna:" << hashOf("a") << ":ks\nbroken line\n";
    }
    const std::string before = read(path);
    std::string error;
    EXPECT_EQ(openAccounts(path.string(), error), nullptr);
    EXPECT_NE(error.find(path.string() + ":2:1: error: [users-file]"), std::string::npos) << error;
    UsersFile file(path);
    EXPECT_THROW(file.find("anna"), UsersFileError);
    EXPECT_THROW(file.put({"bo", hashOf("b"), {}}), UsersFileError);
    EXPECT_EQ(read(path), before);  // nothing written over it
}
