"""The window's pages as tabs: Dashboard, Shipments, Charts (Ctrl+1/2/3), and the links between.

A figure clicked on the dashboard or a bar on a chart opens the Shipments tab filtered to
exactly its shipments (``DrillDown``). The train view and a shipment's history open from the
shipments table (context menu, Ctrl+Shift+T / Ctrl+Shift+H) and from the dashboard's lists.
The dashboard and charts refresh on the window's ``data_changed``.

The window opens on the shipments table, so the other two pages are built the first time they
are shown (or asked for through ``dashboard`` / ``charts``): until then their tab holds an empty
placeholder, and the charts' pyqtgraph is not even imported. That keeps both out of the time to
the table's first paint.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget, QWidget

from models.errors import UserError
from models.services.queries import Filter
from models.services.session import Database
from ui import settings as keys
from ui.dialogs.history_dialog import HistoryDialog
from ui.dialogs.train_dialog import TrainDialog
from ui.pages.drill_down import DrillDown
from ui.pages.shipments_page import ShipmentsPage
from ui.settings import Settings

if TYPE_CHECKING:  # imported when first built: pyqtgraph alone takes half a second
    from ui.pages.charts_page import ChartsPage
    from ui.pages.dashboard_page import DashboardPage

#: Page keys in tab order (stored in the settings as the last page shown).
PAGES = ("dashboard", "shipments", "charts")


class PageTabs(QTabWidget):
    """Dashboard, Shipments and Charts; figures drill down into Shipments."""

    def __init__(
        self,
        db: Database,
        shipments: ShipmentsPage,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageTabs")
        self.setDocumentMode(True)
        self._db = db
        self._settings = settings
        self._shipments = shipments
        self._today = today
        #: The dashboard and charts once built (see the module docstring).
        self._dashboard: DashboardPage | None = None
        self._charts: ChartsPage | None = None
        #: The window's data_changed, connected to each lazy page as it is built.
        self._data_changed: list[SignalInstance] = []
        self._titles = (self.tr("Dashboard"), self.tr("Shipments"), self.tr("Charts"))
        for i, title in enumerate(self._titles):
            self.addTab(shipments if PAGES[i] == "shipments" else QWidget(self), title)
        self.drill_down = DrillDown(shipments)

        #: Ctrl+1/2/3: the pages.
        self.page_actions: list[QAction] = []
        for i, text in enumerate(
            (self.tr("&Dashboard"), self.tr("S&hipments"), self.tr("C&harts"))
        ):
            action = QAction(text, self)
            action.setObjectName(f"showPage_{PAGES[i]}")
            action.setShortcut(QKeySequence(self.tr("Ctrl+%1").replace("%1", str(i + 1))))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, n=i: self.setCurrentIndex(n))
            self.page_actions.append(action)
            self.addAction(action)
        self.train_action, self.history_action = self._table_actions()

        page = self._settings.get(keys.MAIN_WINDOW_PAGE)
        if page in PAGES:
            self._build(page)  # the page the window opens on is built now
        self.setCurrentIndex(PAGES.index(page) if page in PAGES else 1)
        self.currentChanged.connect(self._on_current_changed)

    # -- the pages built when first shown ---------------------------------------------------

    @property
    def dashboard(self) -> DashboardPage:
        """The dashboard page (built now if it has not been shown yet)."""
        if self._dashboard is None:
            from ui.pages.dashboard_page import DashboardPage

            page = DashboardPage(self._db, self, today=self._today)
            page.setObjectName("dashboardPage")
            page.figure_clicked.connect(self._on_dashboard_figure_clicked)
            page.train_requested.connect(self.show_train)
            page.history_requested.connect(self.show_history)
            for signal in self._data_changed:
                signal.connect(page.on_data_changed)
            self._dashboard = page
            self._put_in_tab("dashboard", page)
        return self._dashboard

    @property
    def charts(self) -> ChartsPage:
        """The charts page (built now, pyqtgraph imported, if it has not been shown yet)."""
        if self._charts is None:
            from ui.pages.charts_page import ChartsPage

            page = ChartsPage(self._db, self, today=self._today)
            page.setObjectName("chartsPage")
            page.figure_clicked.connect(self._on_charts_figure_clicked)
            for signal in self._data_changed:
                signal.connect(page.on_data_changed)
            self._charts = page
            self._put_in_tab("charts", page)
        return self._charts

    def _build(self, key: str) -> None:
        if key == "dashboard":
            _ = self.dashboard
        elif key == "charts":
            _ = self.charts

    def _put_in_tab(self, key: str, page: QWidget) -> None:
        """Swap the placeholder of ``key`` for its page, keeping the current tab."""
        index = PAGES.index(key)
        placeholder = self.widget(index)
        current = self.currentIndex()
        blocked = self.blockSignals(True)  # the same page stays current: nothing to report
        try:
            self.removeTab(index)
            self.insertTab(index, page, self._titles[index])
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(blocked)
        if placeholder is not None and placeholder is not page:
            placeholder.deleteLater()

    def _table_actions(self) -> tuple[QAction, QAction]:
        view = self._shipments.view()
        train = QAction(self.tr("Show the &train…"), view)
        train.setObjectName("showTrain")
        train.setShortcut(QKeySequence(self.tr("Ctrl+Shift+T")))
        history = QAction(self.tr("Shipment &history…"), view)
        history.setObjectName("showHistory")
        history.setShortcut(QKeySequence(self.tr("Ctrl+Shift+H")))
        for action in (train, history):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        train.triggered.connect(self._on_train_triggered)
        history.triggered.connect(self._on_history_triggered)
        # Right-click on a row offers the view's actions (these and the page's own).
        if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return train, history

    # -- public -----------------------------------------------------------------------------

    def add_to(self, menu: QMenu) -> None:
        """Put the page switches and the train/history views into ``menu``."""
        menu.addSeparator()
        for action in self.page_actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.train_action)
        menu.addAction(self.history_action)

    def connect_data_changed(self, signal: SignalInstance) -> None:
        """Refresh the dashboard and the charts whenever ``signal`` fires.

        A page not built yet has nothing on screen to refresh: it is connected when built.
        """
        self._data_changed.append(signal)
        for page in (self._dashboard, self._charts):
            if page is not None:
                signal.connect(page.on_data_changed)

    def show_page(self, key: str) -> None:
        """Bring "dashboard", "shipments" or "charts" to the front."""
        self.setCurrentIndex(PAGES.index(key))

    def show_filtered(self, flt: Filter, label: str, source: str = "") -> None:
        """Open the Shipments tab filtered to exactly ``flt``'s shipments."""
        self.drill_down.apply(flt, label, source)
        self.setCurrentWidget(self._shipments)
        self._shipments.view().setFocus()

    def show_train(self, train_no: str) -> TrainDialog | None:
        """Open the train view of ``train_no`` (non-modal)."""
        try:
            dialog = TrainDialog(self._db, train_no, self.window())
        except UserError as error:
            self._shipments.show_error(error)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.figure_clicked.connect(
            lambda f, label: self.show_filtered(f, label, self.tr("train view"))
        )
        dialog.history_requested.connect(self.show_history)
        dialog.show()
        return dialog

    def show_history(self, shipment_id: int) -> HistoryDialog | None:
        """Open a shipment's history (non-modal)."""
        try:
            dialog = HistoryDialog(self._db, shipment_id, self.window())
        except UserError as error:
            self._shipments.show_error(error)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- slots ------------------------------------------------------------------------------

    def _on_dashboard_figure_clicked(self, flt: Filter, label: str) -> None:
        self.show_filtered(flt, label, self.tr("dashboard"))

    def _on_charts_figure_clicked(self, flt: Filter, label: str) -> None:
        self.show_filtered(flt, label, self.tr("chart"))

    def _on_train_triggered(self) -> None:
        row = self._shipments.actions().current_row()
        if row is not None:
            self.show_train(row.train_no)

    def _on_history_triggered(self) -> None:
        row = self._shipments.actions().current_row()
        if row is not None:
            self.show_history(row.id)

    def _on_current_changed(self, index: int) -> None:
        if 0 <= index < len(PAGES):
            self._build(PAGES[index])  # shown for the first time: the placeholder goes
            self._settings.set(keys.MAIN_WINDOW_PAGE, PAGES[index])
