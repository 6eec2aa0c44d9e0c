"""The period summary's figures: arrivals by group and month, contracts, late, discrepancies.

Every figure comes from :mod:`models.services.figures` (one source of figures for the status
command, the dashboard and the reports); this module only picks them for a period, puts them
into the report's shape and adds up the few rows each table has, so the totals printed are the
sums of the lines printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from models.db import Database
from models.errors import UserError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.services import figures
from models.services.reports.labels import check_language, word

#: The groups of the summary, in the order printed.
DIMENSIONS: tuple[Literal["commodity", "supplier", "route", "destination"], ...] = (
    "commodity",
    "supplier",
    "route",
    "destination",
)
#: At most this many late shipments and discrepancies are listed; the rest are counted.
LIST_LIMIT = 50
#: Figures collected, for progress: one per group table, months, contracts, late, discrepancies.
_STEPS = len(DIMENSIONS) + 4


@dataclass(frozen=True)
class GroupLine:
    """Arrivals of one commodity, supplier, route or destination, and a year before."""

    name: str
    shipments: int
    net_kg: int
    previous_kg: int

    @property
    def change_pct(self) -> float | None:
        """The change against the previous year in percent; None when it had nothing."""
        if self.previous_kg == 0:
            return None
        return 100.0 * (self.net_kg - self.previous_kg) / self.previous_kg


@dataclass(frozen=True)
class GroupTable:
    """One "tonnes arrived by …" table; ``total`` is the sum of its lines."""

    dimension: str
    lines: tuple[GroupLine, ...]

    @property
    def total(self) -> GroupLine:
        """The sum of the lines (the empty name is the total's)."""
        return GroupLine(
            "",
            sum(line.shipments for line in self.lines),
            sum(line.net_kg for line in self.lines),
            sum(line.previous_kg for line in self.lines),
        )


@dataclass(frozen=True)
class MonthLine:
    """Net kg of one commodity arrived in one month, and in the same month a year before."""

    month: date
    commodity: str
    net_kg: int
    previous_kg: int


@dataclass(frozen=True)
class ContractLine:
    number: str
    supplier: str
    commodity: str
    contracted_kg: int
    shipped_kg: int
    arrived_kg: int
    remaining_kg: int
    within_tolerance: bool


@dataclass(frozen=True)
class LateLine:
    waybill: str
    train_no: str
    commodity: str
    eta: date | None
    days_late: int
    last_station: str | None


@dataclass(frozen=True)
class DiscrepancyLine:
    waybill: str
    train_no: str
    commodity: str
    net_kg: int
    arrived_kg: int
    difference_kg: int
    pct: float
    reason: str | None


@dataclass(frozen=True)
class PeriodSummary:
    """Everything the period summary prints, in the report's language."""

    first: date
    last: date
    lang: str
    groups: tuple[GroupTable, ...]
    months: tuple[MonthLine, ...]
    contracts: tuple[ContractLine, ...]
    late: tuple[LateLine, ...]
    #: Late shipments at period end in all (``late`` lists at most LIST_LIMIT of them).
    late_total: int
    discrepancies: tuple[DiscrepancyLine, ...]
    discrepancies_total: int

    @property
    def arrived(self) -> GroupLine:
        """All arrivals in the period (the total of every group table)."""
        return self.groups[0].total if self.groups else GroupLine("", 0, 0, 0)

    @property
    def empty(self) -> bool:
        """Whether nothing arrived in the period."""
        return self.arrived.shipments == 0


def check_period(first: date, last: date) -> None:
    """Refuse a period that ends before it starts.

    Raises:
        UserError: ``last`` is before ``first``.
    """
    if last < first:
        raise UserError(Message("period.order", first=first, last=last))


def period_summary(
    db: Database,
    first: date,
    last: date,
    lang: str = "en",
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    today: date | None = None,
) -> PeriodSummary:
    """Collect the period summary from ``first`` to ``last`` (both included).

    Runs in one read session; safe on a worker thread (it opens its own session).

    Args:
        db: The open database.
        first: The first day of the period.
        last: The last day of the period.
        lang: The report language: "en", "zh" or "ru".
        progress: Told after each figure.
        cancel: Checked between figures.
        today: The day "late" is judged on when the period has not ended yet (default:
            today); a period that has ended is judged on its last day.

    Returns:
        The summary's figures.

    Raises:
        UserError: The period ends before it starts.
        Cancelled: ``cancel`` was set.
    """
    check_language(lang)
    check_period(first, last)
    # Late "at period end"; for a period still running, late now.
    as_of = min(last, today or date.today())
    done = 0

    def step() -> None:
        nonlocal done
        if cancel is not None:
            cancel.check()
        progress(done, _STEPS)
        done += 1

    with db.read() as s:
        groups = []
        for dimension in DIMENSIONS:
            step()
            rows = figures.tonnage_by(
                s, dimension, first, last, lang=lang, no_border=word("no_border", lang)
            )
            lines = (GroupLine(g.name, g.shipments, g.net_kg, g.previous_year_net_kg) for g in rows)
            groups.append(GroupTable(dimension, tuple(lines)))
        step()
        months = tuple(
            MonthLine(m.month, m.commodity, m.net_kg, m.previous_year_net_kg)
            for m in figures.monthly_arrived(s, first, last, lang=lang)
        )
        step()
        contracts = tuple(
            ContractLine(
                c.number,
                c.supplier,
                c.commodity,
                c.contracted_kg,
                c.shipped_kg,
                c.arrived_kg,
                c.remaining_kg,
                c.within_tolerance,
            )
            for c in figures.contract_fulfilment(s, first, last, lang=lang)
        )
        step()
        late = tuple(
            LateLine(x.waybill, x.train_no, x.commodity, x.eta, x.days_late, x.last_station)
            for x in figures.late_shipments(s, as_of, limit=LIST_LIMIT, lang=lang)
        )
        late_total = sum(b.shipments for b in figures.ageing_buckets(s, as_of))
        step()
        found = figures.weight_discrepancies(s, first, last, lang=lang, limit=LIST_LIMIT)
        discrepancies = tuple(
            DiscrepancyLine(
                d.waybill,
                d.train_no,
                d.commodity,
                d.net_kg,
                d.arrived_kg,
                d.difference_kg,
                d.pct,
                d.reason,
            )
            for d in found
        )
        discrepancies_total = (
            len(found)
            if len(found) < LIST_LIMIT
            else figures.weight_discrepancy_count(s, first, last)
        )
    progress(_STEPS, _STEPS)
    return PeriodSummary(
        first=first,
        last=last,
        lang=lang,
        groups=tuple(groups),
        months=months,
        contracts=contracts,
        late=late,
        late_total=late_total,
        discrepancies=discrepancies,
        discrepancies_total=discrepancies_total,
    )
