// Phase 6 of `overens remind`: recording in the state what delivery did, one durable change per
// step (attempting before DATA, then sent, refused or deferred), each reminder claimed from the
// state before it is sent so that two runs never send it twice.
#pragma once

#include "remind/deliver.hpp"
#include "remind/state.hpp"

namespace overens::remind {

class StateLog : public DeliveryLog {
public:
    explicit StateLog(State& state) : state_(state) {}
    ReminderRecord claim(const Reminder& r, const std::string& address, const ReminderRecord& planned) override;
    void release(const Reminder& r, const std::string& address) override;
    void attempting(const Reminder& r, const std::string& address) override;
    void outcome(const Reminder& r, const std::string& address, const DeliveryResult& result) override;

private:
    State& state_;
};

}  // namespace overens::remind
