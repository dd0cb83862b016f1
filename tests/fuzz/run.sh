#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for a bounded time.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
# Not part of CI. Findings (crash-*, leak-*, timeout-*) are written to build-fuzz/findings/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
shift || true
build=${OVERENS_FUZZ_BUILD:-$root/build-fuzz}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/work} CCACHE_DIR=${CCACHE_DIR:-/work/.ccache}
sanitizers="-fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined"
cmake -S "$root" -B "$build" -DOVERENS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
  -DCMAKE_CXX_FLAGS="$sanitizers -fsanitize=fuzzer-no-link" \
  -DCMAKE_MODULE_LINKER_FLAGS="-Wl,-z,undefs" -DCMAKE_SHARED_LINKER_FLAGS="-Wl,-z,undefs" >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_source_reader fuzz_goals fuzz_co-leadership fuzz_division-of-work
  fuzz_collaboration-rules fuzz_director-instruction fuzz_delegation-order)
cmake --build "$build" -j"${JOBS:-2}" --target "${targets[@]}"
python3 "$here/make-seeds.py" "$build/fuzz-seeds"
mkdir -p "$build/findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  echo "== $t ($seconds s)"
  # -rss_limit_mb: a source is at most 64 MiB; -max_len keeps single inputs near real sizes.
  "$build/bin/$t" "$corpus" "$build/fuzz-seeds/${t#fuzz_}" -dict="$here/xml.dict" \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$t-" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|#[0-9]+ +DONE|ERROR|artifact|ParseDictionaryFile)" || true
done
echo "findings: $(ls "$build/findings" | wc -l) in $build/findings"
