#include "web/form_render.hpp"

#include "overens/compose.hpp"
#include "overens/interview.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace {

bool isRecord(FieldType t) { return t == FieldType::Table || t == FieldType::Group; }

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s + " ") {
        if (c == ' ') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    return out;
}

}  // namespace

std::string parentPath(const std::string& path) {
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? std::string() : path.substr(0, dot);
}

int FormRenderer::count(const std::string& path) const {
    auto it = in_.answers.find(path + ".count");
    if (it != in_.answers.end()) {
        try {
            return std::max(0, std::stoi(it->second));
        } catch (const std::exception&) {
        }
    }
    // Without a count: the highest row index answered.
    int n = 0;
    const std::string prefix = path + ".";
    for (auto a = in_.answers.lower_bound(prefix); a != in_.answers.end() && a->first.rfind(prefix, 0) == 0; ++a) {
        const std::string rest = a->first.substr(prefix.size());
        std::size_t used = 0;
        try {
            const int i = std::stoi(rest, &used);
            if (used > 0) n = std::max(n, i + 1);
        } catch (const std::exception&) {
        }
    }
    return n;
}

std::string FormRenderer::value(const Field& f, const std::string& path) const {
    auto it = in_.answers.find(path);
    std::string v = it == in_.answers.end() ? std::string() : it->second;
    if (v.empty() && in_.isNew && in_.header && f.defaultFrom != HeaderValue::None)
        v = headerDefault(f.defaultFrom, *in_.header);
    return v;
}

std::string FormRenderer::errors(const std::string& path, const std::string& id) {
    auto it = in_.diags.find(path);
    if (it == in_.diags.end()) return {};
    std::string out;
    for (const Diagnostic* d : it->second) {
        const bool error = d->severity == Severity::Error;
        out += std::string("<p class=\"") + (error ? "error-message" : "warning-message") + "\">" +
               "<span class=\"severity\">" + esc(in_.ui.get(error ? "error-prefix" : "warning-prefix")) + "</span> " +
               esc(d->message(in_.lang)) + "</p>";
    }
    return "<div class=\"field-messages\" id=\"" + id + "-error\">" + out + "</div>";
}

std::string FormRenderer::showWhenAttributes(const Field& f, const std::string& recordPath,
                                             const std::vector<Field>& siblings) {
    if (f.showWhen.always()) return {};
    const Field* sibling = nullptr;
    for (const auto& s : siblings)
        if (s.name == f.showWhen.field) sibling = &s;
    const std::string siblingPath = recordPath.empty() ? f.showWhen.field : recordPath + "." + f.showWhen.field;
    std::string values;
    for (const auto& v : f.showWhen.values) values += (values.empty() ? "" : "|") + v;
    auto it = in_.answers.find(siblingPath);
    const bool shown = shownWhen(f.showWhen, sibling, it == in_.answers.end() ? std::string() : it->second);
    return " data-show-when=\"" + esc(fieldId(siblingPath)) + "\" data-show-values=\"" + esc(values) + "\"" +
           (sibling && sibling->type == FieldType::Boolean ? " data-show-boolean=\"1\"" : "") +
           (shown ? "" : " hidden");
}

