"""The one place that decides how an error reaches the user.

A ``UserError`` (bad input, a busy or missing database) becomes a specific, translated message.
Anything else is a bug: it is logged with its traceback and shown in a crash dialog.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.errors import ConflictError, DatabaseError, NotFoundError, UserError, ValidationError
from ui.error_texts import error_detail
from ui.i18n import arg

_log = logging.getLogger(__name__)


def user_message(error: UserError) -> str:
    """A translated sentence for a UserError, then its detail (translated when it has a code)."""
    if isinstance(error, DatabaseError):
        intro = QCoreApplication.translate("Errors", "There is a problem with the database:")
    elif isinstance(error, NotFoundError):
        intro = QCoreApplication.translate("Errors", "Not found:")
    elif isinstance(error, ConflictError):
        intro = QCoreApplication.translate("Errors", "Someone else changed this in the meantime:")
    elif isinstance(error, ValidationError):
        intro = QCoreApplication.translate("Errors", "This value is not accepted:")
    else:
        intro = QCoreApplication.translate("Errors", "This cannot be done:")
    return f"{intro}\n{error_detail(error)}"


def show_user_error(parent: QWidget | None, error: UserError, title: str | None = None) -> None:
    """Show a UserError as a critical message box (for errors not tied to a form field)."""
    QMessageBox.critical(
        parent, title or QCoreApplication.translate("Errors", "Railgrain"), user_message(error)
    )


class CrashHandler:
    """A ``sys.excepthook`` for bugs: log the traceback, then show it in a crash dialog."""

    def __init__(self, log_file: str | None = None) -> None:
        self.log_file = log_file
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        _log.critical("unhandled exception\n%s", text)
        # A bug inside the dialog itself, or a second one while it is open, is only logged.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            show_crash_dialog(text, self.log_file)
        finally:
            self._showing = False


def show_crash_dialog(details: str, log_file: str | None) -> None:
    """The crash dialog: what happened in one sentence, the traceback in the details."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Railgrain — unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Errors", "Railgrain ran into an unexpected error (a bug). Your saved data is safe."
        )
    )
    info = QCoreApplication.translate("Errors", "Please report it with the details below.")
    if log_file:
        info = arg(
            QCoreApplication.translate(
                "Errors", "Please report it with the details below (also written to %1)."
            ),
            log_file,
        )
    box.setInformativeText(info)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
