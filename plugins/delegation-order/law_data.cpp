#include "law_data.hpp"

#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace overens::delegation {

namespace fs = std::filesystem;

namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep))
        if (!trimmed(part).empty()) out.push_back(trimmed(part));
    return out;
}

// "@decide" in a pattern list stands for the <words id="decide"> list.
std::string expand(const std::string& text, const std::map<std::string, std::string>& lists) {
    std::string out;
    for (const std::string& alt : split(text, '|')) {
        std::string piece = alt;
        if (piece.size() > 1 && piece[0] == '@') {
            auto it = lists.find(piece.substr(1));
            piece = it == lists.end() ? std::string() : it->second;
        }
        if (!piece.empty()) out += (out.empty() ? "" : " | ") + piece;
    }
    return out;
}

void loadVocabulary(const fs::path& file, LawData& data) {
    pugi::xml_document doc;
    const auto parsed = doc.load_file(file.c_str());
    if (!parsed) {
        data.problem += file.string() + ": " + parsed.description() + "; ";
        return;
    }
    const pugi::xml_node root = doc.child("vocabulary");
    Vocabulary& v = data.vocabulary;
    v.negationWindow = root.attribute("negation-window").as_int(4);
    std::map<std::string, std::string> lists;
    for (pugi::xml_node w : root.children("words")) lists[w.attribute("id").as_string()] = trimmed(w.text().get());
    v.negation = compileAlternatives(expand(root.child("negation").text().get(), lists));
    for (pugi::xml_node p : root.children("point"))
        v.points[p.attribute("id").as_string()] = {p.attribute("sv").as_string(), p.attribute("en").as_string(),
                                                   p.attribute("cite-sv").as_string(),
                                                   p.attribute("cite-en").as_string()};
    for (pugi::xml_node r : root.children("rule")) {
        WordRule rule;
        rule.id = r.attribute("id").as_string();
        rule.kind = r.attribute("kind").as_string("not-delegable");
        rule.point = r.attribute("point").as_string();
        rule.level = r.attribute("level").as_string("warning");
        rule.category = r.attribute("category").as_string();
        rule.appeal = r.attribute("appeal").as_string();
        rule.delegate = r.attribute("delegate").as_string();
        rule.fields = split(r.attribute("fields").as_string("matter note"), ' ');
        rule.negatable = r.attribute("negatable").as_bool(true);
        rule.canNegate = rule.negatable && (rule.kind == "not-delegable" || rule.kind == "automated");
        using K = WordRule::Kind;
        static const std::map<std::string, K> kinds{{"not-delegable", K::NotDelegable}, {"automated", K::Automated},
                                                    {"urgent", K::Urgent}, {"urgent-hint", K::UrgentHint},
                                                    {"sub-delegation", K::SubDelegation}, {"appeal", K::Appeal}};
        const auto kind = kinds.find(rule.kind);
        rule.kindCode = kind == kinds.end() ? K::Other : kind->second;
        using D = WordRule::Delegate;
        static const std::map<std::string, D> delegates{
            {"", D::Any}, {"employee", D::Employee}, {"elected", D::Elected}, {"automated", D::Automated}};
        const auto delegate = delegates.find(rule.delegate);
        rule.delegateCode = delegate == delegates.end() ? D::None : delegate->second;
        rule.cite = r.attribute("cite").as_string();
        for (pugi::xml_node a : r.children("all")) rule.all.push_back(compileAlternatives(expand(a.text().get(), lists)));
        for (pugi::xml_node n : r.children("none")) {
            auto alts = compileAlternatives(expand(n.text().get(), lists));
            rule.none.insert(rule.none.end(), alts.begin(), alts.end());
        }
        rule.confirmSv = trimmed(r.child("confirm").attribute("sv").as_string());
        rule.confirmEn = trimmed(r.child("confirm").attribute("en").as_string());
        if (rule.all.empty()) {
            data.problem += file.string() + ": rule '" + rule.id + "' has no <all>; ";
            continue;
        }
        v.rules.push_back(std::move(rule));
    }
    v.table.add(v.negation);
    for (WordRule& rule : v.rules) {
        for (auto& group : rule.all) v.table.add(group);
        v.table.add(rule.none);
    }
}

std::optional<Date> dateAttr(pugi::xml_node n, const char* name) {
    const char* s = n.attribute(name).as_string();
    return *s ? parseDate(s) : std::nullopt;
}

