"""The extension help agrees with the catalog.

Reads what the catalog says through two other generated outputs, not through
genhelp: CalcAddIns.xcu (functions, argument names in en-US and zh-CN) and
docs/FUNCTIONS.md (the options each function takes, with their defaults). Then
checks that every function has a page in both languages under the generated
help directory and inside the .oxt, and that each page names every argument,
every option with its default, an example calling the function and DATACHECK.
--self-test first proves the check fails on a page with an option removed.

    check_help.py GENERATED_DIR FUNCTIONS_MD OXT [--self-test]
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

OOR = "{http://openoffice.org/2001/registry}"
LANGS = ("en-US", "zh-CN")
PAGE_DIR = "org.surveycalc"


def catalog_from_xcu(path):
    """{function: {lang: ["display (name): "]}}, the way a page lists an argument; the pairs'
    key/value parameters left out."""
    root = ET.parse(path).getroot()
    funcs = {}
    for fn in root.iter("node"):
        params = [n for n in fn if n.tag == "node" and n.get(OOR + "name") == "Parameters"]
        if not params:
            continue
        args = {lang: [] for lang in LANGS}
        for p in params[0]:
            name = p.get(OOR + "name")
            if re.fullmatch(r"(key|value)\d+", name):
                continue
            for prop in p:
                if prop.get(OOR + "name") == "DisplayName":
                    for v in prop:
                        lang = v.get("{http://www.w3.org/XML/1998/namespace}lang")
                        args[lang].append("%s (%s): " % (v.text or "", name))
        funcs[fn.get(OOR + "name")] = args
    return funcs


def options_from_md(path):
    """{function: [(option, default or None)]} from docs/FUNCTIONS.md."""
    out, cur = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"## (\w+)\(", line)
        if m:
            cur = out.setdefault(m.group(1), [])
            continue
        m = re.match(r'\| `"(\w+)"` \| [^|]+ \| ([^|]+) \|', line)
        if m and cur is not None:
            d = m.group(1), m.group(2).strip()
            cur.append((d[0], None if d[1] == "—" else d[1]))
    return out


def text_of(xhp):
    """The page's text with XML entities decoded."""
    return "".join(ET.fromstring(xhp).itertext())


def check(pages, funcs, options):
    """pages: {(lang, function): xhp text}. Returns a list of problems."""
    problems = []
    for f, args in sorted(funcs.items()):
        for lang in LANGS:
            xhp = pages.get((lang, f))
            if xhp is None:
                problems.append("%s: no %s page" % (f, lang))
                continue
            t = text_of(xhp)
            if 'branch="hid/org.surveycalc/%s"' % f not in xhp:
                problems.append("%s %s: no help ID hid/org.surveycalc/%s" % (f, lang, f))
            for a in args[lang]:
                if a not in t:
                    problems.append("%s %s: argument %r missing" % (f, lang, a))
            for name, default in options.get(f, []):
                m = re.search(r'"%s" \((.*?)\): ' % re.escape(name), t)
                if not m:
                    problems.append("%s %s: option %r missing" % (f, lang, name))
                elif default is not None and default not in m.group(1):
                    problems.append("%s %s: option %r without its default %r" % (f, lang, name, default))
            if not options.get(f) and ("no options" not in t and "没有设置" not in t):
                problems.append("%s %s: takes no options but the page does not say so" % (f, lang))
            if not re.search(r"\{?=%s\(" % f, t):
                problems.append("%s %s: no example calling %s" % (f, lang, f))
            if "DATACHECK" not in t:
                problems.append("%s %s: no DATACHECK hint" % (f, lang))
    extra = {f for (_, f) in pages} - set(funcs) - {"index"}
    if extra:
        problems.append("pages for functions the catalog lacks: %s" % sorted(extra))
    return problems


def pages_in_dir(gen):
    out = {}
    for lang in LANGS:
        d = os.path.join(gen, "help", lang, PAGE_DIR)
        for name in os.listdir(d) if os.path.isdir(d) else []:
            if name.endswith(".xhp"):
                out[(lang, name[:-4])] = open(os.path.join(d, name), encoding="utf-8").read()
    return out


def pages_in_oxt(oxt):
    out = {}
    with zipfile.ZipFile(oxt) as z:
        manifest = z.read("META-INF/manifest.xml").decode()
        if 'media-type="application/vnd.sun.star.help" manifest:full-path="help"' not in manifest:
            out["manifest"] = None
        for n in z.namelist():
            m = re.fullmatch(r"help/([^/]+)/%s/(\w+)\.xhp" % PAGE_DIR, n)
            if m:
                out[(m.group(1), m.group(2))] = z.read(n).decode()
        for lang in LANGS:
            if "help/%s/help.tree" % lang not in z.namelist():
                out["tree " + lang] = None
    return out


def main():
    gen, md, oxt = sys.argv[1:4]
    funcs = catalog_from_xcu(os.path.join(gen, "CalcAddIns.xcu"))
    options = options_from_md(md)
    if len(funcs) < 10 or not any(options.values()):
        print("could not read the catalog (%d functions)" % len(funcs))
        return 1
    pages = pages_in_dir(gen)
    if "--self-test" in sys.argv:
        # The check must fail on a page that lost an option or an argument.
        broken = dict(pages)
        broken[("zh-CN", "MENTIONRATE")] = broken[("zh-CN", "MENTIONRATE")].replace("&quot;sep&quot; (", "&quot;sepx&quot; (")
        broken[("en-US", "TOPBOX")] = broken[("en-US", "TOPBOX")].replace("threshold (", "limit (")
        del broken[("en-US", "CITY")]
        found = check(broken, funcs, options)
        want = ["MENTIONRATE zh-CN: option 'sep'", "TOPBOX en-US: argument 'threshold (threshold)", "CITY: no en-US page"]
        for w in want:
            if not any(p.startswith(w) for p in found):
                print("self-test: the check did not notice %r; it found %s" % (w, found))
                return 1
    problems = check(pages, funcs, options)
    in_oxt = pages_in_oxt(oxt)
    for k in ("manifest", "tree en-US", "tree zh-CN"):
        if k in in_oxt:
            problems.append("the .oxt lacks its %s entry" % k)
    missing = sorted(set(pages) - set(in_oxt))
    if missing:
        problems.append("pages not packed into the .oxt: %s" % missing)
    for p in problems:
        print(p)
    print("%d functions, %d pages, %d problems" % (len(funcs), len(pages), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
