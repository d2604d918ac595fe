"""End-to-end: array formulas (GROUPTABLE, CROSSTAB, SHARES) and the place
functions in a real headless Calc. Expected values by hand."""
import os
import unittest

from office import ERR_NA, Office, fill, value

OXT = os.environ["SURVEYCALC_OXT"]


class TablesAndPlaces(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).__enter__()
        cls.doc = cls.office.new_spreadsheet()
        cls.sheet = cls.doc.Sheets.getByIndex(0)
        fill(cls.sheet, "A1", [
            ["score", "place", "obstacles"],
            [9, "重庆", "a;b"],
            [8, " 重庆市 ", "b"],
            [5, "上海", "a、c"],
            [6, "Shanghai", "c"],
            [7, "广东深圳", None],
            [2, "海南", "a"],
            [None, "西藏", "b"],
        ])

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.office.__exit__(None, None, None)

    def array(self, target, formula):
        rng = self.sheet.getCellRangeByName(target)
        rng.setArrayFormula(formula)
        self.doc.calculateAll()
        a = rng.getRangeAddress()
        out = []
        for r in range(a.StartRow, a.EndRow + 1):
            out.append([value(self.sheet, self.sheet.getCellByPosition(c, r).AbsoluteName.split(".")[-1]
                              .replace("$", "")) for c in range(a.StartColumn, a.EndColumn + 1)])
        return out

    def test_grouptable_by_province(self):
        t = self.array("E1:G5", "GROUPTABLE(A2:A8;B2:B8)")
        # 重庆市 8.5 (2), 广东省 7 (1), 上海市 5.5 (2), 海南省 2 (1); 西藏 has no score; row 5 beyond: #N/A
        self.assertEqual(t[0], [(0, "重庆市"), (0, 2.0), (0, 8.5)])
        self.assertEqual(t[1], [(0, "广东省"), (0, 1.0), (0, 7.0)])
        self.assertEqual(t[2], [(0, "上海市"), (0, 2.0), (0, 5.5)])
        self.assertEqual(t[3], [(0, "海南省"), (0, 1.0), (0, 2.0)])
        self.assertEqual(t[4][0][0], ERR_NA)
        # "rows" pads with empty cells instead
        t = self.array("E7:G11", 'GROUPTABLE(A2:A8;B2:B8;"min_n";2;"rows";5)')
        self.assertEqual([r[0] for r in t[:2]], [(0, "重庆市"), (0, "上海市")])
        pad = self.sheet.getCellRangeByName("E10")
        self.assertEqual((pad.getError(), pad.getString()), (0, ""))  # shown empty, not #N/A

    def test_crosstab(self):
        t = self.array("I1:K4", 'CROSSTAB(C2:C8;B2:B8;"options";"a;b;c";"by";"text";"sort";"name")')
        # text groups: " 重庆市 " and "重庆" differ as text; by name order
        header = [v for _, v in t[0]]
        self.assertEqual(header[0], "")
        self.assertEqual(t[1][0], (0, "a"))
        t = self.array("I6:L9", 'CROSSTAB(C2:C8;B2:B8;"options";"a;b;c";"by";"circles")')
        # circles: 长三角 = 上海 rows (a、c ; c) → a 1/2, b 0, c 1; 珠三角 深圳 not answered → no column
        self.assertEqual(t[0][1], (0, "长三角"))
        self.assertEqual(t[1][1], (0, 0.5))
        self.assertEqual(t[3][1], (0, 1.0))

    def test_header_row(self):
        # Bounded ranges under a header row: the titles are the cells above them (A1 "score", B1 "place").
        t = self.array("N1:P3", 'GROUPTABLE(A2:A8;B2:B8;"header";1;"min_n";2)')
        self.assertEqual(t[0], [(0, "place"), (0, "n"), (0, "score")])
        self.assertEqual(t[1], [(0, "重庆市"), (0, 2.0), (0, 8.5)])
        t = self.array("N5:P6", 'CROSSTAB(C2:C8;B2:B8;"header";1;"options";"a";"by";"circles")')
        self.assertEqual(t[0][0], (0, "obstacles"))
        # Editing the title relabels the table without a hard recalculation (the title cell is tracked).
        self.sheet.getCellRangeByName("A1").setString("difficulty")
        self.doc.calculate()
        self.assertEqual(value(self.sheet, "P1"), (0, "difficulty"))
        self.sheet.getCellRangeByName("A1").setString("score")
        self.doc.calculate()
        self.assertEqual(value(self.sheet, "P1"), (0, "score"))

    def test_ranges_in_later_pairs_of_an_array_formula(self):
        # Calc iterates over a range given to a variadic argument of an array
        # formula; surveycalc's pairs are fixed optional arguments, so the
        # options range arrives whole and "rows" (after it) still applies.
        fill(self.sheet, "S1", [["a"], ["b"], ["c"]])
        t = self.array("I12:K17", 'CROSSTAB(C2:C8;B2:B8;"by";"circles";"options";S1:S3;"rows";5)')
        self.assertEqual([r[0] for r in t[1:4]], [(0, "a"), (0, "b"), (0, "c")])
        pad = self.sheet.getCellRangeByName("I16")
        self.assertEqual((pad.getError(), pad.getString()), (0, ""))  # padded by "rows", not #N/A
        self.assertEqual(t[5][0][0], ERR_NA)  # beyond the 5 rows asked for
        t = self.array("E20:G22", 'GROUPTABLE(A2:A8;B2:B8;"min_n";1;B2:B8;"长三角|重庆")')
        self.assertEqual([r[0] for r in t[:2]], [(0, "重庆市"), (0, "上海市")])

    def test_shares(self):
        fill(self.sheet, "N1", [[82], [286], [238], [101]])
        t = self.array("O1:O4", "SHARES(N1:N4;2)")
        got = [round(v, 6) for _, v in (r[0] for r in t)]
        self.assertEqual(got, [0.116, 0.4045, 0.3366, 0.1429])
        self.assertAlmostEqual(sum(v for _, v in (r[0] for r in t)), 1.0, places=12)

    def test_place_functions(self):
        cases = {
            'PROVINCE("重庆")': "重庆市",
            'PROVINCE("广东深圳")': "广东省",
            'PROVINCE("Inner Mongolia")': "内蒙古自治区",
            'PROVINCE("ｓｈａａｎｘｉ")': "陕西省",
            'CITY("广东深圳")': "深圳市",
            'REGION("东莞")': "珠三角",
            'REGION("安徽";"circles")': "长三角",
            'REGION("安徽";"zones")': "中部",
            'REGION("广东汕头")': "",
            'PROVINCE("火星")': "",
        }
        for f, want in cases.items():
            self.sheet.getCellRangeByName("Q1").setFormula("=" + f)
            self.doc.calculateAll()
            self.assertEqual(value(self.sheet, "Q1"), (0, want), f)

    def test_difficulty_by_region_and_place(self):
        for f, want in {'DIFFICULTY(A2:A8;B2:B8;"珠三角")': 7.0, 'DIFFICULTY(A2:A8;B2:B8;"重庆")': 8.5,
                        'DIFFICULTY(A2:A8;B2:B8;"长三角")': 5.5, 'DIFFICULTY(A2:A8;B2:B8;"<>重庆")': 5.0}.items():
            self.sheet.getCellRangeByName("Q2").setFormula("=" + f)
            self.doc.calculateAll()
            self.assertEqual(value(self.sheet, "Q2"), (0, want), f)


if __name__ == "__main__":
    unittest.main(verbosity=2)
