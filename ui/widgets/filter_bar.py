"""The filter bar over the shipments table: every control becomes a WHERE in the database.

Reference fields (commodity, supplier, consignee, stations) accept a code or any name in any
language; the text is matched against the small reference lists held here and turned into ids,
so the database filters on indexed id columns. A text that matches nothing marks its field and
shows no rows (never silently all rows).

The reference lists are read after the window's first paint, on a worker (``ui.tasks``), so
they never hold up the table; a filter that needs them earlier (a restored reference text)
reads them on the spot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.rules.status import Status
from models.services import reference
from models.services.queries import Filter
from models.services.session import Database
from ui.i18n import arg, status_label
from ui.tasks import TaskRunner

#: A date edit at this date shows blank and means "no limit".
_NO_DATE = QDate(2000, 1, 1)
#: Filter ids for a reference text that matched nothing: no row has them.
_NOTHING = (-1,)


@dataclass
class _RefField:
    key: str
    filter_field: str
    #: Filled in when the reference lists arrive (see ``FilterBar._take_references``).
    names: dict[int, tuple[str, ...]]


def _match(names: dict[int, tuple[str, ...]], text: str) -> tuple[int, ...]:
    """Ids answering to ``text``: exact code or name first, else names containing it."""
    key = text.strip().casefold()
    if not key:
        return ()
    exact = tuple(i for i, ns in names.items() if key in ns)
    if exact:
        return exact
    return tuple(i for i, ns in names.items() if any(key in n for n in ns)) or _NOTHING


def _folded(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(v.strip().casefold() for v in values if v)


@dataclass(frozen=True)
class _References:
    """Each reference field's names per id and its completions, read off the GUI thread."""

    names: dict[str, dict[int, tuple[str, ...]]]
    completions: dict[str, list[str]]


def load_references(db: Database, **_task: Any) -> _References:
    """Stations, goods and counterparties as the reference fields match and complete them.

    Qt-free: runs on the worker (``_task``: the runner's progress and cancel, unused).
    """
    stations = reference.stations(db)
    station_names = {s.id: _folded(reference.station_names(s)) for s in stations}
    commodities = reference.commodities(db)
    parties = reference.counterparties(db)
    party_names = {p.id: _folded([p.name]) for p in parties}
    station_list = sorted({n for s in stations for n in reference.station_names(s) if n})
    party_list = [p.name for p in parties]
    return _References(
        names={
            "commodity": {c.id: _folded(reference.commodity_names(c)) for c in commodities},
            "supplier": party_names,
            "consignee": party_names,
            "origin": station_names,
            "border": station_names,
            "destination": station_names,
        },
        completions={
            "commodity": sorted(
                {n for c in commodities for n in reference.commodity_names(c) if n}
            ),
            "supplier": party_list,
            "consignee": party_list,
            "origin": station_list,
            "border": station_list,
            "destination": station_list,
        },
    )


