#!/usr/bin/env bash
# Every test: formatting, the core unit tests under ASan/UBSan, then the full
# build with unit and end-to-end tests (real headless LibreOffice) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test  # build, demo and test packages (build.sh below finds them installed)

echo "== clang-format check"
files=$(git ls-files 'core/*.cpp' 'core/*.hpp' 'addin/*.cpp' 'addin/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'tools/*.cpp' 2>/dev/null \
        || find core addin tests tools -name '*.cpp' -o -name '*.hpp')
clang-format --dry-run --Werror $files

echo "== core unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DSURVEYCALC_BUILD_ADDIN=OFF -DSURVEYCALC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$(nproc)" --target surveycalc_unit_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./build-asan/tests/unit/surveycalc_unit_tests --reporter compact

echo "== full build, unit and end-to-end tests"
bash scripts/build.sh
ctest --test-dir build --output-on-failure
