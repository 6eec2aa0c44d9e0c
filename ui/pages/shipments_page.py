"""The shipments page: a search box over the read-only shipments table.

The table stays instant at a million rows because the view asks its model only for the rows on
screen (see ``ShipmentsTableModel``): fixed row height, no word wrap and no size-to-contents, so
Qt never has to measure rows it does not paint.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.services.session import Database
from ui.i18n import arg, format_tonnes
from ui.item_models.columns import COLUMNS
from ui.item_models.shipments_table import ShipmentsTableModel


class ShipmentsPage(QWidget):
    """Search box and shipments table; reports the filtered count and weight."""

    #: The rows were counted again; the argument is the new :meth:`summary`.
    summary_changed = Signal(str)

    #: Milliseconds of no typing before the search runs (each search is a database query).
    SEARCH_DELAY_MS = 250

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._model = ShipmentsTableModel(db, self, today=today)

        self._search = QLineEdit(self)
        self._search.setObjectName("shipmentsSearch")
        self._search.setPlaceholderText(
            self.tr("Search by waybill, train, wagon or container number, or notes…")
        )
        self._search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)

        self._view = QTableView(self)
        self._view.setObjectName("shipmentsTable")
        self._setup_view()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._search)
        layout.addWidget(self._view, 1)

        self._search.textChanged.connect(self._on_search_text_changed)
        self._search.returnPressed.connect(self._on_search_return_pressed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._model.modelReset.connect(self._on_model_model_reset)
        self._view.horizontalHeader().sortIndicatorChanged.connect(
            self._on_header_sort_indicator_changed
        )

    def _setup_view(self) -> None:
        view = self._view
        view.setModel(self._model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        # One fixed height for every row: Qt then never asks a row for its size.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        height = view.fontMetrics().height() + 8
        rows.setMinimumSectionSize(height)
        rows.setDefaultSectionSize(height)
        rows.hide()

        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self._set_default_widths()
        # The indicator first: enabling sorting asks the model to sort by it at once.
        header.setSortIndicatorShown(True)
        self._show_model_sort()
        view.setSortingEnabled(True)

    def _set_default_widths(self) -> None:
        """Size columns from a sample text each, without reading a single row."""
        fm = self._view.fontMetrics()
        header = self._view.horizontalHeader()
        style = header.style()
        cell_padding = fm.horizontalAdvance("M") + 2 * style.pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin
        )
        # room for the title, the sort arrow and the header's own margins
        header_padding = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 4 * (
            style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        )
        for column, spec in enumerate(COLUMNS):
            cell = fm.horizontalAdvance(spec.sample()) + cell_padding
            title = header.fontMetrics().horizontalAdvance(spec.title()) + header_padding
            self._view.setColumnWidth(column, max(cell, title))

    # -- public -----------------------------------------------------------------------------

    def model(self) -> ShipmentsTableModel:
        """The table's model."""
        return self._model

    def view(self) -> QTableView:
        """The table."""
        return self._view

    def search_box(self) -> QLineEdit:
        """The free-text search field."""
        return self._search

    def summary(self) -> str:
        """The "N shipments, X t" line for the rows shown, or why they could not be counted."""
        error = self._model.count_error()
        if error is not None:
            return arg(self.tr("Cannot count the shipments: %1"), error)
        n = self._model.rowCount()
        text = self.tr("%Ln shipment(s), %1 t", "", n)
        return arg(text, format_tonnes(self._model.total_weight_kg()))

    def refresh(self) -> None:
        """Count and load the rows again, keeping filter, sort and column layout."""
        self._model.refresh()

    def header_state(self) -> QByteArray:
        """Column widths, order, hidden columns and sort, to save in the settings."""
        return self._view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        """Restore what :meth:`header_state` saved; the saved sort is applied too."""
        if state.isEmpty():
            return False
        restored = self._view.horizontalHeader().restoreState(state)
        # restoreState may bring back a sort the model no longer offers.
        self._on_header_sort_indicator_changed(
            self._view.horizontalHeader().sortIndicatorSection(),
            self._view.horizontalHeader().sortIndicatorOrder(),
        )
        return restored

    # -- slots ------------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()  # restarts: only a pause in typing runs a query

    def _on_search_return_pressed(self) -> None:
        self._search_timer.stop()
        self._apply_search()

    def _on_search_timer_timeout(self) -> None:
        self._apply_search()

    def _apply_search(self) -> None:
        flt = self._model.current_filter()
        self._model.set_filter(replace(flt, text=self._search.text().strip()))

    def _on_model_model_reset(self) -> None:
        self.summary_changed.emit(self.summary())

    def _on_header_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        # QTableView has already asked the model to sort; a column the database cannot
        # order by was ignored there, so show the sort that is really in force.
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            self._show_model_sort()

    def _show_model_sort(self) -> None:
        header = self._view.horizontalHeader()
        column = self._model.sort_column()
        blocked = header.blockSignals(True)
        try:
            if column is None:
                header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
            else:
                header.setSortIndicator(column, self._model.sort_order())
        finally:
            header.blockSignals(blocked)
