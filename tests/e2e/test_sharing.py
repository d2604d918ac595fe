"""End-to-end: what a colleague without surveycalc sees in a report saved with
it (README, "Sharing a report"). The workbook is computed with the extension
and saved as .ods and .xlsx, then opened in a LibreOffice without it, with
LibreOffice's default "never recalculate on load" and with a recalculation.
These are LibreOffice's behaviours, asserted so that the README cannot drift
from them."""
import os
import shutil
import tempfile
import unittest

from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
BOOK = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "report2020.ods")
NAME = 525  # #NAME?

# A scalar figure (DIFFICULTY of Data.F) and an array formula's (GROUPTABLE) first cell of the Report sheet.
SCALAR, ARRAY = "B6", "A15"


class Sharing(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="surveycalc-share-")
        with Office(OXT) as office:
            doc = office.load(BOOK)
            doc.calculateAll()
            sheet = doc.Sheets.getByName("Report")
            cls.figure = sheet.getCellRangeByName(SCALAR).getValue()
            cls.group = sheet.getCellRangeByName(ARRAY).getString()
            assert "DIFFICULTY(DATA.$F$2" in sheet.getCellRangeByName(SCALAR).getFormula().upper()
            assert "GROUPTABLE" in sheet.getCellRangeByName(ARRAY).getFormula().upper()
            office.save_as(doc, os.path.join(cls.dir, "r.ods"))
            office.save_as(doc, os.path.join(cls.dir, "r.xlsx"), "Calc Office Open XML")
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def opened(self, name, recalc):
        with Office(None, recalc_on_load=recalc) as office:
            doc = office.load(os.path.join(self.dir, name))
            sheet = doc.Sheets.getByName("Report")
            out = {a: (sheet.getCellRangeByName(a).getError(), sheet.getCellRangeByName(a).getValue(),
                       sheet.getCellRangeByName(a).getString()) for a in (SCALAR, ARRAY)}
            # An edit to the data recalculates what depends on it: the figure is lost.
            doc.Sheets.getByName("Data").getCellRangeByName("F2").setValue(5)  # a score B6 reads
            doc.calculate()
            out["edited"] = sheet.getCellRangeByName(SCALAR).getError()
            doc.close(True)
            return out

    def test_without_the_extension(self):
        self.assertGreater(self.figure, 0)
        self.assertTrue(self.group)
        for name in ("r.ods", "r.xlsx"):
            with self.subTest(name):
                # Default settings: scalar figures keep their saved values; array formulas do not.
                kept = self.opened(name, recalc=False)
                self.assertEqual(kept[SCALAR][0], 0)
                self.assertAlmostEqual(kept[SCALAR][1], self.figure, places=9)
                self.assertEqual(kept[ARRAY][0], NAME)
                self.assertEqual(kept["edited"], NAME)
                # Recalculated on load: every surveycalc figure is #NAME?.
                recalculated = self.opened(name, recalc=True)
                self.assertEqual(recalculated[SCALAR][0], NAME)
                self.assertEqual(recalculated[ARRAY][0], NAME)


if __name__ == "__main__":
    unittest.main(verbosity=2)
