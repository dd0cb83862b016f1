// Which plugins a run needs: `validate` and `build` open only the plugins of their sources' kinds
// (opening a plugin costs its library's loading and its schema), seen from each source's first
// bytes without parsing it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kinds/document_kind.hpp"

namespace overens {

// The kind a source names: its root element's kind="..." attribute, else the root element's
// name, as the source reader takes it. Empty when the start of the file does not show it plainly
// (unreadable, no root tag in the first 4 KiB, a DOCTYPE, anything unusual): then the caller
// cannot know and opens every plugin.
std::string peekKind(const std::string& file);

// The section ids of the sources' kinds; nullopt when a source's kind is not plain or not one
// of `kinds`.
std::optional<std::set<std::string>> neededPlugins(const std::vector<std::string>& sources,
                                                   const std::map<std::string, DocumentKind>& kinds);

}  // namespace overens
