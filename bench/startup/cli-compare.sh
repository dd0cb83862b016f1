#!/usr/bin/env bash
# Runs the same command lines through two `overens` binaries and compares exit code, stdout and
# stderr byte for byte: the check that replacing the command-line frame changed no behaviour.
# Usage: bench/startup/cli-compare.sh OLD_BIN NEW_BIN
# Each binary finds its own templates and plugins beside itself; the sources are copied into one
# scratch folder per binary, named alike, so that paths in the messages are the same.
set -uo pipefail
old=$(readlink -f "$1") new=$(readlink -f "$2")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cases=(
  ""  "--version"  "--help"  "-h"  "help"  "help build"  "help validate"  "help schema"  "help plugins"
  "help import"  "help new"  "help serve"  "help remind"  "help help"  "help nosuch"  "help bulid"
  "build --help"  "validate --help"  "remind --help"  "serve --help"  "--help build"  "--help --version"
  "--version --help"  "-h validate"  "validate -h"  "--hel"  "--vers"  "--VERSION"  "--Version"
  "--no-such-option"  "-x"  "-"  "--"  "-- --version"  "--output"  "-o"  "build -o"  "--version=1"
  "--version:1"  "-hx"  "--f"  "--fo"  "--for x"  "--lang"  "--lang=fi validate k.xml"  "--lang:fi validate k.xml"
  "-lfi validate k.xml"  "-l fi validate k.xml"  "frobnicate"  "bulid"  "validate"  "build"  "plugins"  "plugins --lang en"
  "validate k.xml"  "validate --lang en k.xml"  "validate k.xml --lang=en"  "validate -- k.xml"  "validate -- --lang"
  "validate k.xml r.xml f.xml"  "validate nope.xml"  "validate --lang en --lang sv k.xml"
  "build k.xml -o out --format md"  "build k.xml -oout --format=md"  "build k.xml --format docx -o out"
  "build k.xml --format md --format ics -o out"  "build -j0 k.xml -o out"  "build -j 1 k.xml -o out --format md"
  "build -j1 k.xml -o out --format md,ics"  "build --jobs=x k.xml -o out"  "build --pdf-engine foo k.xml -o out"
  "build --calendar nope k.xml -o out"  "build --reference-odt nope.odt k.xml -o out"
  "schema"  "schema agreement"  "schema nope"  "schema agreement --lang sv -o g.rng"  "new"  "new agreement --lang en"
  "new agreement -o n.xml"  "import"  "import nope.csv"  "remind"  "remind --today 2028-01-01 --json ."
  "remind --today 2028-13-01 ."  "remind --json"  "remind --smtp"  "remind --within P90D --today 2027-12-01 k.xml"
  "serve --listen 0.0.0.0:1"  "serve x"  "serve --workspace /nonexistent"  "--listen 1 --help"
  "validate k.xml -j"  "build k.xml -o out --templates /nonexistent"  "--templates"  "--from"  "--fr"
  "build k.xml -o out --format md -q"  "validate k.xml --unknown=3"  "VALIDATE k.xml"  "--Lang en validate k.xml"
)

run() {  # bin dir case -> dir/<n>.{out,err,rc}
  local bin=$1 dir=$2 n=0
  mkdir -p "$dir/src"
  cp "$here/sample-agreements/kommun/exempelby-overenskommelse.xml" "$dir/src/k.xml"
  cp "$here/sample-agreements/region/exempelland-overenskommelse.xml" "$dir/src/r.xml"
  cp "$here/sample-agreements/faulty/agreement-unclear-roles.xml" "$dir/src/f.xml"
  for c in "${cases[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086  # the case is split into words on purpose
    (cd "$dir/src" && env -u OVERENS_TEMPLATES -u OVERENS_PLUGIN_PATH OVERENS_STATE="$dir/state" "$bin" $c >"../$n.out" 2>"../$n.err" </dev/null; echo $? >"../$n.rc")
    # the binaries' own folders differ: name them alike
    sed -i -e "s#$(dirname "$(dirname "$bin")")#BUILD#g" -e "s#$dir#DIR#g" "$dir/$n.out" "$dir/$n.err"
  done
}
run "$old" "$work/old"
run "$new" "$work/new"
fail=0 n=0
for c in "${cases[@]}"; do
  n=$((n + 1))
  for part in rc out err; do
    if ! cmp -s "$work/old/$n.$part" "$work/new/$n.$part"; then
      echo "DIFFERS ($part): overens $c"
      diff "$work/old/$n.$part" "$work/new/$n.$part" | head -10
      fail=1
    fi
  done
done
echo "${#cases[@]} command lines compared; $([ $fail = 0 ] && echo 'all identical' || echo 'differences above')"
exit $fail
