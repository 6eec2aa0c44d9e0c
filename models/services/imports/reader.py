"""Bytes → a header row and data rows, for CSV and XLSX files as they really come.

CSV or a workbook is decided by content: an XLSX or ODS file is a zip archive, an Excel 97-2003
XLS file (what older accounting systems such as 1C still export) an OLE2 compound file.
A CSV file's encoding and separator are detected here; the user can override both in the
preview.

Registers kept in Excel rarely start with their header: a title, a company name and a date
often come first, and a totals row ("Итого", "合计", "Total") closes the list. The header is
the row among the first :data:`HEADER_SEARCH_ROWS` with the most recognised column names;
trailing totals rows are left out and listed (``Table.skipped_rows``). In a workbook, the
first sheet with such a header is read.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from models.messages import Message
from models.services.imports.headers import header_score
from models.services.imports.problems import refuse

#: Encodings tried after strict UTF-8, in order of preference on a tie. KZ-1048 is Windows
#: Cyrillic with the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) where cp1251 has others.
FALLBACK_ENCODINGS: tuple[str, ...] = ("gb18030", "cp1251", "kz1048")
#: Every encoding the preview offers (UTF-16: Excel's "Unicode Text", tab-separated).
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", *FALLBACK_ENCODINGS, "utf-16")
SEPARATORS: tuple[str, ...] = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Data rows looked at when judging an encoding or separator.
_SAMPLE_ROWS = 200
#: Rows looked at for the header (titles, a company name and a date may come first).
HEADER_SEARCH_ROWS = 30
#: What the first filled cell of a totals row says (case-folded, without a colon).
TOTAL_WORDS = frozenset(
    {"total", "totals", "grand total", "итого", "всего", "合计", "总计", "小计", "жиыны", "барлығы"}
)


@dataclass(frozen=True)
class Table:
    """A file read into cells. ``rows[i]`` is the row Excel numbers ``row_numbers[i]``."""

    kind: str  # "csv", "xlsx", "ods" or "xls"
    headers: tuple[str, ...]
    rows: list[Sequence[object]]
    row_numbers: list[int]
    encoding: str | None = None
    separator: str | None = None
    #: Set when the encoding was a judgement between decodings that all worked.
    encoding_assumed: bool = False
    notes: tuple[str, ...] = field(default=())
    #: The row Excel numbers the header (rows above it were titles or blank).
    header_row: int = 1
    #: The worksheet read (XLSX).
    sheet: str | None = None
    #: Totals rows at the foot of the list, left out (their Excel row numbers).
    skipped_rows: tuple[int, ...] = ()


def workbook_kind(data: bytes) -> str | None:
    """The kind of workbook ``data`` is ("xlsx", "ods" or "xls"), or None (CSV, or no table)."""
    if data.startswith(_ZIP_MAGIC):
        # An OpenDocument file's first member is "mimetype", stored uncompressed.
        return "ods" if b"opendocument.spreadsheet" in data[:100] else "xlsx"
    if data.startswith(_OLE2_MAGIC):
        return "xls"
    return None


def read(
    data: bytes,
    *,
    encoding: str | None = None,
    separator: str | None = None,
    known_names: Collection[str] = (),
) -> Table:
    """Read a CSV or XLSX file's bytes into a Table.

    Args:
        data: The whole file.
        encoding: Force this encoding (CSV only); None detects it.
        separator: Force this separator (CSV only); None detects it.
        known_names: Case-folded station, goods and counterparty names the database knows;
            they decide between encodings that all decode without error.

    Returns:
        The header row and the non-empty data rows with their Excel row numbers.

    Raises:
        ImportFileError: The file is empty, not CSV or XLSX, or cannot be parsed.
    """
    if not data.strip():
        raise refuse(Message("import.empty_file"))
    kind = workbook_kind(data)
    if kind is not None:
        return _read_workbook(data, kind)
    utf16 = _utf16(data)
    if utf16 is None and (b"\x00" in data[:4096] or _mostly_binary(data[:4096])):
        raise refuse(Message("import.binary_file"))
    text, used, assumed = _decode(data, encoding or utf16, known_names)
    sep = separator or _detect_separator(text)
    header_row, headers, rows, numbers = _parse_csv(text, sep)
    skipped = _drop_totals(rows, numbers)
    return Table(
        "csv",
        headers,
        rows,
        numbers,
        encoding=used,
        separator=sep,
        encoding_assumed=assumed,
        header_row=header_row,
        skipped_rows=skipped,
    )


def _header_index(rows: Sequence[Sequence[object]]) -> int | None:
    """Which of these first rows is the header.

    The one with the most recognised names (at least two), else the first non-empty one
    (whose missing columns the importer then names).
    """
    best, best_score, first = None, 1, None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = ["" if c is None else str(c) for c in row]
        if not any(t.strip() for t in texts):
            continue
        if first is None:
            first = i
        score = header_score(texts)
        if score > best_score:
            best, best_score = i, score
    return best if best is not None else first


def _drop_totals(rows: list[Sequence[object]], numbers: list[int]) -> tuple[int, ...]:
    """Remove totals rows from the end of the list; return their row numbers."""
    skipped: list[int] = []
    while rows and _is_total(rows[-1]):
        rows.pop()
        skipped.append(numbers.pop())
    return tuple(reversed(skipped))


def _is_total(row: Sequence[object]) -> bool:
    first = next((c for c in row if _filled(c)), None)
    return isinstance(first, str) and first.strip().rstrip(":").strip().casefold() in TOTAL_WORDS


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec a text file is in, or None.

    Excel's "Unicode Text" starts with a byte order mark; without one, UTF-16 text has a zero
    byte in every other place of its Latin letters, digits and separators.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    pairs = len(sample) // 2
    high, low = sample[1::2].count(0), sample[0::2].count(0)
    if pairs >= 2 and high > pairs // 3 and low * 10 < high:
        return "utf-16-le"
    if pairs >= 2 and low > pairs // 3 and high * 10 < low:
        return "utf-16-be"
    return None


def _mostly_binary(sample: bytes) -> bool:
    controls = sum(b < 32 and b not in (9, 10, 13) for b in sample)
    return controls > len(sample) // 20


def _decode(data: bytes, forced: str | None, known: Collection[str]) -> tuple[str, str, bool]:
    if forced:
        try:
            return data.decode(forced), forced, False
        except (UnicodeDecodeError, LookupError) as error:
            raise refuse(
                Message("import.bad_encoding", encoding=forced, reason=str(error))
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[int, int, str, str]] = []
    for rank, name in enumerate(FALLBACK_ENCODINGS):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text, known), -rank, name, text))
    if not candidates:
        raise refuse(Message("import.unknown_encoding"))
    candidates.sort(reverse=True)
    best = candidates[0]
    # Several decodings worked: this is a judgement, and the preview says so.
    return best[3], best[2], len(candidates) > 1


def _score(text: str, known: Collection[str]) -> int:
    """How much of the text makes sense: recognised headers first, then known names."""
    lines = text.splitlines()[: _SAMPLE_ROWS + 1]
    if not lines:
        return 0
    sep = _detect_separator(text)
    score = max(header_score(line.split(sep)) for line in lines[:HEADER_SEARCH_ROWS]) * 1000
    for line in lines[1:]:
        score += sum(cell.strip().strip('"').casefold() in known for cell in line.split(sep))
    return score


def _detect_separator(text: str) -> str:
    """The separator that splits a header line into the most recognised (then most) cells.

    The header may follow a few title lines, so the first :data:`HEADER_SEARCH_ROWS` lines
    are tried; without any recognised name, the first line's most frequent separator wins.
    """
    lines = text.lstrip("\ufeff").split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    first = lines[0]

    def fit(sep: str) -> tuple[int, int, bool]:
        recognised = max(header_score(line.split(sep)) for line in lines)
        return recognised, first.count(sep), sep == ","

    return max(SEPARATORS, key=fit)


def _parse_csv(
    text: str, sep: str
) -> tuple[int, tuple[str, ...], list[Sequence[object]], list[int]]:
    """(header row number, header, non-empty data rows, their row numbers)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[Sequence[object]] = []
    numbers: list[int] = []
    record = 0
    try:
        head: list[list[str]] = []
        for cells in reader:
            head.append(cells)
            if len(head) == HEADER_SEARCH_ROWS:
                break
        pick = _header_index(head)
        if pick is None:
            raise refuse(Message("import.empty_file"))
        headers, depth = _header_rows(head, pick)
        for record, cells in enumerate(head[pick + depth :], start=pick + depth + 1):
            joined = "".join(cells)
            if joined.strip():
                rows.append(_unwrap_text_literals(cells) if '="' in joined else cells)
                numbers.append(record)
        record = len(head)
        for cells in reader:
            record += 1
            joined = "".join(cells)  # one C call per row, not one per cell
            if joined.strip():
                rows.append(_unwrap_text_literals(cells) if '="' in joined else cells)
                numbers.append(record)
    except csv.Error as error:
        raise refuse(Message("import.bad_csv", reason=str(error)), row=record + 1) from None
    return pick + 1, headers, rows, numbers


