"""surveycalc formulas against the native Calc formulas that compute the same
figure, timed side by side in ONE headless LibreOffice. A benchmark, not a
test: it prints and writes a CSV, and never fails on timings (the exit status
is 0 even when a figure differs; a differing figure prints a MISMATCH line).

    /usr/bin/python3 tests/bench/bench_calc.py build/surveycalc.oxt --csv out/bench.csv   # 35-40 min
    /usr/bin/python3 tests/bench/bench_calc.py build/surveycalc.oxt --quick                # about 5 min
    /usr/bin/python3 tests/bench/bench_calc.py build/surveycalc.oxt --csv out/bench.csv \\
        --sizes 707,10000,100000,1000000 --whole 707 --reps 5 --budget 120 --markdown

(Durations on 2 cores with the build of 0dc991d, whose whole-column calls
take 0.3-1.5 s each; a faster add-in shortens them.) Needs /usr/bin/python3
(python3-uno). scripts/office.py installs the .oxt into a
throwaway profile and starts a headless soffice; nothing touches your profile.

Sizes (--sizes, rows of data): a size listed in --whole (default 707) uses
whole-column references (A:A), every other size bounded ranges (A1:A<n>).
Default 707,10000,100000,1000000; --quick: 707,10000, 3 repetitions and a
60 s budget. The "50 figures" pairs run at the largest bounded size only.

Pairs (surveycalc | native):
  difficulty       DIFFICULTY(A)                 | AVERAGE(A)
  difficulty_crit  DIFFICULTY(A;B;"重庆")          | AVERAGEIFS(A;B;"重庆")
  mentionrate      MENTIONRATE(C;3)              | SUMPRODUCT(ISNUMBER(SEARCH(";3;";";"&C&";")))/COUNTA(C)
  share            SHARE(B;"重庆")                 | COUNTIFS(B;"重庆")/COUNTA(B)
  sumratio         SUMRATIO(D;E;B;"重庆")          | SUMIFS(D;B;"重庆")/SUMIFS(E;B;"重庆")
  grouptable       {GROUPTABLE(A;B)} 31x3        | 31 x (COUNTIFS for n, AVERAGEIFS)
  crosstab         {CROSSTAB(C;B)} 13x32         | 12x31 grid of SUMPRODUCT((B=p)*ISNUMBER(SEARCH(";k;";…)))/COUNTIF(B;p)
  report           the Report sheet of examples/report2020.ods, data repeated to N rows
                                                 | its native twin (figures without a native
                                                   equivalent are listed and left out of both)
  fifty            50 x DIFFICULTY(A;"min_n";k)  | 50 x AVERAGE(A)
  fifty_crit       50 x DIFFICULTY(A;B;"重庆";"min_n";k) | 50 x AVERAGEIFS(A;B;"重庆")
Data (column sheet "Cols"): A score 0-10 with 5% blanks, B one of the 31 mainland
provinces (short Chinese name), C multiple response "1;3;5" (codes 1..12, never
blank), D/E numerator/denominator; seeded, so every run has the same data.
Row 1 holds a header and the data starts on row 2, as in the example's Data
sheet; bounded ranges are A2:A<n+1>. With whole columns, native counts
(COUNTA, COUNTIFS) leave the header row out: COUNTA(C:C)-COUNTA($C$1).
--no-header puts the data on row 1 with no header, for builds from before the
rule that a text in row 1 of a whole column is its header (0dc991d and older:
they read the header as data, so whole-column figures differ with a header).

Timings (ms, median of --reps repetitions of doc.calculate() with automatic
calculation off; one pair and one side in the document at a time):
  cold  one row of every data column the pair reads is edited, then calculate()
        (Calc recalculates the dirty cells: the formula under test).
  warm  the data is unchanged; a trigger cell every formula depends on
        ("min_n";1+0*$Trigger.$A$1 for surveycalc, +0*$Trigger.$A$1 for native)
        is changed, then calculate().
--budget (seconds, default 120, --quick 60): a series of repetitions stops once the next one
would exceed it (the reps column says how many ran); a side whose estimated
single calculation exceeds it is not run, and the output says so (probe: one
cell of a grid timed alone, times the number of such cells; or the previous size
scaled linearly). calculateAll is never used.

Output: a table (stdout), the growth exponent log(t_large/t_small)/log(n_large/
n_small) between the smallest and the largest bounded size (10k -> 1M by
default), a CSV (--csv) with the machine (CPU, cores, LibreOffice version), and
with --markdown the table as Markdown.
"""
import argparse
import csv
import datetime
import hashlib
import math
import os
import random
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from office import Office, prop  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT  # noqa: E402
from com.sun.star.sheet.FormulaResult import STRING as RESULT_STRING  # noqa: E402

SEED = 20240501
REPORT_BOOK = os.path.join(ROOT, "examples", "report2020.ods")
FIRMS_CSV = os.path.join(ROOT, "examples", "data", "firms.csv")

