#include "delegation_plugin.hpp"

namespace overens::delegation {

namespace {

Field reportingField(bool required) {
    Field f = field("reporting", FieldType::Enum, required, "Anmälan", "Reporting",
                    "Hur besluten redovisas för styrelsen: report = anmäls till styrelsen, next-meeting = anmäls "
                    "vid nästa sammanträde, minute = anmäls inte men protokollförs särskilt, none = varken anmäls "
                    "eller protokollförs (bara för beslut som inte kan överklagas enligt 13 kap. kommunallagen).",
                    "How the decisions are accounted for to the board: report = reported to the board, "
                    "next-meeting = reported at the next meeting, minute = not reported but minuted separately, "
                    "none = neither reported nor minuted (only for decisions that cannot be appealed under "
                    "Chapter 13 of the Local Government Act).");
    f.choices = {{"report", "Anmäls till styrelsen", "Reported to the board"},
                 {"next-meeting", "Anmäls vid nästa sammanträde", "Reported at the next meeting"},
                 {"minute", "Protokollförs särskilt", "Minuted separately"},
                 {"none", "Ingen anmälan", "Not reported"}};
    return f;
}

}  // namespace

Schema DelegationOrderPlugin::schema() const {
    Field roleKind = field("kind", FieldType::Enum, true, "Slag av delegat", "Kind of delegate",
                           "Vilken sorts delegat rollen är. Kommunallagen tillåter presidiet, ett utskott, en "
                           "ledamot, en ersättare, en automatiserad beslutsfunktion (6 kap. 37 §) och en anställd "
                           "(7 kap. 5 §).",
                           "What kind of delegate the role is. The Local Government Act allows the presidium, a "
                           "committee, a member, a substitute, an automated decision function (Chapter 6, "
                           "Section 37) and an employee (Chapter 7, Section 5).");
    roleKind.choices = {{"chair", "Ordförande", "Chair"},
                        {"vice-chair", "Vice ordförande", "Vice chair"},
                        {"member", "Ledamot", "Member"},
                        {"substitute", "Ersättare", "Substitute member"},
                        {"presidium", "Presidiet", "Presidium"},
                        {"committee", "Utskott", "Committee"},
                        {"automated", "Automatiserad beslutsfunktion", "Automated decision function"},
                        {"director", "Direktör", "Director"},
                        {"head-of-department", "Förvaltningschef", "Head of department"},
                        {"employee", "Anställd", "Employee"},
                        {"other-committee", "Annan nämnd", "Another committee of the council"},
                        {"contractor", "Uppdragstagare utanför organisationen", "Contractor outside the organisation"}};

    Field role = field("role", FieldType::Table, true, "Roll", "Role",
                       "En roll som delegationsordningen använder, t.ex. ordförande eller ekonomichef. Delegater "
                       "anges alltid som roller, aldrig som namngivna personer.",
                       "A role the delegation order uses, e.g. the chair or the finance director. Delegates are "
                       "always given as roles, never as named people.");
    role.fields = {text("id", true, "Id", "Id",
                        "Ett kort namn som tabellen hänvisar till, t.ex. \"ekchef\".",
                        "A short name the table refers to, e.g. \"cfo\"."),
                   text("title", true, "Benämning", "Title", "Rollens benämning så som den står i dokumentet.",
                        "The role's title as the document shows it."),
                   text("abbreviation", false, "Förkortning", "Abbreviation",
                        "En kort beteckning som förteckningen visar i stället för hela benämningen, t.ex. \"KSO\" "
                        "för kommunstyrelsens ordförande. Rolltabellen förklarar förkortningarna.",
                        "A short label the list shows instead of the full title, e.g. \"CEO\". The role table "
                        "explains the abbreviations."),
                   roleKind,
                   text("note", false, "Anmärkning", "Note", "Något som behöver sägas om rollen.",
                        "Anything that needs saying about the role.")};

    Field category = field("category", FieldType::Enum, false, "Kategori enligt 6 kap. 38 §",
                           "Category under Chapter 6, Section 38",
                           "Om ärendet hör till någon av grupperna i 6 kap. 38 §. De fem första får inte delegeras "
                           "alls; de fyra sista får inte delegeras till en automatiserad beslutsfunktion. "
                           "\"delegable\" betyder att styrelsen prövat saken och bedömt ärendet delegerbart.",
                           "Whether the matter belongs to one of the groups of Chapter 6, Section 38. The first "
                           "five may not be delegated at all; the last four may not be delegated to an automated "
                           "decision function. \"delegable\" means the board has considered it and found the "
                           "matter delegable.");
    category.choices = {
        {"delegable", "Prövat och delegerbart", "Considered and delegable"},
        {"goals-direction-scope-quality", "Verksamhetens mål, inriktning, omfattning eller kvalitet",
         "The activity's goals, direction, scope or quality"},
        {"council-submissions", "Framställningar eller yttranden till fullmäktige",
         "Submissions or statements to the council"},
        {"appeal-statements", "Yttranden över överklagade beslut av styrelsen i dess helhet eller av fullmäktige",
         "Statements on appeals against decisions of the whole board or of the council"},
        {"principle-authority", "Myndighetsutövning av principiell beskaffenhet eller större vikt",
         "Exercise of public authority of a matter of principle or greater importance"},
        {"citizen-proposal", "Medborgarförslag", "Citizens' proposals"},
        {"forbidden-by-law", "Får enligt lag eller annan författning inte delegeras",
         "May not be delegated under another law or statute"},
        {"appealable-13", "Beslut som överklagas enligt 13 kap.", "Decisions appealed under Chapter 13"},
        {"not-appealable", "Beslut som enligt lag inte får överklagas", "Decisions that by law cannot be appealed"},
        {"procurement", "Upphandling", "Procurement"},
        {"authorisation-choice", "Auktorisations- eller valfrihetssystem", "Authorisation or choice system"}};

    Field appeal = field("appeal", FieldType::Enum, false, "Överklagande", "Appeal",
                         "Hur beslutet kan överklagas: kl13 = laglighetsprövning enligt 13 kap. kommunallagen, "
                         "administrative = förvaltningsbesvär enligt förvaltningslagen eller en speciallag, "
                         "none = kan inte överklagas (t.ex. ren verkställighet).",
                         "How the decision can be appealed: kl13 = review of legality under Chapter 13 of the "
                         "Local Government Act, administrative = administrative appeal under the "
                         "Administrative Procedure Act or a special act, none = cannot be appealed (e.g. pure "
                         "execution).");
    appeal.choices = {{"kl13", "Laglighetsprövning (13 kap. KL)", "Review of legality (Ch. 13 LGA)"},
                      {"administrative", "Förvaltningsbesvär", "Administrative appeal"},
                      {"none", "Kan inte överklagas", "Cannot be appealed"}};

    Field row = field("delegation", FieldType::Table, true, "Delegerat ärende", "Delegated matter",
                      "En rad i delegationsordningen: ett ärende eller en grupp av ärenden och vem som beslutar.",
                      "One row of the delegation order: a matter or a group of matters and who decides.");
    row.fields = {
        text("number", true, "Nummer", "Number",
             "Radens nummer, unikt i hela ordningen, t.ex. \"3.12\".",
             "The row's number, unique in the whole order, e.g. \"3.12\"."),
        text("matter", true, "Ärende", "Matter",
             "Vad delegaten får besluta om, så konkret att den som läser förstår gränsen.",
             "What the delegate may decide, concrete enough for the reader to see the limit."),
        text("delegate", true, "Delegat", "Delegate",
             "Rollens id. Flera roller som var för sig får besluta skrivs med komma (\"ekchef, redovchef\"); "
             "roller som beslutar tillsammans skrivs med plus (\"ordf + vordf\").",
             "The role's id. Several roles that may each decide alone are separated by commas "
             "(\"cfo, controller\"); roles that decide together are joined by a plus (\"chair + vice\")."),
        text("substitute", false, "Ersättare", "Substitute",
             "Den roll som beslutar när delegaten har förhinder.",
             "The role that decides when the delegate is prevented."),
        text("legal-basis", false, "Lagrum", "Legal basis",
             "Det lagrum eller styrdokument som ärendet vilar på, t.ex. \"LOU 4 kap.\".",
             "The provision or policy the matter rests on, e.g. \"LOU Chapter 4\"."),
        category,
        appeal,
        field("urgent", FieldType::Boolean, false, "Brådskande ärende", "Urgent matter",
              "Ja om raden gäller beslut i ärenden som är så brådskande att styrelsens avgörande inte kan "
              "avvaktas (6 kap. 39 §).",
              "Yes when the row covers matters so urgent that the board's decision cannot be awaited "
              "(Chapter 6, Section 39)."),
        field("sub-delegation", FieldType::Boolean, false, "Vidaredelegering tillåten", "Sub-delegation allowed",
              "Ja om förvaltningschefen får uppdra åt en annan anställd att besluta (7 kap. 6 §).",
              "Yes when the head of department may pass the decision on to another employee "
              "(Chapter 7, Section 6)."),
        text("sub-delegate", false, "Vidaredelegat", "Sub-delegate",
             "Den eller de roller förvaltningschefen har vidaredelegerat till, om det är känt.",
             "The role or roles the head of department has passed the matter on to, where known."),
        reportingField(false),
        text("limit", false, "Begränsning", "Limit",
             "Beloppsgräns eller annan begränsning, t.ex. \"högst 5 prisbasbelopp\".",
             "An amount or other limit, e.g. \"at most 5 price base amounts\"."),
        text("note", false, "Anmärkning", "Note", "Något annat som läsaren behöver veta om raden.",
             "Anything else the reader needs to know about the row.")};

    Field area = field("area", FieldType::Table, true, "Område", "Area",
                       "Ett område i delegationsordningen, t.ex. personal eller ekonomi, med sina rader.",
                       "An area of the delegation order, e.g. staff or economy, with its rows.");
    area.fields = {text("number", true, "Nummer", "Number", "Områdets nummer, t.ex. \"3\".",
                        "The area's number, e.g. \"3\"."),
                   text("title", true, "Rubrik", "Title", "Områdets rubrik, t.ex. \"Ekonomi\".",
                        "The area's heading, e.g. \"Economy\"."),
                   field("intro", FieldType::Multiline, false, "Inledning", "Introduction",
                         "Något som gäller alla rader i området.", "Anything that applies to every row of the area."),
                   row};

    Field localRule = field("local-rule", FieldType::List, false, "Egen regel", "Local rule",
                            "En allmän regel som styrelsen lägger till utöver standardtexten. Ett element per regel.",
                            "A general rule the board adds to the standard wording. One element per rule.");
    localRule.item = FieldType::Multiline;

    return Schema{{
        text("committee", false, "Nämnd", "Committee",
             "Den nämnd vars delegationsordning detta är, t.ex. \"Socialnämnden\". Lämna tomt för styrelsens egen "
             "ordning. Ordningen antas av samma nämnd, och rollerna avser dess ledamöter och dess förvaltningschef.",
             "The committee whose delegation order this is, e.g. \"Social Services Committee\". Leave it empty for "
             "the board's own order. The order is adopted by that committee, and its roles are that committee's "
             "members and head of department."),
        field("introduction", FieldType::Multiline, false, "Inledning", "Introduction",
              "Vad delegationsordningen omfattar och varför styrelsen delegerar, med egna ord.",
              "What the delegation order covers and why the board delegates, in your own words."),
        reportingField(false),
        field("reporting-routine", FieldType::Multiline, false, "Rutin för anmälan", "Reporting routine",
              "Hur och när delegationsbesluten anmäls till styrelsen, t.ex. genom listor ur ärendesystemet vid "
              "varje sammanträde.",
              "How and when delegated decisions are reported to the board, e.g. as lists from the case system at "
              "each meeting."),
        localRule,
        role,
        area,
    }};
}

}  // namespace overens::delegation
