"""The import preview: how the file was read, each row as it will be saved, every problem.

Opened by File → Import (a file) and by Paste shipments (the clipboard's tab-separated text).
Reading and checking run in the background through ``ui.tasks``; so does the import, with
progress and Cancel. The column mapping the user picks is remembered per set of headers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.rules.status import Status
from models.services.imports.headers import CANONICAL, normalize
from models.services.imports.importer import Options, Plan, import_file, plan
from models.services.imports.problems import ImportFileError
from models.services.imports.reader import ENCODINGS
from models.services.session import Database
from ui import settings as keys
from ui.error_texts import error_detail, problem_text
from ui.errors import show_user_error
from ui.i18n import (
    arg,
    format_date,
    format_number,
    format_tonnes,
    name_language,
    status_label,
)
from ui.settings import Settings
from ui.tasks import TaskRunner, is_cancelled

#: Rows shown in the preview (all problem rows are shown too).
PREVIEW_ROWS = 500
_SEPARATORS = (
    (",", QT_TRANSLATE_NOOP("ImportDialog", "Comma")),
    (";", QT_TRANSLATE_NOOP("ImportDialog", "Semicolon")),
    ("\t", QT_TRANSLATE_NOOP("ImportDialog", "Tab")),
)
#: Preview columns: (value key, header). Headers are translated at display time.
_PREVIEW = (
    ("row", QT_TRANSLATE_NOOP("ImportDialog", "Row")),
    ("action", QT_TRANSLATE_NOOP("ImportDialog", "Action")),
    ("waybill", QT_TRANSLATE_NOOP("ImportDialog", "Waybill")),
    ("train_no", QT_TRANSLATE_NOOP("ImportDialog", "Train")),
    ("commodity_id", QT_TRANSLATE_NOOP("ImportDialog", "Commodity")),
    ("supplier", QT_TRANSLATE_NOOP("ImportDialog", "Supplier")),
    ("origin_station_id", QT_TRANSLATE_NOOP("ImportDialog", "Origin")),
    ("destination_station_id", QT_TRANSLATE_NOOP("ImportDialog", "Destination")),
    ("departure_date", QT_TRANSLATE_NOOP("ImportDialog", "Departure")),
    ("status", QT_TRANSLATE_NOOP("ImportDialog", "Status")),
    ("net_weight_kg", QT_TRANSLATE_NOOP("ImportDialog", "Net weight")),
)


#: What each field of a file is, for the column choices (shown with its canonical name).
_FIELD_LABELS = {
    "waybill": QT_TRANSLATE_NOOP("ImportFields", "Waybill"),
    "train_no": QT_TRANSLATE_NOOP("ImportFields", "Train number"),
    "commodity": QT_TRANSLATE_NOOP("ImportFields", "Commodity"),
    "supplier": QT_TRANSLATE_NOOP("ImportFields", "Supplier"),
    "consignee": QT_TRANSLATE_NOOP("ImportFields", "Consignee"),
    "origin_station": QT_TRANSLATE_NOOP("ImportFields", "Origin station"),
    "border_station": QT_TRANSLATE_NOOP("ImportFields", "Border station"),
    "destination_station": QT_TRANSLATE_NOOP("ImportFields", "Destination station"),
    "departure_date": QT_TRANSLATE_NOOP("ImportFields", "Departure date"),
    "eta": QT_TRANSLATE_NOOP("ImportFields", "Expected arrival"),
    "arrival_date": QT_TRANSLATE_NOOP("ImportFields", "Arrival date"),
    "status": QT_TRANSLATE_NOOP("ImportFields", "Status"),
    "net_tonnes": QT_TRANSLATE_NOOP("ImportFields", "Net weight"),
    "wagons": QT_TRANSLATE_NOOP("ImportFields", "Wagons"),
    "containers": QT_TRANSLATE_NOOP("ImportFields", "Containers"),
    "contract": QT_TRANSLATE_NOOP("ImportFields", "Contract"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "units": QT_TRANSLATE_NOOP("ImportFields", "Wagon and container numbers"),
}


def field_label(name: str) -> str:
    """A canonical field as the column choices show it: "Накладная (waybill)"."""
    label = QCoreApplication.translate("ImportFields", _FIELD_LABELS[name])
    return f"{label} ({name})"


#: Preview keys → the file's canonical column they come from.
_FIELD_OF = {
    "commodity_id": "commodity",
    "origin_station_id": "origin_station",
    "destination_station_id": "destination_station",
    "net_weight_kg": "net_tonnes",
}


def mapping_key(headers: tuple[str, ...]) -> str:
    """The key a header set's remembered mapping is stored under."""
    joined = "\x1f".join(normalize(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]  # noqa: S324 - a name, not a secret


class ImportDialog(QDialog):
    """Preview and import one file or pasted block of rows."""

    #: Emitted with the import's Summary after everything was written.
    imported = Signal(object)
    #: Emitted when a (re)reading of the data has finished, readable or not.
    analysed = Signal()

    def __init__(
        self,
        db: Database,
        data: bytes,
        source: str,
        *,
        runner: TaskRunner | None = None,
        settings: Settings | None = None,
        pasted: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(arg(self.tr("Import shipments — %1"), source))
        self.resize(1000, 640)
        self._db = db
        self._data = data
        self._source = source
        self._runner = runner or TaskRunner(self)
        self._settings = settings or Settings()
        self._plan: Plan | None = None
        self._headers: tuple[str, ...] = ()
        self._overrides: dict[int, str | None] = {}
        self._loading = False
        self.summary = None

        self._encoding = QComboBox(self)
        self._encoding.setObjectName("encoding")
        self._encoding.addItem(self.tr("Detect"), None)
        for name in ENCODINGS:
            self._encoding.addItem(name, name)
        self._separator = QComboBox(self)
        self._separator.setObjectName("separator")
        self._separator.addItem(self.tr("Detect"), None)
        for sep, label in _SEPARATORS:
            self._separator.addItem(QCoreApplication.translate("ImportDialog", label), sep)
        if pasted:  # spreadsheets put tab-separated text on the clipboard
            self._separator.setCurrentIndex(self._separator.findData("\t"))
            self._encoding.setEnabled(False)
        self._read_as = QLabel(self)
        self._read_as.setObjectName("readAs")
        self._read_as.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self._encoding)
        form.addRow(self.tr("&Separator:"), self._separator)
        form.addRow(self._read_as)

        self._columns = QTableWidget(0, 2, self)
        self._columns.setObjectName("columns")
        self._columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self._columns.horizontalHeader().setStretchLastSection(True)
        self._columns.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self._columns.verticalHeader().hide()
        self._preview = QTableWidget(0, len(_PREVIEW), self)
        self._preview.setObjectName("preview")
        self._preview.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ImportDialog", h) for _k, h in _PREVIEW]
        )
        self._preview.verticalHeader().hide()
        self._preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._preview.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self._problems = QListWidget(self)
        self._problems.setObjectName("problems")
        self._problems.currentItemChanged.connect(self._on_problems_current_item_changed)
        self._summary = QLabel(self)
        self._summary.setObjectName("summary")

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, splitter)
        top.addWidget(self._columns)
        top.addWidget(self._preview)
        top.setSizes([480, 620])  # room for "Станция назначения (destination_station)"
        splitter.addWidget(top)
        splitter.addWidget(self._problems)
        splitter.setSizes([420, 160])

        self._buttons = QDialogButtonBox(self)
        self._import = self._buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._import.setObjectName("importButton")
        self._import.setEnabled(False)
        self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self._on_buttons_accepted)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._summary)
        layout.addWidget(self._buttons)

        self._encoding.currentIndexChanged.connect(self._on_option_changed)
        self._separator.currentIndexChanged.connect(self._on_option_changed)
        self.analyse()

    # -- reading ------------------------------------------------------------------------------

    def options(self) -> Options:
        """The reading options as the widgets show them."""
        return Options(
            encoding=self._encoding.currentData(),
            separator=self._separator.currentData(),
            overrides=dict(self._overrides),
        )

    def current_plan(self) -> Plan | None:
        """The last analysis, or None while it runs or when the file is unreadable."""
        return self._plan

    def analyse(self) -> None:
        """Read and check the data again with the current options, in the background."""
        self._import.setEnabled(False)
        self._summary.setText(self.tr("Reading…"))
        options = self.options()
        data, db = self._data, self._db

        def work(progress: Any, cancel: Any) -> Plan:
            return plan(db, data, options, progress=progress, cancel=cancel)

        self.analysis_task = self._runner.run(
            work, on_done=self._on_plan_done, on_error=self._on_plan_failed
        )

    def _on_option_changed(self) -> None:
        if not self._loading:
            self.analyse()

    def _on_plan_failed(self, error: BaseException) -> None:
        self._plan = None
        if not isinstance(error, UserError):
            raise error
        self._problems.clear()
        if isinstance(error, ImportFileError) and error.problems:
            for problem in error.problems:
                self._problems.addItem(problem_text(problem))
        else:
            self._problems.addItem(error_detail(error))
        self._summary.setText(self.tr("The file cannot be read."))
        self.analysed.emit()

    def _on_plan_done(self, result: Plan) -> None:
        self._plan = result
        table = result.table
        if table.headers != self._headers:
            self._headers = table.headers
            remembered = self._remembered().get(mapping_key(table.headers))
            if remembered is not None and not self._overrides:
                self._overrides = {int(k): v for k, v in remembered.items()}
                self.analyse()  # again, with the remembered mapping
                return
        self._show_read_as(result)
        self._fill_columns(result)
        self._fill_preview(result)
        self._fill_problems(result)
        self._summary.setText(
            arg(
                self.tr("Will insert %1, update %2, leave %3 unchanged."),
                format_number(result.count("insert")),
                format_number(result.count("update")),
                format_number(result.count("unchanged")),
            )
            if result.ok
            else self.tr("Nothing can be imported until every problem is fixed.")
        )
        self._import.setEnabled(result.ok)
        self.analysed.emit()

    def _show_read_as(self, result: Plan) -> None:
        table = result.table
        if table.kind != "csv":
            text = arg(
                self.tr("Read as a workbook (%1), sheet “%2”."),
                table.kind.upper(),
                table.sheet or "",
            )
            self._encoding.setEnabled(False)
            self._separator.setEnabled(False)
        else:
            sep = dict(_SEPARATORS).get(table.separator or ",", "Comma")
            text = arg(
                self.tr("Read as %1, separated by: %2."),
                table.encoding or "",
                QCoreApplication.translate("ImportDialog", sep),
            )
            if table.encoding_assumed:
                text += " " + self.tr(
                    "The encoding was assumed: it is the one under which the names match the "
                    "database best. Change it above if the text looks wrong."
                )
        if table.header_row > 1:
            text += " " + arg(
                self.tr("The header is row %1; the rows above it are left out."), table.header_row
            )
        if table.skipped_rows:
            text += " " + arg(
                self.tr("Totals rows left out: %1."),
                ", ".join(str(n) for n in table.skipped_rows),
            )
        if result.mapping.unknown:
            text += " " + arg(self.tr("Ignored columns: %1."), ", ".join(result.mapping.unknown))
        if result.new_counterparties:
            text += " " + arg(
                self.tr("New counterparties: %1."), ", ".join(result.new_counterparties)
            )
        self._read_as.setText(text)

    # -- the three lists ----------------------------------------------------------------------

    def _fill_columns(self, result: Plan) -> None:
        self._loading = True
        self._columns.setRowCount(len(result.table.headers))
        fields = {index: name for name, index in result.mapping.columns.items()}
        for index, header in enumerate(result.table.headers):
            self._columns.setItem(index, 0, QTableWidgetItem(header))
            combo = QComboBox(self._columns)
            combo.addItem(self.tr("(ignore)"), None)
            for name in CANONICAL:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(fields.get(index))))
            combo.currentIndexChanged.connect(
                lambda _i, column=index, box=combo: self._on_field_chosen(column, box)
            )
            self._columns.setCellWidget(index, 1, combo)
        self._loading = False

    def import_button(self) -> QPushButton:
        """The button that starts the import (enabled only when every row is valid)."""
        return self._import

    def problem_list(self) -> QListWidget:
        """The list of problems; choosing one selects its row in the preview."""
        return self._problems

    def field_combo(self, column: int) -> QComboBox:
        """The field chooser of one column of the file (for tests and keyboard users)."""
        widget = self._columns.cellWidget(column, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def _on_field_chosen(self, column: int, box: QComboBox) -> None:
        if self._loading:
            return
        self._overrides[column] = box.currentData()
        remembered = self._remembered()
        remembered[mapping_key(self._headers)] = {str(k): v for k, v in self._overrides.items()}
        self._settings.set(keys.IMPORT_MAPPINGS, json.dumps(remembered))
        self.analyse()

    def _remembered(self) -> dict[str, dict[str, str | None]]:
        try:
            value = json.loads(self._settings.get(keys.IMPORT_MAPPINGS) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _fill_preview(self, result: Plan) -> None:
        bad = {p.row for p in result.problems if p.row is not None and p.row > 1}
        rows: list[tuple[int, dict[str, Any] | None, str]] = [
            (r.row, r.values, r.action) for r in result.rows[:PREVIEW_ROWS]
        ]
        rows += [(n, None, "") for n in sorted(bad)]
        rows.sort(key=lambda r: r[0])
        self._rows = [r[0] for r in rows]
        self._preview.setRowCount(len(rows))
        actions = {
            "insert": self.tr("new"),
            "update": self.tr("update"),
            "unchanged": self.tr("unchanged"),
        }
        raw_index = {n: i for i, n in enumerate(result.table.row_numbers) if n in bad}
        tips: dict[int, list[str]] = {}
        for problem in result.problems:
            if problem.row is not None:
                tips.setdefault(problem.row, []).append(problem_text(problem))
        for i, (number, values, action) in enumerate(rows):
            cells = [str(number), actions.get(action, self.tr("problem"))]
            if values is not None:
                cells += [self._shown(result, key, values.get(key)) for key, _h in _PREVIEW[2:]]
            else:  # a row with problems: the cells as written in the file
                cells += self._raw(result, raw_index.get(number))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if values is None:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                    item.setToolTip("\n".join(tips.get(number, [])))
                if column == len(_PREVIEW) - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self._preview.setItem(i, column, item)
        self._preview.resizeColumnsToContents()

    def _raw(self, result: Plan, index: int | None) -> list[str]:
        if index is None:
            return []
        cells = result.table.rows[index]
        out = []
        for key, _header in _PREVIEW[2:]:
            column = result.mapping.columns.get(_FIELD_OF.get(key, key))
            value = cells[column] if column is not None and column < len(cells) else None
            out.append("" if value is None else str(value))
        return out

    def _shown(self, result: Plan, key: str, value: Any) -> str:
        if value is None:
            return ""
        names = result.names
        # Stations and goods as the main table shows them: in the user's language if recorded.
        local = result.localized.get(name_language(), {})
        if key == "commodity_id":
            return local.get("commodity", {}).get(value) or names["commodity"].get(value, "")
        if key in ("origin_station_id", "destination_station_id"):
            return local.get("station", {}).get(value) or names["station"].get(value, "")
        if key == "supplier":
            return names["party"].get(value, value)
        if key == "departure_date":
            return format_date(value)
        if key == "net_weight_kg":
            return format_tonnes(value)
        if key == "status":
            return status_label(Status(value))
        return str(value)

    def _fill_problems(self, result: Plan) -> None:
        self._problems.clear()
        for problem in result.problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            self._problems.addItem(item)
        if result.more_problems:
            self._problems.addItem(arg(self.tr("and %1 more"), str(result.more_problems)))

    def _on_problems_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        row = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if row is None or row not in self._rows:
            return
        index = self._rows.index(row)
        self._preview.selectRow(index)
        self._preview.scrollToItem(self._preview.item(index, 0))

    def preview_row_selected(self) -> int | None:
        """The file row number selected in the preview (the one a problem jumped to)."""
        selected = self._preview.selectionModel().selectedRows()
        return self._rows[selected[0].row()] if selected else None

    # -- importing ----------------------------------------------------------------------------

    def _on_buttons_accepted(self) -> None:
        options, data, db, source = self.options(), self._data, self._db, self._source
        self._import.setEnabled(False)

        def work(progress: Any, cancel: Any) -> Any:
            return import_file(db, data, options, source=source, progress=progress, cancel=cancel)

        self.import_task = self._runner.run(
            work,
            on_done=self._on_import_done,
            on_error=self._on_import_failed,
            progress_parent=self,
            label=self.tr("Importing shipments…"),
        )

    def _on_import_done(self, summary: Any) -> None:
        self.summary = summary
        self.imported.emit(summary)
        self.accept()

    def _on_import_failed(self, error: BaseException) -> None:
        if is_cancelled(error):
            self._summary.setText(self.tr("Cancelled: nothing was imported."))
            self._import.setEnabled(True)
            return
        if not isinstance(error, UserError):
            raise error
        show_user_error(self, error, self.tr("Import refused"))
        self.analyse()
