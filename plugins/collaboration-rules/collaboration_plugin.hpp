// The collaboration-rules section: the ways of working the chair and the director agree on —
// the behaviours that build trust, each with concrete commitments; how information flows; how
// disagreement is raised and settled; their answers to the conversation questions; and how the
// agreement is followed up.
#pragma once

#include "overens/sdk.hpp"

namespace overens::collaboration {

class CollaborationRulesPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // collaboration_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
};

// The behaviours that build trust, in the order they are shown; "other" is one of your own.
inline const char* const kBehaviours[] = {"transparency", "listening",         "clarity",
                                          "reliability",  "positive-feedback", "other"};
// The conversation questions, in the order they are shown.
inline const char* const kQuestions[] = {"chair-role",  "director-role",  "hard",
                                         "chair-needs", "director-needs", "improve"};

}  // namespace overens::collaboration
