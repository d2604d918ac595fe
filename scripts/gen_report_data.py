#!/usr/bin/env python3
"""Generate the SYNTHETIC data behind the example report workbook.

    python3 scripts/gen_report_data.py            # writes examples/data/*.csv
    python3 scripts/gen_report_data.py --check    # regenerate in memory, compare with the files

Writes, under examples/data/:

  firms.csv      707 synthetic firm responses (not real survey answers) built so
                 that every microdata figure of the 2020 survey report
                 (published-figures.csv) comes out at the report's printed
                 precision;
  cities.csv     the 14 software cities of report 002 (firm and staff counts by
                 city and firm group, invented per city, summing to the
                 published totals);
  spellings.csv  every distinct place spelling used in firms.csv with the
                 province/city it stands for (for gazetteer tests).

Python 3 standard library only; a fixed seed makes the output byte-for-byte
deterministic. The published figures are met by construction (integer sums and
counts chosen inside their printed windows). The script computes no statistic
to check them: tests/e2e/test_report.py does, through the add-in, against the
published values and against exact values counted from these files. What the
script does check is how the data is built (spellings, city counts); if that
fails it exits with status 1 and writes nothing.
See examples/data/README.md for the design and for the printed figures that no
data set can reproduce.
"""
import csv
import io
import math
import os
import random
import sys
import unicodedata
from fractions import Fraction as Fr

SEED = 20200219          # the report's cut-off date
N_FIRMS = 707
PROVENANCE = "synthetic (scripts/gen_report_data.py, seed 20200219)"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "examples", "data")

FAILURES = []


def check(cond, msg):
    if not cond:
        FAILURES.append(msg)


# ---------------------------------------------------------------------------
# Rounding as printed: half up, at a given number of decimals, on exact values.

def prints_as(x, printed, decimals, margin=0):
    """True when the exact value x prints as `printed` (a decimal string / number)
    and is not on a rounding boundary (so half-up and half-even agree); with a
    margin (in units of the last printed digit), at least that far inside."""
    printed = Fr(str(printed))
    unit = Fr(1) / Fr(10) ** decimals
    half = unit / 2 - Fr(margin) * unit
    return printed - half < x < printed + half


# Aggregates are built to sit at least this far (in units of the printed last
# digit) from a rounding boundary, so float noise or another rounding rule can
# never flip them; a small group where no sum is that far in gets the plain rule.
MARGIN = Fr(1, 20)


# ---------------------------------------------------------------------------
# Published figures the data is built to reproduce (copied from
# examples/data/published-figures.csv; the end-to-end test checks them there).

# Table 1: province -> (mean as printed, number of rows we give it)
PROVINCES = [
    ("重庆市", "9.3", 12), ("湖北省", "9.0", 16), ("江西省", "8.5", 10),
    ("陕西省", "8.2", 15), ("广西壮族自治区", "8.0", 10), ("吉林省", "8.0", 6),
    ("青海省", "8.0", 3), ("甘肃省", "7.8", 9), ("山西省", "7.6", 8),
    ("河南省", "7.3", 22), ("贵州省", "7.3", 7), ("浙江省", "7.1", 48),
    ("上海市", "6.9", 64), ("内蒙古自治区", "6.7", 6), ("河北省", "6.6", 22),
    ("广东省", "6.6", 96), ("天津市", "6.6", 20), ("四川省", "6.5", 36),
    ("北京市", "6.4", 86), ("辽宁省", "6.4", 20), ("江苏省", "6.3", 50),
    ("山东省", "5.9", 47), ("云南省", "5.7", 17), ("安徽省", "5.5", 12),
    ("黑龙江省", "5.0", 8), ("福建省", "4.9", 28), ("湖南省", "4.5", 26),
    ("海南省", "2.0", 3),
]
# 新疆, 宁夏 and 西藏 get no rows: table 1 shows no figure for them.
DIFF_ALL = "6.6"
REGIONS = {  # circles: members, printed mean
    "长三角": (["上海市", "江苏省", "浙江省", "安徽省"], "6.7"),
    "珠三角": (None, "6.6"),  # nine Guangdong cities, see PRD_CITIES
    "京津冀": (["北京市", "天津市", "河北省"], "6.5"),
}
PRD_CITIES = ["广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"]

# Obstacle labels (multi-response). Figure 1 and section 2.2 labels are the
# short forms of published-figures.csv; 物流不畅通 is the supply-chain/logistics
# answer of sec. 2.1 (141 firms) and sec. 1.3; 多口径上报员工动向 is quoted in
# sec. 1.3 without a figure (its count here is invented and unconstrained).
OBSTACLES = [
    # label, published percent (None: not published; count from EXTRA_COUNTS)
    ("外地员工返岗需隔离", "53.3"),
    ("上下游产业链难以协同复工", "44.0"),
    ("防护资源难以充足准备", "42.4"),
    ("当地政府严格限制开复工", "32.5"),
    ("客户资源受损", "32.0"),
    ("远程办公无法实现", "12.9"),
    ("限制疫情严重地区员工流入", "24.6"),
    ("返岗员工不足", "26.9"),
    ("物流不畅通", None),            # count fixed at 141 (MENTION_COUNT)
    ("多口径上报员工动向", None),      # unconstrained, 63 (8.9%)
]
SUPPLY_LABEL = "物流不畅通"
SUPPLY_COUNT = 141
EXTRA_COUNTS = {"物流不畅通": SUPPLY_COUNT, "多口径上报员工动向": 63}
GOV_LABEL = "当地政府严格限制开复工"
GOV_PROVINCES = ["安徽省", "陕西省", "重庆市"]

