// How a form asks for the delegation order, as the board's secretariat drafts it: the frame and
// the reporting of decisions, the delegates as roles, then area by area the delegated matters.
// Fields the schema gains later are appended to the last step by the SDK.
#include "delegation_plugin.hpp"

namespace overens::delegation {

Interview DelegationOrderPlugin::interview() const {
    Step frame = step("frame", "Ramar och anmälan", "Frame and reporting",
                      {"introduction", "reporting", "reporting-routine", "local-rule"},
                      "Vad delegationsordningen omfattar och hur besluten som fattas med stöd av den anmäls till "
                      "styrelsen.",
                      "What the delegation order covers and how the decisions taken under it are reported to the "
                      "board.");
    frame.prompts_sv = {"Vilka beslut vill styrelsen fatta själv, även där de får delegeras?",
                        "Hur och när anmäls besluten, och vem sammanställer dem?"};
    frame.prompts_en = {"Which decisions does the board want to take itself, even where they may be delegated?",
                        "How and when are the decisions reported, and who compiles them?"};

    Step roles = step("roles", "Delegater", "Delegates", {"role"},
                      "Alla som får beslutanderätt, som roller: ordföranden, utskott, befattningar.",
                      "Everyone given the right to decide, as roles: the chair, committees, posts.");
    roles.prompts_sv = {"Stämmer befattningarna med organisationen i dag och med instruktionen för direktören?"};
    roles.prompts_en = {"Do the posts match today's organisation and the director's instruction?"};

    Step areas = step("areas", "Delegerade ärenden", "Delegated matters", {"area"},
                      "Område för område: vilka ärenden som delegeras, till vem och med vilka gränser.",
                      "Area by area: which matters are delegated, to whom and within which limits.");
    areas.prompts_sv = {"Vilka ärenden kommer ofta och behöver avgöras snabbt?",
                        "Var behövs en beloppsgräns eller annan begränsning?",
                        "Vem beslutar när delegaten är borta?"};
    areas.prompts_en = {"Which matters come often and need a quick decision?",
                        "Where is a limit in money or otherwise needed?", "Who decides when the delegate is away?"};

    Interview i;
    i.steps = {frame, roles, areas};
    i.hints = {
        {"introduction", "Styrelsen delegerar för att ärenden ska avgöras snabbt och nära verksamheten.",
         "The board delegates so that matters are settled quickly and close to the services."},
        {"reporting-routine", "Besluten anmäls som en lista vid styrelsens nästa ordinarie sammanträde.",
         "The decisions are reported as a list at the board's next ordinary meeting."},
        {"local-rule", "Ett beslut som avviker från styrelsens riktlinjer fattas av styrelsen själv.",
         "A decision that departs from the board's guidelines is taken by the board itself."},
        {"role.id", "ekonomichef", "finance-director"},
        {"role.title", "Ekonomichef", "Finance director"},
        {"role.abbreviation", "EC", "FD"},
        {"area.number", "4", "4"},
        {"area.title", "Ekonomi", "Finance"},
        {"area.delegation.number", "4.1", "4.1"},
        {"area.delegation.matter", "Placering av likvida medel enligt finanspolicyn",
         "Investing liquid funds under the finance policy"},
        {"area.delegation.delegate", "ekonomichef", "finance-director"},
        {"area.delegation.substitute", "kommundirektor", "director"},
        {"area.delegation.legal-basis", "6 kap. 37 § KL", "6:37 Local Government Act"},
        {"area.delegation.sub-delegate", "redovisningschef", "chief-accountant", HeaderValue::None,
         {"sub-delegation", {"ja"}}},
        {"area.delegation.limit", "högst 10 prisbasbelopp", "at most 10 price base amounts"},
    };
    return i;
}

}  // namespace overens::delegation
