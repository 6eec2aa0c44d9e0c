"""Reports → Print report…: choose kind, period, language and paper; preview, print or save.

The figures are collected on the worker (ui/tasks.py, with progress and Cancel); the HTML,
the chart picture and the page layout are made on the GUI thread, which takes well under a
second. Preview, printer and PDF all go through :func:`ui.reports.printing.render`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.services.reports import period_summary, train_report
from models.services.session import Database
from ui import settings as keys
from ui.errors import show_user_error
from ui.i18n import date_edit_format
from ui.reports.document import summary_document, train_document
from ui.reports.printing import PAPERS, ReportDocument, page_layout, render, write_pdf
from ui.settings import Settings
from ui.tasks import TaskRunner, is_cancelled


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    """Choose a report and send it to the preview, the printer or a PDF file."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print report"))
        self._db = db
        self._settings = settings or Settings()
        self._runner = TaskRunner(self)
        today = today or date.today()
        #: The last report made (for tests and for printing again without collecting again).
        self.document: ReportDocument | None = None
        self.preview: QPrintPreviewDialog | None = None

        self.kind = QComboBox(self)
        self.kind.setObjectName("reportKind")
        self.kind.addItem(self.tr("Period summary"), "summary")
        self.kind.addItem(self.tr("Train arrival sheet"), "train")
        self.first = QDateEdit(_qdate(today.replace(day=1)), self)
        self.first.setObjectName("reportFrom")
        self.last = QDateEdit(_qdate(today), self)
        self.last.setObjectName("reportTo")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())  # the user's own date order
        self.presets = QComboBox(self)
        self.presets.setObjectName("reportPeriodPreset")
        self._fill_presets(today)
        self.train = QLineEdit(self)
        self.train.setObjectName("reportTrain")
        self.train.setPlaceholderText(self.tr("train number"))
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        # Each language named in itself: the reader of the report may not read the window's.
        for code, name in (("en", "English"), ("zh", "中文"), ("ru", "Русский")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(self._settings.get(keys.REPORT_LANGUAGE)))
        )
        self.paper = QComboBox(self)
        self.paper.setObjectName("reportPaper")
        for name in PAPERS:
            self.paper.addItem(name, name)
        self.paper.setCurrentIndex(
            max(0, self.paper.findData(self._settings.get(keys.REPORT_PAPER)))
        )
        self.company = QLineEdit(self._settings.get(keys.REPORT_COMPANY), self)
        self.company.setObjectName("reportCompany")
        self.company.setPlaceholderText(self.tr("printed at the top of every page"))

        form = QFormLayout()
        form.addRow(self.tr("&Report:"), self.kind)
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(self.last)
        period.addWidget(self.presets)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.first)  # a row of several widgets gets no buddy itself
        form.addRow(period_label, period)
        form.addRow(self.tr("&Train:"), self.train)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("P&aper:"), self.paper)
        form.addRow(self.tr("&Company:"), self.company)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = self._button(buttons, self.tr("Pre&view…"), self._on_preview_clicked)
        self.preview_button.setObjectName("reportPreview")
        self.print_button = self._button(buttons, self.tr("&Print…"), self._on_print_clicked)
        self.print_button.setObjectName("reportPrint")
        self.pdf_button = self._button(buttons, self.tr("&Save as PDF…"), self._on_pdf_clicked)
        self.pdf_button.setObjectName("reportSavePdf")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.presets.activated.connect(self._on_preset_activated)
        self._on_kind_changed()

    def _button(self, box: QDialogButtonBox, text: str, slot: Callable[[], None]) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _fill_presets(self, today: date) -> None:
        month = today.replace(day=1)
        last_month_end = month - timedelta(days=1)
        quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        self.presets.addItem(self.tr("Choose…"), None)
        self.presets.addItem(self.tr("This month"), (month, today))
        self.presets.addItem(self.tr("Last month"), (last_month_end.replace(day=1), last_month_end))
        self.presets.addItem(self.tr("This quarter"), (quarter, today))
        self.presets.addItem(self.tr("This year"), (today.replace(month=1, day=1), today))
        last_year = today.year - 1
        self.presets.addItem(self.tr("Last year"), (date(last_year, 1, 1), date(last_year, 12, 31)))

    def _on_preset_activated(self, index: int) -> None:
        period = self.presets.itemData(index)
        if period:
            self.set_period(*period)

    def set_period(self, first: date, last: date) -> None:
        """Show the period ``first`` … ``last``."""
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))

    def _on_kind_changed(self) -> None:
        train = self.kind.currentData() == "train"
        self.train.setEnabled(train)
        for widget in (self.first, self.last, self.presets):
            widget.setEnabled(not train)

    # -- making the report ------------------------------------------------------------------

    def _remember(self) -> None:
        self._settings.set(keys.REPORT_LANGUAGE, self.language.currentData())
        self._settings.set(keys.REPORT_PAPER, self.paper.currentData())
        self._settings.set(keys.REPORT_COMPANY, self.company.text().strip())

    def make_report(self, then: Callable[[ReportDocument], None]) -> None:
        """Collect the chosen report's figures on the worker, then call ``then`` with it."""
        self._remember()
        db, lang = self._db, self.language.currentData()
        if self.kind.currentData() == "train":
            train_no = self.train.text().strip()
            if not train_no:
                self.train.setFocus()
                show_user_error(self, UserError(self.tr("Enter the train number.")))
                return

            def collect(progress: Any, cancel: Any) -> Any:
                return train_report(db, train_no, lang)

            label = self.tr("Collecting the train's consignments…")
        else:
            first, last = _pydate(self.first.date()), _pydate(self.last.date())

            def collect(progress: Any, cancel: Any) -> Any:
                return period_summary(db, first, last, lang, progress=progress, cancel=cancel)

            label = self.tr("Collecting the figures…")

        def done(data: Any) -> None:
            if self.kind.currentData() == "train":
                self.document = train_document(data)
            else:
                self.document = summary_document(data)
            then(self.document)

        def failed(error: BaseException) -> None:
            if is_cancelled(error):
                return
            if isinstance(error, UserError):
                show_user_error(self, error)
                return
            raise error  # a bug: the crash handler shows it

        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(False)
        task = self._runner.run(
            collect, on_done=done, on_error=failed, progress_parent=self, label=label
        )
        task.done.connect(self._enable_buttons)
        task.failed.connect(self._enable_buttons)

    def _enable_buttons(self, _value: object = None) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(True)

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper.currentData()))
        return printer

    def _render(self, document: ReportDocument, printer: QPrinter) -> None:
        try:
            render(
                document, printer, company=self.company.text().strip(), printed_at=datetime.now()
            )
        except UserError as error:
            show_user_error(self, error)

    def _on_preview_clicked(self) -> None:
        self.make_report(self.show_preview)

    def show_preview(self, document: ReportDocument) -> None:
        """Open the print preview (zoom, pages, Print…) of ``document``."""
        printer = self._printer()
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("reportPreviewDialog")
        preview.setWindowTitle(document.title)
        preview.paintRequested.connect(lambda p: self._render(document, p))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.resize(900, 1000)
        preview.open()

    def _on_print_clicked(self) -> None:
        self.make_report(self._print)

    def _print(self, document: ReportDocument) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._render(document, printer)

    def _on_pdf_clicked(self) -> None:
        folder = self._settings.get(keys.IMPORT_EXPORT_FOLDER) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), folder, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_pdf(path)

    def save_pdf(self, path: str, then: Callable[[int], None] | None = None) -> None:
        """Make the chosen report and write it to the PDF file ``path``."""

        def write(document: ReportDocument) -> None:
            try:
                pages = write_pdf(
                    document,
                    path,
                    paper=self.paper.currentData(),
                    company=self.company.text().strip(),
                )
            except UserError as error:
                show_user_error(self, error)
                return
            if then is not None:
                then(pages)

        self.make_report(write)
