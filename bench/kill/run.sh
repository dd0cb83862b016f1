#!/usr/bin/env bash
# 100 SIGKILLs at random points of a 3,000-row delegation order's build, then SIGTERM, SIGINT and
# SIGHUP, then a clean build: what was left and the state of every final file.
# Usage: bench/kill/run.sh [BUILD_DIR] [KILLS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
uptime
exec python3 "$root/tests/core/publish/kill_test.py" "$build/bin/overens" "$root/bench/generate-delegation-order.py" \
  --kills "${2:-100}" --rows 3000
