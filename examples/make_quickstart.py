"""Builds examples/quickstart.ods: a small survey sheet typed as people type it,
and a Results sheet whose figures are surveycalc formulas.

    /usr/bin/python3 examples/make_quickstart.py build/surveycalc.oxt examples/quickstart.ods
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))

from office import Office, fill  # noqa: E402

DATA = [
    ["id", "province", "size", "difficulty", "obstacles", "weight"],
    [1, "重庆", "小型", 9, "外地员工返岗需隔离、防护资源难以充足准备", 1.0],
    [2, "重庆市", "微型", 10, "当地政府严格限制开复工；外地员工返岗需隔离", 1.0],
    [3, "上海", "中型", 7, "客户资源受损", 1.5],
    [4, "上海市", "大型", "６", "外地员工返岗需隔离，远程办公无法实现", 2.0],
    [5, "江苏", "小型", 6, "", 1.0],
    [6, "江苏南京", "中型", 99, "防护资源难以充足准备", 1.0],
    [7, "广东深圳", "小型", 7, "外地员工返岗需隔离、客户资源受损", 1.0],
    [8, "深圳市", "微型", 8, "上下游产业链难以协同复工", 0.5],
    [9, "北京", "大型", 5, "上下游产业链难以协同复工|客户资源受损", 2.0],
    [10, "北京市", "中型", " 6 ", "外地员工返岗需隔离", 1.5],
    [11, "浙江杭州", "小型", 8, "防护资源难以充足准备、外地员工返岗需隔离", 1.0],
    [12, "湖北", "微型", 10, "当地政府严格限制开复工", 1.0],
]

RESULTS = [
    ["figure", "formula"],
    ["mean difficulty, all firms (99 = no answer)", '=DIFFICULTY(Data.D2:D13;"missing";"99")'],
    ["mean difficulty, small firms", '=DIFFICULTY(Data.D2:D13;Data.C2:C13;"小型";"missing";"99")'],
    ["mean difficulty, weighted", '=DIFFICULTY(Data.D2:D13;"weights";Data.F2:F13;"missing";"99")'],
    ["mean difficulty, 西藏 (no sample)", '=DIFFICULTY(Data.D2:D13;Data.B2:B13;"西藏";"missing";"99")'],
    ["mention rate: 外地员工返岗需隔离 (base: answered)", '=MENTIONRATE(Data.E2:E13;"外地员工返岗需隔离")'],
    ["mention rate: 外地员工返岗需隔离 (base: all firms)",
     '=MENTIONRATE(Data.E2:E13;"外地员工返岗需隔离";"base";"all";Data.A2:A13;"<>")'],
    ["mention rate: 客户资源受损, medium and large", '=MENTIONRATE(Data.E2:E13;"客户资源受损";Data.C2:C13;"中型|大型")'],
]


def main(oxt, out):
    with Office(oxt) as office:
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        sheets.getByIndex(0).setName("Data")
        sheets.insertNewByName("Results", 1)
        fill(sheets.getByName("Data"), "A1", DATA)
        res = sheets.getByName("Results")
        for i, (label, formula) in enumerate(RESULTS):
            res.getCellByPosition(0, i).setString(label)
            if i == 0:
                res.getCellByPosition(1, i).setString("value")
                res.getCellByPosition(2, i).setString(formula)
            else:
                res.getCellByPosition(1, i).setFormula(formula)
                res.getCellByPosition(2, i).setString(formula)
        # percent format for the mention rates
        fmt = doc.NumberFormats.queryKey("0.0%", doc.CharLocale, False)
        if fmt == -1:
            fmt = doc.NumberFormats.addNew("0.0%", doc.CharLocale)
        res.getCellRangeByName("B6:B8").NumberFormat = fmt
        res.getCellRangeByName("B2:B5").NumberFormat = doc.NumberFormats.queryKey("0.00", doc.CharLocale, False)
        res.getColumns().getByIndex(0).Width = 11000
        doc.calculateAll()
        office.save_as(doc, out)
        doc.close(True)
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
