// The parts of the web face's access layer that need no server: the login rate limiter, the
// sessions' expiry, the CSRF comparison, what a posted value may hold, and the connection guard.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "web/access.hpp"
#include "web/connection_guard.hpp"
#include "web/form_text.hpp"
#include "web/login_limiter.hpp"
#include "web/sessions.hpp"

using namespace overens::web;
using namespace std::chrono_literals;

TEST(LoginLimiter, RefusesAKeyAfterTheLimitUntilTheOldestFailureLeavesTheWindow) {
    LoginLimiter limiter(3, 60s);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1000h;
    EXPECT_EQ(limiter.retryAfter("anna", t0).count(), 0);
    limiter.failed("anna", t0);
    limiter.failed("anna", t0 + 10s);
    EXPECT_EQ(limiter.retryAfter("anna", t0 + 11s).count(), 0);
    limiter.failed("anna", t0 + 20s);
    EXPECT_EQ(limiter.retryAfter("anna", t0 + 21s), 39s);  // t0's failure leaves at t0 + 60 s
    EXPECT_EQ(limiter.retryAfter("bo", t0 + 21s).count(), 0);  // other keys are not touched
    EXPECT_EQ(limiter.retryAfter("anna", t0 + 60s).count(), 0);
    limiter.failed("anna", t0 + 61s);  // three in the window again (10 s, 20 s, 61 s)
    EXPECT_EQ(limiter.retryAfter("anna", t0 + 62s), 8s);
}

TEST(LoginLimiter, ASuccessForgetsTheFailuresOfItsKey) {
    LoginLimiter limiter(2, 60s);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1000h;
    limiter.failed("anna", t0);
    limiter.succeeded("anna");
    limiter.failed("anna", t0 + 1s);
    EXPECT_EQ(limiter.retryAfter("anna", t0 + 2s).count(), 0);
}

TEST(LoginLimiter, MemoryIsBoundedByForgettingTheStalestKeys) {
    LoginLimiter limiter(1, 3600s, 100);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1000h;
    for (int i = 0; i < 1000; ++i) limiter.failed("k" + std::to_string(i), t0 + std::chrono::seconds(i));
    EXPECT_GT(limiter.retryAfter("k999", t0 + 1000s).count(), 0);  // the newest is still refused
    EXPECT_EQ(limiter.retryAfter("k0", t0 + 1000s).count(), 0);    // the stalest was forgotten
}

TEST(Sessions, EndAfterIdleOrAbsoluteTimeAndAtLogout) {
    SessionStore::Limits limits;
    limits.idle = 30s;
    limits.absolute = 100s;
    SessionStore sessions(limits);
    const auto t0 = SessionStore::Clock::time_point{} + 1000h;
    const std::string token = sessions.create("anna", t0);
    EXPECT_EQ(token.size(), 43u);  // 32 random bytes, base64url
    ASSERT_TRUE(sessions.find(token, t0 + 20s));
    EXPECT_EQ(sessions.find(token, t0 + 20s)->user, "anna");
    EXPECT_TRUE(sessions.find(token, t0 + 45s));   // 25 s after the last use
    EXPECT_TRUE(sessions.find(token, t0 + 70s));
    EXPECT_TRUE(sessions.find(token, t0 + 95s));
    EXPECT_FALSE(sessions.find(token, t0 + 100s));  // absolute
    const std::string idle = sessions.create("bo", t0);
    EXPECT_FALSE(sessions.find(idle, t0 + 30s));
    const std::string out = sessions.create("cia", t0);
    sessions.remove(out);
    EXPECT_FALSE(sessions.find(out, t0 + 1s));
    EXPECT_FALSE(sessions.find("", t0));
    EXPECT_FALSE(sessions.find(token.substr(0, 42) + "x", t0));
}

TEST(Sessions, EachHasItsOwnTokensAndCsrfToken) {
    SessionStore sessions;
    const std::string a = sessions.create("anna"), b = sessions.create("anna");
    EXPECT_NE(a, b);
    EXPECT_NE(sessions.find(a)->csrfToken, sessions.find(b)->csrfToken);
    EXPECT_NE(sessions.find(a)->csrfToken, a);
    sessions.removeUser("anna");
    EXPECT_FALSE(sessions.find(a));
    EXPECT_FALSE(sessions.find(b));
}

TEST(Csrf, FieldOrHeaderMustEqualTheSessionsToken) {
    const std::string token = randomToken();
    Request r;
    r.method = "POST";
    EXPECT_EQ(Access::checkCsrf(r, token), Access::Csrf::Missing);
    r.form = {{"_csrf", token.substr(1)}};
    EXPECT_EQ(Access::checkCsrf(r, token), Access::Csrf::Forged);
    r.form = {{"_csrf", token}};
    EXPECT_EQ(Access::checkCsrf(r, token), Access::Csrf::Ok);
    r.form.clear();
    r.headers["x-csrf-token"] = token;
    EXPECT_EQ(Access::checkCsrf(r, token), Access::Csrf::Ok);
    EXPECT_FALSE(sameToken("", ""));
}

TEST(FormText, RefusesWhatAnAnswerFileCannotKeep) {
    for (const char* ok : {"", "Kommunstyrelsens ordförande", "rad 1\nrad 2\ttab\r\n", "<script>alert(1)</script>",
                           "\xe2\x80\x94 em dash", "\xf0\x9f\x98\x80", "عربي"})
        EXPECT_FALSE(unstorableCharacter(ok)) << ok;
    const std::pair<std::string, std::string> bad[] = {
        {std::string("a\0b", 3), "U+0000"},        {"a\x01", "U+0001"},
        {"\x1b[31m", "U+001B"},                    {"x\x7f", "U+007F"},
        {"\xc2\x85", "U+0085"},                    {"abc\xe2\x80\xae" "fdp.exe", "U+202E"},
        {"\xe2\x81\xa6", "U+2066"},                {"\xe2\x80\x8f", "U+200F"},
        {"\xef\xbf\xbe", "U+FFFE"},                {"\xff", "byte 0xFF"},
        {"\xc0\xaf", "byte 0xC0"},                 {"\xe0\x80\xaf", "a broken UTF-8 sequence"},
        {"\xed\xa0\x80", "a broken UTF-8 sequence"}, {"\xe2\x80", "a cut UTF-8 sequence"}};
    for (const auto& [value, said] : bad) EXPECT_EQ(unstorableCharacter(value).value_or("accepted"), said) << value;
}

TEST(ConnectionGuard, ShutsDownAConnectionPastItsDeadlineOnly) {
    ConnectionGuard guard(20ms);
    int slow[2], busy[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, slow), 0);
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, busy), 0);
    const auto now = ConnectionGuard::Clock::now();
    guard.enter(slow[0], now + 100ms);
    const auto b = guard.enter(busy[0], now + 100ms);
    guard.clearDeadline(b);  // the app is working on it
    char c;
    const auto start = ConnectionGuard::Clock::now();
    EXPECT_EQ(::read(slow[0], &c, 1), 0);  // blocked until the guard shut it down
    const auto waited = ConnectionGuard::Clock::now() - start;
    EXPECT_GE(waited, 50ms);
    EXPECT_LT(waited, 5s);
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(guard.cutOff(), 1u);
    EXPECT_EQ(::write(busy[1], "x", 1), 1);
    EXPECT_EQ(::read(busy[0], &c, 1), 1);  // still open
    for (int fd : {slow[0], slow[1], busy[0], busy[1]}) ::close(fd);
}
