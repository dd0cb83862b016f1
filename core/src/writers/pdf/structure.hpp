// The logical structure of a tagged PDF: structure elements that mirror the document tree
// (Document, H1-H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, ...), each linked to the
// marked content on the pages that shows its text. libharu knows nothing of tagging: the
// operators go into its page streams and the tree into its object table (hpdf_objects.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <hpdf.h>

namespace overens::pdf {

using ElemId = int;

class StructTree {
public:
    StructTree();

    ElemId root() const { return 0; }
    ElemId current() const { return stack_.back(); }
    const std::string& type(ElemId e) const { return elems_[static_cast<std::size_t>(e)].type; }
    std::size_t size() const { return elems_.size(); }

    // A new element as the last child of the current one; it becomes the current element.
    ElemId open(const std::string& type);
    // Back to the parent of the current element.
    void close();
    // /A attributes: the scope of a header cell ("Column" or "Row").
    void setScope(ElemId e, const std::string& scope) { elems_[static_cast<std::size_t>(e)].scope = scope; }

    // The next marked-content id on a page, recorded as the element's next kid.
    int addContent(ElemId e, int page);

    // Before libharu saves: /StructParents and /Tabs on every page, /MarkInfo, and a placeholder
    // /StructTreeRoot in the catalog (an empty dictionary the update below replaces).
    void prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages);
    // After libharu saved `pdf`: the tree as an incremental update appended to it, its
    // elements packed into compressed object streams with a cross-reference stream. A large
    // table has tens of thousands of elements: as libharu dictionaries they would cost more
    // memory and time than the rest of the document, and several megabytes uncompressed.
    // `id` is the document ID (16 bytes) libharu's trailer has.
    void appendTo(std::string& pdf, HPDF_Doc doc, const std::vector<HPDF_Page>& pages, const std::string& id) const;

private:
    struct Kid {
        ElemId elem = -1;  // a child element, or -1 for marked content
        int page = -1;
        int mcid = -1;
    };
    struct Elem {
        std::string type;
        ElemId parent = -1;
        std::vector<Kid> kids;
        std::string scope;
    };
    std::vector<Elem> elems_;
    std::vector<ElemId> stack_;
    std::vector<std::vector<ElemId>> pageContent_;  // per page, the element of each mcid
    HPDF_Dict placeholder_ = nullptr;               // the catalog's /StructTreeRoot until appendTo
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
