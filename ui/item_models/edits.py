"""In-table edits of the quick fields: which service call saves each editor kind.

``apply_edit`` makes the change (against the row's loaded version) and returns what the undo
stack needs: the result, a re-apply function for redo and the command's text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from models.rules.status import Status
from models.services import shipments
from models.services.queries import ShipmentRow
from models.services.session import Database
from models.services.shipments import BulkResult, SaveResult
from ui.i18n import arg

_CONTEXT = "ShipmentEdits"


@dataclass(frozen=True)
class EditValue:
    """A new cell value with the note or reason the rule may ask for."""

    value: object
    note: str | None = None


@dataclass(frozen=True)
class Edit:
    """A change that was saved, and how to make it again after an undo."""

    result: BulkResult | SaveResult
    reapply: Callable[[dict[int, int]], BulkResult | SaveResult]
    text: str


def _text(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def apply_edit(db: Database, row: ShipmentRow, kind: str, new: EditValue) -> Edit:
    """Save one cell through its service call.

    Raises:
        UserError: The service refused the change (nothing was saved).
    """
    sid = row.id
    if kind == "status":
        status = Status(str(new.value))

        def status_change(versions: dict[int, int]) -> BulkResult:
            return shipments.change_status(
                db, [sid], status, note=new.note, expected_versions=versions
            )

        return Edit(
            status_change({sid: row.version}),
            status_change,
            _text(QT_TRANSLATE_NOOP("ShipmentEdits", "status change")),
        )
    if kind == "eta":
        eta = _as_date(new.value)

        def eta_change(versions: dict[int, int]) -> SaveResult:
            return shipments.revise_eta(db, sid, eta, new.note or "", versions[sid])

        return Edit(
            eta_change({sid: row.version}),
            eta_change,
            _text(QT_TRANSLATE_NOOP("ShipmentEdits", "ETA revision")),
        )
    if kind == "arrived_weight":
        kg = int(str(new.value))

        def weight(versions: dict[int, int]) -> SaveResult:
            return shipments.record_arrived_weight(db, sid, kg, versions[sid], note=new.note)

        return Edit(
            weight({sid: row.version}),
            weight,
            _text(QT_TRANSLATE_NOOP("ShipmentEdits", "arrived weight")),
        )
    if kind in ("arrival_date", "notes"):
        field = "arrival_date" if kind == "arrival_date" else "notes"
        value = _as_date(new.value) if kind == "arrival_date" else (str(new.value or "") or None)

        def update(versions: dict[int, int]) -> SaveResult:
            current = shipments.get(db, sid).as_input()
            changed = dataclasses.replace(current, **{field: value})
            return shipments.update(db, sid, changed, versions[sid], note=new.note)

        text = (
            _text(QT_TRANSLATE_NOOP("ShipmentEdits", "arrival date change"))
            if kind == "arrival_date"
            else _text(QT_TRANSLATE_NOOP("ShipmentEdits", "notes edit"))
        )
        return Edit(update({sid: row.version}), update, text)
    raise ValueError(f"no in-table editor {kind!r}")


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")


class ShipmentEdits(QObject):
    """Only a translation context: lupdate marks a plural only in a ``tr()`` call."""


def undo_text(what: str, n: int) -> str:
    """The name of an undo step with its count, e.g. "status change of 54 shipments"."""
    return arg(ShipmentEdits.tr("%1 of %n shipment(s)", "", n), what)
