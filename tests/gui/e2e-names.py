#!/usr/bin/python3
# e2e-names.py: what a screen reader hears of the real coop-awards window, over AT-SPI.
#
# GTK 4.8 names a button with a mnemonic by its label as written plus the text inside it
# ("_Cancel Cancel"); each row of an award table has the same Edit and Delete buttons. This
# starts the program on a temporary database and checks that every button in the window and in
# the decision editor is named once and without underscores, and that the buttons of an award
# row name the award's recipient. Run it inside `xvfb-run … dbus-run-session`; without a display
# or a session bus it is skipped (exit 77).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("e2e_window", os.path.join(HERE, "e2e-window.py"))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)

BUTTON_ROLES = ("push button", "toggle button", "menu item", "radio button", "check box")


def badly_named(root):
    """Buttons on screen whose name shows a mnemonic or says the same words twice."""
    bad = []
    for node in e2e.descendants(root):
        try:
            if node.getRoleName() not in BUTTON_ROLES or not e2e.showing(node):
                continue
            name = node.name or ""
        except Exception:
            continue
        words = name.split()
        half = len(words) // 2
        doubled = half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]
        if re.search(r"(^|\s|\w)_\w", name) or doubled:
            bad.append("%s “%s”" % (node.getRoleName(), name))
    return bad


def assert_well_named(root, where):
    bad = badly_named(root)
    assert not bad, "names with mnemonics or said twice in %s: %s" % (where, "; ".join(bad))
    e2e.log("ok - buttons in %s are named once, without underscores" % where)


def main():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        e2e.log("SKIP: needs a display and a session bus (xvfb-run … dbus-run-session)")
        return e2e.SKIP
    try:
        import pyatspi
    except ImportError:
        e2e.log("SKIP: pyatspi is not installed")
        return e2e.SKIP

    program = os.environ.get("COOP_AWARDS", "coop-awards")
    cli = os.environ.get("COOP_AWARDS_CLI", "coop-awards-cli")
    workdir = tempfile.mkdtemp(prefix="e2e-names-")
    database = os.path.join(workdir, "awards.db")
    process = None

    env = e2e.program_env(workdir)

    try:
        seed = os.path.join(workdir, "seed.csv")
        with open(seed, "w", encoding="utf-8") as f:
            f.write(e2e.SEED_CSV)
        subprocess.run([cli, "--database", database, "import", seed], check=True, env=env,
                       stdout=subprocess.DEVNULL)

        process = subprocess.Popen([program, "--database", database], env=env)
        launches = 1

        def find_app():
            nonlocal process, launches
            if process.poll() is not None and launches < 3:
                process = subprocess.Popen([program, "--database", database], env=env)
                launches += 1
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name in ("coop-awards", "Coop Awards"):
                    return app
            return None

        app = e2e.wait_for("the application on the accessibility bus", find_app, 20)
        window = e2e.wait_for("the main window",
                              lambda: e2e.find(app, role="frame", contains="Coop Awards"))
        e2e.wait_for("the organisations", lambda: e2e.find_showing(window, name="HTX Bạch Đằng"))
        assert_well_named(window, "the main window")

        # The members' awards of HTX Đan Phượng: the row's buttons say whose award it is.
        search = e2e.wait_for("the search entry",
                              lambda: e2e.find(window, role="entry", name="Search organisations"))
        e2e.type_into(search, "dan phuong")
        organisations = e2e.wait_for("the organisation list",
                                     lambda: e2e.find(window, role="list", name="Organisations"))
        e2e.wait_for("HTX Đan Phượng alone in the list",
                     lambda: e2e.find_showing(organisations, name="HTX Đan Phượng")
                     and not e2e.find_showing(organisations, name="HTX Bạch Đằng"))
        # Choosing it in the list shows its page.
        organisations.querySelection().selectChild(0)
        e2e.wait_for("the edit button of Đan Đức Hiệp's award",
                     lambda: e2e.find(window, role="push button",
                                      name="Edit Award of Đan Đức Hiệp"))
        e2e.wait_for("the delete button of Đan Đức Hiệp's award",
                     lambda: e2e.find(window, role="push button",
                                      name="Delete Award of Đan Đức Hiệp"))
        e2e.log("ok - an award row's buttons name its recipient")

        e2e.click(e2e.wait_for("the New Decision button",
                               lambda: e2e.find(window, role="push button",
                                                name="New Decision")))
        editor = e2e.wait_for("the decision editor",
                              lambda: next(f for f in app if f.name == "New Decision"))
        e2e.wait_for("the Cancel button", lambda: e2e.find(editor, role="push button",
                                                           name="Cancel"))
        assert_well_named(editor, "the decision editor")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)

    return 0


if __name__ == "__main__":
    sys.exit(main())
