#include "writers/pdf/structure.hpp"

#include <algorithm>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <Poco/DeflatingStream.h>

#include <cstdlib>
#include <sstream>

namespace overens::pdf {

std::string langTag(const std::string& lang) {
    if (lang == "sv") return "sv-SE";
    if (lang == "en") return "en-GB";
    return lang;
}

StructTree::StructTree() {
    elems_.push_back(Elem{"Document", -1, {}, {}, {}});
    stack_.push_back(0);
}

ElemId StructTree::open(const std::string& type) {
    const ElemId parent = current();
    const auto id = static_cast<ElemId>(elems_.size());
    elems_.push_back(Elem{type, parent, {}, {}, {}});
    elems_[static_cast<std::size_t>(parent)].kids.push_back(Kid{id, -1, -1, -1});
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
    elems_[static_cast<std::size_t>(e)].kids.push_back(Kid{-1, page, mcid, -1});
    return mcid;
}

void StructTree::setLang(ElemId e, const doc::Runs& runs) {
    const std::string* common = nullptr;
    for (const auto& r : runs) {
        if (r.text.find_first_not_of(" \n") == std::string::npos) continue;
        if (common && *common != r.lang) return;
        common = &r.lang;
    }
    // A language tag is letters, digits and hyphens ("en", "se-FI"); anything else is not one,
    // and would break the PDF string it is written into.
    if (!common || common->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") !=
                       std::string::npos)
        return;
    elems_[static_cast<std::size_t>(e)].lang = *common;
}

void StructTree::addLink(ElemId e, int page, HPDF_Annotation annot, const std::string& alt) {
    elems_[static_cast<std::size_t>(e)].kids.push_back(Kid{-1, page, -1, static_cast<int>(links_.size())});
    links_.push_back(Link{e, annot, alt});
}

namespace {

std::uint32_t objectId(const void* obj) {
    return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu;
}

std::string ref(std::uint32_t id) { return std::to_string(id) + " 0 R"; }

std::string deflate(const std::string& data) {
    std::ostringstream out;
    {
        // Level 1: for a 5,000-row order, level 6 costs 47 ms more for 4 % less file.
        Poco::DeflatingOutputStream z(out, Poco::DeflatingStreamBuf::STREAM_ZLIB, 1);
        z.write(data.data(), static_cast<std::streamsize>(data.size()));
        z.close();
    }
    return out.str();
}

// The offset after the last "startxref" of a PDF: where its newest cross-reference section is.
std::size_t lastStartXref(const std::string& pdf) {
    const auto at = pdf.rfind("startxref");
    if (at == std::string::npos) return 0;
    return static_cast<std::size_t>(std::strtoull(pdf.c_str() + at + 9, nullptr, 10));
}

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

}  // namespace

void StructTree::prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const std::string& lang) {
    lang_ = langTag(lang);
    if (!enabled_) return;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Dict_AddName(pages[p], "Tabs", "S");
    }
    // The parent tree's keys after the pages' are the annotations'.
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    for (std::size_t k = 0; k < links_.size(); ++k) {
        HPDF_Dict_AddNumber(links_[k].annot, "StructParent", static_cast<HPDF_INT32>(pages.size() + k));
        HPDF_Dict_Add(links_[k].annot, "Contents", HPDF_String_New(pdf->mmgr, links_[k].alt.c_str(), utf8));
    }
    placeholder_ = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, placeholder_);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", placeholder_);
    HPDF_Dict markInfo = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(markInfo, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", markInfo);
}

