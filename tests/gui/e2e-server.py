#!/usr/bin/python3
# e2e-server.py: the real coop-awards window on a database on the test server, over AT-SPI.
#
# Copies a small office database onto a new database of the private server that tools/test
# starts (COOP_AWARDS_TEST_PG), opens the window on it, checks that it lists the records and
# offers New Decision, and then another client imports a file into the same database (the
# command line, as a second clerk's desktop would): the window must show the imported
# organisation by itself within 2 seconds of the import's end (issue 10), through the server's
# notifications; then a change made with psql, likewise. Before that, the window is opened on a
# server that never answers: it must show at once that it is connecting, and then why it could
# not open the database. Skipped (77) without a display and session bus, pyatspi, psql or the
# server.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

_spec = importlib.util.spec_from_file_location(
    "e2e_window", os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2e-window.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

# How soon the window must show another client's commit.
OTHER_CLIENT_DEADLINE = 2.0


def psql(uri, sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", uri, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL)


def silent_server(program, env, workdir):
    """The window on a server that takes connections and never answers."""
    folder = os.path.join(workdir, "silent")
    os.mkdir(folder)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.path.join(folder, ".s.PGSQL.5432"))
    listener.listen(8)
    timeout = 8
    address = "postgresql:///khenthuong?host=%s&connect_timeout=%d" % (folder, timeout)
    process = subprocess.Popen([program, "--database", address], env=env)
    try:
        started = time.monotonic()
        app = e2e.wait_for("the application on the accessibility bus",
                           lambda: e2e.app_of(process), 20)
        window = e2e.wait_for("the main window",
                              lambda: e2e.find(app, role="frame", contains="Coop Awards"))
        shown = time.monotonic() - started
        assert e2e.find(window, role="label", name="Connecting to the Database Server…"), \
            "the window does not say that it is connecting"
        failed = e2e.wait_for("the sentence saying why the database could not be opened",
                              lambda: e2e.find(window, role="label",
                                               contains="Cannot connect to the database server"),
                              timeout + 15)
        given_up = time.monotonic() - started
        assert shown < timeout <= given_up + 0.5, \
            "the window came at %.1f s and gave up at %.1f s: it waited for the server before" \
            " showing itself" % (shown, given_up)
        assert "timeout expired" in failed.name, failed.name
        e2e.log("ok - the window showed itself connecting after %.1f s and said why it could not"
                " open a silent server after %.1f s" % (shown, given_up))
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        listener.close()


def main():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        e2e.log("SKIP: needs a display and a session bus (xvfb-run … dbus-run-session)")
        return e2e.SKIP
    maintenance = os.environ.get("COOP_AWARDS_TEST_PG", "")
    if "/postgres?" not in maintenance or shutil.which("psql") is None:
        e2e.log("SKIP: no test server (tools/test starts one when PostgreSQL is installed)")
        return e2e.SKIP
    try:
        import pyatspi
    except ImportError:
        e2e.log("SKIP: pyatspi is not installed")
        return e2e.SKIP

    program = os.environ.get("COOP_AWARDS", "coop-awards")
    cli = os.environ.get("COOP_AWARDS_CLI", "coop-awards-cli")
    workdir = tempfile.mkdtemp(prefix="e2e-server-")
    name = "e2e_server_%d" % os.getpid()
    server = maintenance.replace("/postgres?", "/%s?" % name)
    process = None

    env = e2e.program_env(workdir)

    psql(maintenance, "CREATE DATABASE %s" % name)
    try:
        silent_server(program, env, workdir)

        seed = os.path.join(workdir, "seed.csv")
        database = os.path.join(workdir, "office.db")
        with open(seed, "w", encoding="utf-8") as f:
            f.write(e2e.SEED_CSV)
        for args in (["--database", database, "import", seed],
                     ["init-server", server],
                     ["copy", "--from", database, "--to", server]):
            subprocess.run([cli] + args, check=True, env=env, stdout=subprocess.DEVNULL)

        process = subprocess.Popen([program, "--database", server], env=env)

        app = e2e.wait_for("the application on the accessibility bus",
                           lambda: e2e.app_of(process), 20)
        window = e2e.wait_for("the main window",
                              lambda: e2e.find(app, role="frame", contains="Coop Awards"))
        organisations = e2e.wait_for("the organisation list",
                                     lambda: e2e.find(window, role="list", name="Organisations"))
        e2e.wait_for("the organisations",
                     lambda: e2e.find_showing(organisations, name="HTX Bạch Đằng"))
        new_decision = e2e.wait_for("the New Decision button",
                                    lambda: e2e.find(window, role="push button",
                                                     contains="New Decision"))
        assert new_decision.getState().contains(pyatspi.STATE_SENSITIVE), \
            "New Decision is not offered on a server database the clerk may change"
        assert e2e.find(window, role="label", contains="Read only") is None or \
            not e2e.showing(e2e.find(window, role="label", contains="Read only")), \
            "the window says read-only on a server database the clerk may change"
        e2e.log("ok - the window shows the server's records and offers changes")

        # Another clerk imports a list into the same database; the window follows by itself.
        other_list = os.path.join(workdir, "other.csv")
        with open(other_list, "w", encoding="utf-8") as f:
            f.write("decision_number,decision_date,authority,award,recipient_type,recipient,"
                    "organisation,position,achievement,period\n"
                    "77/QĐ-LMHTX,20/01/2012,Liên minh HTX thành phố Hải Phòng,Bằng khen,tập thể,"
                    "HTX Nơi Khác Nhập,,,Thành tích năm 2011,2011\n")
        subprocess.run([cli, "--database", server, "import", other_list], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        started = time.monotonic()
        e2e.wait_for("the organisation another client imported",
                     lambda: e2e.find_showing(organisations, name="HTX Nơi Khác Nhập"),
                     OTHER_CLIENT_DEADLINE)
        e2e.log("ok - the window showed another client's import after %.1f s"
                % (time.monotonic() - started))

        # Another client changes a record with psql; the window follows by itself.
        psql(server, "UPDATE organisation SET name = 'HTX Bạch Đằng Xanh'"
                     " WHERE name = 'HTX Bạch Đằng'")
        started = time.monotonic()
        e2e.wait_for("the organisation renamed by another client",
                     lambda: e2e.find_showing(organisations, name="HTX Bạch Đằng Xanh"),
                     OTHER_CLIENT_DEADLINE)
        e2e.log("ok - the window showed another client's change after %.1f s"
                % (time.monotonic() - started))
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        psql(maintenance, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)

    return 0


if __name__ == "__main__":
    sys.exit(main())
