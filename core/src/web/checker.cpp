#include "web/checker.hpp"

#include <fstream>

#include "edit/answers.hpp"

namespace overens::web {

namespace fs = std::filesystem;

Checker::Checker(Engine& engine, store::DocumentStore& store, fs::path scratch)
    : engine_(engine), store_(store), scratch_(std::move(scratch)) {
    fs::create_directories(scratch_);
}

Checked Checker::check(const std::string& organisation, const std::string& file, const std::string& xml) {
    // The engine reads files: the draft goes to the scratch folder under its own name, so that a
    // message naming the file names the document the user edits.
    const fs::path draftPath = scratch_ / file;
    {
        std::ofstream out(draftPath, std::ios::binary | std::ios::trunc);
        out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
    }
    std::vector<std::string> files;
    const fs::path folder = store_.materialise(organisation);
    for (const auto& name : store_.documents(organisation))
        if (name != file) files.push_back((folder / name).string());
    files.push_back(draftPath.string());

    Checked c;
    c.prepared = engine_.prepare(files);
    std::error_code ec;
    fs::remove(draftPath, ec);

    const edit::FieldPaths paths = edit::fieldPaths(xml, engine_.schemas());
    for (const auto& d : c.prepared.back().diags.all()) {
        const std::string path = d.where.known() ? edit::fieldPathAt(paths, d.where) : std::string();
        c.items.emplace_back(path, &d);
        c.placed[path].push_back(&d);
    }
    return c;
}

}  // namespace overens::web
