#include "kinds/document_kind.hpp"

#include "overens/wording.hpp"

#include <pugixml.hpp>

#include <algorithm>

namespace overens {

namespace fs = std::filesystem;

const KindSection* DocumentKind::section(const std::string& sectionId) const {
    for (const auto& s : sections)
        if (s.id == sectionId) return &s;
    return nullptr;
}

static void readDuration(const pugi::xml_attribute& attr, Duration& out, const fs::path& file, Diagnostics& diags) {
    if (!attr) return;
    if (auto d = parseDuration(attr.value())) {
        out = *d;
    } else {
        diags.error("kind.bad-duration", Location{file.string()},
                    std::string("ogiltig varaktighet '") + attr.value() + "' (ISO 8601, t.ex. P1Y)",
                    std::string("invalid duration '") + attr.value() + "' (ISO 8601, e.g. P1Y)");
    }
}

static bool readKind(const fs::path& file, DocumentKind& kind, Diagnostics& diags) {
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_file(file.c_str());
    const Location where{file.string()};
    if (!parsed) {
        diags.error("kind.malformed", where, std::string("dokumentslaget kan inte läsas: ") + parsed.description(),
                    std::string("the document kind cannot be read: ") + parsed.description());
        return false;
    }
    const pugi::xml_node root = xml.child("kind");
    kind.file = file;
    kind.id = root.attribute("id").as_string();
    if (!root || kind.id.empty()) {
        diags.error("kind.malformed", where, "dokumentslaget saknar <kind id=\"...\">",
                    "the document kind lacks <kind id=\"...\">");
        return false;
    }
    for (pugi::xml_node t : root.children("title")) kind.title[t.attribute("lang").as_string("sv")] = t.text().get();
    for (pugi::xml_node t : root.children("subtitle"))
        kind.subtitle[t.attribute("lang").as_string("sv")] = t.text().get();
    for (pugi::xml_node s : root.child("sections").children("section"))
        kind.sections.push_back({s.attribute("id").as_string(), s.attribute("required").as_bool(true)});
    for (pugi::xml_node s : root.child("signatures").children("signatory"))
        kind.signatories.push_back(s.attribute("role").as_string());
    kind.adoptedByBoard = static_cast<bool>(root.child("adoption"));
    readDuration(root.child("review").attribute("every"), kind.reviewEvery, file, diags);
    readDuration(root.child("review").attribute("notify-before"), kind.notifyBefore, file, diags);
    kind.tocMinSections = root.child("toc").attribute("min-sections").as_int(kind.tocMinSections);
    if (kind.sections.empty()) {
        diags.error("kind.malformed", where, "dokumentslaget '" + kind.id + "' listar inga avsnitt",
                    "the document kind '" + kind.id + "' lists no sections");
        return false;
    }
    return true;
}

std::map<std::string, DocumentKind> loadKinds(const fs::path& folder, Diagnostics& diags) {
    std::map<std::string, DocumentKind> kinds;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    if (ec) {
        diags.error("kind.folder", Location{folder.string()}, "mappen med dokumentslag kan inte läsas: " + ec.message(),
                    "the folder of document kinds cannot be read: " + ec.message());
        return kinds;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        DocumentKind kind;
        if (readKind(file, kind, diags)) kinds[kind.id] = std::move(kind);
    }
    return kinds;
}

std::string kindText(const std::map<std::string, std::string>& byLang, const std::string& lang,
                     const std::map<std::string, std::string>& values) {
    auto it = byLang.find(lang);
    if (it == byLang.end()) it = byLang.find("sv");
    return it == byLang.end() ? std::string() : substitute(it->second, values);
}

}  // namespace overens
