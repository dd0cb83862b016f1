#include "overens/interview.hpp"

#include <set>

#include "overens/plugin.hpp"

namespace overens {

Interview deriveInterview(const PluginInfo& info, const Schema& schema) {
    Step step;
    step.id = info.id;
    step.title_sv = info.title_sv;
    step.title_en = info.title_en;
    for (const auto& f : schema.fields) step.fields.push_back(f.name);
    return Interview{{step}};
}

Interview completeInterview(Interview interview, const PluginInfo& info, const Schema& schema) {
    std::set<std::string> known, named;
    for (const auto& f : schema.fields) known.insert(f.name);
    for (auto& step : interview.steps) {
        std::vector<std::string> kept;
        for (auto& name : step.fields)
            if (known.count(name) && named.insert(name).second) kept.push_back(name);
        step.fields = std::move(kept);
    }
    std::vector<std::string> missing;
    for (const auto& f : schema.fields)
        if (!named.count(f.name)) missing.push_back(f.name);
    if (missing.empty()) return interview;
    if (interview.steps.empty()) {
        Step step = deriveInterview(info, Schema{}).steps.front();
        interview.steps.push_back(std::move(step));
    }
    auto& last = interview.steps.back().fields;
    last.insert(last.end(), missing.begin(), missing.end());
    return interview;
}

std::string headerDefault(HeaderValue from, const Context& ctx) {
    auto partyValue = [&](const char* role, bool title) -> std::string {
        const Party* p = ctx.party(role);
        return p ? (title ? p->title : p->name) : std::string();
    };
    switch (from) {
        case HeaderValue::None: return {};
        case HeaderValue::OrganisationName: return ctx.organisation.name;
        case HeaderValue::Board: return ctx.organisation.board;
        case HeaderValue::ChairName: return partyValue("chair", false);
        case HeaderValue::ChairTitle: return partyValue("chair", true);
        case HeaderValue::DirectorName: return partyValue("director", false);
        case HeaderValue::DirectorTitle: return partyValue("director", true);
        case HeaderValue::RegistrationNumber: return ctx.registration.dnr;
        case HeaderValue::AdoptionDate:
            return ctx.registration.adopted ? ctx.registration.adopted->iso() : std::string();
    }
    return {};
}

namespace {

// -1 unknown, 0 false, 1 true: the spellings the source reader accepts for a Boolean.
int truth(const std::string& s) {
    if (s == "true" || s == "yes" || s == "ja" || s == "1") return 1;
    if (s == "false" || s == "no" || s == "nej" || s == "0") return 0;
    return -1;
}

}  // namespace

bool shownWhen(const ShowWhen& condition, const Field* sibling, const std::string& siblingAnswer) {
    if (condition.always()) return true;
    if (condition.values.empty()) return !siblingAnswer.empty();
    const bool boolean = sibling && sibling->type == FieldType::Boolean;
    for (const auto& v : condition.values) {
        if (v == siblingAnswer) return true;
        if (boolean && truth(v) >= 0 && truth(v) == truth(siblingAnswer)) return true;
    }
    return false;
}

}  // namespace overens
