#!/bin/bash
# One build measured N times, whole process: median (min-max) wall clock and CPU (user+sys) ms,
# peak memory of the last run, size of the PDF. Run it with two builds, interleaved, to compare:
#   bench/pdf/before-after.sh /work/main/build/bin/overens SRC pdf 11
#   bench/pdf/before-after.sh build/bin/overens SRC pdf 11
# On a loaded machine compare the CPU figures: wall clock then measures the other jobs.
# The 5,000-row order: /usr/bin/python3 bench/generate-delegation-order.py 5000 -o /tmp/order5000.xml
BIN=$1; SRC=$2; FMT=$3; N=${4:-7}
OUT=$(mktemp -d)
ts=(); cs=()
for ((i=0;i<N;i++)); do
  t0=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o $OUT/rss "$BIN" build "$SRC" -o $OUT --format $FMT >/dev/null 2>&1
  t1=$EPOCHREALTIME
  ts+=($(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.1f",(b-a)*1000}'))
  cs+=($(awk '{printf "%.0f", ($2+$3)*1000}' $OUT/rss))
done
med() { printf "%s\n" "$@" | sort -n | sed -n "$(( ($#+1)/2 ))p"; }
mn() { printf "%s\n" "$@" | sort -n | head -1; }
mx() { printf "%s\n" "$@" | sort -n | tail -1; }
echo "wall $(med "${ts[@]}") ms ($(mn "${ts[@]}")-$(mx "${ts[@]}")), cpu $(med "${cs[@]}") ms ($(mn "${cs[@]}")-$(mx "${cs[@]}")), rss $(awk '{print $1}' $OUT/rss) KB, pdf $(stat -c %s $OUT/*.pdf 2>/dev/null | head -1) B"
rm -rf $OUT
