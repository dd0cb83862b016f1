#include "web/sessions.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/RandomStream.h>

#include <algorithm>
#include <sstream>

#include "store/version_record.hpp"

namespace overens::web {

std::string randomToken() {
    char bytes[32];
    Poco::RandomInputStream random;
    random.read(bytes, sizeof bytes);
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.write(bytes, sizeof bytes);
    encoder.close();
    return out.str();
}

bool sameToken(const std::string& a, const std::string& b) {
    // Compare digests: equal length whatever was sent, and no early exit.
    const std::string x = store::sha256Hex(a), y = store::sha256Hex(b);
    unsigned char differ = 0;
    for (std::size_t i = 0; i < x.size(); ++i) differ |= static_cast<unsigned char>(x[i] ^ y[i]);
    return differ == 0 && !a.empty();
}

bool SessionStore::expired(const Session& s, Clock::time_point now) const {
    return now - s.lastSeen >= limits_.idle || now - s.created >= limits_.absolute;
}

void SessionStore::prune(Clock::time_point now) {
    for (auto it = sessions_.begin(); it != sessions_.end();)
        it = expired(it->second, now) ? sessions_.erase(it) : std::next(it);
    while (sessions_.size() >= limits_.capacity) {
        auto oldest = std::min_element(sessions_.begin(), sessions_.end(),
                                       [](const auto& a, const auto& b) { return a.second.lastSeen < b.second.lastSeen; });
        sessions_.erase(oldest);
    }
}

std::string SessionStore::create(const std::string& user, Clock::time_point now) {
    const std::string token = randomToken();
    std::lock_guard<std::mutex> lock(mutex_);
    prune(now);
    sessions_[store::sha256Hex(token)] = Session{user, randomToken(), now, now};
    return token;
}

std::optional<SessionStore::Session> SessionStore::find(const std::string& token, Clock::time_point now) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    const std::string key = store::sha256Hex(token);
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sessions_.find(key);
    if (it == sessions_.end()) return std::nullopt;
    if (expired(it->second, now)) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.lastSeen = now;
    return it->second;
}

void SessionStore::remove(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.erase(store::sha256Hex(token));
}

void SessionStore::removeUser(const std::string& user) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = sessions_.begin(); it != sessions_.end();)
        it = it->second.user == user ? sessions_.erase(it) : std::next(it);
}

std::size_t SessionStore::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sessions_.size();
}

}  // namespace overens::web
