#include "overens/compose.hpp"
#include "delegation_plugin.hpp"

#include <utility>

namespace overens::delegation {

namespace {

// A list whose items are the template keys prefix1..prefixN, with the section's placeholders.
void keyList(doc::Blocks& out, const Wording& w, const std::string& prefix, int n,
             const std::map<std::string, std::string>& vars) {
    doc::List list;
    list.ordered = true;
    for (int i = 1; i <= n; ++i) list.items.push_back({doc::runs(w.format(prefix + std::to_string(i), vars)), {}});
    out.push_back(std::move(list));
}

class Renderer {
public:
    Renderer(const Record& v, const Context& ctx, const Wording& w) : v_(v), ctx_(ctx), w_(w), roles_(rolesById(v)) {}

    doc::Blocks run() {
        // A committee's own order speaks of that committee ("nämnden"), the board's of the board.
        const std::string committee = v_.text("committee");
        const bool board = committee.empty() || lowerSv(committee) == lowerSv(ctx_.organisation.board);
        const std::string owner = w_.get(board ? "owner-board" : "owner-committee");
        const std::string ownerGen = w_.get(board ? "owner-board-gen" : "owner-committee-gen");
        std::string ownerCap = owner;
        if (!ownerCap.empty() && ownerCap[0] >= 'a' && ownerCap[0] <= 'z') ownerCap[0] = static_cast<char>(ownerCap[0] - 32);
        vars_ = {{"board", board ? ctx_.organisation.board : committee},
                 {"organisation", ctx_.organisation.name},
                 {"owner", owner},
                 {"Owner", ownerCap},
                 {"owner-gen", ownerGen}};
        const auto& vars = vars_;
        if (v_.has("introduction"))
            compose::addAnswer(out_, v_.text("introduction"), v_.whereOf("introduction"));
        else
            compose::addWording(out_, w_, "intro", vars);

        heading(2, "general-heading");
        compose::addWording(out_, w_, "general-intro", vars);
        heading(3, "not-delegable-heading");
        compose::addWording(out_, w_, "not-delegable", vars);
        keyList(out_, w_, "not-delegable-", 5, vars);
        heading(3, "automated-heading");
        compose::addWording(out_, w_, "automated", vars);
        keyList(out_, w_, "automated-", 4, vars);
        heading(3, "urgent-heading");
        compose::addWording(out_, w_, "urgent", vars);
        heading(3, "reporting-heading");
        compose::addWording(out_, w_, "reporting", vars);
        if (v_.has("reporting"))
            compose::addWording(out_, w_, "reporting-default",
                                {{"reporting", w_.format("reporting-" + v_.text("reporting"), vars)}});
        if (v_.has("reporting-routine")) compose::addAnswer(out_, v_.text("reporting-routine"), v_.whereOf("reporting-routine"));
        heading(3, "sub-delegation-heading");
        compose::addWording(out_, w_, "sub-delegation", vars);
        heading(3, "conflicts-heading");
        compose::addWording(out_, w_, "conflicts", vars);
        heading(3, "substitutes-heading");
        compose::addWording(out_, w_, "substitutes", vars);
        heading(3, "execution-heading");
        compose::addWording(out_, w_, "execution", vars);
        heading(3, "appeals-heading");
        compose::addWording(out_, w_, "appeals", vars);
        if (!v_.list("local-rule").empty()) {
            heading(3, "local-heading");
            for (const auto& r : v_.list("local-rule")) compose::addAnswer(out_, r.text, r.where);
        }

        heading(2, "roles-heading");
        compose::addWording(out_, w_, "roles-intro", vars);
        doc::Table roles;
        roles.weights = {1.2, 4, 2.4};
        roles.header.push_back({doc::runs(w_.get("col-role-id")), doc::runs(w_.get("col-role-title")),
                                doc::runs(w_.get("col-role-kind"))});
        for (const auto& r : v_.rows("role")) {
            doc::Runs title{doc::value(r.text("title"), r.whereOf("title"))};
            if (r.has("note")) title.push_back(doc::plain(" (" + r.text("note") + ")"));
            roles.rows.push_back({{doc::value(r.text("abbreviation", r.text("id")))}, title,
                                  doc::runs(w_.get("kind-" + r.text("kind")))});
        }
        out_.push_back(std::move(roles));

        heading(2, "table-heading");
        compose::addWording(out_, w_, "table-intro", vars);
        for (const auto& area : v_.rows("area")) renderArea(area);
        return std::move(out_);
    }

private:
    void heading(int level, const std::string& key) { out_.push_back(doc::Heading{level, doc::runs(w_.get(key))}); }

