"""Formatting helpers the shipments columns need beyond ui.i18n: local date and time."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def format_datetime(value: datetime | None) -> str:
    """A UTC (or naive UTC) timestamp shown in local time, in the locale's short format."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)
