// How a form asks for the rules of the collaboration: first the conversation the chair and the
// director should have before they write (who needs what from whom, what is hard, what must
// improve), then the behaviours, information and disagreement, and the follow-up.
#include "collaboration_plugin.hpp"

namespace overens::collaboration {

Interview CollaborationRulesPlugin::interview() const {
    Step conversation = step("conversation", "Samtalet före skrivandet", "The conversation before writing",
                             {"conversation"},
                             "Ta er tid för ett samtal innan ni skriver reglerna. Det ni kommer fram till här kan stå "
                             "kvar i dokumentet eller bara vara ert eget underlag.",
                             "Take time for a conversation before you write the rules. What you arrive at here can "
                             "stay in the document or just be your own groundwork.");
    conversation.prompts_sv = {
        "Vad behöver ordföranden av direktören för att lyckas med sitt uppdrag – och vad behöver direktören av "
        "ordföranden?",
        "Vad är svårt i ert samarbete i dag, och när märks det mest?",
        "Vad ska fungera bättre om ett år, och hur kommer ni att märka det?",
        "Hur vill var och en av er få veta att den andra är missnöjd?"};
    conversation.prompts_en = {
        "What does the chair need from the director to succeed in the role – and what does the director need "
        "from the chair?",
        "What is hard in your collaboration today, and when does it show most?",
        "What should work better a year from now, and how will you notice?",
        "How does each of you want to learn that the other is unhappy?"};

    Step behaviour = step("behaviour", "Förhållningssätt", "How you act", {"intro", "behaviour"},
                          "Välj de förhållningssätt ni vill hålla er till och skriv vad de betyder i er vardag, "
                          "gärna med konkreta åtaganden.",
                          "Choose the ways of acting you want to keep to and write what they mean in your daily "
                          "work, preferably with concrete commitments.");
    behaviour.prompts_sv = {"Vad hos den andra uppskattar ni mest, och vad skulle ni vilja se oftare?",
                            "Vad lovar ni varandra att göra – och att låta bli?"};
    behaviour.prompts_en = {"What do you value most in the other, and what would you like to see more often?",
                            "What do you promise each other to do – and to refrain from?"};

    Step information = step("information", "Information och oenighet", "Information and disagreement",
                            {"information", "disagreement"},
                            "Hur information går mellan er, och vad ni gör när ni inte är överens.",
                            "How information passes between you, and what you do when you disagree.");
    information.prompts_sv = {"Vad vill ordföranden aldrig behöva få veta först genom medierna?",
                              "Hur snabbt ska den andra få veta när något har gått fel?",
                              "Var och hur tar ni upp en oenighet, så att den inte växer?"};
    information.prompts_en = {"What should the chair never have to learn first from the media?",
                              "How soon should the other learn that something has gone wrong?",
                              "Where and how do you raise a disagreement, so that it does not grow?"};

    Step followUp = step("follow-up", "Uppföljning", "Follow-up", {"follow-up"},
                         "När ni ska se över om reglerna håller, och vem som tar initiativet.",
                         "When you will check that the rules hold, and who takes the initiative.");
    followUp.prompts_sv = {"Vid vilka tillfällen under året passar det att stämma av samarbetet?",
                           "Vad gör ni om en av er vill ändra reglerna innan dess?"};
    followUp.prompts_en = {"At which points in the year does it suit you to review the collaboration?",
                           "What do you do if one of you wants to change the rules before then?"};

    Interview i;
    i.steps = {conversation, behaviour, information, followUp};
    i.hints = {
        {"intro", "Reglerna är våra egna och vi ser över dem varje halvår.",
         "The rules are our own and we review them every six months."},
        {"behaviour.name", "Vi håller tiden", "We keep to time", HeaderValue::None, {"kind", {"other"}}},
        {"behaviour.meaning", "Vi säger vad vi tycker i rummet, inte efteråt.",
         "We say what we think in the room, not afterwards."},
        {"behaviour.commitment", "Jag säger till direkt när jag inte håller med.", "I say so at once when I disagree."},
        {"information", "Allt som kan hamna i medierna får den andra veta samma dag.",
         "Anything that may reach the media the other learns the same day."},
        {"disagreement", "Vi tar oenigheter på veckomötet och bestämmer vem som återkommer med ett förslag.",
         "We take disagreements to the weekly meeting and agree who comes back with a proposal."},
        {"conversation.chair-role", "Att leda styrelsens arbete och företräda den politiska majoriteten.",
         "To lead the board's work and speak for the political majority."},
        {"conversation.director-role", "Att leda förvaltningen och se till att besluten genomförs.",
         "To lead the administration and see that the decisions are carried out."},
        {"conversation.hard", "Att hinna ses när båda kalendrarna är fulla.",
         "Finding time to meet when both calendars are full."},
        {"conversation.chair-needs", "Tidiga signaler när en verksamhet inte klarar sin budget.",
         "Early signals when a service cannot keep to its budget."},
        {"conversation.director-needs", "Tydliga besked om vad som är prioriterat när allt inte hinns med.",
         "Clear word on what comes first when not everything can be done."},
        {"conversation.improve", "Att följa upp besluten vi fattar, inte bara fatta dem.",
         "Following up the decisions we take, not only taking them."},
        {"follow-up.every", "P6M", "P6M"},
        {"follow-up.first", "2027-06-15", "2027-06-15"},
        {"follow-up.form", "Ett samtal på en timme, utan annan dagordning.", "A one-hour talk with no other agenda."},
        {"follow-up.responsible", "Kommundirektören", "The director", HeaderValue::DirectorTitle},
    };
    return i;
}

}  // namespace overens::collaboration
