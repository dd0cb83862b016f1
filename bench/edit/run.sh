#!/usr/bin/env bash
# Answers-model benchmark: readAnswers, applyAnswers (unchanged and one change) and fieldPaths
# on every sample and on generated delegation orders of ROWS rows.
#
# Usage: bench/edit/run.sh [BUILD_DIR] [ROWS...]   (default: build, 1000 20000)
# Environment: REPEAT runs per measurement (default 50; 5 for generated files above 5000 rows)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${1:-$ROOT/build}
shift || true
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(1000 20000)
REPEAT=${REPEAT:-50}
cmake --build "$BUILD" --target overens_edit_bench > /dev/null
BENCH=$BUILD/bin/overens_edit_bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "# $(date -u +%FT%TZ) $(uptime)"
"$BENCH" --repeat "$REPEAT" "$ROOT"/sample-agreements/{kommun,region,faulty}/*.xml
for n in "${ROWS[@]}"; do
  python3 "$ROOT/bench/generate-delegation-order.py" "$n" -o "$WORK/delegation-$n.xml"
  r=$REPEAT
  [ "$n" -le 5000 ] || r=5
  "$BENCH" --repeat "$r" "$WORK/delegation-$n.xml" | tail -n 1
done
