"""Opening the shipments workspace filtered to a figure's shipments, with a removable chip.

A dashboard figure or a chart bar carries a ``queries.Filter`` that selects exactly its
shipments. Many of its fields (ETA range, status on a past day, days at the border) have no
control in the filter bar, so the filter goes to the table's model as it is, the filter bar is
emptied, and a chip above the table says where the rows come from ("From dashboard: Late 4–7
days") until the user removes it or changes the filter bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from models.services.queries import Filter
from ui.i18n import arg
from ui.pages.shipments_page import ShipmentsPage


class DrillDownChip(QFrame):
    """The "from dashboard: …" line, with a button that removes the figure's filter."""

    removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # palette roles: readable in light and dark themes
        self.setStyleSheet(
            "#drillDownChip { background: palette(alternate-base); border: 1px solid "
            "palette(highlight); border-radius: 4px; }"
        )
        self._label = QLabel(self)
        self._label.setObjectName("drillDownText")
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._remove = QToolButton(self)
        self._remove.setObjectName("drillDownRemove")
        self._remove.setText(self.tr("✕ Show all"))
        self._remove.setToolTip(self.tr("Remove this filter and use the filter bar again"))
        self._remove.setAutoRaise(True)
        self._remove.clicked.connect(self.removed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._remove)
        self.hide()

    def text(self) -> str:
        """What the chip says."""
        return self._label.text()

    def set_text(self, text: str) -> None:
        """Show the chip with this text."""
        self._label.setText(text)

    def remove_button(self) -> QToolButton:
        """The button that removes the filter."""
        return self._remove


class DrillDown(QObject):
    """Applies figure filters to one shipments page and keeps its chip in step."""

    def __init__(self, page: ShipmentsPage) -> None:
        super().__init__(page)
        self._page = page
        self._active: Filter | None = None
        self._chip = DrillDownChip(page)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self._chip)  # under the filter bar, over the table
        self._chip.removed.connect(self.clear)
        page.filter_bar().filter_changed.connect(self._on_filter_bar_filter_changed)

    def chip(self) -> DrillDownChip:
        """The "from dashboard" chip."""
        return self._chip

    def active_filter(self) -> Filter | None:
        """The figure's filter in force, or None when the filter bar decides."""
        return self._active

    def apply(self, flt: Filter, label: str, source: str = "") -> None:
        """Show exactly ``flt``'s shipments; ``label`` names the figure on the chip."""
        bar = self._page.filter_bar()
        blocked = bar.blockSignals(True)  # empty the bar without a query of its own
        try:
            bar.clear()
        finally:
            bar.blockSignals(blocked)
        self._active = flt
        self._chip.set_text(arg(self.tr("From %1: %2"), source or self.tr("dashboard"), label))
        self._chip.show()
        self._page.apply_filter(flt)

    def clear(self) -> None:
        """Drop the figure's filter: the filter bar's (empty) filter applies again."""
        if self._active is None:
            return
        self._active = None
        self._chip.hide()
        self._page.apply_filter(None)

    def _on_filter_bar_filter_changed(self) -> None:
        # The page has applied the bar's filter already; the figure's no longer holds.
        self._active = None
        self._chip.hide()
