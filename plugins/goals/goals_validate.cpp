#include <map>
#include <optional>
#include <string>

#include "goals_plugin.hpp"

namespace overens::goals {

namespace {

std::string horizonSv(const std::string& h) {
    return h == "year" ? "året" : h == "mandate" ? "mandatperioden" : "längre sikt";
}
// A priority the core could read (one it could not is already reported as source.bad-integer).
bool isInteger(const std::string& t) {
    std::size_t i = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
    if (i >= t.size()) return false;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

std::string horizonEn(const std::string& h) {
    return h == "year" ? "the year" : h == "mandate" ? "the mandate period" : "the longer term";
}

// The year's goals are for a year near the agreement: from the year before it is adopted to the
// end of a mandate period after it.
constexpr int kGoalYearsBefore = 1;
constexpr int kGoalYearsAfter = 4;

// The year the year's goals are for, read against the document's own dates: a year far from the
// agreement's adoption (or, before it is adopted, its next review) is a typing slip or old goals.
void checkGoalYear(const Record& values, const Context& ctx, Diagnostics& out) {
    const Value* y = values.get("year");
    if (!y || !isInteger(y->text)) return;
    const std::optional<Date>& ref = ctx.registration.adopted ? ctx.registration.adopted : ctx.nextReview;
    if (!ref) return;
    const long long first = ref->year - kGoalYearsBefore, last = ref->year + kGoalYearsAfter;
    if (y->integer >= first && y->integer <= last) return;
    const bool adopted = static_cast<bool>(ctx.registration.adopted);
    const std::string span = std::to_string(first) + "–" + std::to_string(last);
    out.error("goals.year-out-of-range", y->where,
              "året för årets mål (" + y->text + ") ligger långt från överenskommelsens " +
                  (adopted ? "antagande (" : "nästa omprövning (") + ref->iso() +
                  "); ange det år målen gäller, mellan " + span,
              "the year of the year's goals (" + y->text + ") is far from the agreement's " +
                  (adopted ? "adoption (" : "next review (") + ref->iso() + "); give the year the goals are for, " +
                  "between " + span);
}

}  // namespace

void GoalsPlugin::validate(const Record& values, const Context& ctx, Diagnostics& out) const {
    checkGoalYear(values, ctx, out);
    const auto& goals = values.rows("goal");
    bool anyForYear = false;
    int focused = 0;
    const Record* lastFocused = nullptr;
    // horizon -> priority -> the goal that took it first
    std::map<std::string, std::map<long long, const Record*>> priorities;

    for (const auto& goal : goals) {
        const std::string horizon = goal.text("horizon");
        const std::string title = goal.text("title");
        if (horizon == "year") anyForYear = true;
        if (goal.flag("focus")) {
            ++focused;
            lastFocused = &goal;
        }

        if (const Value* p = goal.get("priority"); p && isInteger(p->text)) {
            if (p->integer < 1) {
                out.error(
                    "goals.bad-priority", p->where,
                    "prioriteten för målet \"" + title + "\" måste vara ett heltal från 1 och uppåt (1 är viktigast)",
                    "the priority of the goal \"" + title +
                        "\" must be a whole number from 1 upwards (1 matters most)");
            } else if (horizon == "year" || horizon == "mandate" || horizon == "long-term") {
                auto& taken = priorities[horizon];
                auto it = taken.find(p->integer);
                if (it != taken.end()) {
                    const std::string other = it->second->text("title");
                    const Location first = it->second->whereOf("priority");
                    const std::string at = first.line ? " (rad " + std::to_string(first.line) + ")" : "";
                    const std::string atEn = first.line ? " (line " + std::to_string(first.line) + ")" : "";
                    out.error("goals.duplicate-priority", p->where,
                              "målen \"" + other + "\"" + at + " och \"" + title + "\" har båda prioritet " + p->text +
                                  " för " + horizonSv(horizon) + "; ge varje mål en egen plats i ordningen",
                              "the goals \"" + other + "\"" + atEn + " and \"" + title + "\" both have priority " +
                                  p->text + " for " + horizonEn(horizon) +
                                  "; give each goal a place of its own in the order");
                } else {
                    taken[p->integer] = &goal;
                }
            }
        }

        const auto& measures = goal.rows("measure");
        if (measures.empty())
            out.warning("goals.no-follow-up", goal.where,
                        "målet \"" + title +
                            "\" saknar uppföljning: ange minst ett <measure> med indikator, målvärde "
                            "och uppföljningsdatum, annars går det inte att se om ni når det",
                        "the goal \"" + title +
                            "\" has no follow-up: give at least one <measure> with an indicator, a "
                            "target and a follow-up date, or you cannot tell whether you reach it");
        for (const auto& m : measures) {
            const auto followUp = m.date("follow-up");
            if (!followUp) continue;
            const Location where = m.whereOf("follow-up");
            if (ctx.nextReview && *followUp > *ctx.nextReview)
                out.error("goals.follow-up-after-review", where,
                          "uppföljningen av \"" + m.text("indicator") + "\" (" + followUp->iso() +
                              ") ligger efter överenskommelsens nästa omprövning (" + ctx.nextReview->iso() +
                              "); lägg den före, så att resultatet finns när ni ses över överenskommelsen",
                          "the follow-up of \"" + m.text("indicator") + "\" (" + followUp->iso() +
                              ") comes after the agreement's next review (" + ctx.nextReview->iso() +
                              "); move it earlier, so that the result is there when you revisit the agreement");
            else if (ctx.registration.adopted && *followUp < *ctx.registration.adopted)
                out.warning("goals.follow-up-before-adoption", where,
                            "uppföljningen av \"" + m.text("indicator") + "\" (" + followUp->iso() +
                                ") ligger före överenskommelsens antagande (" + ctx.registration.adopted->iso() + ")",
                            "the follow-up of \"" + m.text("indicator") + "\" (" + followUp->iso() +
                                ") comes before the agreement is adopted (" + ctx.registration.adopted->iso() + ")");
        }
    }

    if (!anyForYear)
        out.error("goals.no-goal-for-year", values.where,
                  "inget mål gäller året: ange minst ett <goal horizon=\"year\"> som säger vad ni fokuserar på just nu",
                  "no goal is for the year: give at least one <goal horizon=\"year\"> saying what you focus on now");

    if (focused > kMaxFocusGoals && lastFocused)
        out.warning("goals.too-many-top-priorities", lastFocused->whereOf("focus"),
                    std::to_string(focused) + " mål är markerade som viktigast; välj högst " +
                        std::to_string(kMaxFocusGoals) + ", annars försvinner fokus",
                    std::to_string(focused) + " goals are marked as most important; choose at most " +
                        std::to_string(kMaxFocusGoals) + ", or the focus is lost");
}

}  // namespace overens::goals
