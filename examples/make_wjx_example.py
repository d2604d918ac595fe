"""Builds examples/wjx_export.ods: a 问卷星 (wjx) "按选项文本下载" export, laid out
exactly as the platform writes it, and a 报告 (Report) sheet whose figures are
surveycalc formulas pointed straight at the export, with no cleaning step.

The rows are SYNTHETIC and live in examples/data/wjx_export.csv (UTF-8), so
that tests/e2e/test_exports.py reads the same rows. Regenerate them (fixed
seed, byte-for-byte deterministic) and then the workbook:

    python3 examples/make_wjx_example.py --csv examples/data/wjx_export.csv
    /usr/bin/python3 examples/make_wjx_example.py build/surveycalc.oxt examples/wjx_export.ods

Conventions of the export kept as they are (see examples/data/README.md):
  - 来自IP: "61.141.23.8(广东-深圳)", "(未知)" when the platform could not place it;
  - the region question (省市区题): "广东省-深圳市-南山区", "广东-广州-天河区",
    "北京-朝阳区", "重庆-渝中区";
  - multiple choice: answers joined by "┋", other-please-specify as
    "其他〖物流不通，缺人〗" (delimiters inside the brackets are the respondent's);
  - "(跳过)" for a question skipped by logic (6、7 when not resumed),
    "(空)" for a question left empty;
  - scores and counts as numbers.
"""
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_PATH = os.path.join(HERE, "data", "wjx_export.csv")

HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
          "1、贵企业所在地区：", "2、企业规模：", "3、复工复产难度（0-10分）：",
          "4、目前面临的主要困难（多选）：", "5、是否已全面复工：", "6、员工返岗人数", "7、员工总人数",
          "8、您对政府的政策建议："]

SHEET = "Sheet1"  # the name the downloaded workbook's only sheet has
N_ROWS = 48

# The options of question 4 in the questionnaire's order; 其他 takes a text (〖…〗).
OBSTACLES = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "当地政府严格限制开复工",
             "客户资源受损", "物流不畅通", "资金周转困难", "远程办公无法实现", "其他"]

# (region answer as the 省市区 question writes it, IP location as the 来自IP column writes it, weight)
PLACES = [
    ("广东省-深圳市-南山区", "广东-深圳", 6), ("广东省-深圳市-福田区", "广东-深圳", 3),
    ("广东-广州-天河区", "广东-广州", 4), ("广东省-东莞市-南城街道", "广东-东莞", 2),
    ("广东省-汕头市-金平区", "广东-汕头", 2),
    ("北京-朝阳区", "北京-北京", 5), ("北京-海淀区", "北京-北京", 4), ("天津-滨海新区", "天津-天津", 2),
    ("上海-浦东新区", "上海-上海", 4), ("上海-徐汇区", "上海-上海", 2),
    ("江苏省-南京市-鼓楼区", "江苏-南京", 3), ("江苏省-苏州市-姑苏区", "江苏-苏州", 2),
    ("浙江省-杭州市-西湖区", "浙江-杭州", 3),
    ("重庆-渝中区", "重庆-重庆", 4), ("重庆-江北区", "重庆-重庆", 2),
    ("湖北省-武汉市-江岸区", "湖北-武汉", 3), ("四川省-成都市-武侯区", "四川-成都", 2),
]
IP_PREFIX = {"广东": ["61.141.23.", "113.116.36.", "183.14.29."], "北京": ["114.247.50.", "123.118.9."],
             "天津": ["60.29.153."], "上海": ["101.87.41.", "180.168.72."], "江苏": ["49.77.180.", "58.208.14."],
             "浙江": ["115.199.100."], "重庆": ["113.250.14.", "106.91.20."], "湖北": ["27.17.222."],
             "四川": ["118.113.8."]}
OTHER_TEXTS = ["物流不通，缺人", "订单被取消", "原材料涨价、运输受阻", "房租压力大;员工住宿难", "社保缓缴政策不清楚"]
SOURCES = [("微信", "N/A"), ("手机提交", "直接访问"), ("链接", "直接访问")]
SIZES = ["微型", "小型", "中型", "大型"]
SUGGESTIONS = ["减免房租", "希望延长社保缓缴，减免部分税费", "开通员工返岗专车", "简化复工审批流程、统一各地标准",
               "提供口罩和消毒物资"]


