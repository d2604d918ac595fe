"""End-to-end: the report workbook (examples/report2020.ods) recomputes the
published figures of the 2020 survey report. Loads the workbook in a real
headless Calc with the extension installed, recalculates, and checks every
survey figure of examples/data/published-figures.csv at the report's printed
precision, and its exact value against a count made here from the data files
(exact_from_data: sums and ratios over the columns that say where a firm is and
what it answered, province_true, region_true and the obstacle labels, so it
does not depend on the add-in's parsing or statistics). Reads nothing outside
the checkout."""
import csv
import os
import re
import unittest
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
SRC = os.environ["SURVEYCALC_SOURCE_DIR"]
DATA = os.path.join(SRC, "examples", "data")
BOOK = os.path.join(SRC, "examples", "report2020.ods")

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


RESTRICT = "当地政府严格限制开复工"  # MENTION_PROV_MIN: its rate in each of the group's provinces
SUPPLY = "物流不畅通"  # MENTION_COUNT: the supply-chain/logistics answer of sec. 2.1
# cities.csv: id -> (numerator column, denominator column or None, flag column or None)
CITY = {
    "CITY_FIRMS": ("firms", None, None), "CITY_RESUMED": ("firms_resumed", None, None),
    "CITY_RATE": ("firms_resumed", "firms", None), "CITY_RETURN": ("staff_returned", None, None),
    "CITY_RETURN_RATE": ("staff_returned", "staff", None), "CITY_ONSITE": ("staff_onsite", None, None),
    "CITY_ONSITE_RATE": ("staff_onsite", "staff", None), "TOP100_FIRMS": ("firms", None, "top100"),
    "TOP100_RETURN": ("staff_returned", None, "top100"), "TOP100_RETURN_RATE": ("staff_returned", "staff", "top100"),
    "TOP100_ONSITE": ("staff_onsite", None, "top100"), "TOP100_ONSITE_RATE": ("staff_onsite", "staff", "top100"),
    "KEY_FIRMS": ("firms", None, "key_firm"), "KEY_RESUMED": ("firms_resumed", None, "key_firm"),
    "KEY_RATE": ("firms_resumed", "firms", "key_firm"), "KEY_RETURN": ("staff_returned", None, "key_firm"),
    "KEY_RETURN_RATE": ("staff_returned", "staff", "key_firm"), "KEY_ONSITE": ("staff_onsite", None, "key_firm"),
    "KEY_ONSITE_RATE": ("staff_onsite", "staff", "key_firm"),
}


def exact_from_data(fid, group):
    """The exact value of a published survey figure, counted from firms.csv and
    cities.csv (a fraction, not a percentage); None for a figure it does not know."""
    firms = read("firms.csv")

    def where(col, value):
        return [r for r in firms if r[col] == value]

    def mean(rows):
        return Fraction(sum(int(r["difficulty"]) for r in rows), len(rows))

    def rate(rows, label):  # obstacles are labels joined by 、 ； or ，
        return Fraction(sum(label in re.split("[、；，]", r["obstacles"]) for r in rows), len(rows))

    def not_resumed(rows):
        return sum(r["resumed"] == "否" for r in rows)

    if fid in CITY:
        num, den, flag = CITY[fid]
        rows = [r for r in read("cities.csv") if flag is None or r[flag] == "是"]
        total = sum(int(r[num]) for r in rows)
        return Fraction(total, sum(int(r[den]) for r in rows)) if den else Fraction(total)
    figures = {
        "N_VALID": lambda: Fraction(len(firms)),
        "NOT_RESUMED": lambda: Fraction(not_resumed(firms), len(firms)),  # base: every questionnaire
        "DIFF_ALL": lambda: mean(firms),
        "DIFF_PROV": lambda: mean(where("province_true", group)),
        "NO_SAMPLE": lambda: Fraction(sum(r["province_true"] in group.split(";") for r in firms)),
        "DIFF_REGION": lambda: mean(where("region_true", group)),
        "MENTION": lambda: rate(firms, group),
        "MENTION_COUNT": lambda: rate(firms, SUPPLY) * len(firms),
        "MENTION_PROV_MIN": lambda: min(rate(where("province_true", p), RESTRICT) for p in group.split(";")),
        "SIZE_COUNT": lambda: Fraction(len(where("size", group))),
        "NOT_RESUMED_SIZE": lambda: Fraction(not_resumed(where("size", group)),
                                             sum(r["resumed"] != "" for r in where("size", group))),
        "DIFF_SIZE": lambda: mean(where("size", group)),
    }
    return figures[fid]() if fid in figures else None


class Report(unittest.TestCase):
    def test_supply_chain_column_matches_the_label(self):
        firms = read("firms.csv")
        self.assertEqual(exact_from_data("MENTION_COUNT", "all"), sum(r["supply_chain"] == "是" for r in firms))

    def test_workbook_reproduces_the_published_figures(self):
        published = read("published-figures.csv")
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
            if p["id"] == "SIZE_SHARE":  # SHARES rounds by design: checked at printed precision only
                continue
            exact = exact_from_data(*key)
            if exact is None:
                failures.append("%s %s: no exact value counted from the data" % key)
            elif abs(v - float(exact)) > 1e-9 * max(1.0, abs(float(exact))):
                failures.append("%s %s: %r, exact value from the data %r" % (key + (v, float(exact))))
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
