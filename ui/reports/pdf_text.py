"""Make Chinese text copied or extracted from Qt's PDFs the characters that were written.

A PDF stores glyphs, plus a ToUnicode map from each glyph back to a character. Noto Sans CJK
draws some ideographs and their radical forms with one glyph (青 U+9752 and ⻘ U+2ED8, 麦 and
⻨ …). Qt builds the map by scanning code points upwards and keeps the first one that gives the
glyph, so such glyphs come back as the radical: pdftotext finds "⻘铜峡", not "青铜峡" (the same
bug as wkhtmltopdf#4414 and pdfbox#470). Radicals never appear in Railgrain's names, so the fix
maps each radical back to the ideograph that shares its glyph in the report's CJK font.

Qt writes ToUnicode maps uncompressed with four hex digits per BMP character, so the fix is a
same-length substitution: byte offsets, stream lengths and the xref table stay valid.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QFont, QRawFont

#: The blocks of radical forms: CJK Radicals Supplement and Kangxi Radicals.
_RADICALS = range(0x2E80, 0x2FE0)
#: CJK Unified Ideographs (the basic block holds every ideograph of our names).
_IDEOGRAPHS = range(0x4E00, 0xA000)

_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def radical_map(family: str) -> dict[int, int]:
    """Radical code point → the ideograph drawn with the same glyph in ``family``."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    ideographs = "".join(map(chr, _IDEOGRAPHS))
    by_glyph: dict[int, int] = {}
    for cp, glyph in zip(_IDEOGRAPHS, raw.glyphIndexesForString(ideographs), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, cp)
    radicals = "".join(map(chr, _RADICALS))
    found = {}
    for cp, glyph in zip(_RADICALS, raw.glyphIndexesForString(radicals), strict=True):
        if glyph and glyph in by_glyph:
            found[cp] = by_glyph[glyph]
    return found


def _swap(token: re.Match[bytes], table: dict[int, int]) -> bytes:
    cp = int(token.group(1), 16)
    return b"<%04X>" % table[cp] if cp in table else token.group(0)


def _fix_lines(block: bytes, skip: int, table: dict[int, int]) -> bytes:
    """Map the destination tokens of each line; the first ``skip`` tokens are glyph codes."""
    out = []
    for line in block.split(b"\n"):
        tokens = list(_TOKEN.finditer(line))
        is_array = b"[" in line
        # "<a> <b> <u>" maps a whole range from u upwards: only a one-glyph range is safe.
        if skip == 2 and not is_array and len(tokens) == 3 and tokens[0][1] != tokens[1][1]:
            out.append(line)
            continue
        if len(tokens) <= skip:
            out.append(line)
            continue
        cut = tokens[skip].start()
        out.append(line[:cut] + _TOKEN.sub(lambda t: _swap(t, table), line[cut:]))
    return b"\n".join(out)


def fix_to_unicode(pdf: bytes, family: str) -> bytes:
    """``pdf`` with radicals in its ToUnicode maps replaced by their ideographs."""
    table = radical_map(family)
    if not table:
        return pdf

    def fix_cmap(cmap: re.Match[bytes]) -> bytes:
        text = _BFRANGE.sub(
            lambda m: b"beginbfrange" + _fix_lines(m.group(1), 2, table) + b"endbfrange",
            cmap.group(0),
        )
        return _BFCHAR.sub(
            lambda m: b"beginbfchar" + _fix_lines(m.group(1), 1, table) + b"endbfchar", text
        )

    fixed = _CMAP.sub(fix_cmap, pdf)
    assert len(fixed) == len(pdf)  # same-length edits keep every offset valid
    return fixed
