"""End-to-end: the committed examples/report2020.ods is what
examples/make_report.py builds. Runs make_report.py with the built extension
into a temporary directory, loads the fresh workbook and the committed one in a
headless Calc, and compares what the workbook is made of: the sheet names in
order; on every sheet each cell's formula (array formulas included) or literal
text or number, and its number format; the charts, by name and data range. Not
the zip bytes: a saved .ods carries timestamps. Computed results are not
compared here (test_report.py checks them).

When it fails, rebuild the workbook and commit it with the script change:

    /usr/bin/python3 examples/make_report.py build/surveycalc.oxt examples/report2020.ods
"""
import os
import subprocess
import sys
import tempfile
import unittest

from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
SRC = os.environ["SURVEYCALC_SOURCE_DIR"]
SCRIPT = os.path.join(SRC, "examples", "make_report.py")
BOOK = os.path.join(SRC, "examples", "report2020.ods")


def cell_name(row, col):
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return "%s%d" % (letters, row + 1)


def snapshot(doc):
    """{sheet names, and per sheet cell -> (formula or literal, value of a literal,
    number format), and charts -> data ranges} of a loaded document."""
    formats = doc.NumberFormats
    out = {"sheets": tuple(doc.Sheets.getElementNames())}
    for name in out["sheets"]:
        sheet = doc.Sheets.getByName(name)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        # getFormulaArray: "=..." for a formula, "{=...}" in an array formula's
        # cells, the text or number as typed otherwise ("'1" for text "1").
        formulas, values = used.getFormulaArray(), used.getDataArray()
        number_format = {}
        ranges = sheet.getCellFormatRanges()
        for i in range(ranges.getCount()):
            r = ranges.getByIndex(i)
            code = formats.getByKey(r.NumberFormat).FormatString
            a = r.getRangeAddress()
            for row in range(a.StartRow, min(a.EndRow, end.EndRow) + 1):
                for col in range(a.StartColumn, min(a.EndColumn, end.EndColumn) + 1):
                    number_format[(row, col)] = code
        cells = {}
        for row in range(end.EndRow + 1):
            for col in range(end.EndColumn + 1):
                f = formulas[row][col]
                code = number_format.get((row, col), "General")
                if f == "" and code == "General":
                    continue
                literal = None if f.startswith(("=", "{=")) else values[row][col]
                cells["%s.%s" % (name, cell_name(row, col))] = (f, literal, code)
        out[name] = cells
        charts = sheet.getCharts()
        out[name + " charts"] = {c: tuple((a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
                                          for a in charts.getByName(c).getRanges())
                                 for c in charts.getElementNames()}
    return out


def differences(committed, rebuilt):
    """Human-readable lines, one per difference."""
    lines = []
    if committed["sheets"] != rebuilt["sheets"]:
        lines.append("sheets: committed %s, rebuilt %s" % (committed["sheets"], rebuilt["sheets"]))
    for name in committed["sheets"]:
        for part in (name, name + " charts"):
            a, b = committed.get(part, {}), rebuilt.get(part, {})
            for key in sorted(set(a) | set(b)):
                if a.get(key) != b.get(key):
                    lines.append("%s: committed %r, rebuilt %r" % (key, a.get(key), b.get(key)))
    return lines


class ReportRebuild(unittest.TestCase):
    def test_committed_workbook_is_what_make_report_builds(self):
        with tempfile.TemporaryDirectory(prefix="surveycalc-report-") as tmp:
            fresh = os.path.join(tmp, "report2020-rebuilt.ods")  # office.load copies by file name
            run = subprocess.run([sys.executable, SCRIPT, OXT, fresh], capture_output=True, text=True, timeout=480)
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            with Office(OXT) as office:
                shots = []
                for path in (BOOK, fresh):
                    doc = office.load(path)
                    shots.append(snapshot(doc))
                    doc.close(True)
        committed, rebuilt = shots
        # The comparison is not vacuous: every sheet and the report's formulas are there.
        self.assertEqual(committed["sheets"], ("Report", "Cities", "Figures", "Data", "CityData"))
        self.assertGreater(sum(f.startswith("=") for f, _, _ in committed["Report"].values()), 50)
        diff = differences(committed, rebuilt)
        if diff:
            self.fail("examples/report2020.ods differs from what examples/make_report.py builds "
                      "(%d differences; rebuild and commit it):\n%s" % (len(diff), "\n".join(diff[:40])))


if __name__ == "__main__":
    unittest.main(verbosity=2)
