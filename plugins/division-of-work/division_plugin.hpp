// The division-of-work section: who does what. Each area says what the politicians answer for
// (what and when), what the administration answers for (how and by whom), and who owns it: the
// chair, the director, or both together in the golden zone.
#pragma once

#include "overens/sdk.hpp"

namespace overens::division {

class DivisionOfWorkPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // division_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
};

// Owners in the order they are shown.
inline const char* const kOwners[] = {"chair", "director", "joint"};

}  // namespace overens::division
