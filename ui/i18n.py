"""Translators, and how numbers, tonnes, dates and statuses are shown in the user's locale."""

from __future__ import annotations

import logging
import re
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from models.rules.status import Status
from models.services.reference import CommodityRef, StationRef, commodity_name, station_name
from ui.settings import LANGUAGE, Settings

if TYPE_CHECKING:  # the CLI's report renders under a QGuiApplication, without QtWidgets
    from PySide6.QtWidgets import QLineEdit

#: The languages Railgrain is translated into: setting value → the language's own name.
#: The setting's empty value means "as the system" (see ``locale_for``).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文（简体）", "ru": "Русский"}

#: The object name of the translators Railgrain installs, so a language change finds them.
_TRANSLATOR_NAME = "railgrain-translator"

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


def locale_for(language: str) -> QLocale:
    """The locale for a language setting: "" follows the system, else one of ``LANGUAGES``.

    A chosen language keeps the system's country when the system speaks it (ru_KZ stays
    ru_KZ); otherwise it takes the language's main country (English: the UK's day-first dates).
    A system that offers only C/POSIX gets English (UK) too: Qt's C locale writes dates as
    "11 11 2025" and numbers without grouping, and a bare C locale usually means an
    unconfigured machine, not a preference.
    """
    if not language:
        system = QLocale.system()
        if system.language() == QLocale.Language.C:
            return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        return system
    wanted = QLocale(language)
    if wanted.language() == QLocale.Language.C or language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    system = QLocale.system()
    if system.language() == wanted.language() and system.script() == wanted.script():
        return system
    if wanted.language() == QLocale.Language.English:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return wanted


def apply_language(app: QCoreApplication, language: str) -> QLocale:
    """Switch formats and translations to ``language`` ("" = the system's); return the locale.

    Widgets built before the switch keep their texts: the window applies a change on the next
    start (the settings dialog says so).
    """
    locale = locale_for(language)
    QLocale.setDefault(locale)
    remove_translators(app)
    install_translators(app, locale)
    return locale


def apply_saved_language(
    app: QCoreApplication, settings: Settings, override: str | None = None
) -> QLocale:
    """At start: apply ``override`` (``main.py --lang``), else the saved language setting.

    An unknown saved value (a newer version's language, a hand-edited file) means the system's.
    """
    language = override if override is not None else settings.get(LANGUAGE)
    language = {"zh": "zh_CN"}.get(language, language)  # as report --lang writes it
    if language and language not in LANGUAGES:
        _log.warning("unknown language %r in the settings; following the system", language)
        language = ""
    return apply_language(app, language)


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall the translators ``install_translators`` installed."""
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install Qt's own qtbase translation and Railgrain's for ``locale`` (default: system).

    A missing .qm file is not an error: the English source texts show instead. For English,
    Railgrain's file holds only the plural forms ("1 shipment", "2 shipments").

    Returns:
        The translators that loaded (parented to ``app`` so they live as long as it does).
    """
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    qtbase.setObjectName(_TRANSLATOR_NAME)
    if qtbase.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    ours = QTranslator(app)
    ours.setObjectName(_TRANSLATOR_NAME)
    folder = _translations_dir()
    if folder is not None and ours.load(locale, "railgrain", "_", folder):
        app.installTranslator(ours)
        installed.append(ours)
    elif folder is not None and locale.language() != QLocale.Language.English:
        # Not a fault: a German system gets the English texts with German number formats.
        _log.info("no Railgrain translation for %s in %s", locale.name(), folder)
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


def format_tonnes_with_unit(kg: int) -> str:
    """Tonnes with the unit in the user's language: "1,313.000 t", "1 313,000 т", "1,313.000 吨"."""
    return arg(QCoreApplication.translate("Units", "%1 t"), format_tonnes(kg))


def format_date(value: date | None) -> str:
    """A date in the locale's short format; an empty string for no date."""
    if value is None:
        return ""
    qdate = QDate(value.year, value.month, value.day)
    return QLocale().toString(qdate, QLocale.FormatType.ShortFormat)


def format_month(year: int, month: int) -> str:
    """A month and year, short, as the locale says it: "Mar 2025", "март 2025", "2025年3月".

    Not ``toString(date, "MMM yyyy")``: that gives the genitive in Russian ("мая 2025").
    """
    locale = QLocale()
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
        return f"{year}年{month}月"
    name = locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)
    return f"{name} {year}"


def date_edit_format() -> str:
    """The locale's short date format for date editors, with a four-digit year."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def name_language() -> str:
    """Which recorded names to show for the current locale: "zh", "ru" or "en" (Latin)."""
    language = QLocale().language()
    if language == QLocale.Language.Chinese:
        return "zh"
    if language == QLocale.Language.Russian:
        return "ru"
    return "en"


def station_label(ref: StationRef) -> str:
    """A station's name in the user's language where one is recorded, else the Latin one."""
    return station_name(ref, name_language())


def commodity_label(ref: CommodityRef) -> str:
    """A commodity's name in the user's language where one is recorded, else the English one."""
    return commodity_name(ref, name_language())


def fit_placeholder(edit: QLineEdit) -> None:
    """Make ``edit`` at least wide enough for its whole placeholder text in any language.

    Translated hints are often longer than the English ones (Russian by a third or more), and
    a hint cut off mid-word tells the user nothing.
    """
    margins = edit.textMargins().left() + edit.textMargins().right() + 24  # frame and cursor
    wanted = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + margins
    edit.setMinimumWidth(max(edit.minimumWidth(), wanted))


def status_label(status: Status) -> str:
    """The translated name of a status."""
    return QCoreApplication.translate("Status", _STATUS_LABELS[Status(status)])
