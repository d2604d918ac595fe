"""Opens a surveycalc workbook in a real headless Calc with the extension
installed into a throwaway profile, recalculates, and prints its result
sheets ("Results", "Report", ...) as tables. With --pdf FILE, also writes the
first result sheet as PDF.

    python3 scripts/report_demo.py build/surveycalc.oxt examples/quickstart.ods [--pdf out.pdf]
"""
import argparse
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office import Office, prop  # noqa: E402

ERRORS = {502: "Err:502", 503: "#NUM!", 504: "Err:504", 519: "#VALUE!", 32767: "#N/A", 532: "#DIV/0!"}
RESULT_SHEETS = ("Results", "Report", "Cities")


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s, w):
    return s + " " * max(0, w - width(s))


def cell_text(cell):
    err = cell.getError()
    if err:
        return ERRORS.get(err, "Err:%d" % err)
    return cell.getString()  # formatted as the sheet shows it


def sheet_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    rows = []
    for r in range(end.EndRow + 1):
        row = [cell_text(sheet.getCellByPosition(c, r)) for c in range(end.EndColumn + 1)]
        while row and not row[-1]:
            row.pop()
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def print_table(title, rows):
    print("\n== %s" % title)
    ncol = max((len(r) for r in rows), default=0)
    widths = [max((width(r[c]) for r in rows if c < len(r)), default=0) for c in range(ncol)]
    for r in rows:
        print("  ".join(pad(v, min(widths[i], 40)) for i, v in enumerate(r)).rstrip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("oxt")
    ap.add_argument("workbook")
    ap.add_argument("--pdf")
    args = ap.parse_args()
    with Office(args.oxt) as office:
        doc = office.load(args.workbook)
        doc.calculateAll()
        shown = []
        for name in doc.Sheets.getElementNames():
            if name in RESULT_SHEETS or name.startswith(RESULT_SHEETS):
                print_table(name, sheet_rows(doc.Sheets.getByName(name)))
                shown.append(name)
        if not shown:
            print("no result sheet (%s) in %s" % (", ".join(RESULT_SHEETS), args.workbook))
            return 1
        if args.pdf:
            sheet = doc.Sheets.getByName(shown[0])
            doc.getCurrentController().setActiveSheet(sheet)
            import uno

            out = os.path.join(office.tmp, "out.pdf")
            filt = (prop("Selection", sheet),)
            doc.storeToURL(uno.systemPathToFileUrl(out),
                           (prop("FilterName", "calc_pdf_Export"),
                            prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", filt))))
            import shutil

            shutil.copy(out, args.pdf)
            print("\nwrote %s" % args.pdf)
        doc.close(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
