"""Keeping the translation sources in step with the code: lupdate, lrelease and reading a .ts.

Run ``python -m resources.translations.tools`` after changing user-visible strings: it extracts
every ``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP`` string of ``ui/`` into the ``.ts`` files
(new ones unfinished, vanished ones dropped) and compiles the ``.qm`` files. Then translate the
unfinished entries (Qt Linguist: ``pyside6-linguist resources/translations/railgrain_ru.ts``).
``tests/test_translations.py`` fails while any entry is out of date or unfinished.

English needs a file too, for plurals only: the source texts say "%n shipment(s)", and
``railgrain_en.ts`` holds "%n shipment" / "%n shipments" (Qt's documented way, ``-pluralonly``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

#: The folder of the .ts and .qm files.
FOLDER = Path(__file__).resolve().parent
#: The project root (where ui/ is).
ROOT = FOLDER.parents[1]

#: Target languages → whether the file holds only the plural (numerus) messages.
LANGUAGES: dict[str, bool] = {"zh_CN": False, "ru": False, "en": True}

#: How many plural forms Qt expects per language (lrelease's rules: ru one/few/many).
PLURAL_FORMS: dict[str, int] = {"zh_CN": 1, "ru": 3, "en": 2}


@dataclass(frozen=True)
class Message:
    """One entry of a .ts file."""

    context: str
    source: str
    comment: str
    numerus: bool
    #: "" when finished; else "unfinished", "vanished" or "obsolete".
    state: str
    #: The translation, or the plural forms of a numerus message.
    translations: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """What identifies the entry: context, source text, disambiguation, plural or not."""
        return (self.context, self.source, self.comment, self.numerus)


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    """The .ts source of ``language``."""
    return folder / f"railgrain_{language}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    """The compiled .qm of ``language``."""
    return folder / f"railgrain_{language}.qm"


def source_files(root: Path = ROOT) -> list[Path]:
    """Every Python file of ui/, relative to ``root``, in a stable order."""
    return sorted(p.relative_to(root) for p in (root / "ui").rglob("*.py"))


def _qt_tool(name: str, args: list[str], cwd: Path) -> None:
    # PySide6's own wrappers find the binaries inside the wheel, on every platform.
    code = f"from PySide6.scripts.pyside_tool import {name}; {name}()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed ({done.returncode}): {done.stderr or done.stdout}")


def lupdate(language: str, ts_file: Path, root: Path = ROOT) -> None:
    """Merge the strings of ``root``/ui into ``ts_file`` (created if missing)."""
    args = ["-extensions", "py", "-locations", "none", "-no-obsolete", "-silent"]
    args += ["-source-language", "en", "-target-language", language]
    if LANGUAGES[language]:
        args.append("-pluralonly")
    args += [str(p) for p in source_files(root)]
    _qt_tool("lupdate", [*args, "-ts", str(ts_file)], root)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    _qt_tool("lrelease", ["-silent", str(ts_file), "-qm", str(qm_file)], ts_file.parent)


def read_ts(path: Path) -> list[Message]:
    """The entries of a .ts file."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: a message without <translation>"
            numerus = message.get("numerus") == "yes"
            if numerus:
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    state=translation.get("type", ""),
                    translations=texts,
                )
            )
    return messages


def main() -> int:
    """Update every .ts file from the code and compile every .qm file."""
    for language in LANGUAGES:
        ts_file = ts_path(language)
        lupdate(language, ts_file)
        lrelease(ts_file, qm_path(language))
        unfinished = [m for m in read_ts(ts_file) if m.state]
        print(f"{ts_file.name}: {len(unfinished)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
