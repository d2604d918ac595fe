#!/usr/bin/env bash
# The main job: build, install the extension into a throwaway profile, open the
# report workbook (or the one given) in a headless Calc, recalculate, print its
# result sheets and write the Report sheet as PDF to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
workbook="${1:-examples/report2020.ods}"
mkdir -p out
pdf="out/$(basename "${workbook%.*}").pdf"
/usr/bin/python3 scripts/report_demo.py build/surveycalc.oxt "$workbook" --pdf "$pdf"
