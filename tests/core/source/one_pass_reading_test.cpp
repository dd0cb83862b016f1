// The reader builds values in expat's one pass, without a DOM: it must still find what a walk
// over the tree found (issue 15 item 7). Text is split into nodes at every piece of markup,
// text that is only white space as written is no node, and the root and header are said
// before the sections.
#include <gtest/gtest.h>

#include "source/source_reader.hpp"

using namespace overens;

namespace {

Schema notes() {
    Field row = field("row", FieldType::Table, false, "", "");
    row.fields = {text("name", false, "", ""), field("due", FieldType::Date, false, "", "")};
    return Schema{{row, text("who", false, "", ""), field("body", FieldType::Multiline, false, "", "")}};
}

Source read(const std::string& xml, Diagnostics& d) { return readSourceText(xml, "s.xml", {{"notes", notes()}}, d); }

const std::string kHead = "<agreement lang=\"en\">\n<organisation type=\"kommun\" name=\"X\" board=\"B\"/>\n";

std::vector<std::string> lines(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.all()) out.push_back(x.format("en"));
    return out;
}

}  // namespace

TEST(OnePassReading, TextAcrossMarkupIsJoinedAsTheTreeHeldIt) {
    // "  " between </i> and <b/> is white space only as written: no text node, so nothing joins
    // "Kommun" and "direktören"; the reference and the CDATA section stay.
    Diagnostics d;
    const Source s = read(kHead + "<notes><who>  Kommun<i>x</i>  <b/>direktören &amp; <![CDATA[ more ]]></who></notes>\n"
                                  "</agreement>\n", d);
    ASSERT_EQ(s.sections.size(), 1u);
    const Value* who = s.sections[0].values.get("who");
    ASSERT_NE(who, nullptr);
    EXPECT_EQ(who->text, "Kommundirektören & more");
    EXPECT_EQ(who->where.line, 3);
    EXPECT_EQ(who->where.column, 15);
    EXPECT_EQ(lines(d), (std::vector<std::string>{
                            "s.xml:3:21: error: [source.unexpected-element] <who> holds text only, not <i>",
                            "s.xml:3:31: error: [source.unexpected-element] <who> holds text only, not <b>"}));
}

TEST(OnePassReading, EachTextNodeIsStrayOnItsOwnAtItsFirstCharacter) {
    Diagnostics d;
    read(kHead + "<notes> one <!-- c --> two <?pi x?>\r\n  three <![CDATA[four]]></notes></agreement>", d);
    std::vector<std::pair<int, int>> at;
    for (const auto& x : d.all()) {
        EXPECT_EQ(x.code, "source.stray-text");
        at.emplace_back(x.where.line, x.where.column);
    }
    EXPECT_EQ(at, (std::vector<std::pair<int, int>>{{3, 9}, {3, 24}, {4, 3}, {4, 18}}));
}

TEST(OnePassReading, AHeaderElementTakesOnlyPlainTextAsStray) {
    Diagnostics d;
    read("<agreement><organisation type=\"kommun\" name=\"X\" board=\"B\"> <![CDATA[c]]> t <x/></organisation>"
         "</agreement>", d);
    EXPECT_EQ(lines(d), (std::vector<std::string>{
                            "s.xml:1:74: error: [source.stray-text] text directly inside <organisation> does not "
                            "belong here; put it in a field",
                            "s.xml:1:76: error: [source.unknown-element] unknown element <x>; allowed here: -"}));
}

TEST(OnePassReading, ALocationAfterCrLfAndAReferenceIsInTheOriginalText) {
    Diagnostics d;
    const Source s = read(kHead + "<notes><body>\r\n\r\n    &#65;x</body><row due=\"2027-02-30\"/></notes></agreement>", d);
    ASSERT_EQ(s.sections.size(), 1u);
    const Location body = s.sections[0].values.whereOf("body");
    EXPECT_EQ(body.line, 5);
    EXPECT_EQ(body.column, 5);
    EXPECT_EQ(s.sections[0].values.text("body"), "Ax");
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_EQ(d.all()[0].where.line, 5);
    EXPECT_EQ(d.all()[0].where.column, 23);
}

TEST(OnePassReading, TheRootAndHeaderAreSaidBeforeTheSections) {
    // The sections come first in the file, but the header's findings are said first, as the
    // reader always has (the command sorts by place; tests and the web page see this order).
    Diagnostics d;
    read("<agreement lang=\"xx\"><notes><row bad=\"1\"/></notes> <party role=\"king\"/></agreement>", d);
    std::vector<std::string> codes;
    for (const auto& x : d.all()) codes.push_back(x.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"source.bad-lang", "source.missing-field", "source.unknown-party-role",
                                               "source.missing-header", "source.unknown-attribute"}));
}

TEST(OnePassReading, WhatWasBuiltBeforeASyntaxErrorIsNotKept) {
    Diagnostics d;
    ReadStatus status = ReadStatus::Ok;
    const Source s = readSourceText(kHead + "<notes><row bad=\"1\"/><who>x</who></notes>\n</agreemen>", "s.xml",
                                    {{"notes", notes()}}, d, {}, &status);
    EXPECT_EQ(status, ReadStatus::Malformed);
    EXPECT_TRUE(s.sections.empty());
    EXPECT_TRUE(s.context.organisation.name.empty());
    EXPECT_EQ(s.context.lang, "en");
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_EQ(d.all()[0].code, "source.malformed-xml");
    EXPECT_EQ(d.all()[0].where.line, 4);
}
