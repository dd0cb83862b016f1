#!/usr/bin/env bash
# Start-up, validate and the agreement to ODT, old build against new, measured as CPU time
# (perf stat: task-clock, user+sys) and wall time (hyperfine), with the machine's load; pandoc's
# md->odt of the same agreement as the peer of the ODT. CPU time is what the work costs whatever
# the load; wall time only means something on a quiet machine.
# Usage: bench/startup/run.sh OLD_BUILD NEW_BUILD [RUNS]   (e.g. /tmp/main-build build 200)
set -euo pipefail
old=$(readlink -f "$1")/bin/overens new=$(readlink -f "$2")/bin/overens runs=${3:-100}
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in perf hyperfine pandoc g++; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n' > "$work/hello.cpp"
g++ -O2 -o "$work/hello" "$work/hello.cpp"
agreement=$root/sample-agreements/kommun/exempelby-overenskommelse.xml
"$new" build --format md -o "$work/ref" "$agreement" > /dev/null

declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
add "hello" "$work/hello"
for side in old new; do
  bin=$old; [ $side = new ] && bin=$new
  add "$side --version" "$bin --version"
  add "$side validate (agreement)" "$bin validate $agreement"
  add "$side agreement -> ODT" "$bin build --format odt -o $work/out-$side $agreement"
done
add "pandoc md -> odt" "pandoc -o $work/pandoc.odt $work/ref/exempelby-overenskommelse.md"

# Interleaved: five rounds, each command once per round (runs/5 runs each), so that a change of
# the load falls on every command alike; the median of the rounds.
echo "## CPU time (perf stat, task-clock ms: median of 5 interleaved rounds of $((runs / 5)) runs; load $(cut -d' ' -f1-3 /proc/loadavg))"
declare -A ms
for round in 1 2 3 4 5; do
  for i in "${!names[@]}"; do
    r=$(( runs / 5 )); [[ ${names[$i]} == pandoc* ]] && r=$(( runs / 50 > 2 ? runs / 50 : 2 ))
    # shellcheck disable=SC2086  # the command is split into words on purpose
    ms[$i]+="$(perf stat -r "$r" -x, -e task-clock ${cmds[$i]} 2>&1 >/dev/null | tail -1 | cut -d, -f1) "
  done
done
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  printf '  %-32s %s ms  (%s)\n' "${names[$i]}" "$(printf '%s\n' ${ms[$i]} | sort -n | sed -n 3p)" "${ms[$i]% }"
done
echo "## dynamic loader (LD_DEBUG=statistics, relocations; libraries and plugins opened)"
for side in old new; do
  bin=$old; [ $side = new ] && bin=$new
  for args in "--version" "validate $agreement"; do
    # shellcheck disable=SC2086
    LD_DEBUG=statistics $bin $args 2>"$work/ld.txt" >/dev/null || true
    rel=$(awk '/number of relocations:/ {print $NF; exit}' "$work/ld.txt")
    # shellcheck disable=SC2086
    LD_DEBUG=libs $bin $args 2>"$work/ld.txt" >/dev/null || true
    libs=$(grep -c 'calling init' "$work/ld.txt" || true)
    printf '  %-4s %-22s %6s relocations, %2s objects initialised\n' $side "${args%% *}" "$rel" "$libs"
  done
done
echo "## wall time (hyperfine, $runs runs each, not interleaved; load $(cut -d' ' -f1-3 /proc/loadavg))"
hargs=()
for i in "${!names[@]}"; do hargs+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N --warmup 5 --runs "$runs" --style none --export-json "$work/h.json" "${hargs[@]}" > "$work/h.txt" 2>&1 ||
  { cat "$work/h.txt"; exit 1; }
python3 - "$work/h.json" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in res.items():
    t = sorted(r["times"])
    print(f"  {name:32s} median {r['median']*1000:7.2f} ms  (min {t[0]*1000:.2f}, max {t[-1]*1000:.2f})")
pan = res["pandoc md -> odt"]["median"]
for side in ("old", "new"):
    odt = res[f"{side} agreement -> ODT"]["median"]
    print(f"  pandoc / {side} ODT (wall medians): {pan/odt:.1f}x")
PY
echo "load: $(uptime)"
