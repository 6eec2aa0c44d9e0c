"""Suppliers, consignees and forwarders."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base


class Counterparty(Base):
    """A company the importer deals with; ``role`` is its main role."""

    __tablename__ = "counterparties"
    __table_args__ = (
        CheckConstraint("role IN ('supplier', 'consignee', 'forwarder')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    country: Mapped[str | None] = mapped_column(String(2))
