// Validation of a draft exactly as `overens validate` does it: the draft is read and checked
// with its organisation's other documents of the store (the engine compares documents of the
// same organisation), and each diagnostic is placed at the answer its location points at.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "store/document_store.hpp"
#include "web/form_render.hpp"

namespace overens::web {

struct Checked {
    std::vector<Prepared> prepared;  // the organisation's other documents, then the draft (last)
    // Every diagnostic of the draft with the answers path it concerns ("" when none), in order.
    std::vector<std::pair<std::string, const Diagnostic*>> items;
    PlacedDiagnostics placed;  // the same, by path

    const Prepared& draft() const { return prepared.back(); }
};

class Checker {
public:
    // scratch: a private folder for the draft's text while the engine reads it.
    Checker(Engine& engine, store::DocumentStore& store, std::filesystem::path scratch);

    // `file` is the draft's name in `organisation` (its saved copy is not compared with itself).
    Checked check(const std::string& organisation, const std::string& file, const std::string& xml);

private:
    Engine& engine_;
    store::DocumentStore& store_;
    std::filesystem::path scratch_;
};

}  // namespace overens::web
