// The ODF writer's streaming parts against the libraries they stand in for: XmlWriter against
// pugixml's serialisation of the same tree, ZipWriter against Poco::Zip::Compress writing the
// same entries, and the styles made once per process against a fresh process's.
#include <gtest/gtest.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <pugixml.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "odf_test_document.hpp"
#include "test_support.hpp"
#include "writers/odf/odf_writer.hpp"
#include "writers/odf/odf_xml.hpp"
#include "writers/odf/odf_zip.hpp"

namespace fs = std::filesystem;
using namespace overens;
using namespace overens::odf;
using overens::test::TempDir;

namespace {

// --- XmlWriter -------------------------------------------------------------------------------

const char* const kNames[] = {"text:p", "text:span", "table:table-cell", "a", "office:text"};

// Text with what needs escaping: markup characters, quotes, control characters, UTF-8.
std::string randomText(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {"a", "Å", "§", " ", "  ", "&", "<", ">", "\"", "'", "\t",
                                                    "\n", "\r", "\x01", "\x1f", "–", "x y", "&amp;", "]]>"};
    std::string s;
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
}

// The same random tree into pugixml and into an XmlWriter.
void grow(std::mt19937& rng, pugi::xml_node parent, XmlWriter& w, int depth) {
    const int children = depth > 3 ? 0 : static_cast<int>(rng() % 4);
    for (int i = 0; i < children; ++i) {
        if (rng() % 3 == 0) {
            const std::string t = randomText(rng);
            if (t.empty()) continue;  // pugixml would keep an empty text node; XmlWriter writes nothing
            parent.append_child(pugi::node_pcdata).set_value(t.c_str());
            w.text(t);
            continue;
        }
        const char* name = kNames[rng() % (sizeof kNames / sizeof *kNames)];
        auto e = parent.append_child(name);
        w.open(name);
        const int attrs = static_cast<int>(rng() % 3);
        for (int a = 0; a < attrs; ++a) {
            const std::string attrName = "x:a" + std::to_string(a);
            const std::string value = randomText(rng);
            e.append_attribute(attrName.c_str()) = value.c_str();
            w.attr(attrName.c_str(), value);
        }
        if (rng() % 5 == 0) {
            e.text().set("");  // an element whose text is set empty is not an empty element
            w.text("");
        } else {
            grow(rng, e, w, depth + 1);
        }
        w.close();
    }
}

}  // namespace

TEST(OdfXmlWriter, WritesWhatPugixmlSerialisesForTheSameTree) {
    std::mt19937 rng(20270120);
    for (int round = 0; round < 300; ++round) {
        pugi::xml_document d;
        std::string ours;
        StringSink sink(ours);
        XmlWriter w(&sink);
        w.declaration();
        auto root = d.append_child("office:document-content");
        w.open("office:document-content");
        grow(rng, root, w, 0);
        w.finish();
        EXPECT_EQ(ours, serialize(d)) << "round " << round;
    }
}

TEST(OdfXmlWriter, ADryRunWritesNothingButCountsElements) {
    XmlWriter w(nullptr);
    w.open("a");
    w.attr("b", "c");
    w.text("d");
    w.open("e");
    w.close();
    w.close();
    w.finish();
    EXPECT_TRUE(w.discarding());
    EXPECT_EQ(w.opened(), 2u);
}

// --- ZipWriter -------------------------------------------------------------------------------

