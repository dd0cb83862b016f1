#include "publish/temp_registry.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace overens::temp_registry {

namespace {

constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;

enum : int { Free, Filling, Live };
std::atomic<int> state[kSlots];
char paths[kSlots][kPathMax];
std::atomic<bool> dying{false};

// Async-signal-safe: unlink(2), signal(2) and raise(3) only.
extern "C" void onSignal(int sig) {
    dying.store(true);
    for (int i = 0; i < kSlots; ++i)
        if (state[i].load() == Live) ::unlink(paths[i]);
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

}  // namespace

int add(const char* path) {
    static std::once_flag once;
    std::call_once(once, install);
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

void remove(int slot) {
    if (slot < 0 || slot >= kSlots) return;
    // While a handler runs, the path must stay as it is: the process is ending anyway.
    if (dying.load()) return;
    state[slot].store(Free);
}

HoldSignals::HoldSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&stop, sig);
    ::pthread_sigmask(SIG_BLOCK, &stop, &old_);
}

HoldSignals::~HoldSignals() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

}  // namespace overens::temp_registry
