"""The printed reports' own words in English, Chinese and Russian.

A report's language is chosen per report and is independent of the interface language (a
Chinese manager's window may print an English report for a supplier), so these words are a
table of the three report languages, like the ``name_zh``/``name_ru`` columns of the reference
data, not Qt translations of the window.
"""

from __future__ import annotations

#: The languages a report can be written in.
LANGUAGES: tuple[str, ...] = ("en", "zh", "ru")

_WORDS: dict[str, tuple[str, str, str]] = {
    # key: (en, zh, ru)
    "summary_title": ("Period summary", "期间汇总报告", "Сводный отчёт за период"),
    "train_title": ("Train arrival sheet", "列车到货单", "Лист прибытия поезда"),
    "period": ("Period", "期间", "Период"),
    "printed": ("Printed", "打印时间", "Напечатано"),
    "page_of": ("Page %1 of %2", "第 %1 页，共 %2 页", "Стр. %1 из %2"),
    "definitions": (
        "Arrived in the period: arrival date within the period, cancelled shipments excluded. "
        "Tonnes are net, three decimals.",
        "期间内到达：到达日期在期间内，不含已取消的货物。吨数为净重，保留三位小数。",
        "Прибыло за период: дата прибытия в пределах периода, без отменённых отправок. "
        "Тонны — нетто, три знака после запятой.",
    ),
    "no_arrivals": (
        "There were no arrivals in this period.",
        "本期间内没有到货。",
        "За этот период прибытий не было.",
    ),
    "none": ("None.", "无。", "Нет."),
    "by_commodity": ("Tonnes arrived by commodity", "按货物分列的到货吨数", "Прибыло по грузам, т"),
    "by_supplier": (
        "Tonnes arrived by supplier",
        "按供应商分列的到货吨数",
        "Прибыло по поставщикам, т",
    ),
    "by_route": (
        "Tonnes arrived by route (border crossing)",
        "按线路（口岸）分列的到货吨数",
        "Прибыло по маршрутам (погранпереходам), т",
    ),
    "by_destination": (
        "Tonnes arrived by destination",
        "按到站分列的到货吨数",
        "Прибыло по станциям назначения, т",
    ),
    "monthly_chart": ("Tonnes arrived by month", "每月到货吨数", "Прибыло по месяцам, т"),
    "contracts": ("Contracts", "合同执行情况", "Исполнение договоров"),
    "late": ("Shipments late at period end", "期末延误的货物", "Опоздавшие на конец периода"),
    "discrepancies": (
        "Weight discrepancies beyond tolerance",
        "超出允差的重量差异",
        "Расхождения веса сверх допуска",
    ),
    "commodity": ("Commodity", "货物", "Груз"),
    "supplier": ("Supplier", "供应商", "Поставщик"),
    "route": ("Border crossing", "口岸", "Погранпереход"),
    "destination": ("Destination", "到站", "Станция назначения"),
    "shipments": ("Shipments", "批数", "Отправок"),
    "tonnes": ("Tonnes", "吨", "Тонн"),
    "previous_year": ("Previous year, t", "上年同期，吨", "Прошлый год, т"),
    "change": ("Change", "变化", "Изменение"),
    "total": ("Total", "合计", "Итого"),
    "no_border": ("(no border station)", "（无口岸）", "(без погранперехода)"),
    "contract": ("Contract", "合同号", "Договор"),
    "contracted": ("Contracted, t", "合同量，吨", "По договору, т"),
    "shipped": ("Shipped, t", "已发运，吨", "Отгружено, т"),
    "arrived": ("Arrived, t", "已到达，吨", "Прибыло, т"),
    "remaining": ("Remaining, t", "剩余，吨", "Остаток, т"),
    "tolerance": ("In tolerance", "在允差内", "В допуске"),
    "yes": ("yes", "是", "да"),
    "no": ("no", "否", "нет"),
    "waybill": ("Waybill", "运单号", "Накладная"),
    "train": ("Train", "车次", "Поезд"),
    "eta": ("ETA", "预计到达", "Ожид. прибытие"),
    "days_late": ("Days late", "延误天数", "Дней опоздания"),
    "last_station": ("Last seen at", "最后位置", "Последняя станция"),
    "shipped_weight": ("Shipped, t", "发运重量，吨", "Отгружено, т"),
    "arrived_weight": ("Arrived, t", "到达重量，吨", "Прибыло, т"),
    "difference": ("Difference, t", "差额，吨", "Разница, т"),
    "difference_pct": ("Difference", "差异", "Разница"),
    "reason": ("Reason", "原因", "Причина"),
    "no_reason": ("(no reason given)", "（未说明原因）", "(причина не указана)"),
    "units": ("Wagons / containers", "车皮／集装箱", "Вагоны / контейнеры"),
    "origin": ("From", "发站", "Станция отправления"),
    "departure": ("Departed", "发车日期", "Отправлен"),
    "arrival": ("Arrived", "到达日期", "Прибыл"),
    "status": ("Status", "状态", "Статус"),
    "consignments": ("Consignments", "批数", "Отправок"),
    "received_by": (
        "Received by (name, signature, date)",
        "收货人（姓名、签字、日期）",
        "Принял (ФИО, подпись, дата)",
    ),
    "checked_by": (
        "Checked by (name, signature, date)",
        "核对人（姓名、签字、日期）",
        "Проверил (ФИО, подпись, дата)",
    ),
    "this_year": ("This period", "本期", "Этот период"),
    "last_year": ("Previous year", "上年同期", "Прошлый год"),
    "more_rows": (
        "… and %1 more (see the shipments table)",
        "……另有 %1 条（见货物列表）",
        "… и ещё %1 (см. таблицу отправок)",
    ),
}

_STATUS: dict[str, tuple[str, str, str]] = {
    "planned": ("Planned", "计划", "Запланирован"),
    "loading": ("Loading", "装车中", "Погрузка"),
    "in_transit": ("In transit", "在途", "В пути"),
    "at_border": ("At border", "在口岸", "На границе"),
    "customs": ("Customs", "海关", "Таможня"),
    "arrived": ("Arrived", "已到达", "Прибыл"),
    "unloaded": ("Unloaded", "已卸车", "Выгружен"),
    "cancelled": ("Cancelled", "已取消", "Отменён"),
}


def check_language(lang: str) -> str:
    """Return ``lang`` if a report can be written in it.

    Raises:
        ValueError: For a language other than en, zh and ru.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown report language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang


def word(key: str, lang: str, *args: object) -> str:
    """The report word ``key`` in ``lang``, with ``%1``, ``%2`` … filled from ``args``."""
    text = _WORDS[key][LANGUAGES.index(check_language(lang))]
    for i, value in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(value))
    return text


def status_word(status: str, lang: str) -> str:
    """A status value (``"in_transit"``) as the report in ``lang`` names it."""
    return _STATUS[str(status)][LANGUAGES.index(check_language(lang))]