SIZES = ["微型", "小型", "中型", "大型"]
SIZE_COUNT = {"微型": 82, "小型": 286, "中型": 238, "大型": 101}
NOT_RESUMED_SIZE = {"微型": "59.8", "小型": "40.2", "中型": "23.2", "大型": "11.0"}
# Firms that did not answer the resumption question, by size (see README):
# 23.2% and 11.0% are only reachable over 237 and 100 answering firms.
RESUMED_BLANK = {"微型": 0, "小型": 0, "中型": 1, "大型": 1}
DIFF_SIZE = {"微型": "7.2", "小型": "6.5", "中型": "6.5", "大型": "6.5"}

AREAS = [  # business area, share of firms
    ("通信工程建设", 18), ("运行维护", 14), ("系统集成", 12), ("通信设备制造", 10),
    ("软件和信息技术服务", 12), ("网络安全", 6), ("光电缆", 5), ("电子商务", 5),
    ("物流", 4), ("电子制造", 5), ("技术研发", 5), ("咨询服务", 4),
]
# Sec. 2.1: logistics problems were cited in 9 business areas; 物流 and 电子商务
# most, then 运行维护 and 电子制造, each above 20%. Relative propensity by area
# (0: never cited).
SUPPLY_BY_AREA = {
    "物流": 0.62, "电子商务": 0.52, "运行维护": 0.36, "电子制造": 0.34,
    "通信设备制造": 0.24, "技术研发": 0.2, "光电缆": 0.18, "通信工程建设": 0.12,
    "系统集成": 0.08, "网络安全": 0.0, "软件和信息技术服务": 0.0, "咨询服务": 0.0,
}

# ---------------------------------------------------------------------------
# Places: how people type them. Each province: short name, English, optional
# one-character abbreviation, and cities (canonical name, short, English or None).

PLACE_INFO = {
    "重庆市": ("重庆", "Chongqing", "渝", []),
    "湖北省": ("湖北", "Hubei", None, [("武汉市", "武汉", "Wuhan", 11), ("宜昌市", "宜昌", None, 3), ("襄阳市", "襄阳", None, 2)]),
    "江西省": ("江西", "Jiangxi", None, [("南昌市", "南昌", None, 8), ("赣州市", "赣州", None, 2)]),
    "陕西省": ("陕西", "Shaanxi", None, [("西安市", "西安", None, 13), ("宝鸡市", "宝鸡", None, 2)]),
    "广西壮族自治区": ("广西", "Guangxi", None, [("南宁市", "南宁", None, 7), ("柳州市", "柳州", None, 3)]),
    "吉林省": (None, None, None, [("长春市", "长春", None, 6)]),   # "吉林"/"Jilin" alone is also a city: typed as 吉林省
    "青海省": ("青海", "Qinghai", None, [("西宁市", "西宁", None, 3)]),
    "甘肃省": ("甘肃", "Gansu", None, [("兰州市", "兰州", None, 9)]),
    "山西省": ("山西", "Shanxi", None, [("太原市", "太原", None, 8)]),
    "河南省": ("河南", "Henan", None, [("郑州市", "郑州", None, 16), ("洛阳市", "洛阳", None, 6)]),
    "贵州省": ("贵州", "Guizhou", None, [("贵阳市", "贵阳", None, 7)]),
    "浙江省": ("浙江", "Zhejiang", "浙", [("杭州市", "杭州", "Hangzhou", 31), ("宁波市", "宁波", None, 11), ("温州市", "温州", None, 6)]),
    "上海市": ("上海", "Shanghai", "沪", []),
    "内蒙古自治区": ("内蒙古", "Inner Mongolia", None, [("呼和浩特市", "呼和浩特", None, 6)]),
    "河北省": ("河北", "Hebei", None, [("石家庄市", "石家庄", None, 14), ("保定市", "保定", None, 5), ("唐山市", "唐山", None, 3)]),
    "天津市": ("天津", "Tianjin", "津", []),
    "四川省": ("四川", "Sichuan", None, [("成都市", "成都", "Chengdu", 32), ("绵阳市", "绵阳", None, 4)]),
    "北京市": ("北京", "Beijing", "京", []),
    "辽宁省": ("辽宁", "Liaoning", None, [("沈阳市", "沈阳", None, 11), ("大连市", "大连", "Dalian", 9)]),
    "江苏省": ("江苏", "Jiangsu", None, [("南京市", "南京", "Nanjing", 28), ("苏州市", "苏州", None, 12), ("无锡市", "无锡", None, 10)]),
    "山东省": ("山东", "Shandong", None, [("济南市", "济南", "Jinan", 26), ("青岛市", "青岛", "Qingdao", 21)]),
    "云南省": ("云南", "Yunnan", None, [("昆明市", "昆明", "Kunming", 17)]),
    "安徽省": ("安徽", "Anhui", None, [("合肥市", "合肥", "Hefei", 9), ("芜湖市", "芜湖", None, 3)]),
    "黑龙江省": ("黑龙江", "Heilongjiang", None, [("哈尔滨市", "哈尔滨", "Harbin", 8)]),
    "福建省": ("福建", "Fujian", None, [("福州市", "福州", None, 16), ("厦门市", "厦门", "Xiamen", 12)]),
    "湖南省": ("湖南", "Hunan", None, [("长沙市", "长沙", "Changsha", 26)]),
    "海南省": ("海南", "Hainan", None, [("海口市", "海口", "Haikou", 3)]),
}
MUNICIPALITIES = ["北京市", "上海市", "天津市", "重庆市"]
# Spellings that could mean two places, never typed (checked on the key the
# gazetteer uses: NFKC, case folded, without spaces, hyphens and apostrophes).
# 吉林/Jilin: city and province; 中山: the city and many districts; Latin names
# shared by two prefectures (data/gazetteer.tsv header): Suzhou 苏州/宿州,
# Fuzhou 福州/抚州, Taizhou 泰州/台州, Yichun 伊春/宜春, Yulin 玉林/榆林. Xi'an
# (key xian) was excluded from the start (see examples/data/README.md).
BANNED_SPELLINGS = {"吉林", "jilin", "中山", "suzhou", "fuzhou", "taizhou", "yichun", "yulin", "xian"}


