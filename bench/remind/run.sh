#!/bin/bash
# Benchmark of `overens remind`: 10,000 and 100,000 generated sources, a first run (every file
# read, the index written) and an indexed run (nothing changed: stat + index only).
# Goal: the indexed run over 100,000 sources under 1 s. Prints wall-clock seconds and CPU seconds
# (user + system; less sensitive to other load on the machine).
#
# Usage: bench/remind/run.sh [OVERENS_BINARY] [COUNTS...]   (default: build/bin/overens, 10000 100000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/bin/overens}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000 100000)
work=$(mktemp -d "${TMPDIR:-/tmp}/overens-remind-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
printf "%-8s %-10s %10s %10s %10s %8s\n" sources run seconds cpu-s parsed due
for n in "${counts[@]}"; do
  src="$work/src-$n"
  t0=$(now); /usr/bin/python3 "$here/generate_sources.py" "$n" "$src"; t1=$(now)
  printf "%-8s %-10s %10.2f\n" "$n" generate "$(echo "$t1 - $t0" | bc)"
  # Files written within 2 s of a run are not trusted by the index: let them age.
  sleep 2.1
  for run in first indexed indexed; do
    set +e
    TIMEFORMAT='%R %U %S'
    { time "$bin" remind "$src" --today "${TODAY:-2027-01-10}" --json --state "$work/state-$n.sqlite" \
        > "$work/out.json" 2> "$work/err.txt"; code=$?; } 2> "$work/time.txt"
    set -e
    read -r real user sys < "$work/time.txt"
    if [ $code -ne 0 ] && [ $code -ne 1 ]; then echo "remind failed ($code):"; head "$work/err.txt"; exit 1; fi
    parsed=$(/usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["parsed"], s["due"])' "$work/out.json")
    printf "%-8s %-10s %10.3f %10.3f %10s %8s\n" "$n" "$run" "$real" "$(echo "$user + $sys" | bc)" ${parsed}
  done
  rm -rf "$src"
done
