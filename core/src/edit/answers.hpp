// The answers model: a source file as a form sees it (one string per field path) and the way
// back into the XML with the least change, so that the file stays the truth and a `git diff`
// after saving shows exactly what was edited.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kinds/document_kind.hpp"
#include "overens/diagnostics.hpp"
#include "source/source_reader.hpp"

namespace overens::edit {

// A document's answers: one string per field path, in document order. Paths (dot-separated):
//   header:   "kind", "lang", "organisation.type|name|board|board-en",
//             "party.<i>.role|name|title|email", "registration.dnr|adopted|body|minutes|version",
//             "review.every|next|notify-before|recurring",
//             "history.revision.<i>.version|date|author|note"
//   sections: "<section>.<field>"                   a scalar of the section
//             "<section>.<group>.<field>"           a scalar inside a group
//             "<section>.<table>.<i>.<field>"       row i (0-based, document order)
//             "<section>.<list>.<i>"                list item i
//             nesting repeats: "<section>.<table>.<i>.<subtable>.<j>.<field>"
//   row counts:   "<path-of-table-or-list>.count" = rows/items ("goals.goal.count" = "3"),
//                 also "party.count" and "history.revision.count"
//   row identity: "<path-of-table>.<i>.#" (and "<list>.<i>.#", "party.<i>.#") = the row's
//                 original index in the file ("" for a new row), so that a reorder, a duplicate
//                 or a removal is applied to the right element.
// A value is the text as the reader sees it: trimmed, whitespace collapsed (Multiline keeps
// its paragraphs, separated by a blank line), entities decoded.
using Answers = std::vector<std::pair<std::string, std::string>>;

// The answers of a source. A file that is not well-formed gives no answers and an error.
Answers readAnswers(const std::string& xml, const SchemaLookup& schemas, Diagnostics& diags);

// Writes the answers into the source with the least change: a value equal to the file's is left
// byte-for-byte as it was; a changed scalar changes only that attribute or element text; an empty
// optional value removes it; rows follow ".count" and "#" (kept, moved, duplicated, removed,
// added); comments, order, indentation and quoting of everything else survive. Answers not posted
// (a step shows only some fields) leave the file's values alone; a table whose ".count" is not
// posted keeps its rows. A section, group or table that does not exist yet is created in schema
// order, indented like its siblings. Paths that name no field are reported in diags and ignored.
std::string applyAnswers(const std::string& xml, const Answers& answers, const SchemaLookup& schemas,
                         Diagnostics& diags);

// A new document of a kind: the kind's root, the header (copied from `fromXml`, another document
// of the same organisation, when given: organisation, parties; not registration, review or
// history) and an empty element per section of the kind.
std::string newDocument(const DocumentKind& kind, const std::string& lang, const std::string* fromXml,
                        const SchemaLookup& schemas);

// The answers that fill a document's empty section fields from its header (Field::defaultFrom:
// the director's name, the board, ...): apply them with applyAnswers. newDocument applies them.
Answers headerDefaults(const std::string& xml, const SchemaLookup& schemas);

// Where each answer is in the file: line:col of every element, attribute and element text that
// holds an answer (the places diagnostics point at) -> the answers path. Elements that are a
// record (a section, a row, a group, a header element) map to their own path ("goals.goal.2").
using FieldPaths = std::map<std::pair<int, int>, std::string>;
FieldPaths fieldPaths(const std::string& xml, const SchemaLookup& schemas);

// The path of the answer at a diagnostic's location: the exact place, else the nearest place
// before it on the same line, else the nearest before it in the file; "" when none.
std::string fieldPathAt(const FieldPaths& paths, const Location& where);

}  // namespace overens::edit
