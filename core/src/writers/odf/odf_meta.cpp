#include "writers/odf/odf_meta.hpp"

#include <pugixml.hpp>

#include "overens/version.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

std::string languageTag(const std::string& lang) {
    if (lang.empty() || lang == "sv") return "sv-SE";
    if (lang == "en") return "en-GB";
    return lang;
}

namespace {

void element(pugi::xml_node parent, const char* name, const std::string& value) {
    if (value.empty()) return;
    parent.append_child(name).text().set(xmlSafe(value).c_str());
}

void property(pugi::xml_node parent, const char* name, const std::string& value, const char* type = "string") {
    if (value.empty()) return;
    auto p = parent.append_child("meta:user-defined");
    p.append_attribute("meta:name") = name;
    p.append_attribute("meta:value-type") = type;
    p.text().set(xmlSafe(value).c_str());
}

}  // namespace

std::string buildMeta(const doc::Meta& m) {
    pugi::xml_document d;
    auto root = d.append_child("office:document-meta");
    declareNamespaces(root, {"office", "meta", "dc", "xlink"});
    root.append_attribute("office:version") = "1.3";
    auto meta = root.append_child("office:meta");

    element(meta, "meta:generator",
            m.generator.empty() ? std::string("Överens/") + kVersion : m.generator);
    element(meta, "dc:title", m.title);
    element(meta, "dc:subject", m.subject);
    std::string description = m.organisation;
    if (!m.board.empty()) description += (description.empty() ? "" : ", ") + m.board;
    if (!m.dnr.empty()) description += (description.empty() ? "" : ", ") + m.dnr;
    element(meta, "dc:description", description);
    for (const auto& k : m.keywords) element(meta, "meta:keyword", k);
    element(meta, "dc:language", languageTag(m.lang));
    if (m.adopted && m.adopted->valid()) {
        const std::string stamp = m.adopted->iso() + "T00:00:00";
        element(meta, "meta:creation-date", stamp);
        element(meta, "dc:date", stamp);
    }

    // User-defined properties: stable names, so that archives and scripts can read them.
    property(meta, "RegistrationNumber", m.dnr);
    property(meta, "DocumentKind", m.kind);
    property(meta, "Organisation", m.organisation);
    property(meta, "Board", m.board);
    property(meta, "DocumentVersion", m.version);
    if (m.adopted && m.adopted->valid()) property(meta, "AdoptionDate", m.adopted->iso(), "date");
    if (m.nextReview && m.nextReview->valid()) property(meta, "ReviewDate", m.nextReview->iso(), "date");
    if (m.reviewEvery && !m.reviewEvery->zero()) property(meta, "ReviewInterval", m.reviewEvery->iso());
    property(meta, "SourceFile", m.sourceName);
    property(meta, "SourceSHA256", m.sourceSha256);
    property(meta, "TemplateVersion", m.templateVersion);
    return serialize(d);
}

}  // namespace overens::odf
