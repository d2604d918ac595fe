"""A real headless LibreOffice with surveycalc installed into a throwaway profile.

Used by the end-to-end tests and by the report demo. Never touches the user's
own profile: everything lives in a temporary directory that is removed on exit.

    with Office(oxt_path) as office:
        doc = office.new_spreadsheet()
        ...

When run as root, unopkg refuses per-user installs, so unopkg and soffice run
as the unprivileged user 'nobody' (setpriv), and this process talks to soffice
over a loopback socket. Otherwise they run as the current user. Either way
they start in the temporary directory, never in the caller's working directory
(which 'nobody' may not be able to enter, e.g. a checkout under /root), and
everything they read or write is copied through that directory.
"""
import os
import shutil
import stat
import socket
import subprocess
import sys
import tempfile
import time

import uno  # noqa: F401  (python3-uno)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PROGRAM_DIR = os.environ.get("LIBREOFFICE_PROGRAM_DIR", "/usr/lib/libreoffice/program")

# Pins the locale (CSV and number formats) and makes every load recalculate.
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{ui}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{ui}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""

# Calc's error codes as XCell.getError() reports them.
ERR_ILLEGAL_ARGUMENT = 502
ERR_NO_VALUE = 504  # error in a parameter list, e.g. an error cell inside a passed range
ERR_NA = 32767  # #N/A
ERR_VALUE = 519  # #VALUE!
ERR_NUM = 503  # #NUM!


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _temp_parent():
    """Where to create the office's temporary directory. As root the office runs as
    'nobody', which must be able to reach it: if $TMPDIR is somewhere it cannot
    traverse (e.g. under /root), use /tmp instead."""
    parent = tempfile.gettempdir()
    if os.geteuid() == 0:
        path = os.path.realpath(parent)
        while True:
            if not os.stat(path).st_mode & stat.S_IXOTH:
                return "/tmp"
            if path == os.path.dirname(path):
                break
            path = os.path.dirname(path)
    return parent


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    def __init__(self, oxt, ui_locale="en-US", keep=False, recalc_on_load=True):
        """oxt None: a LibreOffice without surveycalc (what a colleague has).
        recalc_on_load False: LibreOffice's default (a file's cached results are shown)."""
        self.oxt = os.path.abspath(oxt) if oxt else None
        self.recalc_on_load = recalc_on_load
        self.ui_locale = ui_locale
        self.keep = keep
        self.proc = None
        self.desktop = None

    # -- lifecycle -----------------------------------------------------------
    def _as_user(self, argv):
        """argv and environment to run an office program as the office user, with
        HOME, TMPDIR and the XDG directories inside the temporary directory."""
        env = dict(os.environ, HOME=self.home, TMPDIR=self.home, LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   SAL_USE_VCLPLUGIN="svp")
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env.pop(var, None)  # default to HOME/.config etc.
        if os.geteuid() == 0:
            env.pop("XDG_RUNTIME_DIR", None)  # root's, not writable by 'nobody'
            argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + argv
        return argv, env

    def __enter__(self):
        # A failed start (unopkg refuses, soffice never answers) must not leave a
        # running soffice or the temporary directory behind.
        try:
            return self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _start(self):
        # Private (0700); as root it is handed to 'nobody' below.
        self.tmp = tempfile.mkdtemp(prefix="surveycalc-office-", dir=_temp_parent())
        self.home = os.path.join(self.tmp, "home")
        self.profile = os.path.join(self.tmp, "profile")
        os.makedirs(os.path.join(self.profile, "user"))
        os.makedirs(self.home)
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w") as f:
            registry = REGISTRY.replace("{ui}", self.ui_locale)
            if not self.recalc_on_load:
                registry = "\n".join(l for l in registry.split("\n") if "RecalcMode" not in l)
            f.write(registry)
        if self.oxt:
            oxt_copy = os.path.join(self.tmp, os.path.basename(self.oxt))
            shutil.copy(self.oxt, oxt_copy)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "65534:65534", self.tmp], check=True, cwd=self.tmp)
        env_arg = "-env:UserInstallation=file://" + self.profile
        if self.oxt:
            argv, env = self._as_user([os.path.join(PROGRAM_DIR, "unopkg"), "add", "-s", env_arg, oxt_copy])
            r = subprocess.run(argv, env=env, cwd=self.tmp, capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                raise RuntimeError("unopkg add failed (%d): %s %s" % (r.returncode, r.stdout, r.stderr))
        self.port = _free_port()
        argv, env = self._as_user([
            os.path.join(PROGRAM_DIR, "soffice"), "--headless", "--invisible", "--norestore", "--nodefault",
            "--nolockcheck", "--nologo", env_arg,
            "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port])
        self.log = open(os.path.join(self.tmp, "soffice.log"), "w")
        self.proc = subprocess.Popen(argv, env=env, cwd=self.tmp, stdout=self.log, stderr=subprocess.STDOUT)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port
        deadline = time.time() + 60
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("soffice did not start; see %s" % self.log.name)
                time.sleep(0.2)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        return self

    def __exit__(self, *exc):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass
        if self.proc is not None:
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close() if hasattr(self, "log") else None
        if not self.keep and hasattr(self, "tmp"):
            shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    # -- documents -------------------------------------------------------------
    def new_spreadsheet(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))

    def load(self, path):
        # soffice runs as another user: hand it a readable copy.
        copy = os.path.join(self.tmp, os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, 0o666)
        url = uno.systemPathToFileUrl(os.path.abspath(copy))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("could not load " + path)
        return doc

    def function_descriptions(self):
        """Every function the office lists (XFunctionDescriptions), as dicts of its properties."""
        fd = self.smgr.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", self.ctx)
        return [{p.Name: p.Value for p in fd.getByIndex(i)} for i in range(fd.getCount())]

    def save_as(self, doc, out, filter_name="calc8"):
        """Stores a document at `out` (ODS unless `filter_name` says otherwise, e.g.
        "Calc Office Open XML"), through the office's own temporary folder."""
        tmp = os.path.join(self.tmp, os.path.basename(out))
        doc.storeToURL(uno.systemPathToFileUrl(tmp), (prop("FilterName", filter_name),))
        shutil.copy(tmp, out)


def fill(sheet, top_left, rows):
    """Writes a list of rows (numbers, text or None for blank) starting at top_left ('A1')."""
    cell = sheet.getCellRangeByName(top_left)
    addr = cell.getCellAddress()
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c = sheet.getCellByPosition(addr.Column + j, addr.Row + i)
            if v is None:
                continue
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                c.setValue(v)
            else:
                c.setString(str(v))


def column(sheet, top, values):
    fill(sheet, top, [[v] for v in values])


def value(sheet, name):
    """(error_code, value) of a cell: error 0 means a number or text result."""
    c = sheet.getCellRangeByName(name)
    err = c.getError()
    if err:
        return err, None
    from com.sun.star.table.CellContentType import TEXT, FORMULA

    if c.getType() == FORMULA:
        # A formula's result type: text results come back through getString.
        from com.sun.star.sheet.FormulaResult import STRING

        if c.FormulaResultType2 == STRING:
            return 0, c.getString()
        return 0, c.getValue()
    if c.getType() == TEXT:
        return 0, c.getString()
    return 0, c.getValue()


if __name__ == "__main__":
    # Smoke check: python3 scripts/office.py build/surveycalc.oxt
    with Office(sys.argv[1]) as o:
        d = o.new_spreadsheet()
        s = d.Sheets.getByIndex(0)
        column(s, "A1", [1, 2, 3])
        s.getCellRangeByName("B1").setFormula("=DIFFICULTY(A1:A3)")
        d.calculateAll()
        print(value(s, "B1"))
        d.close(True)
