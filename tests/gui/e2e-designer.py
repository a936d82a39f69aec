#!/usr/bin/python3
# e2e-designer.py: the certificate designer's file dialogs, driven like a person over AT-SPI.
#
# Starts the real program on a temporary database with the shipped templates, opens the
# designer from Preferences, moves the recipient's name by its numbers, exports the template
# through the Export dialog and reads the key file it wrote. The file is then changed as another
# office would (a new name, the name moved again) and imported back through the Import dialog:
# the designer must show the imported template and its numbers, and keep the blank's picture
# that travelled beside the file (its folder moved first); the office's scanned blank is
# chosen through its dialog and saved with the template. A file with a wrong value must
# be refused with a message naming the file, the field and the key; one with a broken line,
# naming the file and the line's number. Every control of the designer must have one name,
# said once. Run it inside
# `xvfb-run … dbus-run-session`; without a display or a session bus it is skipped (exit 77).
# With E2E_SCREENSHOT_DIR set, a picture of the designer is left there.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("e2e_window", os.path.join(HERE, "e2e-window.py"))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)

CERTIFICATES = os.path.normpath(os.path.join(HERE, "..", "..", "data", "certificates"))


def read_key_file(path):
    """A GKeyFile read as an INI file: case kept, no interpolation."""
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return parser


def key_press(title, keys):
    """Keys typed into the window of that title (ASCII shortcuts only: see TESTING.md)."""
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^%s$" % title,
                    "windowfocus", "--sync", "key", "--clearmodifiers", keys], check=True,
                   timeout=30)


def spin(designer, name):
    # GTK 4.8 says a labelled spin button's name twice: its label, then its own label.
    return e2e.wait_for("the spin button " + name,
                        lambda: e2e.find(designer, role="spin button", contains=name))


def set_value(node, value):
    node.queryValue().currentValue = value
    e2e.wait_for("%s at %g" % (node.name, value),
                 lambda: abs(node.queryValue().currentValue - value) < 1e-6)


def frame_named(app, name):
    for frame in app:
        try:
            if frame is not None and frame.name == name:
                return frame
        except Exception:
            continue
    return None


def choose_file(app, title, path, accept):
    """Picks path in GTK's own file chooser (no portal here): in the Name entry of a save
    dialog, in the location entry (Ctrl+L) of an open dialog."""
    import pyatspi
    dialog = e2e.wait_for("the “%s” dialog" % title, lambda: frame_named(app, title))
    entry = e2e.find(dialog, role=("text", "entry"), name="Name:")
    if entry is None:
        key_press(title, "ctrl+l")
        entry = e2e.wait_for("the location entry",
                             lambda: e2e.find_showing(dialog, role="text"))
    e2e.type_into(entry, path)
    button = e2e.wait_for("the %s button" % accept,
                          lambda: e2e.find(dialog, role="push button", name=accept))
    # The chooser makes its button sensitive once it has looked at the typed location.
    e2e.wait_for("the %s button to be sensitive" % accept,
                 lambda: button.getState().contains(pyatspi.STATE_SENSITIVE))
    e2e.click(button)
    e2e.wait_for("the dialog to close", lambda: frame_named(app, title) is None)


def said_twice_name(name):
    words = (name or "").split()
    half = len(words) // 2
    return half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]


def refusal(app, file_name):
    """The message window that names file_name, and its sentence."""
    for frame in app:
        for node in e2e.descendants(frame):
            try:
                if node.getRoleName() == "label" and file_name in node.name:
                    return frame, node.name
            except Exception:
                continue
    return None


def shown_template(designer):
    """The title of the template the designer shows, as its drop-down says it."""
    combo = e2e.find(designer, role="combo box", contains="Template")
    for node in e2e.descendants(combo):
        try:
            if node.getRoleName() == "label" and e2e.showing(node) and node.name != "(None)":
                return node.name
        except Exception:
            continue
    return None


