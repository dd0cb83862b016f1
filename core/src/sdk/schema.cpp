#include "overens/schema.hpp"

namespace overens {

const char* fieldTypeName(FieldType t) {
    switch (t) {
        case FieldType::Text: return "text";
        case FieldType::Multiline: return "multiline";
        case FieldType::Date: return "date";
        case FieldType::Duration: return "duration";
        case FieldType::Email: return "email";
        case FieldType::Enum: return "enum";
        case FieldType::Role: return "role";
        case FieldType::Boolean: return "boolean";
        case FieldType::Integer: return "integer";
        case FieldType::Number: return "number";
        case FieldType::List: return "list";
        case FieldType::Table: return "table";
        case FieldType::Group: return "group";
    }
    return "text";
}

Field text(std::string name, bool required, std::string label_sv, std::string label_en, std::string help_sv,
           std::string help_en) {
    return field(std::move(name), FieldType::Text, required, std::move(label_sv), std::move(label_en),
                 std::move(help_sv), std::move(help_en));
}

Field field(std::string name, FieldType type, bool required, std::string label_sv, std::string label_en,
            std::string help_sv, std::string help_en) {
    Field f;
    f.name = std::move(name);
    f.type = type;
    f.required = required;
    f.label_sv = std::move(label_sv);
    f.label_en = std::move(label_en);
    f.help_sv = std::move(help_sv);
    f.help_en = std::move(help_en);
    return f;
}

}  // namespace overens
