"""Numbers, tonnes, percentages and dates written in a report's language (not the window's)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
    "ru": (QLocale.Language.Russian, QLocale.Country.Russia),
}


class ReportFormat:
    """Formats values the way readers of the report's language write them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = QLocale(*_LOCALES[lang])

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping."""
        return self.locale.toString(value)

    def tonnes(self, kg: int) -> str:
        """Kilograms as tonnes with exactly three decimals (integer arithmetic, no rounding)."""
        whole, grams = divmod(abs(kg), 1000)
        sign = self.locale.negativeSign() if kg < 0 else ""
        return f"{sign}{self.locale.toString(whole)}{self.locale.decimalPoint()}{grams:03d}"

    def percent(self, value: float | None, *, signed: bool = True) -> str:
        """A percentage with one decimal; an empty string for no value."""
        if value is None:
            return "—"
        text = self.locale.toString(abs(value), "f", 1)
        if value < 0 and text.strip("0.,") != "":
            return f"{self.locale.negativeSign()}{text} %"
        return f"{self.locale.positiveSign() if signed else ''}{text} %"

    def date(self, value: date | None) -> str:
        """A date in the language's short numeric form."""
        if value is None:
            return ""
        return self.locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )

    def long_date(self, value: date) -> str:
        """A date written out ("1 March 2025", "2025年3月1日", "1 марта 2025 г.")."""
        qdate = QDate(value.year, value.month, value.day)
        if self.lang == "zh":
            return self.locale.toString(qdate, "yyyy年M月d日")
        return self.locale.toString(qdate, "d MMMM yyyy")

    def month(self, value: date) -> str:
        """A month's short name for the chart's axis."""
        return self.locale.standaloneMonthName(value.month, QLocale.FormatType.ShortFormat)

    def period(self, first: date, last: date) -> str:
        """The period, both days included."""
        return f"{self.long_date(first)} – {self.long_date(last)}"

    def timestamp(self, value: datetime) -> str:
        """A local date and time for "printed at"."""
        stamp = QDateTime(
            QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)
        )
        return self.locale.toString(stamp, QLocale.FormatType.ShortFormat)
