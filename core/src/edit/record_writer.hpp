// Writes posted answers into a source with the least change. Each record (the root, a section,
// a group, a row) becomes a list of edits over the original bytes — replace one value, remove
// one attribute or element, insert one element — and everything between the edits is copied
// as it was.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "edit/record_fields.hpp"
#include "edit/xml_spans.hpp"
#include "overens/diagnostics.hpp"

namespace overens::edit {

class RecordWriter {
public:
    RecordWriter(const std::string& xml, const AnswerMap& posted, const SpanNode& root, const std::vector<Field>& fields,
                 Diagnostics& diags);

    std::string write() const;

private:
    struct Edit {
        std::size_t begin, end;
        std::string text;
    };
    struct NewChild {  // an element to insert into a record, placed by its field's schema index
        int index;
        std::string text;
    };

    // The new text of a record element's range [el.begin, el.end).
    std::string record(const SpanNode& el, const std::vector<Field>& fields, const std::string& prefix,
                       const std::string& pattern) const;
    void scalar(const SpanNode& el, const Field& f, int index, const std::vector<Field>& fields, const std::string& path,
                const std::string& pattern, std::vector<Edit>& edits, std::vector<NewChild>& added) const;
    void rows(const SpanNode& el, const Field& f, int index, const std::string& path, const std::string& pattern,
              std::vector<Edit>& edits, std::vector<NewChild>& added) const;
    void group(const SpanNode& el, const Field& f, int index, const std::string& path, const std::string& pattern,
               std::vector<Edit>& edits, std::vector<NewChild>& added) const;
    void insertChildren(const SpanNode& el, const std::vector<Field>& fields, std::vector<NewChild> added,
                        std::vector<Edit>& edits) const;
    void insertAttribute(const SpanNode& el, const std::vector<Field>& fields, int index, const std::string& name,
                         const std::string& value, std::vector<Edit>& edits) const;
    std::string applyEdits(std::size_t begin, std::size_t end, std::vector<Edit> edits) const;

    // A new element from answers alone (a new row, group or section).
    std::string generate(const Field& f, const std::string& prefix, const std::string& pattern,
                         const std::string& indent) const;
    std::string scalarElement(const std::string& name, FieldType type, const std::string& value,
                              const std::string& indent) const;
    // An element's new text content for a value, keeping the layout the element had.
    std::string content(const SpanNode* el, FieldType type, const std::string& value, const std::string& indent) const;
    std::string itemText(const SpanNode& item, FieldType type, const std::string& path) const;

    Edit removal(const SpanNode& node) const;
    std::string indentOf(const SpanNode& node) const;
    std::string childIndent(const SpanNode& el) const;
    std::size_t trimmedTagClose(const SpanNode& el) const;
    bool asElement(const std::string& pattern, FieldType type) const;
    void learnStyle(const SpanNode& el, const std::vector<Field>& fields, const std::string& pattern);

    const std::string* answer(const std::string& path) const;
    bool anyValueUnder(const std::string& prefix) const;
    long countOf(const std::string& path, long fallback) const;

    const std::string& xml_;
    const AnswerMap& posted_;
    const SpanNode& root_;
    const std::vector<Field>& fields_;
    Diagnostics& diags_;
    std::string unit_ = "  ";               // one level of indentation, as the file has it
    char quote_ = '"';                      // the quote the file's root uses for attributes
    bool crlf_ = false;                     // the file's lines end in CRLF
    std::map<std::string, bool> element_;  // field pattern -> written as a child element
};

}  // namespace overens::edit
