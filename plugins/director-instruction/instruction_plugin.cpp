#include "instruction_plugin.hpp"

namespace overens::instruction {

PluginInfo DirectorInstructionPlugin::info() const {
    return {"director-instruction", "1.0.0", "Instruktion för direktören", "Instruction for the director"};
}

}  // namespace overens::instruction

OVERENS_PLUGIN(overens::instruction::DirectorInstructionPlugin)
