"""The translation files are complete, in step with the code, and compiled; ui/ hides no string.

lupdate (PySide6's) reads Python by pattern, not by meaning: a context held in a variable, a
plural passed to ``QCoreApplication.translate`` or a string routed through a helper is silently
left out of the .ts files. So an independent reading of the code (Python's ``ast``) is compared
with what lupdate found, and each such construct is named with its file and line.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from resources.translations import tools

ROOT = tools.ROOT

#: Qt-style placeholders a translation must keep: %1…%99, %n and %Ln.
PLACEHOLDER = re.compile(r"%L?n|%\d{1,2}")
#: A keyboard accelerator: "&F", not "&&" (a literal ampersand) nor "&amp;"-style entities.
ACCELERATOR = re.compile(r"&(?!&)(?![a-z]+;)(?=\S)")
#: Widget methods and classes whose string argument the user reads.
VISIBLE_CALLS = {
    "QAction",
    "QCheckBox",
    "QGroupBox",
    "QLabel",
    "QPushButton",
    "QRadioButton",
    "QToolButton",
    "addAction",
    "addItem",
    "addMenu",
    "addRow",
    "addTab",
    "critical",
    "information",
    "question",
    "setLabelText",
    "setPlaceholderText",
    "setPrefix",
    "setSpecialValueText",
    "setStatusTip",
    "setSuffix",
    "setText",
    "setTitle",
    "setToolTip",
    "setWhatsThis",
    "setWindowTitle",
    "showMessage",
    "warning",
}


@dataclass(frozen=True)
class Found:
    """A translatable string as the code holds it."""

    context: str
    source: str
    numerus: bool
    where: str


def _python_files() -> list[Path]:
    return [ROOT / p for p in tools.source_files()]


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Reader(ast.NodeVisitor):
    """Collects translatable strings and the constructs lupdate cannot see."""

    def __init__(self, path: Path) -> None:
        self.path = path.relative_to(ROOT)
        self.classes: list[str] = []
        self.found: list[Found] = []
        self.problems: list[str] = []
        self.bypasses: list[str] = []
        #: Class name → the names of its bases, and the classes that call self.tr.
        self.bases: dict[str, list[str]] = {}
        self.translating: dict[str, str] = {}

    def _where(self, node: ast.AST) -> str:
        return f"{self.path}:{getattr(node, 'lineno', '?')}"

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bases[node.name] = [
            b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
        ]
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "tr" and isinstance(func, ast.Attribute):
            self._tr(node, func)
        elif name == "translate" and isinstance(func, ast.Attribute):
            self._translate(node, with_plural=True)
        elif name in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"):
            self._translate(node, with_plural=False)
        elif name == "QT_TR_NOOP":
            self.problems.append(
                f"{self._where(node)}: QT_TR_NOOP has no context in Python; "
                "use QT_TRANSLATE_NOOP('Context', …)"
            )
        elif name == "tr" and isinstance(func, ast.Name):
            self.problems.append(
                f"{self._where(node)}: a local tr() helper: lupdate files its strings under no "
                "context; call QCoreApplication.translate('Context', '…') or Class.tr('…')"
            )
        elif name in VISIBLE_CALLS:
            self._visible(node, name)
        self.generic_visit(node)

    def _source(self, node: ast.Call, arg: ast.AST | None) -> str | None:
        """The literal text, or None for a variable (a string marked where it is written)."""
        if isinstance(arg, ast.JoinedStr):
            self.problems.append(f"{self._where(node)}: an f-string inside tr(); use %1 and arg()")
        return _literal(arg)

    def _tr(self, node: ast.Call, func: ast.Attribute) -> None:
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id == "self":
            if not self.classes:
                self.problems.append(f"{self._where(node)}: self.tr() outside a class")
                return
            context = self.classes[-1]
            self.translating.setdefault(context, self._where(node))
        elif isinstance(owner, ast.Name):
            context = owner.id  # Class.tr(...): lupdate and PySide6 both use the class name
        else:
            self.problems.append(f"{self._where(node)}: tr() on an expression; use self.tr")
            return
        text = self._source(node, node.args[0] if node.args else None)
        if text is not None:
            numerus = len(node.args) >= 3
            self._check_plural(node, text, numerus)
            self.found.append(Found(context, text, numerus, self._where(node)))

    def _translate(self, node: ast.Call, *, with_plural: bool) -> None:
        if len(node.args) < 2:
            return  # not Qt's translate (str.translate and the like take one argument)
        text = self._source(node, node.args[1])
        if text is None:
            return  # a variable: translated at display time (QPainter.translate lands here too)
        context = _literal(node.args[0])
        if context is None:
            self.problems.append(
                f"{self._where(node)}: the context is not a string literal, so lupdate skips "
                f"{text!r}; write the context out"
            )
            return
        if with_plural and (len(node.args) >= 4 or any(k.arg == "n" for k in node.keywords)):
            self.problems.append(
                f"{self._where(node)}: a plural through QCoreApplication.translate() is not "
                "marked as a plural by lupdate; use Class.tr(text, '', n) or self.tr"
            )
        self._check_plural(node, text, numerus=False)
        self.found.append(Found(context, text, False, self._where(node)))

    def _check_plural(self, node: ast.Call, text: str, numerus: bool) -> None:
        if re.search(r"%L?n", text) and not numerus:
            self.problems.append(
                f"{self._where(node)}: {text!r} has %n but no count is passed: "
                "tr(text, '', n) makes it a plural"
            )

    def _visible(self, node: ast.Call, name: str) -> None:
        args = list(node.args)
        if name in ("information", "warning", "critical", "question"):
            args = args[1:3]  # (parent, title, text, …)
        elif name == "addRow":
            args = args[:1]
        elif name in ("QAction", "addAction", "addMenu", "addItem", "addTab"):
            args = args[:1]  # the text; addItem's second argument is the item's data
        for arg in args:
            text = _literal(arg)
            if text is not None and re.search(r"[A-Za-z]{2}", text):
                self.bypasses.append(f"{self._where(node)}: {name}({text!r}) without tr()")


def _read_code() -> Iterator[_Reader]:
    for path in _python_files():
        reader = _Reader(path)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        yield reader


@pytest.fixture(scope="module")
def code() -> list[_Reader]:
    return list(_read_code())


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tools.Message]]:
    """What lupdate makes of today's code, merged into a copy of each .ts file."""
    folder = tmp_path_factory.mktemp("lupdate")
    result = {}
    for language in tools.LANGUAGES:
        copy = folder / tools.ts_path(language).name
        shutil.copyfile(tools.ts_path(language), copy)
        tools.lupdate(language, copy)
        result[language] = tools.read_ts(copy)
    return result