class FilterBar(QWidget):
    """Free text, statuses, goods, parties, stations, date ranges and "late only"."""

    #: The filter changed (after a pause in typing); read it with :meth:`current_filter`.
    filter_changed = Signal()

    #: Milliseconds of no typing before the filter runs (each change is a database query).
    DELAY_MS = 250

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._applied: Filter | None = None

        self._text = self._line_edit(
            "filterText",
            self.tr("Search by waybill, train, wagon or container number, or notes…"),
        )
        self._text.returnPressed.connect(self._on_text_return_pressed)
        self._status_button = QToolButton(self)
        self._status_button.setObjectName("filterStatus")
        self._status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self._status_button)
        self._status_actions: dict[Status, QAction] = {}
        for status in Status:
            action = menu.addAction(status_label(status))
            action.setCheckable(True)
            action.toggled.connect(self._on_status_toggled)
            self._status_actions[status] = action
        self._status_button.setMenu(menu)
        self._late = QCheckBox(self.tr("&Late only"), self)
        self._late.setObjectName("filterLate")
        self._late.toggled.connect(self._on_control_changed)
        self._clear = QToolButton(self)
        self._clear.setObjectName("filterClear")
        self._clear.setText(self.tr("Clear filter"))
        self._clear.clicked.connect(self.clear)

        self._db = db
        #: Whether the reference lists are in (names to match, completions to offer).
        self._references_loaded = False
        self._runner: TaskRunner | None = None
        self._refs: dict[str, tuple[_RefField, QLineEdit]] = {}
        for key, field, hint in (
            ("commodity", "commodity_ids", self.tr("Commodity")),
            ("supplier", "supplier_ids", self.tr("Supplier")),
            ("consignee", "consignee_ids", self.tr("Consignee")),
            ("origin", "origin_station_ids", self.tr("From")),
            ("border", "border_station_ids", self.tr("Via border")),
            ("destination", "destination_station_ids", self.tr("To")),
        ):
            edit = self._line_edit("filter_" + key, hint)
            edit.setToolTip(self.tr("A code or any name (Latin, local, Chinese or Russian)"))
            self._refs[key] = (_RefField(key, field, {}), edit)

        self._dates = {
            key: self._date_edit("filter_" + key)
            for key in ("departure_from", "departure_to", "arrival_from", "arrival_to")
        }
        self._layout_controls()
        self._update_status_button()

    # -- building ---------------------------------------------------------------------------

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._on_text_changed)
        return edit

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))  # shown at the minimum: no limit
        edit.setDate(_NO_DATE)
        edit.dateChanged.connect(self._on_text_changed)
        return edit

    def _layout_controls(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._text, 3)
        top.addWidget(self._status_button)
        for key in ("commodity", "supplier", "consignee"):
            top.addWidget(self._refs[key][1], 1)
        top.addWidget(self._late)
        top.addWidget(self._clear)
        bottom = QHBoxLayout()
        for key in ("origin", "border", "destination"):
            bottom.addWidget(self._refs[key][1], 1)
        for label, first, last in (
            (self.tr("Departed"), "departure_from", "departure_to"),
            (self.tr("Arrived"), "arrival_from", "arrival_to"),
        ):
            bottom.addWidget(QLabel(label, self))
            bottom.addWidget(self._dates[first])
            bottom.addWidget(QLabel("–", self))
            bottom.addWidget(self._dates[last])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

    # -- public -----------------------------------------------------------------------------

    def text_edit(self) -> QLineEdit:
        """The free-text field."""
        return self._text

    def reference_edit(self, key: str) -> QLineEdit:
        """A reference field: commodity, supplier, consignee, origin, border, destination."""
        return self._refs[key][1]

    def date_edit(self, key: str) -> QDateEdit:
        """departure_from, departure_to, arrival_from or arrival_to."""
        return self._dates[key]

    def late_check(self) -> QCheckBox:
        """The "late only" box."""
        return self._late

    def status_action(self, status: Status) -> QAction:
        """The checkable menu entry of one status."""
        return self._status_actions[status]

    def status_button(self) -> QToolButton:
        """The button whose menu picks statuses."""
        return self._status_button

    def current_filter(self) -> Filter:
        """The filter the controls describe now."""
        if not self._references_loaded and any(e.text().strip() for _r, e in self._refs.values()):
            self.load_references()  # a reference text to match: the lists are needed now
        values: dict[str, Any] = {
            "text": self._text.text().strip(),
            "statuses": tuple(s for s, a in self._status_actions.items() if a.isChecked()),
            "late_only": self._late.isChecked(),
        }
        for ref, edit in self._refs.values():
            ids = _match(ref.names, edit.text())
            values[ref.filter_field] = ids
            unmatched = ids == _NOTHING
            edit.setProperty("unmatched", unmatched)
            edit.setStyleSheet("QLineEdit { border: 1px solid #d32f2f; }" if unmatched else "")
        for key, edit in self._dates.items():
            qd = edit.date()
            values[key] = None if qd == _NO_DATE else date(qd.year(), qd.month(), qd.day())
        return Filter(**values)

    def state(self) -> dict[str, Any]:
        """The controls as plain JSON-able values (texts, not ids), for settings and views."""
        state: dict[str, Any] = {
            "text": self._text.text(),
            "statuses": [s.value for s, a in self._status_actions.items() if a.isChecked()],
            "late_only": self._late.isChecked(),
        }
        for key, (_ref, edit) in self._refs.items():
            state[key] = edit.text()
        for key, edit in self._dates.items():
            qd = edit.date()
            state[key] = None if qd == _NO_DATE else qd.toString(Qt.DateFormat.ISODate)
        return state

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the controls back as :meth:`state` saved them, then apply at once."""
        self._quietly(lambda: self._restore(state))
        self.apply_now()

    def clear(self) -> None:
        """Empty every control and show all shipments."""
        self.set_state({})

    def toggle_late_only(self) -> None:
        """Turn "late only" on or off (Ctrl+L)."""
        self._late.toggle()

    def apply_now(self) -> None:
        """Apply the current controls without waiting for the typing pause."""
        self._timer.stop()
        self._update_status_button()
        flt = self.current_filter()
        if flt != self._applied:
            self._applied = flt
            self.filter_changed.emit()

    def load_references(self) -> None:
        """Read the reference lists now, on this thread, unless they are in already."""
        if not self._references_loaded:
            self._take_references(load_references(self._db))

    def references_loaded(self) -> bool:
        """Whether the reference fields can match names and complete them yet."""
        return self._references_loaded

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the reference lists have been read (tests, shutdown).

        They still arrive through a queued signal: process events afterwards.
        """
        return self._runner is None or self._runner.wait(msecs)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._references_loaded and self._runner is None:
            # Queued from the window's first paint, so it runs after that paint: the table's
            # first rows never share the GIL with the worker's reads.
            QTimer.singleShot(0, self, self._start_loading_references)

    # -- helpers ----------------------------------------------------------------------------

    def _start_loading_references(self) -> None:
        if self._references_loaded or self._runner is not None:
            return
        self._runner = TaskRunner(self)
        db = self._db
        self._runner.run(
            lambda **task: load_references(db, **task),
            on_done=self._take_references,
            on_error=self._on_references_failed,
        )

    def _take_references(self, refs: _References) -> None:
        if self._references_loaded:
            return  # read on the spot meanwhile
        self._references_loaded = True
        for key, (ref, edit) in self._refs.items():
            ref.names = refs.names[key]
            completer = QCompleter(refs.completions[key], edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

    def _on_references_failed(self, _error: BaseException) -> None:
        # Read again on the spot when a reference text needs them (the error shows there).
        self._runner = None

    def _restore(self, state: dict[str, Any]) -> None:
        self._text.setText(str(state.get("text") or ""))
        statuses = set(state.get("statuses") or [])
        for status, action in self._status_actions.items():
            action.setChecked(status.value in statuses)
        self._late.setChecked(bool(state.get("late_only")))
        for key, (_ref, edit) in self._refs.items():
            edit.setText(str(state.get(key) or ""))
        for key, edit in self._dates.items():
            value = state.get(key)
            qd = QDate.fromString(value, Qt.DateFormat.ISODate) if value else _NO_DATE
            edit.setDate(qd if qd.isValid() else _NO_DATE)

    def _quietly(self, change: Callable[[], None]) -> None:
        widgets = [self._text, self._late, *self._dates.values()]
        widgets += [edit for _ref, edit in self._refs.values()]
        widgets += list(self._status_actions.values())  # type: ignore[arg-type]
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            change()
        finally:
            for w, was in zip(widgets, blocked, strict=True):
                w.blockSignals(was)

    def _update_status_button(self) -> None:
        chosen = [s for s, a in self._status_actions.items() if a.isChecked()]
        if not chosen:
            self._status_button.setText(self.tr("All statuses"))
        elif len(chosen) == 1:
            self._status_button.setText(status_label(chosen[0]))
        else:
            self._status_button.setText(arg(self.tr("%1 statuses"), len(chosen)))

    # -- slots ------------------------------------------------------------------------------

    def _on_text_changed(self, *_args: object) -> None:
        self._timer.start()  # restarts: only a pause in typing runs a query

    def _on_text_return_pressed(self) -> None:
        self.apply_now()

    def _on_control_changed(self, *_args: object) -> None:
        self.apply_now()

    def _on_status_toggled(self, _checked: bool) -> None:
        self.apply_now()

    def _on_timer_timeout(self) -> None:
        self.apply_now()
