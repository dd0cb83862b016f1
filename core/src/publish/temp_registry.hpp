// The temporaries this process has open, for the signal handler that removes them when the
// run is stopped (SIGTERM, SIGINT, SIGHUP). Fixed storage: the handler may only read it.
//
// A batch publishes on several threads while the handler runs on one of them, so every slot
// has a state that the handler claims before it unlinks the path (no thread can then free the
// slot and write another path into it), and a file is created only through create(), which
// the handler waits for: a temporary either exists and is registered, or is never made.
#pragma once

#include <signal.h>
#include <sys/types.h>

namespace overens::temp_registry {

struct Created {
    int fd = -1;    // open for writing and locked (flock), or -1 with errno set
    int slot = -1;  // in the handler's list, or -1 when all slots are taken (the next run removes it)
};

// Creates `path` (O_EXCL) and registers it; refused (fd -1, errno EINTR) once the process is
// being stopped. Installs the handlers on first use (only where a signal still has its default
// action).
Created create(const char* path, mode_t mode = 0666);
// The temporary is gone or renamed: its slot is free again (unless the handler has claimed it).
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
