// The logical structure of a tagged PDF: structure elements that mirror the document tree
// (Document, H1-H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, ...), each linked to the
// marked content on the pages that shows its text. libharu knows nothing of tagging: the
// operators go into its page streams and the tree into its object table (hpdf_objects.h).
#pragma once

#include <cstdint>
#include <deque>
#include <ostream>
#include <string>
#include <vector>

#include <hpdf.h>

#include "overens/document.hpp"

namespace overens::pdf {

// The BCP 47 tag of a document language ("sv" -> "sv-SE"); other tags pass through.
std::string langTag(const std::string& lang);

using ElemId = int;

class StructTree {
public:
    StructTree();

    // Off: no marked content and no structure tree (OVERENS_PDF_UNTAGGED=1, for measuring what
    // tagging costs).
    bool enabled() const { return enabled_; }
    void setEnabled(bool on) { enabled_ = on; }

    ElemId root() const { return 0; }
    ElemId current() const { return stack_.back(); }
    const std::string& type(ElemId e) const { return names_[elems_[static_cast<std::size_t>(e)].type]; }
    std::size_t size() const { return elems_.size(); }

    // A new element as the last child of the current one; it becomes the current element.
    ElemId open(const std::string& type);
    // Back to the parent of the current element.
    void close();
    // /A attributes: the scope of a header cell ("Column" or "Row").
    void setScope(ElemId e, const std::string& scope) { elems_[static_cast<std::size_t>(e)].scope = intern(names_, scope); }
    // /Lang: the language all of the runs share, when it is not the document's (or the
    // enclosing element's); runs of mixed languages leave the element in its parent's.
    void setLang(ElemId e, const doc::Runs& runs);
    // A link annotation on a page that belongs to the element (a Link): an OBJR kid, and the
    // annotation's /StructParent; `alt` is its /Contents (what a screen reader says).
    void addLink(ElemId e, int page, HPDF_Annotation annot, const std::string& alt);

    // The next marked-content id on a page, recorded as the element's next kid.
    int addContent(ElemId e, int page);

    // Before libharu saves: /StructParents and /Tabs on every page, /MarkInfo, and a placeholder
    // /StructTreeRoot in the catalog (an empty dictionary the update below replaces), and
    // /StructParent and /Contents on the link annotations. `lang` is the document's language.
    void prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const std::string& lang);
    // After libharu wrote its document (`size` bytes, the last cross-reference section at
    // `prevXref`) to `out`: the tree as an incremental update written after it, its elements
    // packed into compressed object streams with a cross-reference stream. A large table has
    // hundreds of thousands of elements: as libharu dictionaries they would cost more memory
    // and time than the rest of the document, and several megabytes uncompressed, so each
    // object stream is made and written before the next (never every dictionary at once).
    // `id` is the document ID (16 bytes) libharu's trailer has.
    void appendTo(std::ostream& out, std::uint64_t size, std::uint64_t prevXref, HPDF_Doc doc,
                  const std::vector<HPDF_Page>& pages, const std::string& id) const;

private:
    // A table's cells are most of a large document's elements: each is a few numbers, its
    // type, scope and language indexes into small tables of the names used, its kids a list
    // threaded through one array for the whole tree.
    using Name = std::uint32_t;  // an index in names_ or langs_
    static constexpr Name kNone = ~Name{0};
    static Name intern(std::vector<std::string>& table, const std::string& s);
    struct Kid {
        std::int32_t next = -1;   // the element's next kid in kids_, -1 after its last
        std::int32_t page = -1;   // -1: `value` is a child element
        std::int32_t value = -1;  // the child element, the mcid (>= 0) or -1 - the annotation's index in links_
    };
    struct Elem {
        ElemId parent = -1;
        std::int32_t first = -1, last = -1;  // its kids in kids_
        Name type = 0;                       // in names_
        Name scope = kNone;                  // in names_
        Name lang = kNone;                   // in langs_: the runs' language tag; kNone: the parent's
    };
    void addKid(ElemId e, const Kid& kid);
    // The element's dictionary, appended to `out`; `langOf` is each element's language.
    void writeElem(std::string& out, std::size_t i, const std::vector<Name>& langOf, std::uint32_t rootId,
                   std::uint32_t base, const std::vector<HPDF_Page>& pages) const;
    struct Link {
        ElemId elem;
        HPDF_Annotation annot;
        std::string alt;
    };
    // Deques: they grow without copying, and hold at most a block more than they need.
    std::deque<Elem> elems_;
    std::deque<Kid> kids_;
    std::vector<std::string> names_;  // element types and header scopes
    std::vector<std::string> langs_;  // language tags
    std::vector<Link> links_;
    Name lang_ = kNone;  // the document's, in langs_
    std::vector<ElemId> stack_;
    std::vector<std::vector<ElemId>> pageContent_;  // per page, the element of each mcid
    HPDF_Dict placeholder_ = nullptr;               // the catalog's /StructTreeRoot until appendTo
    bool enabled_ = true;
};

// Opens an element for the lifetime of a scope.
class Tag {
public:
    Tag(StructTree& tree, const std::string& type) : tree_(tree), id_(tree.open(type)) {}
    ~Tag() { tree_.close(); }
    Tag(const Tag&) = delete;
    Tag& operator=(const Tag&) = delete;
    ElemId id() const { return id_; }

private:
    StructTree& tree_;
    ElemId id_;
};

}  // namespace overens::pdf
