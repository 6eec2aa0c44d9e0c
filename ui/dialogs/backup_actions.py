"""File → Backup… and File → Restore…, and the daily automatic backup when a window opens.

The copying runs on a worker through ui/tasks.py (progress, Cancel); this module only asks
for files, confirms, and tells the user what happened. A restore is checked completely before
the question is asked; afterwards the window reopens the database (its views refresh and the
undo history, which belongs to the replaced data, is cleared).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from models.errors import UserError
from models.services import backup as backups
from models.services import restore as restores
from models.services.session import Database, open_database
from ui import settings as keys
from ui.error_texts import error_detail
from ui.errors import show_user_error
from ui.i18n import arg, format_number
from ui.settings import Settings
from ui.tasks import Task, TaskRunner, is_cancelled

_log = logging.getLogger(__name__)
#: How long a status-bar note about a backup stays (ms).
_NOTE_MS = 10_000


class BackupActions(QObject):
    """The backup and restore actions of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        settings: Settings,
        on_restored: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._settings = settings
        self._on_restored = on_restored
        # Backups only read: their own runner, so a long copy never queues the user's saves.
        self._runner = TaskRunner(self)
        self.backup_action = QAction(self.tr("&Backup…"), window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self._on_backup)
        self.restore_action = QAction(self.tr("&Restore…"), window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self._on_restore)
        if not db.is_sqlite:
            self.restore_action.setEnabled(False)
            self.restore_action.setToolTip(
                self.tr("A PostgreSQL database is restored by its administrator (pg_restore).")
            )
        #: The last message shown about a backup or restore (for the status bar and tests).
        self.last_message = ""

    def add_to(self, menu: QMenu) -> None:
        """Put Backup… and Restore… into ``menu``, followed by a separator."""
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addSeparator()

    # -- backup ---------------------------------------------------------------------------------

    def _on_backup(self) -> None:
        suffix = ".sqlite" if self._db.is_sqlite else ".dump"
        name = f"railgrain-{date.today().isoformat()}{suffix}"
        folder = self._settings.get(keys.BACKUP_FOLDER)
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Back up the database"),
            str(Path(folder) / name) if folder else name,
            self.tr("Railgrain backups (*.sqlite *.dump);;All files (*)"),
        )
        if path:
            self.backup_to(path)

    def backup_to(self, path: str) -> Task:
        """Copy the open database to the new file ``path`` in the background."""
        dest = Path(path)
        self._settings.set(keys.BACKUP_FOLDER, str(dest.parent))
        return self._runner.run(
            partial(backups.backup, self._db.url, dest),
            on_done=self._on_backup_done,
            on_error=self._on_failed,
            progress_parent=self._window,
            label=self.tr("Backing up the database…"),
        )

    def _on_backup_done(self, result: backups.BackupResult) -> None:
        self._say(arg(self.tr("Backed up to %1 (%2)."), str(result.dest), result.note))

    # -- restore --------------------------------------------------------------------------------

    def _on_restore(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore a backup"),
            self._settings.get(keys.BACKUP_FOLDER),
            self.tr("Railgrain backups (*.sqlite);;All files (*)"),
        )
        if path:
            self.restore_from(path)

    def restore_from(self, path: str) -> Task:
        """Check the backup ``path`` in the background, then ask, then restore it."""
        self._settings.set(keys.BACKUP_FOLDER, str(Path(path).parent))
        return self._runner.run(
            partial(restores.prepare, Path(path), self._db.url),
            on_done=self._on_prepared,
            on_error=self._on_failed,
            progress_parent=self._window,
            label=self.tr("Checking the backup…"),
        )

    def _on_prepared(self, prepared: restores.PreparedRestore) -> None:
        # Asked after the completion handler has returned: a modal question here would run
        # a nested event loop inside the task's signal, and the next task starts from it.
        QTimer.singleShot(0, lambda: self._ask(prepared))

    def _ask(self, prepared: restores.PreparedRestore) -> None:
        question = arg(
            self.tr(
                "Replace the open database with this backup?\n\n%1\n%2 shipments, schema %3.\n\n"
                "The current database is kept next to it as a backup of its own."
            ),
            str(prepared.backup),
            format_number(prepared.shipments),
            prepared.revision,
        )
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore a backup"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            prepared.discard()
            self._say(self.tr("Restore cancelled; nothing was changed."))
            return
        self._runner.run(
            partial(_finish_and_reopen, prepared),
            on_done=self._on_restored_done,
            on_error=self._on_failed,
            progress_parent=self._window,
            label=self.tr("Restoring the backup…"),
            cancellable=False,  # one transaction: it is over quickly, and all or nothing
        )

    def _on_restored_done(self, result: restores.RestoreResult) -> None:
        self._on_restored()
        message = arg(
            self.tr("Restored %1 shipments from the backup."), format_number(result.shipments)
        )
        if result.kept is not None:
            message += " " + arg(self.tr("The replaced database was kept as %1."), str(result.kept))
        self._say(message)
        QMessageBox.information(self._window, self.tr("Restore a backup"), message)

    # -- automatic backup -----------------------------------------------------------------------

    def start_auto_backup(self) -> Task | None:
        """Make today's automatic backup in the background, if one is due (SQLite only)."""
        keep = self._settings.get(keys.AUTO_BACKUP_KEEP)
        if not self._db.is_sqlite or keep <= 0:
            return None
        folder = self._settings.get(keys.AUTO_BACKUP_FOLDER)
        return self._runner.run(
            partial(
                backups.auto_backup,
                self._db.url,
                folder=Path(folder) if folder else None,
                keep=keep,
            ),
            on_done=self._on_auto_backup_done,
            on_error=self._on_auto_backup_failed,
        )

    def _on_auto_backup_done(self, result: backups.BackupResult | None) -> None:
        if result is not None:
            _log.info("automatic backup written to %s", result.dest)
            self._say(arg(self.tr("Today's automatic backup was written to %1."), str(result.dest)))

    def _on_auto_backup_failed(self, error: BaseException) -> None:
        if is_cancelled(error):
            return
        if not isinstance(error, UserError):
            raise error  # a bug: the crash handler shows it
        # Not modal: the user did not ask for it, and the data itself is fine.
        _log.error("automatic backup failed: %s", error)
        self._say(arg(self.tr("The automatic backup failed: %1"), error_detail(error)))

    # -- shared ---------------------------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        if is_cancelled(error):
            self._say(self.tr("Cancelled; nothing was changed."))
            return
        if not isinstance(error, UserError):
            raise error  # a bug: the crash handler shows it
        self._say(error_detail(error))
        show_user_error(self._window, error)

    def _say(self, message: str) -> None:
        self.last_message = message
        self._window.statusBar().showMessage(message, _NOTE_MS)


def _finish_and_reopen(
    prepared: restores.PreparedRestore, *, progress: object = None, cancel: object = None
) -> restores.RestoreResult:
    """Restore, then open the file once so an older backup is upgraded (backed up first)."""
    result = restores.finish(prepared)
    open_database(str(result.target), create=False).dispose()
    return result