def spelling_key(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(c for c in s if not c.isspace() and c not in "-_'\u2019")
# spellings that must occur (the rest are drawn at random)
REQUIRED_SPELLINGS = {
    "重庆市": ["重庆", "重庆市", "Chongqing", "渝", "Ｃｈｏｎｇｑｉｎｇ", " 重庆市", "重庆\u3000"],
    "内蒙古自治区": ["内蒙古", "Inner Mongolia", "内蒙古自治区"],
    "北京市": ["北京", "北京市", "Beijing", "京"],
    "上海市": ["上海", "上海市", "Shanghai", "沪"],
    "天津市": ["天津", "天津市", "Tianjin", "津"],
}

# Guangdong: every row names its city. city, short, English, rows.
GD_PRD = [("深圳市", "深圳", "Shenzhen", 34), ("广州市", "广州", "Guangzhou", 28), ("东莞市", "东莞", "Dongguan", 5),
          ("佛山市", "佛山", "Foshan", 5), ("珠海市", "珠海", "Zhuhai", 3), ("惠州市", "惠州", None, 3),
          ("中山市", None, None, 2), ("江门市", "江门", None, 2), ("肇庆市", None, None, 2)]
GD_OTHER = [("汕头市", "汕头", "Shantou", 4), ("湛江市", "湛江", None, 3), ("韶关市", "韶关", None, 2),
            ("梅州市", "梅州", None, 2), ("揭阳市", None, None, 1)]
# (中山/肇庆/揭阳 are only typed with 市 or with the province, never bare.)

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}


def to_fullwidth(s):
    return "".join(FULLWIDTH.get(c, "\u3000" if c == " " else c) for c in s)


def region_of(province, city):
    if province in REGIONS["长三角"][0]:
        return "长三角"
    if province in REGIONS["京津冀"][0]:
        return "京津冀"
    if province == "广东省" and city in PRD_CITIES:
        return "珠三角"
    return ""


def typed_variants(rng, province, city_entry):
    """One typed spelling for a row. Returns (typed, typed_level)."""
    short, eng, abbr, _ = PLACE_INFO.get(province, (None, None, None, []))
    pshort = province[:-1] if province.endswith(("省", "市")) else short
    if province == "广东省":
        pshort = "广东"
    cands = []  # (weight, text, level)
    if city_entry is None or province in MUNICIPALITIES:
        # municipality (or province-level answer)
        cands += [(5, short, "province"), (4, province, "province")]
        if eng:
            cands += [(1.5, eng, "province"), (0.6, eng.upper(), "province"), (0.6, to_fullwidth(eng), "province"),
                      (0.3, eng.lower(), "province")]
        if abbr:
            cands += [(1.0, abbr, "province")]
        if province == "内蒙古自治区":
            cands += [(2, "Inner Mongolia", "province"), (1, "inner mongolia", "province")]
    else:
        cname, cshort, ceng = city_entry
        if province != "广东省" and province != "吉林省":
            cands += [(3, short, "province"), (2.5, province, "province")]
            if eng:
                cands += [(0.8, eng, "province"), (0.3, to_fullwidth(eng), "province")]
        if province == "吉林省":
            cands += [(3, "吉林省", "province")]
        cands += [(2.5, pshort + (cshort or cname[:-1]), "city"), (2, cname, "city"),
                  (1, province + cname, "city"), (0.6, pshort + " " + (cshort or cname[:-1]), "city")]
        if cshort:
            cands += [(1.5, cshort, "city")]
        if ceng:
            cands += [(0.8, ceng, "city"), (0.4, to_fullwidth(ceng), "city"), (0.2, ceng.upper(), "city")]
    tot = sum(w for w, _, _ in cands)
    r = rng.random() * tot
    for w, text, level in cands:
        r -= w
        if r <= 0:
            break
    # stray spaces: ASCII or ideographic, leading or trailing
    u = rng.random()
    if u < 0.05:
        text = " " + text
    elif u < 0.10:
        text = text + " "
    elif u < 0.13:
        text = "\u3000" + text
    elif u < 0.15:
        text = text + "  "
    return text, level


# ---------------------------------------------------------------------------
# Step 1: per-province row counts and integer score sums.

def window(n, printed, decimals=1, margin=0):
    """Integer sums S with S/n printing as `printed` (strictly inside), 0<=S<=10n."""
    return [s for s in range(0, 10 * n + 1) if prints_as(Fr(s, n), printed, decimals, margin)]


