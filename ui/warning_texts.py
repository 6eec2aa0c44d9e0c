"""Plausibility warnings (models.rules.plausibility) in the user's language.

A warning carries a stable ``code`` and the figures it names (``params``); this table gives
each code a translatable template with named fields. Weights come in kg and are shown as
tonnes, dates and numbers in the locale's form. An unknown code, or a translation that breaks
its fields, falls back to the warning's English text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from models.rules.plausibility import PlausibilityWarning
from ui.i18n import arg, format_date, format_number, format_tonnes

_CONTEXT = "WarningTexts"

#: Warning code → template; fields are the warning's params (``*_kg`` shown as tonnes).
TEXTS: dict[str, str] = {
    "unit_weight_low": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{weight_kg} is light for one {kind}; a loaded {kind} usually carries "
        "{min_kg}–{max_kg} net",
    ),
    "unit_weight_high": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{weight_kg} is heavy for one {kind}; a loaded {kind} usually carries "
        "{min_kg}–{max_kg} net",
    ),
    "average_unit_weight_low": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{total_kg} over {units} units is {average_kg} per {kind}; a loaded {kind} usually "
        "carries {min_kg}–{max_kg} net: check the weight and the number of units",
    ),
    "average_unit_weight_high": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{total_kg} over {units} units is {average_kg} per {kind}; a loaded {kind} usually "
        "carries {min_kg}–{max_kg} net: check the weight and the number of units",
    ),
    "train_weight_low": QT_TRANSLATE_NOOP(
        "WarningTexts", "{total_kg} is light for a container train (under {min_kg})"
    ),
    "train_weight_high": QT_TRANSLATE_NOOP(
        "WarningTexts", "{total_kg} is heavy for a container train (over {max_kg})"
    ),
    "train_units_low": QT_TRANSLATE_NOOP(
        "WarningTexts", "{units} boxes is few; a container train usually has {min}–{max}"
    ),
    "train_units_high": QT_TRANSLATE_NOOP(
        "WarningTexts", "{units} boxes is many; a container train usually has {min}–{max}"
    ),
    "arrival_before_departure": QT_TRANSLATE_NOOP(
        "WarningTexts", "{arrival} is before the departure ({departure})"
    ),
    "transit_short": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{days} days after departure; transit usually takes {min_days}–{max_days} days",
    ),
    "transit_long": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{days} days after departure; transit usually takes {min_days}–{max_days} days",
    ),
    "border_stop_long": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "{days} days at the border; a stop over {max_days} days is worth asking the "
        "forwarder about",
    ),
    "arrived_weight_low": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "the arrived weight is {difference_pct} % ({difference_kg}) below the shipped "
        "weight, beyond the {tolerance_pct} % tolerance; record the reason",
    ),
    "arrived_weight_high": QT_TRANSLATE_NOOP(
        "WarningTexts",
        "the arrived weight is {difference_pct} % ({difference_kg}) above the shipped "
        "weight, beyond the {tolerance_pct} % tolerance; record the reason",
    ),
}

_KINDS = {
    "wagon": QT_TRANSLATE_NOOP("WarningTexts", "wagon"),
    "container": QT_TRANSLATE_NOOP("WarningTexts", "container"),
}


def _tonnes(kg: int) -> str:
    """Tonnes as a warning says them: "90 t", "24.5 t" (no trailing zero decimals)."""
    text = format_tonnes(abs(kg))  # the text says above or below
    point = QLocale().decimalPoint()
    text = text.rstrip("0").removesuffix(point)
    return arg(QCoreApplication.translate("Units", "%1 t"), text)


def _shown(name: str, value: Any) -> Any:
    if name.endswith("_kg") and isinstance(value, int):
        return _tonnes(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float):
        return QLocale().toString(abs(value), "g", 6)
    if name == "kind" and value in _KINDS:
        return QCoreApplication.translate(_CONTEXT, _KINDS[value])
    return value


def warning_text(warning: PlausibilityWarning) -> str:
    """The warning in the user's language (its English text when the code is unknown)."""
    template = TEXTS.get(warning.code)
    if template is None:
        return warning.message
    fields = {k: _shown(k, v) for k, v in warning.params.items()}
    try:
        return QCoreApplication.translate(_CONTEXT, template).format_map(fields)
    except (KeyError, IndexError, ValueError):
        return warning.message
