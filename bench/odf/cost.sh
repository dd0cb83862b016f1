#!/usr/bin/env bash
# What the ODT writer costs, for one or more builds side by side (e.g. main's and a branch's):
#  1. callgrind instructions of `overens build --format odt` of the sample agreement, whole
#     process and the writer's share (inclusive cost of overens::odf::writeOdt);
#  2. wall (median) and CPU (mean) time of the same command, builds alternating, with the load;
#  3. peak memory (max RSS, kB) of `build --format odt` of generated delegation orders;
#  4. whether the builds write the same ODT bytes for every sample (and, if not, the same
#     unzipped parts).
# Instruction counts are deterministic; times on a shared machine are not.
#
# Usage: bench/odf/cost.sh OVERENS... [-- ROWS...]
#   e.g. bench/odf/cost.sh /work/wt/before/build/bin/overens build/bin/overens -- 5000 50000 200000
# Environment: RUNS per round (default 21), ROUNDS (default 3), SAMPLE (default the kommun agreement).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BINS=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do BINS+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(5000 50000 200000)
[ ${#BINS[@]} -gt 0 ] || { echo "usage: $0 OVERENS... [-- ROWS...]" >&2; exit 2; }
RUNS=${RUNS:-21}
SAMPLE=${SAMPLE:-$ROOT/sample-agreements/kommun/exempelby-overenskommelse.xml}
PY=/usr/bin/python3
for t in valgrind callgrind_annotate hyperfine /usr/bin/time; do command -v $t >/dev/null || { echo "bench: $t is missing" >&2; exit 2; }; done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "ODT writer cost  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) CPUs  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sample: ${SAMPLE#$ROOT/}"
echo

echo "1. callgrind instructions (Ir), build --format odt of the sample"
printf '  %-50s %14s %14s %7s\n' build "whole process" "writeOdt" share
for b in "${BINS[@]}"; do
  out="$WORK/cg.$$"; rm -rf "$WORK/cg-out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$b" build --format odt -o "$WORK/cg-out" "$SAMPLE" >/dev/null 2>&1
  total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  writer=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
           awk '/overens::odf::writeOdt\(/ { gsub(",", "", $1); print $1; exit }')
  printf '  %-50s %14s %14s %6s%%\n' "$b" "$total" "${writer:-?}" \
    "$(awk -v w="${writer:-0}" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * w / t : 0 }')"
done
echo

echo "2. CPU and wall, build --format odt of the sample (hyperfine: ROUNDS rounds of RUNS runs each, alternating)"
ROUNDS=${ROUNDS:-3}
# The peer: pandoc writing .odt from the Markdown the first build writes for the same source.
CMDS=(); NAMES=()
for k in "${!BINS[@]}"; do CMDS+=("${BINS[$k]} build --format odt -o $WORK/t-out$k $SAMPLE"); NAMES+=("${BINS[$k]}"); done
if command -v pandoc >/dev/null && "${BINS[0]}" build --format md -o "$WORK/md" "$SAMPLE" >/dev/null 2>&1; then
  CMDS+=("pandoc -f markdown -o $WORK/pandoc.odt $(ls "$WORK"/md/*.md | head -1)"); NAMES+=("pandoc md->odt (peer)")
fi
for r in $(seq "$ROUNDS"); do
  for k in "${!CMDS[@]}"; do
    runs=$RUNS; [ "${NAMES[$k]}" = "pandoc md->odt (peer)" ] && runs=$(( (RUNS + 2) / 3 ))
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$WORK/h$k.$r.json" -- "${CMDS[$k]}" >/dev/null 2>&1
  done
done
for k in "${!CMDS[@]}"; do
  $PY - "${NAMES[$k]}" "$WORK"/h$k.*.json <<'EOF'
import json, statistics, sys
wall, user, system = [], [], []
for p in sys.argv[2:]:
    r = json.load(open(p))["results"][0]
    wall += r["times"]; user.append(r["user"]); system.append(r["system"])
ms = [t * 1000 for t in wall]
print("  %-50s wall median %7.2f ms (min %.2f, max %.2f, n=%d)  cpu mean %7.2f ms" % (
    sys.argv[1], statistics.median(ms), min(ms), max(ms), len(ms),
    1000 * (statistics.mean(user) + statistics.mean(system))))
EOF
done
echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "3. peak memory (max RSS), build --format odt of a generated delegation order"
printf '  %-10s' rows; for b in "${BINS[@]}"; do printf ' %22s' "$(basename "$(dirname "$(dirname "$b")")")"; done; echo
for n in "${ROWS[@]}"; do
  $PY "$ROOT/bench/generate-delegation-order.py" "$n" -o "$WORK/d$n.xml"
  printf '  %-10s' "$n"
  for b in "${BINS[@]}"; do
    rm -rf "$WORK/m-out"
    /usr/bin/time -f '%M %e %U' -o "$WORK/m" "$b" build --format odt -o "$WORK/m-out" "$WORK/d$n.xml" >/dev/null 2>&1
    read -r kb wall user < "$WORK/m"
    printf ' %10s kB %5.2fs %4.1fu' "$kb" "$wall" "$user"
  done
  echo
done
echo

echo "4. the samples' ODT, build by build against the first"
samples=("$ROOT"/sample-agreements/kommun/*.xml "$ROOT"/sample-agreements/region/*.xml)
for k in "${!BINS[@]}"; do
  "${BINS[$k]}" build --format odt -o "$WORK/s$k" "${samples[@]}" >/dev/null 2>&1
done
for k in "${!BINS[@]}"; do
  [ "$k" -eq 0 ] && continue
  for f in "$WORK"/s0/*.odt; do
    g="$WORK/s$k/$(basename "$f")"
    if cmp -s "$f" "$g"; then verdict="same zip bytes"
    elif $PY - "$f" "$g" <<'EOF'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
same = [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()] and \
       all(a.read(n) == b.read(n) for n in a.namelist())
sys.exit(0 if same else 1)
EOF
    then verdict="zip bytes differ, unzipped parts identical"
    else verdict="DIFFERENT PARTS"; fi
    printf '  %-55s %s\n' "$(basename "$f")" "$verdict"
  done
done
