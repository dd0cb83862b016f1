#!/usr/bin/env bash
# Start-up cost of the command, whole process: `overens --version` and `overens plugins`
# (which opens every plugin library). Median of repeated runs, with hyperfine.
# Usage: bench/startup.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build=${1:-build}
bin="$build/bin/overens"
[ -x "$bin" ] || { echo "no $bin: build first" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
echo "plugins found: $("$bin" plugins | tail -n +2 | wc -l)"
hyperfine --warmup 5 --runs 50 --style basic --export-json /tmp/overens-startup.json \
  "$bin --version" "$bin plugins" > /dev/null
/usr/bin/python3 - <<'PY'
import json
for r in json.load(open("/tmp/overens-startup.json"))["results"]:
    print(f'{r["command"]}: median {r["median"]*1000:.1f} ms (mean {r["mean"]*1000:.1f} ms, min {r["min"]*1000:.1f} ms, {len(r["times"])} runs)')
PY
