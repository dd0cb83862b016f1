#include "writers/pdf/structure.hpp"

#include <algorithm>
#include <charconv>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <zlib.h>

#include "writers/writer.hpp"

namespace overens::pdf {

std::string langTag(const std::string& lang) {
    if (lang == "sv") return "sv-SE";
    if (lang == "en") return "en-GB";
    return lang;
}

StructTree::StructTree() {
    elems_.push_back(Elem{});
    elems_.back().type = intern(names_, "Document");
    stack_.push_back(0);
}

StructTree::Name StructTree::intern(std::vector<std::string>& table, const std::string& s) {
    // A few dozen names at most: a look along the table is quicker than hashing.
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i] == s) return static_cast<Name>(i);
    table.push_back(s);
    return static_cast<Name>(table.size() - 1);
}

void StructTree::addKid(ElemId e, const Kid& kid) {
    Elem& el = elems_[static_cast<std::size_t>(e)];
    const auto at = static_cast<std::int32_t>(kids_.size());
    kids_.push_back(kid);
    if (el.last >= 0) kids_[static_cast<std::size_t>(el.last)].next = at;
    else el.first = at;
    el.last = at;
}

ElemId StructTree::open(const std::string& type) {
    const ElemId parent = current();
    const auto id = static_cast<ElemId>(elems_.size());
    elems_.push_back(Elem{});
    elems_.back().parent = parent;
    elems_.back().type = intern(names_, type);
    addKid(parent, Kid{-1, -1, id});
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
    addKid(e, Kid{-1, page, mcid});
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
    if (!common || common->empty() ||
        common->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") !=
            std::string::npos)
        return;
    elems_[static_cast<std::size_t>(e)].lang = intern(langs_, langTag(*common));
}

void StructTree::addLink(ElemId e, int page, HPDF_Annotation annot, const std::string& alt) {
    addKid(e, Kid{-1, page, -1 - static_cast<std::int32_t>(links_.size())});
    links_.push_back(Link{e, annot, alt});
}

