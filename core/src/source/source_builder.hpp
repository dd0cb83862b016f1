// Builds a Source from the XML parser's events, in the parser's one pass: the header into the
// Context, each section into a Record through its plugin's schema. It finds what a walk over a
// DOM would (the same diagnostics at the same places) without holding a tree beside the values.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "source/field_reader.hpp"
#include "source/source_reader.hpp"
#include "source/xml_wellformed.hpp"

namespace overens {

class SourceBuilder : public XmlEvents {
public:
    // Fills src.where, src.context and src.sections.
    SourceBuilder(Source& src, const SchemaLookup& schemas, const XmlLocations& locations, bool headerOnly);

    // What it found, in the order a reader of the tree would say it: the root and the header
    // first, then the sections (and the text directly in the root).
    void report(Diagnostics& out) const;

    void start(const char* name, std::size_t offset, const std::vector<XmlAttribute>& attributes) override;
    void end() override;
    void text(const char* data, std::size_t length, std::size_t offset, bool reference) override;
    void markup(bool cdataStart, bool cdataEnd) override;

private:
    enum class Kind {
        Root,
        Header,    // organisation, party, registration, review: attributes only
        History,   // holds revisions
        Revision,  // attributes only
        Section,   // a section element: a Record of its schema
        Record,    // a table row or a group inside a record
        Scalar,    // an element holding one field's text (a scalar or a list item)
        Skip,      // said to be wrong already, or not read: its content is not looked at
    };
    struct Frame {
        Kind kind = Kind::Skip;
        bool header = false;  // in the root's attributes or a header element (said first)
        std::string name;
        Location where;
        const std::vector<Field>* fields = nullptr;  // Header, Revision, Section, Record
        const Field* field = nullptr;                // Record, Scalar: the field it answers in its parent
        overens::Record record;
        std::vector<const Field*> groupsSeen;
        std::vector<std::pair<std::string, std::size_t>> attributes;  // Scalar: said after its content
        // Scalar: its text, and where its first non-blank character is.
        std::string text;
        bool hasText = false;
        std::size_t textAt = 0;
        // The text node being read (the text between two pieces of markup).
        bool nodeOpen = false, nodeCdata = false, nodeRawBlank = true, nodeHasText = false;
        std::size_t nodeAt = 0;
        std::string nodeText;  // Scalar only
    };

    void startRoot(const std::string& name, const Location& where, const std::vector<XmlAttribute>& attributes);
    void startInRoot(const std::string& name, const Location& where, const std::vector<XmlAttribute>& attributes);
    void startInRecord(Frame& parent, const std::string& name, const Location& where,
                       const std::vector<XmlAttribute>& attributes);
    void startHeader(const std::string& name, const Location& where, const std::vector<XmlAttribute>& attributes);
    void endHeader(const Frame& f);
    void endScalar(Frame& f);
    void closeText(Frame& f);
    void push(Kind kind, const std::string& name, const Location& where);
    FieldReader& fields(const Frame& f) { return f.header ? headerFields_ : sectionFields_; }
    Diagnostics& diags(const Frame& f) { return f.header ? headerDiags_ : sectionDiags_; }

    Source& src_;
    Context& ctx_;
    const SchemaLookup& schemas_;
    Diagnostics headerDiags_, sectionDiags_;
    FieldReader headerFields_, sectionFields_;
    const bool headerOnly_;
    std::vector<Frame> frames_;
    bool inCdata_ = false;
    int organisations_ = 0, registrations_ = 0, reviews_ = 0;
    std::vector<std::string> sectionsSeen_;
};

}  // namespace overens
