// The ODF writer, checked from outside: the package and its streams read back with Poco's zip
// reader and pugixml, then the real tools (odf-validate, LibreOffice, pdftotext, pandoc).
#include <gtest/gtest.h>

#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <pugixml.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "odf_test_document.hpp"
#include "test_support.hpp"
#include "writers/odf/odf_writer.hpp"

namespace fs = std::filesystem;
using namespace overens;
using overens::test::run;
using overens::test::TempDir;

namespace {

WriteOptions houseOptions() {
    WriteOptions o;
    o.templatesDir = test::sourceDir() / "templates";
    return o;
}

std::string writeToString(const doc::Document& d, const WriteOptions& o = houseOptions()) {
    std::ostringstream out(std::ios::binary);
    odf::writeOdt(d, out, o);
    return out.str();
}

fs::path writeToFile(const doc::Document& d, const fs::path& p, const WriteOptions& o = houseOptions()) {
    test::writeFile(p, writeToString(d, o));
    return p;
}

// Every file entry of a zip, by name, in the order of the local headers.
struct Unzipped {
    std::vector<std::string> order;
    std::map<std::string, std::string> files;
};

Unzipped unzip(const fs::path& p) {
    Unzipped u;
    std::ifstream in(p, std::ios::binary);
    Poco::Zip::ZipArchive archive(in);
    std::vector<std::pair<std::streamoff, std::string>> byOffset;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        if (!it->second.isFile()) continue;
        byOffset.emplace_back(static_cast<std::streamoff>(it->second.getStartPos()), it->first);
        in.clear();
        Poco::Zip::ZipInputStream zin(in, it->second, true);
        Poco::StreamCopier::copyToString(zin, u.files[it->first]);
    }
    std::sort(byOffset.begin(), byOffset.end());
    for (const auto& [offset, name] : byOffset) u.order.push_back(name);
    return u;
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document d;
    auto r = d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    EXPECT_TRUE(r) << r.description();
    return d;
}

// One entry of a zip.
std::string unzipEntry(const fs::path& p, const std::string& name) {
    auto u = unzip(p);
    auto it = u.files.find(name);
    return it == u.files.end() ? std::string() : it->second;
}

