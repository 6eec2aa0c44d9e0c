"""What each reference data editor shows and edits: columns, form fields, service calls.

Headers and labels are marked with QT_TRANSLATE_NOOP and translated where shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.rules.identifiers import CODE_SYSTEM_1520
from models.services import reference
from models.services import reference_editing as editing
from models.services.session import Database
from ui.i18n import format_date, format_tonnes
from ui.pages.reference_models import ColumnSpec


@dataclass(frozen=True)
class FieldSpec:
    """One form field of a reference editor.

    ``editor`` is "text", "choice", "picker", "tonnes", "date" or "decimal"; ``choices`` lists a
    choice's values, or names the kind a picker picks from.
    """

    name: str
    label: str
    editor: str = "text"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindSpec:
    """A reference kind: its table columns, form fields and service calls."""

    key: str
    title: str
    columns: tuple[ColumnSpec, ...]
    fields: tuple[FieldSpec, ...]
    load: Callable[[Database], list[Any]]
    save: Callable[[Database, dict[str, Any], int | None], Any]
    delete: Callable[[Database, int], None]


#: Stored role and code-system values, marked for translation where shown.
VALUE_LABELS = (
    QT_TRANSLATE_NOOP("ReferenceValues", "origin"),
    QT_TRANSLATE_NOOP("ReferenceValues", "border"),
    QT_TRANSLATE_NOOP("ReferenceValues", "destination"),
    QT_TRANSLATE_NOOP("ReferenceValues", "other"),
    QT_TRANSLATE_NOOP("ReferenceValues", "supplier"),
    QT_TRANSLATE_NOOP("ReferenceValues", "consignee"),
    QT_TRANSLATE_NOOP("ReferenceValues", "forwarder"),
)


def value_label(value: str) -> str:
    """A stored value such as a role, as shown (translated)."""
    return QCoreApplication.translate("ReferenceValues", value)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _values(ref: Any, spec: KindSpec) -> dict[str, Any]:
    return {f.name: getattr(ref, f.name) for f in spec.fields}


def values_of(ref: Any, spec: KindSpec) -> dict[str, Any]:
    """The form values of a stored row."""
    return _values(ref, spec)


def _save_station(db: Database, v: dict[str, Any], row_id: int | None) -> Any:
    return editing.save_station(db, editing.StationInput(**v), row_id)


def _save_commodity(db: Database, v: dict[str, Any], row_id: int | None) -> Any:
    return editing.save_commodity(db, editing.CommodityInput(**v), row_id)


def _save_party(db: Database, v: dict[str, Any], row_id: int | None) -> Any:
    return editing.save_counterparty(db, v["name"], v["role"], v["country"], row_id)


def _save_contract(db: Database, v: dict[str, Any], row_id: int | None) -> Any:
    values = dict(v)
    values["supplier_id"] = values["supplier_id"] or 0
    values["commodity_id"] = values["commodity_id"] or 0
    values["quantity_kg"] = values["quantity_kg"] or 0
    values["tolerance_pct"] = values["tolerance_pct"] or Decimal(0)
    return editing.save_contract(db, editing.ContractInput(**values), row_id)


STATIONS = KindSpec(
    "station",
    QT_TRANSLATE_NOOP("ReferenceDialog", "Stations"),
    (
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Name"), lambda r: r.name),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Local name"), lambda r: _s(r.local_name)),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Chinese"), lambda r: _s(r.name_zh)),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Code"), lambda r: _s(r.code)),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Country"), lambda r: r.country),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Role"), lambda r: value_label(r.role)),
    ),
    (
        FieldSpec("name", QT_TRANSLATE_NOOP("ReferenceDialog", "&Name (Latin):")),
        FieldSpec("code", QT_TRANSLATE_NOOP("ReferenceDialog", "&Code:")),
        FieldSpec(
            "code_system",
            QT_TRANSLATE_NOOP("ReferenceDialog", "Code s&ystem:"),
            "choice",
            (CODE_SYSTEM_1520, "CN"),
        ),
        FieldSpec("local_name", QT_TRANSLATE_NOOP("ReferenceDialog", "&Local name:")),
        FieldSpec("name_zh", QT_TRANSLATE_NOOP("ReferenceDialog", "C&hinese name:")),
        FieldSpec("name_ru", QT_TRANSLATE_NOOP("ReferenceDialog", "&Russian name:")),
        FieldSpec("country", QT_TRANSLATE_NOOP("ReferenceDialog", "Co&untry (ISO):")),
        FieldSpec(
            "role", QT_TRANSLATE_NOOP("ReferenceDialog", "R&ole:"), "choice", editing.STATION_ROLES
        ),
        FieldSpec("unlocode", QT_TRANSLATE_NOOP("ReferenceDialog", "UN/LO&CODE:")),
    ),
    reference.stations,
    _save_station,
    editing.delete_station,
)

COMMODITIES = KindSpec(
    "commodity",
    QT_TRANSLATE_NOOP("ReferenceDialog", "Goods"),
    (
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "HS code"), lambda r: r.hs_code),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Name"), lambda r: r.name),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Chinese"), lambda r: _s(r.name_zh)),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Russian"), lambda r: _s(r.name_ru)),
    ),
    (
        FieldSpec("hs_code", QT_TRANSLATE_NOOP("ReferenceDialog", "&HS code:")),
        FieldSpec("name", QT_TRANSLATE_NOOP("ReferenceDialog", "&Name:")),
        FieldSpec("name_zh", QT_TRANSLATE_NOOP("ReferenceDialog", "C&hinese name:")),
        FieldSpec("name_ru", QT_TRANSLATE_NOOP("ReferenceDialog", "&Russian name:")),
    ),
    reference.commodities,
    _save_commodity,
    editing.delete_commodity,
)

COUNTERPARTIES = KindSpec(
    "counterparty",
    QT_TRANSLATE_NOOP("ReferenceDialog", "Counterparties"),
    (
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Name"), lambda r: r.name),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Role"), lambda r: value_label(r.role)),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Country"), lambda r: _s(r.country)),
    ),
    (
        FieldSpec("name", QT_TRANSLATE_NOOP("ReferenceDialog", "&Name:")),
        FieldSpec(
            "role",
            QT_TRANSLATE_NOOP("ReferenceDialog", "R&ole:"),
            "choice",
            reference.COUNTERPARTY_ROLES,
        ),
        FieldSpec("country", QT_TRANSLATE_NOOP("ReferenceDialog", "Co&untry (ISO):")),
    ),
    reference.counterparties,
    _save_party,
    editing.delete_counterparty,
)

CONTRACTS = KindSpec(
    "contract",
    QT_TRANSLATE_NOOP("ReferenceDialog", "Contracts"),
    (
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Number"), lambda r: r.number),
        ColumnSpec(
            QT_TRANSLATE_NOOP("ReferenceColumns", "Quantity, t"),
            lambda r: format_tonnes(r.quantity_kg),
            align_right=True,
        ),
        ColumnSpec(
            QT_TRANSLATE_NOOP("ReferenceColumns", "From"), lambda r: format_date(r.period_start)
        ),
        ColumnSpec(
            QT_TRANSLATE_NOOP("ReferenceColumns", "To"), lambda r: format_date(r.period_end)
        ),
        ColumnSpec(QT_TRANSLATE_NOOP("ReferenceColumns", "Currency"), lambda r: _s(r.currency)),
    ),
    (
        FieldSpec("number", QT_TRANSLATE_NOOP("ReferenceDialog", "&Number:")),
        FieldSpec(
            "supplier_id",
            QT_TRANSLATE_NOOP("ReferenceDialog", "&Supplier:"),
            "picker",
            ("counterparty",),
        ),
        FieldSpec(
            "commodity_id",
            QT_TRANSLATE_NOOP("ReferenceDialog", "&Goods:"),
            "picker",
            ("commodity",),
        ),
        FieldSpec("quantity_kg", QT_TRANSLATE_NOOP("ReferenceDialog", "&Quantity, t:"), "tonnes"),
        FieldSpec("period_start", QT_TRANSLATE_NOOP("ReferenceDialog", "&From:"), "date"),
        FieldSpec("period_end", QT_TRANSLATE_NOOP("ReferenceDialog", "&To:"), "date"),
        FieldSpec("price", QT_TRANSLATE_NOOP("ReferenceDialog", "&Price per t:"), "decimal"),
        FieldSpec("currency", QT_TRANSLATE_NOOP("ReferenceDialog", "&Currency:")),
        FieldSpec(
            "tolerance_pct", QT_TRANSLATE_NOOP("ReferenceDialog", "T&olerance, %:"), "decimal"
        ),
    ),
    reference.contracts,
    _save_contract,
    editing.delete_contract,
)

KINDS = {k.key: k for k in (STATIONS, COMMODITIES, COUNTERPARTIES, CONTRACTS)}
