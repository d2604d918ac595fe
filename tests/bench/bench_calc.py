"""What a surveycalc formula costs in a real Calc, next to the native formula
that computes the same figure. Prints ratios; never fails. Run by hand:

    /usr/bin/python3 tests/bench/bench_calc.py build/surveycalc.oxt [rows]
"""
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from office import Office  # noqa: E402

PAIRS = [
    ("mean of a score column", "=DIFFICULTY(A1:A{n})", "=AVERAGE(A1:A{n})"),
    ("mean with a criterion", '=DIFFICULTY(A1:A{n};B1:B{n};"重庆")', '=AVERAGEIFS(A1:A{n};B1:B{n};"重庆")'),
    ("mention rate of code 3", "=MENTIONRATE(C1:C{n};3)",
     '=SUMPRODUCT(ISNUMBER(SEARCH(";3;";";"&C1:C{n}&";")))/COUNTA(C1:C{n})'),
]


def main():
    oxt = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(1)
    rows = tuple((float(rng.randint(0, 10)), rng.choice(["重庆", "上海", "北京", "广东"]),
                  ";".join(str(k) for k in range(1, 7) if rng.random() < 0.3) or "0") for _ in range(n))
    with Office(oxt) as office:
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(0, 0, 2, n - 1).setDataArray(rows)
        print("rows: %d (median of 5 recalculations of one formula)" % n)
        for label, ours, native in PAIRS:
            times = {}
            for name, f in (("surveycalc", ours), ("native", native)):
                cell = sheet.getCellRangeByName("E1")
                cell.setFormula(f.format(n=n))
                samples = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    doc.calculateAll()
                    samples.append(time.perf_counter() - t0)
                times[name] = statistics.median(samples)
            print("%-26s surveycalc %7.1f ms  native %7.1f ms  ratio %.2f" % (
                label, times["surveycalc"] * 1e3, times["native"] * 1e3, times["surveycalc"] / times["native"]))
        doc.close(True)


if __name__ == "__main__":
    main()
