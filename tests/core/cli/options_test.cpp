// The option parser of the command line: every way Poco::Util's parser read a command line
// (which scripts may rely on) reads the same, and its messages are the same.
#include <gtest/gtest.h>

#include <sstream>

#include "options.hpp"

using namespace overens::cli;

namespace {

OptionSet sample() {
    OptionSet s;
    s.addOption(Option("help", "h", "show this help and exit"));
    s.addOption(Option("version", "", "show the version and exit"));
    s.addOption(Option("output", "o", "folder for the outputs").argument("DIR"));
    s.addOption(Option("format", "f", "formats to write").argument("LIST"));
    s.addOption(Option("from", "", "the existing source").argument("FILE"));
    s.addOption(Option("smtp", "", "the server").argument("HOST:PORT"));
    s.addOption(Option("smtp-user", "", "the user").argument("USER"));
    s.addOption(Option("smtp-login", "", "the method").argument("METHOD"));
    return s;
}

struct Read {
    std::vector<std::string> rest;
    std::vector<std::pair<std::string, std::string>> options;
    std::string error;
};

Read read(const std::vector<std::string>& args, const std::string& stopAt = "help") {
    Read r;
    try {
        r.rest = readOptions(sample(), args, [&](const std::string& name, const std::string& value) {
            r.options.emplace_back(name, value);
            return name != stopAt;
        });
    } catch (const OptionError& e) {
        r.error = e.what();
    }
    return r;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;
using Words = std::vector<std::string>;

}  // namespace

TEST(Options, ValuesInEveryForm) {
    const Read r = read({"build", "--output", "a", "x.xml", "--format=odt", "--from:f.xml", "-j"});
    EXPECT_EQ(r.error, "Unknown option specified: j");
    const Read ok = read({"build", "--output", "a", "x.xml", "--format=odt,pdf", "--from:f.xml"});
    EXPECT_EQ(ok.error, "");
    EXPECT_EQ(ok.rest, (Words{"build", "x.xml"}));
    EXPECT_EQ(ok.options, (Pairs{{"output", "a"}, {"format", "odt,pdf"}, {"from", "f.xml"}}));
    EXPECT_EQ(read({"-oout", "-f", "md"}).options, (Pairs{{"output", "out"}, {"format", "md"}}));
    EXPECT_EQ(read({"-o=out"}).options, (Pairs{{"output", "out"}}));
    // The value is the next argument whatever it looks like.
    EXPECT_EQ(read({"-o", "--help", "x"}).options, (Pairs{{"output", "--help"}}));
    EXPECT_EQ(read({"-o", "--help", "x"}).rest, (Words{"x"}));
    EXPECT_EQ(read({"--output="}).options, (Pairs{{"output", ""}}));
}

TEST(Options, NamesInAnyCaseAndShortenedToAUniquePrefix) {
    EXPECT_EQ(read({"--VERSION"}).options, (Pairs{{"version", ""}}));
    EXPECT_EQ(read({"--vers"}).options, (Pairs{{"version", ""}}));
    EXPECT_EQ(read({"--Out=d"}).options, (Pairs{{"output", "d"}}));
    EXPECT_EQ(read({"--fo", "x"}).options, (Pairs{{"format", "x"}}));
    EXPECT_EQ(read({"--f", "x"}).error, "Ambiguous option specified: f");
    // A full name wins over the longer names it is a prefix of.
    EXPECT_EQ(read({"--smtp", "h:25"}).options, (Pairs{{"smtp", "h:25"}}));
    EXPECT_EQ(read({"--smtp-"}).error, "Ambiguous option specified: smtp-");
    EXPECT_EQ(read({"--smtp-u", "me"}).options, (Pairs{{"smtp-user", "me"}}));
    // A long name spelt after one dash is still read as the long name.
    EXPECT_EQ(read({"-help"}).options, (Pairs{{"help", ""}}));
    EXPECT_EQ(read({"-output"}).error, "Missing option argument: output requires DIR");
}

TEST(Options, WhatIsRefusedAndHow) {
    EXPECT_EQ(read({"--no-such-option"}).error, "Unknown option specified: no-such-option");
    EXPECT_EQ(read({"-x"}).error, "Unknown option specified: x");
    EXPECT_EQ(read({"-H"}).error, "Unknown option specified: H");
    EXPECT_EQ(read({"--output"}).error, "Missing option argument: output requires DIR");
    EXPECT_EQ(read({"build", "-o"}).error, "Missing option argument: output requires DIR");
    EXPECT_EQ(read({"--version=1"}).error, "Unexpected option argument: version=1");
    EXPECT_EQ(read({"-hx"}).error, "Unexpected option argument: hx");
    EXPECT_EQ(read({"-f", "a", "--format", "b"}).error, "Option must not be given more than once: format");
    EXPECT_EQ(read({"--version", "--vers"}).error, "Option must not be given more than once: version");
}

TEST(Options, DoubleDashEndsTheOptionsAndADashAloneIsAnArgument) {
    const Read r = read({"validate", "--", "--lang", "-o"});
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.rest, (Words{"validate", "--lang", "-o"}));
    EXPECT_EQ(read({"-", ""}).rest, (Words{"-", ""}));
}

TEST(Options, AHandlerStopsTheReadingAndTheRestIsLeftAsItIs) {
    const Read r = read({"build", "--help", "--no-such-option", "-o"});
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.options, (Pairs{{"help", ""}}));
    EXPECT_EQ(r.rest, (Words{"build", "--no-such-option", "-o"}));
}

TEST(Options, DefiningAnOptionTwiceIsAProgrammingError) {
    OptionSet s;
    s.addOption(Option("lang", "l", "x").argument("LANG"));
    EXPECT_THROW(s.addOption(Option("lang", "", "y")), std::logic_error);
}

TEST(Options, HelpInAColumnAsWideAsTheWidestWrappedAtTheWidth) {
    OptionSet s;
    s.addOption(Option("help", "h", "show this help and exit"));
    s.addOption(Option("output", "o", "folder for the outputs (default: the current folder)").argument("DIR"));
    s.addOption(Option("calendar", "", "what the .ics holds: review (default), meetings, goals, reporting, "
                                       "comma-separated, or all")
                    .argument("LIST"));
    std::ostringstream out;
    printOptions(s, out, 60);
    EXPECT_EQ(out.str(),
              "-h, --help           show this help and exit\n"
              "-oDIR, --output=DIR  folder for the outputs (default: the \n"
              "                     current folder)\n"
              "--calendar=LIST      what the .ics holds: review (default), \n"
              "                     meetings, goals, reporting, \n"
              "                     comma-separated, or all\n");
}

TEST(Options, ARepeatableOptionKeepsEveryValueInOrder) {
    OptionSet s;
    s.addOption(Option("organisation", "", "an organisation").argument("ORG").repeatable(true));
    s.addOption(Option("users", "", "the accounts").argument("FILE"));
    Pairs seen;
    const auto handle = [&](const std::string& name, const std::string& value) {
        seen.emplace_back(name, value);
        return true;
    };
    readOptions(s, {"--organisation", "a", "--users", "u", "--organisation=b"}, handle);
    EXPECT_EQ(seen, (Pairs{{"organisation", "a"}, {"users", "u"}, {"organisation", "b"}}));
    EXPECT_THROW(readOptions(s, {"--users", "u", "--users", "v"}, handle), OptionError);
}