std::string FormRenderer::control(const Field& f, FieldType type, const std::string& path, const std::string& id,
                                  const std::string& describedBy) {
    const std::string v = value(f, path);
    const std::string common = " id=\"" + id + "\" name=\"" + esc(path) + "\"" +
                               (describedBy.empty() ? "" : " aria-describedby=\"" + describedBy + "\"") +
                               (in_.diags.count(path) ? " aria-invalid=\"true\"" : "");
    const std::string example = in_.lang == "en" ? f.example_en : f.example_sv;
    const std::string placeholder = example.empty() ? "" : " placeholder=\"" + esc(example) + "\"";
    switch (type) {
        case FieldType::Multiline:
            return "<textarea class=\"textarea\" rows=\"" + std::to_string(v.size() > 400 ? 8 : 4) + "\"" + common +
                   placeholder + ">" + esc(v) + "</textarea>";
        case FieldType::Enum: {
            std::string options = "<option value=\"\">" + esc(in_.ui.get("choose")) + "</option>";
            bool known = v.empty();
            for (const auto& c : f.choices) {
                known = known || c.value == v;
                options += "<option value=\"" + esc(c.value) + "\"" + (c.value == v ? " selected" : "") + ">" +
                           esc(in_.lang == "en" ? c.label_en : c.label_sv) + "</option>";
            }
            if (!known) options += "<option value=\"" + esc(v) + "\" selected>" + esc(v) + "</option>";
            return "<select class=\"select\"" + common + ">" + options + "</select>";
        }
        case FieldType::Boolean: {
            // The spelling in the file is kept: an answer left alone posts back exactly as written.
            auto isOneOf = [&](const std::string& key) {
                for (const auto& w : words(in_.ui.get(key)))
                    if (w == v) return true;
                return false;
            };
            const bool yes = isOneOf("bool-true-tokens"), no = isOneOf("bool-false-tokens");
            const std::string yesValue = yes ? v : in_.ui.get("bool-true-value");
            const std::string noValue = no ? v : in_.ui.get("bool-false-value");
            std::string options = "<option value=\"\">" + esc(in_.ui.get("choose")) + "</option>" +
                                  "<option value=\"" + esc(yesValue) + "\"" + (yes ? " selected" : "") + ">" +
                                  esc(in_.ui.get("bool-yes")) + "</option>" + "<option value=\"" + esc(noValue) +
                                  "\"" + (no ? " selected" : "") + ">" + esc(in_.ui.get("bool-no")) + "</option>";
            if (!v.empty() && !yes && !no) options += "<option value=\"" + esc(v) + "\" selected>" + esc(v) + "</option>";
            return "<select class=\"select\"" + common + ">" + options + "</select>";
        }
        case FieldType::Role:
            return "<input class=\"input input--short\" type=\"text\" list=\"document-roles\" autocomplete=\"off\"" +
                   common + placeholder + " value=\"" + esc(v) + "\">";
        case FieldType::Email:
            return "<input class=\"input\" type=\"email\" autocomplete=\"email\" spellcheck=\"false\"" + common +
                   placeholder + " value=\"" + esc(v) + "\">";
        case FieldType::Date:
        case FieldType::Duration:
        case FieldType::Integer:
        case FieldType::Number:
            return "<input class=\"input input--short\" type=\"text\" spellcheck=\"false\"" + common + placeholder +
                   " value=\"" + esc(v) + "\">";
        default:
            return "<input class=\"input\" type=\"text\"" + common + placeholder + " value=\"" + esc(v) + "\">";
    }
}

std::string FormRenderer::scalar(const Field& f, FieldType type, const std::string& path, const std::string& label) {
    const std::string id = fieldId(path);
    ids_.insert(id);
    const std::string h = help(f);
    const bool hasErrors = in_.diags.count(path) > 0;
    std::string describedBy = h.empty() ? "" : id + "-hint";
    if (hasErrors) describedBy += (describedBy.empty() ? "" : " ") + id + "-error";
    std::string out = "<label class=\"label\" for=\"" + id + "\">" + esc(label) +
                      (f.required ? "" : " <span class=\"optional\">" + esc(in_.ui.get("optional")) + "</span>") +
                      "</label>";
    if (!h.empty()) out += "<div class=\"hint\" id=\"" + id + "-hint\">" + esc(h) + "</div>";
    out += errors(path, id);
    out += control(f, type, path, id, describedBy);
    return out;
}

std::string FormRenderer::rowActions(const std::string& tablePath, int i, int count, const std::string& rowLabel) {
    const std::string target = tablePath + "." + std::to_string(i);
    auto button = [&](const std::string& op, const std::string& key) {
        return "<button type=\"submit\" class=\"button button--secondary button--small\" name=\"_op\" value=\"" + op +
               " " + esc(target) + "\" formnovalidate>" + esc(in_.ui.get(key)) +
               "<span class=\"visually-hidden\"> " + esc(rowLabel) + "</span></button>";
    };
    std::string out = "<div class=\"row-actions\">" + button("remove", "row-remove") + button("duplicate", "row-duplicate");
    if (i > 0) out += button("up", "row-up");
    if (i + 1 < count) out += button("down", "row-down");
    return out + "</div>";
}