def test_every_translatable_call_is_visible_to_lupdate(code):
    problems = [p for reader in code for p in reader.problems]
    assert not problems, "\n".join(problems)


def test_no_user_visible_literal_bypasses_tr(code):
    bypasses = [b for reader in code for b in reader.bypasses]
    assert not bypasses, "\n".join(bypasses)


def test_no_self_tr_in_a_class_that_ui_subclasses(code):
    """PySide6's self.tr looks up the runtime class's name; lupdate files the defining one's."""
    translating = {name: where for r in code for name, where in r.translating.items()}
    inherited = [
        f"{translating[base]}: {base}.tr() runs as {name}.tr() in the subclass {name}; use "
        f"QCoreApplication.translate({base!r}, …) in {base}"
        for r in code
        for name, bases in r.bases.items()
        for base in bases
        if base in translating
    ]
    assert not inherited, "\n".join(inherited)


def test_lupdate_finds_every_string_the_code_translates(code, regenerated):
    """lupdate's reading of ui/ agrees with Python's own (contexts, texts, plurals)."""
    ours = {(f.context, f.source, f.numerus): f.where for r in code for f in r.found}
    theirs = {(m.context, m.source, m.numerus) for m in regenerated["zh_CN"]}
    missed = [f"{where}: {key}" for key, where in ours.items() if key not in theirs]
    assert not missed, "lupdate does not see these:\n" + "\n".join(sorted(missed))


