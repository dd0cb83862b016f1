#include "writers/pdf/structure.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

namespace overens::pdf {

StructTree::StructTree() {
    elems_.push_back(Elem{"Document", -1, {}, {}});
    stack_.push_back(0);
}

ElemId StructTree::open(const std::string& type) {
    const ElemId parent = current();
    const auto id = static_cast<ElemId>(elems_.size());
    elems_.push_back(Elem{type, parent, {}, {}});
    elems_[static_cast<std::size_t>(parent)].kids.push_back(Kid{id, -1, -1});
    stack_.push_back(id);
    return id;
}

void StructTree::close() {
    if (stack_.size() > 1) stack_.pop_back();
}

int StructTree::addContent(ElemId e, int page) {
    if (page >= static_cast<int>(pageContent_.size())) pageContent_.resize(static_cast<std::size_t>(page) + 1);
    auto& ids = pageContent_[static_cast<std::size_t>(page)];
    const int mcid = static_cast<int>(ids.size());
    ids.push_back(e);
    elems_[static_cast<std::size_t>(e)].kids.push_back(Kid{-1, page, mcid});
    return mcid;
}

void StructTree::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages) const {
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_Xref xref = pdf->xref;
    HPDF_Dict treeRoot = HPDF_Dict_New(mm);
    HPDF_Xref_Add(xref, treeRoot);
    HPDF_Dict_AddName(treeRoot, "Type", "StructTreeRoot");

    // Every element is an indirect object: its kids and the parent tree refer to it.
    std::vector<HPDF_Dict> dicts(elems_.size());
    for (auto& d : dicts) {
        d = HPDF_Dict_New(mm);
        HPDF_Xref_Add(xref, d);
    }
    auto pageOf = [&](int index) -> HPDF_Dict {
        return index >= 0 && index < static_cast<int>(pages.size()) ? pages[static_cast<std::size_t>(index)] : nullptr;
    };
    for (std::size_t i = 0; i < elems_.size(); ++i) {
        const Elem& e = elems_[i];
        HPDF_Dict d = dicts[i];
        HPDF_Dict_AddName(d, "Type", "StructElem");
        HPDF_Dict_AddName(d, "S", e.type.c_str());
        HPDF_Dict_Add(d, "P", e.parent < 0 ? treeRoot : dicts[static_cast<std::size_t>(e.parent)]);
        // The page of the first marked content is the element's /Pg: its mcids on that page are
        // plain integers, those on other pages marked-content references.
        int pg = -1;
        for (const Kid& k : e.kids)
            if (k.elem < 0) {
                pg = k.page;
                break;
            }
        if (pg >= 0 && pageOf(pg)) HPDF_Dict_Add(d, "Pg", pageOf(pg));
        if (!e.scope.empty()) {
            HPDF_Dict attr = HPDF_Dict_New(mm);
            HPDF_Dict_AddName(attr, "O", "Table");
            HPDF_Dict_AddName(attr, "Scope", e.scope.c_str());
            HPDF_Dict_Add(d, "A", attr);
        }
        if (e.kids.empty()) continue;
        HPDF_Array kids = HPDF_Array_New(mm);
        for (const Kid& k : e.kids) {
            if (k.elem >= 0) {
                HPDF_Array_Add(kids, dicts[static_cast<std::size_t>(k.elem)]);
            } else if (k.page == pg) {
                HPDF_Array_AddNumber(kids, k.mcid);
            } else if (pageOf(k.page)) {
                HPDF_Dict mcr = HPDF_Dict_New(mm);
                HPDF_Dict_AddName(mcr, "Type", "MCR");
                HPDF_Dict_Add(mcr, "Pg", pageOf(k.page));
                HPDF_Dict_AddNumber(mcr, "MCID", k.mcid);
                HPDF_Array_Add(kids, mcr);
            }
        }
        HPDF_Dict_Add(d, "K", kids);
    }
    HPDF_Array rootKids = HPDF_Array_New(mm);
    HPDF_Array_Add(rootKids, dicts[0]);
    HPDF_Dict_Add(treeRoot, "K", rootKids);

    // The parent tree: for each page (its /StructParents key), the element of each mcid.
    HPDF_Dict parentTree = HPDF_Dict_New(mm);
    HPDF_Xref_Add(xref, parentTree);
    HPDF_Array nums = HPDF_Array_New(mm);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Dict_AddName(pages[p], "Tabs", "S");
        HPDF_Array owners = HPDF_Array_New(mm);
        if (p < pageContent_.size())
            for (ElemId e : pageContent_[p]) HPDF_Array_Add(owners, dicts[static_cast<std::size_t>(e)]);
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
        HPDF_Array_Add(nums, owners);
    }
    HPDF_Dict_Add(parentTree, "Nums", nums);
    HPDF_Dict_Add(treeRoot, "ParentTree", parentTree);
    HPDF_Dict_AddNumber(treeRoot, "ParentTreeNextKey", static_cast<HPDF_INT32>(pages.size()));

    HPDF_Dict catalog = pdf->catalog;
    HPDF_Dict_Add(catalog, "StructTreeRoot", treeRoot);
    HPDF_Dict markInfo = HPDF_Dict_New(mm);
    HPDF_Dict_AddBoolean(markInfo, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "MarkInfo", markInfo);
}

}  // namespace overens::pdf
