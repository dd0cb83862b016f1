// The form's HTML for a list of fields, made from their schema: one input per scalar (labelled,
// its hint and its errors tied to it with aria-describedby), a fieldset per group, rows with
// remove / duplicate / move buttons per table and list. The words are the schema's and the UI
// wording's; the markup is plain HTML forms that work without JavaScript.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "overens/context.hpp"
#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"
#include "overens/wording.hpp"
#include "web/form_model.hpp"

namespace overens::web {

// Diagnostics by the answers path they concern.
using PlacedDiagnostics = std::map<std::string, std::vector<const Diagnostic*>>;

struct RoleOption {
    std::string id;
    std::string label;
};

struct FormInput {
    const AnswerMap& answers;
    const PlacedDiagnostics& diags;  // shown beside their fields
    std::string lang;                // of the labels, help and messages
    const Wording& ui;
    std::vector<RoleOption> roles;   // what a role reference may be chosen from
    const Context* header = nullptr; // for defaults taken from the header in a new document
    bool isNew = false;
};

class FormRenderer {
public:
    explicit FormRenderer(const FormInput& in) : in_(in) {}

    // The fields of one record: top-level fields of a step (prefix = section id, "" for the header).
    std::string fields(const std::string& prefix, const std::vector<const Field*>& fields);
    // The datalist of role references (once per page).
    std::string roleList() const;
    // Ids of every element rendered so far (for the error summary's links).
    const std::set<std::string>& renderedIds() const { return ids_; }

private:
    std::string field(const Field& f, const std::string& path, const std::string& recordPath,
                      const std::vector<Field>& siblings);
    std::string scalar(const Field& f, FieldType type, const std::string& path, const std::string& label);
    std::string control(const Field& f, FieldType type, const std::string& path, const std::string& id,
                        const std::string& describedBy);
    std::string rows(const Field& f, const std::string& path);
    std::string rowActions(const std::string& tablePath, int i, int count, const std::string& rowLabel);
    std::string errors(const std::string& path, const std::string& id);
    std::string showWhenAttributes(const Field& f, const std::string& recordPath, const std::vector<Field>& siblings);
    std::string value(const Field& f, const std::string& path) const;
    std::string label(const Field& f) const { return in_.lang == "en" ? f.label_en : f.label_sv; }
    std::string help(const Field& f) const { return in_.lang == "en" ? f.help_en : f.help_sv; }
    int count(const std::string& path) const;

    const FormInput& in_;
    std::set<std::string> ids_;
};

// The answers path of the record a path belongs to ("goals.goal.2.text" -> "goals.goal.2").
std::string parentPath(const std::string& path);

}  // namespace overens::web
