"""End-to-end: with a Chinese (zh-CN) UI, the function wizard shows the
catalog's Chinese descriptions, while the function names stay English and a
formula typed with them computes."""
import os
import unittest

from office import Office, column, value

OXT = os.environ["SURVEYCALC_OXT"]


class ChineseUI(unittest.TestCase):
    def test_descriptions_in_chinese_and_english_names(self):
        with Office(OXT, ui_locale="zh-CN") as office:
            found = {f["Name"]: f for f in office.function_descriptions()
                     if f["Name"] in ("DIFFICULTY", "MENTIONRATE")}
            self.assertEqual(set(found), {"DIFFICULTY", "MENTIONRATE"})
            self.assertIn("提及率", found["MENTIONRATE"]["Description"])
            # Every description but DATACHECK's ends with the hint to ask DATACHECK, in the UI language.
            everything = {f["Name"]: f["Description"] for f in office.function_descriptions()}
            for name in ("DIFFICULTY", "MENTIONRATE", "GROUPTABLE", "PROVINCE"):
                self.assertTrue(everything[name].endswith("用相同的数据区域和参数对调用 DATACHECK 可查看原因。"), name)
            self.assertNotIn("Err:502？", everything["DATACHECK"])
            self.assertEqual([a.Name for a in found["DIFFICULTY"]["Arguments"]][:3], ["分值", "参数1", "值1"])
            doc = office.new_spreadsheet()
            sheet = doc.Sheets.getByIndex(0)
            column(sheet, "A1", [2, 4, "６"])
            sheet.getCellRangeByName("B1").setFormula("=DIFFICULTY(A1:A3)")
            doc.calculateAll()
            self.assertEqual(value(sheet, "B1"), (0, 4.0))  # (2 + 4 + 6) / 3
            # DATACHECK speaks the UI language
            sheet.getCellRangeByName("A4").setString("九")
            sheet.getCellRangeByName("B2").setFormula('=DATACHECK(A1:A4;"scores")')
            doc.calculateAll()
            self.assertEqual(value(sheet, "B2"),
                             (0, "有效 3，缺失 0（空白 0，缺失代码 0），无效 1：工作表1.A4 = '九'（不是数字）"))
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
