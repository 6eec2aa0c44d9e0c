"""Colours and icons of the shipments table, readable on light and dark palettes.

Status and lateness are never colour alone: a status dot sits beside the status's name, and a
warning icon and tooltip beside the days late.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from models.rules.status import Status

#: A colour per status, always shown next to the status's name (never colour alone).
STATUS_COLOURS: dict[Status, str] = {
    Status.PLANNED: "#9e9e9e",
    Status.LOADING: "#f9a825",
    Status.IN_TRANSIT: "#1e88e5",
    Status.AT_BORDER: "#fb8c00",
    Status.CUSTOMS: "#8e24aa",
    Status.ARRIVED: "#43a047",
    Status.UNLOADED: "#2e7d32",
    Status.CANCELLED: "#616161",
}
#: Text colour of the days-late figure on a light background.
LATE_COLOUR = "#d32f2f"
#: The same on a dark background, where the darker red is hard to read.
LATE_COLOUR_DARK = "#ff8a80"


def is_dark() -> bool:
    """Whether the application's palette has light text on a dark base."""
    if QGuiApplication.instance() is None:
        return False
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def late_colour() -> QColor:
    """The days-late text colour for the current palette."""
    return QColor(LATE_COLOUR_DARK if is_dark() else LATE_COLOUR)


class IconCache:
    """Status dots and style icons, drawn once each on first use."""

    def __init__(self) -> None:
        self._icons: dict[str, QIcon] = {}

    def dot(self, colour: str) -> QIcon:
        """A filled circle with a darker rim (the rim keeps it visible on either palette)."""
        icon = self._icons.get(colour)
        if icon is None:
            if QGuiApplication.instance() is None:
                return QIcon()  # a QPixmap without a QGuiApplication aborts the process
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rim = QColor(colour).lighter(150) if is_dark() else QColor(colour).darker(130)
            painter.setPen(rim)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._icons[colour] = QIcon(pixmap)
        return icon

    def standard(self, which: QStyle.StandardPixmap) -> QIcon | None:
        """A QStyle standard icon, or None without a QApplication."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return None  # no widget style without a QApplication (e.g. a report process)
        name = f"std:{int(which.value)}"
        icon = self._icons.get(name)
        if icon is None:
            icon = self._icons[name] = app.style().standardIcon(which)
        return icon
