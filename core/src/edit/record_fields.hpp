// The fields of a whole source as one record: the header's (headerFields) and one Group per
// section, named by the section's id, holding the section's schema.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "edit/xml_spans.hpp"
#include "overens/schema.hpp"
#include "source/source_reader.hpp"

namespace overens::edit {

using AnswerMap = std::map<std::string, std::string>;

bool isScalar(FieldType t);
const Field* findField(const std::vector<Field>& fields, const std::string& name);
// An answer as the reader would read the same text: Multiline keeps paragraphs, the rest is
// trimmed and collapsed; line ends from a browser ("\r\n") read as "\n"; what XML cannot hold
// (control characters, bytes that are not UTF-8) does not get through.
std::string normalise(FieldType type, const std::string& value);

// Whether an answer says what the file says: the same text, or for a Boolean the same truth in
// another spelling ("ja" in the file, "true" from a checkbox), so the file keeps its own.
bool sameAnswer(FieldType type, const std::string& inFile, const std::string& answer);

// The header's fields, then the sections in the order the file has them, then the other
// known sections (a new section is added after the existing ones).
std::vector<Field> rootFields(const SpanNode& root, const SchemaLookup& schemas);

// Whether a path names a field, a row's field, a ".count" or a "#" of these fields.
bool knownPath(const std::vector<Field>& fields, const std::string& path);

// Every scalar with a defaultFrom, at the top of the record or inside its groups (not in rows).
void forEachDefault(const std::vector<Field>& fields, const std::string& prefix,
                    const std::function<void(const std::string&, HeaderValue)>& visit);

}  // namespace overens::edit
