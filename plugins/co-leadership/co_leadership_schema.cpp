#include "co_leadership_plugin.hpp"

namespace overens::coleadership {

Schema CoLeadershipPlugin::schema() const {
    Field story = field("story", FieldType::Group, false, "Gemensam berättelse", "Shared story",
                        "Den berättelse ni båda ska kunna återge: vart ni är på väg, vilka mål som leder dit och "
                        "vad ni gör nu.",
                        "The story you should both be able to tell: where you are heading, which goals lead there "
                        "and what you are doing now.");
    story.fields = {
        field("vision", FieldType::Multiline, true, "Vision", "Vision",
              "Vart organisationen är på väg, med era egna ord.",
              "Where the organisation is heading, in your own words."),
        field("goals", FieldType::Multiline, false, "Mål", "Goals", "De mål som binder ihop visionen med vardagen.",
              "The goals that tie the vision to everyday work."),
        field("activities", FieldType::Multiline, false, "Aktiviteter", "Activities",
              "Det som görs nu för att nå målen.", "What is being done now to reach the goals."),
        field("message", FieldType::Multiline, false, "Budskap", "Message",
              "Det ni båda säger när någon frågar vad som är viktigast just nu.",
              "What you both say when someone asks what matters most right now.")};

    Field meeting =
        field("meeting", FieldType::Table, false, "Möte", "Meeting", "Ett av era fasta möten. Ett element per möte.",
              "One of the fixed meetings where you steer and lead together. One element per meeting.");
    meeting.fields = {
        text("name", true, "Möte", "Meeting", "Mötets namn, t.ex. \"Avstämning ordförande och kommundirektör\".",
             "The meeting's name, e.g. \"Chair and director check-in\"."),
        field("every", FieldType::Duration, false, "Hur ofta", "How often",
              "Hur ofta mötet hålls, som ISO 8601-intervall: P1W varje vecka, P2W varannan vecka, P1M varje månad. "
              "Minst ett möte ska vara återkommande.",
              "How often the meeting is held, as an ISO 8601 interval: P1W weekly, P2W every other week, P1M "
              "monthly. At least one meeting must recur."),
        field("length", FieldType::Duration, false, "Längd", "Length",
              "Hur länge mötet pågår, t.ex. PT1H för en timme.", "How long the meeting lasts, e.g. PT1H for one hour."),
        text("when", false, "När", "When", "Dag och tid, t.ex. \"måndagar 8.30\".",
             "Day and time, e.g. \"Mondays 8.30\"."),
        text("participants", false, "Deltagare", "Participants", "Vilka som är med.", "Who takes part."),
        text("prepares", false, "Förbereds av", "Prepared by", "Vem som tar fram dagordning och underlag.",
             "Who draws up the agenda and the papers."),
        field("purpose", FieldType::Multiline, false, "Syfte", "Purpose", "Vad mötet är till för och vad som tas upp.",
              "What the meeting is for and what it takes up.")};

    Field step = field("step", FieldType::List, false, "Steg", "Step",
                       "Ett steg i beredningen, i ordning. Ett element per steg.",
                       "A step of the preparation, in order. One element per step.");
    step.item = FieldType::Text;
    Field preparation =
        field("case-preparation", FieldType::Group, false, "Ärendeberedning", "Case preparation",
              "Hur ärenden bereds innan styrelsen beslutar.", "How cases are prepared before the board decides.");
    preparation.fields = {
        field("description", FieldType::Multiline, false, "Beskrivning", "Description",
              "Hur beredningen går till och vem som gör vad.", "How the preparation works and who does what."),
        step,
        field("papers-before", FieldType::Duration, false, "Handlingar ute", "Papers out",
              "Hur lång tid före sammanträdet handlingarna senast skickas ut, t.ex. P7D.",
              "How long before the meeting the papers are sent out at the latest, e.g. P7D.")};

    // Required in the grammar as in the rules: every agreement says how urgent matters are decided.
    Field urgent = field("urgent", FieldType::Group, true, "Brådskande ärenden", "Urgent matters",
                         "Hur ni gör när ett beslut inte kan vänta till styrelsens nästa sammanträde (6 kap. 39 § "
                         "kommunallagen), och hur ni hanterar annat som kräver snabb improvisation.",
                         "What you do when a decision cannot wait for the board's next meeting (Local Government Act, "
                         "chapter 6, section 39), and how you handle other things that call for quick improvisation.");
    urgent.fields = {
        field("decided-by", FieldType::Role, false, "Beslutar", "Decides",
              "Vem styrelsen gett rätten att besluta i brådskande ärenden: chair (ordföranden), first-vice-chair, "
              "second-vice-chair, vice-chair eller member (en annan utsedd ledamot). Standard: chair.",
              "Whom the board gave the right to decide urgent matters: chair, first-vice-chair, second-vice-chair, "
              "vice-chair or member (another appointed member). Default: chair."),
        field("substitute", FieldType::Role, false, "Ersättare", "Substitute",
              "Vem som beslutar när den ordinarie inte kan: samma värden som ovan.",
              "Who decides when the usual decider cannot: the same values as above."),
        text("consult", false, "Samråd med", "Consults",
             "Vem som hörs innan beslutet fattas, t.ex. \"kommundirektören\".",
             "Who is heard before the decision is taken, e.g. \"the municipal director\"."),
        field("routine", FieldType::Multiline, true, "Rutin", "Routine",
              "Hur ett brådskande beslut fattas när styrelsens avgörande inte kan vänta och hur det anmäls vid "
              "nästa sammanträde (6 kap. 39 och 40 §§ KL).",
              "How an urgent decision is taken when the board's decision cannot wait and how it is reported at "
              "the next meeting (6 kap. 39 and 40 §§ KL)."),
        field("improvisation", FieldType::Multiline, false, "Nödvändig improvisation", "Necessary improvisation",
              "Hur ni håller kontakten och fördelar ansvaret när det oväntade händer.",
              "How you keep in touch and share responsibility when the unexpected happens.")};

    Field question =
        field("question", FieldType::Table, false, "Fråga", "Question",
              "En fråga som inte givet hör till politiken eller till förvaltningen. Ett element per fråga.",
              "A question where it is not obvious who owns it. One element per question.");
    question.fields = {
        text("text", true, "Fråga", "Question", "Frågan eller området.", "The question or area."),
        field("handling", FieldType::Multiline, false, "Så hanterar vi den", "How we handle it",
              "Hur ni pratar er fram till vem som gör vad.", "How you talk your way to who does what."),
        text("forum", false, "Forum", "Forum", "Var frågan tas upp.", "Where the question is taken up.")};
    Field golden = field("golden-zone", FieldType::Group, false, "Den gyllene zonen", "The golden zone",
                         "Gränslandet mellan politikens och förvaltningens ansvar, och hur ni pratar om det.",
                         "The borderland between the politicians' and the administration's responsibility, and how "
                         "you talk about it.");
    golden.fields = {field("approach", FieldType::Multiline, false, "Arbetssätt", "Approach",
                           "Hur ni i allmänhet tar er an frågor i den gyllene zonen.",
                           "How you generally take on questions in the golden zone."),
                     question};

    return Schema{{field("intro", FieldType::Multiline, false, "Inledning", "Introduction",
                         "Några egna rader om hur ni vill leda tillsammans (valfritt).",
                         "A few lines of your own on how you want to lead together (optional)."),
                   story, meeting, preparation, urgent, golden}};
}

}  // namespace overens::coleadership
