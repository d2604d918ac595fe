"""End-to-end: the report looks published. Runs the demo's PDF export
(scripts/report_demo.py, as scripts/demo.sh does) on examples/report2020.ods,
renders the PDF with pdftoppm (poppler-utils) and checks what a rendering and
the document's own objects can tell:

- the PDF: two A4 landscape pages (tables; figures with their charts), ink on
  both, the charts drawn on the figures page; its text shows p-values as
  <0.001 and never 0.0000;
- the charts (read through UNO from the document's chart objects): each data
  range covers its table's header and every row below it, the chart lists the
  table's labels in table order (a horizontal chart draws the first row at the
  top), and every value axis starts at 0;
- the cells: bold is bold for Chinese as for Latin (CharWeightAsian), every
  bold label has Chinese in it (Chinese headers on every sheet), one percentage
  format throughout, p-values below 0.001 show as <0.001 and keep their value,
  and no text or figure is cut by the next cell: each column is at least as
  wide as Calc's optimal width for the text it shows (measured in a scratch
  sheet with the same font attributes).

SURVEYCALC_REPORT_BOOK checks another workbook (for example the one before
issue 12, which fails these tests).
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
SRC = os.environ["SURVEYCALC_SOURCE_DIR"]
BOOK = os.environ.get("SURVEYCALC_REPORT_BOOK") or os.path.join(SRC, "examples", "report2020.ods")
DEMO = os.path.join(SRC, "scripts", "report_demo.py")
CHECKED_SHEETS = ("Report", "Cities", "Figures")  # the sheets a reader reads; Data/CityData are columns of data
CJK = re.compile(r"[\u3400-\u9fff]")
SLACK = 20  # 1/100 mm: rounding of column widths


def pgm(path):
    """(width, height, bytes) of a binary PGM (P5, maxval 255) as pdftoppm -gray writes it."""
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def ink(page, x0=0.0, x1=1.0):
    """Share of dark pixels in the vertical strip x0..x1 (fractions of the width)."""
    w, h, px = page
    a, b = int(w * x0), int(w * x1)
    dark = sum(1 for y in range(h) for v in px[y * w + a:y * w + b] if v < 128)
    return dark / float((b - a) * h)


def used_end(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.getRangeAddress()


class ReportLooksPublished(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="surveycalc-report-pdf-")
        pdf = os.path.join(cls.tmp.name, "report2020.pdf")
        run = subprocess.run([sys.executable, DEMO, OXT, BOOK, "--pdf", pdf], capture_output=True, text=True,
                             timeout=480)
        if run.returncode != 0:
            raise RuntimeError("report_demo.py failed:\n" + run.stdout + run.stderr)
        cls.info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        cls.text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                  check=True).stdout
        prefix = os.path.join(cls.tmp.name, "page")
        subprocess.run(["pdftoppm", "-r", "30", "-gray", pdf, prefix], check=True)
        names = sorted(n for n in os.listdir(cls.tmp.name) if n.startswith("page") and n.endswith(".pgm"))
        cls.pages = [pgm(os.path.join(cls.tmp.name, n)) for n in names]
        cls.facts = cls.read_document()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def read_document(cls):
        """Everything the tests need from the workbook, read in one office session."""
        facts = {"charts": [], "cells": [], "percent_formats": {}, "p_values": []}
        with Office(OXT) as office:
            doc = office.load(BOOK)
            doc.calculateAll()
            formats = doc.NumberFormats
            report = doc.Sheets.getByName("Report")
            charts = report.getCharts()
            for name in charts.getElementNames():
                table_chart = charts.getByName(name)
                chart = table_chart.getEmbeddedObject()
                ranges = table_chart.getRanges()
                a = ranges[0]
                # The table: from the range's first row down to the last row with a label in its first column.
                last = a.StartRow
                while report.getCellByPosition(a.StartColumn, last + 1).getString():
                    last += 1
                labels = [report.getCellByPosition(a.StartColumn, r).getString()
                          for r in range(a.StartRow + 1, last + 1)]
                diagram = chart.getDiagram()
                axis = diagram.getYAxis()
                category = chart.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(0, 0)
                facts["charts"].append({
                    "name": name, "ranges": [(r.StartColumn, r.StartRow, r.EndColumn, r.EndRow) for r in ranges],
                    "table": (a.StartRow, last), "labels": labels,
                    "categories": list(chart.getData().getRowDescriptions()),
                    "auto_min": axis.AutoMin, "min": axis.Min, "horizontal": diagram.Vertical,
                    "category_orientation": category.getScaleData().Orientation.value,
                })
            # A scratch sheet measures the optimal width of a text in a cell's font.
            doc.Sheets.insertNewByName("Measure", doc.Sheets.getCount())
            scratch = doc.Sheets.getByName("Measure")
            probe = scratch.getCellByPosition(0, 0)
            probe_column = scratch.getColumns().getByIndex(0)
            font = ("CharWeight", "CharWeightAsian", "CharHeight", "CharHeightAsian", "CharFontName",
                    "CharFontNameAsian", "CharPosture", "CharPostureAsian")
            for sheet_name in doc.Sheets.getElementNames():
                if sheet_name == "Measure":
                    continue
                sheet = doc.Sheets.getByName(sheet_name)
                end = used_end(sheet)
                strings = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow + 1).getDataArray()
                rows = end.EndRow + 1 if sheet_name in CHECKED_SHEETS else 1  # the data sheets: their header row
                for row in range(rows):
                    for col in range(end.EndColumn + 1):
                        if strings[row][col] == "":
                            continue
                        cell = sheet.getCellByPosition(col, row)
                        text = cell.getString()
                        fmt = formats.getByKey(cell.NumberFormat).FormatString
                        entry = {"sheet": sheet_name, "cell": (col, row), "text": text,
                                 "bold": cell.CharWeight > 100, "bold_asian": cell.CharWeightAsian > 100,
                                 "bold_complex": cell.CharWeightComplex > 100}
                        if sheet_name not in CHECKED_SHEETS:
                            facts["cells"].append(entry)
                            continue
                        if "%" in fmt and cell.getType().value == "FORMULA":
                            facts["percent_formats"].setdefault(fmt, []).append((sheet_name, col, row))
                        label = sheet.getCellByPosition(0, row).getString()
                        if col == 1 and "p 值" in label:
                            facts["p_values"].append((label, cell.getValue(), text))
                        neighbour = strings[row][col + 1] if col + 1 <= end.EndColumn else ""
                        merged = sheet.getCellRangeByPosition(col, row, col, row).getIsMerged()
                        if neighbour != "" and not merged:
                            for p in font:
                                probe.setPropertyValue(p, cell.getPropertyValue(p))
                            probe.setString(text)
                            probe_column.OptimalWidth = True
                            entry["needs"] = probe_column.Width
                            entry["width"] = sheet.getColumns().getByIndex(col).Width
                        facts["cells"].append(entry)
            doc.close(True)
        return facts

    # -- the rendered PDF --------------------------------------------------------
    def test_pdf_has_two_a4_landscape_pages_with_the_charts(self):
        self.assertRegex(self.info, r"Pages:\s+2\n")
        self.assertRegex(self.info, r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)")
        self.assertEqual(len(self.pages), 2)
        for i, page in enumerate(self.pages):
            self.assertGreater(ink(page), 0.002, "page %d is blank" % (i + 1))
        # The figures page carries the charts on its right; the tables page has nothing there.
        self.assertGreater(ink(self.pages[1], 0.6, 0.9), 0.01, "no chart drawn on the figures page")

    def test_pdf_shows_p_values_as_less_than(self):
        self.assertIn("<0.001", self.text)
        self.assertNotIn("0.0000", self.text)

    # -- the charts ------------------------------------------------------------------
    def test_each_chart_covers_every_row_of_its_table(self):
        charts = {c["name"]: c for c in self.facts["charts"]}
        self.assertEqual(set(charts), {"Figure1", "Figure2"})
        for c in charts.values():
            first, last = c["table"]
            self.assertEqual(len(c["ranges"]), 1, c)
            col0, row0, col1, row1 = c["ranges"][0]
            self.assertEqual((row0, row1), (first, last),
                             "%s plots rows %d-%d of a table on rows %d-%d" % (c["name"], row0 + 1, row1 + 1,
                                                                            first + 1, last + 1))
            self.assertEqual(c["categories"], c["labels"], c["name"])
        self.assertEqual(len(charts["Figure1"]["labels"]), 9)
        self.assertEqual(len(charts["Figure2"]["labels"]), 4)

    def test_horizontal_chart_reads_top_down_like_its_table(self):
        for c in self.facts["charts"]:
            if c["horizontal"]:
                self.assertEqual(c["category_orientation"], "REVERSE",
                                 "%s draws the table's first row at the bottom" % c["name"])

    def test_value_axes_start_at_zero(self):
        for c in self.facts["charts"]:
            self.assertFalse(c["auto_min"], "%s: the value axis minimum is automatic" % c["name"])
            self.assertEqual(c["min"], 0.0, c["name"])

    # -- the cells -----------------------------------------------------------------------
    def test_bold_is_bold_in_every_script(self):
        bad = ["%s %s %r" % (e["sheet"], e["cell"], e["text"]) for e in self.facts["cells"]
               if e["bold"] and not (e["bold_asian"] and e["bold_complex"])]
        self.assertEqual(bad, [], "bold for Latin only:\n" + "\n".join(bad[:20]))
        self.assertGreater(sum(e["bold"] for e in self.facts["cells"]), 30)

    def test_headers_are_chinese_on_every_sheet(self):
        sheets = {e["sheet"] for e in self.facts["cells"]}
        for sheet in sheets:
            heads = [e for e in self.facts["cells"] if e["sheet"] == sheet and e["bold"]]
            self.assertTrue(heads, "%s has no bold header" % sheet)
            latin = [e["text"] for e in heads if not CJK.search(e["text"])]
            self.assertEqual(latin, [], "%s: headers without Chinese" % sheet)

    def test_one_percentage_precision(self):
        formats = self.facts["percent_formats"]
        self.assertEqual(len(formats), 1, {f: cells[:3] for f, cells in formats.items()})

    def test_p_values_below_one_in_a_thousand_show_as_such(self):
        self.assertEqual(len(self.facts["p_values"]), 2)
        for label, value, text in self.facts["p_values"]:
            self.assertGreater(value, 0.0, label)  # the cell keeps the figure
            self.assertLess(value, 0.001, label)
            self.assertEqual(text, "<0.001", label)

    def test_no_text_is_cut_by_the_next_cell(self):
        cut = ["%s.%s%d %r: %.2f cm wide, needs %.2f cm" % (e["sheet"], chr(65 + e["cell"][0]), e["cell"][1] + 1,
                                                           e["text"], e["width"] / 1000.0, e["needs"] / 1000.0)
               for e in self.facts["cells"] if "needs" in e and e["needs"] > e["width"] + SLACK]
        self.assertEqual(cut, [], "\n".join(cut))
        self.assertGreater(sum("needs" in e for e in self.facts["cells"]), 100)


if __name__ == "__main__":
    unittest.main(verbosity=2)
