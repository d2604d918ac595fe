"""End-to-end: DIFFICULTY and MENTIONRATE computed by a real headless Calc with
the built extension installed into a throwaway profile. Expected values are
worked out by hand from the definitions in the comments."""
import os
import sys
import unittest

from office import ERR_ILLEGAL_ARGUMENT, ERR_NA, ERR_NO_VALUE, Office, column, fill, value

OXT = os.environ["SURVEYCALC_OXT"]


class Basic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).__enter__()
        cls.doc = cls.office.new_spreadsheet()
        cls.sheet = cls.doc.Sheets.getByIndex(0)
        # A: score, B: province as typed, C: obstacles (multi-response), D: weight, E: size
        fill(cls.sheet, "A1", [
            ["score", "province", "obstacles", "w", "size"],
            [9, "重庆", "1;3;5", 1, "小型"],
            [8, " 重庆市 ", "11；3", 2, "小型"],
            ["７", "ＳＨＡＮＧＨＡＩ", "3、5", 1, "中型"],
            [None, "上海", None, 1, "中型"],
            [99, "北京", "2", 1, "大型"],
            [4, "北京", "1，2", 3, "大型"],
        ])

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.office.__exit__(None, None, None)

    def formula(self, f, cell="H1"):
        self.sheet.getCellRangeByName(cell).setFormula(f)
        self.doc.calculateAll()
        return value(self.sheet, cell)

    def assertNumber(self, f, expected, places=12):
        err, v = self.formula(f)
        self.assertEqual(err, 0, "%s gave error %s" % (f, err))
        self.assertAlmostEqual(v, expected, places=places, msg=f)

    def test_difficulty_mean_with_missing_code(self):
        # valid: 9, 8, ７=7, 4 (blank skipped, 99 declared missing) → 28/4 = 7
        self.assertNumber('=DIFFICULTY(A2:A7;"missing";"99")', 7.0)

    def test_topbox_through_the_generated_glue(self):
        # valid: 9, 8, ７=7, 4 (99 declared missing): 9 and 8 are >= 8 → 2/4
        self.assertNumber('=TOPBOX(A2:A7;8;"missing";"99")', 0.5)
        # 重庆 rows: 9 and 8 → 1; weighted (1*9≥8, 2*8≥8) over all valid: (1+2)/(1+2+1+3) = 3/7
        self.assertNumber('=TOPBOX(A2:A7;8;B2:B7;"重庆";"missing";99)', 1.0)
        self.assertNumber('=TOPBOX(A2:A7;8;"weights";D2:D7;"missing";99)', 3 / 7)
        self.assertEqual(self.formula('=TOPBOX(A2:A7;"high";"missing";99)')[0], ERR_ILLEGAL_ARGUMENT)

    def test_difficulty_invalid_is_an_error_or_skipped(self):
        # 99 is outside 0-10: Err:502 by default
        self.assertEqual(self.formula("=DIFFICULTY(A2:A7)")[0], ERR_ILLEGAL_ARGUMENT)
        self.assertNumber('=DIFFICULTY(A2:A7;"invalid";"skip")', 7.0)

    def test_difficulty_criteria_and_weights(self):
        # 重庆 rows: 9 and 8 → 8.5; weighted (1*9 + 2*8)/3 = 25/3
        self.assertNumber('=DIFFICULTY(A2:A7;B2:B7;"重庆";"missing";99)', 8.5)
        self.assertNumber('=DIFFICULTY(A2:A7;B2:B7;"重庆";"weights";D2:D7;"missing";99)', 25 / 3)
        # full-width, case-folded text: ＳＨＡＮＧＨＡＩ matches "shanghai" → 7
        self.assertNumber('=DIFFICULTY(A2:A7;B2:B7;"Shanghai";"missing";99)', 7.0)
        # two criteria (AND): 大型 and score < 50 → 4
        self.assertNumber('=DIFFICULTY(A2:A7;E2:E7;"大型";A2:A7;"<50")', 4.0)

    def test_difficulty_no_data_is_na(self):
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;B2:B7;"西藏")')[0], ERR_NA)
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;"missing";99;"min_n";5)')[0], ERR_NA)

    def test_bad_arguments(self):
        # ranges of different heights, unknown option, odd pairs, negative weight
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;B2:B6;"重庆")')[0], ERR_ILLEGAL_ARGUMENT)
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;"wieghts";D2:D7)')[0], ERR_ILLEGAL_ARGUMENT)
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;B2:B7)')[0], ERR_ILLEGAL_ARGUMENT)
        self.assertEqual(self.formula('=DIFFICULTY(A2:A7;"weights";{1;1;1;1;1;-1};"missing";99)')[0],
                         ERR_ILLEGAL_ARGUMENT)

    def test_error_cell_in_range(self):
        # The data range is read by the add-in (XCellRange): an error cell in it gives no
        # figure (Err:502, as AVERAGE gives none) and DATACHECK names the cell.
        self.sheet.getCellRangeByName("J2").setFormula("=1/0")
        self.sheet.getCellRangeByName("J3").setValue(5)
        self.assertEqual(self.formula("=DIFFICULTY(J2:J3)")[0], ERR_ILLEGAL_ARGUMENT)
        self.assertIn("(first at Sheet1.J2)", self.formula('=DATACHECK(J2:J3;"scores")')[1])

    def test_mentionrate(self):
        # answered rows: 5 (row 5 blank). code 1 in rows 2 and 7 → 2/5; "1" never matches "11"
        self.assertNumber('=MENTIONRATE(C2:C7;1)', 0.4)
        self.assertNumber('=MENTIONRATE(C2:C7;"3")', 0.6)
        self.assertNumber('=MENTIONRATE(C2:C7;11)', 0.2)
        # base "all": rows with any non-blank cell among the call's ranges (C and B) → 6; code 3: 3/6
        self.assertNumber('=MENTIONRATE(C2:C7;3;"base";"all";B2:B7;"<>")', 0.5)
        # weighted: code 1 weights 1+3 over answered weights 1+2+1+1+3 = 8 → 0.5
        self.assertNumber('=MENTIONRATE(C2:C7;1;"weights";D2:D7)', 0.5)
        # a criterion: 北京 rows answered 2, code 2 in both → 1
        self.assertNumber('=MENTIONRATE(C2:C7;2;B2:B7;"北京")', 1.0)
        self.assertEqual(self.formula('=MENTIONRATE(C2:C7;9;B2:B7;"西藏")')[0], ERR_NA)

    def test_mentionrate_dichotomy_block(self):
        fill(self.sheet, "L1", [[1, 0], [0, "是"], [None, None], ["否", 1]])
        # answered rows 1, 2, 4; option 2 mentioned in rows 2 and 4 → 2/3
        self.assertNumber("=MENTIONRATE(L1:M4;2)", 2 / 3)
        self.assertEqual(self.formula("=MENTIONRATE(L1:M4;3)")[0], ERR_ILLEGAL_ARGUMENT)

    def test_mentioncount_share_rate(self):
        # code 3 mentioned in rows 2, 3, 4 → 3; weighted 1 + 2 + 1 = 4
        self.assertNumber("=MENTIONCOUNT(C2:C7;3)", 3.0)
        self.assertNumber('=MENTIONCOUNT(C2:C7;3;"weights";D2:D7)', 4.0)
        # size: 6 answered, 中型 in 2 → 1/3; 小型 or 大型 → 4/6
        self.assertNumber('=SHARE(E2:E7;"中型")', 1 / 3)
        self.assertNumber('=SHARE(E2:E7;"小型|大型")', 4 / 6)
        # ratio of sums: (80 + 1) / (100 + 10); the blank-denominator row is left out
        fill(self.sheet, "P1", [[80, 100], [1, 10], [5, None]])
        self.assertNumber("=SUMRATIO(P1:P3;Q1:Q3)", 81 / 110)
        self.assertEqual(self.formula("=SUMRATIO(P3;Q3)")[0], ERR_NA)

    def test_datacheck_sentence(self):
        err, text = self.formula('=DATACHECK(A2:A7;"scores")')
        self.assertEqual(err, 0)
        self.assertEqual(text, "4 valid, 1 missing (1 blank, 0 missing code), 1 invalid: Sheet1.A6 = 99 (outside 0-10)")  # the sheet address, not the 5th row of A2:A7
        err, text = self.formula('=DATACHECK(A2:A7;"scores";B2:B6;"x")')
        self.assertIn("every range in one call must have the same height", text)

    def test_wjx_export_conventions(self):
        # A 问卷星 "按选项文本" export: ┋ between the answers of a multiple-choice
        # question, (跳过)/（空） for no answer. Answered rows: S1, S2 → option 2 in S1 only: 1/2
        fill(self.sheet, "S1", [["外地员工返岗需隔离┋上下游产业链难以协同复工", "否", 7],
                                ["外地员工返岗需隔离", "是", "(跳过)"],
                                ["(跳过)", "（跳过）", 8],
                                ["（空）", "否", None]])
        self.assertNumber('=MENTIONRATE(S1:S4;"上下游产业链难以协同复工")', 0.5)
        self.assertNumber('=MENTIONRATE(S1:S4;"外地员工返岗需隔离")', 1.0)
        # SHARE's base: 否, 是, 否 (the skipped row is no answer) → 否 = 2/3, not 2/4
        self.assertNumber('=SHARE(T1:T4;"否")', 2 / 3)
        # DIFFICULTY: (7 + 8) / 2, not Err:502
        self.assertNumber("=DIFFICULTY(U1:U4)", 7.5)
        err, text = self.formula('=DATACHECK(U1:U4;"scores")')
        self.assertEqual(text, "2 valid, 2 missing (1 blank, 1 skipped (跳过), 0 missing code), 0 invalid.")

    def test_function_wizard_descriptions(self):
        listed = self.office.function_descriptions()
        found = {f["Name"]: f for f in listed if f["Name"] in ("DIFFICULTY", "MENTIONRATE")}
        self.assertEqual(set(found), {"DIFFICULTY", "MENTIONRATE"})
        d = found["DIFFICULTY"]
        # Every catalog function is listed exactly once, in the Add-in group: a
        # built-in of the same name (Calc's financial RATE) would shadow it.
        from collections import Counter
        names = Counter(f["Name"] for f in listed)
        catalog = [l.split("(")[0][3:] for l in open(os.path.join(os.environ["SURVEYCALC_SOURCE_DIR"], "docs",
                                                                        "FUNCTIONS.md"), encoding="utf-8")
                   if l.startswith("## ") and l[3:].split("(")[0].isupper()]
        self.assertGreaterEqual(len(catalog), 2)
        for name in catalog:
            self.assertEqual(names[name], 1, name)
        self.assertIn("Mean of the valid scores", d["Description"])
        self.assertEqual(d["Category"], 11)  # Calc's "Add-in" group (ID_FUNCTION_GRP_ADDINS), not Statistical (8)
        names = [a.Name for a in d["Arguments"]]
        self.assertEqual(names[:3], ["scores", "key1", "value1"])
        self.assertEqual(len(names), 1 + 2 * 12)
        self.assertIn("Column of scores", d["Arguments"][0].Description)
        m = found["MENTIONRATE"]
        self.assertEqual([a.Name for a in m["Arguments"]][:3], ["responses", "answer", "key1"])
        # Calc labels the answer (an `any`) optional: its description says it is required.
        self.assertTrue(m["Arguments"][1].Description.startswith("Required. The answer to count"))
        self.assertTrue(d["Arguments"][0].Description.startswith("Column of scores"))  # a range: required anyway


if __name__ == "__main__":
    unittest.main(verbosity=2)
