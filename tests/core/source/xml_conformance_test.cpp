// Ill-formed XML and bad characters are refused at their place, with the document's language.
#include <gtest/gtest.h>

#include "source/source_reader.hpp"

using namespace overens;

namespace {

struct Refusal {
    std::string code;
    int line = 0, column = 0;
    std::string sv, en;
};

Refusal refuse(const std::string& xml) {
    Diagnostics d;
    ReadStatus status = ReadStatus::Ok;
    readSourceText(xml, "s.xml", {}, d, {}, &status);
    EXPECT_EQ(status, ReadStatus::Malformed) << xml;
    if (d.all().empty()) return {};
    const Diagnostic& first = d.all().front();
    return {first.code, first.where.line, first.where.column, first.message_sv, first.message_en};
}

const std::string kDoc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<agreement lang=\"en\">\n";

}  // namespace

TEST(XmlConformance, RefusesWhatPugixmlLetThrough) {
    struct Case {
        const char* what;
        std::string body;
        int line, column;
    } cases[] = {
        {"duplicate attribute", "<organisation name=\"a\" name=\"b\"/>", 3, 24},
        {"< in an attribute", "<organisation name=\"a<b\"/>", 3, 22},
        {"bare &", "<organisation name=\"A & B\"/>", 3, 23},
        {"&nbsp;", "<organisation name=\"A&nbsp;B\"/>", 3, 22},
        {"&#12 without ;", "<organisation name=\"&#12\"/>", 3, 21},
        {"&#x;", "<organisation name=\"&#x;\"/>", 3, 21},
        {"&#xD800;", "<organisation name=\"&#xD800;\"/>", 3, 21},
        {"&#x110000;", "<organisation name=\"&#x110000;\"/>", 3, 21},
        {"&#99999999999;", "<organisation name=\"&#99999999999;\"/>", 3, 21},
        {"&#1;", "<organisation name=\"&#1;\"/>", 3, 21},
    };
    for (const auto& c : cases) {
        const Refusal r = refuse(kDoc + c.body + "\n</agreement>\n");
        EXPECT_EQ(r.code, "source.malformed-xml") << c.what;
        EXPECT_EQ(r.line, c.line) << c.what;
        EXPECT_GE(r.column, 1) << c.what;
    }
}

TEST(XmlConformance, RefusesASecondRootTextAfterItAndALateDeclaration) {
    Refusal r = refuse(kDoc + "</agreement>\n<agreement/>\n");
    EXPECT_EQ(r.line, 4);
    EXPECT_EQ(r.column, 1);
    EXPECT_NE(r.en.find("after the root element"), std::string::npos) << r.en;
    r = refuse(kDoc + "</agreement>\ntrailing\n");
    EXPECT_EQ(r.line, 4);
    r = refuse("\n\n" + kDoc + "</agreement>\n");
    EXPECT_EQ(r.line, 3);
    EXPECT_NE(r.en.find("XML declaration must come first"), std::string::npos) << r.en;
}

TEST(XmlConformance, SaysWhichTagAndSpeaksTheDocumentsLanguage) {
    const Refusal r = refuse("<agreement lang=\"sv\">\n  <goals>\n  </agreement>\n");
    EXPECT_EQ(r.line, 3);
    EXPECT_NE(r.sv.find("<goals>"), std::string::npos) << r.sv;
    Diagnostics d;
    Source s = readSourceText("<agreement lang=\"en\"><x></agreement>", "s.xml", {}, d);
    EXPECT_EQ(s.context.lang, "en");  // so the message is printed in English
}

TEST(XmlConformance, RefusesDoctypeAtItsStartAndOtherEncodings) {
    Refusal r = refuse("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]>\n<a>&e;</a>\n");
    EXPECT_EQ(r.code, "source.doctype");
    EXPECT_EQ(r.line, 2);
    EXPECT_EQ(r.column, 1);
    r = refuse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>");
    EXPECT_EQ(r.code, "source.encoding");
}

TEST(XmlConformance, StrictUtf8OnTheBytes) {
    const char* bad[] = {"\xE0\x80\xAF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                         "\xFF", "\x80", "\xC3"};
    for (const char* b : bad) {
        const Refusal r = refuse(std::string("<a>\nab") + b + "</a>");
        EXPECT_EQ(r.code, "source.encoding") << static_cast<unsigned>(static_cast<unsigned char>(b[0]));
        EXPECT_EQ(r.line, 2);
        EXPECT_EQ(r.column, 3);
    }
}

TEST(XmlConformance, CharactersXmlForbidsOnTheBytes) {
    for (const std::string& b : {std::string("\xEF\xBF\xBE"), std::string("\xEF\xBF\xBF"), std::string("\x01"),
                                std::string("\x1B"), std::string(1, '\0')}) {
        const Refusal r = refuse("<a>é" + b + "</a>");
        EXPECT_EQ(r.code, "source.forbidden-char");
        EXPECT_EQ(r.line, 1);
        EXPECT_EQ(r.column, 5);  // é is one character
    }
    const Refusal nul = refuse(std::string(1, '\0') + "<a/>");
    EXPECT_EQ(nul.line, 1);
    EXPECT_EQ(nul.column, 1);
}

TEST(XmlConformance, AcceptsWhatIsWellFormed) {
    Diagnostics d;
    ReadStatus status = ReadStatus::Malformed;
    readSourceText("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<?pi x?>\n"
                   "<agreement lang=\"en\"><organisation type=\"kommun\" name=\"A &amp; B &#x10FFFF; &#229;\"/>"
                   "<![CDATA[]]></agreement>\n<!-- after -->\n",
                   "s.xml", {}, d, {}, &status);
    EXPECT_EQ(status, ReadStatus::Ok);
    EXPECT_FALSE(d.hasCode("source.malformed-xml"));
}
