"""End-to-end: load examples/quickstart.ods (saved formulas are stored as
ORG.SURVEYCALC.FUNCTIONS.*), recalculate and check every figure against values
worked out by hand from the Data sheet."""
import os
import unittest

from office import ERR_NA, Office

OXT = os.environ["SURVEYCALC_OXT"]
BOOK = os.path.join(os.environ["SURVEYCALC_SOURCE_DIR"], "examples", "quickstart.ods")

# Data sheet, by hand: difficulty 9,10,7,"６",6,99(missing),7,8,5," 6 ",8,10
EXPECTED = {
    "B2": 82 / 11,  # all eleven answers
    "B3": 30 / 4,  # 小型: 9, 6, 7, 8
    "B4": 95.5 / 13.5,  # Σw·x / Σw over the answered rows
    "B6": 6 / 11,  # 外地员工返岗需隔离 in 6 of 11 answered rows
    "B7": 6 / 12,  # ... of all 12 firms
    "B8": 2 / 5,  # 客户资源受损 among the 5 medium and large firms
}


class Quickstart(unittest.TestCase):
    def test_saved_workbook_recomputes(self):
        with Office(OXT) as office:
            doc = office.load(BOOK)
            doc.calculateAll()
            sheet = doc.Sheets.getByName("Results")
            self.assertIn("ORG.SURVEYCALC.FUNCTIONS.DIFFICULTY", sheet.getCellRangeByName("B2").getFormula().upper())
            for cell, expected in EXPECTED.items():
                c = sheet.getCellRangeByName(cell)
                self.assertEqual(c.getError(), 0, cell)
                self.assertAlmostEqual(c.getValue(), expected, places=12, msg=cell)
            self.assertEqual(sheet.getCellRangeByName("B5").getError(), ERR_NA)
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
