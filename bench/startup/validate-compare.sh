#!/usr/bin/env bash
# `validate` of every sample, faulty sample and bad-input corpus file, one at a time and all in
# one run, through two `overens` binaries: exit code, stdout and stderr must be byte-identical
# (the check that opening only the plugins a document needs changed no diagnostic).
# Usage: bench/startup/validate-compare.sh OLD_BIN NEW_BIN
set -uo pipefail
old=$(readlink -f "$1") new=$(readlink -f "$2")
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls sample-agreements/*/*.xml tests/corpus/inputs/* | sort)
fail=0
one() {  # bin out-prefix args...
  local bin=$1 out=$2; shift 2
  env -u OVERENS_TEMPLATES -u OVERENS_PLUGIN_PATH "$bin" validate "$@" >"$out.out" 2>"$out.err"; echo $? >"$out.rc"
}
n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  one "$old" "$work/o" "$f"; one "$new" "$work/n" "$f"
  for part in rc out err; do
    cmp -s "$work/o.$part" "$work/n.$part" || { echo "DIFFERS ($part): validate $f"; diff "$work/o.$part" "$work/n.$part" | head -6; fail=1; }
  done
done
one "$old" "$work/o" "${files[@]}"; one "$new" "$work/n" "${files[@]}"
for part in rc out err; do
  cmp -s "$work/o.$part" "$work/n.$part" || { echo "DIFFERS ($part): validate of all $n at once"; diff "$work/o.$part" "$work/n.$part" | head -6; fail=1; }
done
echo "$n sources compared one by one and together; $([ $fail = 0 ] && echo 'all identical' || echo 'differences above')"
exit $fail
