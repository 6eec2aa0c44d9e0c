"""Cell values as spreadsheets hold them: dates, decimal marks, statuses, headers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from models.rules.status import Status
from models.services.imports import values as v
from models.services.imports.headers import map_headers, recognise


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-01-05", date(2025, 1, 5)),
        ("05.01.2025", date(2025, 1, 5)),
        ("2025/1/5", date(2025, 1, 5)),
        ("2025年1月5日", date(2025, 1, 5)),
        ("2025-01-05 00:00:00", date(2025, 1, 5)),
        (45662, date(2025, 1, 5)),  # an Excel serial
        (45662.0, date(2025, 1, 5)),
        (datetime(2025, 1, 5, 8, 30), date(2025, 1, 5)),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_every_usual_form_are_read(cell: object, expected: date | None) -> None:
    assert v.parse_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "order", "expected"),
    [
        ("05.01.25", None, date(2025, 1, 5)),  # a Russian form's two-digit year
        ("5.1.26 08:00", None, date(2026, 1, 5)),
        ("20250105", None, date(2025, 1, 5)),  # exported by some Chinese systems
        ("05/01/2025", v.DAY_FIRST, date(2025, 1, 5)),
        ("05/01/2025", v.MONTH_FIRST, date(2025, 5, 1)),
        ("25-01-2025", v.DAY_FIRST, date(2025, 1, 25)),
    ],
)
def test_short_years_compact_dates_and_slashes_in_the_columns_order(
    cell: str, order: str | None, expected: date
) -> None:
    assert v.parse_date(cell, order) == expected


def test_slash_dates_need_their_column_to_tell_day_from_month() -> None:
    with pytest.raises(ValueError, match="not a date"):
        v.parse_date("05/01/2025")
    with pytest.raises(ValueError, match="this day does not exist"):
        v.parse_date("25/01/2025", v.MONTH_FIRST)
    assert v.date_order(["05/01/2025", "25/01/2025", "2025-01-05"]) == (v.DAY_FIRST, None)
    assert v.date_order(["01/25/2025", "05/01/2025"]) == (v.MONTH_FIRST, None)
    assert v.date_order(["05/01/2025", "06/01/2025"]) == (None, "05/01/2025")
    assert v.date_order(["25/01/2025", "01/25/2025"]) == (None, "01/25/2025")
    assert v.date_order(["2025-01-05", "05.01.2025"]) == (None, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("5-Jan-25", date(2025, 1, 5)),  # Excel's d-mmm-yy, saved as text in a CSV
        ("05-Jan-2025", date(2025, 1, 5)),
        ("5 January 2025", date(2025, 1, 5)),
        ("Jan 5, 2025", date(2025, 1, 5)),
        ("SEPT 30 2025 10:00", date(2025, 9, 30)),
        ("5 января 2025 г.", date(2025, 1, 5)),
        ("5 января 2025 года", date(2025, 1, 5)),
        ("05 янв. 2025", date(2025, 1, 5)),
        ("1 мая 2025", date(2025, 5, 1)),
        ("05.01.2025 г.", date(2025, 1, 5)),
        ("05.01.2025г", date(2025, 1, 5)),
    ],
)
def test_dates_with_the_month_as_a_word_and_a_year_word(cell: str, expected: date) -> None:
    assert v.parse_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31-Feb-25", "this day does not exist"),
        ("5 Foo 2025", "not a date"),
        ("2025-02-30", "this day does not exist"),
        ("30.02.2025", "this day does not exist"),
        ("tomorrow", "not a date"),
        (12, "not a date"),
    ],
)
def test_bad_dates_are_refused_with_what_is_allowed(cell: object, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        v.parse_date(cell)
    assert "2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日" in str(caught.value)


@pytest.mark.parametrize(
    ("values", "style", "undecidable"),
    [
        (["24.5", "1313"], v.POINT, None),
        (["24,5", "1 313,25"], v.COMMA, None),
        (["1,313,000", "1,313"], v.POINT, None),
        (["1.313,5", "1,313"], v.COMMA, None),
        (["1,313", "2,500"], None, "1,313"),
        (["24.5", "24,5"], None, "24,5"),
        (["1313", "25"], None, None),
    ],
)
def test_a_columns_decimal_mark_is_decided_from_the_whole_column(
    values: list[str], style: str | None, undecidable: str | None
) -> None:
    assert v.column_style(values) == (style, undecidable)


@pytest.mark.parametrize(
    ("cell", "style", "expected"),
    [
        ("1,313.5", v.POINT, Decimal("1313.5")),
        ("1.313,5", v.COMMA, Decimal("1313.5")),
        ("1 313,5", v.COMMA, Decimal("1313.5")),
        ("1\u00a0313", None, Decimal("1313")),
        (24.5, None, Decimal("24.5")),
    ],
)
def test_numbers_are_read_with_the_columns_mark(
    cell: object, style: str | None, expected: Decimal
) -> None:
    assert v.parse_number(cell, style) == expected


@pytest.mark.parametrize(
    ("cell", "number", "kilograms_in_unit"),
    [
        ("68,5 т", "68,5", 1000),
        ("68,5 т.", "68,5", 1000),
        ("68.5t", "68.5", 1000),
        ("68.5 吨", "68.5", 1000),
        ("68 500 кг", "68 500", 1),
        ("68500kg", "68500", 1),
        ("68.5", "68.5", None),
        ("1,5 bags", "1,5 bags", None),  # no weight unit: refused as a number later
    ],
)
def test_a_weight_cell_may_end_with_its_unit(
    cell: str, number: str, kilograms_in_unit: int | None
) -> None:
    assert v.split_weight_unit(cell) == (number, kilograms_in_unit)


def test_weights_are_positive_and_plausible() -> None:
    assert v.tonnes_to_kg(Decimal("24.5")) == 24_500
    with pytest.raises(ValueError, match="more than 0 t"):
        v.tonnes_to_kg(Decimal("-1"))
    with pytest.raises(ValueError, match="over 10,000 t is not one consignment"):
        v.tonnes_to_kg(Decimal("130000"))


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("in transit", Status.IN_TRANSIT),
        ("In_Transit", Status.IN_TRANSIT),
        ("在途", Status.IN_TRANSIT),
        ("В пути", Status.IN_TRANSIT),
        ("已到达", Status.ARRIVED),
        ("прибыл", Status.ARRIVED),
        ("Жолда", Status.IN_TRANSIT),  # Kazakh
        ("в пути следования", Status.IN_TRANSIT),  # as forwarders' status lists put it
        ("在途中", Status.IN_TRANSIT),
        ("清关中", Status.CUSTOMS),
        ("Прибыл на станцию назначения", Status.ARRIVED),
        ("待装车", Status.PLANNED),
        ("шекарада", Status.AT_BORDER),
        ("", None),
    ],
)
def test_statuses_are_read_in_four_languages(cell: str, status: Status | None) -> None:
    assert v.parse_status(cell) is status


def test_an_unknown_status_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="allowed: planned, loading, in transit"):
        v.parse_status("lost")


def test_escaped_formula_text_loses_its_apostrophe() -> None:
    assert v.text("'=SUM(A1)") == "=SUM(A1)"
    assert v.text("'-") == "-"
    assert v.text("O'Brien") == "O'Brien"


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("waybill", "waybill"),
        ("  WAYBILL ", "waybill"),
        ("运单号", "waybill"),
        ("Накладная", "waybill"),
        ("накладная", "waybill"),
        ("净重(吨)", "net_tonnes"),
        ("净重（吨）", "net_tonnes"),
        ("Вес нетто, т", "net_tonnes"),
        ("Net Tonnes", "net_tonnes"),
        ("Станция отправления", "origin_station"),
        ("口岸站", "border_station"),
        ("Жүкқұжат нөмірі", "waybill"),  # Kazakh
        ("Жөнелту станциясы", "origin_station"),
        ("Таза салмағы, т", "net_tonnes"),
        ("colour", None),
    ],
)
def test_headers_are_recognised_in_four_languages(header: str, canonical: str | None) -> None:
    assert recognise(header) == canonical


def test_a_mapping_lists_unknown_and_missing_columns() -> None:
    mapping = map_headers(["运单号", "货物", "colour", "发站"])
    assert mapping.columns == {"waybill": 0, "commodity": 1, "origin_station": 3}
    assert mapping.unknown == ("colour",)
    assert mapping.missing == ("destination_station", "departure_date", "net_tonnes")
    overridden = map_headers(["运单号", "货物", "colour", "发站"], {2: "destination_station"})
    assert overridden.columns["destination_station"] == 2


@pytest.mark.parametrize(
    ("header", "field", "kilograms"),
    [
        ("Waybill No.", "waybill", False),
        ("№ накладной", "waybill", False),
        ("Груз:", "commodity", False),
        ("Наименование груза", "commodity", False),
        ("Дата отгрузки", "departure_date", False),
        ("Вес нетто, т", "net_tonnes", False),
        ("Net_Tonnes", "net_tonnes", False),
        ("Масса нетто, кг", "net_tonnes", True),
        ("净重（公斤）", "net_tonnes", True),
        ("net_kg", "net_tonnes", True),
        ("Вес брутто, кг", None, True),  # gross is not the net weight: never taken for it
        ("Gross weight, t", None, False),
        ("Вес нетто, тн", "net_tonnes", False),  # a name of the weight, then its unit
        ("Вес груза, т", "net_tonnes", False),
        ("Net weight (MT)", "net_tonnes", False),
        ("净重/吨", "net_tonnes", False),
        ("Weight, kg", "net_tonnes", True),
        ("Вест", None, False),  # no unit after a name
        ("Вагонов, шт", "wagons", False),  # a count's "pieces"
        ("Кол-во контейнеров (шт.)", "containers", False),
        ("Ст. отпр.", "origin_station", False),
        ("№ вагона", "units", False),
    ],
)
def test_header_variants_and_their_weight_unit(
    header: str, field: str | None, kilograms: bool
) -> None:
    from models.services.imports.headers import in_kilograms

    assert recognise(header) == field
    assert in_kilograms(header) == kilograms


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ст. Костанай", "Kostanay"),
        ("Костанай (684001)", "Kostanay"),
        ("684001 Костанай", "Kostanay"),
        ("青铜峡站", "Qingtongxia"),
        ("Достык (эксп.)", "Dostyk"),
        ("Kostanay/Костанай", "Kostanay"),
        ("Station Dostyk", "Dostyk"),
        ("Алтынколь", "Altynkol"),
    ],
)
def test_stations_as_registers_write_them(cell: str, expected: str) -> None:
    from models.services.imports.names import Lookup

    stations = Lookup(
        "station",
        [
            (1, "Kostanay", ["684001", "Kostanay", "Қостанай", "Костанай"]),
            (2, "Dostyk", ["708507", "Dostyk", "Достық", "Достык"]),
            (3, "Qingtongxia", ["QTJ", "Qingtongxia", "青铜峡"]),
            (4, "Altynkol", ["Altynkol", "Алтынкөл", "Алтынколь"]),
            (5, "Petropavl", ["Petropavl", "Петропавловск"]),
        ],
    )
    assert stations.display[stations.find(cell)] == expected


@pytest.mark.parametrize("cell", ["Kostanay/Petropavl", "Костанай (708507)", "Kostanai"])
def test_a_cell_naming_two_stations_or_none_is_refused(cell: str) -> None:
    from models.services.imports.names import Lookup

    stations = Lookup(
        "station",
        [
            (1, "Kostanay", ["684001", "Kostanay", "Костанай"]),
            (2, "Dostyk", ["708507", "Dostyk"]),
            (5, "Petropavl", ["Petropavl"]),
        ],
    )
    with pytest.raises(ValueError, match="unknown station"):
        stations.find(cell)
