"""The shipments table's columns, declared once: header, alignment, sort key and value.

The table model, the header's sort handling and (later) exports of the visible columns all read
this one table. Headers are marked with ``QT_TRANSLATE_NOOP`` and translated at display time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from models.rules.status import Status
from models.services.queries import SORT_COLUMNS, ShipmentRow
from ui.i18n import format_date, format_number, format_tonnes, status_label
from ui.item_models.formats import format_datetime

#: The translation context of the headers.
CONTEXT = "ShipmentColumns"

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# A date near the widest any short format writes (two-digit day and month).
_SAMPLE_DATE = date(2025, 12, 28)


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the shipments table."""

    #: Stable name, used in saved header states and exports.
    key: str
    #: English header, marked for translation; show it through :meth:`title`.
    header: str
    #: The text shown, from a row and the day "late" is judged against.
    display: Callable[[ShipmentRow, date], str]
    #: The raw value behind the text (a date, kg, a count), for SortRole and exports.
    value: Callable[[ShipmentRow, date], object]
    alignment: Qt.AlignmentFlag = LEFT
    #: The key of ``queries.SORT_COLUMNS`` that orders by this column; None: not sortable.
    sort_key: str | None = None
    #: Text about as wide as the column usually needs, to size it without reading rows.
    #: Longer names are elided; the tooltip shows them whole.
    sample: Callable[[], str] = lambda: "M" * 10
    #: The editor kind (see ``EDITORS``) for in-table editing; None: read-only.
    editor: str | None = None

    def title(self) -> str:
        """The header in the user's language."""
        return QCoreApplication.translate(CONTEXT, self.header)


#: Editor kinds: which delegate edits the cell and which service saves it.
EDITORS = ("status", "eta", "arrival_date", "arrived_weight", "notes")


def route(row: ShipmentRow) -> str:
    """Origin → border → destination (the border only when known)."""
    stations = [row.origin, row.border, row.destination]
    return " → ".join(s for s in stations if s)


def _tonnes_or_blank(kg: int | None) -> str:
    return "" if kg is None else format_tonnes(kg)


def _signed_tonnes(kg: int | None) -> str:
    if kg is None:
        return ""
    text = format_tonnes(kg)
    return "+" + text if kg > 0 else text


def _days_text(days: int | None) -> str:
    return "" if days is None else format_number(days)


def _last_event(row: ShipmentRow) -> str:
    if row.last_event_at is None:
        return ""
    when = format_datetime(row.last_event_at)
    return f"{row.last_event_station}, {when}" if row.last_event_station else when


