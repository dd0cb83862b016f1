// Small pieces both stores share: the digest and time stamp of a version, and the summary of
// what changed between two versions of a document.
#pragma once

#include <string>

namespace overens::store {

// SHA-256 of bytes, lower-case hex.
std::string sha256Hex(const std::string& bytes);
// Now, UTC: "2026-12-01T12:00:00Z".
std::string utcNow();

}  // namespace overens::store
