"""Pickers for stations, goods and counterparties that accept any of their names or codes.

A picker is a QLineEdit with a QCompleter over every alias of every row (Kostanay, Қостанай,
Костанай, 科斯塔奈, 684001 all find the same station); matching ignores case. The rows come from
``models.services.reference`` once per dialog: reference tables are small.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from models.services.reference import (
    CommodityRef,
    ContractRef,
    CounterpartyRef,
    StationRef,
    commodity_names,
    station_names,
)
from ui.i18n import commodity_label, station_label

#: The role the completer matches on and inserts: one alias of the row.
AliasRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Choice:
    """One row a picker can pick: its id, the name shown once picked, and all it answers to."""

    id: int
    label: str
    aliases: tuple[str, ...]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def station_choices(rows: Iterable[StationRef]) -> list[Choice]:
    """Stations by code and by their Latin, local, Chinese and Russian names."""
    result = []
    for s in rows:
        name = station_label(s)  # in the user's language where recorded
        label = f"{name} ({s.code})" if s.code else name
        result.append(Choice(s.id, label, tuple(n for n in station_names(s) if n)))
    return result


def commodity_choices(rows: Iterable[CommodityRef]) -> list[Choice]:
    """Goods by HS code and by their names."""
    return [
        Choice(
            c.id, f"{commodity_label(c)} ({c.hs_code})", tuple(n for n in commodity_names(c) if n)
        )
        for c in rows
    ]


def counterparty_choices(rows: Iterable[CounterpartyRef]) -> list[Choice]:
    """Suppliers, consignees and forwarders by name."""
    return [Choice(c.id, c.name, (c.name,)) for c in rows]


def contract_choices(rows: Iterable[ContractRef]) -> list[Choice]:
    """Contracts by number."""
    return [Choice(c.id, c.number, (c.number,)) for c in rows]


class ReferencePicker(QLineEdit):
    """A line edit that resolves what is typed to one reference row's id."""

    #: The resolved id changed (None: blank, unknown or ambiguous text).
    id_changed = Signal(object)

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = {c.id: c for c in choices}
        self._by_alias: dict[str, set[int]] = {}
        model = QStandardItemModel(self)
        for choice in choices:
            for alias in dict.fromkeys((*choice.aliases, choice.label)):
                self._by_alias.setdefault(_fold(alias), set()).add(choice.id)
                item = QStandardItem(
                    alias if alias == choice.label else f"{alias} — {choice.label}"
                )
                item.setData(alias, AliasRole)
                item.setEditable(False)
                model.appendRow(item)
        completer = QCompleter(model, self)
        completer.setCompletionRole(AliasRole)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self._id: int | None = None
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def current_id(self) -> int | None:
        """The id of the row the text names, or None."""
        return self._id

    def set_current_id(self, row_id: int | None) -> None:
        """Show the row with this id (or nothing)."""
        choice = self._choices.get(row_id) if row_id is not None else None
        self.setText(choice.label if choice else "")
        self.setCursorPosition(0)  # a long name shows its start

    def label_of(self, row_id: int | None) -> str:
        """The name shown for an id (for messages such as a conflict's differences)."""
        choice = self._choices.get(row_id) if row_id is not None else None
        return choice.label if choice else ""

    def problem(self) -> str | None:
        """Why the text names no row, or None when it names one or is blank."""
        text = self.text().strip()
        if not text or self._id is not None:
            return None
        if len(self._by_alias.get(_fold(text), ())) > 1:
            return QCoreApplication.translate(
                "ReferencePicker", "More than one entry has this name; pick one from the list."
            )
        return QCoreApplication.translate(
            "ReferencePicker", "Not in the list; type a name or code and pick from the list."
        )

    def _on_text_changed(self, text: str) -> None:
        ids = self._by_alias.get(_fold(text), set())
        new = next(iter(ids)) if len(ids) == 1 else None
        if new != self._id:
            self._id = new
            self.id_changed.emit(new)

    def _on_editing_finished(self) -> None:
        # Show the canonical name once the text names exactly one row.
        if self._id is not None and not self.completer().popup().isVisible():
            label = self._choices[self._id].label
            if self.text() != label:
                self.setText(label)
