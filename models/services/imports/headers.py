"""Column headers in English, Chinese, Russian or Kazakh, mapped to the canonical field names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Canonical header → the other names it is known by (matched case-insensitively, trimmed).
ALIASES: dict[str, tuple[str, ...]] = {
    "waybill": (
        "运单号",
        "运单编号",
        "Накладная",
        "Накладная №",
        "№ накладной",
        "Номер накладной",
        "waybill no",
        "waybill number",
        "SMGS",
        "СМГС",
        "Жүкқұжат",
        "Жүкқұжат нөмірі",
    ),
    "train_no": (
        "车次",
        "班列号",
        "Поезд",
        "№ поезда",
        "Номер поезда",
        "train",
        "train number",
        "Пойыз",
        "Пойыз нөмірі",
    ),
    "commodity": (
        "货物",
        "品名",
        "货物名称",
        "Груз",
        "Наименование груза",
        "Наименование товара",
        "货名",
        "commodity name",
        "Товар",
        "goods",
        "cargo",
        "product",
        "Жүк",
        "Жүктің атауы",
    ),
    "supplier": (
        "供应商",
        "发货人",
        "Поставщик",
        "Грузоотправитель",
        "Отправитель",
        "shipper",
        "consignor",
        "seller",
        "Жеткізуші",
        "Жүк жөнелтуші",
    ),
    "consignee": (
        "收货人",
        "收货单位",
        "Грузополучатель",
        "Получатель",
        "buyer",
        "Жүк алушы",
        "Алушы",
    ),
    "origin_station": (
        "发站",
        "始发站",
        "Станция отправления",
        "Ст. отправления",
        "Ст. отпр",
        "Станция отпр",
        "Станция отгрузки",
        "发运站",
        "departure station",
        "station of departure",
        "origin",
        "origin station",
        "from",
        "Жөнелту станциясы",
    ),
    "border_station": (
        "口岸站",
        "口岸",
        "Пограничная станция",
        "Погранпереход",
        "Пограничный переход",
        "border",
        "border crossing",
        "Шекаралық станция",
        "Шекара өткелі",
    ),
    "destination_station": (
        "到站",
        "到达站",
        "目的站",
        "Станция назначения",
        "Ст. назначения",
        "Ст. назн",
        "Станция назн",
        "arrival station",
        "station of destination",
        "destination",
        "destination station",
        "to",
        "Баратын станция",
        "Межелі станция",
    ),
    "departure_date": (
        "发车日期",
        "发运日期",
        "Дата отправления",
        "Дата отгрузки",
        "Дата отправки",
        "Дата отгр",
        "发货日期",
        "dep. date",
        "departure",
        "departure date",
        "departed",
        "Жөнелтілген күні",
        "Жөнелту күні",
    ),
    "eta": (
        "预计到达",
        "预计到达日期",
        "Ожидаемое прибытие",
        "expected arrival",
        "Күтілетін келу күні",
    ),
    "arrival_date": (
        "到达日期",
        "实际到达",
        "Дата прибытия",
        "arrival",
        "arrival date",
        "arrived",
        "Келген күні",
        "Келу күні",
    ),
    "status": ("状态", "Статус", "Мәртебесі", "Мәртебе", "Күйі"),
    "net_tonnes": (
        "净重(吨)",
        "净重(t)",
        "净重",
        "Вес нетто, т",
        "Вес нетто (т)",
        "Масса нетто, т",
        "Нетто, т",
        "Таза салмағы, т",
        "Таза салмақ, т",
        "net weight",
        "吨数",
        "net weight, t",
        "net weight (t)",
        "net t",
        # Kilograms (SMGS waybills state kg): read as such, see in_kilograms().
        "net_kg",
        "net kg",
        "net weight, kg",
        "net weight (kg)",
        "净重(公斤)",
        "净重(千克)",
        "净重(kg)",
        "Вес нетто, кг",
        "Вес нетто (кг)",
        "Масса нетто, кг",
        "Нетто, кг",
        "Таза салмағы, кг",
    ),
    "wagons": (
        "车皮数",
        "车数",
        "Вагонов",
        "Вагоны",
        "Кол-во вагонов",
        "Количество вагонов",
        "Вагон саны",
        "Вагондар саны",
    ),
    "containers": (
        "集装箱数",
        "箱数",
        "Контейнеров",
        "Контейнеры",
        "Кол-во контейнеров",
        "Количество контейнеров",
        "Контейнер саны",
        "Контейнерлер саны",
    ),
    "contract": (
        "合同号",
        "合同编号",
        "Договор",
        "№ договора",
        "Контракт",
        "contract no",
        "Шарт",
        "Келісімшарт",
    ),
    "notes": (
        "备注",
        "说明",
        "Примечание",
        "Примечания",
        "note",
        "comments",
        "remarks",
        "Ескертпе",
    ),
    # Wagon and container numbers, several in a cell, separated by ";", "," or spaces.
    "units": (
        "箱号",
        "集装箱号",
        "车号",
        "箱号/车号",
        "Номера вагонов",
        "Номера контейнеров",
        "Номера вагонов/контейнеров",
        "Номер вагона",
        "№ вагона",
        "Номер контейнера",
        "№ контейнера",
        "wagon no",
        "container no",
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

    Full-width brackets and underscores are folded too, so "Net_Tonnes" and "净重（吨）" match,
    and a trailing full stop or colon ("Waybill No.", "Груз:") is dropped.
    """
    text = header.replace("\ufeff", "").replace("（", "(").replace("）", ")")
    text = text.replace("_", " ").strip().rstrip(".:：").strip()
    return " ".join(text.split()).casefold()


