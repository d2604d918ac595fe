#!/usr/bin/env bash
# Every test, with warnings as errors in the project's own code:
#   1. formatting (clang-format);
#   2. core unit tests under AddressSanitizer and UndefinedBehaviorSanitizer (GCC, Debug);
#   3. Release builds of everything with GCC and with Clang, unit tests in each;
#   4. the full build (RelWithDebInfo, the one the demo uses) and ctest: unit
#      tests, generated docs, the setup guard, end-to-end tests in a real
#      headless Calc (the hostile suite among them);
#   5. every fuzz target for SURVEYCALC_FUZZ_SECONDS (default 60) under ASan/UBSan.
# SURVEYCALC_FUZZ_SECONDS=0 skips step 5 (for a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test  # build, demo and test packages (build.sh below finds them installed)
jobs=$(nproc)
export SURVEYCALC_WERROR=ON   # read by scripts/build.sh

echo "== clang-format check"
files=$(git ls-files 'core/*.cpp' 'core/*.hpp' 'addin/*.cpp' 'addin/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'tools/*.cpp' 2>/dev/null \
        || find core addin tests tools -name '*.cpp' -o -name '*.hpp')
clang-format --dry-run --Werror $files

echo "== core unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DSURVEYCALC_BUILD_ADDIN=OFF -DSURVEYCALC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
      -DSURVEYCALC_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs" --target surveycalc_unit_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./build-asan/tests/unit/surveycalc_unit_tests --reporter compact

for compiler in gcc clang; do
  echo "== Release build with $compiler: core, tests, benchmarks, UNO component, .oxt"
  if [ "$compiler" = gcc ]; then cc=gcc cxx=g++; else cc=clang cxx=clang++; fi
  CC=$cc CXX=$cxx cmake -S . -B "build-release-$compiler" -DCMAKE_BUILD_TYPE=Release -DSURVEYCALC_WERROR=ON >/dev/null
  cmake --build "build-release-$compiler" -j"$jobs"
  "./build-release-$compiler/tests/unit/surveycalc_unit_tests" --reporter compact
done

echo "== full build, unit and end-to-end tests"
bash scripts/build.sh
ctest --test-dir build --output-on-failure

fuzz_seconds=${SURVEYCALC_FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzz targets, ${fuzz_seconds} s each, under ASan/UBSan"
  bash scripts/fuzz.sh "$fuzz_seconds"
fi
echo "== all tests passed"
