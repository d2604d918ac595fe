#!/usr/bin/env bash
# The main job: build, install the extension into a throwaway profile, open the
# example workbook in a headless Calc, recalculate and print its results.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
workbook="${1:-examples/quickstart.ods}"
/usr/bin/python3 scripts/report_demo.py build/surveycalc.oxt "$workbook"
