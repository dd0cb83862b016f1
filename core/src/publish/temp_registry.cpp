#include "publish/temp_registry.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace overens::temp_registry {

namespace {

constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;

// Free -> Filling -> Live (create), Live -> Free (remove), Live -> Claimed (the handler).
enum : int { Free, Filling, Live, Claimed };
std::atomic<int> state[kSlots];
char paths[kSlots][kPathMax];
std::atomic<bool> stopping{false};
std::atomic<int> creating{0};  // threads inside create(), between the stop check and the registration

// Async-signal-safe: atomics, unlink(2), signal(2) and raise(3) only.
extern "C" void onSignal(int sig) {
    stopping.store(true);
    // A thread inside create() has its file made or about to be: wait until it is registered
    // (one open(2) and flock(2); bounded all the same). Those that come later are refused.
    for (long spins = 0; creating.load() > 0 && spins < 200000000L; ++spins) {
    }
    for (int i = 0; i < kSlots; ++i) {
        int live = Live;
        if (state[i].compare_exchange_strong(live, Claimed)) ::unlink(paths[i]);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install() {
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // someone else's
        struct sigaction sa {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

int add(const char* path) {
    if (std::strlen(path) >= kPathMax) return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = Free;
        if (!state[i].compare_exchange_strong(expected, Filling)) continue;
        std::strcpy(paths[i], path);
        state[i].store(Live);
        return i;
    }
    return -1;
}

}  // namespace

Created create(const char* path, mode_t mode) {
    static std::once_flag once;
    std::call_once(once, install);
    // The handler waits for `creating` to fall to zero: it must not run on this thread meanwhile.
    const HoldSignals hold;
    Created c;
    creating.fetch_add(1);
    if (stopping.load()) {
        creating.fetch_sub(1);
        errno = EINTR;
        return c;
    }
    c.fd = ::open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (c.fd >= 0) {
        ::flock(c.fd, LOCK_EX);  // a live run's temporary: not stale for another run
        c.slot = add(path);
    }
    const int err = errno;
    creating.fetch_sub(1);
    errno = err;
    return c;
}

void remove(int slot) {
    if (slot < 0 || slot >= kSlots) return;
    int live = Live;
    state[slot].compare_exchange_strong(live, Free);  // a claimed slot stays the handler's
}

HoldSignals::HoldSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&stop, sig);
    ::pthread_sigmask(SIG_BLOCK, &stop, &old_);
}

HoldSignals::~HoldSignals() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

}  // namespace overens::temp_registry
