// The interview: how a form asks a section's questions. The plugin owns it like its schema:
// which fields a page asks together and in which order, and what the two parties should talk
// through before they write. No web code here; a form, a wizard or a text interview reads it.
#pragma once

#include <string>
#include <vector>

#include "overens/context.hpp"
#include "overens/schema.hpp"

namespace overens {

struct PluginInfo;

// One page of the interview.
struct Step {
    std::string id;  // stable within the section, e.g. "meetings"
    std::string title_sv, title_en;
    std::string intro_sv, intro_en;  // a few lines above the questions (may be empty)
    // The section's top-level field names asked on this page, in order.
    std::vector<std::string> fields;
    // What the two parties should talk through before they write (may be empty).
    std::vector<std::string> prompts_sv, prompts_en;
};

// What a form needs to know of one field beyond its type and words, given by the interview so
// that a plugin keeps everything about how it is asked in one place. `path` names the field
// through groups and tables by field names: "intro", "urgent.consult", "goal.measure.target".
struct FieldHint {
    std::string path;
    std::string example_sv, example_en;           // -> Field::example_sv/_en
    HeaderValue defaultFrom = HeaderValue::None;  // -> Field::defaultFrom
    ShowWhen showWhen;                            // -> Field::showWhen (a sibling's name)
};

struct Interview {
    std::vector<Step> steps;
    std::vector<FieldHint> hints;
};

// The schema with the hints written into its fields; a hint's empty parts leave the field as it
// is, a path that names no field is ignored. The engine keeps its plugins' schemas this way.
Schema withHints(Schema schema, const std::vector<FieldHint>& hints);

// A builder that keeps plugin interviews readable, like field() for schemas.
Step step(std::string id, std::string title_sv, std::string title_en, std::vector<std::string> fields,
          std::string intro_sv = {}, std::string intro_en = {});

// The interview a plugin without its own steps gets: one step titled like the section,
// holding every top-level field of the schema in schema order.
Interview deriveInterview(const PluginInfo& info, const Schema& schema);

// The interview as a form uses it: names that are not top-level fields of the schema are
// dropped, a field named twice is kept where it is first named, and every field no step names
// is appended to the last step (a derived step when there is none), so no field is ever lost.
Interview completeInterview(Interview interview, const PluginInfo& info, const Schema& schema);

// The value a field's defaultFrom takes from the document's header ("" when the header has none).
std::string headerDefault(HeaderValue from, const Context& ctx);

// Whether a field with this condition is shown, given its sibling's answer as written in the
// source (Boolean siblings compare ja/yes/true/1 and nej/no/false/0 as equal).
bool shownWhen(const ShowWhen& condition, const Field* sibling, const std::string& siblingAnswer);

}  // namespace overens
