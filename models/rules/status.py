"""Shipment statuses and which changes between them are allowed."""

from __future__ import annotations

from enum import StrEnum

from models.errors import ValidationError
from models.messages import Message


class Status(StrEnum):
    """Where a shipment is in its journey; stored as these lowercase values."""

    PLANNED = "planned"
    LOADING = "loading"
    IN_TRANSIT = "in_transit"
    AT_BORDER = "at_border"
    CUSTOMS = "customs"
    ARRIVED = "arrived"
    UNLOADED = "unloaded"
    CANCELLED = "cancelled"


#: The journey in order; cancelled stands outside it.
SEQUENCE: tuple[Status, ...] = (
    Status.PLANNED,
    Status.LOADING,
    Status.IN_TRANSIT,
    Status.AT_BORDER,
    Status.CUSTOMS,
    Status.ARRIVED,
    Status.UNLOADED,
)

#: Statuses in which the goods have reached their destination.
ARRIVED_STATUSES: frozenset[Status] = frozenset({Status.ARRIVED, Status.UNLOADED})
#: Statuses that can still change and can be late.
OPEN_STATUSES: frozenset[Status] = frozenset(SEQUENCE) - ARRIVED_STATUSES


def check_transition(old: Status, new: Status, note: str | None = None) -> None:
    """Refuse a status change the journey does not allow.

    Forward moves may skip steps (a forwarder often reports only the border and the arrival).
    A correction back one step is allowed with a note saying why. A shipment can be cancelled
    from any open status; a cancelled shipment stays cancelled.

    Args:
        old: The shipment's current status.
        new: The status asked for.
        note: The user's note for this change.

    Raises:
        ValidationError: With field "status" and a code saying which rule was broken.
    """
    old, new = Status(old), Status(new)
    if old == new:
        raise ValidationError("status", "unchanged", Message("status.unchanged", status=old.value))
    if old == Status.CANCELLED:
        raise ValidationError("status", "cancelled", Message("status.cancelled", status=new.value))
    if new == Status.CANCELLED:
        if old not in OPEN_STATUSES:
            raise ValidationError(
                "status",
                "cancel_arrived",
                Message("status.cancel_arrived", status=old.value),
            )
        return
    step = SEQUENCE.index(new) - SEQUENCE.index(old)
    if step > 0:
        return
    if step == -1:
        if not (note and note.strip()):
            raise ValidationError(
                "note",
                "note_required",
                Message("status.note_required", old=old.value, new=new.value),
            )
        return
    raise ValidationError(
        "status",
        "backwards",
        Message("status.backwards", old=old.value, new=new.value),
    )