std::string FormRenderer::rows(const Field& f, const std::string& path) {
    const int n = count(path);
    const std::string l = label(f);
    std::string out = "<input type=\"hidden\" name=\"" + esc(path) + ".count\" value=\"" + std::to_string(n) + "\">";
    if (n == 0) out += "<p class=\"rows-empty\">" + esc(in_.ui.get("rows-none")) + "</p>";
    out += "<ol class=\"rows\">";
    for (int i = 0; i < n; ++i) {
        const std::string rowPath = path + "." + std::to_string(i);
        // A list item's input carries the item's id; its row is the fieldset around it.
        const std::string rowId = fieldId(rowPath) + (f.type == FieldType::List ? "-row" : "");
        const std::string rowLabel = in_.ui.format("row-label", {{"label", l}, {"n", std::to_string(i + 1)}});
        ids_.insert(rowId);
        auto identity = in_.answers.find(rowPath + ".#");
        // tabindex -1: a row a button just added or moved takes the focus when the page comes back.
        out += "<li class=\"row\"><fieldset class=\"fieldset fieldset--row\" tabindex=\"-1\" id=\"" + rowId + "\"><legend class=\"legend legend--row\">" +
               esc(rowLabel) + "</legend>";
        out += "<input type=\"hidden\" name=\"" + esc(rowPath) + ".#\" value=\"" +
               esc(identity == in_.answers.end() ? std::string() : identity->second) + "\">";
        if (f.type == FieldType::Table) {
            out += errors(rowPath, rowId);
            for (const auto& sub : f.fields) out += field(sub, rowPath + "." + sub.name, rowPath, f.fields);
        } else {
            out += "<div class=\"form-group" + std::string(in_.diags.count(rowPath) ? " form-group--error" : "") +
                   "\">" + scalar(f, f.item, rowPath, rowLabel) + "</div>";
        }
        out += rowActions(path, i, n, rowLabel);
        out += "</fieldset></li>";
    }
    out += "</ol>";
    out += "<button type=\"submit\" class=\"button button--secondary\" name=\"_op\" value=\"add " + esc(path) +
           "\" formnovalidate>" + esc(in_.ui.format("row-add", {{"label", compose::lowerFirst(l)}})) + "</button>";
    return out;
}

std::string FormRenderer::field(const Field& f, const std::string& path, const std::string& recordPath,
                                const std::vector<Field>& siblings) {
    const std::string id = fieldId(path);
    const std::string show = showWhenAttributes(f, recordPath, siblings);
    if (!isRecord(f.type) && f.type != FieldType::List) {
        const bool bad = in_.diags.count(path) > 0;
        return "<div class=\"form-group" + std::string(bad ? " form-group--error" : "") + "\" id=\"" + id + "-group\"" +
               show + ">" + scalar(f, f.type, path, label(f)) + "</div>";
    }
    ids_.insert(id);
    const std::string h = help(f);
    std::string out = "<fieldset class=\"fieldset fieldset--" + std::string(fieldTypeName(f.type)) + "\" id=\"" + id +
                      "\"" + (h.empty() ? "" : " aria-describedby=\"" + id + "-hint\"") + show +
                      "><legend class=\"legend\">" + esc(label(f)) +
                      (f.required ? "" : " <span class=\"optional\">" + esc(in_.ui.get("optional")) + "</span>") +
                      "</legend>";
    if (!h.empty()) out += "<div class=\"hint\" id=\"" + id + "-hint\">" + esc(h) + "</div>";
    out += errors(path, id);
    if (f.type == FieldType::Group) {
        for (const auto& sub : f.fields) out += field(sub, path + "." + sub.name, path, f.fields);
    } else {
        out += rows(f, path);
    }
    return out + "</fieldset>";
}

std::string FormRenderer::fields(const std::string& prefix, const std::vector<const Field*>& fields) {
    std::vector<Field> siblings;
    for (const Field* f : fields) siblings.push_back(*f);
    std::string out;
    for (const Field* f : fields) out += field(*f, prefix.empty() ? f->name : prefix + "." + f->name, prefix, siblings);
    return out;
}

std::string FormRenderer::roleList() const {
    std::string out = "<datalist id=\"document-roles\">";
    for (const auto& r : in_.roles)
        out += "<option value=\"" + esc(r.id) + "\"" + (r.label.empty() ? "" : " label=\"" + esc(r.label) + "\"") + ">" +
               "</option>";
    return out + "</datalist>";
}

}  // namespace overens::web