def choose_sums(rng):
    groups = []  # (key, province, rows); Guangdong split into its PRD and other rows
    for prov, printed, n in PROVINCES:
        if prov == "广东省":
            n_prd = sum(c[3] for c in GD_PRD)
            groups.append(("广东省/珠三角", prov, n_prd))
            groups.append(("广东省/其他", prov, n - n_prd))
        else:
            groups.append((prov, prov, n))
    n_total = sum(n for _, _, n in groups)
    assert n_total == N_FIRMS, n_total
    printed = dict((p, m) for p, m, _ in PROVINCES)
    S = {}
    for key, prov, n in groups:
        target = Fr(printed[prov]) * n
        S[key] = int(round(target))
    # Guangdong other: free (only GD total constrained); start at the mean.
    n_of = {key: n for key, _, n in groups}

    # overall 6.6, and a total that lets every size mean sit near the middle
    # of its window (7.2 / 6.5 x3)
    mids = sum(Fr(min(window(SIZE_COUNT[z], DIFF_SIZE[z])) + max(window(SIZE_COUNT[z], DIFF_SIZE[z])), 2)
               for z in SIZES)
    lo, hi = mids - 20, mids + 20
    ok = lambda s, n, m: prints_as(Fr(s, n), m, 1, MARGIN) or (  # noqa: E731
        not window(n, m, margin=MARGIN) and prints_as(Fr(s, n), m, 1))

    def violations():
        v = []
        for prov, m, n in PROVINCES:
            if prov == "广东省":
                s = S["广东省/珠三角"] + S["广东省/其他"]
            else:
                s = S[prov]
            if not ok(s, n, m):
                v.append(("prov", prov, Fr(s, n) - Fr(m)))
        s_prd = S["广东省/珠三角"]
        if not ok(s_prd, n_of["广东省/珠三角"], REGIONS["珠三角"][1]):
            v.append(("region", "珠三角", Fr(s_prd, n_of["广东省/珠三角"]) - Fr(REGIONS["珠三角"][1])))
        for reg in ("长三角", "京津冀"):
            members, m = REGIONS[reg]
            s = sum(S[p] for p in members)
            nn = sum(n_of[p] for p in members)
            if not ok(s, nn, m):
                v.append(("region", reg, Fr(s, nn) - Fr(m)))
        tot = sum(S.values())
        if not ok(tot, N_FIRMS, DIFF_ALL):
            v.append(("all", "", Fr(tot, N_FIRMS) - Fr(DIFF_ALL)))
        elif tot < lo:
            v.append(("all", "", Fr(-1)))
        elif tot > hi:
            v.append(("all", "", Fr(1)))
        return v

    def members_of(kind, name):
        if kind == "prov":
            return ["广东省/珠三角", "广东省/其他"] if name == "广东省" else [name]
        if kind == "region":
            return ["广东省/珠三角"] if name == "珠三角" else list(REGIONS[name][0])
        return list(S.keys())

    for _ in range(20000):
        v = violations()
        if not v:
            break
        kind, name, err = v[0]
        step = -1 if err > 0 else 1
        keys = members_of(kind, name)
        key = keys[rng.randrange(len(keys))]
        S[key] += step
        if not (0 <= S[key] <= 10 * n_of[key]) or len(violations()) > len(v):
            S[key] -= step
    check(not violations(), f"province sums: unresolved {violations()}")
    return groups, S


# ---------------------------------------------------------------------------
# Step 2: individual scores with a given count and sum.

def make_scores(rng, n, total):
    mu = total / n
    sd = 0.9 + 1.3 * min(mu, 10 - mu) / 5
    xs = [min(10, max(0, int(round(rng.gauss(mu, sd))))) for _ in range(n)]
    while sum(xs) != total:
        i = rng.randrange(n)
        if sum(xs) < total and xs[i] < 10:
            xs[i] += 1
        elif sum(xs) > total and xs[i] > 0:
            xs[i] -= 1
    # spread: never all equal in a group of 3 or more
    if n >= 3 and len(set(xs)) == 1 and 0 < xs[0] < 10:
        xs[0] -= 1
        xs[1] += 1
    return xs


def pick_weighted(rng, items, weights):
    tot = sum(weights)
    r = rng.random() * tot
    for it, w in zip(items, weights):
        r -= w
        if r <= 0:
            return it
    return items[-1]


def weighted_sample(rng, idx, weights, k):
    """k distinct items, without replacement, with probabilities ~ weights
    (Efraimidis-Spirakis). Items with weight 0 are never chosen."""
    keyed = []
    for i, w in zip(idx, weights):
        if w > 0:
            keyed.append((rng.random() ** (1.0 / w), i))
    keyed.sort(reverse=True)
    assert len(keyed) >= k, (len(keyed), k)
    return [i for _, i in keyed[:k]]


def alloc_capped(total, weights, caps):
    """alloc() with an upper bound per item: items that would exceed their cap
    get the cap and the rest is split again among the others."""
    fixed = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        rest = total - sum(fixed.values())
        part = alloc(rest, [weights[i] for i in free])
        over = [i for i, v in zip(free, part) if v > caps[i]]
        if not over:
            out = [0] * len(weights)
            for i, v in fixed.items():
                out[i] = v
            for i, v in zip(free, part):
                out[i] = v
            return out
        for i in over:
            fixed[i] = caps[i]


def alloc(total, weights):
    """Largest-remainder split of an integer total in proportion to weights
    (ties to the earlier item)."""
    sw2 = sum(Fr(w).limit_denominator(10 ** 9) for w in weights)
    raw = [Fr(total) * Fr(w).limit_denominator(10 ** 9) / sw2 for w in weights]
    base = [math.floor(r) for r in raw]
    rest = total - sum(base)
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


# ---------------------------------------------------------------------------
# Firms

