// What an organisation id and a document name may be (document_store.hpp): both become parts of
// paths in the folder store, so nothing that could leave its folder passes.
#include <algorithm>
#include <cctype>

#include "store/document_store.hpp"

namespace overens::store {

bool validOrganisation(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(),
                       [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool validDocumentName(const std::string& name) {
    if (name.size() < 5 || name.size() > 200 || name.front() == '.') return false;
    if (name.compare(name.size() - 4, 4, ".xml") != 0) return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return (c < 0x80 && std::isalnum(c)) || c == '.' || c == '-' || c == '_';
    });
}

}  // namespace overens::store
