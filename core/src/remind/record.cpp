#include "remind/record.hpp"

namespace overens::remind {

namespace {
ReminderKey keyOf(const Reminder& r, const std::string& address) { return {r.identity, r.review.iso(), address}; }
}  // namespace

ReminderRecord StateLog::claim(const Reminder& r, const std::string& address, const ReminderRecord&) {
    return state_.claim(keyOf(r, address));
}

void StateLog::release(const Reminder& r, const std::string& address) { state_.release(keyOf(r, address)); }

void StateLog::attempting(const Reminder& r, const std::string& address) {
    state_.markAttempting(keyOf(r, address), r.key);
}

void StateLog::outcome(const Reminder& r, const std::string& address, const DeliveryResult& result) {
    const ReminderKey key = keyOf(r, address);
    switch (result.outcome) {
        case Delivery::Delivered: state_.markSent(key, result.code, result.response); break;
        case Delivery::Refused: state_.markRefused(key, result.code, result.response); break;
        case Delivery::Deferred: state_.markDeferred(key, result.code, result.response); break;
        case Delivery::Unacknowledged: state_.markUnacknowledged(key, result.response); break;
    }
}

}  // namespace overens::remind
