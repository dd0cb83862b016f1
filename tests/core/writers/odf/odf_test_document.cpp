#include "odf_test_document.hpp"

#include <string>

namespace overens::test {

namespace {

doc::Meta baseMeta() {
    doc::Meta m;
    m.title = "Överenskommelse om samverkan";
    m.subject = "Överenskommelse mellan ordförande och kommundirektör";
    m.lang = "sv";
    m.kind = "agreement";
    m.organisation = "Exempelby kommun";
    m.board = "Kommunstyrelsen";
    m.dnr = "KS 2027/0042";
    m.adopted = Date{2027, 1, 20};
    m.version = "1.0";
    m.nextReview = Date{2028, 1, 20};
    m.reviewEvery = Duration{1};
    m.keywords = {"överenskommelse", "samverkan", "styrning"};
    m.people = {{"chair", "Åsa Öberg", "Kommunstyrelsens ordförande", "asa.oberg@exempelby.se"},
                {"director", "Örjan Ärlig", "Kommundirektör", "orjan.arlig@exempelby.se"}};
    m.sourceName = "exempelby.xml";
    m.sourceSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    m.templateVersion = "2026.1";
    m.generator = "Överens 0.1.0";
    m.headerText = "Exempelby kommun · KS 2027/0042";
    m.pageLabel = "Sida {page} av {pages}";
    return m;
}

}  // namespace

doc::Document everyBlockDocument() {
    doc::Document d;
    d.meta = baseMeta();
    auto& b = d.blocks;
    b.push_back(doc::TitleBlock{"Exempelby kommun", "Överenskommelse om samverkan",
                                "Mellan kommunstyrelsens ordförande och kommundirektören",
                                {{"Diarienummer", "KS 2027/0042"},
                                 {"Antagen", "20 januari 2027"},
                                 {"Nästa omprövning", "20 januari 2028"}}});
    b.push_back(doc::TableOfContents{"Innehåll"});
    b.push_back(doc::PageBreak{});
    b.push_back(doc::Heading{1, doc::runs("Mål och uppdrag"), true});
    b.push_back(doc::Paragraph{{doc::plain("Styrelsen leder och samordnar förvaltningen enligt "),
                                doc::strong("Kommunallagen 6 kap. 1 §"), doc::plain(" – med "),
                                doc::emph("särskilt ansvar"), doc::plain(" för uppsikten.  Två mellanslag."),
                                doc::plain(" Ifyllt: "), doc::value("Åsa Öberg")},
                               doc::ParagraphStyle::Lead});
    b.push_back(doc::Heading{2, doc::runs("Gemensamma åtaganden"), true});
    doc::List bullets;
    bullets.ordered = false;
    bullets.items.push_back({doc::runs("Återkommande avstämning varannan vecka"), {}});
    doc::List nested;
    nested.ordered = true;
    nested.items.push_back({doc::runs("Första underpunkten"), {}});
    nested.items.push_back({doc::runs("Andra underpunkten"), {}});
    bullets.items.push_back({doc::runs("Årlig uppföljning i styrelsen"), {nested}});
    b.push_back(bullets);
    doc::List numbers;
    numbers.ordered = true;
    numbers.items.push_back({doc::runs("Ordföranden företräder styrelsen"), {}});
    numbers.items.push_back({doc::runs("Direktören leder förvaltningen"), {}});
    b.push_back(numbers);
    b.push_back(doc::Note{doc::NoteKind::Info, doc::runs("Överenskommelsen ersätter inte lagens krav.")});
    b.push_back(doc::Note{doc::NoteKind::Important, doc::runs("Brådskande ärenden anmäls vid nästa sammanträde.")});
    b.push_back(doc::Heading{1, doc::runs("Delegation"), true});
    doc::Table t;
    t.weights = {1, 4, 2, 2};
    t.header = {{doc::runs("Nr"), doc::runs("Ärende"), doc::runs("Delegat"), doc::runs("Lagrum")}};
    t.rows = {{doc::runs("1.1"), doc::runs("Beslut i brådskande ärenden"), doc::runs("Ordförande"),
               doc::runs("KL 6 kap. 39 §")},
              {doc::runs("1.2"), doc::runs("Yttranden över remisser – mindre vikt"), doc::runs("Kommundirektör"),
               doc::runs("KL 7 kap. 5 §")},
              {doc::runs("1.3"), doc::runs("Ärende utan lagrum")}};
    t.caption = doc::runs("Tabell 1. Delegationsförteckning");
    b.push_back(t);
    b.push_back(doc::Paragraph{doc::runs("Citat ur reglementet."), doc::ParagraphStyle::Quote});
    b.push_back(doc::Paragraph{doc::runs("Liten text om versioner."), doc::ParagraphStyle::Small});
    b.push_back(doc::Heading{1, doc::runs("Underskrifter"), false});
    b.push_back(doc::SignatureBlock{doc::runs("Exempelby den 20 januari 2027"),
                                    {{"Åsa Öberg", "Kommunstyrelsens ordförande"},
                                     {"Örjan Ärlig", "Kommundirektör"},
                                     {"Åke Ängström", "Ersättare"}}});
    return d;
}

doc::Document delegationOrder(std::size_t rows) {
    doc::Document d;
    d.meta = baseMeta();
    d.meta.kind = "delegation-order";
    d.meta.title = "Delegationsordning för kommunstyrelsen";
    d.blocks.push_back(doc::TitleBlock{"Exempelby kommun", d.meta.title, "",
                                       {{"Diarienummer", "KS 2027/0042"}, {"Antagen", "20 januari 2027"}}});
    d.blocks.push_back(doc::Heading{1, doc::runs("Delegeringar"), true});
    doc::Table t;
    t.weights = {1, 5, 2, 2, 2};
    t.header = {{doc::runs("Nr"), doc::runs("Ärende"), doc::runs("Delegat"), doc::runs("Ersättare"),
                 doc::runs("Lagrum")}};
    t.rows.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string n = std::to_string(i / 100 + 1) + "." + std::to_string(i % 100 + 1);
        t.rows.push_back({doc::runs(n), doc::runs("Beslut om ärende nummer " + std::to_string(i + 1) + " inom området – yttrande och åtgärd"),
                          doc::runs(i % 2 ? "Kommundirektör" : "Ekonomichef"), doc::runs("Förvaltningschef"),
                          doc::runs("KL 7 kap. " + std::to_string(i % 9 + 1) + " §")});
    }
    d.blocks.push_back(std::move(t));
    return d;
}

}  // namespace overens::test
