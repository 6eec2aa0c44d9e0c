"""File → Import…, File → Export… and Paste shipments, for the main window's File menu.

Kept apart from the window so it stays thin: the window only adds these actions to its menu.
After an import the window refreshes through its ``apply_changes`` (or the page's refresh).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from models.errors import UserError
from models.services.queries import Filter
from models.services.session import Database
from ui import settings as keys
from ui.errors import show_user_error
from ui.i18n import arg, format_number
from ui.settings import Settings
from ui.tasks import TaskRunner, is_cancelled

if TYPE_CHECKING:  # the dialog and the importer load when first used, not at launch
    from ui.dialogs.import_dialog import ImportDialog


class ImportExportActions(QObject):
    """The import, export and paste actions of one main window."""

    def __init__(self, window: QMainWindow, db: Database, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._settings = settings
        self._runner = TaskRunner(self)
        self.import_action = self._action(self.tr("&Import…"), "Ctrl+I", self._on_import)
        self.import_action.setObjectName("importAction")
        self.export_action = self._action(self.tr("&Export…"), None, self._on_export)
        self.export_action.setObjectName("exportAction")
        self.paste_action = self._action(
            self.tr("&Paste shipments"), "Ctrl+Shift+V", self._on_paste
        )
        self.paste_action.setObjectName("pasteShipmentsAction")
        self.dialog: ImportDialog | None = None

    def _action(self, text: str, shortcut: str | None, slot: Any) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)  # shortcuts work even while the menu is closed
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put the three actions into ``menu``, followed by a separator."""
        menu.addAction(self.import_action)
        menu.addAction(self.export_action)
        menu.addAction(self.paste_action)
        menu.addSeparator()

    # -- import -------------------------------------------------------------------------------

    def _on_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import shipments"),
            self._settings.get(keys.IMPORT_EXPORT_FOLDER),
            self.tr("Spreadsheets (*.csv *.xlsx *.xls *.ods *.txt *.tsv);;All files (*)"),
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> ImportDialog | None:
        """Open the import preview on a file."""
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            show_user_error(self._window, UserError(f"cannot read {path}: {error.strerror}"))
            return None
        self._settings.set(keys.IMPORT_EXPORT_FOLDER, str(Path(path).parent))
        return self._open(data, Path(path).name, pasted=False)

    def _on_paste(self) -> None:
        self.open_clipboard()

    def open_clipboard(self) -> ImportDialog:
        """Open the import preview on the clipboard's text (rows copied from a spreadsheet)."""
        text = QApplication.clipboard().text()
        return self._open(text.encode("utf-8"), self.tr("clipboard"), pasted=True)

    def _open(self, data: bytes, source: str, *, pasted: bool) -> ImportDialog:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(
            self._db,
            data,
            source,
            runner=self._runner,
            settings=self._settings,
            pasted=pasted,
            parent=self._window,
        )
        dialog.imported.connect(self._on_imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_imported(self, summary: Any) -> None:
        apply_changes = getattr(self._window, "apply_changes", None)
        if apply_changes is not None:
            apply_changes(summary.changes)
        else:
            self._window.shipments_page().refresh()  # type: ignore[attr-defined]
        self._window.statusBar().showMessage(
            arg(
                self.tr("Imported: %1 new, %2 updated, %3 unchanged"),
                format_number(summary.inserted),
                format_number(summary.updated),
                format_number(summary.unchanged),
            ),
            10_000,
        )

    # -- export -------------------------------------------------------------------------------

    def _on_export(self) -> None:
        folder = self._settings.get(keys.IMPORT_EXPORT_FOLDER)
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export shipments"),
            str(Path(folder) / "shipments.xlsx") if folder else "shipments.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(path)

    def current_filter(self) -> Filter:
        """The filter the shipments table shows now: File → Export writes exactly that."""
        page = self._window.shipments_page()  # type: ignore[attr-defined]
        return page.model().current_filter()

    def export_to(self, path: str) -> Any:
        """Export the current filter's shipments to ``path`` in the background."""
        from models.services.exports import export  # loaded when first used, not at launch

        self._settings.set(keys.IMPORT_EXPORT_FOLDER, str(Path(path).parent))
        db, flt = self._db, self.current_filter()

        def work(progress: Any, cancel: Any) -> Any:
            return export(db, path, flt, progress=progress, cancel=cancel)

        self.export_task = self._runner.run(
            work,
            on_done=self._on_exported,
            on_error=self._on_export_failed,
            progress_parent=self._window,
            label=self.tr("Exporting shipments…"),
        )
        return self.export_task

    def _on_exported(self, summary: Any) -> None:
        self._window.statusBar().showMessage(
            arg(self.tr("Exported %1 shipments to %2"), format_number(summary.rows), summary.path),
            10_000,
        )

    def _on_export_failed(self, error: BaseException) -> None:
        if is_cancelled(error):
            return
        if not isinstance(error, UserError):
            raise error
        QMessageBox.warning(self._window, self.tr("Export failed"), str(error))
