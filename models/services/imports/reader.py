"""Bytes → a header row and data rows, for CSV and XLSX files as they really come.

CSV or XLSX is decided by content (an XLSX file is a zip archive). A CSV file's encoding and
separator are detected here; the user can override both in the preview.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from models.services.imports.headers import header_score
from models.services.imports.problems import refuse

#: Encodings tried after strict UTF-8, in order of preference on a tie.
FALLBACK_ENCODINGS: tuple[str, ...] = ("gb18030", "cp1251")
#: Every encoding the preview offers.
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", *FALLBACK_ENCODINGS)
SEPARATORS: tuple[str, ...] = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
#: Data rows looked at when judging an encoding or separator.
_SAMPLE_ROWS = 200


@dataclass(frozen=True)
class Table:
    """A file read into cells. ``rows[i]`` is the row Excel numbers ``row_numbers[i]``."""

    kind: str  # "csv" or "xlsx"
    headers: tuple[str, ...]
    rows: list[Sequence[object]]
    row_numbers: list[int]
    encoding: str | None = None
    separator: str | None = None
    #: Set when the encoding was a judgement between decodings that all worked.
    encoding_assumed: bool = False
    notes: tuple[str, ...] = field(default=())


def is_xlsx(data: bytes) -> bool:
    """Whether ``data`` looks like an XLSX (zip) file."""
    return data.startswith(_ZIP_MAGIC)


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
        raise refuse("the file is empty")
    if is_xlsx(data):
        return _read_xlsx(data)
    if b"\x00" in data[:4096] or _mostly_binary(data[:4096]):
        raise refuse("this is not a CSV or XLSX file (it looks like binary data)")
    text, used, assumed = _decode(data, encoding, known_names)
    sep = separator or _detect_separator(text)
    table = _parse_csv(text, sep)
    return Table(
        "csv", table[0], table[1], table[2], encoding=used, separator=sep, encoding_assumed=assumed
    )


def _mostly_binary(sample: bytes) -> bool:
    controls = sum(b < 32 and b not in (9, 10, 13) for b in sample)
    return controls > len(sample) // 20


def _decode(data: bytes, forced: str | None, known: Collection[str]) -> tuple[str, str, bool]:
    if forced:
        try:
            return data.decode(forced), forced, False
        except (UnicodeDecodeError, LookupError) as error:
            raise refuse(f"the file cannot be read as {forced}: {error}") from None
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
        raise refuse("the file is in no encoding Railgrain reads (UTF-8, GB18030, Windows-1251)")
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
    header = lines[0].split(sep)
    score = header_score(header) * 1000
    for line in lines[1:]:
        score += sum(cell.strip().strip('"').casefold() in known for cell in line.split(sep))
    return score


def _detect_separator(text: str) -> str:
    """The separator that splits the header row into the most recognised (then most) cells."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    best = max(
        SEPARATORS,
        key=lambda sep: (header_score(first.split(sep)), first.count(sep), sep == ","),
    )
    return best


def _parse_csv(text: str, sep: str) -> tuple[tuple[str, ...], list[Sequence[object]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[Sequence[object]] = []
    numbers: list[int] = []
    headers: tuple[str, ...] | None = None
    record = 0
    try:
        for cells in reader:
            record += 1
            if headers is None:
                if not any(c.strip() for c in cells):
                    continue  # blank lines above the header
                headers = tuple(cells)
                continue
            if "".join(cells).strip():  # one C call per row, not one per cell
                rows.append(cells)
                numbers.append(record)
    except csv.Error as error:
        raise refuse(f"the file is not valid CSV: {error}", row=record + 1) from None
    if headers is None:
        raise refuse("the file is empty")
    return headers, rows, numbers


def _read_xlsx(data: bytes) -> Table:
    from python_calamine import CalamineWorkbook  # loaded only for XLSX files

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            raise refuse("the workbook has no sheets")
        sheet = book.get_sheet_by_index(0)
        cells = sheet.to_python(skip_empty_area=False)
    except Exception as error:  # calamine raises its own classes for every kind of damage
        if isinstance(error, type(refuse(""))):
            raise
        raise refuse(f"this is not a readable XLSX file: {error}") from None
    headers: tuple[str, ...] | None = None
    rows: list[Sequence[object]] = []
    numbers: list[int] = []
    for index, row in enumerate(cells, start=1):
        if not any(_filled(c) for c in row):
            continue
        if headers is None:
            headers = tuple("" if c is None else str(c) for c in row)
            continue
        rows.append(row)
        numbers.append(index)
    if headers is None:
        raise refuse("the file is empty")
    return Table("xlsx", headers, rows, numbers)


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())
