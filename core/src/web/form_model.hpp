// The pages of a document's form: the core's header step, then each section of the kind in
// order with the steps its plugin's interview gives. Made from the kind, the schemas and the
// interviews only, so a new plugin gets its pages without web code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kinds/document_kind.hpp"
#include "loader/plugin_loader.hpp"
#include "overens/interview.hpp"
#include "overens/wording.hpp"
#include "source/source_reader.hpp"

namespace overens::web {

struct FormStep {
    std::string section;  // the section id; "" for the header step
    Step step;            // titles, intro, prompts
    std::vector<const Field*> fields;  // the top-level fields this page asks, in order

    std::string title(const std::string& lang) const { return lang == "en" ? step.title_en : step.title_sv; }
    std::string intro(const std::string& lang) const { return lang == "en" ? step.intro_en : step.intro_sv; }
    const std::vector<std::string>& prompts(const std::string& lang) const {
        return lang == "en" ? step.prompts_en : step.prompts_sv;
    }
    // The answers path of a top-level field of this step.
    std::string pathOf(const Field& f) const { return section.empty() ? f.name : section + "." + f.name; }
};

// The header step's title and intro come from the UI wording (keys header-step-title/-intro).
std::vector<FormStep> formSteps(const DocumentKind& kind, const PluginLoader& plugins, const SchemaLookup& schemas,
                                const Wording& uiSv, const Wording& uiEn);

// The step that asks the answer at path (a field, a row, a section); -1 when none does.
int stepOfPath(const std::vector<FormStep>& steps, const std::string& path);

// Answers by path, for lookups while rendering.
using AnswerMap = std::map<std::string, std::string>;

}  // namespace overens::web
