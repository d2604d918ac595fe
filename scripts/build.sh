#!/usr/bin/env bash
# Configures and builds everything (core, tests, UNO component, surveycalc.oxt) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# SURVEYCALC_WERROR=ON (scripts/test.sh, CI): warnings in our code are errors.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSURVEYCALC_WERROR="${SURVEYCALC_WERROR:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
echo "Built build/surveycalc.oxt"
