"""The layer contract, checked by machines: import-linter, a Qt-free import, the CLI wiring."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[1]


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_import_linter_contracts_hold() -> None:
    """The contracts live in pyproject.toml: models/ never imports Qt, ui/ never SQLAlchemy."""
    done = _python(
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
        "--no-cache",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_models_and_the_command_line_never_load_qt() -> None:
    """In a subprocess: pytest-qt has already imported Qt into this one."""
    script = (
        "import sys\n"
        "import models.services.queries, models.services.reference, models.commands, main\n"
        "qt = ('PySide6', 'shiboken6', 'pyqtgraph', 'ui')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in qt))\n"
    )
    done = _python("-c", script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _listed_commands() -> list[str]:
    help_text = _python("main.py", "--help").stdout
    section = help_text.split("commands:", 1)[1]
    return re.findall(r"^    (\w+)\s+\S", section, flags=re.MULTILINE)


def _positionals(command: str) -> list[str]:
    usage = _python("main.py", command, "--help").stdout.split("\n\n", 1)[0]
    words = re.sub(r"\[[^\]]*\]", " ", usage).split()
    return [w for w in words[words.index(command) + 1 :] if w.split(".")[0].isupper()]


def test_help_lists_commands() -> None:
    assert _listed_commands(), "main.py --help lists no commands"


#: Commands whose handler is in ui/ (it needs Qt), with the options they cannot do without.
UI_HANDLERS: dict[str, tuple[str, list[str]]] = {
    "report": ("ui.reports.command", ["--from", "2025-01-01", "--to", "2025-01-31"]),
}


@pytest.mark.parametrize("command", _listed_commands())
def test_every_listed_command_reaches_its_handler(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[object, ...]] = []

    def handler(*args: object, **_options: object) -> int:
        calls.append(args)
        return 0

    # A handler that needs Qt lives in ui/ (DESIGN: ui/reports/command.py renders the PDF).
    module_name, options = UI_HANDLERS.get(command, ("models.commands", []))
    module = importlib.import_module(module_name)
    assert callable(getattr(module, command, None)), f"no {module_name}.{command}"
    monkeypatch.setattr(module, command, handler)
    positionals = [f"arg{i}" for i, _ in enumerate(_positionals(command))]
    argv = [command, *positionals, "--db", "x.db", *options]
    assert main.main(argv) == 0
    assert len(calls) == 1 and calls[0][0] == "x.db"


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_quick_start_has_one_launch_and_one_test_command() -> None:
    launch, tests = _quick_start_commands()
    assert launch.endswith("main.py --demo")
    assert tests.endswith("-m pytest")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    tests = _quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
