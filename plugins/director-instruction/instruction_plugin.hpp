// The director-instruction section: the board's instruction for its director (Kommunallagen
// 7 kap. 1-2 §§): how the director leads the administration, the director's other tasks, the
// posts of the organisation, who acts in the director's absence and how the board is kept informed.
#pragma once

#include <string>
#include <vector>

#include "overens/sdk.hpp"

namespace overens::instruction {

class DirectorInstructionPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // instruction_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
    void crossCheck(const Record& values, const Context& ctx, const Facts& own, const std::vector<Facts>& others,
                    Diagnostics& out) const override;
};

// The fields that describe the director's other tasks (7 kap. 2 § second sentence), in the order
// they are shown: each has a heading and a lead text in the wording.
inline const char* const kTaskTopics[] = {"preparation", "implementation", "economy", "employer",
                                          "crisis",      "external",       "political"};

// Lower-case ASCII and Latin-1 letters in UTF-8 (å, ä, ö, é ...), for comparing names and titles.
std::string lowerSv(const std::string& s);
std::string trim(const std::string& s);

}  // namespace overens::instruction
