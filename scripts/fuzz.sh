#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang under ASan/UBSan in
# build-fuzz, replays every saved reproducer (tests/fuzz/regressions/<target>/)
# and the seed corpus, then fuzzes each target for a bounded time.
#
#   bash scripts/fuzz.sh [seconds-per-target] [target...]     default: 60 s, every target
#   FUZZ_MERGE=1 bash scripts/fuzz.sh 3600 fuzz_functions      keep new coverage in the seed corpus
#   FUZZ_JOBS=2 bash scripts/fuzz.sh 600                       two fuzzing processes per target
#   SURVEYCALC_FUZZ_LIMITS=1 bash scripts/fuzz.sh 60 fuzz_functions   also ask for 1e6 x 1e6 tables
#
# Runs take at most (targets x seconds) plus the build. Crashes, leaks,
# timeouts and broken invariants are written to build-fuzz/artifacts/<target>/
# and make the script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_text fuzz_tokens fuzz_criteria fuzz_places fuzz_functions)
jobs=${FUZZ_JOBS:-1}
[ "$jobs" -le 2 ] || jobs=2
build=build-fuzz

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

echo "== building the fuzz targets in $build (clang, ASan/UBSan, libFuzzer)"
CC=clang CXX=clang++ cmake -S tests/fuzz -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSURVEYCALC_WERROR=ON \
    "$([ -n "${SURVEYCALC_FUZZ_LIMITS:-}" ] && echo -DSURVEYCALC_FUZZ_LIMITS=ON || echo -USURVEYCALC_FUZZ_LIMITS)" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in "${targets[@]}"; do
    # Absolute paths: the fuzzer runs inside $artifacts (with -jobs, libFuzzer
    # writes fuzz-<n>.log files into its working directory).
    bin=$PWD/$build/$t
    artifacts=$PWD/$build/artifacts/$t
    mkdir -p "$artifacts"
    rm -f "$artifacts"/fuzz-*.log
    flags=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/")
    dict=$PWD/tests/fuzz/$t.dict
    [ -f "$dict" ] && flags+=(-dict="$dict")

    regressions=tests/fuzz/regressions/$t
    if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
        echo "== $t: replaying $(ls "$regressions" | wc -l) saved reproducers"
        if ! "$bin" "${flags[@]}" "$regressions"/* >"$artifacts/regressions.log" 2>&1; then
            echo "!! $t fails a saved reproducer: see $artifacts/regressions.log"
            grep -E "surveycalc invariant|ERROR: |runtime error|Running: " "$artifacts/regressions.log" | tail -5 || true
            failed+=("$t (regression)")
            continue
        fi
    fi

    echo "== $t: fuzzing for ${seconds}s"
    corpus=$(mktemp -d)
    cp -r tests/fuzz/corpus/"$t"/. "$corpus"/ 2>/dev/null || true
    log=$artifacts/fuzz.log
    if [ "$jobs" -gt 1 ]; then
        run=("$bin" "${flags[@]}" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" "$corpus")
    else
        run=("$bin" "${flags[@]}" -max_total_time="$seconds" "$corpus")
    fi
    # The whole run is bounded even if libFuzzer does not stop on its own.
    if (cd "$artifacts" && timeout --kill-after=30 $((seconds + 120)) "${run[@]}") >"$log" 2>&1; then
        grep -E "^stat::(number_of_executed_units|peak_rss_mb)|cov: " "$log" | tail -3 || true
    else
        echo "!! $t failed: see $log and $artifacts"
        grep -hE "surveycalc invariant|ERROR: |runtime error|SUMMARY" "$log" "$artifacts"/fuzz-*.log 2>/dev/null | head -5 || true
        failed+=("$t")
    fi
    if [ -n "${FUZZ_MERGE:-}" ]; then
        echo "== $t: merging new coverage into tests/fuzz/corpus/$t"
        "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 tests/fuzz/corpus/"$t" "$corpus" >>"$log" 2>&1 || true
    fi
    rm -rf "$corpus"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failed: ${failed[*]} (reproduce with $build/<target> <artifact>)" >&2
    exit 1
fi
echo "fuzz.sh: no crash, leak, timeout or broken invariant in ${targets[*]}"
