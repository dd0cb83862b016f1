#include "collaboration_plugin.hpp"

namespace overens::collaboration {

PluginInfo CollaborationRulesPlugin::info() const {
    return {"collaboration-rules", "1.0.0", "Hur vi samarbetar", "How we work together"};
}

void CollaborationRulesPlugin::publish(const Record& values, const Context&, Facts& out) const {
    for (const auto& b : values.rows("behaviour")) out["collaboration-rules.behaviours"].insert(b.text("kind"));
    if (const Record* f = values.group("follow-up"))
        if (const auto every = f->duration("every")) out["collaboration-rules.follow-up-every"].insert(every->iso());
}

}  // namespace overens::collaboration

OVERENS_PLUGIN(overens::collaboration::CollaborationRulesPlugin)