// Runs of white space as one space, trimmed.
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A zip of the given entries, in order (mimetype stored).
void makeZip(const fs::path& p, const std::vector<std::pair<std::string, std::string>>& entries) {
    std::ofstream out(p, std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, content] : entries) {
        std::istringstream in(content);
        zip.addFile(in, Poco::DateTime(2027, 1, 20), Poco::Path(name, Poco::Path::PATH_UNIX),
                    name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    zip.close();
}

std::string tool(const std::string& name) { return (test::sharedTools() / name).string(); }

std::string profileUrl(const TempDir& dir) { return "file://" + (dir.path() / "lo-profile").string(); }

// LibreOffice headless: FILE -> format in outDir, with a throwaway profile. Returns the result.
test::RunResult soffice(const fs::path& file, const std::string& format, const fs::path& outDir,
                        const TempDir& profile) {
    return run({"soffice", "--headless", "-env:UserInstallation=" + profileUrl(profile), "--convert-to", format,
                "--outdir", outDir.string(), file.string()},
               {}, 180);
}

std::string pdfText(const fs::path& pdf) {
    auto r = run({"pdftotext", "-layout", pdf.string(), "-"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
}

#define REQUIRE_TOOL(name)                                                                  \
    if (!test::commandExists(name)) GTEST_SKIP() << "the checker needs '" << name << "', which is not installed"

}  // namespace

// --- the package ---------------------------------------------------------------------------

TEST(OdfPackage, MimetypeFirstStoredAndManifestListsEveryEntry) {
    TempDir dir;
    const auto p = writeToFile(test::everyBlockDocument(), dir / "all.odt");
    const std::string bytes = test::readFile(p);
    ASSERT_GT(bytes.size(), 100u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes[8], 0) << "mimetype must be stored";
    EXPECT_EQ(bytes[9], 0);
    EXPECT_EQ(bytes[28], 0) << "mimetype must have no extra field";
    EXPECT_EQ(bytes[29], 0);
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");

    const auto z = unzip(p);
    ASSERT_FALSE(z.order.empty());
    EXPECT_EQ(z.order.front(), "mimetype");
    EXPECT_EQ(z.files.at("mimetype"), "application/vnd.oasis.opendocument.text");
    auto manifest = parse(z.files.at("META-INF/manifest.xml"));
    std::map<std::string, std::string> listed;
    for (auto e : manifest.document_element().children("manifest:file-entry"))
        listed[e.attribute("manifest:full-path").value()] = e.attribute("manifest:media-type").value();
    EXPECT_EQ(listed["/"], "application/vnd.oasis.opendocument.text");
    for (const auto& [name, content] : z.files) {
        if (name == "mimetype" || name.rfind("META-INF/", 0) == 0) continue;
        EXPECT_TRUE(listed.count(name)) << name << " is not in the manifest";
    }
    for (const char* stream : {"content.xml", "styles.xml", "meta.xml"}) {
        EXPECT_TRUE(z.files.count(stream)) << stream;
        EXPECT_EQ(listed[stream], "text/xml");
    }
}

TEST(OdfPackage, TwoWritesGiveIdenticalBytes) {
    const auto d = test::everyBlockDocument();
    const std::string a = writeToString(d);
    const std::string b = writeToString(test::everyBlockDocument());
    EXPECT_EQ(a.size(), b.size());
    EXPECT_TRUE(a == b) << "the same tree must give the same bytes";
    // and the output depends on the tree: a changed word changes the bytes
    auto changed = d;
    changed.meta.dnr = "KS 2027/0043";
    EXPECT_NE(writeToString(changed), a);
}

// --- the streams ---------------------------------------------------------------------------

class OdfStreams : public ::testing::Test {
protected:
    void SetUp() override {
        const auto p = writeToFile(test::everyBlockDocument(), dir_ / "all.odt");
        z_ = unzip(p);
        content_ = parse(z_.files.at("content.xml"));
        styles_ = parse(z_.files.at("styles.xml"));
        meta_ = parse(z_.files.at("meta.xml"));
    }
    pugi::xpath_node_set select(const pugi::xml_document& d, const char* xpath) { return d.select_nodes(xpath); }

    TempDir dir_;
    Unzipped z_;
    pugi::xml_document content_, styles_, meta_;
};

TEST_F(OdfStreams, HeadingsCarryOutlineLevelsAndUnnumberedOnesAreListHeaders) {
    auto hs = select(content_, "//text:h");
    ASSERT_EQ(hs.size(), 4u);
    EXPECT_STREQ(hs[0].node().attribute("text:outline-level").value(), "1");
    EXPECT_EQ(std::string(hs[0].node().child_value()), "Mål och uppdrag");
    EXPECT_TRUE(hs[0].node().child("text:bookmark-start")) << "headings carry the bookmark the contents refer to";
    EXPECT_STREQ(hs[1].node().attribute("text:outline-level").value(), "2");
    EXPECT_STREQ(hs[1].node().attribute("text:style-name").value(), "Heading_20_2");
    EXPECT_STREQ(hs[2].node().attribute("text:style-name").value(), "Heading_20_1");
    EXPECT_FALSE(hs[2].node().attribute("text:is-list-header"));
    EXPECT_STREQ(hs[3].node().attribute("text:is-list-header").value(), "true");
    // the outline style numbers headings
    auto level1 = select(styles_, "//text:outline-style/text:outline-level-style[@text:level='1']");
    ASSERT_EQ(level1.size(), 1u);
    EXPECT_STREQ(level1[0].node().attribute("style:num-format").value(), "1");
}

TEST_F(OdfStreams, RunsBecomeSpansAndSpacesSurvive) {
    auto lead = select(content_, "//text:p[.//text:span[@text:style-name='Strong_20_Emphasis']]");
    ASSERT_EQ(lead.size(), 1u);
    auto p = lead[0].node();
    EXPECT_EQ(std::string(p.select_node(".//text:span[@text:style-name='Strong_20_Emphasis']").node().child_value()),
              "Kommunallagen 6 kap. 1 §");
    EXPECT_EQ(std::string(p.select_node(".//text:span[@text:style-name='Emphasis']").node().child_value()),
              "särskilt ansvar");
    EXPECT_EQ(std::string(p.select_node(".//text:span[@text:style-name='Entered_20_value']").node().child_value()),
              "Åsa Öberg");
    EXPECT_TRUE(p.select_node(".//text:s")) << "the second of two spaces must be text:s";
    EXPECT_NE(z_.files.at("content.xml").find(" – med "), std::string::npos);
}

TEST_F(OdfStreams, ListsAreRealListsWithListStyles) {
    auto top = select(content_, "/office:document-content/office:body/office:text/text:list");
    ASSERT_EQ(top.size(), 2u);
    EXPECT_STREQ(top[0].node().attribute("text:style-name").value(), "Bullet_20_list");
    EXPECT_STREQ(top[1].node().attribute("text:style-name").value(), "Numbered_20_list");
    auto nested = select(content_, "//text:list/text:list-item/text:list");
    ASSERT_EQ(nested.size(), 1u);
    EXPECT_STREQ(nested[0].node().attribute("text:style-name").value(), "Numbered_20_list");
    EXPECT_EQ(nested[0].node().select_nodes("text:list-item").size(), 2u);
    EXPECT_TRUE(select(styles_, "//text:list-style[@style:name='Bullet_20_list']/text:list-level-style-bullet").size() > 0);
}

TEST_F(OdfStreams, TablesRepeatHeaderRowsAndPadShortRows) {
    auto tables = select(content_, "//table:table[table:table-header-rows]");
    ASSERT_EQ(tables.size(), 1u);
    auto t = tables[0].node();
    EXPECT_EQ(t.select_nodes("table:table-column").size(), 4u);
    EXPECT_EQ(t.select_nodes("table:table-header-rows/table:table-row").size(), 1u);
    auto rows = t.select_nodes("table:table-row");
    ASSERT_EQ(rows.size(), 3u);
    for (auto r : rows) EXPECT_EQ(r.node().select_nodes("table:table-cell").size(), 4u);
    // body cells take the columns' default cell style (bordered); header cells have their own
    EXPECT_EQ(t.select_nodes("table:table-row/table:table-cell[@table:style-name]").size(), 0u);
    EXPECT_EQ(t.select_nodes("table:table-header-rows/table:table-row/table:table-cell[@table:style-name]").size(), 4u);
    const std::string bodyCell = t.child("table:table-column").attribute("table:default-cell-style-name").value();
    auto bodyStyle = content_.select_node(
        ("//style:style[@style:name='" + bodyCell + "'][@style:family='table-cell']/style:table-cell-properties").c_str());
    ASSERT_TRUE(bodyStyle) << bodyCell;
    EXPECT_NE(std::string(bodyStyle.node().attribute("fo:border").value()), "none");
    // the caption precedes the table
    auto caption = select(content_, "//text:p[@text:style-name='Table']");
    ASSERT_EQ(caption.size(), 1u);
    EXPECT_EQ(std::string(caption[0].node().child_value()), "Tabell 1. Delegationsförteckning");
    // column widths from the content, as the PDF's (table_widths): every text fits on one line,
    // so each column gets room by its longest text and the weights 1:4:2:2 do not decide
    auto cols = t.select_nodes("table:table-column");
    std::vector<std::string> widths;
    for (auto c : cols) {
        const std::string name = c.node().attribute("table:style-name").value();
        auto s = content_.select_node(("//style:style[@style:name='" + name + "']/style:table-column-properties").c_str());
        widths.push_back(s.node().attribute("style:rel-column-width").value());
    }
    EXPECT_EQ(widths, (std::vector<std::string>{"707*", "5007*", "2251*", "2035*"}));
}

TEST_F(OdfStreams, TitleBlockSignaturesNotesAndPageBreak) {
    EXPECT_EQ(select(content_, "//text:p[@text:style-name='Title']").size(), 1u);
    EXPECT_EQ(select(content_, "//text:p[@text:style-name='Organisation']").size(), 1u);
    EXPECT_EQ(select(content_, "//text:p[@text:style-name='Fact_20_label']").size(), 3u);
    auto lines = select(content_, "//text:p[@text:style-name='Signature_20_line']");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(std::string(lines[2].node().child_value()), "Åke Ängström");
    EXPECT_EQ(select(content_, "//text:p[@text:style-name='Note']").size(), 1u);
    EXPECT_EQ(select(content_, "//text:p[@text:style-name='Note_20_important']").size(), 1u);
    // the page break after the table of contents lands on the first heading
    auto h1 = select(content_, "//text:h")[0].node();
    const std::string style = h1.attribute("text:style-name").value();
    auto auto1 = content_.select_node(("//office:automatic-styles/style:style[@style:name='" + style + "']").c_str());
    ASSERT_TRUE(auto1) << "first heading should use an automatic style with the break, got " << style;
    EXPECT_STREQ(auto1.node().attribute("style:parent-style-name").value(), "Heading_20_1");
    EXPECT_STREQ(auto1.node().child("style:paragraph-properties").attribute("fo:break-before").value(), "page");
}

TEST_F(OdfStreams, TableOfContentsListsHeadingsWithPageFields) {
    auto toc = select(content_, "//text:table-of-content");
    ASSERT_EQ(toc.size(), 1u);
    auto entries = toc[0].node().select_nodes("text:index-body/text:p");
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_NE(std::string(entries[0].node().text().get()).find(""), std::string::npos);
    std::string first;
    for (auto n : entries[0].node().select_nodes(".//text()")) first += n.node().value();
    EXPECT_EQ(first.rfind("1 Mål och uppdrag", 0), 0u) << first;
    EXPECT_TRUE(entries[0].node().select_node(".//text:bookmark-ref[@text:reference-format='page']"));
    // every bookmark the table points at exists in a heading
    for (auto ref : select(content_, "//text:bookmark-ref")) {
        const std::string name = ref.node().attribute("text:ref-name").value();
        EXPECT_TRUE(content_.select_node(("//text:h/text:bookmark-start[@text:name='" + name + "']").c_str())) << name;
    }
}

TEST_F(OdfStreams, HeaderAndFooterHaveOrganisationAndPageFields) {
    auto master = select(styles_, "//office:master-styles/style:master-page[@style:name='Standard']");
    ASSERT_EQ(master.size(), 1u);
    auto header = master[0].node().child("style:header").child("text:p");
    EXPECT_EQ(std::string(header.text().get()), "Exempelby kommun · KS 2027/0042");
    auto footer = master[0].node().child("style:footer").child("text:p");
    ASSERT_TRUE(footer);
    EXPECT_TRUE(footer.child("text:page-number"));
    EXPECT_TRUE(footer.child("text:page-count"));
    std::string words;
    for (auto c : footer.children())
        if (c.type() == pugi::node_pcdata) words += c.value();
    EXPECT_EQ(words, "Sida  av ");  // "Sida ", field, " av ", field
    // the document language on the default style
    auto def = styles_.select_node("//style:default-style[@style:family='paragraph']/style:text-properties");
    EXPECT_STREQ(def.node().attribute("fo:language").value(), "sv");
    EXPECT_STREQ(def.node().attribute("fo:country").value(), "SE");
}

TEST_F(OdfStreams, MetaHasAdoptionDateAndDocumentProperties) {
    auto m = meta_.document_element().child("office:meta");
    EXPECT_EQ(std::string(m.child_value("dc:title")), "Överenskommelse om samverkan");
    EXPECT_EQ(std::string(m.child_value("dc:language")), "sv-SE");
    EXPECT_EQ(std::string(m.child_value("meta:creation-date")), "2027-01-20T00:00:00");
    EXPECT_EQ(std::string(m.child_value("meta:generator")), "Överens 0.1.0");
    EXPECT_EQ(m.select_nodes("meta:keyword").size(), 3u);
    std::map<std::string, std::string> props;
    for (auto p : m.children("meta:user-defined")) props[p.attribute("meta:name").value()] = p.child_value();
    EXPECT_EQ(props["RegistrationNumber"], "KS 2027/0042");
    EXPECT_EQ(props["DocumentKind"], "agreement");
    EXPECT_EQ(props["ReviewDate"], "2028-01-20");
    EXPECT_EQ(props["SourceSHA256"], "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    EXPECT_EQ(props["TemplateVersion"], "2026.1");
}

TEST(OdfWriter, EnglishDocumentGetsEnglishLabels) {
    auto d = test::everyBlockDocument();
    d.meta.lang = "en";
    d.meta.pageLabel.clear();
    TempDir dir;
    auto z = unzip(writeToFile(d, dir / "en.odt"));
    EXPECT_NE(z.files.at("meta.xml").find("<dc:language>en-GB</dc:language>"), std::string::npos);
    EXPECT_NE(z.files.at("styles.xml").find("Page <text:page-number"), std::string::npos);
    EXPECT_NE(z.files.at("styles.xml").find("fo:language=\"en\" fo:country=\"GB\""), std::string::npos);
}

TEST(OdfWriter, RegisteredAsOdtInTheBuiltinRegistry) {
    const Writer* w = WriterRegistry::builtin().find("odt");
    ASSERT_NE(w, nullptr);
    EXPECT_TRUE(w->byDefault());
    std::ostringstream out;
    Diagnostics diags;
    w->write(test::everyBlockDocument(), out, houseOptions(), diags);
    EXPECT_EQ(out.str(), writeToString(test::everyBlockDocument()));
}

TEST(OdfWriter, ControlCharactersAreDroppedNotWrittenAsInvalidXml) {
    doc::Document d;
    d.meta.lang = "sv";
    d.blocks.push_back(doc::Paragraph{doc::runs(std::string("före\x01\x0b" "efter\ttab\nrad"))});
    TempDir dir;
    auto z = unzip(writeToFile(d, dir / "ctl.odt"));
    auto c = parse(z.files.at("content.xml"));
    auto p = c.select_node("//office:text/text:p").node();
    EXPECT_EQ(std::string(p.first_child().value()), "föreefter");
    EXPECT_TRUE(p.child("text:tab"));
    EXPECT_TRUE(p.child("text:line-break"));
}

// The body is written out in pieces (block by block, a long table every few hundred rows) to
// keep memory low; the bytes must be those of the whole tree serialised at once. Re-serialising
// the parsed content.xml with pugixml, raw and keeping all text, gives those bytes.
TEST(OdfWriter, BodyWrittenInPiecesEqualsTheWholeTreeSerialisedAtOnce) {
    for (std::size_t rows : {std::size_t(1), std::size_t(255), std::size_t(256), std::size_t(700)}) {
        auto d = test::delegationOrder(rows);
        for (auto& b : test::everyBlockDocument().blocks) d.blocks.push_back(b);
        TempDir dir;
        const std::string content = unzip(writeToFile(d, dir / "pieces.odt")).files.at("content.xml");
        pugi::xml_document whole;
        const unsigned keepEverything =
            (pugi::parse_full | pugi::parse_ws_pcdata) & ~(pugi::parse_declaration | pugi::parse_eol);
        ASSERT_TRUE(whole.load_buffer(content.data(), content.size(), keepEverything));
        std::ostringstream again;
        again << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        whole.save(again, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        EXPECT_EQ(again.str(), content) << rows << " rows";
        const auto tableRows = whole.select_nodes("//table:table-row").size();
        EXPECT_GE(tableRows, rows) << rows << " rows";
    }
}

// --- errors ----------------------------------------------------------------------------------

TEST(OdfReference, BrokenReferencesAreClearWriteErrors) {
    TempDir dir;
    const auto d = test::everyBlockDocument();
    auto expectError = [&](const fs::path& ref, const std::string& words) {
        WriteOptions o = houseOptions();
        o.referenceOdt = ref;
        try {
            writeToString(d, o);
            ADD_FAILURE() << "no error for " << ref;
        } catch (const WriteError& e) {
            EXPECT_EQ(e.code(), "odf.reference");
            const std::string what = e.what();
            EXPECT_NE(what.find(ref.string()), std::string::npos) << what;
            EXPECT_NE(what.find(words), std::string::npos) << what;
        }
    };
    expectError(dir / "missing.ott", "no such file");
    test::writeFile(dir / "text.odt", "this is not a zip file at all");
    expectError(dir / "text.odt", "not a zip package");
    // a real package cut in half
    const std::string good = writeToString(d);
    test::writeFile(dir / "cut.odt", good.substr(0, good.size() / 2));
    expectError(dir / "cut.odt", "damaged");
    // zips that are not usable ODF text packages
    makeZip(dir / "sheet.ods", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"styles.xml", "<x/>"}});
    expectError(dir / "sheet.ods", "not an OpenDocument text document");
    makeZip(dir / "nostyles.odt", {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}});
    expectError(dir / "nostyles.odt", "has no styles.xml");
    makeZip(dir / "word.docx", {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w/>"}});
    expectError(dir / "word.docx", "save it as .odt or .ott");
    makeZip(dir / "nomime.odt", {{"styles.xml", "<x/>"}});
    expectError(dir / "nomime.odt", "no 'mimetype' entry");
    makeZip(dir / "badxml.ott", {{"mimetype", "application/vnd.oasis.opendocument.text-template"},
                                 {"styles.xml", "<office:document-styles><office:styles>"}});
    expectError(dir / "badxml.ott", "styles.xml is not well-formed XML");
    makeZip(dir / "notstyles.ott", {{"mimetype", "application/vnd.oasis.opendocument.text-template"},
                                    {"styles.xml", "<html/>"}});
    expectError(dir / "notstyles.ott", "not an office:document-styles document");
}

TEST(OdfReference, MissingHouseStyleIsAClearWriteError) {
    TempDir dir;
    WriteOptions o;
    o.templatesDir = dir.path();
    try {
        writeToString(test::everyBlockDocument(), o);
        ADD_FAILURE() << "no error";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "odf.house-style");
        EXPECT_NE(std::string(e.what()).find("styles.xml"), std::string::npos);
    }
}

// --- the real checkers ----------------------------------------------------------------------

TEST(OdfChecks, OdfValidateStrictPassesOnEveryBlockType) {
    REQUIRE_TOOL("jing");
    TempDir dir;
    const auto p = writeToFile(test::everyBlockDocument(), dir / "all.odt");
    auto r = run({tool("odf-validate"), p.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("odf-validate: OK"), std::string::npos) << r.out;
}

TEST(OdfChecks, OdfValidateStrictPassesOnEmptyAndLargeDocuments) {
    REQUIRE_TOOL("jing");
    TempDir dir;
    doc::Document empty;
    for (const auto& [name, d] : {std::pair<std::string, doc::Document>{"empty.odt", empty},
                                  {"rows.odt", test::delegationOrder(300)}}) {
        const auto p = writeToFile(d, dir / name);
        auto r = run({tool("odf-validate"), p.string()});
        EXPECT_EQ(r.exitCode, 0) << name << "\n" << r.out << r.err;
    }
}

TEST(OdfChecks, OdfValidateStrictPassesOnOddShapes) {
    REQUIRE_TOOL("jing");
    doc::Document d;
    d.meta.lang = "en";
    d.blocks.push_back(doc::PageBreak{});  // a break before anything
    d.blocks.push_back(doc::Heading{9, doc::runs("  Deep   heading  "), false});
    doc::Table headerOnly;
    headerOnly.header = {{doc::runs("Only"), doc::runs("a header")}};
    d.blocks.push_back(headerOnly);
    doc::Table ragged;
    ragged.weights = {1, 0};  // a zero weight: widths from content instead
    ragged.rows = {{doc::runs("a")}, {doc::runs("b"), doc::runs("c"), doc::runs("d")}, {}};
    d.blocks.push_back(ragged);
    doc::Table empty;
    empty.caption = doc::runs("Caption of nothing");
    d.blocks.push_back(empty);
    doc::List deep;
    deep.items.push_back({doc::Runs{}, {}});
    doc::List* level = &deep;
    for (int i = 0; i < 6; ++i) {
        level->items.back().children.push_back(doc::List{i % 2 == 0, {{doc::runs("level " + std::to_string(i + 2)), {}}}});
        level = &level->items.back().children.back();
    }
    d.blocks.push_back(deep);
    d.blocks.push_back(doc::List{});
    d.blocks.push_back(doc::SignatureBlock{doc::Runs{}, {{"Only One", ""}}});
    d.blocks.push_back(doc::SignatureBlock{doc::runs("Nobody signs"), {}});
    d.blocks.push_back(doc::TitleBlock{});
    d.blocks.push_back(doc::TableOfContents{});
    d.blocks.push_back(doc::PageBreak{});  // and one after everything
    TempDir dir;
    const auto p = writeToFile(d, dir / "odd.odt");
    auto r = run({tool("odf-validate"), p.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    auto c = parse(unzip(p).files.at("content.xml"));
    auto h = c.select_node("//text:h").node();
    EXPECT_STREQ(h.attribute("text:outline-level").value(), "6");
    EXPECT_EQ(c.select_nodes("//text:list").size(), 7u) << "empty lists are left out, nested ones kept";
    EXPECT_TRUE(c.select_node("//text:table-of-content/text:index-body/text:index-title"));
}

TEST(OdfChecks, LibreOfficeConvertsAndThePdfHoldsTheText) {
    REQUIRE_TOOL("soffice");
    REQUIRE_TOOL("pdftotext");
    TempDir dir;
    const auto p = writeToFile(test::everyBlockDocument(), dir / "all.odt");
    auto r = soffice(p, "pdf", dir.path(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    ASSERT_TRUE(fs::exists(dir / "all.pdf")) << r.out << r.err;
    const std::string text = pdfText(dir / "all.pdf");
    for (const char* words : {"Exempelby kommun", "Överenskommelse om samverkan", "1 Mål och uppdrag",
                              "1.1 Gemensamma åtaganden", "2 Delegation", "Åsa Öberg", "Örjan Ärlig", "Åke Ängström",
                              "KL 6 kap. 39 §", "Yttranden över remisser – mindre vikt", "Exempelby kommun · KS 2027/0042",
                              "Sida 1 av 3", "Sida 3 av 3", "Innehåll"})
        EXPECT_NE(text.find(words), std::string::npos) << "'" << words << "' not in the PDF text:\n" << text;
    // "Underskrifter" is unnumbered: no "3 Underskrifter"
    EXPECT_NE(text.find("Underskrifter"), std::string::npos);
    EXPECT_EQ(text.find("3 Underskrifter"), std::string::npos) << text;
    // the table of contents shows the page of "Mål och uppdrag" (page 2, after the break)
    EXPECT_NE(text.find("2 Delegation"), std::string::npos);
}

TEST(OdfChecks, PandocReadsIt) {
    REQUIRE_TOOL("pandoc");
    TempDir dir;
    const auto p = writeToFile(test::everyBlockDocument(), dir / "all.odt");
    auto r = run({"pandoc", "-f", "odt", "-t", "plain", "--wrap=none", p.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* words : {"Mål och uppdrag", "Gemensamma åtaganden", "Åsa Öberg", "Kommunallagen 6 kap. 1 §",
                              "Första underpunkten", "Beslut i brådskande ärenden", "Åke Ängström"})
        EXPECT_NE(r.out.find(words), std::string::npos) << "'" << words << "' not in pandoc's text:\n" << r.out;
}

// A reference document made here: a flat ODF (.fodt) with its own fonts, margins and a logo in
// the header, turned into .ott by LibreOffice, as a municipality would save its template.
namespace {

// An 8x8 PNG, dark blue.
const char* kLogoPngBase64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGNgYGhgQAIMowIIAQBkDAMBPKsB0AAAAABJRU5ErkJggg==";

std::string referenceFodt() {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="15pt" fo:font-weight="bold" fo:color="#006400"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="4.2cm" fo:margin-right="1.3cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="1.2cm"/></style:header-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header>
    <text:p text:style-name="Standard"><draw:frame draw:name="Logo" text:anchor-type="paragraph" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>)") +
           kLogoPngBase64 + R"(</office:binary-data></draw:image></draw:frame>Kommunens logga</text:p>
    <text:p text:style-name="Standard">Text som ska bort</text:p>
   </style:header>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text><text:p text:style-name="Text_20_body">Mall</text:p></office:text></office:body>
</office:document>
)";
}

}  // namespace

TEST(OdfReference, ReferenceFromLibreOfficeRestylesAndStaysValid) {
    REQUIRE_TOOL("soffice");
    REQUIRE_TOOL("jing");
    TempDir dir;
    test::writeFile(dir / "mall.fodt", referenceFodt());
    auto conv = soffice(dir / "mall.fodt", "ott", dir.path(), dir);
    ASSERT_EQ(conv.exitCode, 0) << conv.out << conv.err;
    ASSERT_TRUE(fs::exists(dir / "mall.ott")) << conv.out << conv.err;

    WriteOptions o = houseOptions();
    o.referenceOdt = dir / "mall.ott";
    const auto p = writeToFile(test::everyBlockDocument(), dir / "styled.odt", o);
    EXPECT_TRUE(writeToString(test::everyBlockDocument(), o) == test::readFile(p)) << "same reference, same bytes";

    // the reference carries LibreOffice's extensions: a conforming extended document
    auto v = run({tool("odf-validate"), "--extended", p.string()});
    EXPECT_EQ(v.exitCode, 0) << v.out << v.err;

    auto z = unzip(p);
    auto styles = parse(z.files.at("styles.xml"));
    // fonts and margins come from the reference
    // (LibreOffice writes lengths in inches: 4.2 cm = 1.6535 in)
    auto layout = styles.select_node("//style:page-layout/style:page-layout-properties[@fo:margin-left='1.6535in']");
    EXPECT_TRUE(layout) << "page margins of the reference are kept";
    auto body = styles.select_node("//style:style[@style:name='Text_20_body']/style:text-properties");
    EXPECT_STREQ(body.node().attribute("style:font-name").value(), "DejaVu Sans");
    // styles the reference lacks come from the house style, with their fonts declared
    EXPECT_TRUE(styles.select_node("//style:style[@style:name='Signature_20_line']"));
    EXPECT_TRUE(styles.select_node("//style:font-face[@style:name='Liberation Sans']"));
    // the header keeps the logo, drops the reference's other header text, adds ours
    const std::string stylesXml = z.files.at("styles.xml");
    EXPECT_EQ(stylesXml.find("Text som ska bort"), std::string::npos);
    EXPECT_NE(stylesXml.find("Exempelby kommun · KS 2027/0042"), std::string::npos);
    bool picture = false;
    for (const auto& [name, bytes] : z.files)
        if (name.rfind("Pictures/", 0) == 0 && stylesXml.find(name) != std::string::npos) picture = true;
    EXPECT_TRUE(picture) << "the logo travels with the styles";

    // and LibreOffice lays it out in the reference's font
    REQUIRE_TOOL("pdffonts");
    auto pdf = soffice(p, "pdf", dir.path(), dir);
    ASSERT_EQ(pdf.exitCode, 0) << pdf.err;
    auto fonts = run({"pdffonts", (dir / "styled.pdf").string()});
    EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
    const std::string text = pdfText(dir / "styled.pdf");
    EXPECT_NE(text.find("Mål och uppdrag"), std::string::npos);
    EXPECT_NE(text.find("Sida 1 av"), std::string::npos) << text;
}

TEST(OdfReference, HandMadeMinimalReferenceStaysStrictlyValid) {
    REQUIRE_TOOL("jing");
    TempDir dir;
    // A minimal reference: our own output, whose styles are strict ODF 1.3, used as reference.
    const auto ref = writeToFile(test::everyBlockDocument(), dir / "ref.odt");
    WriteOptions o = houseOptions();
    o.referenceOdt = ref;
    auto d = test::everyBlockDocument();
    d.meta.headerText = "Annan kommun · KS 2027/0099";
    const auto p = writeToFile(d, dir / "out.odt", o);
    auto v = run({tool("odf-validate"), p.string()});
    EXPECT_EQ(v.exitCode, 0) << v.out << v.err;
    const std::string styles = unzip(p).files.at("styles.xml");
    EXPECT_NE(styles.find("Annan kommun · KS 2027/0099"), std::string::npos);
    EXPECT_EQ(styles.find("Exempelby kommun · KS 2027/0042"), std::string::npos) << "the old header is replaced";
}

TEST(OdfReference, ZippedMinimalReferenceWithOnlyAPageLayout) {
    REQUIRE_TOOL("jing");
    TempDir dir;
    // A reference that holds nothing but a page layout (A5, wide margins) and its master page.
    makeZip(dir / "a5.ott",
            {{"mimetype", "application/vnd.oasis.opendocument.text-template"},
             {"styles.xml",
              R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
 <office:automatic-styles>
  <style:page-layout style:name="A5"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm"
    fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="3cm" fo:margin-right="1cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Liten" style:page-layout-name="A5"/></office:master-styles>
</office:document-styles>)"}});
    WriteOptions o = houseOptions();
    o.referenceOdt = dir / "a5.ott";
    const auto p = writeToFile(test::everyBlockDocument(), dir / "a5.odt", o);
    auto v = run({tool("odf-validate"), p.string()});
    EXPECT_EQ(v.exitCode, 0) << v.out << v.err;
    auto z = unzip(p);
    auto styles = parse(z.files.at("styles.xml"));
    EXPECT_TRUE(styles.select_node("//style:page-layout-properties[@fo:page-width='14.8cm']"));
    EXPECT_TRUE(styles.select_node("//style:master-page[@style:name='Liten']/style:header/text:p"));
    EXPECT_TRUE(styles.select_node("//style:master-page[@style:name='Liten']/style:footer/text:p/text:page-count"));
    EXPECT_TRUE(styles.select_node("//office:styles/style:style[@style:name='Heading_20_1']"));
    // the reference's master page is not called Standard: the first paragraph asks for it
    auto content = parse(z.files.at("content.xml"));
    EXPECT_TRUE(content.select_node("//office:automatic-styles/style:style[@style:master-page-name='Liten']"));
    if (test::commandExists("soffice") && test::commandExists("pdfinfo")) {
        auto c = soffice(p, "pdf", dir.path(), dir);
        ASSERT_EQ(c.exitCode, 0) << c.err;
        auto info = run({"pdfinfo", (dir / "a5.pdf").string()});
        EXPECT_NE(info.out.find("419.5"), std::string::npos) << "A5 pages (419.53 x 595.28 pt):\n" << info.out;
    }
}

TEST(OdfReference, PandocsReferenceOdtWorksAsReference) {
    REQUIRE_TOOL("pandoc");
    REQUIRE_TOOL("jing");
    TempDir dir;
    // the reference.odt that pandoc users start their house styles from
    auto r = run({"pandoc", "--print-default-data-file", "reference.odt"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    test::writeFile(dir / "reference.odt", r.out);
    WriteOptions o = houseOptions();
    o.referenceOdt = dir / "reference.odt";
    const auto p = writeToFile(test::everyBlockDocument(), dir / "out.odt", o);
    auto v = run({tool("odf-validate"), p.string()});
    EXPECT_EQ(v.exitCode, 0) << v.out << v.err;
    const std::string styles = unzip(p).files.at("styles.xml");
    EXPECT_NE(styles.find("Exempelby kommun · KS 2027/0042"), std::string::npos);
    auto back = run({"pandoc", "-f", "odt", "-t", "plain", "--wrap=none", p.string()});
    EXPECT_NE(back.out.find("Gemensamma åtaganden"), std::string::npos) << back.out;
}

// --- the sample agreements, through the real command ----------------------------------------

namespace {

// The sample answer files meant to build (those under a "faulty" folder are meant to fail).
std::vector<fs::path> sampleSources() {
    std::vector<fs::path> sources;
    const fs::path samples = test::samplesDir();
    if (fs::exists(samples))
        for (const auto& e : fs::recursive_directory_iterator(samples))
            if (e.path().extension() == ".xml" && e.path().string().find("/faulty/") == std::string::npos)
                sources.push_back(e.path());
    std::sort(sources.begin(), sources.end());
    return sources;
}

}  // namespace

TEST(OdfSamples, EverySampleBuildsToAValidOdtThatLibreOfficeReads) {
    REQUIRE_TOOL("jing");
    const fs::path samples = test::samplesDir();
    const std::vector<fs::path> sources = sampleSources();
    if (sources.empty()) GTEST_SKIP() << "no sample agreements in " << samples;
    TempDir dir;
    for (const auto& src : sources) {
        const fs::path out = dir / src.stem().string();
        auto r = test::runOverens({"build", src.string(), "--format", "odt", "-o", out.string()});
        ASSERT_EQ(r.exitCode, 0) << src << "\n" << r.out << r.err;
        std::vector<fs::path> odts;
        for (const auto& e : fs::directory_iterator(out))
            if (e.path().extension() == ".odt") odts.push_back(e.path());
        ASSERT_EQ(odts.size(), 1u) << "one .odt from " << src;
        auto v = run({tool("odf-validate"), odts[0].string()});
        EXPECT_EQ(v.exitCode, 0) << src << "\n" << v.out << v.err;
        // the same source gives the same bytes
        const fs::path again = dir / (src.stem().string() + "-again");
        ASSERT_EQ(test::runOverens({"build", src.string(), "--format", "odt", "-o", again.string()}).exitCode, 0);
        EXPECT_TRUE(test::readFile(odts[0]) == test::readFile(again / odts[0].filename())) << src;
        if (test::commandExists("soffice")) {
            auto c = soffice(odts[0], "pdf", out, dir);
            EXPECT_EQ(c.exitCode, 0) << c.err;
            const fs::path pdf = out / (odts[0].stem().string() + ".pdf");
            ASSERT_TRUE(fs::exists(pdf)) << c.out << c.err;
            const std::string text = pdfText(pdf);
            pugi::xml_document s;
            ASSERT_TRUE(s.load_file(src.c_str()));
            const bool english = std::string(s.document_element().attribute("lang").value()) == "en";
            EXPECT_NE(text.find(english ? "Page 1 of" : "Sida 1 av"), std::string::npos) << src;
            // every heading of the document, and the parties' names it holds, are in the PDF
            const std::string flat = squeeze(run({"pdftotext", pdf.string(), "-"}).out);
            const std::string contentXml = unzipEntry(odts[0], "content.xml");
            auto content = parse(contentXml);
            int headings = 0;
            for (auto h : content.select_nodes("//text:h")) {
                std::string words;
                for (auto t : h.node().select_nodes(".//text()")) words += t.node().value();
                words = squeeze(words);
                if (words.empty()) continue;
                ++headings;
                EXPECT_NE(flat.find(words), std::string::npos) << "heading '" << words << "' not in the PDF of " << src;
            }
            EXPECT_GT(headings, 2) << src;
            int names = 0;
            for (auto party : s.document_element().children("party")) {
                const std::string name = party.attribute("name").value();
                if (contentXml.find(name) == std::string::npos) continue;
                ++names;
                EXPECT_NE(flat.find(name), std::string::npos) << name << " missing from the PDF of " << src;
            }
            if (std::string(s.document_element().attribute("kind").value()) == "agreement") {
                EXPECT_GT(names, 0) << "an agreement names its parties: " << src;
            }
            for (const char* letter : {"å", "ä", "ö"}) {
                if (test::readFile(src).find(letter) != std::string::npos) {
                    EXPECT_NE(flat.find(letter), std::string::npos) << letter << " in " << src;
                }
            }
        }
        if (test::commandExists("pandoc")) {
            auto pr = run({"pandoc", "-f", "odt", "-t", "plain", odts[0].string()});
            EXPECT_EQ(pr.exitCode, 0) << pr.err;
            EXPECT_FALSE(pr.out.empty());
        }
    }
}

TEST(OdfSamples, BrokenReferenceOnTheCommandLineExitsTwo) {
    const fs::path samples = test::samplesDir();
    const std::vector<fs::path> sources = sampleSources();
    if (sources.empty()) GTEST_SKIP() << "no sample agreements in " << samples;
    TempDir dir;
    test::writeFile(dir / "broken.ott", "PK\x03\x04 not really a zip");
    auto r = test::runOverens({"build", sources.front().string(), "--format", "odt", "--reference-odt",
                            (dir / "broken.ott").string(), "-o", (dir / "out").string()});
    EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("broken.ott"), std::string::npos) << r.err;
}
