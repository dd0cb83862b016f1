// A section's standard wording, read from templates/<lang>/<section>.xml so that it can be
// edited without recompiling. Texts may hold {placeholders}.
#pragma once

#include <map>
#include <string>

namespace overens {

class Wording {
public:
    Wording() = default;
    explicit Wording(std::map<std::string, std::string> texts, std::string origin = {});

    bool has(const std::string& key) const;
    // The text for key. A missing key gives "[key]" so that a gap shows in the document
    // rather than disappearing; the core reports missing keys as warnings.
    std::string get(const std::string& key) const;
    // get(key) with each {name} replaced by its value.
    std::string format(const std::string& key, const std::map<std::string, std::string>& values) const;
    const std::string& origin() const { return origin_; }
    const std::map<std::string, std::string>& texts() const { return texts_; }

    // Keys asked for but missing (mutable: asking is const).
    const std::map<std::string, int>& missing() const { return missing_; }

private:
    std::map<std::string, std::string> texts_;
    std::string origin_;
    mutable std::map<std::string, int> missing_;
};

// Replace {name} placeholders in text; unknown placeholders are left as they are.
std::string substitute(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace overens