def _days_late_text(row: ShipmentRow, today: date) -> str:
    late = row.days_late(today)
    return format_number(late) if late else ""


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        "waybill",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Waybill"),
        lambda r, _t: r.waybill,
        lambda r, _t: r.waybill,
        sort_key="waybill",
        sample=lambda: "0000000000",
    ),
    ColumnSpec(
        "train_no",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Train"),
        lambda r, _t: r.train_no,
        lambda r, _t: r.train_no,
        sort_key="train_no",
        sample=lambda: "XAP-000000-00",
    ),
    ColumnSpec(
        "commodity",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Commodity"),
        lambda r, _t: r.commodity,
        lambda r, _t: r.commodity,
        sort_key="commodity",
        sample=lambda: "Flaxseed (linseed)",
    ),
    ColumnSpec(
        "supplier",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Supplier"),
        lambda r, _t: r.supplier,
        lambda r, _t: r.supplier,
        sort_key="supplier",
        sample=lambda: "Kostanay Linseed Company",
    ),
    ColumnSpec(
        "consignee",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Consignee"),
        lambda r, _t: r.consignee,
        lambda r, _t: r.consignee,
        sample=lambda: "Shaanxi Land Port Grain & Oil",
    ),
    ColumnSpec(
        "route",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Route"),
        lambda r, _t: route(r),
        lambda r, _t: route(r),
        sample=lambda: "Petropavl → Alashankou → Xi'an Int. Port",
    ),
    ColumnSpec(
        "departure_date",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Departure"),
        lambda r, _t: format_date(r.departure_date),
        lambda r, _t: r.departure_date,
        RIGHT,
        sort_key="departure_date",
        sample=lambda: format_date(_SAMPLE_DATE),
    ),
    ColumnSpec(
        "eta",
        QT_TRANSLATE_NOOP("ShipmentColumns", "ETA"),
        lambda r, _t: format_date(r.eta),
        lambda r, _t: r.eta,
        RIGHT,
        sort_key="eta",
        sample=lambda: format_date(_SAMPLE_DATE),
        editor="eta",
    ),
    ColumnSpec(
        "arrival_date",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Arrival"),
        lambda r, _t: format_date(r.arrival_date),
        lambda r, _t: r.arrival_date,
        RIGHT,
        sort_key="arrival_date",
        sample=lambda: format_date(_SAMPLE_DATE),
        editor="arrival_date",
    ),
    ColumnSpec(
        "status",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Status"),
        lambda r, _t: status_label(r.status),
        lambda r, _t: r.status.value,
        sort_key="status",
        # the icon's width comes on top of the longest label
        sample=lambda: "MM" + max((status_label(s) for s in Status), key=len),
        editor="status",
    ),
    ColumnSpec(
        "days_in_transit",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Days in transit"),
        lambda r, t: _days_text(r.days_in_transit(t)),
        lambda r, t: r.days_in_transit(t),
        RIGHT,
        sample=lambda: "000",
    ),
    ColumnSpec(
        "days_late",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Days late"),
        _days_late_text,
        lambda r, t: r.days_late(t),
        RIGHT,
        sample=lambda: "MM 000",
    ),
    ColumnSpec(
        "net_weight_kg",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Net, t"),
        lambda r, _t: format_tonnes(r.net_weight_kg),
        lambda r, _t: r.net_weight_kg,
        RIGHT,
        sort_key="net_weight_kg",
        sample=lambda: format_tonnes(1_400_000),
    ),
    ColumnSpec(
        "arrived_weight_kg",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Arrived, t"),
        lambda r, _t: _tonnes_or_blank(r.arrived_weight_kg),
        lambda r, _t: r.arrived_weight_kg,
        RIGHT,
        sample=lambda: format_tonnes(1_400_000),
        editor="arrived_weight",
    ),
    ColumnSpec(
        "weight_difference_kg",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Difference, t"),
        lambda r, _t: _signed_tonnes(r.weight_difference_kg()),
        lambda r, _t: r.weight_difference_kg(),
        RIGHT,
        sample=lambda: "+" + format_tonnes(100_000),
    ),
    ColumnSpec(
        "wagons",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Wagons"),
        lambda r, _t: format_number(r.wagons),
        lambda r, _t: r.wagons,
        RIGHT,
        sample=lambda: "000",
    ),
    ColumnSpec(
        "containers",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Containers"),
        lambda r, _t: format_number(r.containers),
        lambda r, _t: r.containers,
        RIGHT,
        sample=lambda: "000",
    ),
    ColumnSpec(
        "contract",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Contract"),
        lambda r, _t: r.contract or "",
        lambda r, _t: r.contract,
        sort_key="contract",
        sample=lambda: "AFM-0000-2026",
    ),
    ColumnSpec(
        "last_event",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Last event"),
        lambda r, _t: _last_event(r),
        lambda r, _t: r.last_event_at,
        sample=lambda: "Alashankou, " + format_datetime(datetime(2025, 12, 28, 23, 59)),
    ),
    ColumnSpec(
        "notes",
        QT_TRANSLATE_NOOP("ShipmentColumns", "Notes"),
        lambda r, _t: (r.notes or "").replace("\n", " "),
        lambda r, _t: r.notes,
        sample=lambda: "M" * 16,
        editor="notes",
    ),
)

# A sort key that queries does not know would only fail when a user clicks the header.
assert all(c.sort_key is None or c.sort_key in SORT_COLUMNS for c in COLUMNS)
assert all(c.editor is None or c.editor in EDITORS for c in COLUMNS)


def column_of(key: str) -> int:
    """The column number of a ColumnSpec key.

    Raises:
        KeyError: No column has that key.
    """
    for i, spec in enumerate(COLUMNS):
        if spec.key == key:
            return i
    raise KeyError(key)


def column_of_sort_key(sort_key: str) -> int | None:
    """The column that sorts by ``sort_key``, or None when no column does."""
    return next((i for i, c in enumerate(COLUMNS) if c.sort_key == sort_key), None)
