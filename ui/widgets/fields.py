"""Form editors: an optional date, a tonnes amount, and the inline message under a field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

#: The date that stands for "no date" in an OptionalDateEdit (shown blank).
_BLANK = QDate(1900, 1, 1)
#: Largest amount a tonnes editor takes (a whole year of a big contract).
MAX_TONNES = 9_999_999.999


def _short_date_format() -> str:
    """The locale's short date format with a four-digit year (two-digit years are ambiguous)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


class OptionalDateEdit(QDateEdit):
    """A QDateEdit that may be empty: blank shows nothing; a digit or arrow key starts at today.

    Delete or Backspace with the whole text selected (or Ctrl+Delete) empties it again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_BLANK)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(" ")
        self.setDisplayFormat(_short_date_format())
        self.setDate(_BLANK)
        self._advanced = False

    def value(self) -> date | None:
        """The date, or None when empty."""
        if self.date() == _BLANK:
            return None
        return self.date().toPython()

    def set_value(self, value: date | None) -> None:
        """Show a date, or nothing."""
        self.setDate(QDate(value.year, value.month, value.day) if value else _BLANK)

    def event(self, event: QEvent) -> bool:
        # Tab leaves the field, as in every other field, instead of walking its sections
        # (typing a separator or a full section still moves to the next section).
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            plain = not event.modifiers() & (  # type: ignore[attr-defined]
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        empty = self.value() is None
        if empty and (
            Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.setDate(QDate.currentDate())
            self.setSelectedSection(self.sectionAt(0))
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
            or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(_BLANK)
            return
        text = event.text()
        if text and not text.isalnum() and not text.isspace() and self._advanced:
            # The previous digit already completed its section and moved on: this separator
            # must not skip the next section too ("3/5/2025" is March 5, not March of 5202).
            self._advanced = False
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSection() != section


class TonnesEdit(QDoubleSpinBox):
    """Tonnes with three decimals in the locale's format; 0 shows blank and means "none"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(3)
        self.setRange(0, MAX_TONNES)
        self.setGroupSeparatorShown(True)
        self.setSpecialValueText(" ")
        self.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("9,999,999.999") + 24)

    def kg(self) -> int | None:
        """The amount in kilograms, or None when blank (zero)."""
        kg = round(self.value() * 1000)
        return kg or None

    def set_kg(self, kg: int | None) -> None:
        """Show an amount of kilograms as tonnes."""
        self.setValue((kg or 0) / 1000)


class FieldMessage(QWidget):
    """The line under a field: an error (red, with an icon) or a warning (with its icon)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        # Long messages wrap within the field's width instead of widening the form.
        self._text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        self.is_error = False
        self.hide()

    def text(self) -> str:
        """The message shown, or ""."""
        return self._text.text() if self.isVisibleTo(self.parentWidget()) else ""

    def show_error(self, text: str) -> None:
        """Show an error in red with the critical icon."""
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxCritical, error=True)

    def show_warning(self, text: str) -> None:
        """Show a warning (does not block saving) with the warning icon."""
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxWarning, error=False)

    def clear(self) -> None:
        """Hide the message."""
        self._text.setText("")
        self.is_error = False
        self.hide()

    def _show(self, text: str, pixmap: QStyle.StandardPixmap, *, error: bool) -> None:
        size = self.fontMetrics().height()
        self._icon.setPixmap(QApplication.style().standardIcon(pixmap).pixmap(size, size))
        palette = self._text.palette()
        color = palette.color(QPalette.ColorRole.WindowText)
        if error:
            color = (
                Qt.GlobalColor.red
                if palette.color(QPalette.ColorRole.Window).lightness() < 128
                else Qt.GlobalColor.darkRed
            )
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self._text.setPalette(palette)
        self._text.setText(text)
        self.is_error = error
        self.show()


def with_message(editor: QWidget, message: FieldMessage) -> QWidget:
    """The editor with its message line under it, as one cell of a form."""
    box = QWidget(editor.parentWidget())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(editor)
    layout.addWidget(message)
    return box
