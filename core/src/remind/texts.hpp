// The few words the reminder job prints itself (listing, diagnostics), Swedish or English.
#pragma once

#include <string>

namespace overens::remind {

struct Texts {
    bool en = false;
    const char* tr(const char* sv, const char* enText) const { return en ? enText : sv; }
};

inline Texts textsFor(const std::string& lang) { return Texts{lang == "en"}; }

}  // namespace overens::remind