    std::string titles(const std::string& ids) {
        const RoleRef ref = parseRoles(ids);
        std::string s;
        for (std::size_t i = 0; i < ref.ids.size(); ++i) {
            // The template loader trims texts, so the spaces around "eller"/"och" are added here.
            if (i) s += i + 1 == ref.ids.size() ? " " + w_.get(ref.joint ? "and-jointly" : "or") + " " : ", ";
            auto it = roles_.find(ref.ids[i]);
            s += it == roles_.end() ? ref.ids[i] : it->second->text("abbreviation", it->second->text("title"));
        }
        if (ref.joint && ref.ids.size() > 1) s += " " + w_.get("jointly");
        return s;
    }

    void renderArea(const Record& area) {
        // The area's own number leads its rows' numbers ("3" -> "3.1", "3.2"): the writers' heading
        // numbering would put a second number in front of it.
        out_.push_back(doc::Heading{3, {doc::value(area.text("number") + " " + area.text("title"), area.whereOf("title"))}, false});
        if (area.has("intro")) compose::addAnswer(out_, area.text("intro"), area.whereOf("intro"));
        doc::Table t;
        // Abbreviated delegates need narrow columns; full titles need room.
        bool abbreviated = true;
        for (const auto& [id, r] : roles_) abbreviated = abbreviated && r->has("abbreviation");
        t.weights = abbreviated ? std::vector<double>{0.7, 4.6, 1.6, 1.6, 1.8, 1.6, 2.6}
                                : std::vector<double>{0.7, 3.6, 2.6, 2.6, 1.6, 1.8, 2.2};
        t.header.push_back({doc::runs(w_.get("col-number")), doc::runs(w_.get("col-matter")),
                            doc::runs(w_.get("col-delegate")), doc::runs(w_.get("col-substitute")),
                            doc::runs(w_.get("col-legal-basis")), doc::runs(w_.get("col-reporting")),
                            doc::runs(w_.get("col-note"))});
        const std::string subAllowed = w_.get("sub-delegation-allowed");
        const std::string urgentLabel = w_.get("urgent-label");
        for (const auto& row : area.rows("delegation")) {
            doc::Runs matter{doc::value(row.text("matter"), row.whereOf("matter"))};
            if (row.flag("urgent")) {
                matter.push_back(doc::plain(" "));
                matter.push_back(doc::emph("(" + urgentLabel + ")"));
            }
            doc::Runs note;
            auto add = [&](doc::Run r) {
                if (!note.empty()) note.push_back(doc::plain("; "));
                note.push_back(std::move(r));
            };
            if (row.has("limit")) add(doc::value(row.text("limit"), row.whereOf("limit")));
            if (row.flag("sub-delegation")) {
                add(doc::plain(subAllowed));
                if (row.has("sub-delegate")) note.push_back(doc::value(": " + titles(row.text("sub-delegate"))));
            }
            if (row.has("note")) add(doc::value(row.text("note"), row.whereOf("note")));
            std::string reporting = row.flag("urgent") ? "next-meeting" : reportingOf(row, v_);
            t.rows.push_back({{doc::value(row.text("number"), row.whereOf("number"))},
                              std::move(matter),
                              {doc::value(titles(row.text("delegate")), row.whereOf("delegate"))},
                              row.has("substitute") ? doc::Runs{doc::value(titles(row.text("substitute")), row.whereOf("substitute"))}
                                                    : doc::runs("–"),
                              row.has("legal-basis") ? doc::Runs{doc::value(row.text("legal-basis"), row.whereOf("legal-basis"))} : doc::runs("–"),
                              doc::runs(reporting.empty() ? "–" : w_.get("reporting-short-" + reporting)),
                              note.empty() ? doc::runs("–") : std::move(note)});
        }
        out_.push_back(std::move(t));
    }

    const Record& v_;
    const Context& ctx_;
    const Wording& w_;
    std::map<std::string, const Record*> roles_;
    std::map<std::string, std::string> vars_;
    doc::Blocks out_;
};

}  // namespace

doc::Blocks DelegationOrderPlugin::render(const Record& values, const Context& ctx, const Wording& wording) const {
    return Renderer(values, ctx, wording).run();
}

}  // namespace overens::delegation