def generate():
    """The export's rows (header first), all cells as text, as the CSV holds them."""
    rnd = random.Random(20200219)
    rows = [HEADER]
    weights = [w for _, _, w in PLACES]
    minute = 0
    for i in range(1, N_ROWS + 1):
        region, ip_place, _ = rnd.choices(PLACES, weights)[0]
        # IP: mostly where the firm is; some answered elsewhere; some the platform cannot place
        r = rnd.random()
        if i in (7, 23, 41):
            ip_place = "未知"
        elif i == 34:
            ip_place = "美国"
        elif r < 0.12:
            ip_place = rnd.choice(["上海-上海", "北京-北京", "广东-深圳", "江苏-苏州"])
        prov = ip_place.split("-")[0]
        prefix = rnd.choice(IP_PREFIX.get(prov, ["223.104.63.", "39.144.10.", "104.28.5."]))
        ip = "%s%d(%s)" % (prefix, rnd.randint(2, 254), ip_place)
        size = rnd.choices(SIZES, [3, 5, 4, 2])[0]
        base = {"微型": 7.5, "小型": 6.8, "中型": 6.2, "大型": 5.6}[size]
        difficulty = max(0, min(10, round(rnd.gauss(base, 1.8))))
        resumed = "否" if rnd.random() < (0.25 + (difficulty - 6) * 0.08) else "是"
        k = rnd.choices([1, 2, 3, 4], [3, 4, 3, 1])[0]
        chosen = sorted(rnd.sample(range(len(OBSTACLES) - 1), k))
        answers = [OBSTACLES[j] for j in chosen]
        if rnd.random() < 0.17:
            answers.append("其他〖%s〗" % rnd.choice(OTHER_TEXTS))
        obstacles = "┋".join(answers)
        if resumed == "是":
            total = rnd.choice([6, 8, 12, 15, 20, 26, 35, 48, 60, 85, 120, 230])
            returned = max(1, round(total * rnd.uniform(0.35, 1.0)))
            returned, total = str(returned), str(total)
        else:
            returned = total = "(跳过)"  # 6 and 7 are shown only to firms that resumed
        suggestion = rnd.choice(SUGGESTIONS) if rnd.random() < 0.3 else "(空)"
        minute += rnd.randint(3, 55)
        day, rest = divmod(minute, 600)
        t = "2020/2/%d %d:%02d:%02d" % (19 + day, 8 + rest // 60, rest % 60, rnd.randint(0, 59))
        source, detail = rnd.choice(SOURCES)
        rows.append([str(i), t, "%d秒" % rnd.randint(45, 600), source, detail, ip, region, size,
                     str(difficulty), obstacles, resumed, returned, total, suggestion])
    # Fixed cases every example needs, whatever the draw gave:
    rows[5][8] = "(空)"  # a difficulty left empty
    rows[29][8] = "(空)"
    rows[12][9] = "(空)"  # the multiple choice left empty: not in the mention base
    rows[3][9] = "外地员工返岗需隔离┋上下游产业链难以协同复工┋其他〖物流不通，缺人〗"
    rows[18][9] = "其他〖订单被取消〗"  # only 其他
    rows[40][9] += "┋其他〖房租压力大;员工住宿难〗"  # a ";" inside the brackets
    rows[26][10], rows[26][11], rows[26][12] = "(空)", "(空)", "(空)"  # resumption not answered
    rows[9][10], rows[9][11], rows[9][12] = "是", "12", "(空)"  # total staff left empty: out of SUMRATIO
    rows[2][6], rows[2][5] = "重庆-渝中区", "113.250.14.77(重庆-重庆)"
    rows[8][6], rows[8][5] = "北京-朝阳区", "114.247.50.2(北京-北京)"
    rows[1][6], rows[1][5] = "广东省-深圳市-南山区", "61.141.23.8(广东-深圳)"
    return rows


def write_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(generate())


def read_csv(path=CSV_PATH):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def typed(cell):
    """A CSV field as the export's cell holds it: numbers as numbers, the rest as text."""
    return float(cell) if NUMBER.match(cell) else cell


# ---------------------------------------------------------------------------------------------
# The report sheet. Column letters of the export: F 来自IP, G 地区, H 规模, I 难度, J 困难, K 复工,
# L 返岗人数, M 员工总人数.
def col(letter, rows):
    return "$%s.$%s$2:$%s$%d" % (SHEET, letter, letter, rows + 1)


PROVINCES = ["广东省", "北京市", "上海市", "江苏省", "重庆市"]


def report_rows(n):
    """(label, formula or None, format) of column A/B of the report, top to bottom."""
    I, G, F, J, K, L, M = (col(c, n) for c in "IGFJKLM")
    out = [("平均难度（全部企业）", "=DIFFICULTY(%s)" % I, "0.00")]
    for p in PROVINCES:
        out.append(("平均难度：%s（按所在地区）" % p, '=DIFFICULTY(%s;%s;"%s")' % (I, G, p), "0.00"))
    for p in PROVINCES:
        out.append(("平均难度：%s（按IP属地）" % p, '=DIFFICULTY(%s;%s;"%s")' % (I, F, p), "0.00"))
    for o in OBSTACLES:
        out.append(("提及率：%s" % o, '=MENTIONRATE(%s;"%s")' % (J, o), "0.0%"))
    out.append(("尚未全面复工企业占比（否）", '=SHARE(%s;"否")' % K, "0.0%"))
    out.append(("员工返岗率（返岗人数合计/员工总数合计）", "=SUMRATIO(%s;%s)" % (L, M), "0.0%"))
    out.append(("数据检查：4、主要困难", '=DATACHECK(%s;"responses")' % J, None))
    out.append(("数据检查：3、难度", '=DATACHECK(%s;"scores")' % I, None))
    return out


GROUPTABLE_AT = "E2:G13"  # 12 rows: room for every province of the export
CROSSTAB_AT = "E17:H27"  # options x 三大经济圈 (and one spare row)


def tables(n):
    I, G, J = (col(c, n) for c in "IGJ")
    return [
        ("E1", ["省份（按所在地区）", "样本数", "平均难度"], GROUPTABLE_AT,
         "=GROUPTABLE(%s;%s;\"rows\";12)" % (I, G)),
        ("E16", ["各经济圈主要困难提及率（按所在地区）"], CROSSTAB_AT,
         "=CROSSTAB(%s;%s;\"by\";\"circles\";\"rows\";11;\"cols\";4)" % (J, G)),
    ]


def main(oxt, out):
    sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
    from office import Office, fill

    rows = read_csv()
    n = len(rows) - 1
    with Office(oxt) as office:
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        sheets.getByIndex(0).setName(SHEET)
        sheets.insertNewByName("报告", 1)
        data = sheets.getByName(SHEET)
        fill(data, "A1", [rows[0]] + [[typed(c) for c in r] for r in rows[1:]])
        rep = sheets.getByName("报告")
        fill(rep, "A1", [["指标", "数值", "公式"]])
        formats = doc.NumberFormats

        def fmt(code):
            key = formats.queryKey(code, doc.CharLocale, False)
            return key if key != -1 else formats.addNew(code, doc.CharLocale)

        for i, (label, formula, code) in enumerate(report_rows(n), start=1):
            rep.getCellByPosition(0, i).setString(label)
            rep.getCellByPosition(1, i).setFormula(formula)
            rep.getCellByPosition(2, i).setString(formula)
            if code:
                rep.getCellByPosition(1, i).NumberFormat = fmt(code)
        for head_at, head, at, formula in tables(n):
            fill(rep, head_at, [head])
            rep.getCellRangeByName(at).setArrayFormula(formula)
            a = rep.getCellRangeByName(at).getRangeAddress()
            rep.getCellByPosition(a.StartColumn, a.EndRow + 1).setString(formula)
        rep.getCellRangeByName("G2:G13").NumberFormat = fmt("0.00")
        rep.getCellRangeByName("F18:H27").NumberFormat = fmt("0.0%")
        rep.getColumns().getByIndex(0).Width = 9000
        rep.getColumns().getByIndex(1).Width = 4000
        rep.getColumns().getByIndex(4).Width = 5000
        doc.calculateAll()
        office.save_as(doc, out)
        doc.close(True)
    print("wrote", out)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--csv":
        write_csv(sys.argv[2])
        print("wrote", sys.argv[2])
    elif len(sys.argv) == 3:
        main(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
