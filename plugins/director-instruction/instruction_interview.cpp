// How a form asks for the board's instruction for the director, in the order the board's
// secretariat or HR usually drafts it: the post, how the administration is led, the director's
// duties, the organisation below the director, and powers and reporting.
#include "instruction_plugin.hpp"

namespace overens::instruction {

Interview DirectorInstructionPlugin::interview() const {
    Step post = step("post", "Befattningen", "The post", {"post-title", "post-title-definite", "administration", "replaces"},
                     "Vad befattningen heter och vilken förvaltning direktören leder.",
                     "What the post is called and which administration the director leads.");
    post.prompts_sv = {"Heter befattningen samma sak i alla era styrdokument?",
                       "Ersätter instruktionen en tidigare, och vad har ändrats sedan dess?"};
    post.prompts_en = {"Is the post called the same in all your governing documents?",
                       "Does the instruction replace an earlier one, and what has changed since?"};

    Step leading = step("leading", "Ledning och samordning", "Leading and coordinating",
                        {"leading-position", "leadership", "coordination", "heads-of-department"},
                        "Direktörens ställning och hur förvaltningen och dess chefer leds.",
                        "The director's position and how the administration and its managers are led.");
    leading.prompts_sv = {"Vilka chefer leder direktören direkt, och vilka leds genom någon annan?"};
    leading.prompts_en = {"Which managers does the director lead directly, and which through someone else?"};

    Step duties = step("duties", "Uppdraget", "The duties",
                       {"preparation", "implementation", "economy", "employer", "crisis", "external", "political"},
                       "Det direktören svarar för: beredning, verkställighet, ekonomi, arbetsgivarrollen, kris, "
                       "omvärld och förhållandet till politiken.",
                       "What the director answers for: preparation, implementation, finances, the employer's role, "
                       "crises, external relations and the relation to the politicians.");
    duties.prompts_sv = {"Var går gränsen mellan det direktören beslutar och det som ska till styrelsen?",
                         "Vem leder arbetet när en kris inträffar utanför kontorstid?"};
    duties.prompts_en = {"Where is the line between what the director decides and what goes to the board?",
                         "Who leads the work when a crisis happens outside office hours?"};

    Step organisation = step("organisation", "Befattningar och ersättare", "Posts and substitutes",
                             {"post", "acting", "task"},
                             "Befattningarna under direktören och vem som går in när direktören är borta.",
                             "The posts under the director and who steps in when the director is away.");
    organisation.prompts_sv = {"Vem är tillförordnad vid semester, och vad får den personen besluta?"};
    organisation.prompts_en = {"Who acts during holidays, and what may that person decide?"};

    Step powers = step("powers", "Befogenheter och uppföljning", "Powers and reporting",
                       {"powers", "delegation-order", "reporting", "reporting-every"},
                       "Vad direktören får besluta och hur styrelsen håller sig informerad.",
                       "What the director may decide and how the board keeps itself informed.");

    Interview i;
    i.steps = {post, leading, duties, organisation, powers};
    i.hints = {
        {"post-title", "Kommundirektör", "Municipal director", HeaderValue::DirectorTitle},
        {"post-title-definite", "kommundirektören", "the municipal director", HeaderValue::None, {"post-title", {}}},
        {"administration", "Kommunledningsförvaltningen", "The executive office"},
        {"replaces", "Instruktion för kommundirektören antagen 2023-03-15", "Instruction for the director of 2023-03-15"},
        {"task", "Leda arbetet med kommunens översiktsplan", "Lead the work on the comprehensive plan"},
        {"post.id", "ekonomichef", "finance-director"},
        {"post.title", "Ekonomichef", "Finance director"},
        {"post.unit", "Ekonomiavdelningen", "Finance department"},
        {"post.reports-to", "director", "director"},
        {"acting.post", "ekonomichef", "finance-director"},
        {"acting.second", "hr-chef", "hr-director", HeaderValue::None, {"post", {}}},
        {"delegation-order", "Kommunstyrelsens delegationsordning", "The executive board's delegation order"},
        {"reporting-every", "P1M", "P1M"},
    };
    return i;
}

}  // namespace overens::instruction
