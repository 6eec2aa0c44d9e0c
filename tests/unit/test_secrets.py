"""A database URL's password never shows: not in messages, railgrain.log or the window title.

The command line and the window run in real subprocesses (the window offscreen), with their
log folder under tmp_path; everything they print, show and log is searched for the password.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.db import display_name, hide_secrets, open_database, resolve_url
from models.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
SECRET = "secret"
URL = f"postgresql+psycopg://user:{SECRET}@127.0.0.1:5432/nope"
#: Unreachable, unparsable, unloadable, and a password given as a libpq option.
URLS = [
    URL,
    f"postgresql://user:{SECRET}@127.0.0.1:1/nope",
    f"postgresql+psycopg://user:{SECRET}@127.0.0.1:notaport/nope",
    f"postgresql+nosuchdriver://user:{SECRET}@127.0.0.1/nope",
    f"postgresql://user@127.0.0.1:5432/nope?password={SECRET}",
    f"postgresql://user:{SECRET}@no-such-host.invalid/nope",
]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("RAILGRAIN_DB", None)
    return env


def _logs(tmp_path: Path) -> str:
    return "".join(p.read_text("utf-8") for p in tmp_path.rglob("railgrain.log*"))


@pytest.mark.parametrize("url", URLS)
def test_display_name_hides_the_password(url):
    try:
        shown = display_name(resolve_url(url))
    except UserError as error:
        shown = str(error)
    assert SECRET not in shown
    assert "127.0.0.1" in shown or "no-such-host" in shown


@pytest.mark.parametrize("url", URLS)
def test_opening_fails_with_a_message_without_the_password(url):
    with pytest.raises(Exception) as caught:  # noqa: PT011 - any failure, checked below
        open_database(url).dispose()
    assert SECRET not in str(caught.value)
    if isinstance(caught.value, UserError):
        assert str(caught.value)


def test_hide_secrets_covers_both_places_a_password_goes():
    text = f"a://u:{SECRET}@h/d and b://h/d?sslmode=require&password={SECRET}&x=1"
    assert hide_secrets(text) == "a://u:***@h/d and b://h/d?sslmode=require&password=***&x=1"


#: Every URL with ``check``; every command with the plain unreachable URL.
_COMMANDS = [(["check"], url) for url in URLS] + [
    (command, URL)
    for command in (["export", "out.csv"], ["backup", "copy.dump"], ["demo", "--shipments", "1"])
]


@pytest.mark.parametrize(("command", "url"), _COMMANDS)
def test_command_line_never_prints_or_logs_the_password(tmp_path, url, command):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *command, "--db", url],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip()  # it says what went wrong ...
    assert SECRET not in result.stdout + result.stderr  # ... without the password
    assert SECRET not in _logs(tmp_path)


_WINDOW = textwrap.dedent(
    """
    import json, logging, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from ui.app import run
    from ui.main_window import MainWindow

    app = QApplication(["railgrain"])
    shown = []

    def close_message_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.extend([box.windowTitle(), box.text(), box.informativeText()])
            box.done(0)
        else:
            QTimer.singleShot(20, close_message_box)

    QTimer.singleShot(20, close_message_box)
    code = run(sys.argv[1])  # the app's own start on a database it cannot reach

    if len(sys.argv) > 2:  # the window over a database whose URL holds a password
        def close_window():
            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            if windows and windows[0].isVisible():
                shown.append(windows[0].windowTitle())
                windows[0].close()
            else:
                QTimer.singleShot(20, close_window)

        QTimer.singleShot(20, close_window)
        code = run(sys.argv[2])
    print(json.dumps({"code": code, "shown": shown}))
    """
)


def _run_window(tmp_path: Path, *urls: str) -> tuple[dict, str]:
    result = subprocess.run(
        [sys.executable, "-c", _WINDOW, *urls],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report, result.stdout + result.stderr + _logs(tmp_path)


def test_cannot_open_message_and_log_never_show_the_password(tmp_path):
    report, everything = _run_window(tmp_path, URL)
    assert report["code"] == 1
    title, text, _info = report["shown"]
    assert "cannot open the database" in title
    assert 'role "user" does not exist' in text  # the server's reason is shown ...
    assert SECRET not in everything  # ... without the password


@pytest.mark.postgres
def test_window_title_never_shows_the_password(tmp_path, pg_url):
    # The test server trusts 127.0.0.1, so it ignores the password and the window opens.
    with_password = sa.make_url(pg_url).set(password=SECRET)
    report, everything = _run_window(
        tmp_path, URL, with_password.render_as_string(hide_password=False)
    )
    assert report["code"] == 0  # the window opened and was closed
    window_title = report["shown"][-1]
    assert window_title.startswith("Railgrain — postgresql+psycopg://postgres:***@127.0.0.1")
    assert "opened postgresql+psycopg://postgres:***@127.0.0.1" in _logs(tmp_path)
    assert SECRET not in everything
