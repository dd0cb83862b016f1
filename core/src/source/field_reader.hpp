// Turns what a source element holds into typed Records through a list of schema fields, with
// diagnostics at the exact place of each problem. The source reader walks the XML and calls
// these as it meets attributes, elements and text.
#pragma once

#include <string>
#include <vector>

#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"
#include "overens/values.hpp"
#include "source/xml_locations.hpp"
#include "source/xml_wellformed.hpp"

namespace overens {

bool isScalar(FieldType t);
const Field* findField(const std::vector<Field>& fields, const std::string& name);

class FieldReader {
public:
    FieldReader(const XmlLocations& locations, Diagnostics& diags) : loc_(locations), diags_(diags) {}

    Location at(std::size_t offset) const { return loc_.atOffset(offset); }

    // A start tag's attributes into r: each a scalar field of `fields` (attributesOnly: any field
    // of them, as the header elements have), else an unknown attribute.
    void readAttributes(Record& r, const std::vector<XmlAttribute>& attributes, const std::vector<Field>& fields,
                        bool attributesOnly);
    // Raw text into a typed value; a diagnostic at `where` if it does not fit.
    Value convert(const Field& f, FieldType type, const std::string& raw, const Location& where);
    void checkRequired(const Record& r, const std::vector<Field>& fields, const std::string& element,
                       const Location& where);

    void unknownAttribute(const std::string& name, const Location& where, const std::vector<std::string>& allowed);
    void unknownAttributes(const std::vector<XmlAttribute>& attributes);  // an element that takes none
    void unknownElement(const std::string& name, const Location& where, const std::vector<std::string>& allowed);
    void unknownElement(const std::string& name, const Location& where, const std::vector<Field>& fields);
    void strayText(const Location& where, const std::string& parent);

private:
    const XmlLocations& loc_;
    Diagnostics& diags_;
};

}  // namespace overens
