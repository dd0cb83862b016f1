#include "remind/store_sources.hpp"

#include <Poco/Exception.h>

#include <exception>

#include "store/document_store.hpp"

namespace overens::remind {

bool storeFolders(const std::string& spec, const Texts& t, std::ostream& err, std::vector<StoreFolder>& out) {
    std::string error;
    auto st = store::openStore(spec, {}, error);
    if (!st) {
        err << "overens remind: " << t.tr("lagringen kan inte öppnas: ", "the store cannot be opened: ") << error << '\n';
        return false;
    }
    std::string org;
    try {
        for (const std::string& id : st->organisations()) {
            org = id;
            out.push_back({st->materialise(id).string(), id});
        }
    } catch (const std::exception& e) {
        const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
        err << "overens remind: " << st->describe() << ": "
            << t.tr("organisationen '", "the organisation '") << org << t.tr("' kan inte läsas: ", "' cannot be read: ")
            << (poco ? poco->displayText() : std::string(e.what())) << '\n';
        return false;
    }
    return true;
}

}  // namespace overens::remind
