"""The shipments page: the filter bar over the shipments table, with in-table editing.

The table stays instant at a million rows because the view asks its model only for the rows on
screen (see ``ShipmentsTableModel``): fixed row height, no word wrap and no size-to-contents, so
Qt never has to measure rows it does not paint. The actions on rows (bulk changes, copy,
delete, navigation) live in ``ShipmentActions``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QByteArray, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.services import queries
from models.services.queries import Filter
from models.services.session import Database
from models.services.shipments import Changes
from ui.delegates.date import DateDelegate
from ui.delegates.notes import NotesDelegate
from ui.delegates.status import StatusDelegate
from ui.delegates.tonnes import TonnesDelegate
from ui.errors import user_message
from ui.i18n import arg, format_number, format_tonnes
from ui.item_models.columns import COLUMNS
from ui.item_models.shipments_table import ShipmentsTableModel
from ui.pages.shipment_actions import Notify, ShipmentActions
from ui.tasks import TaskRunner
from ui.undo import ShipmentUndoStack
from ui.widgets.filter_bar import FilterBar


class ShipmentsPage(QWidget):
    """Filter bar and shipments table; reports the filtered count and weight."""

    #: The rows were counted again; the argument is the new :meth:`summary`.
    summary_changed = Signal(str)

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._model = ShipmentsTableModel(db, self, today=today, flt=Filter(as_of=today))
        self._total = self._model.rowCount()
        #: Whether ``_total`` is the whole table's count yet (not the first page's rows): a
        #: filter restored at start drops the unfiltered count, so it is read on a worker.
        self._total_known = not self._model.is_counting()
        self._total_runner: TaskRunner | None = None

        self._filter_bar = FilterBar(db, self)
        self._filter_bar.setObjectName("shipmentsFilterBar")
        self._message = QLabel(self)
        self._message.setObjectName("shipmentsMessage")
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # palette roles keep it readable in light and dark themes
        self._message.setStyleSheet(
            "QLabel { background: palette(tool-tip-base); color: palette(tool-tip-text);"
            " border: 1px solid #d32f2f; padding: 4px; }"
        )
        self._message.hide()

        self._view = QTableView(self)
        self._view.setObjectName("shipmentsTable")
        self._setup_view()
        self._actions = ShipmentActions(self, db)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._filter_bar)
        layout.addWidget(self._message)
        layout.addWidget(self._view, 1)

        self._filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self._model.modelReset.connect(self._on_model_model_reset)
        self._model.totals_changed.connect(self._on_model_totals_changed)
        header = self._view.horizontalHeader()
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.customContextMenuRequested.connect(self._on_header_custom_context_menu_requested)

    def _setup_view(self) -> None:
        view = self._view
        view.setModel(self._model)
        # F2 or a click on the current cell edits in place; double-click and Enter open the
        # shipment form (FormActions listens to ``activated``), so they must not also edit.
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._delegates = {
            "status": StatusDelegate(view),
            "eta": DateDelegate(view, asks_reason=True),
            "arrival_date": DateDelegate(view),
            "arrived_weight": TonnesDelegate(view),
            "notes": NotesDelegate(view),
        }
        for column, spec in enumerate(COLUMNS):
            if spec.editor is not None:
                view.setItemDelegateForColumn(column, self._delegates[spec.editor])

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
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
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

    def filter_bar(self) -> FilterBar:
        """The filter controls above the table."""
        return self._filter_bar

    def actions(self) -> ShipmentActions:
        """The row actions (bulk changes, copy, delete, navigation) for menus."""
        return self._actions

    def search_box(self) -> QLineEdit:
        """The free-text search field."""
        return self._filter_bar.text_edit()

    def message(self) -> str:
        """The text of the message shown above the table ("" when none)."""
        return self._message.text() if self._message.isVisible() else ""

    def set_undo_stack(self, stack: ShipmentUndoStack, notify: Notify) -> None:
        """Make edits undoable on ``stack``; ``notify`` refreshes every view after a change."""
        self._actions.set_undo(stack, notify)
        self._model.set_edit_handler(self._actions.save_cell)

    def summary(self) -> str:
        """The "N of M shipments, X t" line for the rows shown, or why they could not be counted."""
        error = self._model.count_error()
        if error is not None:
            return arg(self.tr("Cannot count the shipments: %1"), error)
        if self._model.is_counting():
            return self.tr("Counting shipments…")
        n = self._model.rowCount()
        tonnes = format_tonnes(self._model.total_weight_kg())
        if self._model.current_filter() == self._base_filter():
            return arg(self.tr("%Ln shipment(s), %1 t", "", n), tonnes)
        text = self.tr("%1 of %Ln shipment(s), %2 t", "", self._total)
        return arg(text, format_number(n), tonnes)

    def refresh(self) -> None:
        """Count and load the rows again, keeping filter, sort and column layout."""
        # Unfiltered, the model's own count is the whole table: don't count it twice.
        # (The summary shown on the model's reset only uses the total when filtered.)
        unfiltered = self._model.current_filter() == self._base_filter()
        if not unfiltered:
            # The whole table's count is on a worker: the GUI thread never waits for it (a
            # million rows on PostgreSQL); "N of M" shows the last M meanwhile.
            self._total_known = False
            self._count_all_later()
        self._model.refresh()
        if unfiltered:
            self._total = self._model.rowCount()

    def apply_changes(self, changes: Changes) -> None:
        """Show what a service call changed: the rows in place, or everything again."""
        if not changes.shipment_ids or not self._model.reload_rows(changes.shipment_ids):
            self.refresh()
        else:
            self.summary_changed.emit(self.summary())

    def show_error(self, error: UserError) -> None:
        """Show why a change was refused, above the table (not a modal box)."""
        self._message.setText(user_message(error))
        self._message.show()

    def clear_message(self) -> None:
        """Hide the message above the table."""
        self._message.hide()
        self._message.clear()

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

    # -- helpers ----------------------------------------------------------------------------

    def _base_filter(self) -> Filter:
        return Filter(as_of=self._today)

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

    # -- slots ------------------------------------------------------------------------------

    def _on_filter_bar_filter_changed(self) -> None:
        self.apply_filter(None)

    def apply_filter(self, flt: Filter | None) -> None:
        """Show ``flt``'s shipments (e.g. a dashboard figure's); None: the filter bar's."""
        if flt is None:
            flt = replace(self._filter_bar.current_filter(), as_of=self._today)
        self._model.set_filter(flt)

    def _on_model_model_reset(self) -> None:
        self.summary_changed.emit(self.summary())

    def _on_model_totals_changed(self) -> None:
        if self._model.current_filter() == self._base_filter() and not self._model.count_error():
            self._total = self._model.rowCount()  # unfiltered: the count is the whole table
            self._total_known = True
        elif not self._total_known and self._total_runner is None:
            self._count_all_later()
        self.summary_changed.emit(self.summary())

    def _count_all_later(self) -> None:
        """Count the whole table on a worker (the filtered count is on screen meanwhile)."""
        self._total_runner = self._total_runner or TaskRunner(self)
        db = self._db
        self._total_runner.run(
            lambda **_task: queries.count(db),
            on_done=self._on_total_counted,
            on_error=self._on_total_failed,
        )

    def _on_total_counted(self, total: int) -> None:
        if not self._total_known:
            self._total, self._total_known = total, True
            self.summary_changed.emit(self.summary())

    def _on_total_failed(self, _error: BaseException) -> None:
        pass  # the model's own count says why, if the table cannot be read

    def _on_header_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        # QTableView has already asked the model to sort; a column the database cannot
        # order by was ignored there, so show the sort that is really in force.
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            self._show_model_sort()

    def _on_header_custom_context_menu_requested(self, pos: QPoint) -> None:
        self.columns_menu().popup(self._view.horizontalHeader().mapToGlobal(pos))

    def columns_menu(self) -> QMenu:
        """A menu of checkable columns: unchecking hides a column (at least one stays)."""
        header = self._view.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        visible = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
        for column, spec in enumerate(COLUMNS):
            action = menu.addAction(spec.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(not (len(visible) == 1 and column in visible))
            action.toggled.connect(
                lambda on, c=column: header.setSectionHidden(c, not on)  # type: ignore[misc]
            )
        return menu