def main():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        e2e.log("SKIP: needs a display and a session bus (xvfb-run … dbus-run-session)")
        return e2e.SKIP
    try:
        import pyatspi
    except ImportError:
        e2e.log("SKIP: pyatspi is not installed")
        return e2e.SKIP
    if shutil.which("xdotool") is None:
        e2e.log("SKIP: xdotool is not installed")
        return e2e.SKIP

    program = os.environ.get("COOP_AWARDS", "coop-awards")
    cli = os.environ.get("COOP_AWARDS_CLI", "coop-awards-cli")
    workdir = tempfile.mkdtemp(prefix="e2e-designer-")
    database = os.path.join(workdir, "awards.db")
    process = None

    env = dict(os.environ)
    for key in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(key, None)
    for key in ("XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        path = os.path.join(workdir, key.lower())
        os.makedirs(path, mode=0o700)
        env[key] = path
    env["COOP_AWARDS_DB"] = "/nonexistent/use-the-option"
    # The shipped templates, from the source tree: the program is not installed.
    env["COOP_AWARDS_CERTIFICATES"] = CERTIFICATES
    user_templates = os.path.join(env["XDG_DATA_HOME"], "coop-awards", "certificates")

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
            # As in e2e-window.py: on a loaded machine the X server now and then refuses the
            # first connection and the program exits at once; start it again.
            if process.poll() is not None and launches < 3:
                e2e.log("# the program exited with %d; starting it again" % process.returncode)
                process = subprocess.Popen([program, "--database", database], env=env)
                launches += 1
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name in ("coop-awards", "Coop Awards"):
                    try:
                        if app.get_process_id() == process.pid:
                            return app
                    except Exception:
                        return app
            return None

        app = e2e.wait_for("the application on the accessibility bus", find_app, 20)
        e2e.wait_for("the main window",
                     lambda: e2e.find(app, role="frame", contains="Coop Awards"))

        # Preferences (Ctrl+,), then Certificate Templates → Design….
        key_press("Coop Awards.*", "ctrl+comma")
        preferences = e2e.wait_for("the Preferences window",
                                   lambda: frame_named(app, "Preferences"))
        e2e.click(e2e.wait_for("the Design button",
                               lambda: e2e.find(preferences, role="push button",
                                                contains="Design")))
        designer = e2e.wait_for("the designer", lambda: frame_named(app, "Certificate Templates"))
        first_title = e2e.wait_for("a template in the designer", lambda: shown_template(designer))
        e2e.log("ok - the designer shows “%s”" % first_title)
        e2e.assert_all_named(designer, "the designer")
        said_twice = [node.name for node in e2e.descendants(designer)
                      if node.getRoleName() in e2e.NAMED_ROLES and said_twice_name(node.name)]
        assert not said_twice, "names said twice in the designer: %s" % said_twice
        e2e.log("ok - every control of the designer is named once")

        # The recipient's name (the field chosen at first), moved and enlarged by its numbers.
        field = e2e.find(designer, role="combo box", contains="Field")
        assert any(node.name == "Name" for node in e2e.descendants(field)
                   if node.getRoleName() == "label"), "the Name field is not chosen"
        set_value(spin(designer, "Left (mm)"), 42.5)
        set_value(spin(designer, "Top (mm)"), 77.0)
        set_value(spin(designer, "Size (pt)"), 30.0)

        exported = os.path.join(workdir, "shared", "exported.certificate")
        os.makedirs(os.path.dirname(exported))
        e2e.click(e2e.wait_for("the Export button",
                               lambda: e2e.find(designer, role="push button", name="Export…")))
        choose_file(app, "Export Template", exported, "Export")
        e2e.wait_for("the exported file", lambda: os.path.exists(exported))

        keys = read_key_file(exported)
        name = keys["Certificate"]["Name"]
        assert keys["Certificate"]["Recipient"] in ("individual", "collective"), dict(
            keys["Certificate"])
        assert float(keys["Field name"]["X"]) == 42.5, dict(keys["Field name"])
        assert float(keys["Field name"]["Y"]) == 77.0, dict(keys["Field name"])
        assert float(keys["Field name"]["Size"]) == 30.0, dict(keys["Field name"])
        assert "Pattern" in keys["Field achievement"], dict(keys["Field achievement"])
        e2e.log("ok - exported through the dialog: template “%s”, the name at 42.5 × 77 mm, "
                "30 pt" % name)
        # The blank's picture goes with it, beside the file, named after the template.
        assert keys["Certificate"]["Background"] == name + ".png", dict(keys["Certificate"])
        assert os.path.isfile(os.path.join(os.path.dirname(exported), name + ".png")), \
            os.listdir(os.path.dirname(exported))
        e2e.log("ok - the blank's picture is exported beside the file as “%s.png”" % name)

        # The folder reaches another office under another name, without the shipped pictures.
        other_office = os.path.join(workdir, "van-phong-khac")
        os.rename(os.path.dirname(exported), other_office)
        os.makedirs(os.path.dirname(exported))

        # Another office's copy: its own name and title, the name placed elsewhere.
        keys["Certificate"]["Name"] = "e2e-chia-se"
        keys["Certificate"]["Title"] = "Bằng khen – mẫu chia sẻ"
        keys["Field name"]["X"] = "55.5"
        keys["Field name"]["Width"] = "210"
        shared = os.path.join(other_office, "chia-se.certificate")
        with open(shared, "w", encoding="utf-8") as f:
            keys.write(f, space_around_delimiters=False)

        e2e.click(e2e.wait_for("the Import button",
                               lambda: e2e.find(designer, role="push button", name="Import…")))
        choose_file(app, "Import Template", shared, "Import")
        e2e.wait_for("the imported template in the designer",
                     lambda: shown_template(designer) == "Bằng khen – mẫu chia sẻ")
        e2e.wait_for("the imported left edge",
                     lambda: spin(designer, "Left (mm)").queryValue().currentValue == 55.5)
        assert spin(designer, "Width (mm)").queryValue().currentValue == 210.0
        assert spin(designer, "Top (mm)").queryValue().currentValue == 77.0
        assert os.path.exists(os.path.join(user_templates, "e2e-chia-se.certificate")), \
            os.listdir(user_templates)
        kept = read_key_file(os.path.join(user_templates, "e2e-chia-se.certificate"))
        assert kept["Certificate"]["Background"] == "e2e-chia-se.png", dict(kept["Certificate"])
        assert os.path.isfile(os.path.join(user_templates, "e2e-chia-se.png")), \
            os.listdir(user_templates)
        e2e.log("ok - imported through the dialog: the designer shows its title and numbers, "
                "and keeps it among the user's templates with its picture")

        # The office's own scanned blank, chosen through the dialog and kept by Save.
        scan = os.path.join(workdir, "shared", "phoi-quet.png")
        shutil.copyfile(os.path.join(CERTIFICATES, "samples", "giay-khen.png"), scan)
        picture = e2e.wait_for("the picture button",
                               lambda: e2e.find(designer, role="push button",
                                                contains="Picture"))
        e2e.click(picture)
        choose_file(app, "Choose the Blank’s Picture", scan, "Choose")
        e2e.click(e2e.find(designer, role="push button", name="Save Template"))
        saved = os.path.join(user_templates, "e2e-chia-se.certificate")
        e2e.wait_for("the picture in the saved template",
                     lambda: read_key_file(saved)["Certificate"].get("Background") == scan)
        e2e.log("ok - the blank's picture chosen through the dialog is saved with the template")

        # A file that is not a PNG image is refused, and the template keeps its picture.
        fake = os.path.join(workdir, "shared", "khong-phai-anh.png")
        with open(fake, "w", encoding="utf-8") as f:
            f.write("không phải ảnh\n")
        e2e.click(picture)
        choose_file(app, "Choose the Blank’s Picture", fake, "Choose")
        message_window, message = e2e.wait_for("the refusal of the fake picture",
                                               lambda: refusal(app, "khong-phai-anh.png"))
        assert "not a PNG image" in message, message
        e2e.log("ok - a file that is not a picture is refused: “%s”" % message)
        e2e.click(e2e.wait_for("the Close button",
                               lambda: e2e.find(message_window, role="push button",
                                                contains="Close")))
        e2e.wait_for("the message to close", lambda: refusal(app, "khong-phai-anh.png") is None)
        e2e.click(e2e.find(designer, role="push button", name="Save Template"))
        assert read_key_file(saved)["Certificate"]["Background"] == scan

        screenshots = os.environ.get("E2E_SCREENSHOT_DIR")
        if screenshots:
            wid = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                                  "^Certificate Templates$"], check=True, capture_output=True,
                                 text=True, timeout=30).stdout.split()[0]
            subprocess.run(["import", "-window", wid,
                            os.path.join(screenshots, "designer-imported.png")], check=True)

        # A file with a wrong number is refused with the file, the field and the key named.
        bad = os.path.join(workdir, "shared", "hong.certificate")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("[Certificate]\nName=hong\nRecipient=individual\nPaper=A4\n"
                    "Orientation=landscape\n\n[Field name]\nX=bốn mươi\nY=80\nWidth=200\n")
        e2e.click(e2e.find(designer, role="push button", name="Import…"))
        choose_file(app, "Import Template", bad, "Import")

        message_window, message = e2e.wait_for("the refusal of the bad file",
                                               lambda: refusal(app, "hong.certificate"))
        assert "[Field name] X" in message and "not a number" in message, message
        assert e2e.find(message_window, contains="Could not import the template"), message
        e2e.log("ok - a bad value is refused: “%s”" % message)
        e2e.click(e2e.wait_for("the Close button",
                               lambda: e2e.find(message_window, role="push button",
                                                contains="Close")))
        e2e.wait_for("the message to close",
                     lambda: refusal(app, "hong.certificate") is None)

        # A line that is not "key=value" is named by its number.
        broken = os.path.join(workdir, "shared", "vo.certificate")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("[Certificate]\nName=vo\nđây không phải một dòng khóa\n")
        e2e.click(e2e.find(designer, role="push button", name="Import…"))
        choose_file(app, "Import Template", broken, "Import")
        message_window, message = e2e.wait_for("the refusal of the broken file",
                                               lambda: refusal(app, "vo.certificate"))
        assert "vo.certificate:3:" in message, message
        e2e.log("ok - a broken line is refused: “%s”" % message)
        e2e.click(e2e.wait_for("the Close button",
                               lambda: e2e.find(message_window, role="push button",
                                                contains="Close")))
        assert shown_template(designer) == "Bằng khen – mẫu chia sẻ", shown_template(designer)
        assert sorted(os.listdir(user_templates)) == ["e2e-chia-se.certificate",
                                                      "e2e-chia-se.png"], \
            os.listdir(user_templates)
        e2e.log("ok - the designer still shows the template it had, and kept nothing of it")
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
