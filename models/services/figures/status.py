"""Shipments and net weight per status, today or as they stood at the end of a past day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from models.entities import FigureStatusTotal, Shipment, ShipmentEvent
from models.rules.status import SEQUENCE, Status
from models.services.figures._common import day_end
from models.services.queries import Filter

#: Every status in the order figures list them: the journey, then cancelled.
ALL_STATUSES: tuple[Status, ...] = (*SEQUENCE, Status.CANCELLED)


@dataclass(frozen=True)
class StatusFigure:
    """How many shipments had ``status`` at the end of the day, and their net weight."""

    status: Status
    shipments: int
    net_kg: int
    filter: Filter


def has_later_events(session: Session, as_of: date) -> bool:
    """True when some event happened after ``as_of`` (UTC): then statuses must be rewound."""
    later = select(ShipmentEvent.id).where(ShipmentEvent.occurred_at >= day_end(as_of))
    return bool(session.execute(select(exists(later))).scalar())


def status_totals(session: Session, as_of: date) -> list[StatusFigure]:
    """Shipments and net kg per status at the end of ``as_of`` (UTC), all eight statuses.

    A shipment's status at a moment is its latest event before it (a shipment without an
    event by then did not exist yet). The current totals come from the summary table
    ``figure_status_totals`` (kept by triggers); only shipments with events after ``as_of``
    are read from ``shipments`` and ``shipment_events``, to take away their current status
    and add back the one they had then. For today that set is empty.

    Args:
        session: A read session.
        as_of: The day; today gives the current figures.

    Returns:
        One figure per status in :data:`ALL_STATUSES` order, zeros included. Each figure's
        filter selects exactly its shipments (by their status at the end of ``as_of``).
    """
    totals: dict[str, list[int]] = {s.value: [0, 0] for s in ALL_STATUSES}
    for status, n, kg in session.execute(
        select(FigureStatusTotal.status, FigureStatusTotal.shipments, FigureStatusTotal.net_kg)
    ):
        totals[status] = [int(n), int(kg)]
    historical = has_later_events(session, as_of)
    if historical:
        cutoff = day_end(as_of)
        # No DISTINCT: SQLite would then walk the whole (shipment_id, ...) index for order.
        later = select(ShipmentEvent.shipment_id).where(ShipmentEvent.occurred_at >= cutoff)
        # The status then: each changed shipment's latest event before the cutoff, found
        # through the (shipment_id, occurred_at) index. One pass moves each changed
        # shipment's weight from its current status to the one it had then.
        then_status = (
            select(ShipmentEvent.status)
            .where(ShipmentEvent.shipment_id == Shipment.id, ShipmentEvent.occurred_at < cutoff)
            .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
            .limit(1)
            .scalar_subquery()
            .label("then")
        )
        rows = (
            select(Shipment.status, then_status, Shipment.net_weight_kg)
            .where(Shipment.id.in_(later))
            .subquery()
        )
        moved = select(
            rows.c.status, rows.c.then, func.count(), func.sum(rows.c.net_weight_kg)
        ).group_by(rows.c.status, rows.c.then)
        for now, then, n, kg in session.execute(moved):
            totals[now][0] -= int(n)
            totals[now][1] -= int(kg or 0)
            if then is not None:  # None: the shipment did not exist yet
                totals[then][0] += int(n)
                totals[then][1] += int(kg or 0)
    return [
        StatusFigure(
            status=s,
            shipments=totals[s.value][0],
            net_kg=totals[s.value][1],
            filter=Filter(statuses=(s,), status_as_of=as_of if historical else None),
        )
        for s in ALL_STATUSES
    ]
