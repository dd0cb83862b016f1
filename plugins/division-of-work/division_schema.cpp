#include "division_plugin.hpp"

namespace overens::division {

Schema DivisionOfWorkPlugin::schema() const {
    Field owner = field("owner", FieldType::Enum, false, "Ägs av", "Owned by",
                        "Vem som äger området: chair (ordföranden, politiken), director (direktören, förvaltningen) "
                        "eller joint (gemensamt, den gyllene zonen). Varje område ska ha en ägare.",
                        "Who owns the area: chair (the chair, the politicians), director (the director, the "
                        "administration) or joint (together, the golden zone). Every area needs an owner.");
    owner.choices = {{"chair", "Ordföranden", "The chair"},
                     {"director", "Direktören", "The director"},
                     {"joint", "Gemensamt", "Jointly"}};

    Field area = field("area", FieldType::Table, true, "Område", "Area", "Ett ansvarsområde. Ett element per område.",
                       "An area of responsibility. One element per area.");
    area.fields = {
        text("name", true, "Område", "Area", "Områdets namn, t.ex. \"Budget och ekonomisk uppföljning\".",
             "The area's name, e.g. \"Budget and financial follow-up\"."),
        owner,
        field("politics", FieldType::Multiline, false, "Politikens del", "The politicians' part",
              "Vad politiken bestämmer i området och när.", "What the politicians decide in the area, and when."),
        field("administration", FieldType::Multiline, false, "Förvaltningens del", "The administration's part",
              "Hur förvaltningen genomför och vem som gör det.",
              "How the administration carries it out, and who does it."),
        text("contact", false, "Kontaktperson", "Contact", "Vem man vänder sig till i området.",
             "Whom to turn to in the area."),
        text("forum", false, "Forum", "Forum", "Var frågor i området tas upp, t.ex. \"presidiemötet\".",
             "Where the area's questions are taken up, e.g. \"the presidium meeting\".")};

    return Schema{{field("intro", FieldType::Multiline, false, "Inledning", "Introduction",
                         "Några egna rader om hur ni ser på arbetsfördelningen (valfritt).",
                         "A few lines of your own on how you see the division of work (optional)."),
                   area}};
}

}  // namespace overens::division
