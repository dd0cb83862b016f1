// The password hash: PBKDF2-HMAC-SHA256, salted, slow by default, its form checked on reading.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <regex>
#include <set>

#include "accounts/password_hash.hpp"

using namespace overens::accounts;

namespace {
constexpr unsigned kFew = 1000;  // the tests' work factor; the default is measured below
}

TEST(PasswordHash, HasTheDocumentedFormAndVerifies) {
    const std::string h = hashPassword("korrekt häst batteri", kFew);
    EXPECT_TRUE(std::regex_match(h, std::regex(R"(pbkdf2-sha256\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=)"))) << h;
    EXPECT_TRUE(wellFormedHash(h));
    EXPECT_TRUE(verifyPassword("korrekt häst batteri", h));
    EXPECT_FALSE(verifyPassword("korrekt häst batterI", h));
    EXPECT_FALSE(verifyPassword("", h));
    EXPECT_FALSE(verifyPassword("korrekt häst batteri ", h));
}

TEST(PasswordHash, EachPasswordGetsItsOwnSalt) {
    std::set<std::string> hashes;
    for (int i = 0; i < 5; ++i) hashes.insert(hashPassword("samma lösenord", kFew));
    EXPECT_EQ(hashes.size(), 5u);
    for (const auto& h : hashes) EXPECT_TRUE(verifyPassword("samma lösenord", h));
}

TEST(PasswordHash, AKnownVectorOfPbkdf2HmacSha256) {
    // Computed apart from OpenSSL, by Python:
    // base64(hashlib.pbkdf2_hmac("sha256", b"passwd", b"saltsalt", 1000, 32)); "c2FsdHNhbHQ=" is "saltsalt".
    const std::string stored = "pbkdf2-sha256$1000$c2FsdHNhbHQ=$KBJH0RIw+FCnOKJi2s/ppNgRHFTFzBjXqxs+xS3zHTY=";
    EXPECT_TRUE(wellFormedHash(stored));
    EXPECT_TRUE(verifyPassword("passwd", stored));
    EXPECT_FALSE(verifyPassword("password", stored));
}

TEST(PasswordHash, MalformedHashesNeverMatch) {
    const std::string good = hashPassword("x", kFew);
    for (const std::string& bad : {std::string(""), std::string("plain"), std::string("x"),
                                  std::string("pbkdf2-sha1$1000$c2FsdHNhbHQ=$") + good.substr(good.rfind('$') + 1),
                                  std::string("pbkdf2-sha256$999$c2FsdHNhbHQ=$") + good.substr(good.rfind('$') + 1),
                                  std::string("pbkdf2-sha256$abc$c2FsdHNhbHQ=$") + good.substr(good.rfind('$') + 1),
                                  std::string("pbkdf2-sha256$1000$$") + good.substr(good.rfind('$') + 1),
                                  std::string("pbkdf2-sha256$1000$c2FsdHNhbHQ=$c2hvcnQ="),
                                  std::string("pbkdf2-sha256$1000000000$c2FsdHNhbHQ=$") + good.substr(good.rfind('$') + 1),
                                  good + "$extra", good.substr(0, good.size() - 2)}) {
        EXPECT_FALSE(wellFormedHash(bad)) << bad;
        EXPECT_FALSE(verifyPassword("x", bad)) << bad;
    }
}

TEST(PasswordHash, TheDefaultIsSlowAndOnlyATestsEnvironmentLowersIt) {
    EXPECT_GE(kDefaultIterations, 200000u);
    ::unsetenv("OVERENS_TEST_PBKDF2_ITERATIONS");
    EXPECT_EQ(hashIterations(), kDefaultIterations);
    ::setenv("OVERENS_TEST_PBKDF2_ITERATIONS", "2000", 1);
    EXPECT_EQ(hashIterations(), 2000u);
    for (const char* bad : {"10", "abc", "", "5000x"}) {
        ::setenv("OVERENS_TEST_PBKDF2_ITERATIONS", bad, 1);
        EXPECT_EQ(hashIterations(), kDefaultIterations) << bad;
    }
    ::unsetenv("OVERENS_TEST_PBKDF2_ITERATIONS");
}

TEST(PasswordHash, OneDefaultHashCostsMeasurableCpu) {
    // Not a benchmark: only that the default work factor is real work (tens of milliseconds of
    // CPU at least), measured as CPU time so the machine's load does not matter.
    const std::clock_t start = std::clock();
    const std::string h = hashPassword("en lång lösenfras", kDefaultIterations);
    const double ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    EXPECT_TRUE(verifyPassword("en lång lösenfras", h));
    EXPECT_GT(ms, 20.0) << "PBKDF2 with " << kDefaultIterations << " iterations took " << ms << " ms of CPU";
    std::cout << "PBKDF2-HMAC-SHA256, " << kDefaultIterations << " iterations: " << ms << " ms of CPU\n";
}
