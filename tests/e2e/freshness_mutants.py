"""Checks that test_cache_freshness.py catches a faulty column cache: builds the
.oxt of a revision (HEAD by default) with one defect injected into addin/column_cache.cpp at a time
(a mutant), runs the suite against it, and reports which tests fail. Every
mutant must make the suite fail.

    PYTHONPATH=scripts /usr/bin/python3 tests/e2e/freshness_mutants.py [--rev REV] [mutant ...]
    PYTHONPATH=scripts /usr/bin/python3 tests/e2e/freshness_mutants.py [--rev REV] --per-step

REV (default HEAD) is the revision whose cache is mutated; the suite is this
checkout's tests/e2e/test_cache_freshness.py.

--per-step builds the "deaf_during_step" mutant, whose cache ignores modify
events while a flag file exists, creates the flag around one mutation at a
time, and reports for every step of the suite whether it caught the missed
events (steps over ranges with formula cells are expected to pass: such
ranges are never cached).

Manual tool (a few minutes: one build, then ~30 s per mutant), not a ctest
case. It reads REV through `git archive`, builds in a temporary directory and
leaves the checkout alone. The defects are text replacements in the cache's
source: when that code changes, a replacement that no longer applies is
reported, not skipped.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SUITE = os.path.join(HERE, "test_cache_freshness.py")
CACHE = "addin/column_cache.cpp"
FLAG = "/tmp/surveycalc-freshness-deaf"  # readable by the office user ('nobody' when run as root)

DROP_ON_MODIFY = ("void SAL_CALL modified(const css::lang::EventObject&) override "
                  "{ ColumnCache::instance().drop(entry_); }")
DROP_ON_DISPOSING = ("void SAL_CALL disposing(const css::lang::EventObject&) override "
                     "{ ColumnCache::instance().drop(entry_); }")
KEY = "Impl::Key key{d, at.sheet,"

# name: (what the defect is, [(file, old, new), ...])
MUTANTS = {
    "deaf": ("modify events ignored", [(CACHE, DROP_ON_MODIFY, DROP_ON_MODIFY.replace(
        "{ ColumnCache::instance().drop(entry_); }", "{}"))]),
    "plain_values": ("figures returned as plain values, not XVolatileResult", [
        (CACHE, "    std::lock_guard<std::recursive_mutex> g(impl_->mu);\n    for (std::uint64_t id : entries)",
         "    return value;\n"
         "    std::lock_guard<std::recursive_mutex> g(impl_->mu);\n    for (std::uint64_t id : entries)")]),
    "formula_ranges_cached": ("ranges holding formula cells cached too", [
        (CACHE, "block->cells.size() > impl_->max_cells || has_formulas(at, rows)",
         "block->cells.size() > impl_->max_cells")]),
    "key_without_document": ("the key leaves out the document", [
        (CACHE, KEY, "Impl::Key key{reinterpret_cast<const void*>(1), at.sheet,")]),
    "key_without_sheet": ("the key leaves out the sheet", [(CACHE, KEY, "Impl::Key key{d, 0,")]),
    "no_dispose": ("a closed document's entries kept (and the document not held)", [
        (CACHE, "        ColumnCache::instance().drop_document(identity(e.Source));", "        (void)e;"),
        (CACHE, DROP_ON_DISPOSING, DROP_ON_DISPOSING.replace("{ ColumnCache::instance().drop(entry_); }", "{}")),
        (CACHE, "            impl_->documents[d] = comp;", "            impl_->documents[d] = nullptr;")]),
    "moved_kept": ("an entry kept when its range only moved or was resized", [
        (CACHE, "    " + DROP_ON_MODIFY,
         "    void SAL_CALL modified(const css::lang::EventObject& e) override {\n"
         "        css::uno::Reference<css::sheet::XCellRangeAddressable> r(e.Source, UNO_QUERY);\n"
         "        if (r.is() && mutant_moved(entry_, r->getRangeAddress())) return;\n"
         "        ColumnCache::instance().drop(entry_);\n    }"),
        (CACHE, "class RangeListener",
         "bool mutant_moved(std::uint64_t, const css::table::CellRangeAddress&);\nclass RangeListener"),
        (CACHE, "#include <tuple>", "#include <tuple>\n#include <com/sun/star/sheet/XCellRangeAddressable.hpp>"),
        (CACHE, "ColumnCache& ColumnCache::instance() {",
         "namespace {\nbool mutant_moved(std::uint64_t id, const css::table::CellRangeAddress& a) {\n"
         "    auto& impl = *ColumnCache::instance().mutant_impl();\n"
         "    auto it = impl.entries.find(id);\n"
         "    if (it == impl.entries.end()) return false;\n"
         "    return std::get<2>(it->second.key) != a.StartColumn || std::get<3>(it->second.key) != a.StartRow;\n"
         "}\n}  // namespace\n\nColumnCache& ColumnCache::instance() {"),
        ("addin/column_cache.hpp", "   private:\n    ColumnCache();\n    struct Impl;",
         "    struct Impl;\n    Impl* mutant_impl() { return impl_.get(); }\n\n   private:\n    ColumnCache();")]),
    "deaf_during_step": ("modify events ignored while %s exists (--per-step)" % FLAG, [
        (CACHE, DROP_ON_MODIFY,
         "void SAL_CALL modified(const css::lang::EventObject&) override {\n"
         "        if (::access(\"%s\", F_OK) == 0) return;\n"
         "        ColumnCache::instance().drop(entry_);\n    }" % FLAG),
        (CACHE, "#include <tuple>", "#include <tuple>\n#include <unistd.h>")]),
}


def build(src, build_dir, name, out):
    """Applies mutant `name` to the tree `src`, builds the .oxt, copies it to `out`, restores the files."""
    saved = {}
    try:
        for path, old, new in MUTANTS[name][1]:
            full = os.path.join(src, path)
            saved.setdefault(full, open(full, encoding="utf-8").read())
            text = open(full, encoding="utf-8").read()
            if text.count(old) != 1:
                raise SystemExit("mutant %s: %r not found once in %s (the cache code changed: update MUTANTS)"
                                 % (name, old[:60], path))
            open(full, "w", encoding="utf-8").write(text.replace(old, new))
        r = subprocess.run(["cmake", "--build", build_dir, "--target", "oxt", "-j%d" % os.cpu_count()],
                           capture_output=True, text=True)
        if r.returncode:
            raise SystemExit("mutant %s does not build:\n%s%s" % (name, r.stdout[-4000:], r.stderr[-4000:]))
        shutil.copy(os.path.join(build_dir, "surveycalc.oxt"), out)
    finally:
        for full, text in saved.items():
            open(full, "w", encoding="utf-8").write(text)


def run_suite(oxt, per_step=False):
    env = dict(os.environ, SURVEYCALC_OXT=oxt, PYTHONPATH=os.path.join(ROOT, "scripts"))
    argv = [sys.executable, os.path.abspath(__file__), "--run-per-step"] if per_step else [sys.executable, SUITE]
    r = subprocess.run(argv, env=env, capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def per_step_run():
    """In a child process: the suite with each mutation made while FLAG exists."""
    import unittest

    sys.path.insert(0, HERE)
    import test_cache_freshness as T

    results = []

    def mutate(self, what, action, changes, survey=None, also=()):
        survey = survey or self.survey
        for s in (survey,) + tuple(also):
            s.warm()
        self.fresh(survey, "before " + what)
        open(FLAG, "w").close()
        os.chmod(FLAG, 0o644)
        try:
            action()
        finally:
            os.remove(FLAG)
        _, problems = survey.figures()
        results.append((self.id().split(".")[-1], what, problems))
        survey.doc.enableAutomaticCalculation(True)
        survey.doc.calculateAll()  # hard recalculation: every entry dropped, every figure right again
        return self.fresh(survey, "recovering after " + what)

    T.CacheFreshness.mutate = mutate
    unittest.TextTestRunner(verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T.CacheFreshness))
    for test, what, problems in results:
        print("%-7s %-55s %s" % ("caught" if problems else "passed", test[5:], what))


def main(args):
    if args == ["--run-per-step"]:
        return per_step_run()
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", default="HEAD", help="revision whose cache is mutated (default HEAD)")
    parser.add_argument("--per-step", action="store_true", help="which steps catch one step's missed events")
    parser.add_argument("mutants", nargs="*", choices=[[]] + sorted(MUTANTS), metavar="mutant",
                        help="default: all but deaf_during_step (%s)" % ", ".join(sorted(MUTANTS)))
    opts = parser.parse_args(args)
    per_step = opts.per_step
    names = ["deaf_during_step"] if per_step else opts.mutants or [n for n in MUTANTS if n != "deaf_during_step"]
    tmp = tempfile.mkdtemp(prefix="surveycalc-mutants-")
    try:
        src, build_dir = os.path.join(tmp, "src"), os.path.join(tmp, "build")
        os.makedirs(src)
        archive = subprocess.run(["git", "-C", ROOT, "archive", opts.rev], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
        if not os.path.exists(os.path.join(src, CACHE)):
            raise SystemExit("%s has no %s: nothing to mutate" % (opts.rev, CACHE))
        subprocess.run(["cmake", "-S", src, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release"], check=True,
                       capture_output=True)
        survivors = []
        for name in names:
            oxt = os.path.join(tmp, name + ".oxt")
            build(src, build_dir, name, oxt)
            rc, out = run_suite(oxt, per_step)
            if per_step:
                print(out)
                continue
            failed = [l.split()[1] for l in out.splitlines() if l.startswith(("FAIL: ", "ERROR: "))]
            print("%-22s %-58s %s" % (name, MUTANTS[name][0], "caught by " + ", ".join(failed) if rc else "NOT CAUGHT"))
            if not rc:
                survivors.append(name)
        return 1 if survivors else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
