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