_LOOKUP: dict[str, str] = {}
for _canonical, _names in ALIASES.items():
    for _name in (_canonical, *_names):
        _LOOKUP[normalize(_name)] = _canonical


#: The net weight's name without its unit; the unit after it decides tonnes or kilograms
#: ("Вес нетто, тн", "Net weight (MT)", "净重/吨", "Weight, kg"). Gross is never taken.
_WEIGHT_STEMS = frozenset(
    {
        "net weight",
        "net",
        "weight",
        "вес нетто",
        "масса нетто",
        "нетто",
        "вес груза",
        "вес груза нетто",
        "вес",
        "масса",
        "净重",
        "重量",
        "таза салмағы",
        "таза салмақ",
    }
)
_WEIGHT_UNIT = re.compile(
    r"(.*?)[\s,/(]+(?:t|mt|tn|tonnes|tons|т|тн|тонн|吨|kg|кг|公斤|千克)\)?", re.IGNORECASE
)
#: A count's unit after its name: "Вагонов, шт", "Кол-во контейнеров (шт.)".
_PIECES = re.compile(r"[\s,(]*шт\.?\)?$")


def recognise(header: str) -> str | None:
    """The canonical name of ``header``, or None if it is not one Railgrain knows."""
    name = normalize(header)
    found = _LOOKUP.get(name)
    if found is None:
        weight = _WEIGHT_UNIT.fullmatch(name)
        if weight and weight.group(1) in _WEIGHT_STEMS:
            return "net_tonnes"
        found = _LOOKUP.get(_PIECES.sub("", name))
    return found


_KILOGRAMS = re.compile(r"(?<![a-zа-я])(kg|кг)(?![a-zа-я])|公斤|千克")


def in_kilograms(header: str) -> bool:
    """Whether a net-weight header gives kilograms ("Вес нетто, кг", "净重(公斤)", "net_kg")."""
    return bool(_KILOGRAMS.search(normalize(header)))


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

    @property
    def weight_in_kg(self) -> bool:
        """Whether the net-weight column's header says kilograms (else tonnes)."""
        return "net_tonnes" in self.columns and in_kilograms(self.header_of("net_tonnes"))


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
