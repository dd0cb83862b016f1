#include "writers/odf/odf_meta.hpp"

#include "overens/version.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

std::string languageTag(const std::string& lang) {
    if (lang.empty() || lang == "sv") return "sv-SE";
    if (lang == "en") return "en-GB";
    return lang;
}

namespace {

void element(XmlWriter& w, const char* name, const std::string& value) {
    if (value.empty()) return;
    w.open(name);
    w.text(xmlSafe(value));
    w.close();
}

void property(XmlWriter& w, const char* name, const std::string& value, const char* type = "string") {
    if (value.empty()) return;
    w.open("meta:user-defined");
    w.attr("meta:name", name);
    w.attr("meta:value-type", type);
    w.text(xmlSafe(value));
    w.close();
}

}  // namespace

void writeMeta(const doc::Meta& m, ByteSink& sink) {
    XmlWriter w(&sink);
    w.declaration();
    w.open("office:document-meta");
    w.namespaces({"office", "meta", "dc", "xlink"});
    w.attr("office:version", "1.3");
    w.open("office:meta");

    element(w, "meta:generator", m.generator.empty() ? std::string("Överens/") + kVersion : m.generator);
    element(w, "dc:title", m.title);
    element(w, "dc:subject", m.subject);
    std::string description = m.organisation;
    if (!m.board.empty()) description += (description.empty() ? "" : ", ") + m.board;
    if (!m.dnr.empty()) description += (description.empty() ? "" : ", ") + m.dnr;
    element(w, "dc:description", description);
    for (const auto& k : m.keywords) element(w, "meta:keyword", k);
    element(w, "dc:language", languageTag(m.lang));
    if (m.adopted && m.adopted->valid()) {
        const std::string stamp = m.adopted->iso() + "T00:00:00";
        element(w, "meta:creation-date", stamp);
        element(w, "dc:date", stamp);
    }

    // User-defined properties: stable names, so that archives and scripts can read them.
    property(w, "RegistrationNumber", m.dnr);
    property(w, "DocumentKind", m.kind);
    property(w, "Organisation", m.organisation);
    property(w, "Board", m.board);
    property(w, "DocumentVersion", m.version);
    if (m.adopted && m.adopted->valid()) property(w, "AdoptionDate", m.adopted->iso(), "date");
    if (m.nextReview && m.nextReview->valid()) property(w, "ReviewDate", m.nextReview->iso(), "date");
    if (m.reviewEvery && !m.reviewEvery->zero()) property(w, "ReviewInterval", m.reviewEvery->iso());
    property(w, "SourceFile", m.sourceName);
    property(w, "SourceSHA256", m.sourceSha256);
    property(w, "TemplateVersion", m.templateVersion);
    w.finish();
}

}  // namespace overens::odf
