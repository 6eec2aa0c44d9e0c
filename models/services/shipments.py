"""Shipment use cases: create, update, delete, change status, revise ETA, record arrived weight.

Each public call is one transaction. Edits carry the version the caller loaded; a save over a
newer version raises ConflictError naming who changed it and when. Every change writes an
audit entry, and every status change a ShipmentEvent, in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from models.db import Database
from models.entities import (
    AuditEntry,
    Commodity,
    Contract,
    Counterparty,
    Shipment,
    ShipmentEvent,
    ShipmentUnit,
    Station,
)
from models.entities.base import utcnow
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import Message
from models.rules.identifiers import validate_train_no, validate_unit_number, validate_waybill
from models.rules.plausibility import PlausibilityWarning, check_shipment
from models.rules.status import (
    ARRIVED_STATUSES,
    OPEN_STATUSES,
    SEQUENCE,
    Status,
    check_transition,
)


@dataclass(frozen=True)
class UnitInput:
    """A wagon or container as entered: kind "wagon" or "container", its number, net kg."""

    kind: str
    number: str
    net_weight_kg: int | None = None


@dataclass(frozen=True)
class ShipmentInput:
    """Every editable field of a shipment, as a form or an import row supplies it."""

    waybill: str
    train_no: str
    commodity_id: int
    supplier_id: int
    consignee_id: int
    origin_station_id: int
    destination_station_id: int
    net_weight_kg: int
    border_station_id: int | None = None
    contract_id: int | None = None
    planned_departure: date | None = None
    departure_date: date | None = None
    eta: date | None = None
    arrival_date: date | None = None
    status: Status = Status.PLANNED
    arrived_weight_kg: int | None = None
    weight_note: str | None = None
    wagons: int = 0
    containers: int = 0
    notes: str | None = None
    units: tuple[UnitInput, ...] = ()


#: The ShipmentInput fields stored as plain columns of Shipment.
_COLUMNS = tuple(f.name for f in dataclasses.fields(ShipmentInput) if f.name != "units")


@dataclass(frozen=True)
class ShipmentDetail(ShipmentInput):
    """A stored shipment: its fields plus identity, version and last change."""

    id: int = 0
    version: int = 0
    updated_at: datetime | None = None
    updated_by: str = ""
    #: The newest status event when this was read; undo removes the events added after it.
    last_event_id: int | None = None

    def as_input(self) -> ShipmentInput:
        """The editable fields only, e.g. to save them back (undo) or duplicate them."""
        return ShipmentInput(**{name: getattr(self, name) for name in (*_COLUMNS, "units")})


@dataclass(frozen=True)
class Changes:
    """What a call changed, so views refresh just that (Anki's OpChanges)."""

    shipment_ids: tuple[int, ...] = ()
    #: Rows may have entered or left a filter, or the row count changed: views reset.
    membership: bool = False


@dataclass(frozen=True)
class SaveResult:
    """The shipment as saved, the warnings to show, and what to undo with."""

    shipment: ShipmentDetail
    previous: ShipmentDetail | None
    warnings: tuple[PlausibilityWarning, ...]
    changes: Changes


@dataclass(frozen=True)
class BulkResult:
    """The outcome of one change applied to many shipments in one transaction."""

    before: tuple[ShipmentDetail, ...]
    after: tuple[ShipmentDetail, ...]
    changes: Changes = field(default_factory=Changes)


def _detail(sh: Shipment) -> ShipmentDetail:
    units = tuple(UnitInput(u.kind, u.number, u.net_weight_kg) for u in sh.units)
    values = {name: getattr(sh, name) for name in _COLUMNS}
    values["status"] = Status(sh.status)
    return ShipmentDetail(
        **values,
        units=units,
        id=sh.id,
        version=sh.version,
        updated_at=sh.updated_at,
        updated_by=sh.updated_by,
        last_event_id=max((e.id for e in sh.events if e.id is not None), default=None),
    )


def _json(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
    return value


def _diff(old: ShipmentDetail | None, new: ShipmentDetail | None) -> dict[str, list[Any]]:
    names = (*_COLUMNS, "units")
    result = {}
    for name in names:
        before = getattr(old, name) if old else None
        after = getattr(new, name) if new else None
        if before != after:
            result[name] = [_json(before), _json(after)]
    return result


def _audit(
    s: Session, user: str, sh_id: int, action: str, changes: dict[str, Any], reason: str | None
) -> None:
    s.add(
        AuditEntry(
            user=user,
            entity="shipment",
            entity_id=sh_id,
            action=action,
            changes=changes,
            reason=reason,
        )
    )


def _load(s: Session, shipment_id: int) -> Shipment:
    sh = s.scalars(
        select(Shipment)
        .where(Shipment.id == shipment_id)
        .options(selectinload(Shipment.units), selectinload(Shipment.events))
    ).first()
    if sh is None:
        raise NotFoundError(Message("shipment.not_found", id=shipment_id))
    return sh


def _check_version(sh: Shipment, expected: int) -> None:
    if sh.version != expected:
        raise ConflictError(
            Message("shipment.changed", what=sh.waybill, who=sh.updated_by, when=sh.updated_at),
            who=sh.updated_by,
            when=sh.updated_at,
            what=sh.waybill,
        )


def _validate(s: Session, data: ShipmentInput, own_id: int | None) -> ShipmentInput:
    """Normalize and check a shipment's fields; raise the first ValidationError found."""
    waybill = validate_waybill(data.waybill)
    train_no = validate_train_no(data.train_no)
    if data.net_weight_kg is None or data.net_weight_kg <= 0:
        raise ValidationError("net_weight_kg", "positive", Message("shipment.net_weight"))
    if data.arrived_weight_kg is not None and data.arrived_weight_kg <= 0:
        raise ValidationError(
            "arrived_weight_kg", "positive", Message("shipment.arrived_weight_or_empty")
        )
    if data.arrival_date and data.departure_date and data.arrival_date < data.departure_date:
        raise ValidationError(
            "arrival_date",
            "before_departure",
            Message(
                "shipment.arrival_before_departure",
                arrival=data.arrival_date,
                departure=data.departure_date,
            ),
        )
    if data.wagons < 0 or data.containers < 0:
        raise ValidationError("wagons", "negative", Message("shipment.negative_counts"))
    Status(data.status)
    for name, entity in (
        ("commodity_id", Commodity),
        ("supplier_id", Counterparty),
        ("consignee_id", Counterparty),
        ("origin_station_id", Station),
        ("border_station_id", Station),
        ("destination_station_id", Station),
        ("contract_id", Contract),
    ):
        value = getattr(data, name)
        if value is not None and s.get(entity, value) is None:
            what = name.removesuffix("_id")
            raise ValidationError(
                name, "unknown", Message("shipment.unknown_reference", what=what, id=value)
            )
    clash = s.scalar(select(Shipment.id).where(Shipment.waybill == waybill))
    if clash is not None and clash != own_id:
        raise ValidationError(
            "waybill", "duplicate", Message("shipment.duplicate_waybill", waybill=waybill)
        )
    units: list[UnitInput] = []
    seen: set[str] = set()
    for i, unit in enumerate(data.units):
        number = validate_unit_number(unit.kind, unit.number, field=f"units[{i}]")
        if number in seen:
            raise ValidationError(
                f"units[{i}]", "duplicate", Message("shipment.unit_twice", number=number)
            )
        if unit.net_weight_kg is not None and unit.net_weight_kg <= 0:
            raise ValidationError(f"units[{i}]", "positive", Message("shipment.unit_weight"))
        seen.add(number)
        units.append(UnitInput(unit.kind, number, unit.net_weight_kg))
    counts = {}
    if units:  # the list of units, when given, decides the counts
        counts = {
            "wagons": sum(u.kind == "wagon" for u in units),
            "containers": sum(u.kind == "container" for u in units),
        }
    return dataclasses.replace(
        data,
        waybill=waybill,
        train_no=train_no,
        status=Status(data.status),
        units=tuple(units),
        **counts,
    )


def _warnings(data: ShipmentInput) -> tuple[PlausibilityWarning, ...]:
    return tuple(
        check_shipment(
            data.net_weight_kg,
            data.wagons,
            data.containers,
            data.departure_date,
            data.eta,
            data.arrival_date,
            data.arrived_weight_kg,
        )
    )


def _apply(sh: Shipment, data: ShipmentInput, user: str) -> None:
    for name in _COLUMNS:
        if name != "status":
            setattr(sh, name, getattr(data, name))
    if tuple(UnitInput(u.kind, u.number, u.net_weight_kg) for u in sh.units) != data.units:
        sh.units.clear()
        sh.units.extend(
            ShipmentUnit(kind=u.kind, number=u.number, net_weight_kg=u.net_weight_kg)
            for u in data.units
        )
    sh.updated_at = utcnow()
    sh.updated_by = user


def _event(
    sh: Shipment,
    status: Status,
    user: str,
    *,
    at: datetime | None = None,
    station_id: int | None = None,
    note: str | None = None,
) -> None:
    sh.status = status.value
    sh.events.append(
        ShipmentEvent(
            occurred_at=at or utcnow(),
            status=status.value,
            station_id=station_id,
            note=note,
            user=user,
        )
    )


def get(db: Database, shipment_id: int) -> ShipmentDetail:
    """One shipment with its units.

    Raises:
        NotFoundError: No such shipment.
    """
    with db.read() as s:
        return _detail(_load(s, shipment_id))


def check(
    db: Database, data: ShipmentInput, shipment_id: int | None = None
) -> tuple[ShipmentInput, tuple[PlausibilityWarning, ...]]:
    """Validate without saving: the normalized input and its plausibility warnings.

    Raises:
        ValidationError: A field breaks a rule; ``field`` names it.
    """
    with db.read() as s:
        clean = _validate(s, data, shipment_id)
    return clean, _warnings(clean)


def create(db: Database, data: ShipmentInput, *, user: str | None = None) -> SaveResult:
    """Save a new shipment with its units and its first status event.

    Raises:
        ValidationError: A field breaks a rule (e.g. a duplicate waybill or a bad check digit).
    """
    user = user or db.user
    with db.write() as s:
        clean = _validate(s, data, None)
        sh = Shipment(status=clean.status.value, created_by=user, updated_by=user, version=1)
        _apply(sh, clean, user)
        _event(sh, clean.status, user, station_id=clean.origin_station_id)
        s.add(sh)
        s.flush()
        saved = _detail(sh)
        _audit(s, user, sh.id, "create", _diff(None, saved), None)
    return SaveResult(saved, None, _warnings(clean), Changes((saved.id,), membership=True))


def update(
    db: Database,
    shipment_id: int,
    data: ShipmentInput,
    expected_version: int,
    *,
    user: str | None = None,
    note: str | None = None,
) -> SaveResult:
    """Save edited fields over the version the caller loaded.

    A changed status goes through the transition rules and records an event.

    Raises:
        ConflictError: Someone saved the shipment after ``expected_version``.
        ValidationError: A field breaks a rule.
        NotFoundError: The shipment was deleted.
    """
    user = user or db.user
    with db.write() as s:
        sh = _load(s, shipment_id)
        _check_version(sh, expected_version)
        before = _detail(sh)
        clean = _validate(s, data, shipment_id)
        if clean.status != before.status:
            check_transition(before.status, clean.status, note)
            _event(sh, clean.status, user, note=note)
        _apply(sh, clean, user)
        after = _flush(s, sh)
        _audit(s, user, sh.id, "update", _diff(before, after), note)
    return SaveResult(after, before, _warnings(clean), Changes((shipment_id,), membership=True))


def _flush(s: Session, sh: Shipment) -> ShipmentDetail:
    what = sh.waybill  # read now: a failed flush expires the object
    try:
        s.flush()
    except StaleDataError as error:  # a concurrent writer won between our read and write
        raise ConflictError(
            Message("shipment.changed_while_saving"),
            who=None,
            when=None,
            what=what,
        ) from error
    return _detail(sh)


def delete(
    db: Database, shipment_id: int, expected_version: int, *, user: str | None = None
) -> ShipmentDetail:
    """Delete a shipment (with its units and events); returns it as it was, for undo.

    Raises:
        ConflictError: Someone saved the shipment after ``expected_version``.
        NotFoundError: Already deleted.
    """
    user = user or db.user
    with db.write() as s:
        sh = _load(s, shipment_id)
        _check_version(sh, expected_version)
        before = _detail(sh)
        s.delete(sh)
        _audit(s, user, shipment_id, "delete", _diff(before, None), None)
    return before


def change_status(
    db: Database,
    shipment_ids: Iterable[int],
    status: Status,
    *,
    at: datetime | None = None,
    station_id: int | None = None,
    note: str | None = None,
    expected_versions: dict[int, int] | None = None,
    user: str | None = None,
) -> BulkResult:
    """Move shipments to a new status: one transaction, one event and audit entry each.

    Reaching "arrived" sets a missing arrival date, and leaving "planned" or "loading" for the
    road sets a missing departure date, to the event's day.

    Raises:
        ValidationError: The change is not allowed for one of them (its waybill is named).
        ConflictError: One of them changed after the caller loaded it.
    """
    user = user or db.user
    status = Status(status)
    at = at or utcnow()
    with db.write() as s:
        return _change_status(
            s, list(shipment_ids), status, at, station_id, note, expected_versions or {}, user
        )


def change_train_status(
    db: Database,
    train_no: str,
    status: Status,
    *,
    at: datetime | None = None,
    station_id: int | None = None,
    note: str | None = None,
    user: str | None = None,
) -> BulkResult:
    """Move every open shipment of a train to a new status, in one transaction.

    Shipments already at or past that status (or cancelled) are left as they are.

    Raises:
        NotFoundError: No shipment is on that train.
        ValidationError: The change is not allowed for one of them.
    """
    user = user or db.user
    status = Status(status)
    at = at or utcnow()
    with db.write() as s:
        rows = s.execute(
            select(Shipment.id, Shipment.status).where(Shipment.train_no == train_no.strip())
        ).all()
        if not rows:
            raise NotFoundError(Message("shipment.no_train", train_no=train_no.strip()))
        ids = [i for i, st in rows if _before(Status(st), status)]
        return _change_status(s, ids, status, at, station_id, note, {}, user)


def _before(current: Status, target: Status) -> bool:
    """Whether a shipment in ``current`` still has to move to reach ``target``."""
    if current == Status.CANCELLED:
        return False
    if target == Status.CANCELLED:
        return current in OPEN_STATUSES
    return SEQUENCE.index(current) < SEQUENCE.index(target)


def _change_status(
    s: Session,
    ids: Sequence[int],
    status: Status,
    at: datetime,
    station_id: int | None,
    note: str | None,
    expected: dict[int, int],
    user: str,
) -> BulkResult:
    before: list[ShipmentDetail] = []
    after: list[ShipmentDetail] = []
    for shipment_id in ids:
        sh = _load(s, shipment_id)
        if shipment_id in expected:
            _check_version(sh, expected[shipment_id])
        old = _detail(sh)
        try:
            check_transition(old.status, status, note)
        except ValidationError as error:
            detail = error.detail() or error.message
            raise ValidationError(
                error.field,
                error.code,
                Message("shipment.in_waybill", waybill=sh.waybill, detail=detail),
                **error.params,
            ) from error
        _event(sh, status, user, at=at, station_id=station_id, note=note)
        if status in ARRIVED_STATUSES and sh.arrival_date is None:
            sh.arrival_date = at.date()
        if status in (Status.IN_TRANSIT, Status.AT_BORDER) and sh.departure_date is None:
            sh.departure_date = at.date()
        sh.updated_at = utcnow()
        sh.updated_by = user
        new = _flush(s, sh)
        _audit(s, user, shipment_id, "status", _diff(old, new), note)
        before.append(old)
        after.append(new)
    return BulkResult(tuple(before), tuple(after), Changes(tuple(ids), membership=True))


def revise_eta(
    db: Database,
    shipment_id: int,
    eta: date,
    reason: str,
    expected_version: int,
    *,
    user: str | None = None,
) -> SaveResult:
    """Change a shipment's ETA, with the reason on the audit trail.

    Raises:
        ValidationError: No reason given, or the ETA is before the departure.
        ConflictError: The shipment changed after the caller loaded it.
    """
    result = revise_eta_many(
        db, [shipment_id], eta, reason, {shipment_id: expected_version}, user=user
    )
    after = result.after[0]
    return SaveResult(after, result.before[0], _warnings(after), result.changes)


def revise_eta_many(
    db: Database,
    ids: Sequence[int],
    eta: date,
    reason: str,
    expected_versions: dict[int, int] | None = None,
    *,
    user: str | None = None,
) -> BulkResult:
    """Set the ETA of several shipments at once, with one reason on each audit entry.

    Args:
        db: The database.
        ids: The shipments.
        eta: The new estimated arrival date.
        reason: Why the ETA changes (required).
        expected_versions: The version of each shipment the caller loaded; a shipment
            missing here is not checked.
        user: Who makes the change (default: the database's user).

    Returns:
        The shipments before and after, for undo.

    Raises:
        ValidationError: No reason, or the ETA is before one shipment's departure (its waybill
            is named); nothing is saved then.
        ConflictError: One of them changed after the caller loaded it.
        NotFoundError: One of them was deleted.
    """
    if not reason.strip():
        raise ValidationError("reason", "required", Message("shipment.eta_reason"))
    user = user or db.user
    expected = expected_versions or {}
    before: list[ShipmentDetail] = []
    after: list[ShipmentDetail] = []
    with db.write() as s:
        for shipment_id in ids:
            sh = _load(s, shipment_id)
            if shipment_id in expected:
                _check_version(sh, expected[shipment_id])
            old = _detail(sh)
            if sh.departure_date and eta < sh.departure_date:
                raise ValidationError(
                    "eta",
                    "before_departure",
                    Message(
                        "shipment.eta_before_departure",
                        waybill=sh.waybill,
                        eta=eta,
                        departure=sh.departure_date,
                    ),
                )
            sh.eta = eta
            sh.updated_at = utcnow()
            sh.updated_by = user
            new = _flush(s, sh)
            _audit(s, user, shipment_id, "eta", _diff(old, new), reason.strip())
            before.append(old)
            after.append(new)
    return BulkResult(tuple(before), tuple(after), Changes(tuple(ids), membership=True))


def record_arrived_weight(
    db: Database,
    shipment_id: int,
    arrived_weight_kg: int,
    expected_version: int,
    *,
    note: str | None = None,
    tolerance_pct: float = 2.5,
    user: str | None = None,
) -> SaveResult:
    """Record the net weight on arrival; a difference beyond tolerance needs a note.

    Raises:
        ValidationError: Weight not positive, or beyond tolerance without a note.
        ConflictError: The shipment changed after the caller loaded it.
    """
    if arrived_weight_kg <= 0:
        raise ValidationError("arrived_weight_kg", "positive", Message("shipment.arrived_weight"))
    user = user or db.user
    with db.write() as s:
        sh = _load(s, shipment_id)
        _check_version(sh, expected_version)
        before = _detail(sh)
        difference = abs(arrived_weight_kg - sh.net_weight_kg) * 100 / sh.net_weight_kg
        if difference > tolerance_pct and not (note and note.strip()):
            raise ValidationError(
                "weight_note",
                "reason_required",
                Message("shipment.weight_reason", difference=difference, tolerance=tolerance_pct),
            )
        sh.arrived_weight_kg = arrived_weight_kg
        if note and note.strip():
            sh.weight_note = note.strip()
        sh.updated_at = utcnow()
        sh.updated_by = user
        after = _flush(s, sh)
        _audit(s, user, shipment_id, "weight", _diff(before, after), note)
    return SaveResult(after, before, _warnings(after), Changes((shipment_id,)))


def revert(
    db: Database,
    before: Sequence[ShipmentDetail],
    current_versions: dict[int, int],
    *,
    user: str | None = None,
) -> BulkResult:
    """Put shipments back exactly as they were (undo), in one transaction.

    Fields, units and status return to ``before``; status events added since are removed, so
    the history does not show a change that was taken back. The audit trail keeps both.

    Raises:
        ConflictError: A shipment changed after the version the caller is undoing.
        NotFoundError: A shipment was deleted meanwhile.
    """
    user = user or db.user
    after: list[ShipmentDetail] = []
    with db.write() as s:
        for old in before:
            sh = _load(s, old.id)
            _check_version(sh, current_versions[old.id])
            now = _detail(sh)
            _apply(sh, old, user)
            sh.status = old.status.value
            for event in list(sh.events):
                if old.last_event_id is None or event.id > old.last_event_id:
                    sh.events.remove(event)
            new = _flush(s, sh)
            _audit(s, user, sh.id, "undo", _diff(now, new), None)
            after.append(new)
    ids = tuple(d.id for d in before)
    return BulkResult(tuple(before), tuple(after), Changes(ids, membership=True))


def audit_trail(db: Database, shipment_id: int) -> list[dict[str, Any]]:
    """A shipment's audit entries, oldest first, as plain dicts."""
    with db.read() as s:
        entries = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "shipment", AuditEntry.entity_id == shipment_id)
            .order_by(AuditEntry.id)
        )
        return [
            {
                "at": e.at,
                "user": e.user,
                "action": e.action,
                "changes": e.changes,
                "reason": e.reason,
            }
            for e in entries
        ]


def events(db: Database, shipment_id: int) -> list[dict[str, Any]]:
    """A shipment's status events, oldest first, as plain dicts."""
    with db.read() as s:
        rows = s.scalars(
            select(ShipmentEvent)
            .where(ShipmentEvent.shipment_id == shipment_id)
            .order_by(ShipmentEvent.occurred_at, ShipmentEvent.id)
        )
        return [
            {
                "at": e.occurred_at,
                "status": Status(e.status),
                "station_id": e.station_id,
                "note": e.note,
                "user": e.user,
            }
            for e in rows
        ]