void loadActs(const fs::path& file, LawData& data) {
    pugi::xml_document doc;
    const auto parsed = doc.load_file(file.c_str());
    if (!parsed) {
        data.problem += file.string() + ": " + parsed.description() + "; ";
        return;
    }
    for (pugi::xml_node a : doc.child("acts").children("act")) {
        Act act;
        act.id = a.attribute("id").as_string();
        act.sfs = a.attribute("sfs").as_string();
        act.title = a.attribute("title").as_string();
        act.inForce = dateAttr(a, "in-force").value_or(Date{});
        act.repealed = dateAttr(a, "repealed");
        act.replacedBy = a.attribute("replaced-by").as_string();
        for (pugi::xml_node n : a.children("name")) act.names.push_back(lowerUtf8(trimmed(n.text().get())));
        if (pugi::xml_node s = a.child("structure")) {
            act.hasStructure = true;
            if (s.attribute("chapters")) {
                act.chaptered = true;
                for (const std::string& cs : split(s.attribute("chapters").as_string(), ' ')) {
                    const auto colon = cs.find(':');
                    if (colon != std::string::npos) act.chapters[cs.substr(0, colon)] = std::atoi(cs.c_str() + colon + 1);
                }
            } else {
                act.sections = s.attribute("sections").as_int();
            }
        }
        for (pugi::xml_node o : a.children("old-numbering")) {
            OldNumbering on;
            on.chapter = o.attribute("chapter").as_string();
            const std::string range = o.attribute("sections").as_string();
            on.from = std::atoi(range.c_str());
            const auto dash = range.find('-');
            on.to = dash == std::string::npos ? on.from : std::atoi(range.c_str() + dash + 1);
            on.always = o.attribute("always").as_bool(false);
            on.words = compileAlternatives(o.attribute("when-words").as_string());
            on.now = o.attribute("now").as_string();
            on.before = dateAttr(o, "before");
            act.oldNumbering.push_back(on);
        }
        data.acts.push_back(std::move(act));
    }
}

// One entry a line; '#' starts a comment.
std::vector<std::string> lines(const fs::path& file, LawData& data) {
    std::ifstream in(file);
    if (!in) {
        data.problem += file.string() + ": cannot be read; ";
        return {};
    }
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        const auto hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        line = trimmed(line);
        if (!line.empty()) out.push_back(lowerUtf8(line));
    }
    return out;
}

// The names by their first word. A name with an empty word ("a  b") can match no text and is left out.
void indexNames(LawData& data) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t a = 0; a < data.acts.size(); ++a)
        for (const std::string& name : data.acts[a].names) {
            if (name.empty()) continue;
            auto it = seen.find(name);
            if (it == seen.end()) {
                ActName n{name, {}, {}};
                std::size_t pos = 0;
                while (pos < name.size()) {
                    const auto space = name.find(' ', pos);
                    n.words.push_back(name.substr(pos, space == std::string::npos ? std::string::npos : space - pos));
                    pos = space == std::string::npos ? name.size() : space + 1;
                }
                it = seen.emplace(name, data.actNames.size()).first;
                data.actNames.push_back(std::move(n));
            }
            data.actNames[it->second].acts.push_back(a);
        }
    for (std::size_t i = 0; i < data.actNames.size(); ++i) {
        const ActName& n = data.actNames[i];
        bool usable = true;
        for (const std::string& w : n.words) usable = usable && !w.empty();
        if (usable) data.namesByFirstWord[n.words.front()].push_back(i);
    }
}

}  // namespace

const Act* LawData::act(const std::string& id) const {
    for (const auto& a : acts)
        if (a.id == id) return &a;
    return nullptr;
}

LawData loadLawData(const std::string& folder) {
    LawData data;
    data.folder = folder;
    const fs::path dir(folder);
    loadVocabulary(dir / "delegation-vocabulary.xml", data);
    loadActs(dir / "acts.xml", data);
    indexNames(data);
    for (const auto& n : lines(dir / "first-names.txt", data)) data.firstNames.insert(n);
    data.postWords = lines(dir / "post-words.txt", data);
    return data;
}

const LawData& lawData(const std::string& templatesDir) {
    // The engine gives every run one templates folder; a plugin used without the engine (tests)
    // reads the source tree's. Each folder is read once.
    static std::mutex lock;
    static std::map<std::string, LawData> read;
    const std::string folder =
        (fs::path(templatesDir.empty() ? OVERENS_DELEGATION_SOURCE_TEMPLATES : templatesDir) / "law").string();
    const std::lock_guard<std::mutex> guard(lock);
    auto it = read.find(folder);
    if (it == read.end()) it = read.emplace(folder, loadLawData(folder)).first;
    return it->second;
}

}  // namespace overens::delegation