def build_firms(rng):
    groups, S = choose_sums(rng)
    rows = []
    for key, prov, n in groups:
        scores = make_scores(rng, n, S[key])
        # the cities of the group's rows
        if prov == "广东省":
            cities = GD_PRD if key.endswith("珠三角") else GD_OTHER
            city_list = []
            for c in cities:
                city_list += [c[:3]] * c[3]
        elif prov in MUNICIPALITIES:
            city_list = [None] * n
        else:
            cities = PLACE_INFO[prov][3]
            city_list = []
            for c in cities:
                city_list += [c[:3]] * c[3]
            assert len(city_list) == n, (prov, len(city_list), n)
        assert len(city_list) == n, (key, len(city_list), n)
        rng.shuffle(city_list)
        must = list(REQUIRED_SPELLINGS.get(prov, []))
        for sc, centry in zip(scores, city_list):
            typed, level = typed_variants(rng, prov, centry)
            if must and prov in MUNICIPALITIES + ["内蒙古自治区"]:
                typed, level = must.pop(0), "province"
            city = "" if centry is None else centry[0]
            rows.append({
                "province_true": prov, "city_true": city, "typed": typed, "level": level,
                "difficulty": sc, "region": region_of(prov, city),
            })
    rng.shuffle(rows)

    # Step 3: size classes. Small firms find it harder: bias, then repair the
    # per-size score sums by swapping the sizes of two rows.
    n = len(rows)
    order = sorted(range(n), key=lambda i: rows[i]["difficulty"] + rng.gauss(0, 3.0), reverse=True)
    size_of = [None] * n
    # micro firms drawn preferentially from the top of the (noisy) ranking
    pool = list(order)
    micro = weighted_sample(rng, pool, [1.0 + 2.0 * (rows[i]["difficulty"] >= 8) for i in pool], SIZE_COUNT["微型"])
    for i in micro:
        size_of[i] = "微型"
    others = [i for i in range(n) if size_of[i] is None]
    rng.shuffle(others)
    pos = 0
    for z in ("小型", "中型", "大型"):
        for i in others[pos:pos + SIZE_COUNT[z]]:
            size_of[i] = z
        pos += SIZE_COUNT[z]
    win = {z: window(SIZE_COUNT[z], DIFF_SIZE[z], margin=MARGIN) for z in SIZES}
    # aim at the middle of each window
    mid = {z: (win[z][0] + win[z][-1]) / 2 for z in SIZES}

    def ssum(z):
        return sum(rows[i]["difficulty"] for i in range(n) if size_of[i] == z)

    def cost():
        return sum(abs(ssum(z) - mid[z]) for z in SIZES)

    sums = {z: ssum(z) for z in SIZES}

    def viol(z, s):
        return max(0, win[z][0] + 1 - s, s - (win[z][-1] - 1))

    for _ in range(200000):
        if not any(viol(z, sums[z]) for z in SIZES):
            break
        i, j = rng.randrange(n), rng.randrange(n)
        a, b = size_of[i], size_of[j]
        if a == b:
            continue
        d = rows[j]["difficulty"] - rows[i]["difficulty"]
        v0 = viol(a, sums[a]) + viol(b, sums[b])
        v1 = viol(a, sums[a] + d) + viol(b, sums[b] - d)
        m0 = abs(sums[a] - mid[a]) + abs(sums[b] - mid[b])
        m1 = abs(sums[a] + d - mid[a]) + abs(sums[b] - d - mid[b])
        if v1 < v0 or (v1 == v0 and m1 < m0):
            size_of[i], size_of[j] = b, a
            sums[a] += d
            sums[b] -= d
    for i in range(n):
        rows[i]["size"] = size_of[i]

    # Step 4: resumed. Within each size class, the not-resumed firms are drawn
    # with weight growing with difficulty; a few firms did not answer.
    for z in SIZES:
        idx = [i for i in range(n) if size_of[i] == z]
        blanks = weighted_sample(rng, idx, [1.0] * len(idx), RESUMED_BLANK[z])
        answered = [i for i in idx if i not in blanks]
        k = not_resumed_count(z)
        no = set(weighted_sample(rng, answered, [0.4 + rows[i]["difficulty"] ** 1.5 for i in answered], k))
        for i in idx:
            rows[i]["resumed"] = "" if i in blanks else ("否" if i in no else "是")

    # Step 5: business area, drawn with a tilt by difficulty: e-commerce and
    # software easiest, construction and maintenance hardest (sec. 2.3).
    names = [a for a, _ in AREAS]
    base = [w for _, w in AREAS]
    tilt = {"电子商务": -0.3, "软件和信息技术服务": -0.3, "通信工程建设": 0.08, "运行维护": 0.08}
    for r in rows:
        x = r["difficulty"] - 6.6
        ws = [b * math.exp(tilt.get(a, 0.0) * x) for a, b in zip(names, base)]
        r["area"] = pick_weighted(rng, names, ws)

    # Step 6: obstacles.
    assign_obstacles(rng, rows)

    for k, r in enumerate(rows, 1):
        r["id"] = f"SYN-{k:04d}"
    return rows


def mention_count(printed):
    """The count c of 707 with c/707 printing as `printed` percent."""
    cs = [c for c in range(N_FIRMS + 1) if prints_as(Fr(c * 100, N_FIRMS), printed, 1)]
    assert len(cs) == 1, (printed, cs)
    return cs[0]


def not_resumed_count(z):
    n = SIZE_COUNT[z] - RESUMED_BLANK[z]
    cs = [c for c in range(n + 1) if prints_as(Fr(c * 100, n), NOT_RESUMED_SIZE[z], 1)]
    assert len(cs) == 1, (z, cs)
    return cs[0]


def label_counts():
    out = {}
    for lab, printed in OBSTACLES:
        out[lab] = mention_count(printed) if printed else EXTRA_COUNTS[lab]
    return out


