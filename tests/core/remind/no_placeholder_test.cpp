// One source of placeholder values (issue 13): every sample, built to every output and run
// through `overens remind` (listing, --json, the e-mail as smtp-sink receives it with its
// calendar attachment), shows no unresolved {placeholder}. The ODT is read back as text by
// LibreOffice, the PDF by pdftotext.
#include <gtest/gtest.h>

#include <regex>

#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// "{board.lc}", "{party.chair.name}", and the same inside an encoded mail header ("{board=2Elc}").
const std::regex kPlaceholder(R"(\{[A-Za-z][A-Za-z0-9_.=-]*\})");

void expectNone(const std::string& what, const std::string& text) {
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, kPlaceholder)) << what << " holds " << m.str(0);
}

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const char* folder : {"kommun", "region"})
        for (const auto& e : fs::directory_iterator(samplesDir() / folder))
            if (e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(Placeholders, NoneLeftInAnyOutputOfAnySample) {
    if (!commandExists("soffice") || !commandExists("pdftotext")) GTEST_SKIP() << "LibreOffice or poppler missing";
    TempDir dir;
    const fs::path out = dir / "out";
    std::vector<std::string> build{"build"};
    for (const auto& s : samples()) build.push_back(s.string());
    for (const char* a : {"-o", "OUT", "--format", "md,odt,pdf,ics"}) build.push_back(a);
    build[build.size() - 3] = out.string();
    auto r = runOverens(build);
    ASSERT_EQ(r.exitCode, 0) << r.err;

    std::vector<std::string> odts{"soffice", "--headless", "-env:UserInstallation=file://" + (dir / "lo").string(),
                                  "--convert-to", "txt:Text (encoded):UTF8", "--outdir", (dir / "txt").string()};
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        const std::string ext = e.path().extension().string();
        if (ext == ".odt") odts.push_back(e.path().string());
        if (ext == ".pdf") {
            const fs::path txt = dir / (e.path().stem().string() + ".pdf.txt");
            ASSERT_EQ(run({"pdftotext", "-enc", "UTF-8", e.path().string(), txt.string()}).exitCode, 0);
            expectNone(e.path().filename().string() + " (pdftotext)", readFile(txt));
        }
        if (ext == ".md" || ext == ".ics") expectNone(e.path().filename().string(), readFile(e.path()));
        ++files;
    }
    EXPECT_EQ(files, samples().size() * 4);
    ASSERT_EQ(run(odts, {}, 300).exitCode, 0);
    std::size_t texts = 0;
    for (const auto& e : fs::directory_iterator(dir / "txt")) {
        expectNone(e.path().filename().string() + " (LibreOffice text of the ODT)", readFile(e.path()));
        ++texts;
    }
    EXPECT_EQ(texts, samples().size());

    // Every sample due (--within three years): the listing, the JSON and the e-mails.
    std::vector<std::string> remind{"remind"};
    for (const auto& s : samples()) remind.push_back(s.string());
    for (const char* a : {"--today", "2027-06-01", "--within", "P3Y", "--state"}) remind.push_back(a);
    remind.push_back((dir / "state.sqlite").string());
    for (const char* lang : {"sv", "en"}) {
        auto listing = runOverens([&] { auto a = remind; a.insert(a.end(), {"--lang", lang}); return a; }());
        EXPECT_EQ(listing.exitCode, 1) << listing.err;
        expectNone(std::string("remind listing ") + lang, listing.out + listing.err);
    }
    auto json = runOverens([&] { auto a = remind; a.push_back("--json"); return a; }());
    expectNone("remind --json", json.out);
    SmtpSink sink(dir / "mail");
    auto sent = runOverens([&] {
        auto a = remind;
        a.insert(a.end(), {"--send", "--from", "registrator@exempelby.se", "--smtp", sink.address()});
        return a;
    }());
    EXPECT_EQ(sent.exitCode, 1) << sent.err;
    // Two parties each; the region's Swedish and English agreement are one document (same
    // registration number) and share their reminders.
    EXPECT_EQ(sink.messages().size(), samples().size() * 2 - 2);
    for (const auto& eml : sink.messages()) {
        expectNone(eml.filename().string() + " (message)", readFile(eml) + textPart(eml));
        const std::string ics = attachment(eml, "omprovning.ics") + attachment(eml, "review.ics");
        EXPECT_FALSE(ics.empty()) << eml;
        expectNone(eml.filename().string() + " (calendar attachment)", ics);
    }
}