def _read_workbook(data: bytes, kind: str) -> Table:
    from python_calamine import CalamineWorkbook  # loaded only for workbooks

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            raise refuse(Message("import.no_sheets"))
        # The first sheet with a recognisable header (a cover sheet may come first).
        found = None
        for index, name in enumerate(book.sheet_names):
            cells = book.get_sheet_by_index(index).to_python(skip_empty_area=False)
            pick = _header_index(cells)
            if pick is None:
                continue  # an empty sheet
            has_header = _recognised(cells[pick]) > 1
            if found is None or has_header:  # else the first non-empty sheet, as before
                found = (name, cells, pick)
            if has_header:
                break
    except Exception as error:  # calamine raises its own classes for every kind of damage
        if isinstance(error, type(refuse(""))):
            raise
        raise refuse(Message("import.bad_xlsx", reason=str(error))) from None
    if found is None:
        raise refuse(Message("import.empty_file"))
    sheet, cells, pick = found
    headers, depth = _header_rows(cells, pick)
    rows: list[Sequence[object]] = []
    numbers: list[int] = []
    for index, row in enumerate(cells[pick + depth :], start=pick + depth + 1):
        # Most rows have their first cell filled: only the others are looked at cell by cell.
        if (row and _filled(row[0])) or any(_filled(c) for c in row):
            rows.append(row)
            numbers.append(index)
    skipped = _drop_totals(rows, numbers)
    return Table(
        kind, headers, rows, numbers, header_row=pick + 1, sheet=sheet, skipped_rows=skipped
    )


