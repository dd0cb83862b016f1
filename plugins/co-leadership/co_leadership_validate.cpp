#include <string>

#include "co_leadership_plugin.hpp"

namespace overens::coleadership {

namespace {

void checkDecider(const Record& urgent, const std::string& name, Diagnostics& out) {
    const Value* v = urgent.get(name);
    if (!v || v->text.empty() || isUrgentDecider(v->text)) return;
    const std::string who = v->text;
    out.error("co-leadership.urgent-decider", v->where,
              "'" + who +
                  "' kan inte besluta i brådskande ärenden: styrelsen kan bara ge den rätten till "
                  "ordföranden eller en annan ledamot den utsett (6 kap. 39 § KL). Ange chair, first-vice-chair, "
                  "second-vice-chair, vice-chair eller member",
              "'" + who +
                  "' cannot decide urgent matters: the board can give that right only to the chair or "
                  "another member it has appointed (6 kap. 39 § KL). Give chair, first-vice-chair, "
                  "second-vice-chair, vice-chair or member");
}

}  // namespace

void CoLeadershipPlugin::validate(const Record& values, const Context& ctx, Diagnostics& out) const {
    // The fixed meeting structure: at least one meeting that recurs at a sensible interval.
    bool recurring = false;
    for (const auto& m : values.rows("meeting")) {
        const Value* every = m.get("every");
        if (!every || !every->duration) continue;
        const Duration& d = *every->duration;
        if (d.zero() || d.approxDays() < 1) {
            out.error("co-leadership.bad-interval", every->where,
                      "mötet \"" + m.text("name") + "\" har intervallet " + every->text +
                          ", som är för kort för ett återkommande möte; ange minst en dag, t.ex. P1W för varje vecka",
                      "the meeting \"" + m.text("name") + "\" has the interval " + every->text +
                          ", too short for a recurring meeting; give at least one day, e.g. P1W for weekly");
            continue;
        }
        recurring = true;
        if (ctx.review.every && d.approxDays() > ctx.review.every->approxDays())
            out.warning("co-leadership.meeting-rarer-than-review", every->where,
                        "mötet \"" + m.text("name") + "\" hålls mer sällan (" + every->text +
                            ") än överenskommelsen omprövas (" + ctx.review.every->iso() + ")",
                        "the meeting \"" + m.text("name") + "\" is held less often (" + every->text +
                            ") than the agreement is reviewed (" + ctx.review.every->iso() + ")");
    }
    if (!recurring)
        out.error("co-leadership.no-recurring-meeting", values.where,
                  "det finns inget återkommande möte: ange minst ett <meeting> med ett intervall i every, t.ex. "
                  "every=\"P1W\" för en avstämning varje vecka mellan ordförande och direktör",
                  "there is no recurring meeting: give at least one <meeting> with an interval in every, e.g. "
                  "every=\"P1W\" for a weekly check-in between chair and director");

    // Urgent matters: a decider the law allows. That <urgent> and its <routine> are there at all is
    // the schema's to say (both are required), so jing and validate report a missing one alike.
    const Record* urgent = values.group("urgent");
    if (urgent) {
        checkDecider(*urgent, "decided-by", out);
        checkDecider(*urgent, "substitute", out);
        if (urgent->has("substitute") && urgent->text("substitute") == urgent->text("decided-by", "chair"))
            out.warning("co-leadership.urgent-substitute-same", urgent->whereOf("substitute"),
                        "ersättaren för brådskande beslut är samma som den ordinarie beslutsfattaren",
                        "the substitute for urgent decisions is the same as the usual decider");
    }

    if (!values.group("case-preparation"))
        out.warning("co-leadership.no-case-preparation", values.where,
                    "beskriv i <case-preparation> hur ärenden bereds innan styrelsen beslutar",
                    "describe in <case-preparation> how cases are prepared before the board decides");

    const Record* golden = values.group("golden-zone");
    if (!golden || (golden->rows("question").empty() && !golden->has("approach")))
        out.warning("co-leadership.no-golden-zone", golden ? golden->where : values.where,
                    "den gyllene zonen är tom: ange i <golden-zone> några frågor utan given ägare mellan politik och "
                    "förvaltning, och hur ni pratar om dem",
                    "the golden zone is empty: list in <golden-zone> some questions with no given owner between "
                    "politicians and administration, and how you talk them through");
}

}  // namespace overens::coleadership
