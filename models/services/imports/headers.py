"""Column headers in English, Chinese or Russian, mapped to the canonical field names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Canonical header → the other names it is known by (matched case-insensitively, trimmed).
ALIASES: dict[str, tuple[str, ...]] = {
    "waybill": ("运单号", "Накладная", "waybill no", "waybill number", "Номер накладной"),
    "train_no": ("车次", "Поезд", "train", "train number", "Номер поезда"),
    "commodity": ("货物", "Груз", "goods", "品名"),
    "supplier": ("供应商", "Поставщик", "shipper", "发货人", "Грузоотправитель"),
    "consignee": ("收货人", "Грузополучатель"),
    "origin_station": ("发站", "Станция отправления", "origin", "from"),
    "border_station": ("口岸站", "Пограничная станция", "border"),
    "destination_station": ("到站", "Станция назначения", "destination", "to"),
    "departure_date": ("发车日期", "Дата отправления", "departure", "departed"),
    "eta": ("预计到达", "Ожидаемое прибытие", "expected arrival"),
    "arrival_date": ("到达日期", "Дата прибытия", "arrival", "arrived"),
    "status": ("状态", "Статус"),
    "net_tonnes": ("净重(吨)", "Вес нетто, т", "net weight, t", "net t", "净重（吨）", "净重"),
    "wagons": ("车皮数", "Вагонов", "Вагоны"),
    "containers": ("集装箱数", "Контейнеров", "Контейнеры"),
    "contract": ("合同号", "Договор", "contract no"),
    "notes": ("备注", "Примечание", "note", "comments"),
    # Wagon and container numbers, several in a cell, separated by ";", "," or spaces.
    "units": (
        "箱号",
        "集装箱号",
        "车号",
        "箱号/车号",
        "Номера вагонов",
        "Номера контейнеров",
        "Номера вагонов/контейнеров",
        "unit numbers",
        "wagon numbers",
        "container numbers",
        "wagons/containers",
    ),
}

#: The canonical headers in the order exports write them.
CANONICAL: tuple[str, ...] = tuple(ALIASES)

#: Columns every file must have.
REQUIRED: tuple[str, ...] = (
    "waybill",
    "commodity",
    "origin_station",
    "destination_station",
    "departure_date",
    "net_tonnes",
)


def normalize(header: str) -> str:
    """A header as it is compared: trimmed, case-folded, inner runs of space made one.

    Full-width brackets and underscores are folded too, so "Net_Tonnes" and "净重（吨）" match.
    """
    text = header.replace("\ufeff", "").replace("（", "(").replace("）", ")")
    text = text.replace("_", " ")
    return " ".join(text.split()).casefold()


_LOOKUP: dict[str, str] = {}
for _canonical, _names in ALIASES.items():
    for _name in (_canonical, *_names):
        _LOOKUP[normalize(_name)] = _canonical


def recognise(header: str) -> str | None:
    """The canonical name of ``header``, or None if it is not one Railgrain knows."""
    return _LOOKUP.get(normalize(header))


@dataclass(frozen=True)
class Mapping:
    """Which column of the file feeds which field.

    ``columns`` maps a canonical name to the 0-based column index in the file.
    """

    columns: dict[str, int]
    headers: tuple[str, ...]
    #: Headers not recognised: listed and ignored.
    unknown: tuple[str, ...]
    #: Required canonical names no column feeds.
    missing: tuple[str, ...]
    #: Canonical names fed by more than one column (the first one wins).
    duplicated: tuple[str, ...] = ()

    def header_of(self, field: str) -> str:
        """The header text of the file's column for ``field`` (for messages)."""
        index = self.columns.get(field)
        return self.headers[index].strip() if index is not None else field


def map_headers(headers: Sequence[str], overrides: dict[int, str | None] | None = None) -> Mapping:
    """Recognise each header; ``overrides`` (column index → canonical name or None) win.

    Args:
        headers: The header row as read.
        overrides: The user's choices in the preview, e.g. {3: "supplier", 7: None}.

    Returns:
        The mapping, with unknown, missing and duplicated names listed.
    """
    overrides = overrides or {}
    columns: dict[str, int] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for index, header in enumerate(headers):
        field = overrides[index] if index in overrides else recognise(header)
        if field is None:
            if header.strip():
                unknown.append(header.strip())
            continue
        if field in columns:
            duplicated.append(field)
            continue
        columns[field] = index
    missing = tuple(name for name in REQUIRED if name not in columns)
    return Mapping(columns, tuple(headers), tuple(unknown), missing, tuple(duplicated))


def header_score(headers: Sequence[str]) -> int:
    """How many headers Railgrain recognises: how encodings and separators are judged."""
    return sum(recognise(h) is not None for h in headers)
