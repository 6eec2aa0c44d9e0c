"""The shipment form on real widgets over the demo database: typing, errors, undo, conflicts."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from models.services import queries, reference, shipments
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.shipment_dialog import ShipmentDialog
from ui.undo import ShipmentUndoStack


@pytest.fixture
def stack():
    return ShipmentUndoStack()


@pytest.fixture
def notified():
    return []


@pytest.fixture
def open_dialog(qtbot, demo_db, stack, notified):
    def make(**kwargs):
        dialog = ShipmentDialog(demo_db, None, undo_stack=stack, notify=notified.append, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return make


@pytest.fixture
def some_shipment(demo_db):
    """A shipment of the demo database that lists containers."""
    for row in queries.page(demo_db, queries.Filter(), limit=200):
        detail = shipments.get(demo_db, row.id)
        if detail.units and detail.units[0].kind == "container":
            return detail
    pytest.skip("the demo has no container shipment")


def _by_waybill(db, waybill):
    rows = queries.page(db, queries.Filter(text=waybill), limit=5)
    return [shipments.get(db, r.id) for r in rows if r.waybill == waybill]


def _type(qtbot, widget, text):
    qtbot.keyClicks(widget, text)


def _tab(qtbot, dialog):
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)


# The completer's popup raises itself and grabs the keyboard, which offscreen cannot do.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_new_shipment_typed_with_the_keyboard_is_saved(qtbot, demo_db, open_dialog, stack):
    dialog = open_dialog()
    form = dialog.form
    assert QApplication.focusWidget() is form.waybill
    for text in ("SMGS-7700123", "KZ-1313"):
        _type(qtbot, QApplication.focusWidget(), text)
        _tab(qtbot, dialog)
    _tab(qtbot, dialog)  # status stays "planned"
    answers = [
        "1204",
        "kostanay linseed company llp",
        "Ningxia Qingtongxia Flax Industry Co., Ltd.",
    ]
    answers += ["", "684001", "dostyk", "QINGTONGXIA"]
    for text in answers:
        assert QApplication.focusWidget() is not None
        if text:
            _type(qtbot, QApplication.focusWidget(), text)
        _tab(qtbot, dialog)
    for _ in range(4):  # planned departure, departed, ETA, arrived: left empty
        _tab(qtbot, dialog)
    assert QApplication.focusWidget() is form.net_weight.lineEdit() or (
        QApplication.focusWidget() is form.net_weight
    )
    _type(qtbot, QApplication.focusWidget(), "52.5")
    for _ in range(6):  # arrived weight, note, wagons, containers, notes → Add unit
        _tab(qtbot, dialog)
    assert QApplication.focusWidget() is form.units.add_button
    qtbot.keyClick(form.units.add_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is form.units.kind_box(0)
    _tab(qtbot, dialog)
    _type(qtbot, QApplication.focusWidget(), "CSQU3054383")
    _tab(qtbot, dialog)
    _type(qtbot, QApplication.focusWidget(), "26.25")
    _tab(qtbot, dialog)
    qtbot.keyClick(form.units.add_button, Qt.Key.Key_Space)
    _tab(qtbot, dialog)
    _type(qtbot, QApplication.focusWidget(), "TGHU1234567")
    assert form.units.message(1).text() == "", form.units.message(1).text()
    _tab(qtbot, dialog)
    _type(qtbot, QApplication.focusWidget(), "26.25")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )

    assert dialog.result() == dialog.DialogCode.Accepted, dialog.general.text()
    [saved] = _by_waybill(demo_db, "SMGS-7700123")
    assert saved.train_no == "KZ-1313"
    assert saved.commodity_id == reference.find_commodity(demo_db, "1204").id
    assert saved.origin_station_id == reference.find_station(demo_db, "Kostanay").id
    assert saved.border_station_id == reference.find_station(demo_db, "Dostyk").id
    assert saved.destination_station_id == reference.find_station(demo_db, "青铜峡").id
    supplier = reference.find_counterparty(demo_db, "Kostanay Linseed Company LLP")
    assert saved.supplier_id == supplier.id
    assert saved.net_weight_kg == 52_500
    assert [u.number for u in saved.units] == ["CSQU3054383", "TGHU1234567"]
    assert [u.net_weight_kg for u in saved.units] == [26_250, 26_250]
    assert saved.containers == 2
    assert stack.count() == 1
    stack.undo()
    assert _by_waybill(demo_db, "SMGS-7700123") == []


def test_picker_accepts_any_name_or_code(open_dialog, demo_db):
    dialog = open_dialog()
    picker = dialog.form.picker("origin_station_id")
    kostanay = reference.find_station(demo_db, "Kostanay").id
    for text in ("Kostanay", "Костанай", "684001", "kostanay", "Қостанай"):
        picker.setText(text)
        assert picker.current_id() == kostanay, text
    picker.setText("青铜峡")
    assert picker.current_id() == reference.find_station(demo_db, "Qingtongxia").id
    picker.setText("Moscow")
    assert picker.current_id() is None and picker.problem()


def test_bad_container_number_is_shown_at_its_row_and_refused(
    qtbot, demo_db, open_dialog, some_shipment
):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    dialog.form.waybill.setText("SMGS-BAD-1")
    units = dialog.form.units
    edit = units.number_edit(0)
    edit.clear()
    qtbot.keyClicks(edit, "CSQU3054384")  # valid is ...3
    message = units.message(0).text()
    assert "should be 3" in message and "not 4" in message
    assert units.message(0).is_error
    assert not dialog.save()
    assert dialog.isVisible()
    assert "red" in dialog.general.text()
    assert _by_waybill(demo_db, "SMGS-BAD-1") == []
    edit.setText("CSQU3054383")
    assert units.message(0).text() == ""


def test_service_refusal_is_named_at_the_field(open_dialog, demo_db, some_shipment):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    dialog.form.waybill.setText(some_shipment.waybill)  # taken
    assert not dialog.save()
    assert "exists" in dialog.form.messages["waybill"].text()
    assert "Waybill" in dialog.general.text()


def test_arrival_before_departure_is_an_error(open_dialog, some_shipment):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    form = dialog.form
    form.waybill.setText("SMGS-DATES")
    form.date_edit("departure_date").set_value(some_shipment.departure_date or _day(10))
    form.date_edit("arrival_date").set_value(_day(1))
    assert form.messages["arrival_date"].is_error
    assert not dialog.save()


def _day(n):
    import datetime

    return datetime.date(2020, 1, n)


def test_ninety_tonnes_in_one_container_warns_but_saves(open_dialog, demo_db, some_shipment):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    form = dialog.form
    form.waybill.setText("SMGS-HEAVY-1")
    form.units.set_units(())
    form.units.add_row()
    form.units.number_edit(0).setText("CSQU3054383")
    form.units.net_edit(0).setValue(90)
    form.net_weight.setValue(90)
    assert "heavy" in form.units.message(0).text()
    assert not form.units.message(0).is_error
    assert "90 t per container" in form.messages["net_weight_kg"].text()
    assert dialog.save()
    [saved] = _by_waybill(demo_db, "SMGS-HEAVY-1")
    assert saved.net_weight_kg == 90_000


def test_five_thousand_tonnes_on_one_train_warns(open_dialog, some_shipment):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    form = dialog.form
    form.units.set_units(())
    form.wagons.setValue(0)
    form.containers.setValue(0)
    form.net_weight.setValue(5000)
    assert "5,000 t is heavy" in form.messages["net_weight_kg"].text()
    assert not form.messages["net_weight_kg"].is_error


def test_edit_bumps_the_version_and_undo_restores(
    open_dialog, demo_db, stack, notified, some_shipment
):
    dialog = open_dialog(shipment_id=some_shipment.id)
    dialog.form.train_no.setText("KZ-EDITED")
    dialog.form.notes.setPlainText("moved to another train")
    assert dialog.save()
    after = shipments.get(demo_db, some_shipment.id)
    assert after.version == some_shipment.version + 1
    assert after.train_no == "KZ-EDITED"
    assert notified and some_shipment.id in notified[-1].shipment_ids
    assert "Edit" in stack.undoText()
    stack.undo()
    restored = shipments.get(demo_db, some_shipment.id)
    assert restored.train_no == some_shipment.train_no
    assert restored.notes == some_shipment.notes
    stack.redo()
    assert shipments.get(demo_db, some_shipment.id).train_no == "KZ-EDITED"


def test_duplicate_prefills_all_but_the_waybill(open_dialog, some_shipment):
    dialog = open_dialog(shipment_id=some_shipment.id, duplicate=True)
    values = dialog.form.values()
    assert values.waybill == ""
    expected = dataclasses.replace(some_shipment.as_input(), waybill="")
    assert values == expected
    assert dialog.loaded is None  # saving creates a new shipment


def _answer_conflict(qtbot, button_name):
    """Click a button of the conflict dialog once it is shown (it runs its own event loop)."""
    seen = {}

    def click():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, click)
            return
        seen["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        getattr(dialog, button_name).click()

    QTimer.singleShot(0, click)
    return seen


def test_second_save_conflicts_and_overwrite_saves_knowingly(
    qtbot, open_dialog, demo_db, some_shipment
):
    first = open_dialog(shipment_id=some_shipment.id)
    second = open_dialog(shipment_id=some_shipment.id)
    first.form.train_no.setText("KZ-FIRST")
    assert first.save()
    second.form.notes.setPlainText("second window's note")
    seen = _answer_conflict(qtbot, "overwrite_button")
    assert second.save()
    assert "Train" in seen["rows"] and "Notes" in seen["rows"]
    now = shipments.get(demo_db, some_shipment.id)
    assert now.notes == "second window's note"
    assert now.train_no == some_shipment.train_no  # mine, knowingly over theirs
    assert now.version == some_shipment.version + 2


def test_second_save_conflicts_and_reload_loads_theirs(qtbot, open_dialog, demo_db, some_shipment):
    first = open_dialog(shipment_id=some_shipment.id)
    second = open_dialog(shipment_id=some_shipment.id)
    first.form.train_no.setText("KZ-FIRST")
    assert first.save()
    second.form.notes.setPlainText("second window's note")
    _answer_conflict(qtbot, "reload_button")
    assert not second.save()
    assert second.isVisible()
    assert second.form.train_no.text() == "KZ-FIRST"
    assert second.loaded.version == some_shipment.version + 1
    assert shipments.get(demo_db, some_shipment.id).notes == some_shipment.notes
    second.form.notes.setPlainText("now on top of theirs")
    assert second.save()
    now = shipments.get(demo_db, some_shipment.id)
    assert (now.train_no, now.notes) == ("KZ-FIRST", "now on top of theirs")


def test_conflict_cancel_saves_nothing(qtbot, open_dialog, demo_db, some_shipment):
    first = open_dialog(shipment_id=some_shipment.id)
    second = open_dialog(shipment_id=some_shipment.id)
    first.form.train_no.setText("KZ-FIRST")
    assert first.save()
    second.form.notes.setPlainText("lost?")
    _answer_conflict(qtbot, "cancel_button")
    assert not second.save()
    assert shipments.get(demo_db, some_shipment.id).notes == some_shipment.notes
    assert second.form.notes.toPlainText() == "lost?"  # the user's edits are still there


def test_escape_cancels(qtbot, open_dialog, demo_db):
    dialog = open_dialog()
    qtbot.keyClicks(dialog.form.waybill, "SMGS-ESC")
    qtbot.keyClick(dialog.form.waybill, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert _by_waybill(demo_db, "SMGS-ESC") == []


def test_window_actions_open_the_form_on_the_current_row(qtbot, demo_db, settings_store):
    from ui.dialogs.form_actions import FormActions
    from ui.main_window import MainWindow
    from ui.settings import Settings

    window = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    actions = getattr(window, "form_actions", None) or FormActions(window, demo_db)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Data" in menus
    view = window.shipments_page().view()
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    index = view.model().index(0, 0)
    view.setCurrentIndex(index)
    row = index.data(view.model().RowRole)
    view.activated.emit(index)
    dialog = actions.dialog
    assert dialog is not None and dialog.loaded.id == row.id
    dialog.reject()
    actions.duplicate_action.trigger()
    assert actions.dialog.loaded is None
    assert actions.dialog.form.train_no.text() == row.train_no
    actions.dialog.reject()
    assert actions.new_action.shortcut().toString() == "Ctrl+N"
    assert actions.duplicate_action.shortcut().toString() == "Ctrl+D"
    assert window.menuBar().actions()[0].menu().actions()[0] is actions.new_action
    data_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Data")
    data_menu.actions()[0].trigger()  # Stations…
    from ui.pages.reference_page import ReferenceDialog

    [editor] = [w for w in window.findChildren(ReferenceDialog)]
    assert editor.spec.key == "station" and editor.isVisible()
    editor.close()


@pytest.mark.parametrize(
    ("typed", "day"),
    [("3/5/2025", (2025, 3, 5)), ("03/05/2025", (2025, 3, 5)), ("12/25/2025", (2025, 12, 25))],
)
def test_dates_typed_with_the_keyboard_and_emptied_again(qtbot, open_dialog, typed, day):
    import datetime

    dialog = open_dialog()
    edit = dialog.form.date_edit("departure_date")
    assert edit.value() is None
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    assert edit.value() == datetime.date(*day)
    qtbot.keyClick(edit, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert edit.value() is None