void StructTree::appendTo(std::string& pdf, HPDF_Doc doc, const std::vector<HPDF_Page>& pages,
                          const std::string& id) const {
    if (!enabled_) return;
    const std::uint32_t rootId = objectId(placeholder_);
    const auto base = static_cast<std::uint32_t>(doc->xref->entries->count);  // libharu's next number
    const std::uint32_t parentTreeId = base;
    auto elemId = [&](ElemId e) { return base + 1 + static_cast<std::uint32_t>(e); };
    auto pageId = [&](int p) { return objectId(pages[static_cast<std::size_t>(p)]); };

    // The objects, in number order: root (its own number), parent tree, elements.
    std::vector<std::pair<std::uint32_t, std::string>> objects;
    objects.reserve(elems_.size() + 2);
    objects.emplace_back(rootId, "<</Type/StructTreeRoot/K " + ref(elemId(0)) + "/ParentTree " + ref(parentTreeId) +
                                     "/ParentTreeNextKey " + std::to_string(pages.size() + links_.size()) + ">>");
    // Per page the element of each mcid, then per annotation its Link element.
    std::string nums = "<</Nums[";
    for (std::size_t p = 0; p < pages.size(); ++p) {
        nums += std::to_string(p) + "[";
        if (p < pageContent_.size()) {
            const auto& ids = pageContent_[p];
            for (std::size_t k = 0; k < ids.size(); ++k) nums += (k ? " " : "") + ref(elemId(ids[k]));
        }
        nums += "]";
    }
    for (std::size_t k = 0; k < links_.size(); ++k)
        nums += " " + std::to_string(pages.size() + k) + " " + ref(elemId(links_[k].elem));
    objects.emplace_back(parentTreeId, nums + "]>>");
    // The language each element is in, to write /Lang only where it changes.
    std::vector<std::string> langOf(elems_.size());
    for (std::size_t i = 0; i < elems_.size(); ++i) {
        const Elem& e = elems_[i];
        const std::string& outer = e.parent < 0 ? lang_ : langOf[static_cast<std::size_t>(e.parent)];
        langOf[i] = e.lang.empty() ? outer : langTag(e.lang);
    }
    for (std::size_t i = 0; i < elems_.size(); ++i) {
        const Elem& e = elems_[i];
        std::string d = "<</S/" + e.type + "/P " + (e.parent < 0 ? ref(rootId) : ref(elemId(e.parent)));
        const std::string& outer = e.parent < 0 ? lang_ : langOf[static_cast<std::size_t>(e.parent)];
        if (langOf[i] != outer) d += "/Lang(" + langOf[i] + ")";
        // The page of the first marked content is the element's /Pg: its mcids on that page are
        // plain integers, those on other pages marked-content references.
        int pg = -1;
        for (const Kid& k : e.kids)
            if (k.mcid >= 0) {
                pg = k.page;
                break;
            }
        if (pg >= 0) d += "/Pg " + ref(pageId(pg));
        if (!e.scope.empty()) d += "/A<</O/Table/Scope/" + e.scope + ">>";
        // Always an array, without a trailing space: "/K 3" is shorter but deflate (level 1)
        // makes the 5,000-row order's structure 2 % larger from it than from "/K[3]".
        if (!e.kids.empty()) {
            d += "/K[";
            for (std::size_t n = 0; n < e.kids.size(); ++n) {
                const Kid& k = e.kids[n];
                if (n) d += ' ';
                if (k.elem >= 0)
                    d += ref(elemId(k.elem));
                else if (k.link >= 0)
                    d += "<</Type/OBJR/Obj " + ref(objectId(links_[static_cast<std::size_t>(k.link)].annot)) + "/Pg " +
                         ref(pageId(k.page)) + ">>";
                else if (k.page == pg)
                    d += std::to_string(k.mcid);
                else
                    d += "<</Type/MCR/Pg " + ref(pageId(k.page)) + "/MCID " + std::to_string(k.mcid) + ">>";
            }
            d += "]";
        }
        objects.emplace_back(elemId(static_cast<ElemId>(i)), d + ">>");
    }

    // Object streams of at most kPerStream objects, then the cross-reference stream.
    constexpr std::size_t kPerStream = 2000;
    const auto streams = static_cast<std::uint32_t>((objects.size() + kPerStream - 1) / kPerStream);
    const std::uint32_t firstStream = base + 1 + static_cast<std::uint32_t>(elems_.size());
    const std::uint32_t xrefId = firstStream + streams;
    struct Entry {
        std::uint8_t type;
        std::uint32_t field;
        std::uint16_t index;
    };
    std::vector<Entry> entries(xrefId + 1 - base);  // for base..xrefId
    Entry rootEntry{};
    std::string out;
    for (std::uint32_t s = 0; s < streams; ++s) {
        const std::size_t from = s * kPerStream, to = std::min(objects.size(), from + kPerStream);
        std::string head, body;
        for (std::size_t k = from; k < to; ++k) {
            head += std::to_string(objects[k].first) + " " + std::to_string(body.size()) + " ";
            body += objects[k].second;
            body += '\n';
            const Entry e{2, firstStream + s, static_cast<std::uint16_t>(k - from)};
            if (objects[k].first == rootId) rootEntry = e;
            else entries[objects[k].first - base] = e;
        }
        const std::string data = deflate(head + body);
        entries[firstStream + s - base] = Entry{1, static_cast<std::uint32_t>(pdf.size() + out.size()), 0};
        out += std::to_string(firstStream + s) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(to - from) + "/First " +
               std::to_string(head.size()) + "/Filter/FlateDecode/Length " + std::to_string(data.size()) +
               ">>\nstream\n" + data + "\nendstream\nendobj\n";
    }
    const std::size_t xrefOffset = pdf.size() + out.size();
    entries[xrefId - base] = Entry{1, static_cast<std::uint32_t>(xrefOffset), 0};
    std::string table;
    auto put = [&](const Entry& e) {
        table += static_cast<char>(e.type);
        for (int shift = 24; shift >= 0; shift -= 8) table += static_cast<char>((e.field >> shift) & 0xFF);
        table += static_cast<char>(e.index >> 8);
        table += static_cast<char>(e.index & 0xFF);
    };
    put(rootEntry);
    for (const Entry& e : entries) put(e);
    const std::string data = deflate(table);
    std::string trailer = "<</Type/XRef/Size " + std::to_string(xrefId + 1) + "/Root " + ref(objectId(doc->catalog));
    if (doc->info) trailer += "/Info " + ref(objectId(doc->info));
    trailer += "/ID[<" + hex(id) + "><" + hex(id) + ">]/Prev " + std::to_string(lastStartXref(pdf)) + "/Index[" +
               std::to_string(rootId) + " 1 " + std::to_string(base) + " " + std::to_string(entries.size()) +
               "]/W[1 4 2]/Filter/FlateDecode/Length " + std::to_string(data.size()) + ">>";
    out += std::to_string(xrefId) + " 0 obj\n" + trailer + "\nstream\n" + data + "\nendstream\nendobj\n";
    out += "startxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";
    pdf += out;
}

}  // namespace overens::pdf