# The 31 mainland provinces: the short name in the data, the canonical name
# surveycalc's tables show.
PROVINCES = [
    ("北京", "北京市"), ("天津", "天津市"), ("河北", "河北省"), ("山西", "山西省"), ("内蒙古", "内蒙古自治区"),
    ("辽宁", "辽宁省"), ("吉林", "吉林省"), ("黑龙江", "黑龙江省"), ("上海", "上海市"), ("江苏", "江苏省"),
    ("浙江", "浙江省"), ("安徽", "安徽省"), ("福建", "福建省"), ("江西", "江西省"), ("山东", "山东省"),
    ("河南", "河南省"), ("湖北", "湖北省"), ("湖南", "湖南省"), ("广东", "广东省"), ("广西", "广西壮族自治区"),
    ("海南", "海南省"), ("重庆", "重庆市"), ("四川", "四川省"), ("贵州", "贵州省"), ("云南", "云南省"),
    ("西藏", "西藏自治区"), ("陕西", "陕西省"), ("甘肃", "甘肃省"), ("青海", "青海省"), ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区")]
CANON = dict(PROVINCES)
OPTIONS = 12  # multiple-response codes 1..12

TRIGGER = "$Trigger.$A$1"
OPT = '"min_n";1+0*' + TRIGGER  # a surveycalc option that changes nothing but depends on the trigger
NAT = "+0*" + TRIGGER  # the same for a native formula

CLEAR = 1 | 2 | 4 | 16  # VALUE, DATETIME, STRING, FORMULA

# The example's data sheet: the columns the Report reads or the twin uses.
COLS_HEADER = ("score", "province", "responses", "returned", "staff")
FIRM_COLS = {"A": "id", "B": "province_as_typed", "C": "size", "E": "resumed", "F": "difficulty",
             "G": "obstacles", "I": "province_true", "K": "region_true"}
PLACE_COL, PROVINCE_COL, REGION_COL, MULTI_COLS = "B", "I", "K", {"G"}
REGIONS = ["长三角", "珠三角", "京津冀"]  # the "circles" scheme
OBSTACLE_DELIMS = ["、", "；", "，"]  # the delimiters firms.csv uses (checked at start)


def log(msg=""):
    print(msg, flush=True)


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------------------
# Data

def gen_cols(n):
    """Rows (score, province, responses, numerator, denominator), seeded."""
    rng = random.Random(SEED)
    weights = [rng.uniform(0.5, 2.0) for _ in PROVINCES]
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    shorts = [s for s, _ in PROVINCES]
    rows = []
    rand, randint, choices = rng.random, rng.randint, rng.choices
    provs = choices(shorts, cum_weights=cum, k=n)
    for i in range(n):
        score = float(randint(0, 10)) if rand() >= 0.05 else ""
        codes = [str(k) for k in range(1, OPTIONS + 1) if rand() < 0.25] or [str(randint(1, OPTIONS))]
        staff = randint(5, 500)
        rows.append((score, provs[i], ";".join(codes), float(randint(0, staff)), float(staff)))
    return rows


def read_firms():
    with open(FIRMS_CSV, encoding="utf-8") as f:
        firms = list(csv.DictReader(f))
    return firms


def check_firms(firms):
    """The native twin splits obstacles at OBSTACLE_DELIMS only: say so if the data uses others."""
    other = set(";,|/┋\n\r") - set(OBSTACLE_DELIMS)
    bad = [f["id"] for f in firms if any(ch in f["obstacles"] for ch in other)]
    if bad:
        log("WARNING: firms.csv obstacles use delimiters the native twin does not split at: %s" % bad[:5])


def firm_rows(firms, n):
    """The example's data sheet repeated to n rows, columns A..K (unused ones blank), no header."""
    width = col_index("K") + 1
    base = []
    for f in firms:
        row = [""] * width
        for c, key in FIRM_COLS.items():
            v = f[key]
            row[col_index(c)] = float(v) if key == "difficulty" and v != "" else v
        base.append(tuple(row))
    return [base[i % len(base)] for i in range(n)]


def put_rows(sheet, rows, first_row=0, chunk=50000):
    width = len(rows[0])
    for i in range(0, len(rows), chunk):
        part = tuple(rows[i:i + chunk])
        sheet.getCellRangeByPosition(0, first_row + i, width - 1, first_row + i + len(part) - 1).setDataArray(part)


def set_cell(cell, v):
    if v == "" or v is None:
        cell.clearContents(CLEAR)
    elif isinstance(v, float):
        cell.setValue(v)
    else:
        cell.setString(v)


# ---------------------------------------------------------------------------
# Reading results

def read(cell):
    """('num', x) | ('str', s) | ('err', code) | ('empty', None)."""
    err = cell.getError()
    if err:
        return ("err", err)
    t = cell.getType()
    if t == EMPTY:
        return ("empty", None)
    if t == FORMULA:
        s = cell.getString()
        if s == "":  # an empty string, or an empty element of an array result (padding)
            return ("empty", None)
        if cell.FormulaResultType2 == RESULT_STRING:
            return ("str", s)
        return ("num", cell.getValue())
    if t == TEXT:
        return ("str", cell.getString())
    return ("num", cell.getValue())


def label(v):
    kind, x = v
    if kind == "num":
        return "%g" % x
    if kind == "str":
        s = x.strip()
        return CANON.get(s, s)
    return None


def collect(doc, readers):
    """Figures keyed by what they are (not where they are), for both sides alike."""
    figs = {}
    for kind, sheet_name, key, rng in readers:
        sheet = doc.Sheets.getByName(sheet_name)
        r = sheet.getCellRangeByName(rng)
        a = r.getRangeAddress()
        h, w = a.EndRow - a.StartRow + 1, a.EndColumn - a.StartColumn + 1
        cell = lambda i, j: read(r.getCellByPosition(j, i))  # noqa: E731
        if kind == "scalar":
            for i in range(h):
                for j in range(w):
                    figs[(key, i, j)] = cell(i, j)
        elif kind == "grouptable":  # rows: group, n, mean
            for i in range(h):
                g = label(cell(i, 0))
                if g:
                    figs[(key, g, "n")] = cell(i, 1)
                    figs[(key, g, "mean")] = cell(i, 2)
        elif kind == "crosstab":  # first row: groups; first column: options
            cols = [label(cell(0, j)) for j in range(w)]
            for i in range(1, h):
                opt = label(cell(i, 0))
                if not opt:
                    continue
                for j in range(1, w):
                    if cols[j]:
                        figs[(key, opt, cols[j])] = cell(i, j)
    return figs


def same(a, b):
    if a[0] in ("err", "empty") and b[0] in ("err", "empty"):
        return True  # no figure on either side (#N/A, #DIV/0!, padding)
    if a[0] == "num" and b[0] == "num":
        return abs(a[1] - b[1]) <= 1e-9 * max(1.0, abs(a[1]), abs(b[1]))
    return a == b


def compare(ours, native):
    bad = []
    for k in sorted(set(ours) | set(native), key=str):
        a, b = ours.get(k, ("missing", None)), native.get(k, ("missing", None))
        if not same(a, b):
            bad.append((k, a, b))
    return bad


# ---------------------------------------------------------------------------
# Pairs

class Side:
    """What one side writes: entries (kind, sheet, range, content) with kind
    'formula', 'array' or 'value' (a label); probe: (index of one formula entry,
    how many entries cost about as much) to estimate a calculation first."""

    def __init__(self, entries, probe=None):
        self.entries = entries
        self.probe = probe


class Pair:
    def __init__(self, name, what, ours, native, readers, edit, note=""):
        self.name, self.what = name, what
        self.ours, self.native = ours, native
        self.readers = readers  # for collect()
        self.edit = edit  # (sheet, row, {col letter: (original, alternative)})
        self.note = note


def simple_pairs(n, whole, data, largest, header):
    top = 2 if header else 1  # the first data row

    def R(c):
        return "$Cols.$%s:$%s" % (c, c) if whole else "$Cols.$%s$%d:$%s$%d" % (c, top, c, top + n - 1)

    def counta(c):  # non-blank data cells: a whole column's header row is not data
        if whole and header:
            return "(COUNTA(%s)-COUNTA($Cols.$%s$1))" % (R(c), c)
        return "COUNTA(%s)" % R(c)

    A, B, C, D, E = R("A"), R("B"), R("C"), R("D"), R("E")
    r = n // 2
    s = next(i for i in range(r + 1, n) if data[i][0] != "" and data[i][1] != data[r][1]
             and data[i][2] != data[r][2])
    if data[r][0] == "":
        r = next(i for i in range(r - 1, -1, -1) if data[i][0] != "" and data[i][1] != data[s][1]
                 and data[i][2] != data[s][2])

    def edit(cols):
        return ("Cols", top - 1 + r, {c: (data[r]["ABCDE".index(c)], data[s]["ABCDE".index(c)]) for c in cols})

    def one(f):
        return Side([("formula", "Bench", "H2", f)])

    pairs = [
        Pair("difficulty", "DIFFICULTY(A) | AVERAGE(A)",
             one("=DIFFICULTY(%s;%s)" % (A, OPT)), one("=AVERAGE(%s)%s" % (A, NAT)),
             [("scalar", "Bench", "v", "H2")], edit("A")),
        Pair("difficulty_crit", 'DIFFICULTY(A;B;"重庆") | AVERAGEIFS',
             one('=DIFFICULTY(%s;%s;"重庆";%s)' % (A, B, OPT)), one('=AVERAGEIFS(%s;%s;"重庆")%s' % (A, B, NAT)),
             [("scalar", "Bench", "v", "H2")], edit("AB")),
        Pair("mentionrate", "MENTIONRATE(C;3) | SUMPRODUCT(ISNUMBER(SEARCH))/COUNTA",
             one("=MENTIONRATE(%s;3;%s)" % (C, OPT)),
             one('=SUMPRODUCT(ISNUMBER(SEARCH(";3;";";"&%s&";")))/%s%s' % (C, counta("C"), NAT)),
             [("scalar", "Bench", "v", "H2")], edit("C")),
        Pair("share", 'SHARE(B;"重庆") | COUNTIFS/COUNTA',
             one('=SHARE(%s;"重庆";%s)' % (B, OPT)), one('=COUNTIFS(%s;"重庆")/%s%s' % (B, counta("B"), NAT)),
             [("scalar", "Bench", "v", "H2")], edit("B")),
        Pair("sumratio", 'SUMRATIO(D;E;B;"重庆") | SUMIFS/SUMIFS',
             one('=SUMRATIO(%s;%s;%s;"重庆";%s)' % (D, E, B, OPT)),
             one('=SUMIFS(%s;%s;"重庆")/SUMIFS(%s;%s;"重庆")%s' % (D, B, E, B, NAT)),
             [("scalar", "Bench", "v", "H2")], edit("BDE")),
    ]

    # GROUPTABLE over the 31 provinces: H2:J32 (group, n, mean).
    rows = len(PROVINCES)
    native = []
    for i, (short, _) in enumerate(PROVINCES):
        row = 2 + i
        native.append(("value", "Bench", "H%d" % row, short))
        native.append(("formula", "Bench", "I%d" % row, '=COUNTIFS(%s;$H%d;%s;"<>")%s' % (B, row, A, NAT)))
        native.append(("formula", "Bench", "J%d" % row, "=AVERAGEIFS(%s;%s;$H%d)%s" % (A, B, row, NAT)))
    pairs.append(Pair(
        "grouptable", "{GROUPTABLE(A;B)} | 31 COUNTIFS + 31 AVERAGEIFS",
        Side([("array", "Bench", "H2:J%d" % (1 + rows), "=GROUPTABLE(%s;%s;%s)" % (A, B, OPT))]),
        Side(native, probe=(2, 2 * rows)),
        [("grouptable", "Bench", "t", "H2:J%d" % (1 + rows))], edit("AB")))

    # CROSSTAB: 12 options (rows) x 31 provinces (columns), labels in the first row and column.
    last = col_name(col_index("H") + rows)
    native = []
    for j, (short, _) in enumerate(PROVINCES):
        native.append(("value", "Bench", "%s2" % col_name(col_index("I") + j), short))
    for k in range(1, OPTIONS + 1):
        native.append(("value", "Bench", "H%d" % (2 + k), float(k)))
        for j in range(rows):
            c = col_name(col_index("I") + j)
            native.append(("formula", "Bench", "%s%d" % (c, 2 + k),
                           '=SUMPRODUCT((%s=%s$2)*ISNUMBER(SEARCH(";"&$H%d&";";";"&%s&";")))/COUNTIF(%s;%s$2)%s'
                           % (B, c, 2 + k, C, B, c, NAT)))
    probe = next(i for i, e in enumerate(native) if e[0] == "formula")
    pairs.append(Pair(
        "crosstab", "{CROSSTAB(C;B)} | 372 SUMPRODUCT cells",
        Side([("array", "Bench", "H2:%s%d" % (last, 2 + OPTIONS), "=CROSSTAB(%s;%s;%s)" % (C, B, OPT))]),
        Side(native, probe=(probe, OPTIONS * rows)),
        [("crosstab", "Bench", "x", "H2:%s%d" % (last, 2 + OPTIONS))], edit("BC")))

    if largest:
        for name, ours, nat, cols in [
                ("fifty", '=DIFFICULTY(%s;"min_n";%%d+0*%s)' % (A, TRIGGER),
                 "=AVERAGE(%s)+0*%s+0*%%d" % (A, TRIGGER), "A"),
                ("fifty_crit", '=DIFFICULTY(%s;%s;"重庆";"min_n";%%d+0*%s)' % (A, B, TRIGGER),
                 '=AVERAGEIFS(%s;%s;"重庆")+0*%s+0*%%d' % (A, B, TRIGGER), "AB")]:
            what = ("50 x DIFFICULTY(A;\"min_n\";k) | 50 AVERAGE" if name == "fifty"
                    else "50 x DIFFICULTY(A;B;\"重庆\";\"min_n\";k) | 50 AVERAGEIFS")
            pairs.append(Pair(
                name, what,
                Side([("formula", "Bench", "H%d" % (1 + k), ours % k) for k in range(1, 51)]),
                Side([("formula", "Bench", "H%d" % (1 + k), nat % k) for k in range(1, 51)], probe=(0, 50)),
                [("scalar", "Bench", "v", "H2:H51")], edit(cols)))
    return pairs


# ---------------------------------------------------------------------------
# The Report sheet and its native twin

class NoTwin(Exception):
    pass


def split_args(s):
    out, depth, quote, cur = [], 0, False, ""
    for ch in s:
        if quote:
            cur += ch
            if ch == '"':
                quote = False
            continue
        if ch == '"':
            quote = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == ";" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    out.append(cur)
    return out


CALL = re.compile(r"^=ORG\.SURVEYCALC\.FUNCTIONS\.(\w+)\((.*)\)$")
DATA_REF = re.compile(r"^Data\.\$([A-Z]+)\$2:\$([A-Z]+)\$708$")
CELL_REF = re.compile(r"^\$?([A-Z]+)\$?(\d+)$")


class Report:
    """The Report sheet of examples/report2020.ods: its labels and formulas, and a
    translation of each formula into native Calc formulas over the same data
    (the place column resolved by the example's own province_true/region_true
    columns, which native Calc cannot compute from 广东深圳, Chongqing or 渝)."""

    def __init__(self, office):
        self.header_row = False
        doc = office.load(REPORT_BOOK)
        try:
            sheet = doc.Sheets.getByName("Report")
            cur = sheet.createCursor()
            cur.gotoEndOfUsedArea(False)
            end = cur.getRangeAddress()
            self.labels = {}  # "A53" -> text or number
            self.formulas = []  # (range, formula, is_array)
            seen = set()
            for r in range(end.EndRow + 1):
                for c in range(end.EndColumn + 1):
                    cell = sheet.getCellByPosition(c, r)
                    name = "%s%d" % (col_name(c), r + 1)
                    t = cell.getType()
                    if t == FORMULA:
                        f = cell.getFormula()
                        if f.startswith("{"):
                            ac = sheet.createCursorByRange(cell)
                            ac.collapseToCurrentArray()
                            a = ac.getRangeAddress()
                            rng = "%s%d:%s%d" % (col_name(a.StartColumn), a.StartRow + 1,
                                                 col_name(a.EndColumn), a.EndRow + 1)
                            if rng not in seen:
                                seen.add(rng)
                                self.formulas.append((rng, f[1:-1], True))
                        else:
                            self.formulas.append((name, f, False))
                    elif t == TEXT:
                        self.labels[name] = cell.getString()
                    elif t != EMPTY:
                        self.labels[name] = cell.getValue()
        finally:
            doc.close(True)

    # -- translation helpers (work on the example's own formula text) ---------
    def resolve(self, arg):
        """The text an argument stands for: a literal, or the label in a Report cell."""
        arg = arg.strip()
        if arg.startswith('"'):
            return arg[1:-1]
        m = CELL_REF.match(arg)
        if m:
            v = self.labels.get(m.group(1) + m.group(2))
            if v is None:
                raise NoTwin("%s is not a label" % arg)
            return v if isinstance(v, str) else "%g" % v
        raise NoTwin("argument %s" % arg)

    def parse(self, formula):
        m = CALL.match(formula)
        if not m:
            raise NoTwin("not a surveycalc call")
        return m.group(1), [a.strip() for a in split_args(m.group(2))]

    @staticmethod
    def data_col(arg):
        m = DATA_REF.match(arg)
        return m.group(1) if m and m.group(1) == m.group(2) else None

    def pairs_of(self, args):
        """(criteria [(col, arg)], options {name: arg}) from trailing pair arguments."""
        if len(args) % 2:
            raise NoTwin("odd pairs")
        crits, opts = [], {}
        for a, b in zip(args[::2], args[1::2]):
            col = self.data_col(a)
            if col:
                crits.append((col, b))
            elif a.startswith('"'):
                opts[a[1:-1]] = b
            else:
                raise NoTwin("pair %s" % a)
        return crits, opts

    def native_crit(self, col, arg):
        """A criterion on the place column becomes one on province_true or region_true."""
        if col != PLACE_COL:
            return col, arg
        text = self.resolve(arg)
        neg = text.startswith("<>")
        base = text[2:] if neg else text
        if base in REGIONS:
            ncol, value = REGION_COL, base
        else:
            hits = [p for p in self.provinces if p.startswith(base)]
            if len(hits) != 1:
                raise NoTwin("place %s" % text)
            ncol, value = PROVINCE_COL, hits[0]
        if value == base and not arg.startswith('"'):
            return ncol, arg  # the label already names the canonical place: keep the reference
        return ncol, '"%s%s"' % ("<>" if neg else "", value)

    def mask(self, col, arg, R):
        """SUMPRODUCT factor for one criterion (only =, <> and non-empty are needed here)."""
        text = self.resolve(arg)
        if text == "<>":
            return '(%s<>"")' % R(col)
        if text.startswith("<>"):
            return '(%s<>"%s")' % (R(col), text[2:])
        if re.match(r"^[<>=]", text):
            raise NoTwin("criterion %s" % text)
        return "(%s=%s)" % (R(col), arg)

    @staticmethod
    def token(arg):
        """A delimited answer to SEARCH for (literal or cell)."""
        d = OBSTACLE_DELIMS[0]
        if arg.startswith('"'):
            return '"%s%s%s"' % (d, arg[1:-1], d)
        return '"%s"&%s&"%s"' % (d, arg, d)

    def indicator(self, col, option, R):
        d = OBSTACLE_DELIMS[0]
        text = R(col)
        for other in OBSTACLE_DELIMS[1:]:
            text = 'SUBSTITUTE(%s;"%s";"%s")' % (text, other, d)
        return 'ISNUMBER(SEARCH(%s;"%s"&%s&"%s"))' % (self.token(option), d, text, d)

    def countifs(self, pairs, R):
        """COUNTIFS over the data rows: with a whole column and a header row, less
        what the header row itself counts (the same COUNTIFS on row 1)."""
        f = "COUNTIFS(%s)" % ";".join("%s;%s" % (R(c), a) for c, a in pairs)
        if not self.header_row:
            return f
        return "(%s-COUNTIFS(%s))" % (f, ";".join("$Data.$%s$1;%s" % (c, a) for c, a in pairs))

    def counta(self, col, R):
        if not self.header_row:
            return "COUNTA(%s)" % R(col)
        return "(COUNTA(%s)-COUNTA($Data.$%s$1))" % (R(col), col)

    def mention(self, resp, option, crits, opts, R):
        """(numerator, denominator) of a mention rate."""
        base = self.resolve(opts.pop("base")) if "base" in opts else "answered"
        if opts:
            raise NoTwin("options %s" % sorted(opts))
        ncrits = [self.native_crit(c, a) for c, a in crits]
        if resp in MULTI_COLS:
            masks = [self.mask(c, a, R) for c, a in ncrits] + [self.indicator(resp, option, R)]
            num = "SUMPRODUCT(%s)" % "*".join(masks)
        else:  # one answer per cell: a plain count
            num = self.countifs([(resp, option)] + ncrits, R)
        if base == "all":  # every row passing the criteria (all have an id and a place here)
            den = self.countifs(ncrits, R) if ncrits else self.counta(resp, R)
        else:
            den = self.countifs([(resp, '"<>"')] + ncrits, R)
        return num, den

    # -- the twin --------------------------------------------------------------
    def build(self, firms):
        self.provinces = sorted({f["province_true"] for f in firms if f["province_true"]})
        self.cells = []  # (range, ours formula, twin builder or None, reader kind)
        self.skipped = []
        self.signatures = {}  # rate/mean formulas by arguments -> twin cell, for the intervals
        for rng, f, is_array in self.formulas:
            try:
                build = self.translate(rng, f, is_array)
                self.cells.append((rng, f, is_array, build))
            except NoTwin as e:
                name = self.parse(f)[0] if CALL.match(f) else f
                self.skipped.append((rng, name, str(e)))

    def translate(self, rng, f, is_array):
        if not CALL.match(f):  # a native formula in the example: the same on both sides
            if "ORG.SURVEYCALC" in f:
                raise NoTwin("nested surveycalc call")
            m = re.match(r"^=COUNTA\((Data\.\S+)\)$", f)
            if m and self.data_col(m.group(1)):  # the questionnaires: a whole column's header is not one
                return lambda R, ref, col=self.data_col(m.group(1)): [("formula", rng, self.counta(col, R))]
            return lambda R, ref: [("formula", rng, ref(f[1:]))]
        name, args = self.parse(f)
        if name in ("DIFFICULTYTEST", "MENTIONTEST"):
            raise NoTwin("a test (no native equivalent)")
        if name == "DATACHECK":
            raise NoTwin("a sentence about the data")
        if name == "SHARES":
            raise NoTwin("largest-remainder rounding (no native equivalent)")
        if name == "DIFFICULTY":
            scores = self.data_col(args[0])
            crits, opts = self.pairs_of(args[1:])
            if opts or not scores:
                raise NoTwin("options")
            self.signatures[(name, tuple(args))] = rng

            def b(R, ref, scores=scores, crits=crits):
                nc = [self.native_crit(c, a) for c, a in crits]
                if not nc:
                    return [("formula", rng, "AVERAGE(%s)" % R(scores))]
                return [("formula", rng, "AVERAGEIFS(%s;%s)" % (R(scores), ";".join(
                    "%s;%s" % (R(c), a) for c, a in nc)))]
            return b
        if name == "DIFFICULTYCI":
            scores = self.data_col(args[0])
            bound = self.resolve(args[1])
            crits, opts = self.pairs_of(args[2:])
            if crits or opts or bound not in ("lower", "upper", "half"):
                raise NoTwin("criteria or options (a subset's STDEV needs an array formula)")
            mean_cell = self.signatures.get(("DIFFICULTY", (args[0],)))

            def b(R, ref, scores=scores, bound=bound, mean_cell=mean_cell):
                half = "CONFIDENCE.T(0.05;STDEV(%s);COUNT(%s))" % (R(scores), R(scores))
                mean = "$%s" % mean_cell if mean_cell else "AVERAGE(%s)" % R(scores)
                expr = {"lower": "%s-%s", "upper": "%s+%s", "half": "0*%s+%s"}[bound] % (mean, half)
                return [("formula", rng, expr)]
            return b
        if name in ("MENTIONRATE", "MENTIONCOUNT", "MENTIONCI"):
            resp = self.data_col(args[0])
            option = args[1]
            rest = args[2:]
            bound = None
            if name == "MENTIONCI":
                bound, rest = self.resolve(rest[0]), rest[1:]
            crits, opts = self.pairs_of(rest)
            if not resp:
                raise NoTwin("responses")
            self.resolve(option)  # a label or literal
            if name == "MENTIONRATE":
                self.signatures[("MENTIONRATE", (args[0], option) + tuple(rest))] = rng

            def b(R, ref, name=name, resp=resp, option=option, crits=crits, opts=opts, bound=bound, rest=rest):
                num, den = self.mention(resp, option, crits, dict(opts), R)
                if name == "MENTIONCOUNT":
                    return [("formula", rng, num)]
                if name == "MENTIONRATE":
                    return [("formula", rng, "%s/%s" % (num, den))]
                rate = self.signatures.get(("MENTIONRATE", (args[0], option) + tuple(rest)))
                p = "$%s" % rate if rate else "(%s/%s)" % (num, den)
                z = "NORMSINV(0.975)"
                wilson = "(%s+%s^2/(2*%s)%s%s*SQRT(%s*(1-%s)/%s+%s^2/(4*%s^2)))/(1+%s^2/%s)"
                sign = {"lower": "-", "upper": "+"}.get(bound)
                if not sign:
                    raise NoTwin("bound %s" % bound)
                return [("formula", rng, wilson % (p, z, den, sign, z, p, p, den, z, den, z, den))]
            if name == "MENTIONCI" and bound not in ("lower", "upper"):
                raise NoTwin("bound %s" % bound)
            return b
        if name == "SHARE":
            values = self.data_col(args[0])
            crits, opts = self.pairs_of(args[2:])
            if opts or not values:
                raise NoTwin("options")

            def b(R, ref, values=values, value=args[1], crits=crits):
                nc = [self.native_crit(c, a) for c, a in crits]
                return [("formula", rng, "%s/%s" % (self.countifs([(values, value)] + nc, R),
                                                     self.countifs([(values, '"<>"')] + nc, R)))]
            return b
        if name == "GROUPTABLE":
            scores, groups = self.data_col(args[0]), self.data_col(args[1])
            crits, opts = self.pairs_of(args[2:])
            opts.pop("rows", None)
            opts.pop("sort", None)  # the twin lists groups unsorted; figures are compared by group
            if crits or opts or groups != PLACE_COL:
                raise NoTwin("criteria or options")
            return lambda R, ref: self.twin_grouptable(rng, scores, R)
        if name == "CROSSTAB":
            resp, groups = self.data_col(args[0]), self.data_col(args[1])
            crits, opts = self.pairs_of(args[2:])
            for o in ("rows", "cols", "sort"):
                opts.pop(o, None)
            by = self.resolve(opts.pop("by")) if "by" in opts else "auto"
            options = opts.pop("options", None)
            base = self.resolve(opts.pop("base")) if "base" in opts else "answered"
            if crits or opts or groups != PLACE_COL or resp not in MULTI_COLS or not options:
                raise NoTwin("criteria or options")
            return lambda R, ref: self.twin_crosstab(rng, resp, by, options, base, R)
        raise NoTwin("no native form known")

    def twin_grouptable(self, rng, scores, R):
        m = re.match(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", rng)
        c0, r0, r1 = col_index(m.group(1)), int(m.group(2)), int(m.group(4))
        out = []
        for i, prov in enumerate(self.provinces[:r1 - r0 + 1]):
            row = r0 + i
            g = "$%s%d" % (col_name(c0), row)
            out.append(("value", "%s%d" % (col_name(c0), row), prov))
            out.append(("formula", "%s%d" % (col_name(c0 + 1), row),
                        'COUNTIFS(%s;%s;%s;"<>")' % (R(PROVINCE_COL), g, R(scores))))
            out.append(("formula", "%s%d" % (col_name(c0 + 2), row),
                        "AVERAGEIFS(%s;%s;%s)" % (R(scores), R(PROVINCE_COL), g)))
        return out

    def twin_crosstab(self, rng, resp, by, options, base, R):
        m = re.match(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", rng)
        c0, r0 = col_index(m.group(1)), int(m.group(2))
        if by == "circles":
            gcol, groups = REGION_COL, REGIONS
        elif by in ("auto", "province"):
            gcol, groups = PROVINCE_COL, self.provinces
        else:
            raise NoTwin("by %s" % by)
        om = re.match(r"^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$", options)
        if not om or om.group(1) != om.group(3):
            raise NoTwin("options %s" % options)
        labels = [self.labels.get("%s%d" % (om.group(1), r)) for r in range(int(om.group(2)), int(om.group(4)) + 1)]
        out = []
        for j, g in enumerate(groups):
            out.append(("value", "%s%d" % (col_name(c0 + 1 + j), r0), g))
        for i, lab in enumerate(labels):
            row = r0 + 1 + i
            out.append(("value", "%s%d" % (col_name(c0), row), lab))
            for j in range(len(groups)):
                gref = "%s$%d" % (col_name(c0 + 1 + j), r0)
                crit = [(gcol, gref)]
                den = self.countifs(crit if base == "all" else [(resp, '"<>"')] + crit, R)
                num = "SUMPRODUCT((%s=%s)*%s)" % (R(gcol), gref, self.indicator(resp, "$%s%d" % (col_name(c0), row), R))
                out.append(("formula", "%s%d" % (col_name(c0 + 1 + j), row), "%s/%s" % (num, den)))
        return out

    # -- the pair at n rows ----------------------------------------------------
    def pair(self, n, whole, frows, header):
        top = 2 if header else 1
        self.header_row = whole and header  # the twin's counts leave row 1 out

        def R(c):
            return "$Data.$%s:$%s" % (c, c) if whole else "$Data.$%s$%d:$%s$%d" % (c, top, c, top + n - 1)

        def rescale(f):
            return DATA_REF_ANY.sub(lambda m: R(m.group(1)), f)

        ours, twin, readers = [], [], []
        for rng, f, is_array, build in self.cells:
            built = build(R, rescale)
            if CALL.match(f):  # the surveycalc call with the trigger option appended
                g = rescale(f[:-1] + ";" + OPT + ")")
            else:  # a native formula of the example: the twin's form on both sides
                g = "=" + built[0][2] + NAT
            ours.append(("array" if is_array else "formula", "Report", rng, g))
            for kind, where, content in built:
                if kind == "formula":
                    twin.append(("formula", "Report", where, "=" + content + NAT))
                else:
                    twin.append((kind, "Report", where, content))
            kind = "scalar"
            if is_array:
                kind = {"GROUPTABLE": "grouptable", "CROSSTAB": "crosstab"}[self.parse(f)[0]]
            readers.append((kind, "Report", rng, rng))
        heavy = [i for i, e in enumerate(twin) if e[0] == "formula" and "SUMPRODUCT" in e[3]]
        r, s = n // 2, n // 2 + 1
        cols = sorted(FIRM_COLS)
        edit = ("Data", top - 1 + r, {c: (frows[r][col_index(c)], frows[s][col_index(c)]) for c in cols})
        return Pair("report", "Report sheet of report2020.ods | native twin",
                    Side(ours),
                    # probe with the longest SUMPRODUCT (a cross-tab cell), so the estimate errs high
                    Side(twin, probe=(max(heavy, key=lambda i: len(twin[i][3])), len(heavy)) if heavy else None),
                    readers, edit)


DATA_REF_ANY = re.compile(r"Data\.\$([A-Z]+)\$2:\$[A-Z]+\$708")


# ---------------------------------------------------------------------------
# Running

def write(doc, entries):
    for kind, sheet, rng, content in entries:
        r = doc.Sheets.getByName(sheet).getCellRangeByName(rng)
        if kind == "formula":
            r.setFormula(content)
        elif kind == "array":
            r.setArrayFormula(content[1:] if content.startswith("=") else content)
        else:
            set_cell(r, content)


def clear(doc, entries):
    for _, sheet, rng, _ in entries:
        doc.Sheets.getByName(sheet).getCellRangeByName(rng).clearContents(CLEAR)


def calc(doc):
    t0 = time.perf_counter()
    doc.calculate()
    return time.perf_counter() - t0


def apply_edit(doc, edit, which):
    sheet, row, cols = edit
    sh = doc.Sheets.getByName(sheet)
    for c, vals in cols.items():
        set_cell(sh.getCellByPosition(col_index(c), row), vals[which])


def series(doc, prepare, reps, budget, edits):
    """Times calculate() after each prepare(); the time of the prepare calls (the
    UNO calls that edit a cell, and whatever listeners do on that edit) goes to edits."""
    times, total = [], 0.0
    for i in range(reps):
        t0 = time.perf_counter()
        prepare(i)
        edits.append(time.perf_counter() - t0)
        t = calc(doc)
        times.append(t)
        total += t
        if total + t > budget:
            break
    return times


class Result:
    def __init__(self):
        self.cold = self.warm = None  # lists of seconds
        self.edits = {"cold": [], "warm": []}  # seconds spent in the edit before each timing
        self.note = ""  # why not run / capped
        self.est = None  # seconds per calculation, for the next size
        self.figures = None


def run_side(doc, pair, side, reps, budget, predicted, trigger):
    res = Result()
    if predicted is not None and predicted > budget:
        res.note = "> %g s, not run (est. %.0f s from the previous size)" % (budget, predicted)
        res.est = predicted
        return res
    if side.probe:
        i, weight = side.probe  # the labels and one formula
        probe = [e for e in side.entries if e[0] == "value"] + [side.entries[i]]
        write(doc, probe)
        t = calc(doc)
        clear(doc, probe)
        doc.calculate()
        if t * weight > budget:
            res.note = "> %g s, not run (est. %.0f s: one cell %.2f s x %d)" % (budget, t * weight, t, weight)
            res.est = t * weight
            return res
    write(doc, side.entries)
    try:
        first = calc(doc)
        if first > budget:
            res.note = "> %g s, not run (first calculation took %.0f s)" % (budget, first)
            res.est = first
        else:
            state = {"alt": False}

            def cold(i):
                state["alt"] = not state["alt"]
                apply_edit(doc, pair.edit, 1 if state["alt"] else 0)

            def warm(i):
                trigger.setValue(trigger.getValue() + 1)

            res.cold = series(doc, cold, reps, budget, res.edits["cold"])
            if state["alt"]:
                apply_edit(doc, pair.edit, 0)
                doc.calculate()
            res.warm = series(doc, warm, reps, budget, res.edits["warm"])
            res.est = max(statistics.median(res.cold), statistics.median(res.warm))
            if len(res.cold) < reps or len(res.warm) < reps:
                res.note = "budget: %d/%d cold, %d/%d warm reps" % (len(res.cold), reps, len(res.warm), reps)
        res.figures = collect(doc, pair.readers)
    finally:
        clear(doc, side.entries)
        doc.calculate()
    return res


SIDE_ATTR = {"surveycalc": "ours", "native": "native"}


def figures_of(doc, pair, side):
    """The figures of one side, computed once (untimed)."""
    write(doc, side.entries)
    try:
        doc.calculate()
        return collect(doc, pair.readers)
    finally:
        clear(doc, side.entries)
        doc.calculate()


def machine(office):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        cp = office.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
        na = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                            (prop("nodepath", "/org.openoffice.Setup/Product"),))
        lo = "%s %s" % (na.getByName("ooName"), na.getByName("ooSetupVersionAboutBox"))
    except Exception:  # noqa: BLE001 - the version is informative only
        lo = "unknown"
    return {"cpu": cpu, "cores": os.cpu_count(), "libreoffice": lo}


def fmt_ms(times, fmt="%.1f"):
    return fmt % (statistics.median(times) * 1e3) if times else ""


def fmt_ratio(r):
    if r is None:
        return ""
    if r >= 100:
        return "%.0f" % r
    if r >= 10:
        return "%.1f" % r
    if r >= 0.1:
        return "%.2f" % r
    return "%.2g" % r


def human_rows(n):
    if n >= 1000000 and n % 1000000 == 0:
        return "%dM" % (n // 1000000)
    if n >= 1000 and n % 1000 == 0:
        return "%dk" % (n // 1000)
    return str(n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("oxt", help="the surveycalc.oxt to install (e.g. build/surveycalc.oxt)")
    ap.add_argument("--csv", help="write the results here (directories are created)")
    ap.add_argument("--sizes", help="rows of data, comma-separated (default 707,10000,100000,1000000)")
    ap.add_argument("--whole", default="707",
                    help="sizes that use whole-column references A:A (default 707; 'none' for none)")
    ap.add_argument("--reps", type=int, help="repetitions per timing, median reported (default 5)")
    ap.add_argument("--budget", type=float,
                    help="seconds per series of repetitions; sides estimated above it are not run "
                         "(default 120, --quick 60)")
    ap.add_argument("--pairs", help="only these pairs, comma-separated (default all)")
    ap.add_argument("--no-header", dest="header", action="store_false",
                    help="data from row 1 with no header row (for builds before the rule that a text in row 1 "
                         "of a whole column is its header, e.g. 0dc991d)")
    ap.add_argument("--quick", action="store_true", help="smoke run: sizes 707,10000, 3 repetitions, budget 60 s")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    ap.add_argument("--show", type=int, default=10, help="MISMATCH lines printed per pair and size (default 10)")
    args = ap.parse_args()

    sizes = [int(s) for s in (args.sizes or ("707,10000" if args.quick else "707,10000,100000,1000000")).split(",")]
    whole = set() if args.whole in ("", "none") else {int(s) for s in args.whole.split(",")}
    reps = args.reps or (3 if args.quick else 5)
    if args.budget is None:
        args.budget = 60.0 if args.quick else 120.0
    only = set(args.pairs.split(",")) if args.pairs else None
    bounded = [n for n in sizes if n not in whole]
    largest = max(bounded) if bounded else max(sizes)
    with open(args.oxt, "rb") as f:
        oxt_sha = hashlib.sha256(f.read()).hexdigest()[:12]

    firms = read_firms()
    firm_header = tuple(list(firms[0].keys())[:col_index("K") + 1])
    results = []  # dicts (the CSV rows)
    mismatched, uncompared = [], []
    t_start = time.time()
    with Office(args.oxt) as office:
        mach = machine(office)
        log("surveycalc bench_calc: %s (sha256 %s)" % (os.path.basename(args.oxt), oxt_sha))
        log("machine: %s, %s cores, %s" % (mach["cpu"], mach["cores"], mach["libreoffice"]))
        log("sizes: %s; whole-column refs at %s; %d reps; budget %g s per series; %s"
            % (",".join(map(str, sizes)), ",".join(map(str, sorted(whole))) or "none", reps, args.budget,
               "a header in row 1, data from row 2" if args.header else "no header row, data from row 1"))
        report = Report(office)
        report.build(firms)
        check_firms(firms)
        if report.skipped:
            log("report: figures left out of both sides (no native twin):")
            for rng, name, why in report.skipped:
                log("  Report.%s %s: %s" % (rng, name, why))
        prev = {}  # (pair, side) -> (rows, seconds per calculation) at the previous bounded size
        for n in sizes:
            is_whole = n in whole
            refs = "whole" if is_whole else "bounded"
            log("\n== %d rows, %s references ==" % (n, refs))
            t0 = time.time()
            data = gen_cols(n)
            frows = firm_rows(firms, n)
            doc = office.new_spreadsheet()
            try:
                sheets = doc.Sheets
                sheets.getByIndex(0).setName("Cols")
                for i, name in enumerate(["Data", "Bench", "Report", "Trigger"]):
                    sheets.insertNewByName(name, i + 1)
                doc.enableAutomaticCalculation(False)
                top = 1 if args.header else 0
                if args.header:
                    put_rows(sheets.getByName("Cols"), [COLS_HEADER])
                    put_rows(sheets.getByName("Data"), [firm_header])
                put_rows(sheets.getByName("Cols"), data, top)
                put_rows(sheets.getByName("Data"), frows, top)
                rep_sheet = sheets.getByName("Report")
                for name, v in report.labels.items():
                    set_cell(rep_sheet.getCellRangeByName(name), v if isinstance(v, str) else float(v))
                trigger = sheets.getByName("Trigger").getCellByPosition(0, 0)
                trigger.setValue(0)
                doc.calculate()
                overhead = statistics.median(calc(doc) for _ in range(5))
                log("data written in %.1f s; an empty calculate() takes %.2f ms" % (time.time() - t0, overhead * 1e3))
                pairs = simple_pairs(n, is_whole, data, n == largest and not is_whole or
                                     (not bounded and n == largest), args.header)
                pairs.append(report.pair(n, is_whole, frows, args.header))
                verify = {}
                if is_whole:
                    verify = {p.name: p for p in simple_pairs(n, False, data, False, args.header)
                              + [report.pair(n, False, frows, args.header)]}
                for pair in pairs:
                    if only and pair.name not in only:
                        continue
                    out = {}
                    for side_name, side in (("surveycalc", pair.ours), ("native", pair.native)):
                        key = (pair.name, side_name)
                        predicted = None
                        if not is_whole and key in prev:
                            n0, t = prev[key]
                            predicted = t * n / n0
                        res = run_side(doc, pair, side, reps, args.budget, predicted, trigger)
                        if not is_whole and res.est is not None:
                            prev[key] = (n, res.est)
                        out[side_name] = res
                    ours, nat = out["surveycalc"], out["native"]
                    how = ""
                    if is_whole and (ours.figures is None or nat.figures is None):
                        # Too slow to time with whole columns: check the figures with the
                        # same side over bounded ranges (same data), untimed.
                        twin = verify.get(pair.name)
                        for side_name, r in (("surveycalc", ours), ("native", nat)):
                            if r.figures is None and twin is not None:
                                r.figures = figures_of(doc, twin, getattr(twin, SIDE_ATTR[side_name]))
                                how = "; %s figures from bounded ranges, untimed" % side_name
                    if ours.figures is not None and nat.figures is not None:
                        bad = compare(ours.figures, nat.figures)
                        count = len(set(ours.figures) | set(nat.figures))
                        nfig = "%d figure%s" % (count, "" if count == 1 else "s")
                        values = ("equal (%s%s)" % (nfig, how) if not bad
                                  else "MISMATCH (%d of %s%s)" % (len(bad), nfig, how))
                        for k, a, b in bad[:args.show]:
                            log("MISMATCH %s %d rows %s: surveycalc %s, native %s" % (pair.name, n, k, a, b))
                        if bad:
                            mismatched.append((pair.name, n))
                    else:
                        values = "not compared"
                        uncompared.append((pair.name, n))
                    for mode in ("cold", "warm"):
                        a, b = getattr(ours, mode), getattr(nat, mode)
                        ratio = statistics.median(a) / statistics.median(b) if a and b else None
                        row = {
                            "pair": pair.name, "what": pair.what, "rows": n, "refs": refs, "mode": mode,
                            "surveycalc_ms": fmt_ms(a), "native_ms": fmt_ms(b),
                            "ratio": fmt_ratio(ratio),
                            "surveycalc_reps": len(a) if a else 0, "native_reps": len(b) if b else 0,
                            "surveycalc_note": ours.note, "native_note": nat.note, "values": values,
                            "header": "row 1" if args.header else "none",
                            "empty_calc_ms": "%.2f" % (overhead * 1e3),
                            "surveycalc_edit_ms": fmt_ms(ours.edits[mode], "%.2f"),
                            "native_edit_ms": fmt_ms(nat.edits[mode], "%.2f"),
                        }
                        results.append(row)
                    log("%-16s %6s %-7s cold %10s / %10s ms   warm %10s / %10s ms   %s" % (
                        pair.name, human_rows(n), refs, fmt_ms(ours.cold) or "-", fmt_ms(nat.cold) or "-",
                        fmt_ms(ours.warm) or "-", fmt_ms(nat.warm) or "-", values))
                    for side_name, r in (("surveycalc", ours), ("native", nat)):
                        if r.note:
                            log("    %s: %s" % (side_name, r.note))
            finally:
                doc.close(True)
    elapsed = time.time() - t_start

    print_table(results, mach, oxt_sha, args, elapsed)
    print_growth(results, bounded)
    if args.markdown:
        print_markdown(results, mach)
    if mismatched:
        log("\nMISMATCH in: %s" % ", ".join("%s at %d rows" % m for m in mismatched))
    else:
        log("\nevery compared pair gives equal figures (within 1e-9)")
    if uncompared:
        log("not compared (a side not run): %s" % ", ".join("%s at %d rows" % u for u in uncompared))
    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        fields = ["pair", "rows", "refs", "mode", "surveycalc_ms", "native_ms", "ratio", "surveycalc_reps",
                  "native_reps", "surveycalc_note", "native_note", "values", "what", "header", "empty_calc_ms", "surveycalc_edit_ms",
                  "native_edit_ms", "cpu", "cores",
                  "libreoffice", "oxt", "oxt_sha256", "budget_s", "date"]
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            for r in results:
                w.writerow(dict(r, cpu=mach["cpu"], cores=mach["cores"], libreoffice=mach["libreoffice"],
                                oxt=os.path.basename(args.oxt), oxt_sha256=oxt_sha, budget_s=args.budget,
                                date=stamp))
        log("wrote %s" % args.csv)


def cell_text(r, side):
    ms = r[side + "_ms"]
    note = r[side + "_note"]
    if not ms:  # "> 60 s, not run (est. 429 s: ...)" -> "> 60 s, not run (est. 429 s)"
        m = re.match(r"(> \S+ s), not run \((est\. \S+ s|first calculation took \S+ s)", note)
        if not m:
            return "not run"
        return "%s, not run (%s)" % (m.group(1), m.group(2).replace("first calculation took", "first calc"))
    if r[side + "_reps"] and "budget" in note:
        n = r[side + "_reps"]
        return "%s (%d rep%s)" % (ms, n, "" if n == 1 else "s")
    return ms


def table_rows(results):
    out = []
    for r in results:
        out.append([r["pair"], human_rows(r["rows"]), r["refs"], r["mode"], cell_text(r, "surveycalc"),
                    cell_text(r, "native"), r["ratio"] or "-"])
    return out


HEAD = ["pair", "rows", "refs", "mode", "surveycalc ms", "native ms", "ratio"]


def print_table(results, mach, oxt_sha, args, elapsed):
    rows = table_rows(results)
    widths = [max(len(str(x)) for x in col) for col in zip(HEAD, *rows)] if rows else [len(h) for h in HEAD]
    log("\n%s, %s cores, %s; %s (sha256 %s); %.0f s in all" % (
        mach["cpu"], mach["cores"], mach["libreoffice"], os.path.basename(args.oxt), oxt_sha, elapsed))
    for name, what in dict.fromkeys((r["pair"], r["what"]) for r in results):
        log("  %-16s %s" % (name, what))
    log("ratio = surveycalc / native (median ms of doc.calculate()); cold: after a data edit; warm: data unchanged")
    line = "  ".join(h.ljust(w) if i < 4 else h.rjust(w) for i, (h, w) in enumerate(zip(HEAD, widths)))
    log(line)
    log("-" * len(line))
    for r in rows:
        log("  ".join(str(x).ljust(w) if i < 4 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths))))


def print_growth(results, bounded):
    if len(bounded) < 2:
        log("\ngrowth exponent: needs two bounded sizes (e.g. 10000 and 1000000)")
        return
    a, b = min(bounded), max(bounded)
    log("\ngrowth exponent log(t_%s/t_%s)/log(%s/%s) (1 = linear in rows):"
        % (human_rows(b), human_rows(a), human_rows(b), human_rows(a)))
    by = {(r["pair"], r["rows"], r["mode"]): r for r in results if r["refs"] == "bounded"}
    for pair in dict.fromkeys(r["pair"] for r in results):
        if not any((pair, a, m) in by for m in ("cold", "warm")):
            continue  # run at one size only (the fifty pairs)
        for mode in ("cold", "warm"):
            ra, rb = by.get((pair, a, mode)), by.get((pair, b, mode))
            parts = []
            for side in ("surveycalc", "native"):
                if ra and rb and ra[side + "_ms"] and rb[side + "_ms"]:
                    e = math.log(float(rb[side + "_ms"]) / float(ra[side + "_ms"])) / math.log(b / a)
                    parts.append("%s %.2f" % (side, e))
                else:
                    parts.append("%s -" % side)
            log("  %-16s %-5s %s" % (pair, mode, "   ".join(parts)))


def print_markdown(results, mach):
    log("\n%s, %s cores, %s. Median ms of `doc.calculate()`; ratio = surveycalc / native.\n"
        % (mach["cpu"], mach["cores"], mach["libreoffice"]))
    log("| " + " | ".join(HEAD) + " |")
    log("|" + "|".join(["---"] * 4 + ["---:"] * 3) + "|")
    for r in table_rows(results):
        log("| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |")


if __name__ == "__main__":
    main()
