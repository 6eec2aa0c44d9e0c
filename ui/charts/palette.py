"""Chart colours: the Okabe–Ito palette, which stays distinguishable with colour blindness.

Okabe & Ito, "Color Universal Design" (2008): eight colours that deuteranopes, protanopes and
tritanopes can still tell apart. Black is left out (it vanishes on a dark background); axes and
text take the widget palette's colours, so charts read in light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

#: Orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
)


def series_colour(index: int) -> QColor:
    """The colour of the ``index``-th series (the palette repeats after eight)."""
    return QColor(OKABE_ITO[index % len(OKABE_ITO)])


#: Fill patterns for the second and third round of colours (series 9 to 24): colour alone would
#: repeat, so the texture tells them apart.
_PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.Dense3Pattern,
    Qt.BrushStyle.BDiagPattern,
)


def series_pattern(index: int) -> Qt.BrushStyle:
    """The fill pattern of the ``index``-th series: solid for the first eight."""
    return _PATTERNS[(index // len(OKABE_ITO)) % len(_PATTERNS)]


def brush(colour: QColor, pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern) -> QBrush:
    """A fill of ``colour`` with ``pattern``."""
    return QBrush(colour, pattern)


def faded(colour: QColor, alpha: int = 110) -> QColor:
    """The same hue, see-through: for a comparison series such as the previous year."""
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def background(palette: QPalette) -> QColor:
    """The plot background: the palette's base (white in light themes, dark in dark ones)."""
    return palette.color(QPalette.ColorRole.Base)


def foreground(palette: QPalette) -> QColor:
    """Axes, tick labels and outlines: the palette's text colour."""
    return palette.color(QPalette.ColorRole.Text)


def is_dark(palette: QPalette) -> bool:
    """Whether the theme is dark (its base is darker than its text)."""
    return background(palette).lightness() < foreground(palette).lightness()
