#!/usr/bin/env bash
# Installs this build into a scratch prefix, builds the standalone plugin project against it
# with find_package(Overens), then checks that the installed command lists and uses the plugin.
set -euo pipefail
build=$1 project=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$project" -B "$work/plugin-build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_INSTALL_PREFIX="$work/prefix" > "$work/configure.log"
cmake --build "$work/plugin-build" > "$work/build.log"
cmake --install "$work/plugin-build" > "$work/plugin-install.log"

fail() { echo "FAIL: $*"; exit 1; }
test -f "$work/prefix/lib/overens/plugins/third-party-note.so" || fail "the plugin was not installed into the prefix's plugin folder"

# The installed command finds the plugin in its own prefix, with no environment help.
out=$(env -u OVERENS_PLUGIN_PATH -u OVERENS_TEMPLATES "$work/prefix/bin/overens" plugins)
echo "$out"
grep -q "^third-party-note .*2.0.1 .*Tredjepartsnotis / Third-party note" <<<"$out" || fail "overens plugins does not list the third-party plugin"

# It reads and validates its section through the core.
cat > "$work/doc.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<agreement lang="sv">
  <organisation type="kommun" name="Exempelby kommun"/>
  <third-party-note text=""/>
</agreement>
XML
set +e
"$work/prefix/bin/overens" validate "$work/doc.xml" 2> "$work/validate.err"
code=$?
set -e
cat "$work/validate.err"
[ "$code" = 1 ] || fail "expected exit 1 from validate, got $code"
grep -q "doc.xml:4:3: error: \[third-party-note.empty\]" "$work/validate.err" || fail "the plugin's own rule did not run"
echo "third-party plugin: OK"

# The installed command finds its modules in its own prefix: a PDF (pdf.so) and remind (remind.so).
samples=$(cd "$(dirname "$0")/../../sample-agreements" && pwd)
for m in pdf remind; do
  test -f "$work/prefix/lib/overens/modules/$m.so" || fail "the module $m.so was not installed"
done
env -u OVERENS_PLUGIN_PATH -u OVERENS_TEMPLATES "$work/prefix/bin/overens" build --format pdf -o "$work/out" \
  "$samples/kommun/exempelby-overenskommelse.xml" > "$work/build-pdf.log" || fail "the installed command could not write a PDF"
test -s "$work/out/exempelby-overenskommelse.pdf" || fail "no PDF from the installed command"
set +e
env -u OVERENS_PLUGIN_PATH -u OVERENS_TEMPLATES "$work/prefix/bin/overens" remind --today 2027-01-01 \
  --state "$work/state.db" "$samples/kommun" > "$work/remind.log" 2>&1
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 1 ] || { cat "$work/remind.log"; fail "the installed remind exited $code"; }
echo "installed modules: OK"
