// Before phase 1 with --store: the current version of every organisation's documents in a
// document store (a folder, or the PostgreSQL database a hosted `overens serve` uses), each
// organisation materialised as a folder of files for the engine and named by its id, so that the
// job's messages name a document ORG/NAME.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "remind/find_sources.hpp"
#include "remind/texts.hpp"

namespace overens::remind {

// false (reported) when the store cannot be opened or an organisation cannot be read.
bool storeFolders(const std::string& spec, const Texts& t, std::ostream& err, std::vector<StoreFolder>& out);

}  // namespace overens::remind
