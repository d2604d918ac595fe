"""End-to-end: real survey exports as analysts download them (issue 9), in a real
headless Calc with the built extension.

- examples/wjx_export.ods: a 问卷星 "按选项文本下载" export and its 报告 sheet.
  Every figure of the report must equal the one computed here, in plain Python,
  over examples/data/wjx_export.csv (the same rows): split on ┋, drop 〖…〗,
  (跳过)/(空) are no answer, province from the first segment of the place text.
- an ODK/KoboToolbox-shaped sheet (select_multiple as space-separated names,
  the choices table as "labels", Kobo's 1/0 split columns);
- a SurveyMonkey-shaped sheet (one column per option holding the option's text);
- a 问卷星 "按选项序号下载" (codes) sheet with a Codes sheet (code, label).

No expected value comes from the add-in."""
import csv
import os
import re
import unittest

from office import ERR_ILLEGAL_ARGUMENT, Office, fill, value

OXT = os.environ["SURVEYCALC_OXT"]
SOURCE = os.environ["SURVEYCALC_SOURCE_DIR"]
ODS = os.path.join(SOURCE, "examples", "wjx_export.ods")
CSV = os.path.join(SOURCE, "examples", "data", "wjx_export.csv")
TOL = 1e-9

# ---------------------------------------------------------------------------------------------
# The independent reading of a 问卷星 text export.
NO_ANSWER = {"", "(跳过)", "（跳过）", "(空)", "（空）"}

# first segment of a place text (region question or IP location) -> province
PROVINCE_OF = {"广东省": "广东省", "广东": "广东省", "北京": "北京市", "天津": "天津市", "上海": "上海市",
               "江苏省": "江苏省", "江苏": "江苏省", "浙江省": "浙江省", "浙江": "浙江省", "重庆": "重庆市",
               "湖北省": "湖北省", "湖北": "湖北省", "四川省": "四川省", "四川": "四川省"}
UNKNOWN_PLACES = {"未知", "美国"}  # the IP column's unknown place and a foreign one
PRD_CITIES = {"广州", "深圳", "珠海", "佛山", "江门", "肇庆", "惠州", "东莞", "中山"}
YRD = {"上海市", "江苏省", "浙江省", "安徽省"}
JJJ = {"北京市", "天津市", "河北省"}
# the options of question 4 in the questionnaire's order (codes 1-9 in the code download)
WJX_OPTIONS = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "当地政府严格限制开复工",
               "客户资源受损", "物流不畅通", "资金周转困难", "远程办公无法实现", "其他"]
SIZES = ["微型", "小型", "中型", "大型"]


def missing(cell):
    return cell.strip() in NO_ANSWER


def answers(cell):
    """The answers of a multiple-choice cell: None when there is no answer."""
    if missing(cell):
        return None
    parts = re.sub("〖[^〗]*〗", "", cell).split("┋")
    return {p.strip() for p in parts if p.strip()}


def region_province(cell):
    return PROVINCE_OF[cell.split("-")[0]]


def ip_province(cell):
    place = re.search(r"\(([^()]*)\)$", cell).group(1)
    first = place.split("-")[0]
    if first in UNKNOWN_PLACES:
        return None
    return PROVINCE_OF[first]


def circle(region_cell):
    p = region_province(region_cell)
    if p in YRD:
        return "长三角"
    if p in JJJ:
        return "京津冀"
    if p == "广东省" and region_cell.split("-")[1].rstrip("市") in PRD_CITIES:
        return "珠三角"
    return None


def code_answers(cell):
    """A text answer's codes in the code download: its position among the options, from 1."""
    a = answers(cell)
    return None if a is None else {WJX_OPTIONS.index(o) + 1 for o in a}


def number(cell):
    return None if missing(cell) else float(cell)


def mean(xs):
    return sum(xs) / len(xs)


def load_export():
    with open(CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(header)}
    return header, data, col


class WjxExpected:
    """The report's figures computed from the CSV."""

    def __init__(self):
        self.header, self.data, col = load_export()
        c = lambda prefix: next(i for h, i in col.items() if h.startswith(prefix))  # noqa: E731
        self.ip, self.region, self.size, self.score = col["来自IP"], c("1、"), c("2、"), c("3、")
        self.obst, self.resumed, self.returned, self.total = c("4、"), c("5、"), c("6、"), c("7、")

    def scores(self, keep=lambda r: True):
        return [number(r[self.score]) for r in self.data if keep(r) and number(r[self.score]) is not None]

    def difficulty(self, keep=lambda r: True):
        return mean(self.scores(keep))

    def mention_rate(self, option, keep=lambda r: True):
        base = [answers(r[self.obst]) for r in self.data if keep(r) and answers(r[self.obst]) is not None]
        return sum(option in a for a in base) / len(base), len(base)

    def share(self, v):
        answered = [r[self.resumed].strip() for r in self.data if not missing(r[self.resumed])]
        return answered.count(v) / len(answered)

    def sumratio(self):
        pairs = [(number(r[self.returned]), number(r[self.total])) for r in self.data]
        pairs = [(a, b) for a, b in pairs if b is not None]  # a blank denominator leaves the row out
        return sum(a for a, _ in pairs) / sum(b for _, b in pairs)


