"""Helpers shared by the figure modules: names in a language, day arithmetic, status sets."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, cast, func
from sqlalchemy.orm import Session

from models.rules.status import ARRIVED_STATUSES, OPEN_STATUSES, SEQUENCE, Status

#: Status values as stored.
OPEN_VALUES: tuple[str, ...] = tuple(s.value for s in SEQUENCE if s in OPEN_STATUSES)
ARRIVED_VALUES: tuple[str, ...] = tuple(s.value for s in SEQUENCE if s in ARRIVED_STATUSES)
#: Every status but cancelled: what "arrived in the period" counts.
NOT_CANCELLED: tuple[Status, ...] = tuple(SEQUENCE)
LANGS = ("en", "zh", "ru")


def name_column(entity: Any, lang: str) -> ColumnElement[str]:
    """The entity's name in ``lang`` where it has one, else its Latin ``name``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    column = getattr(entity, f"name_{lang}", None) if lang != "en" else None
    if column is None:
        return entity.name
    return func.coalesce(column, entity.name)


def is_sqlite(session: Session) -> bool:
    """True when the session talks to SQLite (the few dialect differences branch on it)."""
    return session.get_bind().dialect.name == "sqlite"


def days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[int]:
    """``later - earlier`` in whole days (both date columns or values)."""
    if is_sqlite(session):
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return later - earlier  # type: ignore[no-any-return]  # date - date is an integer in PostgreSQL


def month_start(session: Session, column: Any) -> ColumnElement[Any]:
    """The first day of the column's month: text 'YYYY-MM-01' on SQLite, a date on PostgreSQL."""
    if is_sqlite(session):
        return func.strftime("%Y-%m-01", column)
    return cast(func.date_trunc("month", column), Date)


def as_date(value: Any) -> date:
    """A date from what the driver returned (SQLite gives text for computed dates)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day``, UTC (event times are UTC)."""
    return datetime.combine(day, time.min, tzinfo=UTC)


def day_end(day: date) -> datetime:
    """The first instant after ``day``, UTC."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def previous_year(first: date, last: date) -> tuple[date, date]:
    """The same period a year earlier.

    Day for day, except that a period ending on the last day of a month ends on the last
    day of that month a year earlier: February 2025 compares with all of February 2024,
    29th included. A 29 February start becomes 28 February.
    """
    end = same_days_last_year(last)
    if (last + timedelta(days=1)).day == 1:
        end = (end.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return same_days_last_year(first), end


def same_days_last_year(day: date) -> date:
    """The same calendar day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