def assign_obstacles(rng, rows):
    n = len(rows)
    counts = label_counts()
    chosen = {lab: set() for lab, _ in OBSTACLES}

    def w(i, lab):
        r = rows[i]
        reg, z, city, prov = r["region"], r["size"], r["city_true"], r["province_true"]
        m = 1.0
        d = r["difficulty"]
        if lab == "外地员工返岗需隔离":
            if prov in ("北京市", "上海市") or city == "广州市":
                m *= 2.6
            if z == "微型":
                m *= 0.45
        elif lab == "上下游产业链难以协同复工":
            m *= 1.6 if z == "微型" else 1.0
            m *= 1.3 if r["area"] in ("通信设备制造", "电子制造", "光电缆") else 1.0
        elif lab == "防护资源难以充足准备":
            m *= {"京津冀": 1.6, "长三角": 0.8, "珠三角": 0.8}.get(reg, 1.0)
        elif lab == "当地政府严格限制开复工":
            m *= {"长三角": 2.0, "珠三角": 1.15, "京津冀": 0.6}.get(reg, 1.0)
            m *= 2.8 if z == "微型" else 1.0
            m *= 0.3 + d / 6
        elif lab == "客户资源受损":
            m *= {"京津冀": 2.0, "长三角": 0.8, "珠三角": 0.9}.get(reg, 1.0)
        elif lab == "远程办公无法实现":
            m *= {"通信工程建设": 2.2, "运行维护": 2.0, "光电缆": 1.5, "软件和信息技术服务": 0.25,
                  "电子商务": 0.3}.get(r["area"], 1.0)
        elif lab == "限制疫情严重地区员工流入":
            m *= {"长三角": 2.6, "珠三角": 1.2, "京津冀": 0.5}.get(reg, 1.0)
        elif lab == "返岗员工不足":
            m *= 1.2 if r["area"] in ("通信工程建设", "运行维护", "物流") else 1.0
        elif lab == "多口径上报员工动向":
            m *= {"长三角": 4.0, "珠三角": 1.0, "京津冀": 0.6}.get(reg, 1.0)
        if city == "深圳市":
            m *= 2.0  # sec. 1.3: Shenzhen firms' obstacles are "complex and varied"
        if reg == "":
            m *= 0.9 + d / 20
        return m

    # 当地政府严格限制开复工: > 70% (we take >= 80%) in 安徽, 陕西, 重庆 first
    gov = GOV_LABEL
    for prov in GOV_PROVINCES:
        idx = [i for i in range(n) if rows[i]["province_true"] == prov]
        k = math.ceil(Fr(8, 10) * len(idx))
        chosen[gov] |= set(weighted_sample(rng, idx, [1 + rows[i]["difficulty"] for i in idx], k))
    rest = [i for i in range(n) if rows[i]["province_true"] not in GOV_PROVINCES]
    chosen[gov] |= set(weighted_sample(rng, rest, [w(i, gov) for i in rest], counts[gov] - len(chosen[gov])))

    # 物流不畅通: quotas by business area (sec. 2.1), then rows within the area
    areas = [a for a, _ in AREAS]
    area_n = {a: sum(1 for r in rows if r["area"] == a) for a in areas}
    quota = alloc(SUPPLY_COUNT, [area_n[a] * SUPPLY_BY_AREA[a] for a in areas])
    for a, q in zip(areas, quota):
        idx = [i for i in range(n) if rows[i]["area"] == a]
        reg_w = {"长三角": 3.0}
        chosen[SUPPLY_LABEL] |= set(weighted_sample(
            rng, idx, [reg_w.get(rows[i]["region"], 1.0) * (0.5 + rows[i]["difficulty"] / 10) for i in idx], q))

    for lab, _ in OBSTACLES:
        if lab in (gov, SUPPLY_LABEL):
            continue
        idx = list(range(n))
        chosen[lab] = set(weighted_sample(rng, idx, [w(i, lab) for i in idx], counts[lab]))

    # every firm names at least one obstacle: move a label from a firm that
    # names several to one that names none (counts unchanged)
    def labels_of(i):
        return [lab for lab, _ in OBSTACLES if i in chosen[lab]]

    for i in range(n):
        if labels_of(i):
            continue
        movable = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "客户资源受损", "返岗员工不足"]
        lab = pick_weighted(rng, movable, [w(i, l) for l in movable])
        donors = [j for j in range(n) if j in chosen[lab] and len(labels_of(j)) >= 3
                  and rows[j]["region"] == rows[i]["region"] and rows[j]["size"] == rows[i]["size"]]
        if not donors:
            donors = [j for j in range(n) if j in chosen[lab] and len(labels_of(j)) >= 2]
        j = donors[rng.randrange(len(donors))]
        chosen[lab].discard(j)
        chosen[lab].add(i)

    delims = ["、", "；", "，"]
    for i in range(n):
        labs = labels_of(i)
        if rng.random() < 0.2:
            rng.shuffle(labs)
        if rng.random() < 0.12:
            text = labs[0]
            for lab in labs[1:]:
                text += delims[rng.randrange(3)] + lab
        else:
            d = pick_weighted(rng, delims, [5, 2.5, 2.5])
            text = d.join(labs)
        rows[i]["obstacles"] = text
        rows[i]["labels"] = labs
        rows[i]["supply_chain"] = "是" if SUPPLY_LABEL in labs else "否"


# ---------------------------------------------------------------------------
# Cities (002): 14 software cities, rows by city and firm group.

CITIES = [  # city, type, relative number of firms monitored, resumption tilt
    ("南京市", "综合型软件名城", 1700, 1.00), ("济南市", "综合型软件名城", 1100, 1.02),
    ("广州市", "综合型软件名城", 1900, 0.98), ("深圳市", "综合型软件名城", 3200, 1.00),
    ("上海市", "综合型软件名城", 2300, 1.01), ("福州市", "特色型软件名城", 600, 1.05),
    ("武汉市", "特色型软件名城", 900, 0.40), ("厦门市", "特色型软件名城", 650, 1.04),
    ("苏州市", "特色型软件名城", 1000, 1.03), ("青岛市", "特色型软件名城", 700, 1.03),
    ("无锡市", "创建试点城市", 450, 1.04), ("沈阳市", "创建试点城市", 500, 1.00),
    ("宁波市", "创建试点城市", 400, 1.05), ("大连市", "创建试点城市", 550, 0.99),
]
# firms: top-100 by city, key firms by city, and how many are both
TOP100 = {"深圳市": 9, "上海市": 6, "南京市": 6, "济南市": 4, "广州市": 4, "青岛市": 3, "武汉市": 2,
          "福州市": 2, "厦门市": 2, "大连市": 2, "苏州市": 1, "沈阳市": 1}
