#include "goals_plugin.hpp"

namespace overens::goals {

Schema GoalsPlugin::schema() const {
    Field horizon = field("horizon", FieldType::Enum, true, "Tidsperspektiv", "Horizon",
                          "Gäller målet det här året, hela mandatperioden eller längre fram?",
                          "Is the goal for this year, for the whole mandate period or for further ahead?");
    horizon.choices = {{"year", "Året", "This year"},
                       {"mandate", "Mandatperioden", "The mandate period"},
                       {"long-term", "På längre sikt", "The longer term"}};

    Field activity = field("activity", FieldType::List, false, "Aktivitet", "Activity",
                           "Något som ska göras för att nå målet. Ett element per aktivitet.",
                           "Something that will be done to reach the goal. One element per activity.");
    activity.item = FieldType::Text;

    Field measure = field("measure", FieldType::Table, false, "Uppföljning", "Follow-up",
                          "Hur målet följs upp: vad som mäts, var ni står i dag, vad ni siktar på och när "
                          "resultatet redovisas. Ett element per mått.",
                          "How the goal is followed up: what is measured, where you stand today, what you aim "
                          "for and when the result is reported. One element per measure.");
    measure.fields = {
        text("indicator", true, "Indikator", "Indicator",
             "Det som mäts eller bedöms, t.ex. \"andel elever som är behöriga till gymnasiet\".",
             "What is measured or assessed, e.g. \"share of pupils eligible for upper secondary school\"."),
        text("baseline", false, "Utgångsläge", "Baseline", "Var ni står i dag, gärna med årtal.",
             "Where you stand today, preferably with the year."),
        text("target", true, "Målvärde", "Target", "Det värde eller tillstånd ni vill nå.",
             "The value or state you want to reach."),
        field("due", FieldType::Date, false, "Uppnås senast", "Reached by",
              "När målvärdet ska vara nått (ÅÅÅÅ-MM-DD). Får ligga efter nästa omprövning.",
              "When the target should be reached (YYYY-MM-DD). May fall after the next review."),
        field("follow-up", FieldType::Date, true, "Uppföljningsdatum", "Follow-up date",
              "När utfallet redovisas (ÅÅÅÅ-MM-DD). Ska ligga före nästa omprövning av överenskommelsen, så "
              "att ni har resultatet när ni ses över den.",
              "When the result is reported (YYYY-MM-DD). Must come before the agreement's next review, so that "
              "you have the result when you revisit it.")};

    Field goal = field("goal", FieldType::Table, true, "Mål", "Goal",
                       "Ett mål ni är överens om att fokusera på. Ett element per mål; minst ett ska gälla året.",
                       "A goal you agree to focus on. One element per goal; at least one must be for the year.");
    goal.fields = {
        text("title", true, "Mål", "Goal", "Målet i en mening, så som ni vill att alla ska kunna återge det.",
             "The goal in one sentence, as you want everyone to be able to repeat it."),
        horizon,
        field("priority", FieldType::Integer, false, "Prioritet", "Priority",
              "Målets plats i ordningen inom sitt tidsperspektiv: 1 är viktigast. Två mål med samma "
              "tidsperspektiv kan inte ha samma prioritet.",
              "The goal's place in the order within its horizon: 1 matters most. Two goals with the same "
              "horizon cannot share a priority."),
        field("focus", FieldType::Boolean, false, "Viktigast", "Most important",
              "Ja om målet hör till de allra viktigaste. Markera högst ett par stycken; poängen är fokus.",
              "Yes if the goal is among the very most important. Mark only a few; focus is the point."),
        field("why", FieldType::Multiline, false, "Varför", "Why", "Varför målet är viktigt just nu, och för vem.",
              "Why the goal matters now, and to whom."),
        activity,
        measure,
        text("reporter", false, "Rapporteras av", "Reported by",
             "Vem som tar fram och redovisar uppföljningen, t.ex. \"kommundirektören\".",
             "Who prepares and presents the follow-up, e.g. \"the municipal director\"."),
        text("report-to", false, "Rapporteras till", "Reported to",
             "Till vem eller vilket forum uppföljningen redovisas, t.ex. \"kommunstyrelsen\".",
             "To whom or to which forum the follow-up is presented, e.g. \"the executive board\".")};

    return Schema{{
        field("year", FieldType::Integer, false, "År", "Year", "Det år som årets mål gäller, t.ex. 2027.",
              "The year the year's goals are for, e.g. 2027."),
        text("period", false, "Mandatperiod", "Mandate period",
             "Mandatperioden som målen för mandatperioden gäller, t.ex. \"2027–2030\".",
             "The mandate period the period's goals are for, e.g. \"2027–2030\"."),
        field("intro", FieldType::Multiline, false, "Inledning", "Introduction",
              "Några egna rader om hur ni valt målen (valfritt).",
              "A few lines of your own on how you chose the goals (optional)."),
        goal,
    }};
}

}  // namespace overens::goals
