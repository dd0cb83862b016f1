#include "remind/record.hpp"

namespace overens::remind {

void StateLog::attempting(const Reminder& r, const std::string& address) {
    state_.markAttempting(r.identity, r.review.iso(), address, r.key);
}

void StateLog::outcome(const Reminder& r, const std::string& address, const DeliveryResult& result) {
    const std::string review = r.review.iso();
    switch (result.outcome) {
        case Delivery::Delivered: state_.markSent(r.identity, review, address, result.code, result.response); break;
        case Delivery::Refused: state_.markRefused(r.identity, review, address, result.code, result.response); break;
        case Delivery::Deferred: state_.markDeferred(r.identity, review, address, result.code, result.response); break;
        case Delivery::Unacknowledged: state_.markUnacknowledged(r.identity, review, address, result.response); break;
    }
}

}  // namespace overens::remind