namespace {

std::uint32_t objectId(const void* obj) {
    return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu;
}

void put(std::string& out, std::uint64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

void putRef(std::string& out, std::uint32_t id) {
    put(out, id);
    out += " 0 R";
}

// One zlib stream made from parts added one after another (the same bytes as deflating them
// joined: zlib's output does not depend on how its input is cut).
class Deflater {
public:
    Deflater() {
        // Level 1: for a 5,000-row order, level 6 costs 47 ms more for 4 % less file.
        if (deflateInit2(&z_, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw WriteError("pdf.zlib", "PDF: zlib could not start deflating (out of memory?)");
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    void add(const char* data, std::size_t size) { run(data, size, Z_NO_FLUSH); }
    void add(const std::string& s) { add(s.data(), s.size()); }
    // The whole stream; the deflater is ready for the next.
    std::string finish() {
        run(nullptr, 0, Z_FINISH);
        deflateReset(&z_);
        return std::move(out_);
    }

private:
    void run(const char* data, std::size_t size, int flush) {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
        z_.avail_in = static_cast<uInt>(size);
        unsigned char buf[16384];
        do {
            z_.next_out = buf;
            z_.avail_out = sizeof buf;
            deflate(&z_, flush);
            out_.append(reinterpret_cast<const char*>(buf), sizeof buf - z_.avail_out);
        } while (z_.avail_out == 0);
    }
    z_stream z_{};
    std::string out_;
};

// Counts what would be written.
struct Counter {
    std::size_t size = 0;
    void add(const char*, std::size_t n) { size += n; }
    void add(const std::string& s) { size += s.size(); }
};

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// Output to the stream, counting its position.
struct Output {
    std::ostream& out;
    std::uint64_t pos;
    void write(const std::string& s) {
        out.write(s.data(), static_cast<std::streamsize>(s.size()));
        pos += s.size();
    }
};

}  // namespace

void StructTree::prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const std::string& lang) {
    lang_ = intern(langs_, langTag(lang));
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

void StructTree::writeElem(std::string& d, std::size_t i, const std::vector<Name>& langOf, std::uint32_t rootId,
                           std::uint32_t base, const std::vector<HPDF_Page>& pages) const {
    auto elemId = [&](ElemId e) { return base + 1 + static_cast<std::uint32_t>(e); };
    auto pageId = [&](int p) { return objectId(pages[static_cast<std::size_t>(p)]); };
    const Elem& e = elems_[i];
    d += "<</S/";
    d += names_[e.type];
    d += "/P ";
    putRef(d, e.parent < 0 ? rootId : elemId(e.parent));
    const Name outer = e.parent < 0 ? lang_ : langOf[static_cast<std::size_t>(e.parent)];
    if (langOf[i] != outer) {
        d += "/Lang(";
        d += langs_[langOf[i]];
        d += ')';
    }
    // The page of the first marked content is the element's /Pg: its mcids on that page are
    // plain integers, those on other pages marked-content references.
    int pg = -1;
    for (std::int32_t k = e.first; k >= 0; k = kids_[static_cast<std::size_t>(k)].next) {
        const Kid& kid = kids_[static_cast<std::size_t>(k)];
        if (kid.page >= 0 && kid.value >= 0) {
            pg = kid.page;
            break;
        }
    }
    if (pg >= 0) {
        d += "/Pg ";
        putRef(d, pageId(pg));
    }
    if (e.scope != kNone) {
        d += "/A<</O/Table/Scope/";
        d += names_[e.scope];
        d += ">>";
    }
    // Always an array, without a trailing space: "/K 3" is shorter but deflate (level 1)
    // makes the 5,000-row order's structure 2 % larger from it than from "/K[3]".
    if (e.first >= 0) {
        d += "/K[";
        for (std::int32_t k = e.first; k >= 0; k = kids_[static_cast<std::size_t>(k)].next) {
            const Kid& kid = kids_[static_cast<std::size_t>(k)];
            if (k != e.first) d += ' ';
            if (kid.page < 0) {
                putRef(d, elemId(kid.value));
            } else if (kid.value < 0) {
                d += "<</Type/OBJR/Obj ";
                putRef(d, objectId(links_[static_cast<std::size_t>(-1 - kid.value)].annot));
                d += "/Pg ";
                putRef(d, pageId(kid.page));
                d += ">>";
            } else if (kid.page == pg) {
                put(d, static_cast<std::uint64_t>(kid.value));
            } else {
                d += "<</Type/MCR/Pg ";
                putRef(d, pageId(kid.page));
                d += "/MCID ";
                put(d, static_cast<std::uint64_t>(kid.value));
                d += ">>";
            }
        }
        d += ']';
    }
    d += ">>";
}

void StructTree::appendTo(std::ostream& out, std::uint64_t size, std::uint64_t prevXref, HPDF_Doc doc,
                          const std::vector<HPDF_Page>& pages, const std::string& id) const {
    if (!enabled_) return;
    const std::uint32_t rootId = objectId(placeholder_);
    const auto base = static_cast<std::uint32_t>(doc->xref->entries->count);  // libharu's next number
    const std::uint32_t parentTreeId = base;
    auto elemId = [&](ElemId e) { return base + 1 + static_cast<std::uint32_t>(e); };

    // The language each element is in, to write /Lang only where it changes.
    std::vector<Name> langOf(elems_.size());
    for (std::size_t i = 0; i < elems_.size(); ++i) {
        const Elem& e = elems_[i];
        const Name outer = e.parent < 0 ? lang_ : langOf[static_cast<std::size_t>(e.parent)];
        langOf[i] = e.lang == kNone ? outer : e.lang;
    }
    // The parent tree: per page the element of each mcid, then per annotation its Link
    // element. Written page by page into `sink` (a Counter first, for its length).
    std::string part;
    auto parentTree = [&](auto& sink) {
        sink.add("<</Nums[", 8);
        for (std::size_t p = 0; p < pages.size(); ++p) {
            part.clear();
            put(part, p);
            part += '[';
            if (p < pageContent_.size()) {
                const auto& ids = pageContent_[p];
                for (std::size_t k = 0; k < ids.size(); ++k) {
                    if (k) part += ' ';
                    putRef(part, elemId(ids[k]));
                }
            }
            part += ']';
            sink.add(part);
        }
        for (std::size_t k = 0; k < links_.size(); ++k) {
            part.clear();
            part += ' ';
            put(part, pages.size() + k);
            part += ' ';
            putRef(part, elemId(links_[k].elem));
            sink.add(part);
        }
        sink.add("]>>", 3);
    };

    // The objects, in number order: root (its own number), parent tree, elements; in object
    // streams of at most kPerStream objects, then the cross-reference stream.
    const std::size_t count = elems_.size() + 2;
    constexpr std::size_t kPerStream = 2000;
    const auto streams = static_cast<std::uint32_t>((count + kPerStream - 1) / kPerStream);
    const std::uint32_t firstStream = base + 1 + static_cast<std::uint32_t>(elems_.size());
    const std::uint32_t xrefId = firstStream + streams;
    auto number = [&](std::size_t k) {
        return k == 0 ? rootId : k == 1 ? parentTreeId : elemId(static_cast<ElemId>(k - 2));
    };
    Output o{out, size};
    std::vector<std::uint64_t> streamAt(streams);
    Deflater z;
    std::string head, body;
    for (std::uint32_t s = 0; s < streams; ++s) {
        const std::size_t from = s * kPerStream, to = std::min(count, from + kPerStream);
        head.clear();
        body.clear();
        std::size_t treeAt = std::string::npos, treeSize = 0;  // the parent tree's place in the body
        for (std::size_t k = from; k < to; ++k) {
            put(head, number(k));
            head += ' ';
            put(head, body.size() + treeSize);
            head += ' ';
            if (k == 0) {
                body += "<</Type/StructTreeRoot/K ";
                putRef(body, elemId(0));
                body += "/ParentTree ";
                putRef(body, parentTreeId);
                body += "/ParentTreeNextKey ";
                put(body, pages.size() + links_.size());
                body += ">>\n";
            } else if (k == 1) {
                Counter c;
                parentTree(c);
                treeAt = body.size();
                treeSize = c.size + 1;
            } else {
                writeElem(body, k - 2, langOf, rootId, base, pages);
                body += '\n';
            }
        }
        z.add(head);
        if (treeAt == std::string::npos) {
            z.add(body);
        } else {
            z.add(body.data(), treeAt);
            parentTree(z);
            z.add("\n", 1);
            z.add(body.data() + treeAt, body.size() - treeAt);
        }
        const std::string data = z.finish();
        streamAt[s] = o.pos;
        std::string obj;
        put(obj, firstStream + s);
        obj += " 0 obj\n<</Type/ObjStm/N ";
        put(obj, to - from);
        obj += "/First ";
        put(obj, head.size());
        obj += "/Filter/FlateDecode/Length ";
        put(obj, data.size());
        obj += ">>\nstream\n";
        o.write(obj);
        o.write(data);
        o.write("\nendstream\nendobj\n");
    }

    // The cross-reference stream: the root's entry, then base..xrefId. An element's place
    // follows from its number; only the object streams' offsets need remembering.
    const std::uint64_t xrefAt = o.pos;
    std::string table;
    auto entry = [&](std::uint8_t type, std::uint64_t field, std::size_t index) {
        table += static_cast<char>(type);
        for (int shift = 24; shift >= 0; shift -= 8) table += static_cast<char>((field >> shift) & 0xFF);
        table += static_cast<char>((index >> 8) & 0xFF);
        table += static_cast<char>(index & 0xFF);
        if (table.size() >= 65536) {
            z.add(table);
            table.clear();
        }
    };
    entry(2, firstStream, 0);
    for (std::uint32_t n = base; n <= xrefId; ++n) {
        if (n < firstStream) {
            const std::size_t k = n - base + 1;
            entry(2, firstStream + k / kPerStream, k % kPerStream);
        } else if (n < xrefId) {
            entry(1, streamAt[n - firstStream], 0);
        } else {
            entry(1, xrefAt, 0);
        }
    }
    z.add(table);
    const std::string data = z.finish();
    std::string trailer;
    put(trailer, xrefId);
    trailer += " 0 obj\n<</Type/XRef/Size ";
    put(trailer, xrefId + 1);
    trailer += "/Root ";
    putRef(trailer, objectId(doc->catalog));
    if (doc->info) {
        trailer += "/Info ";
        putRef(trailer, objectId(doc->info));
    }
    trailer += "/ID[<" + hex(id) + "><" + hex(id) + ">]/Prev ";
    put(trailer, prevXref);
    trailer += "/Index[";
    put(trailer, rootId);
    trailer += " 1 ";
    put(trailer, base);
    trailer += ' ';
    put(trailer, xrefId + 1 - base);
    trailer += "]/W[1 4 2]/Filter/FlateDecode/Length ";
    put(trailer, data.size());
    trailer += ">>\nstream\n";
    o.write(trailer);
    o.write(data);
    std::string tail = "\nendstream\nendobj\nstartxref\n";
    put(tail, xrefAt);
    tail += "\n%%EOF\n";
    o.write(tail);
}

}  // namespace overens::pdf
