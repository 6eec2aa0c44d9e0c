"""Formatting helpers the shipments columns need beyond ui.i18n: local date and time."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

# The wall-clock time is already local when it is formatted: a QDateTime in UTC shows it as
# it is, and building one costs a twentieth of a local-time QDateTime (no zone lookup).
_WALL_CLOCK = QTimeZone(QTimeZone.Initialization.UTC)


def format_datetime(value: datetime | None) -> str:
    """A UTC (or naive UTC) timestamp shown in local time, in the locale's short format."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    qdt = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), _WALL_CLOCK
    )
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)
