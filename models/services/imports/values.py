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
#: 05/01/2025 or 05-01-2025: day first or month first, as the column decides (date_order).
_SLASH_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"
# A time part after the date ("2025-01-05 00:00:00", "2025-01-05T08:30") is ignored.
_TIME_TAIL = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")

#: Status words in English, Chinese and Russian (case-folded) → status.
STATUS_WORDS: dict[str, Status] = {}
for _status, _words in {
    Status.PLANNED: ("planned", "计划", "已计划", "запланирован", "план"),
    Status.LOADING: ("loading", "装车", "装车中", "погрузка"),
    Status.IN_TRANSIT: ("in transit", "在途", "в пути"),
    Status.AT_BORDER: ("at border", "at the border", "口岸", "在口岸", "на границе"),
    Status.CUSTOMS: ("customs", "清关", "报关", "海关", "таможня", "на таможне"),
    Status.ARRIVED: ("arrived", "已到达", "到达", "прибыл", "прибыло"),
    Status.UNLOADED: ("unloaded", "已卸车", "卸车", "выгружен", "выгружено"),
    Status.CANCELLED: ("cancelled", "canceled", "已取消", "取消", "отменён", "отменен"),
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
    for pattern, order in patterns:
        match = pattern.match(value)
        if match and _TIME_TAIL.fullmatch(value[match.end() :]):
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"] if "y" in parts else 2000 + parts["yy"]
            try:
                return date(year, parts["m"], parts["d"])
            except ValueError:
                raise ImportValueError("import.no_such_day") from None
    if re.fullmatch(r"\d{5}(\.\d+)?", value):
        return _serial(float(value))
    raise ImportValueError("import.not_a_date")


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
