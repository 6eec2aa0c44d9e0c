"""The window in Chinese and Russian: menus, tonnes, dates and names; Qt's dialogs; Preferences."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
)
from sqlalchemy import update

from models.entities import Station
from models.services import queries
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import apply_saved_language
from ui.item_models.columns import column_of
from ui.main_window import MainWindow
from ui.settings import LANGUAGE, Settings

#: What a translated text must contain: Chinese characters or Cyrillic letters.
SCRIPT = {"zh_CN": re.compile(r"[\u4e00-\u9fff]"), "ru": re.compile(r"[А-Яа-яЁё]")}
#: How each locale groups thousands and writes the decimal mark, and the tonne and count words.
GROUP = {"zh_CN": ",", "ru": "\u00a0"}
DECIMAL = {"zh_CN": ".", "ru": ","}
SHORT_DATE = {"zh_CN": r"\d{4}/\d{1,2}/\d{1,2}", "ru": r"\d{2}\.\d{2}\.\d{4}"}


def _window(qtbot, db, store) -> MainWindow:
    window = MainWindow(db, settings=Settings(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _menu_texts(menu: QMenu) -> Iterator[str]:
    menu.aboutToShow.emit()  # fills menus built on demand (columns, saved views)
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


def _tonnes(kg: int, lang: str) -> str:
    return f"{_grouped(kg // 1000, GROUP[lang])}{DECIMAL[lang]}{kg % 1000:03d}"


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_every_menu_entry_is_translated(qtbot, language, demo_db, settings_store, lang):
    language(lang)
    window = _window(qtbot, demo_db, settings_store)
    texts = [a.text() for a in window.menuBar().actions()]
    for action in window.menuBar().actions():
        texts.extend(_menu_texts(action.menu()))
    assert len(texts) > 20
    untranslated = [t for t in texts if not SCRIPT[lang].search(t)]
    assert not untranslated, f"menu entries still in English: {untranslated}"


def test_main_menus_read_as_staff_expect(qtbot, language, demo_db, settings_store):
    language("zh_CN")
    zh = [a.text() for a in _window(qtbot, demo_db, settings_store).menuBar().actions()]
    assert zh[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    language("ru")
    ru = [a.text() for a in _window(qtbot, demo_db, settings_store).menuBar().actions()]
    assert ru[:3] == ["&Файл", "&Правка", "&Вид"]


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_status_bar_counts_and_tonnes_in_the_locale(qtbot, language, demo_db, settings_store, lang):
    language(lang)
    window = _window(qtbot, demo_db, settings_store)
    n, kg = queries.totals(demo_db)
    assert n == 600  # the UI tests' demo database: "many" in Russian's plural rules
    expected = {
        "zh_CN": f"{n} 票，{_tonnes(kg, lang)} 吨",
        "ru": f"{n} отправок, {_tonnes(kg, lang)} т",
    }[lang]
    assert window.findChild(QLabel, "shipmentsSummary").text() == expected


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_table_shows_tonnes_dates_and_station_names_in_the_language(
    qtbot, language, demo_db, settings_store, lang
):
    language(lang)
    model = _window(qtbot, demo_db, settings_store).shipments_page().model()
    row = model.row_at(0)
    net = model.index(0, column_of("net_weight_kg")).data()
    assert net == _tonnes(row.net_weight_kg, lang)
    departure = model.index(0, column_of("departure_date")).data()
    assert re.fullmatch(SHORT_DATE[lang], departure), departure
    # Every demo origin is a Kazakh station with Chinese and Russian names recorded.
    assert SCRIPT[lang].search(row.origin), row.origin
    assert SCRIPT[lang].search(model.index(0, column_of("commodity")).data())


def test_names_fall_back_to_latin_where_no_russian_one_is_recorded(
    qtbot, language, demo_db, settings_store
):
    with demo_db.write() as s:  # as a user may have left it
        s.execute(
            update(Station).where(Station.name == "Xi'an International Port").values(name_ru=None)
        )
    language("ru")
    page = _window(qtbot, demo_db, settings_store).shipments_page()
    destinations = {page.model().row_at(i).destination for i in range(100)}
    assert "Цинтунся" in destinations  # recorded in the reference data
    assert "Xi'an International Port" in destinations  # none recorded: the Latin name
    assert "Сиань, международный порт" not in destinations


@pytest.mark.parametrize(
    ("lang", "yes", "no", "open_"),
    [("zh_CN", "是(&Y)", "否(&N)", "打开(&O)"), ("ru", "&Да", "&Нет", "&Открыть")],
)
def test_qt_standard_dialogs_are_translated_too(qtbot, language, lang, yes, no, open_):
    language(lang)
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, "", "", buttons)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == yes
    assert box.button(QMessageBox.StandardButton.No).text() == no
    chooser = QFileDialog()
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(chooser)
    texts = [b.text() for b in chooser.findChild(QDialogButtonBox).buttons()]
    assert open_ in texts


def test_language_chosen_in_preferences_applies_at_the_next_start(
    qtbot, qapp, language, demo_db, settings_store
):
    settings = Settings(settings_store)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "languageNote").text()
    assert "next time Railgrain starts" in note  # the dialog says when it applies
    combo = dialog.findChild(QComboBox, "languageCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "zh_CN", "ru"]
    combo.setCurrentIndex(combo.findText("Русский"))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert settings.get(LANGUAGE) == "ru"

    # What ui.app.run does at start, with a fresh settings object over the same file.
    locale = apply_saved_language(qapp, Settings(settings_store))
    assert locale.language() == QLocale.Language.Russian
    assert QLocale().language() == QLocale.Language.Russian
    titles = [a.text() for a in _window(qtbot, demo_db, settings_store).menuBar().actions()]
    assert titles[0] == "&Файл"


def test_lang_option_overrides_the_saved_language(qapp, language, settings_store):
    settings = Settings(settings_store)
    settings.set(LANGUAGE, "ru")
    assert apply_saved_language(qapp, settings, "zh").language() == QLocale.Language.Chinese
    assert QApplication.translate("MainWindow", "&File") == "文件(&F)"
    settings.set(LANGUAGE, "")
    assert apply_saved_language(qapp, settings).language() == QLocale.system().language() or (
        QLocale.system().language() == QLocale.Language.C
    )


def test_english_shows_real_plurals(qtbot, language, demo_db, settings_store):
    language("en")
    window = _window(qtbot, demo_db, settings_store)
    assert window.findChild(QLabel, "shipmentsSummary").text().startswith("600 shipments, ")


def test_preferences_opens_from_the_edit_menu(qtbot, demo_db, settings_store):
    window = _window(qtbot, demo_db, settings_store)
    action = window.findChild(QAction, "preferencesAction")
    assert action.shortcut().toString() == "Ctrl+,"
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    action.trigger()
    assert seen == ["SettingsDialog"]


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ru"])
def test_stations_and_goods_are_found_by_any_of_their_names(
    qtbot, language, demo_db, settings_store, lang
):
    language(lang)
    bar = _window(qtbot, demo_db, settings_store).shipments_page().filter_bar()
    found = {}
    for key, names in (
        ("origin", ("Kostanay", "Костанай", "Қостанай", "科斯塔奈", "684001")),
        ("destination", ("Qingtongxia", "青铜峡", "QTJ")),
        ("commodity", ("Flaxseed (linseed)", "亚麻籽", "Семена льна", "1204")),
    ):
        edit = bar.findChild(QLineEdit, "filter_" + key)
        for name in names:
            edit.setText(name)  # not keyClicks: typing CJK or Cyrillic can crash offscreen
            found[key, name] = bar.current_filter()
        edit.clear()
    for key in ("origin", "destination", "commodity"):
        filters = {repr(f) for (k, _), f in found.items() if k == key}
        assert len(filters) == 1, f"{key}: the names select different shipments: {filters}"
        assert bar.current_filter() != next(f for (k, _), f in found.items() if k == key)
