#include <map>

#include "overens/compose.hpp"
#include "instruction_plugin.hpp"

namespace overens::instruction {

namespace {

// "Kommundirektör" -> "kommundirektör": the first letter lowered unless the word is an
// abbreviation ("HR-chef" stays).
std::string lowerFirst(const std::string& t) {
    if (t.size() >= 2 && t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
        return static_cast<char>(t[0] + 32) + t.substr(1);
    if (t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xC3) {
        const unsigned char c = static_cast<unsigned char>(t[1]);
        if (c >= 0x80 && c <= 0x9E && c != 0x97) return t.substr(0, 1) + static_cast<char>(c + 0x20) + t.substr(2);
    }
    return t;
}

std::string upperFirst(const std::string& t) {
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') return static_cast<char>(t[0] - 32) + t.substr(1);
    if (t.size() >= 2 && static_cast<unsigned char>(t[0]) == 0xC3) {
        const unsigned char c = static_cast<unsigned char>(t[1]);
        if (c >= 0xA0 && c <= 0xBE && c != 0xB7) return t.substr(0, 1) + static_cast<char>(c - 0x20) + t.substr(2);
    }
    return t;
}

// The Swedish definite form of a title: "kommundirektör" -> "kommundirektören",
// "kommunchef" -> "kommunchefen", "samordnare" -> "samordnaren".
std::string definite(const std::string& title) {
    std::string t = lowerFirst(trim(title));
    if (t.empty()) return t;
    return t + (t.back() == 'e' ? "n" : "en");
}

class Renderer {
public:
    Renderer(const Record& v, const Context& ctx, const Wording& w) : v_(v), ctx_(ctx), w_(w) {
        for (const auto& p : v.rows("post")) posts_[p.text("id")] = &p;
        vars_ = {{"board", ctx.organisation.board},
                 {"organisation", ctx.organisation.name},
                 {"post", v.text("post-title")},
                 {"administration", v.text("administration")}};
        if (const Party* d = ctx.party("director")) vars_["director"] = d->name;
        const std::string def =
            v.has("post-title-definite") ? v.text("post-title-definite") : definite(v.text("post-title"));
        vars_["post-lower"] = lowerFirst(v.text("post-title"));
        vars_["post-def"] = lowerFirst(def);
        vars_["Post-def"] = upperFirst(def);
    }

    doc::Blocks run() {
        wording("intro");

        heading(2, "position-heading");
        wording("position");
        answer(v_, "leading-position");

        heading(2, "leadership-heading");
        wording("leadership");
        answer(v_, "leadership");
        topic(3, "coordination");
        topic(3, "heads-of-department");

        bool tasksHeading = false;
        for (const char* t : kTaskTopics) {
            if (trim(v_.text(t)).empty()) continue;
            if (!tasksHeading) {
                heading(2, "tasks-heading");
                wording("tasks");
                tasksHeading = true;
            }
            topic(3, t);
        }
        if (!v_.list("task").empty()) {
            heading(tasksHeading ? 3 : 2, "other-tasks-heading");
            doc::List list;
            for (const auto& t : v_.list("task")) list.items.push_back({{doc::value(t.text, t.where)}, {}});
            out_.push_back(std::move(list));
        }

        if (!v_.rows("post").empty()) {
            heading(2, "posts-heading");
            wording("posts");
            doc::Table t;
            t.weights = {1.3, 3, 2, 2.5, 2.5};
            t.header.push_back({doc::runs(w_.get("col-id")), doc::runs(w_.get("col-title")),
                                doc::runs(w_.get("col-kind")), doc::runs(w_.get("col-unit")),
                                doc::runs(w_.get("col-reports-to"))});
            for (const auto& p : v_.rows("post"))
                t.rows.push_back({{doc::value(p.text("id"), p.whereOf("id"))},
                                  {doc::value(p.text("title"), p.whereOf("title"))},
                                  doc::runs(w_.get("kind-" + p.text("kind"))),
                                  p.has("unit") ? doc::Runs{doc::value(p.text("unit"), p.whereOf("unit"))} : doc::runs("–"),
                                  p.has("reports-to") ? doc::Runs{doc::value(postTitle(p.text("reports-to")))}
                                                      : doc::runs("–")});
            out_.push_back(std::move(t));
        }

        heading(2, "acting-heading");
        if (const Record* a = v_.group("acting")) {
            auto vars = vars_;
            vars["acting"] = postTitle(a->text("post"));
            vars["acting-lower"] = lowerFirst(vars["acting"]);
            vars["acting-def"] = definite(vars["acting"]);
            wording("acting", vars);
            if (a->has("second")) {
                vars["second"] = postTitle(a->text("second"));
                vars["second-def"] = definite(vars["second"]);
                wording("acting-second", vars);
            }
            answer(*a, "scope");
        } else {
            wording("acting-missing");
        }

        heading(2, "powers-heading");
        if (v_.has("delegation-order")) {
            auto vars = vars_;
            vars["delegation-order"] = v_.text("delegation-order");
            wording("powers-reference", vars);
        } else {
            wording("powers");
        }
        answer(v_, "powers");

        heading(2, "reporting-heading");
        wording("reporting");
        if (const auto every = v_.duration("reporting-every")) {
            auto vars = vars_;
            vars["interval"] = describeDuration(*every, ctx_.lang);
            wording("reporting-every", vars);
        }
        answer(v_, "reporting");

        heading(2, "adoption-heading");
        const Registration& reg = ctx_.registration;
        if (reg.adopted) {
            auto vars = vars_;
            vars["body"] = reg.body.empty() ? ctx_.organisation.board : reg.body;
            vars["date"] = longDate(*reg.adopted, ctx_.lang);
            vars["minutes"] = reg.minutes;
            wording(reg.minutes.empty() ? "adoption" : "adoption-minutes", vars);
        } else {
            wording("adoption-draft");
        }
        if (v_.has("replaces")) {
            auto vars = vars_;
            vars["replaces"] = v_.text("replaces");
            wording("replaces", vars);
        }
        return std::move(out_);
    }

private:
    std::string postTitle(const std::string& id) {
        auto it = posts_.find(id);
        return it == posts_.end() ? id : it->second->text("title");
    }
    void heading(int level, const std::string& key) { out_.push_back(doc::Heading{level, doc::runs(w_.get(key))}); }
    void wording(const std::string& key) { wording(key, vars_); }
    void wording(const std::string& key, const std::map<std::string, std::string>& vars) {
        compose::addWording(out_, w_, key, vars);
    }
    void answer(const Record& r, const std::string& name) {
        compose::addAnswer(out_, r.text(name), r.whereOf(name));
    }
    // A topic: its heading and lead text from the wording, then the board's own text.
    void topic(int level, const std::string& name) {
        if (trim(v_.text(name)).empty()) return;
        heading(level, name + "-heading");
        if (w_.has(name)) wording(name);
        answer(v_, name);
    }

    const Record& v_;
    const Context& ctx_;
    const Wording& w_;
    std::map<std::string, const Record*> posts_;
    std::map<std::string, std::string> vars_;
    doc::Blocks out_;
};

}  // namespace

doc::Blocks DirectorInstructionPlugin::render(const Record& values, const Context& ctx, const Wording& wording) const {
    return Renderer(values, ctx, wording).run();
}

}  // namespace overens::instruction
