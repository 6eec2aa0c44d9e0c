"""The main window: menus, the status bar and the shipments page. Pages own their logic."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from models.services.session import Database
from ui import settings as keys
from ui.i18n import arg
from ui.item_models.columns import COLUMNS
from ui.pages.shipments_page import ShipmentsPage
from ui.settings import Settings

_COLUMN_KEYS = ",".join(c.key for c in COLUMNS)


class MainWindow(QMainWindow):
    """Railgrain's window over one open database."""

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
        self.setWindowTitle(arg(self.tr("Railgrain — %1"), db.name))

        self._page = ShipmentsPage(db, self, today=today)
        self.setCentralWidget(self._page)

        self._summary = QLabel(self._page.summary(), self)
        self._summary.setObjectName("shipmentsSummary")
        self.statusBar().addWidget(self._summary, 1)
        self._page.summary_changed.connect(self._summary.setText)

        self._build_menus()
        self._restore_layout()

    def shipments_page(self) -> ShipmentsPage:
        """The page with the shipments table."""
        return self._page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        # Explicit Ctrl+Q: QKeySequence.Quit is empty on Windows.
        quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self._page.refresh)
        view_menu.addAction(refresh)
        search = QAction(self.tr("&Search"), self)
        search.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        search.triggered.connect(self._on_search_triggered)
        view_menu.addAction(search)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Railgrain"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    def _on_search_triggered(self) -> None:
        self._page.search_box().setFocus()
        self._page.search_box().selectAll()

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
            # First start: most of the screen, since the table has fifteen columns.
            screen = self.screen().availableGeometry()
            self.resize(min(1600, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))
        self.restoreState(self._settings.get(keys.MAIN_WINDOW_STATE))
        # A header saved with other columns would put widths and sort on the wrong ones.
        if self._settings.get(keys.SHIPMENTS_HEADER_COLUMNS) == _COLUMN_KEYS:
            self._page.restore_header_state(self._settings.get(keys.SHIPMENTS_HEADER_STATE))

    def save_layout(self) -> None:
        """Store geometry, window state and the table's columns and sort."""
        self._settings.set(keys.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(keys.MAIN_WINDOW_STATE, self.saveState())
        self._settings.set(keys.SHIPMENTS_HEADER_STATE, self._page.header_state())
        self._settings.set(keys.SHIPMENTS_HEADER_COLUMNS, _COLUMN_KEYS)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
