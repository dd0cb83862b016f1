#include "instruction_plugin.hpp"

namespace overens::instruction {

namespace {

Field prose(const std::string& name, const std::string& lsv, const std::string& len, const std::string& hsv,
            const std::string& hen) {
    return field(name, FieldType::Multiline, false, lsv, len, hsv, hen);
}

}  // namespace

Schema DirectorInstructionPlugin::schema() const {
    Field postKind = field("kind", FieldType::Enum, true, "Slag", "Kind",
                           "Vilket slags befattning det är.", "What kind of post it is.");
    postKind.choices = {{"director", "Direktör", "Director"},
                        {"deputy-director", "Biträdande direktör", "Deputy director"},
                        {"head-of-department", "Förvaltningschef", "Head of department"},
                        {"employee", "Annan befattning", "Other post"}};
    Field post = field("post", FieldType::Table, false, "Befattning", "Post",
                       "En befattning i förvaltningsorganisationen som direktören leder. Delegationsordningen "
                       "hänvisar till befattningarna med deras id, så använd samma id där.",
                       "A post in the administration the director leads. The delegation order refers to the posts "
                       "by their ids, so use the same ids there.");
    post.fields = {text("id", true, "Id", "Id", "Ett kort namn, t.ex. \"ekchef\".", "A short name, e.g. \"cfo\"."),
                   text("title", true, "Benämning", "Title", "Befattningens benämning.", "The post's title."),
                   postKind,
                   text("unit", false, "Enhet", "Unit", "Förvaltning eller enhet som befattningen hör till.",
                        "The administration or unit the post belongs to."),
                   field("reports-to", FieldType::Role, false, "Närmaste chef", "Reports to",
                         "Id för den befattning som är närmaste chef.", "The id of the post it reports to.")};

    Field acting = field("acting", FieldType::Group, false, "Ställföreträdare", "Acting director",
                         "Vem som är tillförordnad direktör när direktören är borta, i vilken ordning och med "
                         "vilka befogenheter.",
                         "Who acts as director when the director is away, in which order and with which powers.");
    acting.fields = {
        field("post", FieldType::Role, true, "Första ersättare", "First substitute",
              "Id för den befattning som i första hand är tillförordnad direktör.",
              "The id of the post that acts as director in the first place."),
        field("second", FieldType::Role, false, "Andra ersättare", "Second substitute",
              "Id för den befattning som går in när även den första ersättaren är borta.",
              "The id of the post that steps in when the first substitute is away too."),
        prose("scope", "Befogenheter", "Powers",
              "Vad den tillförordnade får göra, t.ex. hela direktörens beslutanderätt eller bara det som inte kan "
              "vänta.",
              "What the acting director may do, e.g. all of the director's powers or only what cannot wait.")};

    Field task = field("task", FieldType::List, false, "Övrig uppgift", "Other task",
                       "En uppgift som styrelsen ger direktören utöver det som står ovan. Ett element per uppgift.",
                       "A task the board gives the director beyond what is written above. One element per task.");
    task.item = FieldType::Multiline;

    return Schema{{
        text("post-title", true, "Benämning", "Title of the post",
             "Vad direktören kallas hos er, t.ex. \"Kommundirektör\" eller \"Regiondirektör\" (7 kap. 1 § andra "
             "stycket).",
             "What the director is called in your organisation, e.g. \"Chief Executive\" (Chapter 7, Section 1, "
             "second paragraph)."),
        text("post-title-definite", false, "Benämning i bestämd form", "Title, definite form",
             "Benämningen i bestämd form när den inte bildas med -en, t.ex. \"stadsdirektören\". Används i den "
             "svenska texten.",
             "The Swedish definite form of the title when it is not formed with -en. Used in Swedish text only."),
        text("administration", true, "Förvaltningen", "The administration",
             "Den förvaltning under styrelsen som direktören är chef för, t.ex. \"kommunledningsförvaltningen\".",
             "The administration under the board that the director heads, e.g. \"the executive office\"."),
        prose("leading-position", "Ledande ställning", "Leading position",
              "Vad den ledande ställningen innebär hos er, utöver lagens ord.",
              "What the leading position means in your organisation, beyond the words of the law."),
        prose("leadership", "Hur förvaltningen leds", "How the administration is led",
              "Hur direktören leder förvaltningen: ledningsgrupp, styrning, mål och uppföljning. Krävs enligt "
              "7 kap. 2 §.",
              "How the director leads the administration: management team, steering, goals and follow-up. "
              "Required by Chapter 7, Section 2."),
        prose("coordination", "Samordning", "Coordination",
              "Hur direktören samordnar förvaltningarna och de kommunala bolagen.",
              "How the director coordinates the administrations and the municipal companies."),
        prose("heads-of-department", "Förvaltningschefer", "Heads of department",
              "Direktörens roll som chef för förvaltningscheferna.", "The director's role as head of the heads of "
                                                                      "department."),
        prose("preparation", "Beredning av ärenden", "Preparation of cases",
              "Hur ärenden bereds till styrelsen och vem som ansvarar för underlagen.",
              "How cases are prepared for the board and who is responsible for the papers."),
        prose("implementation", "Verkställighet", "Implementation",
              "Hur styrelsens beslut verkställs och återrapporteras.",
              "How the board's decisions are carried out and reported back."),
        prose("economy", "Ekonomi", "Economy", "Direktörens ansvar för budget, prognoser och ekonomisk styrning.",
              "The director's responsibility for budget, forecasts and financial control."),
        prose("employer", "Arbetsgivarrollen", "Employer role",
              "Direktörens ansvar som arbetsgivarföreträdare: personalpolitik, arbetsmiljö, förhandlingar.",
              "The director's responsibility as employer: staff policy, working environment, negotiations."),
        prose("crisis", "Krisledning", "Crisis management",
              "Direktörens uppgifter vid en samhällsstörning, kris eller höjd beredskap.",
              "The director's tasks in a disruption, a crisis or heightened alert."),
        prose("external", "Externa kontakter och media", "External relations and media",
              "Hur direktören företräder organisationen utåt och i kontakter med media.",
              "How the director represents the organisation outwards and with the media."),
        prose("political", "Förhållandet till ordföranden och den politiska organisationen",
              "Relation to the chair and the political organisation",
              "Hur direktören och ordföranden arbetar tillsammans och hur kontakterna med de förtroendevalda ser ut.",
              "How the director and the chair work together and how contacts with elected members work."),
        task,
        post,
        acting,
        prose("powers", "Befogenheter", "Powers",
              "Direktörens beslutanderätt. Den följer av delegationsordningen; beskriv här bara det som behövs "
              "utöver den.",
              "The director's power to decide. It follows from the delegation order; describe here only what is "
              "needed beyond it."),
        text("delegation-order", false, "Delegationsordning", "Delegation order",
             "Diarienummer eller namn på den delegationsordning som gäller, t.ex. \"KS 2027/0099\".",
             "Registration number or name of the delegation order in force, e.g. \"KS 2027/0099\"."),
        prose("reporting", "Uppföljning och rapportering", "Follow-up and reporting",
              "Hur direktören håller styrelsen informerad och hur uppdraget följs upp.",
              "How the director keeps the board informed and how the assignment is followed up."),
        field("reporting-every", FieldType::Duration, false, "Rapporteringsintervall", "Reporting interval",
              "Hur ofta direktören rapporterar till styrelsen, t.ex. P1M för varje månad.",
              "How often the director reports to the board, e.g. P1M for every month."),
        text("replaces", false, "Ersätter", "Replaces",
             "Den tidigare instruktion som upphör att gälla, t.ex. \"KS 2023/0311\".",
             "The earlier instruction that ceases to apply, e.g. \"KS 2023/0311\"."),
    }};
}

}  // namespace overens::instruction
