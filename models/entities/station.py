"""Railway stations: origins in Kazakhstan, border crossings, destinations in China."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base


class Station(Base):
    """A station, identified by its code within a code system (ESR "1520", Chinese "CN")."""

    __tablename__ = "stations"
    __table_args__ = (
        # NULL codes ("not known") do not collide: both SQLite and PostgreSQL allow many NULLs.
        UniqueConstraint("code_system", "code", name="uq_stations_code_system_code"),
        CheckConstraint("length(country) = 2", name="country_iso2"),
        CheckConstraint("role IN ('origin', 'border', 'destination', 'other')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(10))
    code_system: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80), index=True)
    local_name: Mapped[str | None] = mapped_column(String(80))
    name_zh: Mapped[str | None] = mapped_column(String(80))
    name_ru: Mapped[str | None] = mapped_column(String(80))
    country: Mapped[str] = mapped_column(String(2))
    role: Mapped[str] = mapped_column(String(12), default="other")
    unlocode: Mapped[str | None] = mapped_column(String(5))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
