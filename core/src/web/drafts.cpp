#include "web/drafts.hpp"

#include <Poco/RandomStream.h>

#include <iomanip>
#include <sstream>

namespace overens::web {

namespace {
std::string randomId() {
    Poco::RandomInputStream random;
    std::ostringstream id;
    for (int i = 0; i < 12; ++i) id << std::hex << std::setw(2) << std::setfill('0') << (random.get() & 0xff);
    return id.str();
}
}  // namespace

Draft& DraftStore::create(Draft draft) {
    while (drafts_.size() >= capacity_ && !order_.empty()) {
        drafts_.erase(order_.front());
        order_.pop_front();
    }
    draft.id = randomId();
    order_.push_back(draft.id);
    return drafts_[draft.id] = std::move(draft);
}

Draft* DraftStore::find(const std::string& id) {
    auto it = drafts_.find(id);
    return it == drafts_.end() ? nullptr : &it->second;
}

}  // namespace overens::web
