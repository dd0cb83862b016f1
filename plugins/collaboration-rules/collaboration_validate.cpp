#include <map>
#include <string>

#include "collaboration_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::collaboration {

namespace {

std::string behaviourSv(const Record& b) {
    static const std::map<std::string, std::string> names{{"transparency", "öppenhet"},
                                                          {"listening", "lyssnande"},
                                                          {"clarity", "tydlighet"},
                                                          {"reliability", "tillförlitlighet"},
                                                          {"positive-feedback", "positiv återkoppling"}};
    auto it = names.find(b.text("kind"));
    return it != names.end() ? it->second : b.text("name", b.text("kind"));
}

std::string behaviourEn(const Record& b) {
    const std::string kind = b.text("kind");
    return kind == "other" ? b.text("name", kind) : kind == "positive-feedback" ? "positive feedback" : kind;
}

const char* questionSv(const std::string& q) {
    if (q == "chair-role") return "ordförandens ansvar och uppdrag";
    if (q == "director-role") return "direktörens ansvar och uppdrag";
    if (q == "hard") return "vad som är svårt";
    if (q == "chair-needs") return "vad ordföranden behöver av direktören";
    if (q == "director-needs") return "vad direktören behöver av ordföranden";
    return "vad som behöver förbättras";
}

const char* questionEn(const std::string& q) {
    if (q == "chair-role") return "the chair's responsibility and task";
    if (q == "director-role") return "the director's responsibility and task";
    if (q == "hard") return "what is hard";
    if (q == "chair-needs") return "what the chair needs from the director";
    if (q == "director-needs") return "what the director needs from the chair";
    return "what must improve";
}

void checkBehaviours(const Record& values, Diagnostics& out) {
    std::map<std::string, const Record*> seen;
    for (const auto& b : values.rows("behaviour")) {
        const std::string kind = b.text("kind");
        if (kind == "other" && !b.has("name"))
            out.error("collaboration-rules.other-without-name", b.whereOf("kind"),
                      "ett eget förhållningssätt (kind=\"other\") behöver ett namn i name",
                      "a behaviour of your own (kind=\"other\") needs a name in name");

        bool committed = false;
        for (const auto& c : b.list("commitment")) committed = committed || !c.text.empty();
        if (!committed)
            out.error("collaboration-rules.behaviour-without-commitment", b.where,
                      "förhållningssättet " + behaviourSv(b) +
                          " har inget konkret åtagande: skriv i <commitment> vad "
                          "ni faktiskt gör, så att det går att se om det hålls",
                      "the behaviour " + behaviourEn(b) +
                          " has no concrete commitment: write in <commitment> what "
                          "you will actually do, so that you can tell whether it is kept");

        const std::string key = kind == "other" ? "other:" + compose::foldKey(b.text("name")) : kind;
        if (auto it = seen.find(key); it != seen.end()) {
            const int line = it->second->where.line;
            out.warning("collaboration-rules.duplicate-behaviour", b.where,
                        "förhållningssättet " + behaviourSv(b) + " finns redan" +
                            (line ? " (rad " + std::to_string(line) + ")" : std::string()) + "; samla åtagandena där",
                        "the behaviour " + behaviourEn(b) + " is already listed" +
                            (line ? " (line " + std::to_string(line) + ")" : std::string()) +
                            "; gather the commitments there");
        } else {
            seen[key] = &b;
        }
    }
}

void checkFollowUp(const Record& f, const Context& ctx, Diagnostics& out) {
    const Value* every = f.get("every");
    if (!every || !every->duration) return;
    const Duration& d = *every->duration;
    if (d.zero() || d.approxDays() < 1) {
        out.error("collaboration-rules.bad-interval", every->where,
                  "uppföljningsintervallet " + every->text + " är för kort; ange t.ex. P6M för varje halvår",
                  "the follow-up interval " + every->text + " is too short; give e.g. P6M for every six months");
        return;
    }
    // The first follow-up: as given, else one interval after adoption.
    std::optional<Date> first = f.date("first");
    Location where = f.whereOf("first");
    bool computed = false;
    if (!first && ctx.registration.adopted) {
        first = addDuration(*ctx.registration.adopted, d);
        where = every->where;
        computed = true;
    }
    if (first && ctx.nextReview && *first > *ctx.nextReview) {
        const std::string how_sv = computed ? ", ett intervall efter antagandet" : "";
        const std::string how_en = computed ? ", one interval after adoption" : "";
        out.error("collaboration-rules.follow-up-after-review", where,
                  "första uppföljningen av samarbetet (" + first->iso() + how_sv +
                      ") kommer efter överenskommelsens nästa omprövning (" + ctx.nextReview->iso() +
                      "); följ upp före omprövningen, så att ni vet vad som behöver ändras",
                  "the first follow-up of the collaboration (" + first->iso() + how_en +
                      ") comes after the agreement's next review (" + ctx.nextReview->iso() +
                      "); follow up before the review, so that you know what needs to change");
        return;
    }
    if (ctx.review.every && d.approxDays() > ctx.review.every->approxDays())
        out.warning("collaboration-rules.follow-up-rhythm", every->where,
                    "samarbetet följs upp mer sällan (" + every->text + ") än överenskommelsen omprövas (" +
                        ctx.review.every->iso() + "); följ upp minst en gång mellan varje omprövning",
                    "the collaboration is followed up less often (" + every->text +
                        ") than the agreement is "
                        "reviewed (" +
                        ctx.review.every->iso() + "); follow up at least once between reviews");
}

}  // namespace

void CollaborationRulesPlugin::validate(const Record& values, const Context& ctx, Diagnostics& out) const {
    checkBehaviours(values, out);
    if (const Record* f = values.group("follow-up")) checkFollowUp(*f, ctx, out);

    if (!values.has("information"))
        out.warning("collaboration-rules.no-information-flow", values.where,
                    "beskriv i <information> hur information går mellan er: vad ni delar, hur snabbt och hur",
                    "describe in <information> how information passes between you: what you share, how fast and how");
    if (!values.has("disagreement"))
        out.warning("collaboration-rules.no-disagreement-routine", values.where,
                    "beskriv i <disagreement> hur ni tar upp och löser det ni inte är överens om",
                    "describe in <disagreement> how you raise and settle what you disagree on");

    const Record* c = values.group("conversation");
    if (!c) {
        out.warning("collaboration-rules.no-conversation", values.where,
                    "svaren på samtalsfrågorna saknas: lägg till <conversation> med det ni kommit fram till",
                    "the answers to the conversation questions are missing: add <conversation> with what you agreed");
        return;
    }
    for (const char* q : kQuestions)
        if (!c->has(q))
            out.warning("collaboration-rules.unanswered-question", c->where,
                        std::string("samtalsfrågan om ") + questionSv(q) + " är obesvarad (<" + q + ">)",
                        std::string("the conversation question on ") + questionEn(q) + " is unanswered (<" + q + ">)");
}

}  // namespace overens::collaboration
