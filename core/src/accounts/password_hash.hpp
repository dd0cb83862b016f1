// Password hashes: PBKDF2-HMAC-SHA256 (OpenSSL), a random 16-byte salt per password, stored as
// "pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64". Verifying compares in constant time.
#pragma once

#include <string>

namespace overens::accounts {

// The default work factor: 600,000 iterations (OWASP's figure for PBKDF2-HMAC-SHA256; about
// 0.11 s of CPU on one core of the build machine, see docs/serve.md). Never lowered by default; tests
// lower it with OVERENS_TEST_PBKDF2_ITERATIONS (see hashIterations).
constexpr unsigned kDefaultIterations = 600000;
// The fewest iterations a stored hash may have to be accepted at all.
constexpr unsigned kMinimumIterations = 1000;

// The iterations new hashes get: kDefaultIterations, or OVERENS_TEST_PBKDF2_ITERATIONS when set
// (a test's environment; at least kMinimumIterations).
unsigned hashIterations();

std::string hashPassword(const std::string& password, unsigned iterations = hashIterations());
// Whether password matches stored. A malformed stored hash never matches.
bool verifyPassword(const std::string& password, const std::string& stored);
// Whether stored has our form (for reading the users file).
bool wellFormedHash(const std::string& stored);

// Spends about as long as verifyPassword on a real hash: a login for an unknown account costs
// the same as one for a known account with a wrong password.
void verifyDummy(const std::string& password);

}  // namespace overens::accounts
