// How a form asks for the division of work: area by area, what belongs to the politicians,
// what to the administration, and who owns the question.
#include "division_plugin.hpp"

namespace overens::division {

Interview DivisionOfWorkPlugin::interview() const {
    Step areas = step("areas", "Vem gör vad", "Who does what", {"intro", "area"},
                      "Gå igenom område för område: vad som är politikens del, vad som är förvaltningens, och vem "
                      "som äger frågan.",
                      "Go through area by area: what is the politicians' part, what is the administration's, and "
                      "who owns the question.");
    areas.prompts_sv = {"I vilka frågor har det varit oklart vem som ska göra vad det senaste året?",
                        "Var vill ordföranden vara med tidigt, och var räcker det att få veta när något är klart?",
                        "Vilka frågor äger ni gemensamt, och hur bestämmer ni då nästa steg?"};
    areas.prompts_en = {"On which questions has it been unclear this past year who should do what?",
                        "Where does the chair want to be involved early, and where is it enough to hear when it is "
                        "done?",
                        "Which questions do you own jointly, and how do you then decide the next step?"};
    Interview i;
    i.steps = {areas};
    i.hints = {
        {"intro", "Vi har delat upp ansvaret så att ingen fråga blir liggande mellan oss.",
         "We have divided the responsibility so that no question is left lying between us."},
        {"area.name", "Bostadsförsörjning", "Housing supply"},
        {"area.politics", "Beslutar om mål och prioriteringar för nya bostäder.",
         "Decides the goals and priorities for new housing."},
        {"area.administration", "Tar fram planer, markanvisningar och underlag för beslut.",
         "Prepares plans, land allocations and the grounds for decisions."},
        {"area.contact", "Samhällsbyggnadschefen", "The head of planning and building"},
        {"area.forum", "presidiemötet", "the presidium meeting"},
    };
    return i;
}

}  // namespace overens::division
