#include "web/form_model.hpp"

#include "source/header_fields.hpp"

namespace overens::web {

std::vector<FormStep> formSteps(const DocumentKind& kind, const PluginLoader& plugins, const SchemaLookup& schemas,
                                const Wording& uiSv, const Wording& uiEn) {
    std::vector<FormStep> steps;
    FormStep header;
    header.step.id = "header";
    header.step.title_sv = uiSv.get("header-step-title");
    header.step.title_en = uiEn.get("header-step-title");
    header.step.intro_sv = uiSv.get("header-step-intro");
    header.step.intro_en = uiEn.get("header-step-intro");
    for (const auto& f : headerFields()) {
        header.step.fields.push_back(f.name);
        header.fields.push_back(&f);
    }
    steps.push_back(std::move(header));

    for (const auto& ks : kind.sections) {
        const LoadedPlugin* plugin = plugins.find(ks.id);
        auto schema = schemas.find(ks.id);
        if (!plugin || schema == schemas.end()) continue;
        Interview interview;
        try {
            interview = plugin->plugin->interview();
        } catch (const std::exception&) {
            interview = deriveInterview(plugin->info, schema->second);  // a broken interview still gives a form
        }
        interview = completeInterview(std::move(interview), plugin->info, schema->second);
        for (auto& step : interview.steps) {
            FormStep fs;
            fs.section = ks.id;
            for (const auto& name : step.fields)
                for (const auto& f : schema->second.fields)
                    if (f.name == name) fs.fields.push_back(&f);
            if (step.title_sv.empty()) step.title_sv = plugin->info.title_sv;
            if (step.title_en.empty()) step.title_en = plugin->info.title_en;
            fs.step = std::move(step);
            steps.push_back(std::move(fs));
        }
    }
    return steps;
}

int stepOfPath(const std::vector<FormStep>& steps, const std::string& path) {
    const std::size_t dot = path.find('.');
    const std::string first = path.substr(0, dot);
    int sectionStart = -1;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const FormStep& s = steps[i];
        if (s.section.empty()) {
            for (const Field* f : s.fields)
                if (f->name == first) return static_cast<int>(i);
            continue;
        }
        if (s.section != first) continue;
        if (sectionStart < 0) sectionStart = static_cast<int>(i);
        if (dot == std::string::npos) return sectionStart;
        const std::string rest = path.substr(dot + 1);
        const std::string field = rest.substr(0, rest.find('.'));
        for (const Field* f : s.fields)
            if (f->name == field) return static_cast<int>(i);
    }
    if (first == "kind") return 0;
    return sectionStart;
}

}  // namespace overens::web
