"""Undo and redo through QUndoStack against a real database."""

import dataclasses

import pytest

from models.errors import ConflictError
from models.rules.status import Status
from models.services import queries, shipments
from ui.undo import ChangeCommand, CreateCommand, DeleteCommand, ShipmentUndoStack


@pytest.fixture
def train(demo_db):
    """The open shipments of one train in the demo database."""
    rows = queries.page(demo_db, queries.Filter(statuses=(Status.LOADING,)), limit=1)
    return rows[0].train_no


def test_bulk_status_change_undoes_and_redoes_as_one_step(demo_db, train):
    notified = []
    stack = ShipmentUndoStack()
    done = shipments.change_train_status(demo_db, train, Status.IN_TRANSIT, note="departed")
    ids = [d.id for d in done.after]

    def reapply(versions):
        return shipments.change_status(
            demo_db, ids, Status.IN_TRANSIT, note="departed", expected_versions=versions
        )

    text = f"status change of {len(ids)} shipments"
    stack.push(ChangeCommand(demo_db, text, done, reapply, notified.append, stack))
    assert stack.undoText() == text
    assert notified == []  # pushing does not repeat the change

    stack.undo()
    assert {shipments.get(demo_db, i).status for i in ids} == {d.status for d in done.before}
    stack.redo()
    assert {shipments.get(demo_db, i).status for i in ids} == {Status.IN_TRANSIT}
    assert len(notified) == 2


def test_undo_after_someone_else_saved_is_refused(demo_db, train):
    stack = ShipmentUndoStack()
    row = queries.page(demo_db, queries.Filter(train_no=train), limit=1)[0]
    detail = shipments.get(demo_db, row.id)
    done = shipments.update(
        demo_db, row.id, dataclasses.replace(detail.as_input(), notes="mine"), detail.version
    )
    stack.push(ChangeCommand(demo_db, "edit", done, lambda v: done, lambda c: None, stack))
    later = shipments.get(demo_db, row.id)
    shipments.update(
        demo_db, row.id, dataclasses.replace(later.as_input(), notes="theirs"), later.version
    )
    with pytest.raises(ConflictError):
        stack.undo()
    assert shipments.get(demo_db, row.id).notes == "theirs"


def test_create_and_delete_undo(demo_db):
    stack = ShipmentUndoStack()
    row = queries.page(demo_db, limit=1)[0]
    original = shipments.get(demo_db, row.id)
    before = queries.count(demo_db)
    gone = shipments.delete(demo_db, row.id, original.version)
    stack.push(DeleteCommand(demo_db, "delete", gone, lambda c: None))
    stack.undo()
    assert queries.count(demo_db) == before
    copy = dataclasses.replace(original.as_input(), waybill=original.waybill + "-B")
    created = shipments.create(demo_db, copy)
    stack.push(CreateCommand(demo_db, "new", created, lambda c: None))
    stack.undo()
    assert queries.count(demo_db) == before
    stack.redo()
    assert queries.count(demo_db) == before + 1


def test_two_steps_on_one_shipment_undo_and_redo_in_turn(demo_db):
    """Each undo writes a new version; the stack's book keeps the older step undoable."""
    stack = ShipmentUndoStack()
    row = queries.page(demo_db, limit=1)[0]

    def edit(note):
        detail = shipments.get(demo_db, row.id)
        data = dataclasses.replace(detail.as_input(), notes=note)
        done = shipments.update(demo_db, row.id, data, detail.version)

        def reapply(versions):
            return shipments.update(demo_db, row.id, data, versions[row.id])

        stack.push(ChangeCommand(demo_db, note, done, reapply, lambda c: None, stack))

    original = shipments.get(demo_db, row.id).notes
    edit("first")
    edit("second")
    stack.undo()
    assert shipments.get(demo_db, row.id).notes == "first"
    stack.undo()
    assert shipments.get(demo_db, row.id).notes == original
    stack.redo()
    stack.redo()
    assert shipments.get(demo_db, row.id).notes == "second"
