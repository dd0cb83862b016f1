// Reads XML elements into typed Records through a list of schema fields, with diagnostics
// at the exact place of each problem.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"
#include "overens/values.hpp"
#include "source/xml_locations.hpp"

namespace overens {

class FieldReader {
public:
    FieldReader(const XmlLocations& locations, Diagnostics& diags) : loc_(locations), diags_(diags) {}

    // A record from an element: scalars from attributes or child elements, lists and tables
    // from repeated child elements, groups from one child element.
    Record readRecord(const pugi::xml_node& element, const std::vector<Field>& fields);
    // A record from attributes only (the header elements). Enum choices by field name.
    Record readAttributes(const pugi::xml_node& element, const std::vector<Field>& fields,
                          const std::map<std::string, std::vector<std::string>>& choices);

    Location where(const pugi::xml_node& n) const { return loc_.of(n); }
    Location where(const pugi::xml_attribute& a) const { return loc_.of(a); }

    void unknownAttribute(const pugi::xml_attribute& a, const std::vector<std::string>& allowed);
    void unknownElement(const pugi::xml_node& e, const std::vector<std::string>& allowed);
    void strayText(const pugi::xml_node& text, const pugi::xml_node& parent);
    void requireNoAttributes(const pugi::xml_node& e);

private:
    // Convert raw text into a typed value; a diagnostic at `where` if it does not fit.
    Value convert(const Field& f, FieldType type, const std::string& raw, const Location& where);
    void checkRequired(const Record& r, const std::vector<Field>& fields, const pugi::xml_node& element);

    const XmlLocations& loc_;
    Diagnostics& diags_;
};

}  // namespace overens
