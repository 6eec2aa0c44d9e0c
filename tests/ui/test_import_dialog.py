"""The import preview on real widgets: files, the clipboard, problems, mapping, Cancel."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget

from models.services.queries import Filter, count, page
from ui.dialogs.import_dialog import ImportDialog
from ui.settings import Settings
from ui.tasks import TaskRunner

HEADER = "waybill\ttrain_no\tcommodity\tsupplier\torigin_station\tdestination_station\t"
HEADER += "departure_date\tstatus\tnet_tonnes"
ROWS = [
    "PASTE-1\tT9\tWheat\tTobol Agro\tKostanay\tQingtongxia\t2025-01-05\tin transit\t24.5",
    "PASTE-2\tT9\tWheat\tTobol Agro\tKostanay\tQingtongxia\t2025-01-05\tin transit\t25",
    "PASTE-3\tT9\tWheat\tTobol Agro\tKostanay\tQingtongxia\t2025-01-05\tin transit\t26",
]


def _open(qtbot, db, data: bytes, settings_store, *, pasted: bool = False, runner=None):
    dialog = ImportDialog(
        db,
        data,
        "test",
        pasted=pasted,
        runner=runner,
        settings=Settings(settings_store),
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        pass
    return dialog


def _settle(qtbot, dialog) -> None:
    """Wait for a re-analysis the test just triggered."""
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        pass


def test_a_paste_with_one_bad_row_saves_nothing_then_all_once_fixed(qtbot, demo_db, settings_store):
    before = count(demo_db)
    bad = [ROWS[0], ROWS[1].replace("Kostanay", "Kostanaj"), ROWS[2]]
    QApplication.clipboard().setText("\n".join([HEADER, *bad]))
    text = QApplication.clipboard().text()
    dialog = _open(qtbot, demo_db, text.encode(), settings_store, pasted=True)
    problems = dialog.problem_list()
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "row 3, column origin_station, value 'Kostanaj': unknown station; did you mean Kostanay?"
    ]
    assert not dialog.import_button().isEnabled()
    problems.setCurrentRow(0)
    assert dialog.preview_row_selected() == 3
    assert count(demo_db) == before

    dialog = _open(qtbot, demo_db, "\n".join([HEADER, *ROWS]).encode(), settings_store, pasted=True)
    assert dialog.import_button().isEnabled()
    assert dialog.problem_list().count() == 0
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    assert blocker.args[0].line() == "inserted 3, updated 0, unchanged 0"
    assert count(demo_db) == before + 3


def test_a_cp1251_file_with_semicolons_is_read_and_the_encoding_can_be_changed(
    qtbot, demo_db, settings_store, tmp_path: Path
):
    text = "Накладная;Груз;Станция отправления;Станция назначения;Дата отправления;Вес нетто, т\n"
    text += "RU-1;Пшеница;Костанай;Хоргос;05.01.2025;1 313,5\n"
    path = tmp_path / "ru.csv"
    path.write_bytes(text.encode("cp1251"))
    dialog = _open(qtbot, demo_db, path.read_bytes(), settings_store)
    assert dialog.current_plan().ok
    read_as = dialog.findChild(QLabel, "readAs").text()
    assert read_as.startswith("Read as cp1251, separated by: Semicolon.")
    preview = dialog.current_plan().rows[0].values
    assert preview["net_weight_kg"] == 1_313_500
    encoding = dialog.findChild(QComboBox, "encoding")
    encoding.setCurrentIndex(encoding.findData("utf-8"))
    _settle(qtbot, dialog)
    assert dialog.current_plan() is None
    assert dialog.problem_list().item(0).text().startswith("the file cannot be read as utf-8")
    assert not dialog.import_button().isEnabled()


def test_a_chosen_column_mapping_is_remembered_for_the_same_headers(qtbot, demo_db, settings_store):
    data = (HEADER.replace("net_tonnes", "Gewicht") + "\n" + ROWS[0] + "\n").encode()
    dialog = _open(qtbot, demo_db, data, settings_store, pasted=True)
    assert not dialog.current_plan().ok
    combo = dialog.field_combo(8)
    combo.setCurrentIndex(combo.findData("net_tonnes"))
    _settle(qtbot, dialog)
    assert dialog.current_plan().ok
    again = _open(qtbot, demo_db, data, settings_store, pasted=True)
    qtbot.waitUntil(lambda: again.current_plan() is not None and again.current_plan().ok)
    assert again.field_combo(8).currentData() == "net_tonnes"


def test_an_xlsx_with_excel_serial_dates_imports(qtbot, demo_db, settings_store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["运单号", "货物", "发站", "到站", "发车日期", "状态", "净重(吨)"])
    sheet.append(["XL-1", "小麦", "科斯塔奈", "青铜峡", 45662, "在途", 24.5])
    sheet.append(["XL-2", "1101", "Kostanay", "QTJ", date(2025, 1, 6), "已到达", 25])
    path = tmp_path / "zh.xlsx"
    book.save(path)
    dialog = _open(qtbot, demo_db, path.read_bytes(), settings_store)
    assert dialog.current_plan().ok
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    rows = {r.waybill: r for r in page(demo_db, Filter(text="XL-"), offset=0, limit=5)}
    assert rows["XL-1"].departure_date == date(2025, 1, 5)
    assert rows["XL-2"].commodity == "Wheat flour"


def test_an_excel_97_file_and_a_unicode_text_file_preview_and_import(
    qtbot, demo_db, settings_store
):
    xls = Path(__file__).resolve().parents[1] / "data" / "register_1c.xls"
    dialog = _open(qtbot, demo_db, xls.read_bytes(), settings_store)
    read_as = dialog.findChild(QLabel, "readAs").text()
    assert read_as.startswith("Read as a workbook (XLS), sheet “Отгрузки”. The header is row 3;")
    assert dialog.current_plan().ok
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    assert count(demo_db, Filter(text="KZ900000")) == 2

    text = "\r\n".join([HEADER, *ROWS]).encode("utf-16")  # with its BOM, as Excel saves it
    dialog = _open(qtbot, demo_db, text, settings_store)
    assert dialog.findChild(QLabel, "readAs").text().startswith("Read as utf-16, separated by")
    assert dialog.current_plan().count("insert") == 3


def test_the_preview_speaks_the_users_language(qtbot, demo_db, settings_store, language):
    language("ru")
    xls = Path(__file__).resolve().parents[1] / "data" / "register_1c.xls"
    dialog = _open(qtbot, demo_db, xls.read_bytes(), settings_store)
    waybill = dialog.findChild(QTableWidget, "columns").cellWidget(1, 1)
    assert waybill.currentText() == "Накладная (waybill)"
    preview = dialog.findChild(QTableWidget, "preview").model()
    shown = {preview.index(0, c).data() for c in range(preview.columnCount())}
    assert {"Мука пшеничная", "Костанай", "Цинтунся"} <= shown  # the main table's names


def test_cancel_writes_nothing(qtbot, demo_db, settings_store):
    runner = TaskRunner()
    data = "\n".join([HEADER, *ROWS]).encode()
    dialog = _open(qtbot, demo_db, data, settings_store, pasted=True, runner=runner)
    before = count(demo_db)
    gate = threading.Event()
    runner.run(lambda progress, cancel: gate.wait(10))  # holds the worker
    qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    dialog.import_task.cancel()  # Cancel pressed before the import got the worker
    with qtbot.waitSignal(dialog.import_task.failed, timeout=10_000):
        gate.set()
    assert count(demo_db) == before
    assert dialog.import_button().isEnabled()


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02garbage" * 50])
def test_an_unreadable_file_says_so(qtbot, demo_db, settings_store, data):
    dialog = _open(qtbot, demo_db, data, settings_store)
    assert dialog.current_plan() is None
    assert dialog.problem_list().count() == 1
    assert not dialog.import_button().isEnabled()


def test_the_window_pastes_imports_refreshes_and_exports_its_filter(
    qtbot, demo_db, settings_store, tmp_path
):
    from dataclasses import replace

    from openpyxl import load_workbook

    from models.rules.status import Status
    from ui.main_window import MainWindow

    window = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(window)
    model = window.shipments_page().model()
    rows_before = model.rowCount()
    QApplication.clipboard().setText("\n".join([HEADER, *ROWS]))
    actions = window.import_export
    assert actions.paste_action.shortcut().toString() == "Ctrl+Shift+V"
    assert actions.import_action.shortcut().toString() == "Ctrl+I"
    actions.paste_action.trigger()
    dialog = actions.dialog
    qtbot.waitUntil(lambda: dialog.import_button().isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == rows_before + 3, timeout=10_000)

    model.set_filter(replace(model.current_filter(), statuses=(Status.IN_TRANSIT,)))
    out = tmp_path / "filtered.xlsx"
    task = actions.export_to(str(out))
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    book = load_workbook(out, read_only=True)
    try:
        rows = list(book.active.iter_rows(min_row=2, values_only=True))
    finally:
        book.close()
    assert {row[11] for row in rows} == {"in_transit"}
    assert len(rows) == count(demo_db, model.current_filter())
