// Reads an XML answer file: the common header into a Context, each section element into a
// Record through its plugin's schema, every value with its file:line:col.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "overens/context.hpp"
#include "overens/diagnostics.hpp"
#include "overens/schema.hpp"
#include "overens/values.hpp"

namespace overens {

// The largest source file accepted (a 20,000-row delegation order is about 8 MiB).
constexpr std::uintmax_t kMaxSourceBytes = 64u * 1024u * 1024u;

struct SectionSource {
    std::string id;  // element name = plugin id
    Record values;   // values.where is the element's location
};

struct Source {
    std::string displayName;  // as given on the command line, used in diagnostics
    std::string sha256;       // of the file's bytes, hex
    Location where;           // the root element
    Context context;          // the header; lang and kind as written (empty when absent)
    std::vector<SectionSource> sections;  // in source order, only those with a known schema
};

// Schemas by section id (element name), as the loaded plugins offer them.
using SchemaLookup = std::map<std::string, Schema>;

struct ReadOptions {
    bool headerOnly = false;  // read the header and skip the sections (for `remind`)
    bool digest = true;       // compute Source::sha256 (only the writers' metadata and `remind` need it)
};

enum class ReadStatus {
    Ok,          // parsed; diagnostics may still hold errors in the values
    Unreadable,  // missing, unreadable or too large: an environment problem (exit 2)
    Malformed,   // not well-formed XML, DOCTYPE, bad encoding: the input's fault (exit 1)
};

// The header elements every document kind shares; any other child of the root is a section.
bool isHeaderElement(const std::string& name);

Source readSourceFile(const std::filesystem::path& path, const std::string& displayName, const SchemaLookup& schemas,
                      Diagnostics& diags, const ReadOptions& options = {}, ReadStatus* status = nullptr);
Source readSourceText(std::string xml, const std::string& displayName, const SchemaLookup& schemas,
                      Diagnostics& diags, const ReadOptions& options = {}, ReadStatus* status = nullptr);

}  // namespace overens
