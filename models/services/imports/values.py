"""Cell values as they come in spreadsheets: dates, numbers with either decimal mark, statuses.

Each parser raises ImportValueError (a ValueError with a message code) saying what is allowed;
the importer adds the row and column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from models.rules.status import Status
from models.services.imports.problems import ImportValueError

#: A consignment note heavier than this is a typing error, not a shipment (a whole train is
#: about 1,000-1,400 t).
MAX_NET_TONNES = Decimal(10_000)
#: Excel's day 0 (serial 1 is 1900-01-01, counting the 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_DATE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, str, str]], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), ("d", "m", "y")),
    # 05.01.25: a Russian form's two-digit year (this century).
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})(?!\d)"), ("d", "m", "yy")),
    # 20250105: what some Chinese systems export.
    (re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"), ("y", "m", "d")),
)
#: "5-Jan-25" (Excel's d-mmm-yy), "5 января 2025", "05 янв. 2025": a month by its name.
_NAMED_DAY_FIRST = re.compile(r"(\d{1,2})[-\s./]*([^\W\d_]+)\.?[-\s./,]*(\d{4}|\d{2})(?!\d)")
#: "Jan 5, 2025", "January 5 2025".
_NAMED_MONTH_FIRST = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2}),?\s*(\d{4})(?!\d)")
#: A year word after a Russian date: "05.01.2025 г.", "5 января 2025 года".
_YEAR_WORD = re.compile(r"\s*(?:г\.?|года)$", re.IGNORECASE)
#: Month names and abbreviations (English; Russian nominative, genitive, short) → month.
MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    (
        ("january", "январь", "января", "янв"),
        ("february", "февраль", "февраля", "фев", "февр"),
        ("march", "март", "марта", "мар"),
        ("april", "апрель", "апреля", "апр"),
        ("may", "май", "мая"),
        ("june", "июнь", "июня", "июн"),
        ("july", "июль", "июля", "июл"),
        ("august", "август", "августа", "авг"),
        ("september", "sept", "сентябрь", "сентября", "сен", "сент"),
        ("october", "октябрь", "октября", "окт"),
        ("november", "ноябрь", "ноября", "ноя", "нояб"),
        ("december", "декабрь", "декабря", "дек"),
    ),
    start=1,
):
    MONTHS[_names[0][:3]] = _month
    for _name in _names:
        MONTHS[_name] = _month
#: 05/01/2025 or 05-01-2025: day first or month first, as the column decides (date_order).
_SLASH_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"
# A time part after the date ("2025-01-05 00:00:00", "2025-01-05T08:30") is ignored.
_TIME_TAIL = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")

#: Status words in English, Chinese, Russian and Kazakh (case-folded) → status.
STATUS_WORDS: dict[str, Status] = {}
for _status, _words in {
    Status.PLANNED: (
        "planned",
        "计划",
        "已计划",
        "待装车",
        "待发运",
        "запланирован",
        "план",
        "ожидает погрузки",
        "жоспарланған",
    ),
    Status.LOADING: ("loading", "装车", "装车中", "погрузка", "под погрузкой", "тиелуде"),
    Status.IN_TRANSIT: (
        "in transit",
        "en route",
        "在途",
        "在途中",
        "运输中",
        "已发运",
        "已发车",
        "в пути",
        "в пути следования",
        "отправлен",
        "отправлено",
        "жолда",
    ),
    Status.AT_BORDER: (
        "at border",
        "at the border",
        "口岸",
        "在口岸",
        "口岸换装",
        "на границе",
        "на погранпереходе",
        "на погранстанции",
        "шекарада",
    ),
    Status.CUSTOMS: (
        "customs",
        "in customs",
        "customs clearance",
        "清关",
        "清关中",
        "报关",
        "报关中",
        "海关",
        "таможня",
        "на таможне",
        "таможенное оформление",
        "кеденде",
    ),
    Status.ARRIVED: (
        "arrived",
        "已到达",
        "到达",
        "已到站",
        "已抵达",
        "прибыл",
        "прибыло",
        "прибыл на станцию назначения",
        "келді",
    ),
    Status.UNLOADED: (
        "unloaded",
        "已卸车",
        "卸车",
        "已卸货",
        "выгружен",
        "выгружено",
        "разгружен",
        "түсірілді",
    ),
    Status.CANCELLED: (
        "cancelled",
        "canceled",
        "已取消",
        "取消",
        "作废",
        "отменён",
        "отменен",
        "аннулирован",
        "күші жойылды",
    ),
}.items():
    STATUS_WORDS[_status.value] = _status
    STATUS_WORDS[_status.value.replace("_", " ")] = _status
    for _word in _words:
        STATUS_WORDS[_word.casefold()] = _status


def text(cell: object) -> str:
    """A cell as trimmed text ("" for empty); whole floats lose their ".0"."""
    if type(cell) is str:  # the common case first: a CSV has nothing else
        value = cell.strip()
        if value[:1] == "'" and value[1:2] in _FORMULA_START:
            return value[1:]
        return value
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    value = str(cell).strip()
    # Exports write "'=..." so a spreadsheet shows text, not a formula: take the mark off.
    if value[:1] == "'" and value[1:2] in _FORMULA_START:
        return value[1:]
    return value


def parse_date(cell: object, order: str | None = None) -> date | None:
    """A date from text in one of the usual forms, an XLSX date, or an Excel serial number.

    ``order`` reads 05/01/2025 day first (:data:`DAY_FIRST`) or month first
    (:data:`MONTH_FIRST`), as :func:`date_order` decided for the column; None refuses it.

    Raises:
        ValueError: Not a date, or a day that does not exist (2025-02-30).
    """
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return _serial(float(cell))
    value = str(cell).strip()
    if not value:
        return None
    return _parse_date_text(value, order)


@functools.lru_cache(maxsize=4096)
def _parse_date_text(value: str, slash_order: str | None = None) -> date:
    # Cached: a file repeats the same few dates (one per train) thousands of times.
    patterns = list(_DATE_PATTERNS)
    if slash_order is not None:
        patterns.append(
            (_SLASH_DATE, ("d", "m", "y") if slash_order == DAY_FIRST else ("m", "d", "y"))
        )
    value = _YEAR_WORD.sub("", value)
    for pattern, order in patterns:
        match = pattern.match(value)
        if match and _TIME_TAIL.fullmatch(value[match.end() :]):
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"] if "y" in parts else 2000 + parts["yy"]
            return _day(year, parts["m"], parts["d"])
    named = _named_month(value)
    if named is not None:
        return named
    if re.fullmatch(r"\d{5}(\.\d+)?", value):
        return _serial(float(value))
    raise ImportValueError("import.not_a_date")


def _named_month(value: str) -> date | None:
    """A date whose month is a word ("5-Jan-25", "5 января 2025", "Jan 5, 2025"), else None."""
    for pattern, day_first in ((_NAMED_DAY_FIRST, True), (_NAMED_MONTH_FIRST, False)):
        match = pattern.match(value)
        if not match or not _TIME_TAIL.fullmatch(value[match.end() :]):
            continue
        day, word, year = match.groups() if day_first else match.group(2, 1, 3)
        month = MONTHS.get(word.casefold())
        if month is not None:
            return _day(int(year) + (2000 if len(year) == 2 else 0), month, int(day))
    return None


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ImportValueError("import.no_such_day") from None


def date_order(values: Iterable[str]) -> tuple[str | None, str | None]:
    """Whether a column's dates like 05/01/2025 put the day or the month first.

    A value with a first number over 12 says day first, a second over 12 month first.

    Returns:
        (order, None) when decided (order None: no such date in the column), or (None, value)
        when no value decides (every one could be either) or values say both.
    """
    first: str | None = None
    said: dict[str, str] = {}
    for value in values:
        match = _SLASH_DATE.match(value)
        if not match or not _TIME_TAIL.fullmatch(value[match.end() :]):
            continue
        first = first or value
        a, b = int(match.group(1)), int(match.group(2))
        if a > 12 >= b:
            said.setdefault(DAY_FIRST, value)
        elif b > 12 >= a:
            said.setdefault(MONTH_FIRST, value)
    if len(said) == 1:
        return next(iter(said)), None
    if len(said) == 2:
        return None, said[MONTH_FIRST]
    return None, first


def _serial(number: float) -> date:
    # 1995-01-01 .. 2100-01-01: anything else in a date column is not a date.
    if not 34_700 <= number <= 73_000:
        raise ImportValueError("import.not_a_date")
    return _EXCEL_EPOCH + timedelta(days=int(number))


def parse_status(cell: object) -> Status | None:
    """A status from its English, Chinese or Russian name (any case); None when empty.

    Raises:
        ValueError: Not a status Railgrain knows.
    """
    value = " ".join(text(cell).replace("_", " ").split()).casefold()
    if not value:
        return None
    found = STATUS_WORDS.get(value)
    if found is None:
        allowed = ", ".join(s.value.replace("_", " ") for s in Status)
        raise ImportValueError("import.not_a_status", allowed=allowed)
    return found


# -- numbers ----------------------------------------------------------------------------------

POINT = "point"
COMMA = "comma"
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")
_COMMA_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d*)?")
_POINT_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3}){2,}(,\d*)?")


def number_style(value: str) -> str | None:
    """What one number says about its column's decimal mark: POINT, COMMA, "ambiguous", None.

    "24.5" says point; "24,5" or "1.313,5" say comma; "1,313,000" says point (thousands);
    a single comma before exactly three digits ("1,313") could be either.
    """
    value = value.translate(_SPACES)
    has_comma, has_point = "," in value, "." in value
    if has_comma and has_point:
        return COMMA if value.rfind(",") > value.rfind(".") else POINT
    if has_comma:
        if value.count(",") == 1 and re.fullmatch(r"-?\d{1,3},\d{3}", value):
            return "ambiguous"
        return POINT if _COMMA_THOUSANDS.fullmatch(value) else COMMA
    if has_point:
        return COMMA if _POINT_THOUSANDS.fullmatch(value) else POINT
    return None


def column_style(values: Iterable[str]) -> tuple[str | None, str | None]:
    """The decimal mark of a whole column, and the value that makes it undecidable (if any).

    Returns:
        (style, None) when decided (style None: no value needed deciding), or (None, value)
        when the column mixes marks or only has ambiguous values such as "1,313".
    """
    styles: dict[str, str] = {}
    for value in values:
        style = number_style(value)
        if style is not None:
            styles.setdefault(style, value)
    definite = [s for s in (POINT, COMMA) if s in styles]
    if len(definite) == 1:
        return definite[0], None
    if len(definite) == 2:
        return None, styles[COMMA]
    if "ambiguous" in styles:
        return None, styles["ambiguous"]
    return None, None


def parse_number(cell: object, style: str | None) -> Decimal | None:
    """A number from a cell, read with the column's decimal mark; None when empty.

    Raises:
        ValueError: Not a number.
    """
    if cell is None:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        number = Decimal(str(cell))  # a spreadsheet's own number (NaN and ∞ are checked below)
    else:
        value = str(cell).strip().translate(_SPACES)
        if not value:
            return None
        # The column's style decides which mark is the decimal one; the other is for thousands.
        comma = style == COMMA
        value = value.replace(".", "").replace(",", ".") if comma else value.replace(",", "")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ImportValueError("import.not_a_number") from None
    if not number.is_finite():
        raise ImportValueError("import.not_a_number")
    return number


#: A unit a weight cell may end with → kilograms in one of it.
WEIGHT_UNITS: dict[str, int] = {
    **dict.fromkeys(("t", "tn", "tonnes", "tons", "т", "тн", "тонн", "тонны", "吨"), 1000),
    **dict.fromkeys(("kg", "кг", "公斤", "千克"), 1),
}
_UNIT_TAIL = re.compile(r"(.*\d)\s*([^\W\d_]+)\.?")


def split_weight_unit(value: str) -> tuple[str, int | None]:
    """A weight cell's number and the kilograms in the unit it ends with, if it names one.

    "68,5 т" → ("68,5", 1000); "68 500 кг" → ("68 500", 1); "68.5" → ("68.5", None). A word
    that is no weight unit stays, so the number is refused as it is.
    """
    match = _UNIT_TAIL.fullmatch(value.strip())
    if match:
        unit = WEIGHT_UNITS.get(match.group(2).casefold())
        if unit is not None:
            return match.group(1), unit
    return value, None


def tonnes_to_kg(tonnes: Decimal) -> int:
    """Tonnes (up to three decimals: kilograms) to whole kilograms.

    Raises:
        ValueError: Not more than 0 t, or over MAX_NET_TONNES.
    """
    if tonnes <= 0:
        raise ImportValueError("import.net_weight")
    if tonnes > MAX_NET_TONNES:
        raise ImportValueError("import.net_weight_too_big", max=MAX_NET_TONNES)
    return int((tonnes * 1000).to_integral_value())


def parse_count(cell: object, style: str | None) -> int:
    """A count of wagons or containers (0 when empty).

    Raises:
        ValueError: Not a whole number of 0 or more.
    """
    number = parse_number(cell, style)
    if number is None:
        return 0
    if number < 0 or number != number.to_integral_value() or number > 10_000:
        raise ImportValueError("import.count")
    return int(number)
