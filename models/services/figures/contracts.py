"""Contract fulfilment: contracted vs shipped vs arrived, with the contract's tolerance band."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import (
    Commodity,
    Contract,
    Counterparty,
    FigureArrivalTotal,
    FigureContractTotal,
)
from models.services.figures._common import NOT_CANCELLED, name_column
from models.services.queries import Filter


@dataclass(frozen=True)
class ContractFigure:
    """One contract's quantities in kg.

    ``shipped_kg``: net weight of its shipments that departed (departure date set, not
    cancelled). ``arrived_kg``: of those that arrived (arrival date set, not cancelled), the
    arrived weight where recorded, else the net weight. ``remaining_kg`` = contracted −
    arrived (negative when over-delivered). ``within_tolerance``: arrived is within
    contracted ± tolerance_pct %.
    """

    contract_id: int
    number: str
    supplier: str
    commodity: str
    contracted_kg: int
    tolerance_pct: Decimal
    shipped_kg: int
    arrived_kg: int
    remaining_kg: int
    within_tolerance: bool
    filter: Filter
    period_start: date | None = None
    period_end: date | None = None

    @property
    def band_kg(self) -> tuple[int, int]:
        """The tolerance band around the contracted quantity: (lowest, highest) kg."""
        delta = int(self.contracted_kg * self.tolerance_pct / 100)
        return self.contracted_kg - delta, self.contracted_kg + delta


def contract_fulfilment(
    session: Session, first: date | None = None, last: date | None = None, *, lang: str = "en"
) -> list[ContractFigure]:
    """Every contract whose period overlaps ``first`` … ``last`` (all without them).

    The quantities are the contract's whole life, not just the period; they come from the
    summary tables ``figure_contract_totals`` and ``figure_arrival_totals``. Ordered by
    period start, then number.
    """
    arrived = (
        select(
            FigureArrivalTotal.contract_key.label("contract_id"),
            func.sum(FigureArrivalTotal.arrived_kg).label("arrived_kg"),
        )
        .where(FigureArrivalTotal.contract_key != 0)
        .group_by(FigureArrivalTotal.contract_key)
        .subquery()
    )
    query = (
        select(
            Contract.id,
            Contract.number,
            Counterparty.name,
            name_column(Commodity, lang),
            Contract.quantity_kg,
            Contract.tolerance_pct,
            func.coalesce(FigureContractTotal.shipped_kg, 0),
            func.coalesce(arrived.c.arrived_kg, 0),
            Contract.period_start,
            Contract.period_end,
        )
        .join(Counterparty, Counterparty.id == Contract.supplier_id)
        .join(Commodity, Commodity.id == Contract.commodity_id)
        .outerjoin(FigureContractTotal, FigureContractTotal.contract_id == Contract.id)
        .outerjoin(arrived, arrived.c.contract_id == Contract.id)
        .order_by(Contract.period_start, Contract.number)
    )
    if first is not None:
        query = query.where(Contract.period_end >= first)
    if last is not None:
        query = query.where(Contract.period_start <= last)
    figures = []
    for cid, number, supplier, commodity, qty, tol, shipped, arr, start, end in session.execute(
        query
    ):
        qty, shipped, arr = int(qty), int(shipped), int(arr)
        tol = Decimal(tol)
        figures.append(
            ContractFigure(
                contract_id=cid,
                number=number,
                supplier=supplier,
                commodity=commodity,
                contracted_kg=qty,
                tolerance_pct=tol,
                shipped_kg=shipped,
                arrived_kg=arr,
                remaining_kg=qty - arr,
                within_tolerance=abs(arr - qty) * 100 <= qty * tol,
                filter=Filter(contract_ids=(cid,), statuses=NOT_CANCELLED),
                period_start=start,
                period_end=end,
            )
        )
    return figures
