// The logical structure of a tagged PDF: structure elements that mirror the document tree
// (Document, H1-H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, ...), each linked to the
// marked content on the pages that shows its text. libharu knows nothing of tagging: the
// operators go into its page streams and the tree into its object table (hpdf_objects.h).
#pragma once

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

    // Writes the tree into the document: the StructTreeRoot and its ParentTree in the catalog,
    // /StructParents on every page. `pages` are the document's pages in order.
    void write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages) const;

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
