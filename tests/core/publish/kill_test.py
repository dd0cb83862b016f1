#!/usr/bin/env python3
"""Kills and signals during `overens build`: an earlier output is never damaged, SIGTERM, SIGINT
and SIGHUP leave none of the run's temporaries, and the next build removes what SIGKILL left.

Usage: kill_test.py OVERENS GENERATOR [--kills N] [--rows R] [--seed S]

GENERATOR is bench/generate-delegation-order.py. Each kill lands at a random point of a build
(uniform over 1.2 times a clean build's duration). Prints what was left after the kills and
the state of every final file; exits 1 if a final file was ever not byte-identical to the
earlier output (the source does not change, and builds are reproducible), if a signal left a
temporary, or if the next build left any.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time


def temporaries(folder, pid=None):
    return sorted(f for f in os.listdir(folder)
                  if f.startswith(".") and f.endswith(".tmp") and (pid is None or "overens-%d-" % pid in f))


def default_signals():
    # A shell's background job starts with SIGINT ignored, and overens leaves an ignored signal
    # alone: give the child the default actions a terminal would.
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def finals(folder):
    return {f: open(os.path.join(folder, f), "rb").read() for f in os.listdir(folder) if not f.startswith(".")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("overens")
    ap.add_argument("generator")
    ap.add_argument("--kills", type=int, default=4)
    ap.add_argument("--rows", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=15)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "big.xml")
        subprocess.run([sys.executable, a.generator, str(a.rows), "-o", src], check=True)
        out = os.path.join(work, "out")
        build = [a.overens, "build", src, "-o", out]
        t0 = time.time()
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
        clean = time.time() - t0
        reference = finals(out)
        print("clean build: %.2f s, outputs: %s" % (clean, ", ".join(sorted(reference))))

        # SIGKILL at random points.
        left_sizes = []
        seen = set()
        kills_after_exit = 0
        changed = 0
        for _ in range(a.kills):
            p = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 1.2 * clean))
            kills_after_exit += p.poll() is not None
            p.send_signal(signal.SIGKILL)
            p.wait()
            # What this kill left (the next run removes it when it publishes the same output).
            for f in temporaries(out):
                if f not in seen:
                    seen.add(f)
                    left_sizes.append(os.path.getsize(os.path.join(out, f)))
            now = finals(out)
            if now != reference:
                changed += 1
                failures.append("after a SIGKILL a final file differs: %s" %
                                [f for f in set(now) | set(reference) if now.get(f) != reference.get(f)])
        print("%d SIGKILLs: %d temporaries left behind over all kills (%d empty, %d bytes in all, largest %d), "
              "%d still there after the last kill; final files damaged: %d; %d runs had ended before their kill" %
              (a.kills, len(left_sizes), left_sizes.count(0), sum(left_sizes), max(left_sizes, default=0),
               len(temporaries(out)), changed, kills_after_exit))

        # SIGTERM, SIGINT, SIGHUP once temporaries exist: the run removes its own.
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            for attempt in range(5):  # a run may finish between seeing its temporary and the signal
                p = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=default_signals)
                deadline = time.time() + 30
                while not temporaries(out, p.pid) and p.poll() is None and time.time() < deadline:
                    time.sleep(0.002)
                staged = temporaries(out, p.pid)
                p.send_signal(sig)
                rc = p.wait()
                if rc != 0 or not staged:
                    break
            mine = temporaries(out, p.pid)
            print("%s with %d temporaries staged: exit %d, left %d" % (sig.name, len(staged), rc, len(mine)))
            if mine:
                failures.append("%s left %s" % (sig.name, mine))
            if staged and rc != -sig:
                failures.append("%s: the run did not end by the signal (exit %d)" % (sig.name, rc))
            if finals(out) != reference:
                failures.append("after %s a final file differs" % sig.name)

        # The next build removes what the kills left (they are older than it and unlocked).
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
        after = temporaries(out)
        print("next build: %d temporaries left; final files %s" %
              (len(after), "identical" if finals(out) == reference else "DIFFERENT"))
        if after:
            failures.append("the next build left %s" % after)
        if finals(out) != reference:
            failures.append("the next build's outputs differ from the first build's")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
