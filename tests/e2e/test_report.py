"""End-to-end: the report workbook (examples/report2020.ods) recomputes the
published figures of the 2020 survey report. Loads the workbook in a real
headless Calc with the extension installed, recalculates, and checks every
survey figure of published-figures.csv (the copy in examples/data, which must
equal ../shared/reference/published-figures.csv where that exists) at the
report's printed precision, and the exact value against examples/data/expected.csv."""
import csv
import filecmp
import os
import unittest
from decimal import ROUND_HALF_UP, Decimal

from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
SRC = os.environ["SURVEYCALC_SOURCE_DIR"]
DATA = os.path.join(SRC, "examples", "data")
BOOK = os.path.join(SRC, "examples", "report2020.ods")
SHARED = os.path.join(SRC, "..", "shared", "reference", "published-figures.csv")

NOT_SURVEY = {"MEMBER_SHARE", "GROWTH"}  # not computable from the questionnaires
# Printed figures that no data can reproduce (examples/data/README.md says why):
# what the workbook prints instead.
KNOWN = {
    ("SIZE_SHARE", "中型"): "33.66",  # 238/707 = 33.66%, the report prints 33.65
    ("SIZE_SHARE", "大型"): "14.29",  # 101/707 = 14.29%, the report prints 14.30
    ("TOP100_ONSITE_RATE", "top-100 firms"): "61.52",  # no staff total prints both 83.85% and 61.51%
}


def printed(value, like):
    """value rounded half up to as many decimals as the published text `like` has."""
    places = len(like.split(".")[1]) if "." in like else 0
    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Report(unittest.TestCase):
    def test_copy_of_published_figures_is_current(self):
        if not os.path.exists(SHARED):
            self.skipTest("no ../shared/reference beside the checkout")
        self.assertTrue(filecmp.cmp(SHARED, os.path.join(DATA, "published-figures.csv"), shallow=False))

    def test_workbook_reproduces_the_published_figures(self):
        published = read("published-figures.csv")
        expected = {(r["id"], r["group"]): r for r in read("expected.csv")}
        with Office(OXT) as office:
            doc = office.load(BOOK)
            doc.calculateAll()
            figures = doc.Sheets.getByName("Figures")
            computed = {}
            row = 1
            while figures.getCellByPosition(0, row).getString():
                cell = figures.getCellByPosition(4, row)
                key = (figures.getCellByPosition(0, row).getString(), figures.getCellByPosition(1, row).getString())
                computed[key] = (cell.getError(), cell.getValue())
                row += 1
            report = doc.Sheets.getByName("Report")
            table1 = [report.getCellByPosition(0, r).getString() for r in range(14, 48)]
            charts = set(report.getCharts().getElementNames())
            doc.close(True)

        failures = []
        checked = 0
        for p in published:
            key = (p["id"], p["group"])
            if p["id"] in NOT_SURVEY:
                continue
            if key not in computed:
                failures.append("%s %s: not computed in the workbook" % key)
                continue
            err, v = computed[key]
            if err:
                failures.append("%s %s: error %d" % (key + (err,)))
                continue
            checked += 1
            scaled = v * 100 if p["unit"] == "percent" else v
            if p["id"] == "MENTION_PROV_MIN":  # each province above the printed value
                if not scaled > float(p["value"]):
                    failures.append("%s %s: %.2f%% is not above %s%%" % (key + (scaled, p["value"])))
            elif printed(scaled, p["value"]) != KNOWN.get(key, p["value"]):
                failures.append("%s %s: prints %s, published %s" % (key + (printed(scaled, p["value"]), p["value"])))
            e = expected.get(key)
            if e and e["value"] not in ("", "n/a") and p["id"] != "SIZE_SHARE":  # SHARES rounds by design
                want = float(e["value"])
                if abs(v - want) > 1e-9 * max(1.0, abs(want)):
                    failures.append("%s %s: %r, exact value from the data %r" % (key + (v, want)))
        self.assertEqual(failures, [], "\n".join(failures))
        self.assertGreaterEqual(checked, 70)
        # Table 1: 28 provinces, each once, none of the no-sample ones.
        provinces = [t for t in table1 if t]
        self.assertEqual(len(provinces), 28, provinces)
        self.assertEqual(len(set(provinces)), 28)
        for missing in ("新疆维吾尔自治区", "宁夏回族自治区", "西藏自治区"):
            self.assertNotIn(missing, provinces)
        self.assertEqual(charts, {"Figure1", "Figure2"})


if __name__ == "__main__":
    unittest.main(verbosity=2)
