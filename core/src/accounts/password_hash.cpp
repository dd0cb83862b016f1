#include "accounts/password_hash.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/RandomStream.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace overens::accounts {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr unsigned kMaximumIterations = 100000000;  // a stored hash asking for more is refused
const char* const kPrefix = "pbkdf2-sha256";

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

bool unbase64(const std::string& text, std::string& bytes) {
    if (text.empty() || text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") !=
                            std::string::npos)
        return false;
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::ostringstream out;
        out << decoder.rdbuf();
        bytes = out.str();
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

std::string derive(const std::string& password, const std::string& salt, unsigned iterations) {
    std::string key(kHashBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          static_cast<int>(iterations), EVP_sha256(), static_cast<int>(key.size()),
                          reinterpret_cast<unsigned char*>(key.data())) != 1)
        throw std::runtime_error("PBKDF2 failed (OpenSSL)");
    return key;
}

struct Parsed {
    unsigned iterations = 0;
    std::string salt, hash;
};

bool parse(const std::string& stored, Parsed& out) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto dollar = stored.find('$', start);
        parts.push_back(stored.substr(start, dollar == std::string::npos ? std::string::npos : dollar - start));
        if (dollar == std::string::npos) break;
        start = dollar + 1;
    }
    if (parts.size() != 4 || parts[0] != kPrefix) return false;
    if (parts[1].empty() || parts[1].size() > 9 || parts[1].find_first_not_of("0123456789") != std::string::npos)
        return false;
    out.iterations = static_cast<unsigned>(std::stoul(parts[1]));
    if (out.iterations < kMinimumIterations || out.iterations > kMaximumIterations) return false;
    return unbase64(parts[2], out.salt) && out.salt.size() >= 8 && unbase64(parts[3], out.hash) &&
           out.hash.size() == kHashBytes;
}

}  // namespace

unsigned hashIterations() {
    if (const char* test = std::getenv("OVERENS_TEST_PBKDF2_ITERATIONS")) {
        char* end = nullptr;
        const unsigned long n = std::strtoul(test, &end, 10);
        if (end && *end == '\0' && n >= kMinimumIterations && n <= kMaximumIterations) return static_cast<unsigned>(n);
    }
    return kDefaultIterations;
}

std::string hashPassword(const std::string& password, unsigned iterations) {
    std::string salt(kSaltBytes, '\0');
    Poco::RandomInputStream random;  // the kernel's random source
    random.read(salt.data(), static_cast<std::streamsize>(salt.size()));
    return std::string(kPrefix) + "$" + std::to_string(iterations) + "$" + base64(salt) + "$" +
           base64(derive(password, salt, iterations));
}

bool verifyPassword(const std::string& password, const std::string& stored) {
    Parsed p;
    if (!parse(stored, p)) return false;
    const std::string key = derive(password, p.salt, p.iterations);
    return CRYPTO_memcmp(key.data(), p.hash.data(), kHashBytes) == 0;
}

bool wellFormedHash(const std::string& stored) {
    Parsed p;
    return parse(stored, p);
}

void verifyDummy(const std::string& password) {
    static const std::string salt(kSaltBytes, 'x');
    derive(password, salt, hashIterations());
}

}  // namespace overens::accounts
