// Phase 2 of `overens remind`: each candidate's review facts — from the index when the file is
// unchanged (same modification time and size, indexed more than 2 s after that time), else from
// its header, read through the engine (no plugin is loaded) — and what changed in the index.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "remind/find_sources.hpp"
#include "remind/job.hpp"
#include "remind/state.hpp"

namespace overens::remind {

// What the index needs written after the run: folders whose rows changed, headers to store
// and to drop. Filled by readSources and sweepIndex.
struct IndexUpdate {
    std::vector<bool> dirty;  // by folder id
    std::vector<HeaderRow> headerRows;
    std::vector<std::string> dropHeaders;
    std::vector<std::pair<std::string, const FolderIndex*>> folders;  // set by sweepIndex
    bool empty() const { return folders.empty() && headerRows.empty() && dropHeaders.empty(); }
};

struct SourcesRead {
    std::vector<Document> documents;
    IndexUpdate update;
    std::size_t files = 0;    // candidate files seen
    std::size_t parsed = 0;   // read this run (not from the index)
    std::size_t sources = 0;  // of them, documents
    bool unreadable = false;
    bool sourceErrors = false;
};

// `lang`: the language of diagnostics ("" = each document's own). Marks the index entries seen.
SourcesRead readSources(FoundSources& found, Index& index, Engine& engine, const std::string& lang,
                        std::ostream& err);

// What is gone: files no longer in a searched folder, folders no longer under a searched path.
// Completes update.folders with every folder row to write or drop.
void sweepIndex(const FoundSources& found, Index& index, IndexUpdate& update);

}  // namespace overens::remind
