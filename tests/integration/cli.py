"""``main.py`` run as a real subprocess, kept out of the user's own folders and database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env(home: Path) -> dict[str, str]:
    """This process's environment without RAILGRAIN_DB, with the XDG folders under ``home``."""
    env = {k: v for k, v in os.environ.items() if k != "RAILGRAIN_DB"}
    env["HOME"] = str(home)
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def run_cli(
    *args: object, home: Path, stdin: str | None = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS…`` from the project folder; never raises on a non-zero exit.

    ``stdin`` is what the command reads (an empty string: nobody answers a question).
    """
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT,
        env=cli_env(home),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
