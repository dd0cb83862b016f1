// Phase 6 of `overens remind`: recording in the state file what delivery did, one committed
// change per step (attempting before DATA, then sent, refused or deferred).
#pragma once

#include "remind/deliver.hpp"
#include "remind/state.hpp"

namespace overens::remind {

class StateLog : public DeliveryLog {
public:
    explicit StateLog(State& state) : state_(state) {}
    void attempting(const Reminder& r, const std::string& address) override;
    void outcome(const Reminder& r, const std::string& address, const DeliveryResult& result) override;

private:
    State& state_;
};

}  // namespace overens::remind
