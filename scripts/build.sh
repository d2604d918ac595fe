#!/usr/bin/env bash
# Configures and builds everything (core, tests, UNO component, surveycalc.oxt) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
echo "Built build/surveycalc.oxt"
