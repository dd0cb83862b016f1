#!/usr/bin/env bash
# Every measurement of issue 16 in one run, side by side with its peer, interleaved: each round
# runs every command of a group once (in a rotating order), so the machine's load falls on all of
# them alike. Prints median (min–max) of whole processes, CPU time, peak memory, the ratios to the
# peers, the goals, and the load average; then the dynamic loader's statistics and, when hyperfine
# is installed, its figures for the start-up as a cross-check.
#
# Usage: bench/run-all.sh [BUILD_DIR]        (default: build)
# Environment (rounds per group; fewer is quicker, more is steadier):
#   START_ROUNDS=60  hello, --version, validate
#   DOC_ROUNDS=15    the agreement to ODT / ODT+PDF+ICS, pandoc md->odt
#   LO_ROUNDS=5      LibreOffice odt->pdf of the agreement (about 1.5 s each)
#   BIG_ROUNDS=3     the 5,000-row delegation order (and pandoc on it, once: PANDOC_BIG=0 skips it)
#   BATCH_ROUNDS=3   1,000 documents in one build, -j default (all cores) and -j1
#   PROCESSES=0      1: also the 1,000 documents as 1,000 processes (once)
#   JSON=FILE        also write every time measured as JSON
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
OVERENS=$BUILD/bin/overens
[ -x "$OVERENS" ] || { echo "bench: no $OVERENS: build first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
for tool in g++ pandoc soffice python3; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Inputs: a bare C++ hello (the floor), the agreement as Markdown for pandoc and as ODT for
# LibreOffice, a 5,000-row delegation order, and 1,000 documents (the 7 samples ×143).
printf '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n' > "$WORK/hello.cpp"
g++ -O2 -o "$WORK/hello" "$WORK/hello.cpp"
AGREEMENT=$ROOT/sample-agreements/kommun/exempelby-overenskommelse.xml
"$OVERENS" build --format md,odt -o "$WORK/ref" "$AGREEMENT" > /dev/null
python3 "$ROOT/bench/generate-delegation-order.py" 5000 -o "$WORK/order-5000.xml"
"$OVERENS" build --format md -o "$WORK/ref" "$WORK/order-5000.xml" > /dev/null
mkdir -p "$WORK/batch" "$WORK/lo-profile"
for i in $(seq -w 1 143); do
  for f in "$ROOT"/sample-agreements/kommun/*.xml "$ROOT"/sample-agreements/region/*.xml; do
    cp "$f" "$WORK/batch/$(basename "$f" .xml)-$i.xml"
  done
done
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore --convert-to pdf \
  --outdir "$WORK/lo-warm" "$WORK/ref/exempelby-overenskommelse.odt" > /dev/null 2>&1 || true

export OVERENS WORK AGREEMENT ROOT
python3 - <<'PY'
import json, os, statistics, subprocess, time

env = os.environ
O, W, A = env["OVERENS"], env["WORK"], env["AGREEMENT"]
rounds = lambda name, default: int(env.get(name, default))
nproc = os.cpu_count()
results = {}

def run_once(argv, rss=None):
    """Wall seconds and CPU seconds (user+sys) of one whole process; with rss (a list), its peak
    memory in MiB is appended, measured by /usr/bin/time in the same run."""
    if rss is not None:
        argv = ["/usr/bin/time", "-f", "%M", "-o", f"{W}/rss.txt", *argv]
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"bench: exit {code}: {' '.join(argv)}")
    if rss is not None:
        rss.append(int(open(f"{W}/rss.txt").read().split()[-1]) / 1024)
    return wall, ru.ru_utime + ru.ru_stime

def peak_mib(argv):
    """Peak RSS of one more run, by /usr/bin/time (a forked Python's own pages would count in
    wait4's figure: the high-water mark survives exec)."""
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f"{W}/rss.txt", *argv],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return int(open(f"{W}/rss.txt").read().split()[-1]) / 1024

def group(title, commands, n, rss_in_runs=False):
    """Run each (name, argv) n times, interleaved in a rotating order. Peak memory: from the runs
    themselves (long ones: /usr/bin/time's cost is lost in them), else from one more run."""
    load0 = os.getloadavg()
    for name, _ in commands:
        results[name] = {"wall": [], "cpu": [], "rss": []}
    for r in range(n):
        order = commands[r % len(commands):] + commands[:r % len(commands)]
        for name, argv in order:
            if callable(argv):
                argv = argv()
            w, c = run_once(argv, results[name]["rss"] if rss_in_runs else None)
            results[name]["wall"].append(w); results[name]["cpu"].append(c)
    load1 = os.getloadavg()
    if not rss_in_runs:
        for name, argv in commands:
            results[name]["rss"].append(peak_mib(argv() if callable(argv) else argv))
    print(f"\n## {title}  ({n} rounds; load average {load0[0]:.2f} before, {load1[0]:.2f} after; {nproc} cores)")
    for name, _ in commands:
        print("  " + line(name))

def med(name, key="wall"):
    return statistics.median(results[name][key])

def fmt(s):
    return f"{s*1000:.1f} ms" if s < 1 else f"{s:.2f} s"

def line(name):
    r = results[name]
    w = r["wall"]
    return (f"{name:44s} {fmt(statistics.median(w)):>9s} ({fmt(min(w))}–{fmt(max(w))})  "
            f"cpu {fmt(statistics.median(r['cpu']))}  rss {max(r['rss']):.1f} MiB")

def out(d):
    os.makedirs(d, exist_ok=True)
    return d

goals = []
def goal(text, ok):
    goals.append(f"  [{'met' if ok else 'NOT met'}] {text}")

# 1. Start-up.
group("start-up", [
    ("bare C++ hello", [f"{W}/hello"]),
    ("overens --version", [O, "--version"]),
    ("overens validate (agreement)", [O, "validate", A]),
], rounds("START_ROUNDS", 60))
h, v, val = med("bare C++ hello"), med("overens --version"), med("overens validate (agreement)")
goal(f"--version {fmt(v)} <= 4 ms and {v/h:.2f}x hello <= 3.5x", v <= 0.004 and v / h <= 3.5)
goal(f"validate {fmt(val)} <= 6 ms and {val/h:.2f}x hello <= 5x", val <= 0.006 and val / h <= 5)

# 2. The agreement, and its peers.
od = out(f"{W}/o")
group("the agreement (12 pages)", [
    ("overens agreement -> ODT", [O, "build", "--format", "odt", "-o", od, A]),
    ("overens agreement -> ODT+PDF+ICS", [O, "build", "--format", "odt,pdf,ics", "-o", od, A]),
    ("pandoc md -> odt (agreement)", ["pandoc", f"{W}/ref/exempelby-overenskommelse.md", "-o", f"{od}/pandoc.odt"]),
], rounds("DOC_ROUNDS", 15))
lo = [("LibreOffice odt -> pdf (agreement)",
       ["soffice", f"-env:UserInstallation=file://{W}/lo-profile", "--headless", "--norestore", "--convert-to", "pdf",
        "--outdir", out(f"{W}/lo"), f"{W}/ref/exempelby-overenskommelse.odt"])]
group("LibreOffice, the peer of the PDF", lo, rounds("LO_ROUNDS", 5))
odt, all3, pan, lop = (med("overens agreement -> ODT"), med("overens agreement -> ODT+PDF+ICS"),
                       med("pandoc md -> odt (agreement)"), med("LibreOffice odt -> pdf (agreement)"))
ours_pdf = os.path.getsize(f"{od}/exempelby-overenskommelse.pdf")
lo_pdf = os.path.getsize(f"{W}/lo/exempelby-overenskommelse.pdf")
goal(f"agreement ODT+PDF+ICS {fmt(all3)} <= 20 ms and {lop/all3:.0f}x LibreOffice >= 70x", all3 <= 0.020 and lop / all3 >= 70)
goal(f"agreement ODT {pan/odt:.1f}x pandoc >= 20x", pan / odt >= 20)
goal(f"agreement PDF {ours_pdf/1024:.0f} KiB <= 2x LibreOffice's {lo_pdf/1024:.0f} KiB", ours_pdf <= 2 * lo_pdf)

# 3. A 5,000-row delegation order.
big = [("overens 5,000 rows -> ODT+PDF", [O, "build", "--format", "odt,pdf", "-o", od, f"{W}/order-5000.xml"]),
       ("overens 5,000 rows -> ODT+PDF -j1", [O, "build", "-j1", "--format", "odt,pdf", "-o", od, f"{W}/order-5000.xml"])]
group("a 5,000-row delegation order", big, rounds("BIG_ROUNDS", 3), rss_in_runs=True)
b = med("overens 5,000 rows -> ODT+PDF")
brss = max(results["overens 5,000 rows -> ODT+PDF"]["rss"])
goal(f"5,000 rows ODT+PDF {fmt(b)} <= 0.3 s and {brss:.1f} MiB <= 48 MiB", b <= 0.3 and brss <= 48)
if env.get("PANDOC_BIG", "1") != "0":
    group("pandoc on the 5,000 rows (ODT only), once",
          [("pandoc md -> odt (5,000 rows)", ["pandoc", f"{W}/ref/order-5000.md", "-o", f"{od}/pandoc-5000.odt"])], 1,
          rss_in_runs=True)
    print(f"  overens ODT+PDF is {med('pandoc md -> odt (5,000 rows)')/b:.1f}x faster than pandoc's ODT alone")

# 4. 1,000 documents in one build.
files = sorted(os.path.join(f"{W}/batch", f) for f in os.listdir(f"{W}/batch"))
batch = [(f"overens 1,000 docs -> ODT+PDF+ICS (-j{nproc})", lambda: [O, "build", "-o", out(f"{W}/b"), *files]),
         ("overens 1,000 docs -> ODT+PDF+ICS (-j1)", lambda: [O, "build", "-j1", "-o", out(f"{W}/b1"), *files])]
bj = b1 = None
if rounds("BATCH_ROUNDS", 3) > 0:  # BATCH_ROUNDS=0 skips the batch (it takes the longest)
    group(f"{len(files)} documents in one build", batch, rounds("BATCH_ROUNDS", 3), rss_in_runs=True)
    bj, b1 = med(batch[0][0]), med(batch[1][0])
    goal(f"1,000 documents {fmt(bj)} <= 8 s on {nproc} cores ({b1/bj:.2f}x the one-thread run; peak "
         f"{max(results[batch[0][0]]['rss']):.0f} MiB)", bj <= 8)
if env.get("PROCESSES", "0") == "1":
    t0 = time.perf_counter()
    for f in files:
        run_once([O, "build", "-o", out(f"{W}/bp"), f])
    print(f"  the same as {len(files)} processes: {fmt(time.perf_counter() - t0)}")

print("\n## goals")
if os.getloadavg()[0] > nproc:
    print(f"  (the load average is {os.getloadavg()[0]:.1f} on {nproc} cores: the wall-clock goals below "
          "say little; compare the cpu figures and the ratios)")
print("\n".join(goals))
print("\n## ratios (medians)")
print(f"  --version / hello {v/h:.2f}x · validate / hello {val/h:.2f}x · pandoc / our ODT {pan/odt:.1f}x · "
      f"LibreOffice / our ODT+PDF+ICS {lop/all3:.0f}x"
      + (f" · -j1 / -j{nproc} on 1,000 documents {b1/bj:.2f}x" if bj else ""))
if env.get("JSON"):
    json.dump(results, open(env["JSON"], "w"), indent=1)
PY

echo
echo "## the dynamic loader (LD_DEBUG=statistics), one run each"
for args in "--version" "validate $AGREEMENT"; do
  # shellcheck disable=SC2086
  stats=$(LD_DEBUG=statistics "$OVERENS" $args 2>&1 >/dev/null | sed 's/^ *[0-9]*:\s*//')
  libs=$(LD_DEBUG=libs "$OVERENS" $args 2>&1 >/dev/null | grep -c "calling init:" || true)
  echo "  overens ${args%% *}: $libs libraries initialised; $(grep -m1 'total startup' <<<"$stats" | sed 's/total startup time in dynamic loader: //') in the loader, $(grep -m1 'number of relocations:' <<<"$stats")"
done
echo "  (hello: $(LD_DEBUG=statistics "$WORK/hello" 2>&1 >/dev/null | grep -m1 'total startup' | sed 's/^ *[0-9]*:\s*total startup time in dynamic loader: //'))"

if command -v hyperfine >/dev/null; then
  echo
  echo "## hyperfine (not interleaved), cross-check of the start-up"
  hyperfine -N --warmup 10 --runs 100 --style none --export-json "$WORK/hf.json" \
    "$WORK/hello" "$OVERENS --version" "$OVERENS validate $AGREEMENT" > /dev/null 2>&1
  python3 - "$WORK/hf.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = r["times"]
    print(f"  {r['command'].split('/')[-1]:60s} median {statistics.median(t)*1000:.2f} ms (min {min(t)*1000:.2f}, max {max(t)*1000:.2f})")
PY
fi
echo
echo "load: $(uptime)"
