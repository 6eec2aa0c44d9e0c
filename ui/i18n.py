"""Translators, and how numbers, tonnes, dates and statuses are shown in the user's locale."""

from __future__ import annotations

import logging
import re
from datetime import date
from importlib import resources

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from models.rules.status import Status

#: Status labels, marked for lupdate and translated at display time (context "Status").
_STATUS_LABELS: dict[Status, str] = {
    Status.PLANNED: QT_TRANSLATE_NOOP("Status", "Planned"),
    Status.LOADING: QT_TRANSLATE_NOOP("Status", "Loading"),
    Status.IN_TRANSIT: QT_TRANSLATE_NOOP("Status", "In transit"),
    Status.AT_BORDER: QT_TRANSLATE_NOOP("Status", "At border"),
    Status.CUSTOMS: QT_TRANSLATE_NOOP("Status", "Customs"),
    Status.ARRIVED: QT_TRANSLATE_NOOP("Status", "Arrived"),
    Status.UNLOADED: QT_TRANSLATE_NOOP("Status", "Unloaded"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Status", "Cancelled"),
}

_log = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"%([1-9])")


def use_system_locale() -> QLocale:
    """Format with the user's locale; English (UK) where the system offers only C/POSIX.

    Qt's C locale writes dates as "11 11 2025" and numbers without grouping, which no user
    asked for: a bare C locale usually means an unconfigured machine, not a preference.
    """
    locale = QLocale.system()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    return locale


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install Qt's own qtbase translation and Railgrain's for ``locale`` (default: system).

    A missing .qm file is not an error: the English source texts show instead.

    Returns:
        The translators that loaded (parented to ``app`` so they live as long as it does).
    """
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    ours = QTranslator(app)
    folder = _translations_dir()
    if folder is not None and ours.load(locale, "railgrain", "_", folder):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def _translations_dir() -> str | None:
    try:
        folder = resources.files("resources").joinpath("translations")
    except (ImportError, OSError) as error:
        # e.g. a stale editable install that sees "resources" as a namespace package:
        # the app still works, in English.
        _log.warning("cannot find Railgrain's translations: %r", error)
        return None
    # QTranslator needs a real directory (a source checkout or an unzipped install).
    return str(folder) if folder.is_dir() else None


def arg(text: str, *values: object) -> str:
    """Fill Qt-style ``%1``…``%9`` placeholders in one pass, as ``QString.arg`` would.

    PySide6 returns Python strings from ``tr()``, which have no ``.arg``; translators may
    reorder the placeholders, so they are replaced by number, never by position.
    """

    def value(match: re.Match[str]) -> str:
        i = int(match.group(1)) - 1
        return str(values[i]) if i < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


def format_number(value: int) -> str:
    """An integer with the locale's digit grouping."""
    return QLocale().toString(value)


def format_tonnes(kg: int) -> str:
    """Kilograms shown as tonnes with three decimals and the locale's grouping (exact)."""
    locale = QLocale()
    whole, grams = divmod(abs(kg), 1000)
    sign = locale.negativeSign() if kg < 0 else ""
    return f"{sign}{locale.toString(whole)}{locale.decimalPoint()}{grams:03d}"


def format_date(value: date | None) -> str:
    """A date in the locale's short format; an empty string for no date."""
    if value is None:
        return ""
    qdate = QDate(value.year, value.month, value.day)
    return QLocale().toString(qdate, QLocale.FormatType.ShortFormat)


def status_label(status: Status) -> str:
    """The translated name of a status."""
    return QCoreApplication.translate("Status", _STATUS_LABELS[Status(status)])
