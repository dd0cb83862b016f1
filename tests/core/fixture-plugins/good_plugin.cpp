// A well-behaved fixture plugin with one field of every type, for the core's tests.
#include <stdexcept>

#include "overens/sdk.hpp"

namespace fixture_good {

using namespace overens;

class GoodPlugin : public SectionPlugin {
public:
    PluginInfo info() const override { return {"fixture", "1.2.3", "Testavsnitt", "Test section"}; }

    Schema schema() const override {
        Field level = field("level", FieldType::Enum, false, "Nivå", "Level");
        level.choices = {{"low", "låg", "low"}, {"high", "hög", "high"}};
        Field items = field("item", FieldType::List, false, "Punkt", "Item");
        Field rows = field("row", FieldType::Table, false, "Rad", "Row");
        rows.fields = {text("name", true, "Namn", "Name"), field("due", FieldType::Date, false, "Datum", "Date")};
        Field info = field("info", FieldType::Group, false, "Info", "Info");
        info.fields = {field("count", FieldType::Integer, false, "Antal", "Count")};
        return Schema{{text("title", true, "Rubrik", "Title"), field("body", FieldType::Multiline, false, "Text", "Text"),
                       field("due", FieldType::Date, false, "Datum", "Date"),
                       field("every", FieldType::Duration, false, "Intervall", "Interval"),
                       field("contact", FieldType::Email, false, "E-post", "E-mail"), level,
                       field("urgent", FieldType::Boolean, false, "Brådskande", "Urgent"),
                       field("amount", FieldType::Number, false, "Belopp", "Amount"), items, rows, info}};
    }

    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override {
        if (values.text("title") == "throw") throw std::runtime_error("the fixture was asked to throw");
        if (values.list("item").empty())
            out.warning("fixture.no-items", values.where, "inga punkter", "no items");
        if (values.text("title") == "bad")
            out.error("fixture.bad-title", values.whereOf("title"), ctx.tr("dålig rubrik", "bad title"),
                      "bad title");
    }

    doc::Blocks render(const Record& values, const Context&, const Wording& wording) const override {
        doc::Blocks out;
        out.push_back(doc::Paragraph{{doc::plain(wording.get("intro") + " "), doc::value(values.text("title"))}});
        doc::List list;
        for (const auto& item : values.list("item")) list.items.push_back({doc::runs(item.text), {}});
        if (!list.items.empty()) out.push_back(list);
        doc::Table table;
        table.header.push_back({doc::runs(wording.get("name")), doc::runs(wording.get("due"))});
        for (const auto& row : values.rows("row"))
            table.rows.push_back({doc::runs(row.text("name")), doc::runs(row.date("due") ? row.date("due")->iso() : "")});
        if (!table.rows.empty()) out.push_back(table);
        return out;
    }

    void publish(const Record& values, const Context&, Facts& out) const override {
        out["fixture.title"].insert(values.text("title"));
    }
};

}  // namespace fixture_good

OVERENS_PLUGIN(fixture_good::GoodPlugin)
