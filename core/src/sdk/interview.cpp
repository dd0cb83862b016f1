#include "overens/interview.hpp"

#include <set>

#include "overens/plugin.hpp"
#include "overens/values.hpp"

namespace overens {

Step step(std::string id, std::string title_sv, std::string title_en, std::vector<std::string> fields,
          std::string intro_sv, std::string intro_en) {
    Step s;
    s.id = std::move(id);
    s.title_sv = std::move(title_sv);
    s.title_en = std::move(title_en);
    s.fields = std::move(fields);
    s.intro_sv = std::move(intro_sv);
    s.intro_en = std::move(intro_en);
    return s;
}

Interview deriveInterview(const PluginInfo& info, const Schema& schema) {
    std::vector<std::string> names;
    for (const auto& f : schema.fields) names.push_back(f.name);
    Interview i;
    i.steps.push_back(step(info.id, info.title_sv, info.title_en, std::move(names)));
    return i;
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
        interview.steps.push_back(deriveInterview(info, Schema{}).steps.front());
    }
    auto& last = interview.steps.back().fields;
    last.insert(last.end(), missing.begin(), missing.end());
    return interview;
}

namespace {

Field* fieldAt(std::vector<Field>& fields, const std::string& path) {
    const std::size_t dot = path.find('.');
    const std::string head = path.substr(0, dot);
    for (auto& f : fields)
        if (f.name == head) return dot == std::string::npos ? &f : fieldAt(f.fields, path.substr(dot + 1));
    return nullptr;
}

}  // namespace

Schema withHints(Schema schema, const std::vector<FieldHint>& hints) {
    for (const auto& h : hints) {
        Field* f = fieldAt(schema.fields, h.path);
        if (!f) continue;
        if (!h.example_sv.empty()) f->example_sv = h.example_sv;
        if (!h.example_en.empty()) f->example_en = h.example_en;
        if (h.defaultFrom != HeaderValue::None) f->defaultFrom = h.defaultFrom;
        if (!h.showWhen.always()) f->showWhen = h.showWhen;
    }
    return schema;
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

bool shownWhen(const ShowWhen& condition, const Field* sibling, const std::string& siblingAnswer) {
    if (condition.always()) return true;
    if (condition.values.empty()) return !siblingAnswer.empty();
    const bool boolean = sibling && sibling->type == FieldType::Boolean;
    for (const auto& v : condition.values) {
        if (v == siblingAnswer) return true;
        if (boolean && parseBoolean(v) && parseBoolean(v) == parseBoolean(siblingAnswer)) return true;
    }
    return false;
}

}  // namespace overens
