#!/usr/bin/env bash
# Every sample built to every format by two `overens` binaries: the outputs, stdout and stderr
# must be byte-identical (the check that a start-up or writer change altered no output).
# Usage: bench/startup/output-compare.sh OLD_BIN NEW_BIN
set -uo pipefail
old=$(readlink -f "$1") new=$(readlink -f "$2")
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for side in old new; do
  bin=$old; [ $side = new ] && bin=$new
  env -u OVERENS_TEMPLATES -u OVERENS_PLUGIN_PATH "$bin" build --format odt,pdf,ics,md -o "$work/$side" \
    sample-agreements/kommun/*.xml sample-agreements/region/*.xml >"$work/$side.out" 2>"$work/$side.err"
  echo $? >"$work/$side.rc"
  sed -i "s#$work/$side#OUT#g" "$work/$side.out" "$work/$side.err"
done
for part in rc out err; do
  cmp -s "$work/old.$part" "$work/new.$part" || { echo "DIFFERS: $part"; diff "$work/old.$part" "$work/new.$part" | head; fail=1; }
done
diff -r "$work/old" "$work/new" && echo "$(ls "$work/new" | wc -l) outputs byte-identical" || fail=1
exit $fail
