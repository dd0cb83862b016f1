#include "pdf_test_docs.hpp"

#include <fstream>
#include <sstream>
#include <regex>

#include <Poco/Base64Decoder.h>
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include "test_support.hpp"

overens::doc::Document delegationOrder(int rows);  // bench/pdf/pdf_bench.cpp

namespace overens::pdftest {

using namespace overens::doc;

Document everyBlock() {
    Document d;
    d.meta.title = "Överenskommelse om att styra och leda tillsammans";
    d.meta.subject = "Överenskommelse mellan ordförande och kommundirektör";
    d.meta.lang = "sv";
    d.meta.kind = "agreement";
    d.meta.organisation = "Exempelby kommun – Kommunstyrelsen";
    d.meta.board = "Kommunstyrelsen";
    d.meta.dnr = "KS 2027/0042";
    d.meta.adopted = Date{2027, 1, 20};
    d.meta.version = "1.0";
    d.meta.keywords = {"överenskommelse", "styrning", "ledning"};
    d.meta.generator = "Överens 0.1.0";
    d.meta.headerText = "Exempelby kommun · KS 2027/0042";
    d.meta.pageLabel = "Sida {page} av {pages}";

    TitleBlock tb;
    tb.organisation = "Exempelby kommun";
    tb.title = "Överenskommelse om att styra och leda tillsammans";
    tb.subtitle = "mellan kommunstyrelsens ordförande och kommundirektören";
    tb.facts = {{"Diarienummer", "KS 2027/0042"}, {"Antagen", "20 januari 2027"}, {"Nästa omprövning", "20 januari 2028"}};
    d.blocks.emplace_back(tb);
    d.blocks.emplace_back(TableOfContents{"Innehåll"});
    d.blocks.emplace_back(Heading{1, runs("Mål och syfte"), true});
    d.blocks.emplace_back(Paragraph{Runs{plain("Överenskommelsen gäller för åäö ÅÄÖ och följer 7 kap. 2 § kommunallagen "
                                               "– den ”gyllene zonen” beskrivs nedan. "),
                                         strong("Fet text, "), emph("kursiv text"), plain(" och "),
                                         value("ett värde användaren gav"), plain(".")},
                                    ParagraphStyle::Lead});
    std::string longText;
    for (int i = 0; i < 12; ++i)
        longText += "Ordföranden och direktören möts varje vecka för att stämma av styrningen, ledningen och "
                    "uppföljningen av nämndens verksamhet. ";
    d.blocks.emplace_back(Paragraph{runs(longText), ParagraphStyle::Body});
    d.blocks.emplace_back(Heading{2, runs("Roller – ordförande och direktör"), true});
    List inner{true, {ListItem{runs("Första underpunkten"), {}}, ListItem{runs("Andra underpunkten"), {}}}};
    d.blocks.emplace_back(List{false,
                               {ListItem{runs("Ordföranden leder styrelsens arbete och företräder styrelsen."), {}},
                                ListItem{runs("Direktören leder förvaltningen och är styrelsens främsta rådgivare, "
                                              "med ansvar för att beslut verkställs och följs upp."),
                                         {inner}},
                                ListItem{runs("Båda ansvarar för den gyllene zonen."), {}}}});
    d.blocks.emplace_back(List{true, {ListItem{runs("Förbered sammanträdet"), {}}, ListItem{runs("Följ upp besluten"), {}}}});
    d.blocks.emplace_back(Heading{2, runs("Fördelning av arbetet"), true});
    Table t;
    t.header.push_back({runs("Fråga"), runs("Ordförande"), runs("Direktör")});
    t.rows.push_back({runs("Dagordning"), runs("Beslutar"), runs("Föreslår – efter samråd")});
    t.rows.push_back({runs("Kontakter med media"), runs("Politiska frågor"), runs("Verksamhetens frågor")});
    t.rows.push_back({runs("Ett mycket långt ordutan_mellanrum_som_inte_får_plats_i_kolumnen_och_måste_brytas_mellan_tecken"),
                      runs("x"), runs("y")});
    t.caption = runs("Tabell 1. Vem gör vad – § 3");
    d.blocks.emplace_back(t);
    d.blocks.emplace_back(Note{NoteKind::Info, runs("Observera: överenskommelsen ersätter inte delegationsordningen.")});
    d.blocks.emplace_back(Note{NoteKind::Important, runs("Viktigt: omprövas senast 20 januari 2028.")});
    d.blocks.emplace_back(Paragraph{runs("Citat: ”Vi styr och leder tillsammans.”"), ParagraphStyle::Quote});
    d.blocks.emplace_back(Paragraph{runs("Liten text med 6 kap. 39 § KL."), ParagraphStyle::Small});
    d.blocks.emplace_back(PageBreak{});
    d.blocks.emplace_back(Heading{1, runs("Samverkan"), true});
    d.blocks.emplace_back(Paragraph{runs("Samverkan sker enligt de regler som parterna kommit överens om."), ParagraphStyle::Body});
    d.blocks.emplace_back(Heading{1, runs("Underskrifter"), false});
    d.blocks.emplace_back(SignatureBlock{runs("Exempelby den 20 januari 2027"),
                                         {Signatory{"Anna Åström", "Kommunstyrelsens ordförande"},
                                          Signatory{"Örjan Ängström", "Kommundirektör"}}});
    return d;
}

Document delegation(int rows) { return ::delegationOrder(rows); }

WriteOptions options() {
    WriteOptions o;
    o.templatesDir = test::sourceDir() / "templates";
    o.pdfEngine = "libharu";
    return o;
}

Diagnostics writePdf(const Document& d, const std::filesystem::path& file, const WriteOptions& o) {
    const Writer* w = WriterRegistry::builtin().find("pdf");
    if (!w) throw std::runtime_error("the pdf writer is not registered");
    Diagnostics diags;
    std::ofstream out(file, std::ios::binary);
    w->write(d, out, o, diags);
    return diags;
}

std::string pdftotext(const std::filesystem::path& pdf, int page, bool layout) {
    std::vector<std::string> argv{"pdftotext", "-enc", "UTF-8"};
    if (layout) argv.push_back("-layout");
    if (page > 0) {
        argv.insert(argv.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
    }
    argv.insert(argv.end(), {pdf.string(), "-"});
    return test::run(argv).out;
}

int pageCount(const std::filesystem::path& pdf) {
    auto r = test::run({"pdfinfo", pdf.string()});
    std::smatch m;
    static const std::regex re("Pages:\\s+(\\d+)");
    return std::regex_search(r.out, m, re) ? std::stoi(m[1]) : -1;
}

std::string qdf(const std::filesystem::path& pdf) {
    const auto out = pdf.string() + ".qdf.pdf";
    test::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), out});
    return test::readFile(out);
}

