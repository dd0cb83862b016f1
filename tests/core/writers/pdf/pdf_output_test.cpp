// The PDF as the writer streams it out: libharu's part goes straight to the output and the
// structure tree follows it object stream by object stream. Read back with qpdf: a table large
// enough for several object streams has every marked content owned by the element the parent
// tree names, and every element is its parent's kid; a failing output is an error, not a
// silently short file.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "pdf_objects.hpp"
#include "pdf_test_docs.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// Does the element's /K hold marked content `mcid` on `page` (an integer when the element's
// /Pg is that page, else a marked-content reference)?
bool ownsContent(const Object::Ptr& elem, const std::string& page, int mcid) {
    auto kids = elem->getArray("/K");
    if (!kids) return false;
    for (std::size_t k = 0; k < kids->size(); ++k) {
        const auto i = static_cast<unsigned>(k);
        if (kids->get(i).isInteger()) {
            if (kids->getElement<int>(i) == mcid && str(elem, "/Pg") == page) return true;
        } else if (auto mcr = kids->getObject(i)) {
            if (str(mcr, "/Type") == "/MCR" && str(mcr, "/Pg") == page && mcr->getValue<int>("/MCID") == mcid) return true;
        }
    }
    return false;
}

}  // namespace

TEST(PdfOutput, ALargeTablesStructureAcrossObjectStreamsAgreesWithThePages) {
    test::TempDir dir;
    const fs::path pdf = dir / "rows.pdf";
    writePdf(delegation(700), pdf);  // a TR and five TDs a row: some 4,200 elements

    auto check = test::run({"qpdf", "--check", pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    // The elements are in several object streams.
    auto xref = test::run({"qpdf", "--show-xref", pdf.string()});
    ASSERT_EQ(xref.exitCode, 0) << xref.err;
    std::set<std::string> streams;
    static const std::regex compressed("compressed; stream = (\\d+)");
    for (std::sregex_iterator it(xref.out.begin(), xref.out.end(), compressed), end; it != end; ++it)
        streams.insert((*it)[1]);
    EXPECT_GE(streams.size(), 3u);

    Objects objs(pdf);
    auto catalog = objs.dict(str(objs.trailer(), "/Root"));
    auto root = objs.dict(str(catalog, "/StructTreeRoot"));
    ASSERT_TRUE(root);
    auto nums = objs.dict(str(root, "/ParentTree"))->getArray("/Nums");
    ASSERT_TRUE(nums);
    std::map<int, Array::Ptr> perPage;  // parent tree key -> the element of each mcid
    for (std::size_t i = 0; i + 1 < nums->size(); i += 2)
        if (auto a = nums->getArray(static_cast<unsigned>(i + 1))) perPage[nums->getElement<int>(static_cast<unsigned>(i))] = a;

    // Every page's marked content, through the parent tree, to the element that owns it.
    int pages = 0, contents = 0;
    for (const auto& [ref, page] : objs.with("/Type", "/Page")) {
        ++pages;
        ASSERT_TRUE(page->has("/StructParents")) << ref;
        const auto it = perPage.find(page->getValue<int>("/StructParents"));
        ASSERT_NE(it, perPage.end()) << ref;
        for (std::size_t mcid = 0; mcid < it->second->size(); ++mcid) {
            auto elem = objs.dict(it->second->getElement<std::string>(static_cast<unsigned>(mcid)));
            ASSERT_TRUE(elem) << ref << " mcid " << mcid;
            EXPECT_TRUE(ownsContent(elem, ref, static_cast<int>(mcid))) << ref << " mcid " << mcid;
            ++contents;
        }
    }
    EXPECT_GT(pages, 10);
    EXPECT_GT(contents, 2800);  // most cells (the remarks column is often empty)

    // Every element from the root down is its parent's kid, and the cells are all there.
    std::map<std::string, int> types;
    std::vector<std::pair<std::string, std::string>> todo{{str(root, "/K"), str(catalog, "/StructTreeRoot")}};
    std::set<std::string> seen;
    while (!todo.empty()) {
        const auto [ref, parent] = todo.back();
        todo.pop_back();
        ASSERT_TRUE(seen.insert(ref).second) << ref << " is reached twice";
        auto elem = objs.dict(ref);
        ASSERT_TRUE(elem) << ref;
        EXPECT_EQ(str(elem, "/P"), parent) << ref;
        ++types[str(elem, "/S")];
        if (auto kids = elem->getArray("/K"))
            for (std::size_t k = 0; k < kids->size(); ++k)
                if (kids->get(static_cast<unsigned>(k)).isString())
                    todo.emplace_back(kids->getElement<std::string>(static_cast<unsigned>(k)), ref);
    }
    // The order's table (its header row and 700 rows) and the title block's facts.
    EXPECT_GE(types["/TR"], 701);
    EXPECT_GE(types["/TD"], 3500);
    EXPECT_GE(types["/TH"], 5);
    EXPECT_GE(seen.size(), 4200u);
}

TEST(PdfOutput, AnOutputThatCannotBeWrittenIsAnError) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    const Writer* w = WriterRegistry::builtin().find("pdf");
    ASSERT_NE(w, nullptr);
    std::ofstream out("/dev/full", std::ios::binary);
    ASSERT_TRUE(out);
    Diagnostics diags;
    try {
        w->write(delegation(300), out, options(), diags);
        ADD_FAILURE() << "writing to a full device succeeded";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "pdf.write") << e.what();
    }
}
