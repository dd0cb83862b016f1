#include "import/vocabulary.hpp"

#include <Poco/UTF8String.h>
#include <pugixml.hpp>

#include "import/zip_package.hpp"
#include "util/text.hpp"

namespace overens::import {

namespace {

pugi::xml_document load(const std::filesystem::path& file) {
    pugi::xml_document d;
    const pugi::xml_parse_result r = d.load_file(file.c_str());
    if (!r)
        throw ImportFailure(file.string() + " kan inte läsas: " + r.description(),
                            file.string() + " cannot be read: " + r.description());
    return d;
}

std::string unescape(std::string s) {
    for (std::size_t i = s.find("\\n"); i != std::string::npos; i = s.find("\\n", i)) s.replace(i, 2, "\n");
    return s;
}

}  // namespace

std::string normalise(const std::string& text) {
    std::string s = collapseWhitespace(Poco::UTF8::toLower(text));
    const std::string trim = " .:;,*()[]-–";
    const auto b = s.find_first_not_of(trim);
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(trim);
    return s.substr(b, e - b + 1);
}

std::string Vocabulary::fieldOfHeading(const std::string& heading) const {
    const std::string n = normalise(heading);
    if (n.empty()) return {};
    for (const auto& [word, field] : headings)
        if (word == n) return field;
    return {};
}

Vocabulary loadVocabulary(const std::filesystem::path& templatesDir) {
    Vocabulary v;
    const pugi::xml_document headings = load(templatesDir / "import" / "headings.xml");
    for (pugi::xml_node column : headings.document_element().children("column"))
        for (pugi::xml_node word : column.children("word"))
            v.headings.emplace_back(normalise(word.text().get()), column.attribute("field").value());
    for (pugi::xml_node values : headings.document_element().children("values"))
        for (pugi::xml_node value : values.children("value"))
            v.values[values.attribute("field").value()][normalise(value.text().get())] = value.attribute("code").value();

    const pugi::xml_document roles = load(templatesDir / "import" / "roles.xml");
    const pugi::xml_node root = roles.document_element();
    for (pugi::xml_node a : root.children("abbreviation"))
        v.abbreviations[normalise(a.attribute("short").value())] = {a.attribute("short").value(),
                                                                   a.attribute("title").value(),
                                                                   a.attribute("kind").value()};
    for (pugi::xml_node k : root.children("kind")) {
        if (k.attribute("fallback").as_bool()) {
            v.fallbackKind = k.attribute("code").value();
            continue;
        }
        std::vector<std::string> words;
        for (pugi::xml_node w : k.children("word")) words.push_back(Poco::UTF8::toLower(std::string(w.text().get())));
        v.kinds.emplace_back(k.attribute("code").value(), std::move(words));
    }
    for (pugi::xml_node n : root.children("joint-marker")) v.jointMarkers.push_back(unescape(n.text().get()));
    for (pugi::xml_node n : root.children("joint-separator")) v.jointSeparators.push_back(unescape(n.text().get()));
    for (pugi::xml_node n : root.children("separator")) v.separators.push_back(unescape(n.text().get()));
    for (pugi::xml_node n : root.children("sub-delegation-phrase"))
        v.subDelegationPhrases.push_back(Poco::UTF8::toLower(std::string(n.text().get())));
    return v;
}

}  // namespace overens::import
