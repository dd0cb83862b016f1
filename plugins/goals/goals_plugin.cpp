#include "goals_plugin.hpp"

namespace overens::goals {

PluginInfo GoalsPlugin::info() const { return {"goals", "1.0.0", "Mål", "Goals"}; }

void GoalsPlugin::publish(const Record& values, const Context&, Facts& out) const {
    for (const auto& goal : values.rows("goal")) out["goals.titles"].insert(goal.text("title"));
}

}  // namespace overens::goals

OVERENS_PLUGIN(overens::goals::GoalsPlugin)
