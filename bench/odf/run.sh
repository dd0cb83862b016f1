#!/usr/bin/env bash
# ODT benchmark: our writer against pandoc writing .odt from Markdown of the same text, side by
# side in one run. Whole processes, timed with hyperfine (mean of several runs, after a warm-up).
#
# Usage: bench/odf/run.sh [BUILD_DIR] [ROWS...]
#   BUILD_DIR  a configured and built tree (default: build); uses bin/overens with its plugins,
#              and bin/odf_bench_tool (target odf_bench_tool) when the command cannot build a
#              delegation order
#   ROWS       delegation-order sizes (default: 1000 5000 20000)
# Environment:
#   SAMPLES          answer files to build (default: sample-agreements/**/*.xml but faulty/)
#   RUNS             runs per measurement of ours (default 10); pandoc gets PANDOC_RUNS (default 3)
#   PANDOC_MAX_ROWS  skip pandoc above this many rows (default 20000)
#
# 1. Each sample: `overens build --format odt` vs `pandoc -o x.odt` from `overens build --format md`.
# 2. Delegation orders of ROWS rows: a source made by bench/generate-delegation-order.py, built by
#    `overens build --format odt` (or, without a working command and delegation-order plugin, the
#    same kind of tree written by odf_bench_tool), vs pandoc from its Markdown.
# Prints seconds per document, pandoc/ours, and for the rows the cost per 1,000 rows; with
# odf_bench_tool built, also the writer's own time in process (fastest of 5 writes of the same
# generated tree), which shows how the writer grows without process start and source reading.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${1:-$ROOT/build}
shift || true
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(1000 5000 20000)
RUNS=${RUNS:-10}
PANDOC_RUNS=${PANDOC_RUNS:-3}
PANDOC_MAX_ROWS=${PANDOC_MAX_ROWS:-20000}
OVERENS=$BUILD/bin/overens
TOOL=$BUILD/bin/odf_bench_tool
GEN=$ROOT/bench/generate-delegation-order.py
PY=/usr/bin/python3
for t in hyperfine pandoc; do command -v $t >/dev/null || { echo "bench: $t is missing" >&2; exit 2; }; done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# mean RUNS CMD... -> mean wall seconds (hyperfine, no shell), or "nan" when the command fails
mean() {
  local runs=$1; shift
  local warm=1; [ "$runs" -le 2 ] && warm=0
  if hyperfine -N --style none --warmup $warm --runs "$runs" --export-json "$WORK/h.json" -- "$(printf '%q ' "$@")" \
      >/dev/null 2>"$WORK/h.err"; then
    $PY -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$WORK/h.json"
  else
    echo "bench: failed: $*" >&2; tail -3 "$WORK/h.err" >&2; echo nan
  fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || a == 0) print "-"; else printf "%.1fx", b / a }'; }
pages() {  # pages of an .odt as LibreOffice would lay it out is not cheap; report the size instead
  [ -f "$1" ] && du -k "$1" | cut -f1 || echo -; }

echo "ODT benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) CPUs  $(uname -r)"
echo "pandoc $(pandoc --version | head -1 | awk '{print $2}'); ours: $OVERENS"
echo "mean wall seconds of the whole process (ours: $RUNS runs, pandoc: $PANDOC_RUNS runs, after a warm-up)"
echo
printf '%-44s %9s %9s %11s %8s %14s %14s\n' document "ours s" "pandoc s" "pandoc/ours" "odt KiB" "ours s/1k rows" "writer ms"

