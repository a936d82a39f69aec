#!/usr/bin/python3
# e2e-history.py: other writers and undo in the real coop-awards window, over AT-SPI.
#
# Starts the program on a temporary database, imports a file with coop-awards-cli from another
# process and waits for the window to show the new organisation without anything done in it
# (the 2 seconds); then saves a decision in the window and undoes it from the main menu,
# whose item names what it undoes, and checks with coop-awards-cli that it is gone and that the
# log says so. Run it inside `xvfb-run … dbus-run-session`; without them it is skipped (77).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

# The helpers of the main end-to-end test: finding, waiting, clicking, typing.
_spec = importlib.util.spec_from_file_location(
    "e2e_window", os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2e-window.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

OTHER_CSV = """\
decision_number,decision_date,authority,award,recipient_type,recipient
88/QĐ-UBND,05/01/2012,UBND huyện An Dương,Giấy khen,collective,HTX Từ Nơi Khác
"""

# How soon the window must show another program's commit (issue 8).
OTHER_WRITER_DEADLINE = 2.0


def click_inside(node):
    """Clicks a control, or the first control inside it that can be clicked (a menu button's
    accessible is a box around its toggle button)."""
    for candidate in e2e.descendants(node):
        try:
            action = candidate.queryAction()
            if action.nActions > 0:
                action.doAction(0)
                return
        except Exception:
            continue
    raise AssertionError("nothing to click in " + node.name)


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
    workdir = tempfile.mkdtemp(prefix="e2e-history-")
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

        app = e2e.wait_for("the application on the accessibility bus",
                           lambda: e2e.app_of(process), 20)
        window = e2e.wait_for("the main window",
                              lambda: e2e.find(app, role="frame", contains="Coop Awards"))
        organisations = e2e.wait_for("the organisation list",
                                     lambda: e2e.find(window, role="list", name="Organisations"))
        e2e.wait_for("the organisations",
                     lambda: e2e.find_showing(organisations, name="HTX Bạch Đằng"))

        # Another program imports; the window follows by itself.
        other = os.path.join(workdir, "other.csv")
        with open(other, "w", encoding="utf-8") as f:
            f.write(OTHER_CSV)
        subprocess.run([cli, "--database", database, "import", other], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        started = time.monotonic()
        e2e.wait_for("the organisation imported by another program",
                     lambda: e2e.find_showing(organisations, name="HTX Từ Nơi Khác"),
                     OTHER_WRITER_DEADLINE)
        e2e.log("ok - the window showed another program's import after %.1f s"
                % (time.monotonic() - started))

        # A decision saved in the window, then undone from the main menu.
        e2e.click(e2e.wait_for("the New Decision button",
                               lambda: e2e.find(window, role="push button",
                                                contains="New Decision")))
        editor = e2e.wait_for("the decision editor",
                              lambda: e2e.find(app, role="frame", name="New Decision"))

        def entry(name):
            return e2e.wait_for("the entry " + name,
                                lambda: e2e.find(editor, role=("text", "entry"), name=name))

        e2e.type_into(entry("Decision number"), "16/QĐ-LMHTXVN")
        e2e.type_into(entry("Date"), "29/12/2011")
        # An authority of the catalogue: a new one needs the "Add Authority…" step.
        e2e.type_into(entry("Authority"), "UBND thành phố Hải Phòng")
        e2e.type_into(entry("Award"), "Bằng khen")
        e2e.type_into(entry("Name, row 1"), "HTX Hoàn Tác")
        e2e.click(e2e.wait_for("the Save button",
                               lambda: e2e.find(editor, role="push button", contains="Save")))
        e2e.wait_for("the editor to close",
                     lambda: e2e.find(app, role="frame", name="New Decision") is None)
        e2e.wait_for("the new organisation in the list",
                     lambda: e2e.find_showing(organisations, name="HTX Hoàn Tác"))
        e2e.log("ok - a decision saved in the window")

        click_inside(e2e.wait_for("the main menu",
                                  lambda: e2e.find(window, name="Main Menu")))
        undo = e2e.wait_for("the Undo item naming the decision",
                            lambda: e2e.find(app, role="menu item",
                                             name="Undo Add “16/QĐ-LMHTXVN”"))
        e2e.click(undo)
        e2e.wait_for("the undone decision's organisation to leave the list",
                     lambda: e2e.find_showing(organisations, name="HTX Hoàn Tác") is None)
        e2e.log("ok - Undo from the main menu took the whole decision back")

        # Ctrl+Shift+Z redoes it, typed on the keyboard.
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                        "^Coop Awards", "windowfocus", "--sync", "key", "--clearmodifiers",
                        "ctrl+shift+z"], check=True, env=env, timeout=20)
        e2e.wait_for("the decision's organisation back after Ctrl+Shift+Z",
                     lambda: e2e.find_showing(organisations, name="HTX Hoàn Tác"))
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                        "^Coop Awards", "windowfocus", "--sync", "key", "--clearmodifiers",
                        "ctrl+z"], check=True, env=env, timeout=20)
        e2e.wait_for("the decision undone again after Ctrl+Z",
                     lambda: e2e.find_showing(organisations, name="HTX Hoàn Tác") is None)
        e2e.log("ok - Ctrl+Shift+Z and Ctrl+Z redo and undo it")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()

    try:
        result = subprocess.run([cli, "--database", database, "search", "16/QĐ-LMHTXVN"],
                                env=env, capture_output=True, text=True)
        assert "16/QĐ-LMHTXVN" not in result.stdout, result.stdout
        result = subprocess.run([cli, "--database", database, "history", "--format", "csv"],
                                check=True, env=env, capture_output=True, text=True)
        lines = result.stdout.splitlines()
        assert lines[0] == "time,user,action,kind,record_id,record,details", lines[0]
        actions = [",undo,decision,", ",redo,decision,", ",undo,decision,", ",create,decision,"]
        for line, action in zip(lines[1:5], actions):
            assert action in line and "16/QĐ-LMHTXVN" in line, (action, line)
        assert ",import,import,," in lines[5] and "other.csv" in lines[5], lines[5]
        e2e.log("ok - the log has the import, the decision, its undo, redo and undo, newest "
                "first")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    return 0


if __name__ == "__main__":
    sys.exit(main())
