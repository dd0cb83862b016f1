#include "collaboration_plugin.hpp"

namespace overens::collaboration {

Schema CollaborationRulesPlugin::schema() const {
    Field kind = field("kind", FieldType::Enum, true, "Förhållningssätt", "Behaviour",
                       "Vilket förhållningssätt raden gäller: transparency (öppenhet), listening (lyssnande), clarity "
                       "(tydlighet), reliability (tillförlitlighet), positive-feedback (positiv återkoppling) eller "
                       "other (ett eget, ge det ett namn i name).",
                       "Which behaviour the row is about: transparency, listening, clarity, reliability, "
                       "positive-feedback, or other (one of your own; name it in name).");
    kind.choices = {{"transparency", "Öppenhet", "Transparency"},
                    {"listening", "Lyssnande", "Listening"},
                    {"clarity", "Tydlighet", "Clarity"},
                    {"reliability", "Tillförlitlighet", "Reliability"},
                    {"positive-feedback", "Positiv återkoppling", "Positive feedback"},
                    {"other", "Annat", "Other"}};
    Field commitment = field("commitment", FieldType::List, false, "Åtagande", "Commitment",
                             "Något konkret ni lovar varandra, så att det går att se om det hålls, t.ex. \"Jag ringer "
                             "samma dag om något händer som kan hamna i media\". Ett element per åtagande; minst ett.",
                             "Something concrete you promise each other, so that you can tell whether it is kept, "
                             "e.g. \"I call the same day if something happens that may reach the media\". One element "
                             "per commitment; at least one.");
    commitment.item = FieldType::Text;
    Field behaviour = field("behaviour", FieldType::Table, true, "Förhållningssätt", "Behaviour",
                            "Ett förhållningssätt som bygger förtroende mellan er. Ett element per förhållningssätt.",
                            "A behaviour that builds trust between you. One element per behaviour.");
    behaviour.fields = {kind,
                        text("name", false, "Namn", "Name", "Namnet på ett eget förhållningssätt (kind=\"other\").",
                             "The name of a behaviour of your own (kind=\"other\")."),
                        field("meaning", FieldType::Multiline, false, "Vad det betyder för oss", "What it means to us",
                              "Vad förhållningssättet betyder hos er. Lämnas det tomt används standardtexten.",
                              "What the behaviour means for you. Left empty, the standard wording is used."),
                        commitment};

    Field conversation = field("conversation", FieldType::Group, false, "Samtalsfrågor", "Conversation questions",
                               "Era svar på frågorna ni pratat igenom tillsammans.",
                               "Your answers to the questions you have talked through together.");
    conversation.fields = {
        field("chair-role", FieldType::Multiline, false, "Ordförandens uppdrag", "The chair's task",
              "Vad ingår i ordförandens och de förtroendevaldas ansvar och uppdrag?",
              "What do the chair's and the elected representatives' responsibility and task include?"),
        field("director-role", FieldType::Multiline, false, "Direktörens uppdrag", "The director's task",
              "Vad ingår i direktörens och chefernas ansvar och uppdrag?",
              "What do the director's and the managers' responsibility and task include?"),
        field("hard", FieldType::Multiline, false, "Det svåra", "What is hard", "Vad är svårt i samarbetet just nu?",
              "What is hard in the collaboration right now?"),
        field("chair-needs", FieldType::Multiline, false, "Ordföranden behöver", "The chair needs",
              "Vad behöver ordföranden och de förtroendevalda från direktören och cheferna?",
              "What do the chair and the elected representatives need from the director and the managers?"),
        field("director-needs", FieldType::Multiline, false, "Direktören behöver", "The director needs",
              "Vad behöver direktören och cheferna från ordföranden och de förtroendevalda?",
              "What do the director and the managers need from the chair and the elected representatives?"),
        field("improve", FieldType::Multiline, false, "Att förbättra", "To improve", "Vad vill ni bli bättre på?",
              "What do you want to get better at?")};

    Field followUp = field("follow-up", FieldType::Group, true, "Uppföljning", "Follow-up",
                           "Hur och hur ofta ni följer upp att överenskommelsen fungerar.",
                           "How and how often you follow up that the agreement works.");
    followUp.fields = {
        field("every", FieldType::Duration, true, "Hur ofta", "How often",
              "Hur ofta ni följer upp, t.ex. P6M för varje halvår. Bör vara minst lika ofta som "
              "överenskommelsen omprövas.",
              "How often you follow up, e.g. P6M for every six months. Should be at least as often as the "
              "agreement is reviewed."),
        field("first", FieldType::Date, false, "Första uppföljning", "First follow-up",
              "Datum för första uppföljningen (ÅÅÅÅ-MM-DD). Ska ligga före nästa omprövning.",
              "The date of the first follow-up (YYYY-MM-DD). Must come before the next review."),
        field("form", FieldType::Multiline, false, "Så följer vi upp", "How we follow up",
              "Hur uppföljningen går till, t.ex. ett samtal med stöd av frågorna ovan.",
              "How the follow-up is done, e.g. a conversation guided by the questions above."),
        text("responsible", false, "Ansvarig", "Responsible", "Vem som kallar till uppföljningen.",
             "Who calls the follow-up.")};

    return Schema{
        {field("intro", FieldType::Multiline, false, "Inledning", "Introduction",
               "Några egna rader om samarbetet (valfritt).",
               "A few lines of your own on the collaboration (optional)."),
         behaviour,
         field("information", FieldType::Multiline, false, "Information", "Information",
               "Hur information går mellan er: vad, hur snabbt och på vilket sätt.",
               "How information passes between you: what, how fast and in what way."),
         field("disagreement", FieldType::Multiline, false, "När vi inte är överens", "When we disagree",
               "Hur ni tar upp och löser det ni inte är överens om.", "How you raise and settle what you disagree on."),
         conversation, followUp}};
}

}  // namespace overens::collaboration