KEY = {"深圳市": 40, "上海市": 35, "南京市": 28, "广州市": 24, "济南市": 20, "武汉市": 16, "苏州市": 12,
       "青岛市": 12, "大连市": 10, "厦门市": 9, "福州市": 8, "沈阳市": 7, "无锡市": 5, "宁波市": 5}
BOTH = {"深圳市": 5, "上海市": 3, "南京市": 3, "济南市": 2, "广州市": 2, "青岛市": 2, "武汉市": 1,
        "福州市": 1, "厦门市": 1, "大连市": 1, "苏州市": 1}
KEY_NOT_RESUMED = {"武汉市": 3, "大连市": 1}   # 231 - 227 = 4, all among key-only firms

CITY_PUB = {
    "CITY_FIRMS": 15910, "CITY_RESUMED": 13012, "CITY_RETURN": 2189574, "CITY_ONSITE": 1097843,
    "TOP100_FIRMS": 42, "TOP100_RETURN": 356218, "TOP100_ONSITE": 261364,
    "KEY_FIRMS": 231, "KEY_RESUMED": 227, "KEY_RETURN": 473702, "KEY_ONSITE": 270156,
}

def staff_window(pairs):
    """Integer staff totals T for which every (numerator, printed %) prints right."""
    lo, hi = 0, 10 ** 9
    for num, printed in pairs:
        p = Fr(printed) / 100
        half = Fr(5, 100000)
        # num/T in (p-half, p+half)  <=>  T in (num/(p+half), num/(p-half))
        lo = max(lo, math.floor(num / (p + half)) + 1)
        hi = min(hi, math.ceil(num / (p - half)) - 1)
    return list(range(lo, hi + 1))


