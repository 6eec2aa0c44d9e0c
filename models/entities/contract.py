"""Supply contracts: what a supplier must deliver, when, and at what price."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base


class Contract(Base):
    """A contract for one commodity from one supplier over a period."""

    __tablename__ = "contracts"
    __table_args__ = (
        CheckConstraint("quantity_kg > 0", name="quantity_positive"),
        CheckConstraint("period_end >= period_start", name="period_order"),
        CheckConstraint("tolerance_pct >= 0 AND tolerance_pct <= 100", name="tolerance_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("counterparties.id"), index=True)
    commodity_id: Mapped[int] = mapped_column(ForeignKey("commodities.id"), index=True)
    quantity_kg: Mapped[int] = mapped_column(BigInteger)
    period_start: Mapped[date]
    period_end: Mapped[date]
    price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    #: Allowed difference between contracted and delivered quantity, in percent.
    tolerance_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("2.5"))