namespace {

struct ZipEntryIn {
    std::string name;
    std::string bytes;
    ZipMethod method;
};

// Markup-like text of about `size` bytes that does not repeat exactly (several deflate blocks).
std::string markup(std::size_t size) {
    std::mt19937 rng(7);
    std::string s;
    while (s.size() < size)
        s += "<table:table-row><table:table-cell><text:p text:style-name=\"Table_20_Contents\">Beslut " +
             std::to_string(rng() % 100000) + " enligt " + std::to_string(rng() % 60) + " kap. " +
             std::to_string(rng() % 20) + " §</text:p></table:table-cell></table:table-row>";
    return s;
}

std::vector<ZipEntryIn> sampleEntries() {
    return {{"mimetype", "application/vnd.oasis.opendocument.text", ZipMethod::Store},
            {"content.xml", markup(700 * 1024), ZipMethod::Fast},
            {"styles.xml", markup(20 * 1024), ZipMethod::Fast},
            {"Pictures/empty.png", "", ZipMethod::Fast},
            {"Pictures/logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + markup(3000), ZipMethod::Fast},
            {"META-INF/manifest.xml", markup(600), ZipMethod::Default}};
}

std::string pocoZip(const std::vector<ZipEntryIn>& entries, const Poco::DateTime& when) {
    std::stringstream out(std::ios::in | std::ios::out | std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    for (const auto& e : entries) {
        std::istringstream in(e.bytes);
        const auto method = e.method == ZipMethod::Store ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE;
        const auto level = e.method == ZipMethod::Fast ? Poco::Zip::ZipCommon::CL_FAST : Poco::Zip::ZipCommon::CL_NORMAL;
        zip.addFile(in, when, Poco::Path(e.name, Poco::Path::PATH_UNIX), method, level);
    }
    zip.close();
    return out.str();
}

// Ours, each entry written in pieces of `piece` bytes.
void ourZip(std::ostream& out, const std::vector<ZipEntryIn>& entries, const Date& stamp, std::size_t piece) {
    ZipWriter zip(out, stamp);
    for (const auto& e : entries) {
        ByteSink& sink = zip.beginEntry(e.name, e.method);
        for (std::size_t at = 0; at < e.bytes.size(); at += piece)
            sink.write(e.bytes.data() + at, std::min(piece, e.bytes.size() - at));
        zip.endEntry();
    }
    zip.finish();
}

}  // namespace

TEST(OdfZipWriter, GivesTheBytesPocoZipCompressGivesForTheSameEntries) {
    const auto entries = sampleEntries();
    const std::string poco = pocoZip(entries, Poco::DateTime(2027, 1, 20, 12, 0, 0));
    for (std::size_t piece : {std::size_t(1000), std::size_t(65536), std::size_t(1) << 24}) {
        std::ostringstream out(std::ios::binary);
        ourZip(out, entries, Date{2027, 1, 20}, piece);
        EXPECT_EQ(out.str().size(), poco.size()) << "pieces of " << piece;
        EXPECT_TRUE(out.str() == poco) << "pieces of " << piece;
    }
}

// An entry begun from a deflated prefix (styles.xml up to the running header, deflated once per
// process) gets the bytes of one deflate stream over the whole entry, more than once.
TEST(OdfZipWriter, AnEntryBegunFromADeflatedPrefixGetsTheBytesOfTheWholeStream) {
    const auto entries = sampleEntries();
    const std::string poco = pocoZip(entries, Poco::DateTime(2027, 1, 20, 12, 0, 0));
    const std::string& content = entries[1].bytes;
    for (std::size_t cut : {std::size_t(1), std::size_t(20000), std::size_t(300 * 1024), content.size()}) {
        const DeflatedPrefix prefix(std::string_view(content).substr(0, cut), ZipMethod::Fast);
        for (int round = 0; round < 2; ++round) {
            std::ostringstream out(std::ios::binary);
            ZipWriter zip(out, Date{2027, 1, 20});
            for (std::size_t i = 0; i < entries.size(); ++i) {
                const auto& e = entries[i];
                if (i == 1) {
                    ByteSink& sink = zip.beginEntry(e.name, e.method, &prefix);
                    sink.write(content.data() + cut, content.size() - cut);
                    zip.endEntry();
                } else {
                    zip.add(e.name, e.bytes, e.method);
                }
            }
            zip.finish();
            EXPECT_TRUE(out.str() == poco) << "prefix of " << cut << " bytes, round " << round;
        }
    }
}

TEST(OdfZipWriter, AStreamThatIsNotAtItsStartGetsTheSameBytesAfterWhatItHeld) {
    const auto entries = sampleEntries();
    std::ostringstream alone(std::ios::binary);
    ourZip(alone, entries, Date{2030, 12, 31}, 4096);
    std::ostringstream after(std::ios::binary);
    after << "held before";
    ourZip(after, entries, Date{2030, 12, 31}, 4096);
    EXPECT_TRUE(after.str() == "held before" + alone.str());
}

TEST(OdfZipWriter, PocoReadsEveryEntryBack) {
    const auto entries = sampleEntries();
    TempDir dir;
    {
        std::ofstream out(dir / "x.zip", std::ios::binary);
        ourZip(out, entries, Date{}, 8192);
    }
    std::ifstream in(dir / "x.zip", std::ios::binary);
    Poco::Zip::ZipArchive archive(in);
    std::size_t files = 0;
    for (const auto& e : entries) {
        auto h = archive.findHeader(e.name);
        ASSERT_NE(h, archive.headerEnd()) << e.name;
        in.clear();
        Poco::Zip::ZipInputStream zin(in, h->second, true);
        std::string back;
        Poco::StreamCopier::copyToString(zin, back);
        EXPECT_TRUE(back == e.bytes) << e.name;
        ++files;
    }
    EXPECT_EQ(files, entries.size());
}

TEST(OdfZipWriter, RefusesNamesPocoRefused) {
    std::ostringstream out(std::ios::binary);
    ZipWriter zip(out, Date{});
    for (const char* bad : {"", "/etc/passwd", "../up.png", "a/../../b", "a\\b"})
        EXPECT_THROW(zip.add(bad, "x", ZipMethod::Fast), WriteError) << bad;
}

// --- the whole writer --------------------------------------------------------------------------

namespace {

WriteOptions options(const fs::path& templates = test::sourceDir() / "templates") {
    WriteOptions o;
    o.templatesDir = templates;
    return o;
}

std::string odt(const doc::Document& d, const WriteOptions& o = options()) {
    std::ostringstream out(std::ios::binary);
    odf::writeOdt(d, out, o);
    return out.str();
}

std::string entry(const std::string& zip, const std::string& name) {
    std::istringstream in(zip);
    Poco::Zip::ZipArchive archive(in);
    auto h = archive.findHeader(name);
    if (h == archive.headerEnd()) return {};
    in.clear();
    Poco::Zip::ZipInputStream zin(in, h->second, true);
    std::string s;
    Poco::StreamCopier::copyToString(zin, s);
    return s;
}

}  // namespace

TEST(OdfWriterStreaming, AnOutputNotAtItsStartGetsTheSameDocument) {
    const auto d = test::delegationOrder(300);
    const std::string alone = odt(d);
    std::ostringstream after(std::ios::binary);
    after << "prefix";
    odf::writeOdt(d, after, options());
    EXPECT_TRUE(after.str() == "prefix" + alone);
}

// The styles are made once per process; each document still gets its own header, footer and
// language, and a house style changed on disk is read again.
TEST(OdfWriterStreaming, StylesMadeOncePerProcessStillFollowEachDocument) {
    auto a = test::everyBlockDocument();
    a.meta.organisation = "Exempelby kommun";
    a.meta.dnr = "KS 2027/0042";
    a.meta.lang = "sv";
    auto b = a;
    b.meta.organisation = "Exempelland region";
    b.meta.dnr = "RS 2027/7";
    b.meta.lang = "en";
    b.meta.headerText.clear();
    a.meta.headerText.clear();
    a.meta.pageLabel.clear();
    b.meta.pageLabel.clear();

    const std::string stylesA = entry(odt(a), "styles.xml");
    const std::string stylesB = entry(odt(b), "styles.xml");
    EXPECT_NE(stylesA.find("Exempelby kommun · KS 2027/0042"), std::string::npos);
    EXPECT_NE(stylesB.find("Exempelland region · RS 2027/7"), std::string::npos);
    EXPECT_EQ(stylesB.find("Exempelby"), std::string::npos);
    EXPECT_NE(stylesA.find("fo:language=\"sv\""), std::string::npos);
    EXPECT_NE(stylesB.find("fo:language=\"en\""), std::string::npos);
    EXPECT_NE(stylesA.find("Sida "), std::string::npos);
    EXPECT_NE(stylesB.find("Page "), std::string::npos);
    EXPECT_EQ(entry(odt(a), "styles.xml"), stylesA) << "the second time from the cache, the same bytes";

    // A copy of the templates whose house style then changes (another size).
    TempDir dir;
    fs::create_directories(dir / "templates");
    fs::copy(test::sourceDir() / "templates" / "odf", dir / "templates" / "odf", fs::copy_options::recursive);
    const fs::path house = dir / "templates" / "odf" / "styles.xml";
    const std::string before = entry(odt(a, options(dir / "templates")), "styles.xml");
    EXPECT_EQ(before, stylesA);
    std::string changed = test::readFile(house);
    ASSERT_NE(changed.find("<office:styles>"), std::string::npos);
    changed.insert(changed.find("<office:styles>") + std::string("<office:styles>").size(),
                   "<style:style style:name=\"Added_20_for_20_test\" style:family=\"paragraph\"/>");
    test::writeFile(house, changed);
    const std::string after = entry(odt(a, options(dir / "templates")), "styles.xml");
    EXPECT_NE(after.find("Added_20_for_20_test"), std::string::npos) << "the changed house style is read again";
}
