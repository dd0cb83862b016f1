#!/usr/bin/env bash
# PDF benchmark: our writer (libharu engine) against LibreOffice converting our own .odt, side by
# side in one run. Whole processes, timed with /usr/bin/time -v (wall clock and peak memory).
#
# Usage: bench/pdf/run.sh [BUILD_DIR] [ROWS...]
#   BUILD_DIR  a configured and built tree (default: build); needs bin/overens and
#              bin/overens_pdf_bench (target overens_pdf_bench)
#   ROWS       delegation-order sizes (default: 1000 5000 20000)
# Environment:
#   LO_MAX_ROWS  skip LibreOffice above this many rows (default 5000; it takes minutes there)
#   SAMPLES      sample answer files to build (default: sample-agreements/{,kommun/,region/}*.xml)
#   REPEAT       runs per measurement, the fastest is reported (default 3)
#   PDF_BENCH_GEN  the generator to run (default BUILD_DIR/bin/overens_pdf_bench)
#
# 1. Each sample agreement: `overens build --format pdf` vs `overens build --format odt` +
#    `soffice --headless --convert-to pdf`.
# 2. Delegation orders of ROWS rows built by overens_pdf_bench (the document tree the
#    delegation-order plugin would give, written by the same writers) to PDF, vs its .odt
#    converted by soffice.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${1:-$ROOT/build}
shift || true
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(1000 5000 20000)
LO_MAX_ROWS=${LO_MAX_ROWS:-5000}
REPEAT=${REPEAT:-3}
OVERENS=$BUILD/bin/overens
GEN=${PDF_BENCH_GEN:-$BUILD/bin/overens_pdf_bench}
SOFFICE=$(command -v soffice || true)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -x "$GEN" ] || { echo "bench: $GEN is missing: cmake --build $BUILD --target overens_pdf_bench" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure LABEL CMD... -> prints "seconds maxrss_kib" of the fastest of REPEAT runs
measure() {
  local best_s= best_kb= i
  for ((i = 0; i < REPEAT; i++)); do
    local t0 t1 kb s
    t0=$EPOCHREALTIME   # wall clock in microseconds (time -v only gives hundredths)
    "$TIME" -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || {
      echo "bench: failed: $*" >&2; sed 's/^/  /' "$WORK/err.txt" | tail -5 >&2; echo "nan nan"; return; }
    t1=$EPOCHREALTIME
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}

# soffice_cmd FILE.odt OUTDIR -> the LibreOffice command line (a throwaway profile, warmed once)
soffice_cmd() {
  echo "$SOFFICE" -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore --convert-to pdf --outdir "$2" "$1"
}

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "nan") print "nan"; else printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || a == 0) print "-"; else printf "%.0fx", b / a }'; }

echo "PDF benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) CPUs  $(uname -r)"
echo "ours: overens (libharu $(sed -n 's/.*HPDF_VERSION_TEXT "\(.*\)"/\1/p' /usr/include/hpdf_version.h), qpdf $(qpdf --version | head -1 | awk '{print $3}'))   LibreOffice: $([ -n "$SOFFICE" ] && "$SOFFICE" --version 2>/dev/null | head -1 || echo missing)"
echo "fastest of $REPEAT runs; wall seconds and peak RSS (MiB) of the whole process"
echo

# Warm LibreOffice's profile once so that first-start costs are not counted against it.
if [ -n "$SOFFICE" ] && "$GEN" --rows 1 --format odt --out "$WORK/warm.odt" 2>/dev/null; then
  $(soffice_cmd "$WORK/warm.odt" "$WORK") >/dev/null 2>&1
fi

printf '%-34s %6s %9s %9s %9s %9s %9s %8s\n' document pages "ours s" "ours MiB" "md s" "LO s" "LO MiB" "LO/ours"
echo "(md s: the same command writing Markdown only: the cost of the process, plugins and assembly"
echo " that any output pays, i.e. the floor under 'ours s')"

# 1. Samples through the real command.
shopt -s nullglob
SAMPLE_FILES=(${SAMPLES:-$ROOT/sample-agreements/*.xml $ROOT/sample-agreements/kommun/*.xml $ROOT/sample-agreements/region/*.xml})
if [ -x "$OVERENS" ] && [ ${#SAMPLE_FILES[@]} -gt 0 ]; then
  for s in "${SAMPLE_FILES[@]}"; do
    name=$(basename "$s" .xml); out="$WORK/sample-$name"; mkdir -p "$out"
    read -r ours_s ours_kb < <(measure "$OVERENS" build "$s" -o "$out" --format pdf)
    [ -f "$out/$name.pdf" ] || { echo "(sample $name did not build)"; continue; }
    read -r md_s md_kb < <(measure "$OVERENS" build "$s" -o "$out/md" --format md)
    lo_s=nan; lo_kb=nan
    if [ -n "$SOFFICE" ] && "$OVERENS" build "$s" -o "$out" --format odt >/dev/null 2>&1; then
      read -r lo_s lo_kb < <(measure $(soffice_cmd "$out/$name.odt" "$out/lo"))
    fi
    printf '%-34s %6s %9s %9s %9s %9s %9s %8s\n' "sample $name" "$(pages "$out/$name.pdf")" "$ours_s" "$(mib "$ours_kb")" "$md_s" \
      "$lo_s" "$(mib "$lo_kb")" "$(ratio "$ours_s" "$lo_s")"
  done
else
  echo "(no samples built: $OVERENS or the sample answer files are missing)"
fi

# 2. Delegation orders of growing size.
have_odt=no
"$GEN" --rows 1 --format odt --out "$WORK/probe.odt" >/dev/null 2>&1 && have_odt=yes
for n in "${ROWS[@]}"; do
  read -r ours_s ours_kb < <(measure "$GEN" --rows "$n" --format pdf --out "$WORK/d$n.pdf")
  lo_s=nan; lo_kb=nan
  if [ -n "$SOFFICE" ] && [ "$have_odt" = yes ] && [ "$n" -le "$LO_MAX_ROWS" ]; then
    "$GEN" --rows "$n" --format odt --out "$WORK/d$n.odt" 2>/dev/null
    mkdir -p "$WORK/lo$n"
    read -r lo_s lo_kb < <(REPEAT=1 measure $(soffice_cmd "$WORK/d$n.odt" "$WORK/lo$n"))
  fi
  printf '%-34s %6s %9s %9s %9s %9s %9s %8s\n' "delegation order $n rows" "$(pages "$WORK/d$n.pdf")" "$ours_s" "$(mib "$ours_kb")" "-" \
    "$lo_s" "$(mib "$lo_kb")" "$(ratio "$ours_s" "$lo_s")"
done
[ "$have_odt" = yes ] || echo "(LibreOffice column empty: the ODT writer is not registered in this build)"
echo "(LibreOffice runs once per document above 0 rows; skipped above LO_MAX_ROWS=$LO_MAX_ROWS rows)"