@pytest.mark.parametrize("language", list(tools.LANGUAGES))
def test_ts_file_is_up_to_date_with_the_code(language, regenerated):
    """Fix: ``python -m resources.translations.tools``, then translate the new entries."""
    stored = {m.key for m in tools.read_ts(tools.ts_path(language))}
    fresh = {m.key for m in regenerated[language]}
    new = sorted(fresh - stored)
    gone = sorted(stored - fresh)
    assert not new and not gone, f"new in the code: {new}\nno longer in the code: {gone}"


@pytest.mark.parametrize("language", list(tools.LANGUAGES))
def test_every_entry_is_translated(language):
    messages = tools.read_ts(tools.ts_path(language))
    assert messages
    bad = [
        (m.context, m.source, m.state or "empty")
        for m in messages
        if m.state or not all(t.strip() for t in m.translations)
    ]
    assert not bad, f"{len(bad)} unfinished in {language}: {bad}"


@pytest.mark.parametrize("language", list(tools.LANGUAGES))
def test_plurals_have_every_form_the_language_needs(language):
    forms = tools.PLURAL_FORMS[language]
    plurals = [m for m in tools.read_ts(tools.ts_path(language)) if m.numerus]
    assert plurals, "the app has plural messages; the file should too"
    wrong = [(m.source, len(m.translations)) for m in plurals if len(m.translations) != forms]
    assert not wrong, f"{language} needs {forms} plural forms: {wrong}"


@pytest.mark.parametrize("language", list(tools.LANGUAGES))
def test_translations_keep_placeholders_and_accelerators(language):
    wrong = []
    for m in tools.read_ts(tools.ts_path(language)):
        if m.state:
            continue  # unfinished: test_every_entry_is_translated names it
        expected = sorted(PLACEHOLDER.findall(m.source))
        has_accelerator = bool(ACCELERATOR.search(m.source))
        for text in m.translations:
            if sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"placeholders: {m.source!r} → {text!r}")
            if has_accelerator != bool(ACCELERATOR.search(text)):
                wrong.append(f"accelerator: {m.source!r} → {text!r}")
            if re.fullmatch(r"(Ctrl|Alt|Shift|Meta)\+.*", m.source) and text != m.source:
                wrong.append(f"a shortcut is not translated: {m.source!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_english_file_gives_real_plurals():
    english = {m.source: m.translations for m in tools.read_ts(tools.ts_path("en"))}
    assert english["%Ln shipment(s), %1 t"] == ("%Ln shipment, %1 t", "%Ln shipments, %1 t")
    assert all("(s)" not in t for forms in english.values() for t in forms)


@pytest.mark.parametrize("language", list(tools.LANGUAGES))
def test_qm_file_is_compiled_from_the_current_ts(language, tmp_path):
    """The .qm next to the .ts is what lrelease makes of it now (rebuild: pip install -e .)."""
    qm = tools.qm_path(language)
    assert qm.is_file(), f"{qm.name} is missing: run pip install -e . (setup.py compiles it)"
    fresh = tmp_path / qm.name
    tools.lrelease(tools.ts_path(language), fresh)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is older than its .ts"


def test_lang_option_is_parsed_for_the_window_only():
    import main

    assert main.build_parser().parse_args(["--lang", "ru"]).ui_lang == "ru"
    assert main.build_parser().parse_args([]).ui_lang is None
    with pytest.raises(SystemExit) as refused:
        main.main(["--lang", "ru", "check", "--db", "x.sqlite"])
    assert refused.value.code == 2
