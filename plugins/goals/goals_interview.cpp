// How a form asks for the goals: first the period and why these goals, then one goal at a time.
#include "goals_plugin.hpp"

namespace overens::goals {

Interview GoalsPlugin::interview() const {
    Step frame = step("frame", "Period och utgångspunkt", "Period and starting point", {"year", "period", "intro"},
                      "Börja med vilken period målen gäller och varför ni har valt just de här målen.",
                      "Start with the period the goals are for and why you chose these goals in particular.");
    frame.prompts_sv = {
        "Vilka beslut i fullmäktige – mål, budget, program – bygger era mål på?",
        "Vilka frågor behöver ni båda hålla i hela året, och vilka klarar förvaltningen på egen hand?",
        "Vad visade förra årets uppföljning, och vad vill ni göra annorlunda nu?"};
    frame.prompts_en = {
        "Which decisions of the council – goals, budget, programmes – do your goals build on?",
        "Which questions do both of you need to keep hold of all year, and which can the administration "
        "carry on its own?",
        "What did last year's follow-up show, and what do you want to do differently now?"};

    Step goals = step("goals", "Målen", "The goals", {"goal"},
                      "Ett mål i taget: vad ni vill uppnå, varför det är viktigt, vad som ska göras och hur ni ser "
                      "att det går framåt. Markera de få mål som väger tyngst.",
                      "One goal at a time: what you want to achieve, why it matters, what is to be done and how you "
                      "will see progress. Mark the few goals that weigh most.");
    goals.prompts_sv = {"Om ni bara fick nämna tre mål, vilka skulle det vara?",
                        "Vilken siffra eller iakttagelse visar att ett mål är nått, och när får ni veta det?",
                        "Vem tar fram uppföljningen, och vem ska få den?"};
    goals.prompts_en = {"If you could name only three goals, which would they be?",
                        "Which figure or observation shows that a goal is reached, and when will you know?",
                        "Who prepares the follow-up, and who should receive it?"};

    Interview i;
    i.steps = {frame, goals};
    i.hints = {
        {"year", "2028", "2028"},
        {"period", "2027–2030", "2027–2030"},
        {"intro", "Vi har valt de mål där politik och förvaltning behöver dra åt samma håll.",
         "We chose the goals where the politicians and the administration must pull the same way."},
        {"goal.title", "Kortare väntan på plats i särskilt boende", "Shorter waits for a place in residential care"},
        {"goal.priority", "1", "1"},
        {"goal.why", "Väntetiden har ökat två år i rad, och anhöriga hör av sig allt oftare.",
         "The wait has grown two years running, and relatives call more and more often."},
        {"goal.activity", "En gemensam kö för alla boenden", "One shared queue for all care homes"},
        {"goal.measure.indicator", "Median väntetid från beslut till inflyttning",
         "Median wait from decision to moving in"},
        {"goal.measure.baseline", "62 dagar (2026)", "62 days (2026)"},
        {"goal.measure.target", "högst 30 dagar", "at most 30 days"},
        {"goal.measure.due", "2028-12-31", "2028-12-31"},
        {"goal.measure.follow-up", "2028-09-30", "2028-09-30"},
        {"goal.reporter", "Socialchefen", "The head of social services", HeaderValue::DirectorTitle},
        {"goal.report-to", "kommunstyrelsen", "the executive board", HeaderValue::Board},
    };
    return i;
}

}  // namespace overens::goals
