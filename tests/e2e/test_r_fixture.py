"""End-to-end: every figure of the R-checked fixture (tests/fixtures) computed
by a real headless Calc. The data set goes on a sheet as the README there
describes; each kernel/ and request/ row of stats_expected.csv becomes the
formula FUNCTION(args) and must agree with R to 1e-9 relative (NA rows must
show #N/A)."""
import csv
import os
import unittest

from office import ERR_NA, Office

OXT = os.environ["SURVEYCALC_OXT"]
FIXTURES = os.path.join(os.environ["SURVEYCALC_SOURCE_DIR"], "tests", "fixtures")


def cell_value(field):
    if field == "":
        return ""
    try:
        return float(field)
    except ValueError:
        return field


class RFixture(unittest.TestCase):
    def test_every_function_agrees_with_r(self):
        with open(os.path.join(FIXTURES, "stats_data.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        with open(os.path.join(FIXTURES, "stats_expected.csv"), encoding="utf-8") as f:
            expected = [r for r in csv.DictReader(f) if not r["case"].startswith("ref/")]
        self.assertGreater(len(expected), 150)
        with Office(OXT) as office:
            doc = office.new_spreadsheet()
            sheet = doc.Sheets.getByIndex(0)
            data = tuple(tuple(cell_value(v) for v in r) for r in rows[1:])
            width = len(rows[0])
            sheet.getCellRangeByPosition(0, 1, width - 1, len(data)).setDataArray(data)
            # Blank fields must be blank cells, not empty strings.
            for i, r in enumerate(data):
                for j, v in enumerate(r):
                    if v == "":
                        sheet.getCellByPosition(j, i + 1).setString("")
            for i, e in enumerate(expected):
                sheet.getCellByPosition(12, i).setFormula("=%s(%s)" % (e["function"], e["args_description"]))
            doc.calculateAll()
            failures = []
            for i, e in enumerate(expected):
                c = sheet.getCellByPosition(12, i)
                err = c.getError()
                if e["value"] == "NA":
                    if err != ERR_NA:
                        failures.append("%s: expected #N/A, got error %d value %r" % (e["case"], err, c.getValue()))
                    continue
                want = float(e["value"])
                if err:
                    failures.append("%s: error %d, expected %r" % (e["case"], err, want))
                elif abs(c.getValue() - want) > 1e-9 * max(1.0, abs(want)):
                    failures.append("%s: %r != R's %r" % (e["case"], c.getValue(), want))
            doc.close(True)
        self.assertEqual(failures, [], "\n".join(failures))


if __name__ == "__main__":
    unittest.main(verbosity=2)
