#include "source/header_fields.hpp"

#include <map>

namespace overens {

namespace {

// The labels are the ones the reader has always used in its messages; help and examples are
// for the form.
Field withHelp(Field f, std::string help_sv, std::string help_en, std::string example_sv = {},
               std::string example_en = {}) {
    f.help_sv = std::move(help_sv);
    f.help_en = std::move(help_en);
    f.example_sv = std::move(example_sv);
    f.example_en = std::move(example_en);
    return f;
}

std::vector<Field> organisation() {
    Field type = withHelp(field("type", FieldType::Enum, true, "Typ", "Type"), "Kommun eller region.",
                          "Municipality or region.");
    type.choices = {{"kommun", "Kommun", "Municipality"}, {"region", "Region", "Region"}};
    return {type,
            withHelp(text("name", true, "Namn", "Name"), "Organisationens namn som det skrivs i dess egna beslut.",
                     "The organisation's name as its own decisions write it.", "Exempelby kommun",
                     "Exempelby Municipality"),
            withHelp(text("board", false, "Styrelse", "Board"),
                     "Den styrelse dokumentet gäller. Tomt: kommunstyrelsen eller regionstyrelsen.",
                     "The board the document concerns. Empty: the municipal or regional executive board.",
                     "Kommunstyrelsen", "Municipal Executive Board"),
            withHelp(text("board-en", false, "Styrelse (engelska)", "Board (English)"),
                     "Styrelsens namn på engelska, när dokumentet också ska finnas på engelska.",
                     "The board's name in English, when the document is also written in English.",
                     "Municipal Executive Board", "Municipal Executive Board")};
}

std::vector<Field> party() {
    return {withHelp(text("role", true, "Roll", "Role"),
                     "Partens roll i dokumentet: chair (ordföranden), director (direktören) eller en annan roll.",
                     "The party's role in the document: chair, director or another role.", "chair", "chair"),
            withHelp(text("name", true, "Namn", "Name"), "För- och efternamn.", "First and last name.",
                     "Anna Andersson", "Anna Andersson"),
            withHelp(text("title", false, "Titel", "Title"), "Titeln som den står under underskriften.",
                     "The title as it stands under the signature.", "Kommunstyrelsens ordförande",
                     "Chair of the Municipal Executive Board"),
            withHelp(field("email", FieldType::Email, false, "E-post", "E-mail"),
                     "Dit påminnelsen om omprövning skickas.", "Where the reminder of the review is sent.",
                     "anna.andersson@exempelby.se", "anna.andersson@exempelby.se")};
}

std::vector<Field> registration() {
    return {withHelp(text("dnr", false, "Diarienummer", "Registration number"), "Ärendets diarienummer.",
                     "The case's registration number.", "KS 2027/0042", "KS 2027/0042"),
            withHelp(field("adopted", FieldType::Date, false, "Antagen", "Adopted"),
                     "Dagen då dokumentet undertecknades eller beslutades.",
                     "The day the document was signed or decided.", "2027-01-20", "2027-01-20"),
            withHelp(text("body", false, "Beslutande organ", "Adopting body"),
                     "Det organ som fattade beslutet, när ett organ gjorde det.",
                     "The body that took the decision, when a body did.", "Kommunstyrelsen",
                     "Municipal Executive Board"),
            withHelp(text("minutes", false, "Protokoll", "Minutes"), "Paragrafen i protokollet.",
                     "The paragraph of the minutes.", "§ 12", "§ 12"),
            withHelp(text("version", false, "Version", "Version"), "Dokumentets version.",
                     "The document's version.", "1.0", "1.0")};
}

std::vector<Field> review() {
    return {withHelp(field("every", FieldType::Duration, false, "Intervall", "Interval"),
                     "Hur ofta dokumentet prövas på nytt, t.ex. P1Y för varje år. Tomt: dokumentslagets standard.",
                     "How often the document is reviewed, e.g. P1Y for every year. Empty: the kind's default.",
                     "P1Y", "P1Y"),
            withHelp(field("next", FieldType::Date, false, "Nästa", "Next"),
                     "Nästa omprövning. Tomt: ett intervall efter antagandet.",
                     "The next review. Empty: one interval after adoption.", "2028-01-20", "2028-01-20"),
            withHelp(field("notify-before", FieldType::Duration, false, "Påminn", "Notify"),
                     "Hur långt före omprövningen parterna påminns, t.ex. P30D.",
                     "How long before the review the parties are reminded, e.g. P30D.", "P30D", "P30D"),
            withHelp(field("recurring", FieldType::Boolean, false, "Återkommande", "Recurring"),
                     "Om omprövningen återkommer med samma intervall.", "Whether the review repeats at the same interval.")};
}

std::vector<Field> revision() {
    return {withHelp(text("version", true, "Version", "Version"), "Versionen ändringen gav.",
                     "The version the change made.", "1.1", "1.1"),
            withHelp(field("date", FieldType::Date, true, "Datum", "Date"), "Dagen för ändringen.",
                     "The day of the change.", "2027-06-01", "2027-06-01"),
            withHelp(text("author", false, "Av", "By"), "Vem som gjorde ändringen.", "Who made the change."),
            withHelp(text("note", false, "Ändring", "Change"), "Vad som ändrades.", "What was changed.")};
}

Field group(const std::string& name, FieldType type, bool required, const char* sv, const char* en,
            std::vector<Field> fields) {
    Field f = field(name, type, required, sv, en);
    f.fields = std::move(fields);
    return f;
}

}  // namespace

const std::vector<Field>& headerAttributes(const std::string& element) {
    static const std::map<std::string, std::vector<Field>> byElement{{"organisation", organisation()},
                                                                     {"party", party()},
                                                                     {"registration", registration()},
                                                                     {"review", review()},
                                                                     {"revision", revision()}};
    static const std::vector<Field> none;
    auto it = byElement.find(element);
    return it == byElement.end() ? none : it->second;
}

const std::vector<Field>& headerFields() {
    static const std::vector<Field> fields = [] {
        Field lang = withHelp(field("lang", FieldType::Enum, false, "Språk", "Language"),
                              "Dokumentets språk. Tomt: svenska.", "The document's language. Empty: Swedish.");
        lang.choices = {{"sv", "Svenska", "Swedish"}, {"en", "Engelska", "English"}};
        Field history = group("history", FieldType::Group, false, "Ändringar", "Changes",
                              {group("revision", FieldType::Table, false, "Version", "Revision",
                                     headerAttributes("revision"))});
        return std::vector<Field>{
            lang,
            group("organisation", FieldType::Group, true, "Organisation", "Organisation",
                  headerAttributes("organisation")),
            group("party", FieldType::Table, false, "Part", "Party", headerAttributes("party")),
            group("registration", FieldType::Group, false, "Diarieföring", "Registration",
                  headerAttributes("registration")),
            group("review", FieldType::Group, false, "Omprövning", "Review", headerAttributes("review")),
            history};
    }();
    return fields;
}

}  // namespace overens