std::vector<Word> words(const std::filesystem::path& pdf, double& pageWidth, double& pageHeight) {
    const auto html = test::run({"pdftotext", "-bbox", pdf.string(), "-"}).out;
    std::vector<Word> out;
    static const std::regex pageRe(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    static const std::regex wordRe(
        R"re(<word xMin="([0-9.\-]+)" yMin="([0-9.\-]+)" xMax="([0-9.\-]+)" yMax="([0-9.\-]+)">([^<]*)</word>)re");
    int page = 0;
    std::istringstream lines(html);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_search(line, m, pageRe)) {
            ++page;
            pageWidth = std::stod(m[1]);
            pageHeight = std::stod(m[2]);
        } else if (std::regex_search(line, m, wordRe)) {
            out.push_back(Word{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
        }
    }
    return out;
}

std::string fromBase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
}

void makeReferenceOdt(const std::filesystem::path& p, const std::string& pageLayout, const std::string& logo) {
    // An 8x8 PNG, dark blue.
    const std::string png =
        logo.empty() ? fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mMQMCjAihiGlgQAGccsAY0+iCkAAAAASUVORK5CYII=")
                     : logo;
    const std::string styles = std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
  <office:font-face-decls>
    <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
    <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
  </office:font-face-decls>
  <office:styles>
    <style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="10pt"/></style:default-style>
    <style:style style:name="Text_20_body" style:family="paragraph"/>
    <style:style style:name="Heading" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans"/></style:style>
    <style:style style:name="Heading_20_1" style:family="paragraph" style:parent-style-name="Heading"><style:text-properties fo:font-size="18pt"/></style:style>
  </office:styles>
  <office:automatic-styles>
    <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:horizontal-pos="right"/></style:style>
    <style:page-layout style:name="pm1"><style:page-layout-properties )" + pageLayout + R"(/></style:page-layout>
  </office:automatic-styles>
  <office:master-styles>
    <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>
      <text:p><draw:frame draw:style-name="fr1" draw:name="Logo" text:anchor-type="paragraph" svg:width="1.5cm" svg:height="1.5cm"><draw:image xlink:href="Pictures/logo.png"/></draw:frame>Exempelby kommun<text:tab/>Kommunledningskontoret</text:p>
      <text:p>Text som ska bort</text:p>
    </style:header>
    <style:footer><text:p><draw:frame draw:name="Sigill" svg:width="1cm" svg:height="1cm"><draw:image xlink:href="Pictures/logo.png"/></draw:frame>Box 1, 123 45 Exempelby</text:p></style:footer></style:master-page>
  </office:master-styles>
</office:document-styles>)");
    const std::string manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="Pictures/logo.png" manifest:media-type="image/png"/>
</manifest:manifest>)";
    std::ofstream out(p, std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
             {"mimetype", "application/vnd.oasis.opendocument.text"}, {"META-INF/manifest.xml", manifest}, {"styles.xml", styles},
             {"Pictures/logo.png", png}}) {
        std::istringstream in(content);
        zip.addFile(in, Poco::DateTime(2027, 1, 20), Poco::Path(name, Poco::Path::PATH_UNIX),
                    name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    zip.close();
}

}  // namespace overens::pdftest
