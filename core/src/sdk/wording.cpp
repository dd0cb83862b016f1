#include "overens/wording.hpp"

namespace overens {

Wording::Wording(std::map<std::string, std::string> texts, std::string origin)
    : texts_(std::move(texts)), origin_(std::move(origin)) {}

bool Wording::has(const std::string& key) const { return texts_.count(key) > 0; }

std::string Wording::get(const std::string& key) const {
    auto it = texts_.find(key);
    if (it != texts_.end()) return it->second;
    ++missing_[key];
    return "[" + key + "]";
}

std::string Wording::format(const std::string& key, const std::map<std::string, std::string>& values) const {
    return substitute(get(key), values);
}

std::string substitute(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string::npos) {
                auto it = values.find(text.substr(i + 1, close - i - 1));
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace overens
