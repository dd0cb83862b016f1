// A section plugin's schema: the questions it asks and the types of their answers.
// The same schema reads the XML source, drives an interview and exports RELAX NG.
#pragma once

#include <string>
#include <vector>

namespace overens {

enum class FieldType {
    Text,       // one line of text
    Multiline,  // free text over several lines/paragraphs
    Date,       // YYYY-MM-DD
    Duration,   // ISO 8601, e.g. P1Y, P6M, P30D
    Email,
    Enum,       // one of Field::choices
    Role,       // a reference to a role id defined in the document
    Boolean,    // true/false, yes/no, ja/nej
    Integer,
    Number,     // decimal, '.' or ',' as separator
    List,       // repeated element, each a value of Field::item type
    Table,      // repeated element, each a record of Field::fields (a row)
    Group,      // one element holding a record of Field::fields
};

const char* fieldTypeName(FieldType t);

// A value of the shared header a field can start from in a new document (Field::defaultFrom).
enum class HeaderValue {
    None,
    OrganisationName,
    Board,
    ChairName,
    ChairTitle,
    DirectorName,
    DirectorTitle,
    RegistrationNumber,
    AdoptionDate,
};

// Field::showWhen: the field is shown only when the sibling field `field` (of the same record)
// has one of `values`; with no values, when it has any value. An empty `field` = always shown.
struct ShowWhen {
    std::string field;
    std::vector<std::string> values;

    bool always() const { return field.empty(); }
};

struct Choice {
    std::string value;  // as written in the source
    std::string label_sv, label_en;
};

// One question. A scalar is read from an attribute of that name or from a child element of
// that name (not both); a List or Table from repeated child elements of that name; a Group
// from one child element.
struct Field {
    std::string name;
    FieldType type = FieldType::Text;
    bool required = false;
    std::string label_sv, label_en;  // short label for forms and interviews
    std::string help_sv, help_en;    // written for the person who fills it in
    std::vector<Choice> choices;     // Enum
    FieldType item = FieldType::Text;  // List: the type of each item
    std::vector<Field> fields;       // Table, Group: the record's fields
    // SDK 2: what a form needs besides the type and the words above.
    std::string example_sv, example_en;           // a placeholder or example shown in the input
    HeaderValue defaultFrom = HeaderValue::None;  // starts from the header in a new document
    ShowWhen showWhen;                            // shown only when a sibling has a value
};

struct Schema {
    std::vector<Field> fields;  // the section element's record
};

// Small builders that keep plugin schemas readable.
Field text(std::string name, bool required, std::string label_sv, std::string label_en,
           std::string help_sv = {}, std::string help_en = {});
Field field(std::string name, FieldType type, bool required, std::string label_sv, std::string label_en,
            std::string help_sv = {}, std::string help_en = {});

}  // namespace overens