def build_cities(rng):
    P = CITY_PUB
    # staff denominators (not printed): the integer windows of each rate
    g_win = staff_window([(P["CITY_RETURN"], "80.88"), (P["CITY_ONSITE"], "40.55")])
    k_win = staff_window([(P["KEY_RETURN"], "89.04"), (P["KEY_ONSITE"], "50.78")])
    t_ret = staff_window([(P["TOP100_RETURN"], "83.85")])
    t_on = staff_window([(P["TOP100_ONSITE"], "61.51")])
    assert g_win and k_win and t_ret and t_on
    check(not (set(t_ret) & set(t_on)), "top-100 windows unexpectedly overlap: revisit README")
    G = g_win[len(g_win) // 2]
    K = k_win[len(k_win) // 2]
    # top-100: no integer works for both rates (return needs T <= 424853,
    # on-site T >= 424879); keep 83.85% and take the middle of its window (every
    # T in it prints the on-site rate as 61.52%)
    T = t_ret[len(t_ret) // 2]

    names = [c for c, _, _, _ in CITIES]
    seg_rows = []  # (city, segment, top100, key)
    # firm counts by segment
    A = {c: TOP100.get(c, 0) - BOTH.get(c, 0) for c in names}
    B = {c: BOTH.get(c, 0) for c in names}
    C = {c: KEY.get(c, 0) - BOTH.get(c, 0) for c in names}
    assert sum(TOP100.values()) == P["TOP100_FIRMS"] and sum(KEY.values()) == P["KEY_FIRMS"]
    n_d = P["CITY_FIRMS"] - sum(A.values()) - sum(B.values()) - sum(C.values())
    D = dict(zip(names, alloc(n_d, [w for _, _, w, _ in CITIES])))
    RA, RB = dict(A), dict(B)   # all top-100 firms resumed
    RC = {c: C[c] - KEY_NOT_RESUMED.get(c, 0) for c in names}
    assert sum(C.values()) - sum(RC.values()) == P["KEY_FIRMS"] - P["KEY_RESUMED"]
    r_d = P["CITY_RESUMED"] - sum(RA.values()) - sum(RB.values()) - sum(RC.values())
    tilt = {c: t for c, _, _, t in CITIES}
    RD = dict(zip(names, alloc_capped(r_d, [D[c] * tilt[c] for c in names], [D[c] for c in names])))
    for c in names:
        assert 0 < RD[c] <= D[c], c

    # staff by segment. Per-firm size: top-100 ~10k, key ~1.5k, others ~120.
    def noisy(x):
        return x * math.exp(rng.gauss(0, 0.25))

    # top-100 split A/B, key split B/C
    wA = {c: noisy(A[c]) for c in names}
    wB = {c: noisy(B[c]) for c in names}
    wC = {c: noisy(C[c]) for c in names}
    n_a, n_b = sum(A.values()), sum(B.values())
    staff_B = round(T * n_b / (n_a + n_b))
    staff_A = T - staff_B
    staff_C = K - staff_B
    ret_B = round(Fr(P["TOP100_RETURN"]) * staff_B / T)
    on_B = round(Fr(P["TOP100_ONSITE"]) * staff_B / T)
    seg_tot = {
        "A": (staff_A, P["TOP100_RETURN"] - ret_B, P["TOP100_ONSITE"] - on_B),
        "B": (staff_B, ret_B, on_B),
        "C": (staff_C, P["KEY_RETURN"] - ret_B, P["KEY_ONSITE"] - on_B),
    }
    sA, sB, sC = seg_tot["A"], seg_tot["B"], seg_tot["C"]
    seg_tot["D"] = (G - sA[0] - sB[0] - sC[0], P["CITY_RETURN"] - sA[1] - sB[1] - sC[1],
                    P["CITY_ONSITE"] - sA[2] - sB[2] - sC[2])
    firms = {"A": A, "B": B, "C": C, "D": D}
    resumed = {"A": RA, "B": RB, "C": RC, "D": RD}
    weights = {"A": wA, "B": wB, "C": wC, "D": {c: noisy(D[c]) for c in names}}
    # return and on-site tilts by city (Wuhan far lower on site)
    ret_tilt = {c: (0.75 if c == "武汉市" else math.exp(rng.gauss(0, 0.04))) for c in names}
    on_tilt = {c: (0.45 if c == "武汉市" else math.exp(rng.gauss(0, 0.08))) for c in names}
    seg_label = {"A": ("是", "否"), "B": ("是", "是"), "C": ("否", "是"), "D": ("否", "否")}
    seg_name = {"A": "软件百强企业", "B": "软件百强且重点软件企业", "C": "国家规划布局内重点软件企业", "D": "其他纳统企业"}
    out = []
    for s in "ABCD":
        cs = [c for c in names if firms[s][c] > 0]
        staff = dict(zip(cs, alloc(seg_tot[s][0], [weights[s][c] for c in cs])))
        ret = dict(zip(cs, alloc_capped(seg_tot[s][1], [staff[c] * ret_tilt[c] * resumed[s][c] / firms[s][c] for c in cs],
                                        [staff[c] * 97 // 100 for c in cs])))
        on = dict(zip(cs, alloc_capped(seg_tot[s][2], [ret[c] * on_tilt[c] for c in cs], [ret[c] for c in cs])))
        for c in cs:
            check(0 <= on[c] <= ret[c] <= staff[c], f"cities: {c} {s}: on-site <= returned <= staff fails")
            check(0 < resumed[s][c] <= firms[s][c], f"cities: {c} {s}: resumed <= firms fails")
            out.append({"city": c, "city_type": dict((a, b) for a, b, _, _ in CITIES)[c],
                        "firm_group": seg_name[s], "top100": seg_label[s][0], "key_firm": seg_label[s][1],
                        "firms": firms[s][c], "firms_resumed": resumed[s][c], "staff": staff[c],
                        "staff_returned": ret[c], "staff_onsite": on[c]})
    order = {c: k for k, c in enumerate(names)}
    out.sort(key=lambda r: (order[r["city"]], "ABCD".index([k for k, v in seg_name.items() if v == r["firm_group"]][0])))
    return out


# ---------------------------------------------------------------------------
# Output

FIRM_COLS = ["id", "province_as_typed", "size", "business_area", "resumed", "difficulty", "obstacles",
             "supply_chain", "province_true", "city_true", "region_true", "typed_level", "provenance"]
CITY_COLS = ["city", "city_type", "firm_group", "top100", "key_firm", "firms", "firms_resumed", "staff",
             "staff_returned", "staff_onsite", "provenance"]


def to_csv(cols, records):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in records:
        w.writerow(r)
    return buf.getvalue()


def generate():
    rng = random.Random(SEED)
    rows = build_firms(rng)
    cities = build_cities(random.Random(SEED + 1))
    for lab, _ in OBSTACLES:
        check(not any(d in lab for d in ";,，；、|/ "), f"label {lab} contains a delimiter")
    firm_recs = [{
        "id": r["id"], "province_as_typed": r["typed"], "size": r["size"], "business_area": r["area"],
        "resumed": r["resumed"], "difficulty": r["difficulty"], "obstacles": r["obstacles"],
        "supply_chain": r["supply_chain"], "province_true": r["province_true"], "city_true": r["city_true"],
        "region_true": r["region"], "typed_level": r["level"], "provenance": PROVENANCE,
    } for r in rows]
    for c in cities:
        c["provenance"] = "synthetic per-city split; totals from 002 (CCID, 2020-02-19)"
    sp = {}
    for r in rows:
        k = r["typed"]
        sp.setdefault(k, [r["province_true"], r["city_true"] if r["level"] == "city" else "", r["level"], 0])
        sp[k][3] += 1
        check(sp[k][:3] == [r["province_true"], r["city_true"] if r["level"] == "city" else "", r["level"]],
              f"spelling {k!r} stands for two places")
    for k in sp:
        check(spelling_key(k) not in BANNED_SPELLINGS, f"spelling {k!r} is banned (ambiguous)")
    spell = [{"typed": k, "province": v[0], "city": v[1], "level": v[2], "rows": v[3]}
             for k, v in sorted(sp.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0]))]
    return {
        "firms.csv": to_csv(FIRM_COLS, firm_recs),
        "cities.csv": to_csv(CITY_COLS, cities),
        "spellings.csv": to_csv(["typed", "province", "city", "level", "rows"], spell),
    }


def main(argv):
    files = generate()
    if FAILURES:
        for f in FAILURES:
            print("CONSTRAINT FAILED:", f, file=sys.stderr)
        print(f"{len(FAILURES)} constraint(s) failed; nothing written", file=sys.stderr)
        return 1
    if "--check" in argv:
        bad = 0
        for name, text in files.items():
            path = os.path.join(OUT_DIR, name)
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    print(f"{path} differs from a fresh generation", file=sys.stderr)
                    bad += 1
        print("up to date" if not bad else f"{bad} file(s) differ")
        return 1 if bad else 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(f"wrote {', '.join(files)} to {os.path.relpath(OUT_DIR, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
