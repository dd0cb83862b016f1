// How a form asks the chair and the director to describe how they lead together: their story,
// their meetings, how cases are prepared, urgent matters and the golden zone, each with what the
// two should talk through before they write.
#include "co_leadership_plugin.hpp"

namespace overens::coleadership {

Interview CoLeadershipPlugin::interview() const {
    Step story = step("story", "Er gemensamma berättelse", "Your shared story", {"intro", "story"},
                      "Berättelsen är det ni båda säger när någon frågar vart organisationen är på väg. Skriv "
                      "den tillsammans, med era egna ord.",
                      "The story is what you both say when someone asks where the organisation is heading. Write "
                      "it together, in your own words.");
    story.prompts_sv = {
        "Hur skulle ni var för sig beskriva var organisationen står om fem år? Var skiljer sig era svar?",
        "Vilka mål binder ihop visionen med det som görs i år?",
        "Vad vill ni att medarbetare och invånare ska minnas efter att ha hört någon av er?"};
    story.prompts_en = {
        "How would each of you describe where the organisation stands in five years? Where do your answers differ?",
        "Which goals tie the vision to what is done this year?",
        "What do you want staff and residents to remember after hearing either of you?"};

    Step meetings = step("meetings", "Fasta möten", "Fixed meetings", {"meeting"},
                         "Vilka möten ni har, hur ofta, och vem som förbereder dem. Minst ett möte ska återkomma "
                         "regelbundet.",
                         "Which meetings you hold, how often, and who prepares them. At least one meeting must "
                         "recur regularly.");
    meetings.prompts_sv = {"Vilka frågor behöver ni ta upp varje vecka, och vilka räcker det att ta en gång i månaden?",
                           "Vad behöver ordföranden ha fått före ett möte för att kunna ta ställning?",
                           "Vilka möten ställs oftast in eller blir för korta, och varför?"};
    meetings.prompts_en = {"Which questions must you take up every week, and which can wait for a monthly meeting?",
                           "What does the chair need to have received before a meeting to be able to take a stand?",
                           "Which meetings are most often cancelled or cut short, and why?"};

    Step preparation = step("preparation", "Ärendeberedning", "Preparing cases", {"case-preparation"},
                            "Hur ett ärende går från första idé till beslut i styrelsen, och vem som gör vad på "
                            "vägen.",
                            "How a case goes from first idea to the board's decision, and who does what on the way.");
    preparation.prompts_sv = {"När kommer politiken in i ett ärende, och när är det förvaltningens tur?",
                              "Vad händer när handlingarna inte blir klara i tid?"};
    preparation.prompts_en = {"When do the politicians come into a case, and when is it the administration's turn?",
                              "What happens when the papers are not ready in time?"};

    Step urgent = step("urgent", "När det brådskar", "When it is urgent", {"urgent"},
                       "Vem som beslutar när styrelsen inte hinner samlas, och hur ni håller ihop när det oväntade "
                       "händer.",
                       "Who decides when the board cannot meet in time, and how you hold together when the "
                       "unexpected happens.");
    urgent.prompts_sv = {"Vem ringer vem först när något allvarligt händer en helg?",
                         "Vilka beslut har ni fått fatta i brådska det senaste året, och vad lärde ni er?",
                         "Hur får styrelsen veta vad som beslutades?"};
    urgent.prompts_en = {"Who calls whom first when something serious happens at a weekend?",
                         "Which decisions have you had to take in haste this past year, and what did you learn?",
                         "How does the board learn what was decided?"};

    Step golden = step("golden-zone", "Den gyllene zonen", "The golden zone", {"golden-zone"},
                       "Frågor som inte självklart är politikens eller förvaltningens. Skriv hur ni pratar er fram "
                       "till vem som gör vad.",
                       "Questions that are not obviously the politicians' or the administration's. Write how you "
                       "talk your way to who does what.");
    golden.prompts_sv = {
        "Vad behöver ordföranden av direktören för att kunna leda politiskt, och vad behöver direktören av "
        "ordföranden för att kunna leda förvaltningen?",
        "I vilka frågor har ni dragit åt olika håll, och vad var det som gjorde det svårt?",
        "Vad i ert samarbete måste bli bättre det här året?"};
    golden.prompts_en = {
        "What does the chair need from the director to lead politically, and what does the director need from "
        "the chair to lead the administration?",
        "On which questions have you pulled in different directions, and what made it hard?",
        "What in your collaboration must get better this year?"};

    Interview i;
    i.steps = {story, meetings, preparation, urgent, golden};
    i.hints = {
        {"intro", "Vi vill att det ska vara lätt att veta vem av oss som svarar för vad.",
         "We want it to be easy to know which of us answers for what."},
        {"story.vision", "En kommun där det är lätt att bo, arbeta och bli gammal.",
         "A municipality where it is easy to live, work and grow old."},
        {"story.goals", "Tryggare skolvägar, fler jobb i centrum och en budget i balans.",
         "Safer routes to school, more jobs in the town centre and a balanced budget."},
        {"story.activities", "I år bygger vi om två skolgårdar och öppnar ett företagscentrum.",
         "This year we rebuild two school yards and open a business centre."},
        {"story.message", "Vi bygger för dem som flyttar hit nästa år.", "We build for those who move here next year."},
        {"meeting.name", "Veckomöte ordförande och direktör", "Weekly meeting of chair and director"},
        {"meeting.every", "P1W", "P1W"},
        {"meeting.length", "PT1H", "PT1H"},
        {"meeting.when", "tisdagar kl. 9", "Tuesdays at 9"},
        {"meeting.participants", "Ordföranden och direktören", "The chair and the director"},
        {"meeting.prepares", "Direktörens assistent", "The director's assistant"},
        {"meeting.purpose", "Det som ska beslutas de närmaste veckorna och det som hänt sedan sist.",
         "What is to be decided in the coming weeks and what has happened since last time."},
        {"case-preparation.step", "Förvaltningen skriver ett förslag till beslut",
         "The administration drafts a proposed decision"},
        {"case-preparation.papers-before", "P7D", "P7D"},
        {"urgent.decided-by", "chair", "chair"},
        {"urgent.substitute", "first-vice-chair", "first-vice-chair", HeaderValue::None, {"decided-by", {}}},
        {"urgent.consult", "kommundirektören", "the director", HeaderValue::DirectorTitle},
        {"urgent.routine", "Direktören ringer ordföranden, som beslutar efter samråd och anmäler beslutet vid nästa "
                           "sammanträde.",
         "The director calls the chair, who decides after consulting and reports the decision at the next meeting."},
        {"golden-zone.question.text", "Hur vi svarar medierna när en verksamhet får kritik",
         "How we answer the media when a service is criticised"},
        {"golden-zone.question.forum", "veckomötet", "the weekly meeting"},
    };
    return i;
}

}  // namespace overens::coleadership
