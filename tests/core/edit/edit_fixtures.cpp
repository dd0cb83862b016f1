#include "edit_fixtures.hpp"

#include <algorithm>
#include <memory>
#include <sstream>

#include "engine/engine.hpp"

namespace overens::test {

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

Engine& engine() {
    static Diagnostics setup;
    static std::unique_ptr<Engine> e = std::make_unique<Engine>(EngineOptions{}, setup);
    return *e;
}

void readerValues(const Record& r, const std::vector<Field>& fields, const std::string& prefix, edit::Answers& out) {
    for (const Field& f : fields) {
        const std::string path = prefix + f.name;
        if (f.type == FieldType::Group) {
            if (const Record* g = r.group(f.name)) readerValues(*g, f.fields, path + ".", out);
        } else if (f.type == FieldType::Table) {
            const auto& rows = r.rows(f.name);
            out.emplace_back(path + ".count", std::to_string(rows.size()));
            for (std::size_t i = 0; i < rows.size(); ++i)
                readerValues(rows[i], f.fields, path + "." + std::to_string(i) + ".", out);
        } else if (f.type == FieldType::List) {
            const auto& items = r.list(f.name);
            out.emplace_back(path + ".count", std::to_string(items.size()));
            for (std::size_t i = 0; i < items.size(); ++i) out.emplace_back(path + "." + std::to_string(i), items[i].text);
        } else if (const Value* v = r.get(f.name)) {
            out.emplace_back(path, v->text);
        }
    }
}

}  // namespace

std::string LineDiff::describe() const {
    std::string s = "\nafter line " + std::to_string(before) + ":\n";
    for (const auto& l : removed) s += "- " + l + "\n";
    for (const auto& l : added) s += "+ " + l + "\n";
    return s;
}

LineDiff lineDiff(const std::string& oldText, const std::string& newText) {
    const auto a = linesOf(oldText), b = linesOf(newText);
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    std::size_t s = 0;
    while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
    LineDiff d;
    d.before = p;
    d.removed.assign(a.begin() + static_cast<long>(p), a.end() - static_cast<long>(s));
    d.added.assign(b.begin() + static_cast<long>(p), b.end() - static_cast<long>(s));
    return d;
}

const SchemaLookup& EditFixture::schemas() { return engine().schemas(); }
const std::map<std::string, DocumentKind>& EditFixture::kinds() { return engine().kinds(); }

std::vector<std::filesystem::path> EditFixture::sampleFiles() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(samplesDir()))
        if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string EditFixture::dump(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += x.format("en") + "\n";
    return s;
}

std::vector<Diagnostic> EditFixture::validateDiagnostics(const std::filesystem::path& file) {
    auto prepared = engine().prepare({file.string()});
    return prepared.empty() ? std::vector<Diagnostic>{} : prepared[0].diags.all();
}

edit::Answers EditFixture::valuesFromReader(const std::string& xml) {
    Diagnostics d;
    const Source src = readSourceText(xml, "sample.xml", schemas(), d);
    edit::Answers out;
    for (const auto& s : src.sections) readerValues(s.values, schemas().at(s.id).fields, s.id + ".", out);
    return out;
}

void EditFixture::expectSameDiagnostics(const std::string& before, const std::string& after) {
    TempDir dir;
    writeFile(dir / "before.xml", before);
    writeFile(dir / "after.xml", after);
    auto codes = [](const std::vector<Diagnostic>& all) {
        std::vector<std::string> c;
        for (const auto& d : all) c.push_back(d.code);
        std::sort(c.begin(), c.end());
        return c;
    };
    const auto a = validateDiagnostics(dir / "before.xml"), b = validateDiagnostics(dir / "after.xml");
    std::string text;
    for (const auto& d : b) text += d.format("en") + "\n";
    EXPECT_EQ(codes(a), codes(b)) << text;
}

std::string EditFixture::answerOf(const edit::Answers& a, const std::string& path) {
    for (const auto& [p, v] : a)
        if (p == path) return v;
    return "<absent>";
}

edit::Answers EditFixture::changedAnswers(const std::string& xml, const edit::Answers& changes) {
    Diagnostics d;
    edit::Answers a = edit::readAnswers(xml, schemas(), d);
    for (const auto& [path, value] : changes) {
        auto it = std::find_if(a.begin(), a.end(), [&](const auto& p) { return p.first == path; });
        if (it != a.end())
            it->second = value;
        else
            a.emplace_back(path, value);
    }
    return a;
}

std::string EditFixture::edited(const std::string& xml, const edit::Answers& changes) {
    Diagnostics d;
    const std::string out = edit::applyAnswers(xml, changedAnswers(xml, changes), schemas(), d);
    EXPECT_EQ(d.all().size(), 0u) << dump(d);
    return out;
}

std::string EditFixture::sourceLineContaining(const std::string& text, const std::string& needle) {
    for (const auto& l : linesOf(text))
        if (l.find(needle) != std::string::npos) return l;
    ADD_FAILURE() << "no line contains " << needle;
    return {};
}

int EditFixture::lineNumberOf(const std::string& text, const std::string& line) {
    const auto lines = linesOf(text);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i] == line) return static_cast<int>(i + 1);
    return 0;
}

}  // namespace overens::test
