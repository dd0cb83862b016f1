#!/usr/bin/env bash
# What tagging costs: the same build tagged (the default) and untagged (OVERENS_PDF_UNTAGGED=1,
# which leaves out the marked content and the structure tree), timed with hyperfine, and the
# sizes of both PDFs and of LibreOffice's PDF of the same ODT.
#
# Usage: bench/pdf/tagging-cost.sh [BUILD_DIR]   (default: build)
# Environment: RUNS (hyperfine runs per command, default 15), ROWS (default 5000).
# On a loaded machine read the user+sys figures: wall clock then measures the other jobs.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${1:-$ROOT/build}
OVERENS=$BUILD/bin/overens
RUNS=${RUNS:-15}
ROWS=${ROWS:-5000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
command -v hyperfine >/dev/null || { echo "tagging-cost: hyperfine is missing" >&2; exit 2; }

AGREEMENT=$ROOT/sample-agreements/kommun/exempelby-overenskommelse.xml
ORDER=$WORK/order$ROWS.xml
/usr/bin/python3 "$ROOT/bench/generate-delegation-order.py" "$ROWS" -o "$ORDER"

echo "tagging cost  $(date -u +%Y-%m-%dT%H:%MZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for src in "$AGREEMENT" "$ORDER"; do
  name=$(basename "$src" .xml)
  mkdir -p "$WORK/tagged" "$WORK/untagged"
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/$name.json" \
    -n tagged "env $OVERENS build $src -o $WORK/tagged --format pdf" \
    -n untagged "env OVERENS_PDF_UNTAGGED=1 $OVERENS build $src -o $WORK/untagged --format pdf" >/dev/null
  /usr/bin/python3 - "$WORK/$name.json" "$name" <<'EOF'
import json, sys, statistics
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
t, u = r["tagged"], r["untagged"]
print(f"{sys.argv[2]}: wall median tagged {statistics.median(t['times'])*1000:.1f} ms, untagged {statistics.median(u['times'])*1000:.1f} ms "
      f"(+{(statistics.median(t['times'])/statistics.median(u['times'])-1)*100:.0f} %); "
      f"user+sys mean tagged {(t['user']+t['system'])*1000:.1f} ms, untagged {(u['user']+u['system'])*1000:.1f} ms "
      f"(+{((t['user']+t['system'])/(u['user']+u['system'])-1)*100:.0f} %)")
EOF
  echo "  sizes: tagged $(stat -c %s "$WORK/tagged/$name.pdf") B, untagged $(stat -c %s "$WORK/untagged/$name.pdf") B"
done

# LibreOffice's PDF of the agreement's ODT (untagged, its default), for the 2x size goal.
if command -v soffice >/dev/null; then
  "$OVERENS" build "$AGREEMENT" -o "$WORK/odt" --format odt >/dev/null
  soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to pdf --outdir "$WORK/lo-out" \
    "$WORK/odt/$(basename "$AGREEMENT" .xml).odt" >/dev/null 2>&1
  lo=$(stat -c %s "$WORK/lo-out/$(basename "$AGREEMENT" .xml).pdf")
  ours=$(stat -c %s "$WORK/tagged/$(basename "$AGREEMENT" .xml).pdf")
  echo "agreement: ours (tagged) $ours B, LibreOffice $lo B: $(awk -v a="$ours" -v b="$lo" 'BEGIN { printf "%.2f", a / b }')x"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