# 1. Samples through the real command.
shopt -s nullglob globstar
SAMPLE_FILES=()
for f in ${SAMPLES:-$ROOT/sample-agreements/**/*.xml}; do
  case "$f" in */faulty/*) ;; *) SAMPLE_FILES+=("$f");; esac
done
if [ -x "$OVERENS" ] && [ ${#SAMPLE_FILES[@]} -gt 0 ]; then
  for s in "${SAMPLE_FILES[@]}"; do
    name=$(basename "$s" .xml); out="$WORK/sample-$name"; mkdir -p "$out/odt" "$out/md"
    if ! "$OVERENS" build "$s" -o "$out/md" --format md >/dev/null 2>"$out/err"; then
      echo "sample $name: overens build failed: $(tail -1 "$out/err")"; continue; fi
    md=$(ls "$out"/md/*.md | head -1)
    ours=$(mean "$RUNS" "$OVERENS" build "$s" -o "$out/odt" --format odt)
    theirs=$(mean "$PANDOC_RUNS" pandoc -f markdown -o "$out/pandoc.odt" "$md")
    odt=$(ls "$out"/odt/*.odt 2>/dev/null | head -1)
    printf '%-44s %9s %9s %11s %8s %14s %14s\n' "sample $name" "$ours" "$theirs" "$(ratio "$ours" "$theirs")" \
      "$(pages "$odt")" "" ""
  done
else
  echo "(no samples: $OVERENS or sample-agreements/*.xml missing)"
fi

# 2. Delegation orders of growing size.
via=command
probe="$WORK/probe"; mkdir -p "$probe"
if ! { [ -x "$OVERENS" ] && $PY "$GEN" 3 -o "$probe/d.xml" 2>/dev/null &&
       "$OVERENS" build "$probe/d.xml" -o "$probe" --format odt,md >/dev/null 2>&1 &&
       ls "$probe"/*.odt >/dev/null 2>&1; }; then
  via=tool
  [ -x "$TOOL" ] || { echo "bench: neither a working overens + delegation-order plugin nor $TOOL" >&2; exit 2; }
fi
first_n=; first_s=
for n in "${ROWS[@]}"; do
  dir="$WORK/rows$n"; mkdir -p "$dir/odt" "$dir/md"
  if [ "$via" = command ]; then
    $PY "$GEN" "$n" -o "$dir/d$n.xml"
    "$OVERENS" build "$dir/d$n.xml" -o "$dir/md" --format md >/dev/null 2>&1
    md=$(ls "$dir"/md/*.md | head -1)
    ours=$(mean "$RUNS" "$OVERENS" build "$dir/d$n.xml" -o "$dir/odt" --format odt)
  else
    "$TOOL" "$n" "$dir/odt/d$n.odt" "$dir/md/d$n.md" 2>/dev/null
    md=$dir/md/d$n.md
    ours=$(mean "$RUNS" "$TOOL" "$n" "$dir/odt/d$n.odt")
  fi
  theirs=nan
  if [ "$n" -le "$PANDOC_MAX_ROWS" ]; then
    r=$PANDOC_RUNS; [ "$n" -gt 5000 ] && r=1
    theirs=$(mean "$r" pandoc -f markdown -o "$dir/pandoc.odt" "$md")
  fi
  per=$(awk -v s="$ours" -v n="$n" 'BEGIN { if (s == "nan") print "-"; else printf "%.4f", s / n * 1000 }')
  odt=$(ls "$dir"/odt/*.odt 2>/dev/null | head -1)
  inproc=-
  if [ -x "$TOOL" ]; then
    inproc=$("$TOOL" "$n" "$WORK/inproc.odt" --repeat 5 2>&1 | sed -n 's/.*best_of_5_ms=\([0-9.]*\).*/\1/p')
    inproc=$(awk -v v="$inproc" 'BEGIN { if (v == "") print "-"; else printf "%.1f", v }')
  fi
  printf '%-44s %9s %9s %11s %8s %14s %14s\n' "delegation order $n rows ($via)" "$ours" "$theirs" \
    "$(ratio "$ours" "$theirs")" "$(pages "$odt")" "$per" "$inproc"
done
[ "$via" = tool ] && echo "(rows written by odf_bench_tool: the writer on a generated tree, whole process, no plugins)"
echo "(pandoc runs once above 5,000 rows; skipped above PANDOC_MAX_ROWS=$PANDOC_MAX_ROWS)"
