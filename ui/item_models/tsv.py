"""Rows as tab-separated text that Excel and LibreOffice paste into cells unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: A leading character that makes a spreadsheet read the cell as a formula.
_FORMULA_START = ("=", "+", "-", "@")
#: A plain (possibly signed, grouped, decimal) number: safe to leave as it is.
_NUMBER = re.compile(r"^[+-]?\d[\d.,\u00a0\u202f ]*$")


def tsv_cell(text: str) -> str:
    """One cell: formulas defused with a leading apostrophe, then quoted as Excel quotes.

    Excel reads a cell in double quotes as one cell even with tabs or line breaks inside,
    and a doubled quote as one quote.
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        text = "'" + text
    if any(c in text for c in '\t\n\r"'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def to_tsv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A header line and one line per row, tab-separated, CRLF line ends (as Excel writes)."""
    lines = ["\t".join(tsv_cell(c) for c in header)]
    lines.extend("\t".join(tsv_cell(c) for c in row) for row in rows)
    return "\r\n".join(lines) + "\r\n"
