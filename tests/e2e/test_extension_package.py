"""End-to-end: the .oxt is a proper extension (issue 12, point 6). Installs it
into throwaway profiles and checks what the Extension Manager shows, through
the office's own deployment API (XPackage): the display name and publisher in
each UI language, a publisher link that is the configured homepage and never a
placeholder, the icon and a distinct high-contrast icon (42x42), the license
text; that the package carries release notes per language listed in its
description.xml, the English ones holding every README changelog entry; and
the license prompt of `unopkg add` that README documents: answered `yes` in
an en-US profile and `是` in a zh-CN one, `yes` refused in zh-CN, no answer
fails, and `-s` / `--suppress-license` installs without a prompt.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import office
from office import Office

OXT = os.environ["SURVEYCALC_OXT"]
SRC = os.environ["SURVEYCALC_SOURCE_DIR"]
NS = {"d": "http://openoffice.org/extensions/description/2006"}
XLINK = "{http://www.w3.org/1999/xlink}href"


def description():
    """The packaged description.xml (parsed) and the names of the package's files."""
    with zipfile.ZipFile(OXT) as z:
        return ET.fromstring(z.read("description.xml")), set(z.namelist())


def packaged(name):
    with zipfile.ZipFile(OXT) as z:
        return z.read(name).decode("utf-8")


def surveycalc_package(o):
    em = o.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    found = [p for p in em.getDeployedExtensions("user", None, None) if p.getIdentifier().Value == "org.surveycalc"]
    assert len(found) == 1, found
    return found[0]


def unopkg_add(ui, args, answer):
    """(return code, output, installed) of `unopkg add <args>` in a fresh profile
    with UI language `ui`, `answer` on its standard input."""
    o = Office(OXT, ui_locale=ui)
    o.tmp = tempfile.mkdtemp(prefix="surveycalc-unopkg-", dir=office._temp_parent())
    try:
        o.home = os.path.join(o.tmp, "home")
        profile = os.path.join(o.tmp, "profile")
        os.makedirs(os.path.join(profile, "user"))
        os.makedirs(o.home)
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(office.REGISTRY.replace("{ui}", ui))
        oxt = os.path.join(o.tmp, "surveycalc.oxt")
        shutil.copy(OXT, oxt)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "65534:65534", o.tmp], check=True)
        unopkg = os.path.join(office.PROGRAM_DIR, "unopkg")
        env_arg = "-env:UserInstallation=file://" + profile
        argv, env = o._as_user([unopkg, "add"] + args + [env_arg, oxt])
        add = subprocess.run(argv, env=env, cwd=o.tmp, input=answer, capture_output=True, text=True, timeout=120)
        argv, env = o._as_user([unopkg, "list", env_arg])
        listed = subprocess.run(argv, env=env, cwd=o.tmp, capture_output=True, text=True, timeout=120)
        return add.returncode, add.stdout + add.stderr, "org.surveycalc" in listed.stdout
    finally:
        shutil.rmtree(o.tmp, ignore_errors=True)


class ExtensionPackage(unittest.TestCase):
    def test_description_lists_icons_and_release_notes_that_are_packaged(self):
        root, names = description()
        icons = {e.tag.split("}")[1]: e.get(XLINK) for e in root.find("d:icon", NS)}
        self.assertEqual(icons, {"default": "icons/icon.png", "high-contrast": "icons/icon-hc.png"})
        notes = {e.get("lang"): e.get(XLINK) for e in root.findall("d:release-notes/d:src", NS)}
        self.assertEqual(set(notes), {"en-US", "zh-CN"})
        for path in list(icons.values()) + list(notes.values()):
            self.assertIn(path, names)
        for name in root.findall("d:publisher/d:name", NS):
            self.assertNotIn("example", name.get(XLINK) or "")
            self.assertTrue(name.text.startswith("surveycalc"))

    def test_english_release_notes_hold_every_changelog_entry(self):
        with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        changelog = readme.split("\n## Changelog\n", 1)[1].split("\n## ", 1)[0]
        heads = [line[2:].replace("`", "") for line in changelog.splitlines() if line.startswith("- ")]
        self.assertGreaterEqual(len(heads), 5)
        en = packaged("release-notes/release-notes-en.txt")
        zh = packaged("release-notes/release-notes-zh.txt")
        for head in heads:
            self.assertIn(head, en)
        self.assertEqual(len(re.findall(r"(?m)^- ", zh)), len(heads))

    def test_extension_manager_shows_name_publisher_icons_license(self):
        root, _ = description()
        for ui, name, publisher in [("en-US", "surveycalc: survey report functions", "surveycalc developers"),
                                    ("zh-CN", "surveycalc：调查报告统计函数", "surveycalc 开发者")]:
            with Office(OXT, ui_locale=ui) as o:
                p = surveycalc_package(o)
                self.assertEqual(p.getDisplayName(), name)
                info = p.getPublisherInfo()
                self.assertEqual(info.First, publisher)
                href = root.find("d:publisher/d:name", NS).get(XLINK) or ""
                self.assertEqual(info.Second, href)  # the configured homepage, or no link
                icons = [p.getIcon(hc) for hc in (False, True)]
                for icon in icons:
                    self.assertIsNotNone(icon, ui)
                    self.assertEqual((icon.SizePixel.Width, icon.SizePixel.Height), (42, 42))
                self.assertNotEqual(icons[0].getDIB().value, icons[1].getDIB().value,
                                    "the high-contrast icon is the default one")
                self.assertTrue(p.getLicenseText().startswith("MIT License"))

    def test_license_prompt_and_noninteractive_install(self):
        cases = [("en-US", [], "yes\n", True), ("zh-CN", [], "是\n", True), ("zh-CN", [], "yes\n", False),
                 ("en-US", [], "", False), ("en-US", ["-s"], "", True), ("zh-CN", ["--suppress-license"], "", True)]
        for ui, args, answer, installs in cases:
            rc, out, installed = unopkg_add(ui, args, answer)
            self.assertEqual((rc == 0, installed), (installs, installs), (ui, args, answer, out[-600:]))
            if not args:
                prompt = "「是」" if ui == "zh-CN" else '"yes"'
                self.assertIn(prompt, out)
                self.assertIn("MIT License", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
