"""The main window: menus, the undo stack, the status bar and the shipments page.

Pages own their logic; this window wires their actions into menus and is the one place that
hears about every change (``apply_changes``) to refresh views and say when it was saved.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from models.services.session import Database
from models.services.shipments import Changes
from ui import settings as keys
from ui.dialogs.backup_actions import BackupActions
from ui.dialogs.form_actions import FormActions
from ui.dialogs.import_export_actions import ImportExportActions
from ui.i18n import arg
from ui.live_refresh import LiveRefresh, PendingRefresh
from ui.pages import saved_views
from ui.pages.page_tabs import PageTabs
from ui.pages.saved_views import COLUMN_KEYS
from ui.pages.shipments_page import ShipmentsPage
from ui.settings import Settings
from ui.undo import ShipmentUndoStack


class MainWindow(QMainWindow):
    """Railgrain's window over one open database."""

    #: Data changed: after this window's own writes (``apply_changes``) and after changes
    #: made elsewhere (another window, process or user). Pages other than the shipments
    #: table (dashboard, charts, views) refresh on it.
    data_changed = Signal()

    def __init__(
        self,
        db: Database,
        *,
        settings: Settings | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or Settings()
        self._db = db
        self.setWindowTitle(arg(self.tr("Railgrain — %1"), db.name))
        #: Every change made in this window, undoable in order (Ctrl+Z / Ctrl+Shift+Z).
        self.undo_stack = ShipmentUndoStack(self)

        self._page = ShipmentsPage(db, self, today=today)
        self._page.set_undo_stack(self.undo_stack, self.apply_changes)
        #: Dashboard, Shipments and Charts as tabs (Ctrl+1/2/3); figures drill down.
        self.pages = PageTabs(db, self._page, self._settings, self, today=today)
        self.pages.connect_data_changed(self.data_changed)
        self.setCentralWidget(self.pages)

        self._summary = QLabel(self._page.summary(), self)
        self._summary.setObjectName("shipmentsSummary")
        self.statusBar().addWidget(self._summary, 1)
        self._saved = QLabel(self)
        self._saved.setObjectName("savedAt")
        self._saved.setToolTip(self.tr("Every change is saved to the database at once."))
        self.statusBar().addPermanentWidget(self._saved)
        self._page.summary_changed.connect(self._summary.setText)

        self._build_menus()
        #: New / Edit / Duplicate shipment and the Data menu (reference editors).
        self.form_actions = FormActions(self, db)
        self._restore_layout()
        #: Shows what other users, windows and processes save (then emits ``data_changed``).
        self.live_refresh = LiveRefresh(db, self)
        self._pending_refresh = PendingRefresh(self._page, self)
        self.live_refresh.changed_elsewhere.connect(self._on_live_refresh_changed_elsewhere)

    def shipments_page(self) -> ShipmentsPage:
        """The page with the shipments table."""
        return self._page

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the views after a service call changed data, and say when it was saved."""
        self._page.apply_changes(changes)
        now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self._saved.setText(arg(self.tr("Saved %1"), now))
        self.data_changed.emit()

    def _on_live_refresh_changed_elsewhere(self) -> None:
        # In place: the same row stays current and the table does not jump.
        self._pending_refresh.request()
        self.data_changed.emit()

    def _on_database_restored(self) -> None:
        """The file now holds a backup's data: drop stale connections, undo history and views."""
        self.undo_stack.clear()  # its commands refer to rows and versions that are gone
        self._db.dispose()
        self._page.refresh()
        self.data_changed.emit()

    # -- menus ------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: object, shortcut: str | QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_export = ImportExportActions(self, self._db, self._settings)
        self.import_export.add_to(file_menu)
        #: File → Backup… / Restore… and the daily automatic backup (started by ui.app).
        self.backup_actions = BackupActions(
            self, self._db, self._settings, self._on_database_restored
        )
        self.backup_actions.add_to(file_menu)
        # Explicit Ctrl+Q: QKeySequence.Quit is empty on Windows.
        quit_action = self._action(self.tr("&Quit"), self.close, self.tr("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._build_edit_menu(edit_menu)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action(self.tr("&Refresh"), self._page.refresh, QKeySequence.StandardKey.Refresh)
        )
        view_menu.addAction(
            self._action(self.tr("&Find"), self._on_find_triggered, self.tr("Ctrl+F"))
        )
        late = self._action(
            self.tr("&Late only"), self._page.filter_bar().toggle_late_only, self.tr("Ctrl+L")
        )
        view_menu.addAction(late)
        view_menu.addAction(self._action(self.tr("&Clear filter"), self._page.filter_bar().clear))
        view_menu.addSeparator()
        self._views_menu = view_menu.addMenu(self.tr("Saved &views"))
        self._views_menu.setObjectName("savedViewsMenu")
        self._views_menu.aboutToShow.connect(self._fill_views_menu)
        self._fill_views_menu()
        self._columns_menu = view_menu.addMenu(self.tr("C&olumns"))
        self._columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.pages.add_to(view_menu)

        rows = self._page.actions()
        go_menu = bar.addMenu(self.tr("&Shipments"))
        for action in (
            rows.next_row,
            rows.previous_row,
            None,
            rows.change_status,
            rows.change_train_status,
            rows.revise_eta,
            rows.revise_train_eta,
        ):
            go_menu.addSeparator() if action is None else go_menu.addAction(action)

        reports_menu = bar.addMenu(self.tr("&Reports"))
        reports_menu.setObjectName("reportsMenu")
        self.report_action = self._action(
            self.tr("&Print report…"), self._on_report_triggered, QKeySequence.StandardKey.Print
        )
        self.report_action.setObjectName("reportAction")
        reports_menu.addAction(self.report_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action(self.tr("&About Railgrain"), self._on_about_triggered)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)
        about_qt = self._action(self.tr("About &Qt"), QApplication.aboutQt)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        help_menu.addAction(about_qt)

    def _build_edit_menu(self, menu: QMenu) -> None:
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setObjectName("undoAction")
        undo.setShortcut(QKeySequence(self.tr("Ctrl+Z")))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setObjectName("redoAction")
        redo.setShortcuts([QKeySequence(self.tr("Ctrl+Shift+Z")), QKeySequence(self.tr("Ctrl+Y"))])
        menu.addAction(undo)
        menu.addAction(redo)
        menu.addSeparator()
        rows = self._page.actions()
        for action in (rows.edit_cell, rows.copy, rows.delete):
            menu.addAction(action)
        menu.addSeparator()
        preferences = self._action(
            self.tr("&Preferences…"), self._on_preferences_triggered, self.tr("Ctrl+,")
        )
        preferences.setObjectName("preferencesAction")
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        menu.addAction(preferences)

    def _on_preferences_triggered(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog  # opened rarely

        SettingsDialog(self._settings, self).exec()

    def _fill_views_menu(self) -> None:
        menu = self._views_menu
        menu.clear()
        menu.addAction(self._action(self.tr("&Save current view…"), self._on_save_view_triggered))
        names = saved_views.view_names(self._settings)
        if names:
            menu.addSeparator()
        for name in names:
            menu.addAction(self._action(name, lambda _=False, n=name: self.apply_view(n)))
        if names:
            delete_menu = menu.addMenu(self.tr("&Delete view"))
            for name in names:
                delete_menu.addAction(
                    self._action(name, lambda _=False, n=name: self.delete_view(n))
                )

    def _fill_columns_menu(self) -> None:
        self._columns_menu.clear()
        for action in self._page.columns_menu().actions():
            self._columns_menu.addAction(action)

    # -- saved views ------------------------------------------------------------------------

    def save_view(self, name: str) -> None:
        """Save the current filter, sort and columns as the view ``name``."""
        saved_views.save_view(
            self._settings, name, self._page.filter_bar().state(), self._page.header_state()
        )

    def apply_view(self, name: str) -> bool:
        """Show the saved view ``name``; False if there is no such view."""
        view = saved_views.load_view(self._settings, name)
        if view is None:
            return False
        filter_state, header = view
        self._page.restore_header_state(header)
        self._page.filter_bar().set_state(filter_state)
        return True

    def delete_view(self, name: str) -> None:
        """Forget the saved view ``name``."""
        saved_views.delete_view(self._settings, name)

    def _on_save_view_triggered(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save view"), self.tr("Name of this view (filter, sort and columns):")
        )
        if ok and name.strip():
            self.save_view(name.strip())

    def _on_find_triggered(self) -> None:
        self._page.search_box().setFocus()
        self._page.search_box().selectAll()

    def _on_report_triggered(self) -> None:
        from ui.reports.dialog import ReportDialog  # Qt print support loads when first used

        dialog = ReportDialog(self._db, self, settings=self._settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Railgrain"),
            self.tr(
                "<h3>Railgrain</h3><p>Tracks grain trains from Kazakhstan to north-west "
                "China: shipments, wagons and containers, border delays and arrivals.</p>"
            ),
        )

    # -- layout kept between sessions -------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self._settings.get(keys.MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            # First start: most of the screen, since the table has many columns.
            screen = self.screen().availableGeometry()
            self.resize(min(1600, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))
        self.restoreState(self._settings.get(keys.MAIN_WINDOW_STATE))
        # A header saved with other columns would put widths and sort on the wrong ones.
        if self._settings.get(keys.SHIPMENTS_HEADER_COLUMNS) == COLUMN_KEYS:
            self._page.restore_header_state(self._settings.get(keys.SHIPMENTS_HEADER_STATE))
        try:
            last_filter = json.loads(self._settings.get(keys.SHIPMENTS_LAST_FILTER) or "{}")
        except ValueError:
            last_filter = {}
        if isinstance(last_filter, dict) and last_filter:
            self._page.filter_bar().set_state(last_filter)

    def save_layout(self) -> None:
        """Store geometry, window state, the table's columns and sort, and the filter."""
        self._settings.set(keys.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(keys.MAIN_WINDOW_STATE, self.saveState())
        self._settings.set(keys.SHIPMENTS_HEADER_STATE, self._page.header_state())
        self._settings.set(keys.SHIPMENTS_HEADER_COLUMNS, COLUMN_KEYS)
        state = json.dumps(self._page.filter_bar().state(), ensure_ascii=False)
        self._settings.set(keys.SHIPMENTS_LAST_FILTER, state)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.live_refresh.stop()
        super().closeEvent(event)
