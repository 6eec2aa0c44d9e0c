"""Goods carried: wheat, flour, flaxseed, oils, feed, by HS heading."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base


class Commodity(Base):
    """A kind of goods with its HS heading and its names in English, Chinese and Russian."""

    __tablename__ = "commodities"

    id: Mapped[int] = mapped_column(primary_key=True)
    hs_code: Mapped[str] = mapped_column(String(10), index=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    name_zh: Mapped[str | None] = mapped_column(String(80))
    name_ru: Mapped[str | None] = mapped_column(String(80))
