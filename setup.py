"""Build hook: compile the translation sources (resources/translations/*.ts) into .qm files.

Everything else about the package is declared in pyproject.toml. setuptools runs ``build_py``
for ``pip install .`` and wheels, and for ``pip install -e .`` in editable mode:

- a normal build writes the .qm files into the build folder, next to the copied .ts files, so
  the wheel carries them as package data;
- an editable install reads resources/ from the source tree, so the .qm files go there (they are
  build output: .gitignore keeps them out of git).

``pyside6-lrelease`` comes from PySide6-Essentials, a build requirement in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES = Path(__file__).resolve().parent / "resources" / "translations"


def compile_translations(target: Path) -> list[Path]:
    """Compile every ``railgrain_*.ts`` of the source tree into ``target``; return the .qm files."""
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(SOURCES.glob("railgrain_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        # PySide6's wrapper finds the lrelease binary inside the wheel on every platform.
        code = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"
        subprocess.run([sys.executable, "-c", code, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    if not built:
        raise RuntimeError(f"no translation sources in {SOURCES}")
    return built


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the translations."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_translations(SOURCES)
        else:
            compile_translations(Path(self.build_lib, "resources", "translations"))


setup(cmdclass={"build_py": BuildPyWithTranslations})
