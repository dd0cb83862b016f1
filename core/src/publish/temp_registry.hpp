// The temporaries this process has open, for the signal handler that removes them when the
// run is stopped (SIGTERM, SIGINT, SIGHUP). Fixed storage: the handler may only read it.
#pragma once

#include <signal.h>

namespace overens::temp_registry {

// Installs the handlers once (only where a signal still has its default action). Returns the
// slot holding path, or -1 when all slots are taken (the file is then left for the next run).
int add(const char* path);
void remove(int slot);

// Holds SIGTERM, SIGINT and SIGHUP back in this thread while it lives (they arrive afterwards).
class HoldSignals {
public:
    HoldSignals();
    ~HoldSignals();
    HoldSignals(const HoldSignals&) = delete;
    HoldSignals& operator=(const HoldSignals&) = delete;

private:
    sigset_t old_;
};

}  // namespace overens::temp_registry
