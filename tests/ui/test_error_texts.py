"""Error texts in the user's language: every message code has a translated template."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from models.errors import ValidationError
from models.messages import TEMPLATES, Message
from models.rules.status import Status, check_transition
from models.services.imports.problems import Problem
from resources.translations import tools
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.shipment_dialog import ShipmentDialog
from ui.error_texts import TEXTS, error_text, problem_text
from ui.errors import user_message
from ui.settings import Settings
from ui.undo import ShipmentUndoStack

MODELS = Path(__file__).resolve().parents[2] / "models"
#: Calls whose first argument (or, for these helpers, a later one) is a message code.
CODE_CALLS = {"Message": 0, "ImportValueError": 0, "_required": 2, "_check_max_length": 3}


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _codes_in_models() -> dict[str, str]:
    """Every message code written in models/, with where it is written."""
    found: dict[str, str] = {}
    for path in sorted(MODELS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            index = CODE_CALLS.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            where = f"{path.relative_to(MODELS.parent)}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found[arg.value] = where
            elif isinstance(arg, ast.JoinedStr):  # f"check_digit.{what}": every code it can be
                prefix = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                for code in TEMPLATES:
                    if code.startswith(prefix):
                        found[code] = where
    return found


def test_every_code_raised_in_models_has_an_english_and_a_translated_template():
    codes = _codes_in_models()
    assert len(codes) > 100
    no_english = {c: w for c, w in codes.items() if c not in TEMPLATES}
    no_ui = {c: w for c, w in codes.items() if c not in TEXTS}
    assert not no_english, f"codes without an English template: {no_english}"
    assert not no_ui, f"codes without a template in ui/error_texts.py: {no_ui}"
    assert set(TEMPLATES) == set(TEXTS), set(TEMPLATES) ^ set(TEXTS)


def test_no_validation_error_in_models_is_raised_with_plain_english():
    plain = []
    for path in sorted(MODELS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "ValidationError"
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant | ast.JoinedStr)
            ):
                plain.append(f"{path.relative_to(MODELS.parent)}:{node.lineno}")
    assert not plain, f"use Message(code, **params): {plain}"


def test_ui_templates_have_the_placeholders_of_the_english_ones():
    wrong = {
        code: (TEMPLATES[code], TEXTS[code])
        for code in TEMPLATES
        if _fields(TEMPLATES[code]) != _fields(TEXTS[code])
    }
    assert not wrong


@pytest.mark.parametrize("language", ["zh_CN", "ru"])
def test_translations_keep_the_named_placeholders(language):
    wrong = [
        (m.source, m.translations[0])
        for m in tools.read_ts(tools.ts_path(language))
        if m.context == "ErrorTexts" and _fields(m.source) != _fields(m.translations[0])
    ]
    assert not wrong


def test_english_ui_text_matches_the_cli_text():
    """Without a translation the UI says what the CLI says (format specs aside)."""
    check = Message("check_digit.character", expected=3, got=4, value="CSQU3054384")
    assert error_text(check.code, check.params, "?") == str(check)


def test_an_unknown_code_shows_the_english_message():
    assert error_text("no.such.code", {}, "as the service said") == "as the service said"
    assert problem_text(Problem(4, "eta", "x", "plain text")) == (
        "row 4, column eta, value 'x': plain text"
    )


CHECK_DIGIT = {
    "zh_CN": "校验位应为 3，而不是 4（也可能是其他某个字符输错了）。",
    "ru": "Контрольная цифра должна быть 3, а не 4 (или ошибка в другом знаке).",
}


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_a_bad_container_check_digit_is_explained_in_the_language(qtbot, language, demo_db, lang):
    language(lang)
    dialog = ShipmentDialog(demo_db, None, undo_stack=ShipmentUndoStack(), notify=lambda _c: None)
    qtbot.addWidget(dialog)
    units = dialog.form.units
    units.add_button.click()
    units.kind_box(0).setCurrentIndex(units.kind_box(0).findData("container"))
    qtbot.keyClicks(units.number_edit(0), "CSQU3054384")  # valid is ...3
    assert units.message(0).is_error
    assert units.message(0).text() == CHECK_DIGIT[lang]


UNKNOWN_STATION = {
    "zh_CN": "第 3 行，列 origin_station，值“Kostanaj”：未知的车站；您是否指 Kostanay？",
    "ru": "строка 3, столбец origin_station, значение «Kostanaj»: не найдено в справочнике "
    "(станция); может быть, Kostanay?",
}


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_an_import_problem_is_listed_in_the_language(
    qtbot, language, demo_db, settings_store, lang
):
    language(lang)
    header = "waybill\ttrain_no\tcommodity\tsupplier\torigin_station\tdestination_station\t"
    header += "departure_date\tstatus\tnet_tonnes"
    row = "PASTE-%d\tT9\tWheat\tTobol Agro\t%s\tQingtongxia\t2025-01-05\tin transit\t24.5"
    text = "\n".join([header, row % (1, "Kostanay"), row % (2, "Kostanaj")])
    dialog = ImportDialog(
        demo_db, text.encode(), "test", pasted=True, settings=Settings(settings_store)
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        pass
    problems = dialog.problem_list()
    assert [problems.item(i).text() for i in range(problems.count())] == [UNKNOWN_STATION[lang]]


REFUSED = {
    "zh_CN": ("此值不被接受：", "从“在口岸”退回到“在途”需要填写备注说明原因"),
    "ru": ("Это значение недопустимо:", "для возврата из «На погранпереходе» в «В пути» нужно"),
}


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_a_validation_error_reads_in_the_language(qtbot, language, lang):
    language(lang)
    with pytest.raises(ValidationError) as refused:
        check_transition(Status.AT_BORDER, Status.IN_TRANSIT)
    text = user_message(refused.value)
    intro, detail = REFUSED[lang]
    assert text.startswith(intro), text
    assert detail in text, text
    assert not re.search(r"[A-Za-z]{3}", text), text  # no English left


def test_every_plausibility_warning_has_a_translated_template():
    from models.rules import plausibility
    from ui.warning_texts import TEXTS as WARNINGS

    source = Path(plausibility.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'"([a-z_]+_(?:low|high|long|short)|arrival_before_departure)"', source))
    assert len(codes) >= 14
    assert codes <= set(WARNINGS)


UNIT_HEAVY = {
    "zh_CN": "一个集装箱装 40 吨 偏重；满载的集装箱通常净重 15 吨–30 吨",
    "ru": "40 т — много на один контейнер; гружёный контейнер обычно везёт 15 т–30 т нетто",
}


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_a_plausibility_warning_is_shown_in_the_language(lang, language):
    from models.rules.plausibility import check_unit_weight
    from ui.warning_texts import warning_text

    language(lang)
    (warning,) = check_unit_weight("container", 40_000)
    text = warning_text(warning)
    assert text.startswith(UNIT_HEAVY[lang]), text
    assert warning.message not in text