def read_array(sheet, name):
    """Cells of a range as (error, value) with '' for an empty (padded) cell."""
    rng = sheet.getCellRangeByName(name)
    a = rng.getRangeAddress()
    out = []
    for r in range(a.StartRow, a.EndRow + 1):
        line = []
        for c in range(a.StartColumn, a.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            ref = cell.AbsoluteName.split(".")[-1].replace("$", "")
            err, v = value(sheet, ref)
            if not err and cell.getString() == "" and not isinstance(v, str):
                v = ""
            line.append((err, v))
        out.append(line)
    return out


class Exports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).__enter__()
        try:
            cls.wjx = WjxExpected()
            cls.report_doc = cls.office.load(ODS)
            cls.report_doc.calculateAll()
            cls.doc = cls.office.new_spreadsheet()
            cls.sheet = cls.doc.Sheets.getByIndex(0)
            cls.build_sheets()
        except BaseException:
            cls.office.__exit__(None, None, None)  # tearDownClass does not run
            raise

    @classmethod
    def tearDownClass(cls):
        cls.report_doc.close(True)
        cls.doc.close(True)
        cls.office.__exit__(None, None, None)

    # -- helpers -------------------------------------------------------------------------------
    def formula(self, f, sheet=None, cell="Z1"):
        sheet = sheet or self.sheet
        sheet.getCellRangeByName(cell).setFormula(f)
        self.doc.calculateAll()
        return value(sheet, cell)

    def assertNumber(self, f, expected, sheet=None):
        err, v = self.formula(f, sheet)
        self.assertEqual(err, 0, "%s gave error %s, expected %r" % (f, err, expected))
        self.assertAlmostEqual(v, expected, delta=TOL, msg=f)

    def assertError(self, f, code=ERR_ILLEGAL_ARGUMENT, sheet=None):
        err, v = self.formula(f, sheet)
        self.assertEqual(err, code, "%s gave %r, expected error %s" % (f, v, code))

    def text(self, f, sheet=None):
        err, v = self.formula(f, sheet)
        self.assertEqual(err, 0, "%s gave error %s" % (f, err))
        self.assertIsInstance(v, str, f)
        return v

    def array(self, target, formula, sheet=None):
        sheet = sheet or self.sheet
        sheet.getCellRangeByName(target).setArrayFormula(formula)
        self.doc.calculateAll()
        return read_array(sheet, target)

    # =========================================================================================
    # 1. The 问卷星 text export and its report
    # =========================================================================================
    def test_wjx_workbook_holds_the_csv_rows(self):
        # The export sheet is the CSV, cell for cell: numbers as numbers, the rest as text.
        sheet = self.report_doc.Sheets.getByIndex(0)
        header, data, _ = load_export()
        self.assertEqual(header[:6], ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"])
        self.assertTrue(all(re.match(r"\d+、", h) for h in header[6:]), header)
        self.assertGreaterEqual(len(data), 40)
        for i, row in enumerate([header] + data):
            for j, want in enumerate(row):
                cell = sheet.getCellByPosition(j, i)
                if re.fullmatch(r"-?\d+(\.\d+)?", want) and i > 0:
                    self.assertEqual(cell.getValue(), float(want), (i, j))
                    self.assertEqual(cell.getString(), want, (i, j))
                else:
                    self.assertEqual(cell.getString(), want, (i, j))
        self.assertEqual(sheet.getCellByPosition(0, len(data) + 1).getString(), "")
        # every convention is present in the rows
        flat = [c for r in data for c in r]
        for needle in ("┋", "其他〖物流不通，缺人〗", "(跳过)", "(空)", "(未知)", "(广东-深圳)"):
            self.assertTrue(any(needle in c for c in flat), needle)
        regions = {r[self.wjx.region] for r in data}
        for want in ("广东省-深圳市-南山区", "广东-广州-天河区", "北京-朝阳区", "重庆-渝中区"):
            self.assertIn(want, regions)

    def report_figures(self):
        """(label, (error, value)) of every figure in column B of 报告."""
        rep = self.report_doc.Sheets.getByName("报告")
        out = []
        for r in range(1, 200):
            label = rep.getCellByPosition(0, r).getString()
            if not label:
                continue
            out.append((label, value(rep, "B%d" % (r + 1))))
        return out

    def expected_figure(self, label):
        w = self.wjx
        m = re.fullmatch(r"平均难度：(.+)（按(所在地区|IP属地)）", label)
        if m:
            prov, by = m.groups()
            if by == "所在地区":
                return w.difficulty(lambda r: region_province(r[w.region]) == prov)
            return w.difficulty(lambda r: ip_province(r[w.ip]) == prov)
        m = re.fullmatch(r"提及率：(.+)", label)
        if m:
            return w.mention_rate(m.group(1))[0]
        fixed = {
            "平均难度（全部企业）": lambda: w.difficulty(),
            "尚未全面复工企业占比（否）": lambda: w.share("否"),
            "员工返岗率（返岗人数合计/员工总数合计）": lambda: w.sumratio(),
        }
        if label in fixed:
            return fixed[label]()
        raise KeyError(label)

    def test_wjx_report_figures(self):
        figures = self.report_figures()
        self.assertGreaterEqual(len(figures), 20)
        failures = []
        checked = 0
        for label, (err, got) in figures:
            if label.startswith("数据检查") or label == "指标":
                continue
            want = self.expected_figure(label)  # KeyError: a figure the test does not know
            checked += 1
            if err or abs(got - want) > TOL:
                failures.append("%s: expected %r, got %s" % (label, want, "Err:%d" % err if err else repr(got)))
        self.assertGreaterEqual(checked, 20)
        self.assertEqual(failures, [], "\n".join(failures))

    def test_wjx_report_has_every_kind_of_figure(self):
        labels = [l for l, _ in self.report_figures()]
        self.assertIn("提及率：其他", labels)
        self.assertTrue(any("按IP属地" in l for l in labels))
        self.assertTrue(any("按所在地区" in l for l in labels))
        rep = self.report_doc.Sheets.getByName("报告")
        formulas = " ".join(rep.getCellByPosition(c, r).getFormula() for r in range(60) for c in range(8))
        for fn in ("DIFFICULTY", "MENTIONRATE", "SHARE", "SUMRATIO", "GROUPTABLE", "CROSSTAB", "DATACHECK"):
            self.assertIn(fn, formulas.upper())

    def test_wjx_report_spot_values(self):
        # A few figures by hand, so the independent reader above is itself checked.
        # 其他: rows 3, 7, 9, 15, 18, 22, 32, 36, 40, 47 = 10 of 47 answered (row 12 is (空)).
        self.assertEqual(self.wjx.mention_rate("其他"), (10 / 47, 47))
        # 否: 14 of 47 answered (row 26 is (空)).
        self.assertAlmostEqual(self.wjx.share("否"), 14 / 47, delta=TOL)
        # difficulty: 46 valid scores (rows 5 and 29 are (空))
        self.assertEqual(len(self.wjx.scores()), 46)

    def test_wjx_report_datacheck(self):
        figures = dict(self.report_figures())
        err, s = figures["数据检查：3、难度"]
        self.assertEqual((err, s), (0, "46 valid, 2 missing (0 blank, 2 empty (空), 0 missing code), 0 invalid."))
        err, s = figures["数据检查：4、主要困难"]
        self.assertEqual(err, 0)
        # 47 answered, 1 (空); 9 distinct answers once 其他〖…〗 is 其他 (issue 9 item 3)
        self.assertTrue(s.startswith("47 answered, 0 blank, 1 empty (空), 0 missing code"), s)
        self.assertIn("9 distinct answers", s)
        self.assertIn("其他 10", s)
        self.assertNotIn("其他〖", s)  # no 其他〖text〗 among the answers listed
        self.assertTrue("问卷星" in s or "wjx" in s.lower(), s)  # names the convention it recognises (item 9)

    def test_wjx_report_grouptable(self):
        rep = self.report_doc.Sheets.getByName("报告")
        t = read_array(rep, "E2:G13")
        got = [r for r in t if r[0][1] != ""]
        w = self.wjx
        by_prov = {}
        for r in w.data:
            s = number(r[w.score])
            if s is not None:
                by_prov.setdefault(region_province(r[w.region]), []).append(s)
        want = {p: (len(v), mean(v)) for p, v in by_prov.items()}
        self.assertEqual(len(got), len(want), got)
        for (e0, label), (e1, n), (e2, m) in got:
            self.assertEqual((e0, e1, e2), (0, 0, 0), got)
            self.assertIn(label, want)
            self.assertEqual(n, want[label][0], label)
            self.assertAlmostEqual(m, want[label][1], delta=TOL, msg=label)
        means = [r[2][1] for r in got]
        self.assertEqual(means, sorted(means, reverse=True))  # highest mean first
        for r in t[len(got):]:
            self.assertEqual(r, [(0, "")] * 3)  # padded by "rows", not #N/A

    def test_wjx_report_crosstab_by_circles(self):
        rep = self.report_doc.Sheets.getByName("报告")
        t = read_array(rep, "E17:H27")
        w = self.wjx
        base, hits = {}, {}
        for r in w.data:
            a = answers(r[w.obst])
            c = circle(r[w.region])
            if a is None or c is None:
                continue
            base[c] = base.get(c, 0) + 1
            for o in a:
                hits.setdefault(o, {}).setdefault(c, 0)
                hits[o][c] += 1
        header = [v for _, v in t[0] if v != ""]
        self.assertEqual(t[0][0], (0, ""))
        self.assertEqual(sorted(header), sorted(base))
        bases = [base[c] for c in header]
        self.assertEqual(bases, sorted(bases, reverse=True))  # largest group first
        rows = [r for r in t[1:] if r[0][1] != ""]
        labels = [r[0][1] for r in rows]
        self.assertEqual(sorted(labels), sorted(hits), labels)  # 其他〖…〗 is the row 其他
        for r in rows:
            o = r[0][1]
            for j, c in enumerate(header, start=1):
                self.assertEqual(r[j][0], 0, (o, c))
                self.assertAlmostEqual(r[j][1], hits[o].get(c, 0) / base[c], delta=TOL, msg=(o, c))
        totals = [sum(hits[o].values()) for o in labels]
        self.assertEqual(totals, sorted(totals, reverse=True))  # most mentioned first

    def test_wjx_places_in_the_export(self):
        # PROVINCE on the export's own cells: the region question and the IP column.
        w = self.wjx
        for r in w.data[:12]:
            self.assertEqual(self.formula('=PROVINCE("%s")' % r[w.region]), (0, region_province(r[w.region])),
                             r[w.region])
            want = ip_province(r[w.ip]) or ""
            self.assertEqual(self.formula('=PROVINCE("%s")' % r[w.ip]), (0, want), r[w.ip])
        self.assertEqual(self.formula('=CITY("61.141.23.8(广东-深圳)")'), (0, "深圳市"))
        self.assertEqual(self.formula('=PROVINCE("223.104.63.199(美国)")'), (0, ""))

    def test_wjx_other_specify_in_a_single_choice(self):
        # 5、是否已全面复工 with an 其他 option taking a text; the score beside it
        fill(self.sheet, "AH1", [["是", 5], ["否", 7], ["其他〖部分复工，线上为主〗", 8], ["其他〖只开了仓库〗", 6],
                                 ["否", 4], ["(跳过)", 9], ["（空）", 3]])
        # answered: 是, 否, 其他, 其他, 否 = 5; 其他 = 2 of them
        self.assertNumber('=SHARE(AH1:AH7;"其他")', 2 / 5)
        self.assertNumber('=DIFFICULTY(AI1:AI7;AH1:AH7;"其他")', 7.0)  # (8 + 6) / 2
        self.assertNumber('=MENTIONRATE(AH1:AH7;"其他")', 2 / 5)
        # groups of rows 1-5: 其他 (8, 6), 否 (7, 4), 是 (5) (marks in a group column: the next test)
        t = self.array("AK1:AM4", 'GROUPTABLE(AI1:AI5;AH1:AH5;"by";"text";"rows";4)')
        self.assertEqual(t[:3], [[(0, "其他"), (0, 2.0), (0, 7.0)], [(0, "否"), (0, 2.0), (0, 5.5)],
                                 [(0, "是"), (0, 1.0), (0, 5.0)]])
        self.assertEqual(t[3], [(0, "")] * 3)

    def test_wjx_marks_in_the_group_column(self):
        # (跳过) and (空) in the column a table groups by are no answer, like a blank cell:
        # the row is in no group (issue 9 item 1: "every function, criterion, table").
        fill(self.sheet, "AO1", [["是", 5, "a"], ["否", 7, "a┋b"], ["(跳过)", 9, "b"], ["否", 4, "b"],
                                 ["（空）", 3, "a"], [None, 2, "a"]])
        t = self.array("AS1:AU3", 'GROUPTABLE(AP1:AP6;AO1:AO6;"rows";3)')
        # 否 (7, 4) = 5.5, 是 5
        self.assertEqual(t, [[(0, "否"), (0, 2.0), (0, 5.5)], [(0, "是"), (0, 1.0), (0, 5.0)], [(0, "")] * 3])
        t = self.array("AS5:AU7", 'CROSSTAB(AQ1:AQ6;AO1:AO6;"options";"a;b";"sort";"name";"rows";3;"cols";3)')
        # groups 否 (a┋b, b) and 是 (a) only
        self.assertEqual(sorted(v for _, v in t[0][1:]), ["否", "是"])
        col = {v: j for j, (_, v) in enumerate(t[0]) if j}
        self.assertEqual((t[1][col["否"]], t[2][col["否"]]), ((0, 0.5), (0, 1.0)))
        self.assertEqual((t[1][col["是"]], t[2][col["是"]]), ((0, 1.0), (0, 0.0)))

    # =========================================================================================
    # 2. ODK / KoboToolbox
    # =========================================================================================
    KOBO_NAMES = ["quarantine", "supply_chain", "ppe", "local_gov", "customers", "transport", "other"]
    KOBO_LABELS = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "当地政府严格限制开复工",
                   "客户资源受损", "物流不畅通", "其他"]
    # obstacles (select_multiple, XML values), size; None: the question was not relevant (blank)
    # "quarantine" and "transport" never stand alone, so without "sep" they match no whole answer.
    KOBO_ROWS = [
        ("quarantine transport", "small"), ("supply_chain quarantine", "micro"), ("customers", "small"),
        ("ppe local_gov quarantine", "medium"), (None, "small"), ("local_gov", "micro"),
        ("quarantine customers other", "small"), ("transport supply_chain", "medium"), ("ppe", "small"),
        ("", "micro"),  # answered nothing: split columns all 0
        ("quarantine local_gov", "small"), ("customers transport", "medium"), ("quarantine ppe customers", "small"),
        ("other", "micro"), ("supply_chain", "medium"), ("quarantine transport other", "small"),
        ("local_gov customers", "micro"), ("ppe supply_chain quarantine", "small"), ("customers", "medium"),
        ("transport local_gov", "small"),
    ]

    @classmethod
    def build_sheets(cls):
        sheets = cls.doc.Sheets
        # -- Kobo: data on sheet 1, choices on "choices"
        kobo = sheets.getByIndex(0)
        kobo.setName("kobo")
        header = (["start", "end", "size", "difficulty", "obstacles"] +
                  ["obstacles/" + n for n in cls.KOBO_NAMES] + ["obstacles_other", "_id", "_uuid"])
        rows = [header]
        for i, (obst, size) in enumerate(cls.KOBO_ROWS):
            names = (obst or "").split()
            if obst is None:
                split = [None] * len(cls.KOBO_NAMES)
            else:
                split = [1 if n in names else 0 for n in cls.KOBO_NAMES]
            rows.append(["2020-02-%02dT09:%02d:00.000+08:00" % (19 + i // 8, i), "2020-02-%02dT09:%02d:40.000+08:00"
                         % (19 + i // 8, i), size, 3 + (i * 7) % 8, obst or None] + split +
                        ["订单被取消" if "other" in names else None, 40100 + i, "uuid-%04d" % i])
        fill(kobo, "A1", rows)
        sheets.insertNewByName("choices", 1)
        choices = [["list_name", "name", "label"]] + [["obstacles", n, l] for n, l in
                                                      zip(cls.KOBO_NAMES, cls.KOBO_LABELS)]
        choices += [[None, None, None], ["size", "micro", "微型"], ["size", "small", "小型"], ["size", "medium", "中型"]]
        fill(sheets.getByName("choices"), "A1", choices)
        # a (column number, label) range for the split columns
        fill(sheets.getByName("choices"), "E1", [[i + 1, l] for i, l in enumerate(cls.KOBO_LABELS)])
        # -- SurveyMonkey
        sheets.insertNewByName("monkey", 2)
        fill(sheets.getByName("monkey"), "A1", cls.monkey_rows())
        # -- 问卷星 code download
        sheets.insertNewByName("wjxcodes", 3)
        fill(sheets.getByName("wjxcodes"), "A1", cls.code_rows())
        sheets.insertNewByName("Codes", 4)
        fill(sheets.getByName("Codes"), "A1", [[i + 1, o] for i, o in enumerate(WJX_OPTIONS)])
        fill(sheets.getByName("Codes"), "D1", [[i + 1, s] for i, s in enumerate(SIZES)])
        # a label range with a repeated label (外地员工返岗需隔离 as code 1 and 3)
        fill(sheets.getByName("Codes"), "G1", [[1, WJX_OPTIONS[0]], [2, WJX_OPTIONS[1]], [3, WJX_OPTIONS[0]]])
        # the same labels with blank rows in between
        fill(sheets.getByName("Codes"), "J1", [[1, WJX_OPTIONS[0]], [None, None], [2, WJX_OPTIONS[1]],
                                               [None, None]] + [[i + 1, o] for i, o in enumerate(WJX_OPTIONS)][2:])

    def kobo_expected(self, name, block=False):
        rows = [o for o, _ in self.KOBO_ROWS]
        base = [o.split() for o in rows if o]  # answered; in the block: rows with >= 1 column 1
        return sum(name in a for a in base) / len(base), len(base)

    def test_kobo_select_multiple_with_sep(self):
        n = len(self.KOBO_ROWS) + 1
        # quarantine: rows 1, 2, 4, 7, 11, 13, 16, 18 = 8 of 18 answered
        self.assertEqual(self.kobo_expected("quarantine"), (8 / 18, 18))
        for name in self.KOBO_NAMES:
            rate, _ = self.kobo_expected(name)
            self.assertNumber('=MENTIONRATE(kobo.E2:E%d;"%s";"sep";" ")' % (n, name), rate)
            self.assertNumber('=MENTIONCOUNT(kobo.E2:E%d;"%s";"sep";" ")' % (n, name), rate * 18)

    def test_kobo_choices_as_labels(self):
        n = len(self.KOBO_ROWS) + 1
        for name, label in zip(self.KOBO_NAMES, self.KOBO_LABELS):
            rate, _ = self.kobo_expected(name)
            self.assertNumber('=MENTIONRATE(kobo.E2:E%d;"%s";"sep";" ";"labels";choices.B2:C8)' % (n, label), rate)
            self.assertNumber('=MENTIONRATE(kobo.E2:E%d;"%s";"sep";" ";"labels";choices.B2:C8)' % (n, name), rate)
        # CROSSTAB with "labels" and no "options": rows in the choices' order, shown by label
        t = self.array("AA1:AD9", 'CROSSTAB(kobo.E2:E%d;kobo.C2:C%d;"sep";" ";"labels";choices.B2:C8;"by";"text")'
                       % (n, n))
        self.assertEqual([r[0] for r in t[1:8]], [(0, l) for l in self.KOBO_LABELS])
        sizes = [v for _, v in t[0][1:]]
        self.assertEqual(sorted(sizes), ["medium", "micro", "small"])
        for j, size in enumerate(sizes, start=1):
            base = [o.split() for o, s in self.KOBO_ROWS if o and s == size]
            for i, name in enumerate(self.KOBO_NAMES, start=1):
                self.assertAlmostEqual(t[i][j][1], sum(name in a for a in base) / len(base), delta=TOL,
                                       msg=(name, size))

    def test_kobo_split_columns_block(self):
        n = len(self.KOBO_ROWS) + 1
        block = "kobo.F2:L%d" % n
        for k, (name, label) in enumerate(zip(self.KOBO_NAMES, self.KOBO_LABELS), start=1):
            # base: rows with at least one 1 = 18 (the all-0 row and the blank row are out)
            rate, base = self.kobo_expected(name)
            self.assertEqual(base, 18)
            self.assertNumber("=MENTIONRATE(%s;%d)" % (block, k), rate)
            self.assertNumber('=MENTIONRATE(%s;"%s";"labels";choices.E1:F7)' % (block, label), rate)
            self.assertNumber('=MENTIONCOUNT(%s;%d)' % (block, k), rate * 18)

    def test_kobo_forgotten_sep_is_an_error(self):
        n = len(self.KOBO_ROWS) + 1
        # "quarantine" is a word inside "quarantine transport" but never a whole answer: no silent 0
        self.assertError('=MENTIONRATE(kobo.E2:E%d;"quarantine")' % n)
        self.assertError('=MENTIONRATE(kobo.E2:E%d;"transport")' % n)
        self.assertError('=MENTIONCOUNT(kobo.E2:E%d;"quarantine")' % n)
        s = self.text('=DATACHECK(kobo.E2:E%d;"responses";"answer";"quarantine")' % n)
        self.assertIn("sep", s)
        s = self.text('=DATACHECK(kobo.E2:E%d;"responses")' % n)
        self.assertIn("sep", s)
        self.assertTrue("Kobo" in s or "ODK" in s, s)

    # =========================================================================================
    # 3. SurveyMonkey: one column per option holding the option's text
    # =========================================================================================
    MONKEY_OPTIONS = ["Staff must quarantine", "Supply chain disrupted", "Not enough PPE",
                      "Local government restrictions", "Lost customers"]
    MONKEY_PROVINCE = {"Guangdong": "广东省", "Beijing": "北京市", "Shanghai": "上海市", "Chongqing": "重庆市"}
    # province, chosen option numbers (1-5), other text; an empty set: the question was skipped
    MONKEY_ROWS = [
        ("Guangdong", {1, 2}, None), ("Beijing", {1}, None), ("Shanghai", {2, 5}, "Orders cancelled"),
        ("Guangdong", {3}, None), ("Chongqing", set(), None), ("Beijing", {1, 4}, None),
        ("Guangdong", {1, 5}, "Rent"), ("Shanghai", {4}, None), ("Guangdong", set(), "Cash flow"),
        ("Beijing", set(), None), ("Guangdong", {2, 3, 5}, None), ("Chongqing", {1}, None),
        ("Shanghai", {1, 2}, None), ("Guangdong", {5}, None), ("Beijing", {3, 5}, "Logistics, staff"),
        ("Chongqing", {4, 5}, None), ("Guangdong", {1}, None), ("Shanghai", set(), None),
        ("Guangdong", {2, 4}, None), ("Beijing", {1, 2, 3}, None),
    ]

    @classmethod
    def monkey_rows(cls):
        q = "What are the main obstacles to resuming work? (select all that apply)"
        head1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                 "First Name", "Last Name", "Custom Data 1", "Which province is your company in?", q] + [None] * 5
        head2 = [None] * 9 + ["Response"] + cls.MONKEY_OPTIONS + ["Other (please specify)"]
        rows = [head1, head2]
        for i, (prov, chosen, other) in enumerate(cls.MONKEY_ROWS):
            rows.append([11400000000.0 + i, 250000000.0, "02/19/2020 09:%02d:11 AM" % i, "02/19/2020 09:%02d:58 AM" % i,
                         "61.141.23.%d" % (i + 2), None, None, None, None, prov] +
                        [o if k in chosen else None for k, o in enumerate(cls.MONKEY_OPTIONS, start=1)] + [other])
        return rows

    def monkey_expected(self, k, keep=lambda prov: True):
        """Rate of column k (1-6) over rows with at least one chosen column."""
        chosen = [(c | ({6} if o else set())) for p, c, o in self.MONKEY_ROWS if keep(p)]
        base = [c for c in chosen if c]
        return sum(k in c for c in base) / len(base), len(base)

    def test_monkey_by_label_and_column_number(self):
        block = "monkey.K3:P22"
        # base: 20 rows less the 3 that chose nothing (rows 5, 10, 18; row 9 chose Other only: in)
        self.assertEqual(self.monkey_expected(1)[1], 17)
        for k, label in enumerate(self.MONKEY_OPTIONS, start=1):
            rate, base = self.monkey_expected(k)
            self.assertNumber('=MENTIONRATE(%s;"%s")' % (block, label), rate)
            self.assertNumber("=MENTIONRATE(%s;%d)" % (block, k), rate)
            self.assertNumber('=MENTIONCOUNT(%s;"%s")' % (block, label), rate * base)
        # Other (please specify): the column holds the typed text, so by column number
        rate, _ = self.monkey_expected(6)
        self.assertAlmostEqual(rate, 4 / 17, delta=TOL)
        self.assertNumber("=MENTIONRATE(%s;6)" % block, rate)
        # a text no column holds is an error, not 0 (no silent zero)
        self.assertError('=MENTIONRATE(%s;"Other (please specify)")' % block)
        # a criterion on the province column
        rate, _ = self.monkey_expected(1, lambda p: p == "Beijing")
        self.assertNumber('=MENTIONRATE(%s;"Staff must quarantine";monkey.J3:J22;"北京")' % block, rate)

    def test_monkey_crosstab_on_the_block(self):
        t = self.array("AA20:AE28", 'CROSSTAB(monkey.K3:P22;monkey.J3:J22;"by";"province")')
        # one row per column, in column order, labelled by the text the column's cells hold
        self.assertEqual([r[0] for r in t[1:6]], [(0, o) for o in self.MONKEY_OPTIONS])
        header = [v for _, v in t[0][1:]]
        self.assertEqual(sorted(header), sorted(self.MONKEY_PROVINCE.values()))
        for j, prov in enumerate(header, start=1):
            name = next(k for k, v in self.MONKEY_PROVINCE.items() if v == prov)
            for k in range(1, 7):
                want, _ = self.monkey_expected(k, lambda p: p == name)
                self.assertEqual(t[k][j][0], 0, (k, prov))
                self.assertAlmostEqual(t[k][j][1], want, delta=TOL, msg=(k, prov))
        # with "options": those labels, same figures
        t2 = self.array("AA30:AE38", 'CROSSTAB(monkey.K3:P22;monkey.J3:J22;"by";"province";"options";'
                                     '"隔离;产业链;防护;政府;客户;其他")')
        self.assertEqual([r[0][1] for r in t2[1:7]], ["隔离", "产业链", "防护", "政府", "客户", "其他"])
        self.assertEqual([r[1:] for r in t2[1:7]], [r[1:] for r in t[1:7]])

    # =========================================================================================
    # 4. 问卷星 code download ("按选项序号下载"): 1┋3┋8 and a Codes sheet
    # =========================================================================================
    @classmethod
    def code_rows(cls):
        """The first 40 rows of the text export, as the code download writes them:
        (序号 … 来自IP, 困难 as codes "1┋3┋8" (one code: a number), 地区, 规模 code, 难度)."""
        header, data, _ = load_export()
        w = WjxExpected()
        head = header[:6] + ["1、目前面临的主要困难（多选）：", "2、贵企业所在地区：", "3、企业规模：", "4、复工复产难度（0-10分）："]
        out = [head]
        for r in data[:40]:
            codes = code_answers(r[w.obst])
            obst = "(空)" if codes is None else "┋".join(str(c) for c in sorted(codes))
            out.append([float(r[0])] + r[1:6] + [float(obst) if obst.isdigit() else obst, r[w.region],
                                                 float(SIZES.index(r[w.size]) + 1), number(r[w.score])])
        return out

    def code_data(self):
        """(codes or None, region, size code, score or None) of the 40 rows, from the CSV."""
        w = self.wjx
        return [(code_answers(r[w.obst]), r[w.region], SIZES.index(r[w.size]) + 1, number(r[w.score]))
                for r in w.data[:40]]

    def codes_expected(self, code, keep=lambda row: True):
        base = [row[0] for row in self.code_data() if keep(row) and row[0] is not None]
        return sum(code in a for a in base) / len(base), len(base)

    def test_wjx_codes_with_labels(self):
        rate, base = self.codes_expected(1)
        self.assertEqual(base, 39)  # 40 rows, one (空)
        self.assertNumber('=MENTIONRATE(wjxcodes.G2:G41;"外地员工返岗需隔离";"labels";Codes.A1:B9)', rate)
        self.assertNumber("=MENTIONRATE(wjxcodes.G2:G41;1)", rate)
        self.assertNumber('=MENTIONRATE(wjxcodes.G2:G41;"1";"labels";Codes.A1:B9)', rate)
        for code, label in enumerate(WJX_OPTIONS, start=1):
            rate, _ = self.codes_expected(code)
            self.assertNumber('=MENTIONRATE(wjxcodes.G2:G41;"%s";"labels";Codes.A1:B9)' % label, rate)
            # blank rows in the labels range change nothing
            self.assertNumber('=MENTIONRATE(wjxcodes.G2:G41;"%s";"labels";Codes.J1:K11)' % label, rate)

    def test_wjx_codes_text_option_without_labels_is_an_error(self):
        # every answer is a number: a text option cannot match; an error, not 0
        self.assertError('=MENTIONRATE(wjxcodes.G2:G41;"外地员工返岗需隔离")')
        self.assertError('=MENTIONCOUNT(wjxcodes.G2:G41;"外地员工返岗需隔离")')
        s = self.text('=DATACHECK(wjxcodes.G2:G41;"responses";"answer";"外地员工返岗需隔离")')
        self.assertIn("labels", s)

    def test_wjx_codes_bad_labels(self):
        self.assertError('=MENTIONRATE(wjxcodes.G2:G41;1;"labels";Codes.G1:H3)')
        s = self.text('=DATACHECK(wjxcodes.G2:G41;"responses";"labels";Codes.G1:H3)')
        self.assertIn("外地员工返岗需隔离", s)  # names the repeated label

    def test_wjx_codes_tables_show_labels(self):
        # CROSSTAB with "labels" and no "options": rows follow the Codes order, shown by label
        t = self.array("AA40:AE50", 'CROSSTAB(wjxcodes.G2:G41;wjxcodes.H2:H41;"labels";Codes.A1:B9;"by";"circles")')
        self.assertEqual([r[0] for r in t[1:10]], [(0, o) for o in WJX_OPTIONS])
        header = [v for e, v in t[0][1:] if not e and v != ""]
        self.assertEqual(sorted(header), sorted({circle(row[1]) for row in self.code_data()} - {None}))
        for j, c in enumerate(header, start=1):
            for i in range(1, 10):
                want, _ = self.codes_expected(i, lambda row: circle(row[1]) == c)
                self.assertAlmostEqual(t[i][j][1], want, delta=TOL, msg=(WJX_OPTIONS[i - 1], c))
        # GROUPTABLE by size codes shows the size labels
        t = self.array("AA52:AC55", 'GROUPTABLE(wjxcodes.J2:J41;wjxcodes.I2:I41;"labels";Codes.D1:E4)')
        want = {}
        for _, _, size, score in self.code_data():
            if score is not None:
                want.setdefault(SIZES[size - 1], []).append(score)
        got = {r[0][1]: (r[1][1], r[2][1]) for r in t if not r[0][0]}
        self.assertEqual(set(got), set(want))
        for s, scores in want.items():
            self.assertEqual(got[s][0], len(scores), s)
            self.assertAlmostEqual(got[s][1], mean(scores), delta=TOL, msg=s)
        # a criterion and SHARE's value by label
        rows = self.code_data()
        micro = [score for _, _, size, score in rows if size == 1 and score is not None]
        self.assertNumber('=DIFFICULTY(wjxcodes.J2:J41;wjxcodes.I2:I41;"微型";"labels";Codes.D1:E4)', mean(micro))
        self.assertNumber('=SHARE(wjxcodes.I2:I41;"小型";"labels";Codes.D1:E4)',
                          sum(size == 2 for _, _, size, _ in rows) / len(rows))


if __name__ == "__main__":
    unittest.main(verbosity=2)