def _header_rows(rows: Sequence[Sequence[object]], pick: int) -> tuple[tuple[str, ...], int]:
    """The header that starts at ``rows[pick]``, and how many rows it takes (1 or 2).

    Registers often group columns under a merged cell: "Станция" over "отправления" and
    "назначения", "Дата" over "отправления" and "прибытия". When the row below the header
    joined to the cell above it (or to the merged cell to its left) gives more recognised
    names than the header alone, both rows are the header.
    """
    top = ["" if c is None else str(c).strip() for c in rows[pick]]
    below = rows[pick + 1] if pick + 1 < len(rows) else ()
    if not below or not all(c is None or isinstance(c, str) for c in below):
        return tuple(top), 1  # numbers or dates below: the data has begun
    joined: list[str] = []
    parent = ""
    for i, title in enumerate(top):
        sub = below[i].strip() if i < len(below) and isinstance(below[i], str) else ""
        parent = title or parent  # a merged cell's text stands in its first column only
        joined.append(f"{title or parent} {sub}".strip() if sub else title)
    if header_score(joined) > header_score(top):
        return tuple(joined), 2
    return tuple(top), 1


def _unwrap_text_literals(cells: list[str]) -> list[str]:
    """``="0012345"`` → ``0012345``: how exports keep Excel from dropping leading zeros.

    Excel shows such a cell as the text inside; nothing is evaluated here either.
    """
    return [c[2:-1] if c.startswith('="') and c.endswith('"') and len(c) > 2 else c for c in cells]


def _recognised(row: Sequence[object]) -> int:
    return header_score(["" if c is None else str(c) for c in row])


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())
