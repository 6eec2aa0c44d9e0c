"""Property tests (hypothesis): rules, cell parsers and the import reader take any input and
either return a value or raise the project's own error, never anything else.

Parsers in ``models/services/imports/values.py`` document ``ValueError`` (the importer adds the
row and column); rules raise ``ValidationError``; the reader raises ``ImportFileError``.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db import Database, open_database
from models.errors import ValidationError
from models.rules import identifiers, plausibility
from models.rules.status import Status, check_transition
from models.services.imports import importer, reader, values
from models.services.imports.problems import ImportFileError

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Text as it comes from a spreadsheet cell: any characters, digits and marks more often.
cell_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789.,-/ 年月日T:", max_size=20),
    st.from_regex(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}( \d\d:\d\d)?", fullmatch=True),
)
cells = st.one_of(
    st.none(),
    cell_text,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 2)),
    st.dates(),
    st.decimals(allow_nan=True, allow_infinity=True),
)


# --- cell parsers -----------------------------------------------------------------------------


@FAST
@given(cells)
def test_parse_date_returns_a_date_or_raises_value_error(cell: object) -> None:
    try:
        result = values.parse_date(cell)
    except ValueError as error:
        assert str(error)
    else:
        assert result is None or isinstance(result, date)


@FAST
@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(["iso", "dots", "slash", "zh"]))
def test_every_real_date_written_the_usual_ways_reads_back(day: date, form: str) -> None:
    text = {
        "iso": day.isoformat(),
        "dots": f"{day.day:02d}.{day.month:02d}.{day.year:04d}",
        "slash": f"{day.year:04d}/{day.month}/{day.day}",
        "zh": f"{day.year:04d}年{day.month}月{day.day}日",
    }[form]
    assert values.parse_date(text) == day


@FAST
@given(cells, st.sampled_from([None, "point", "comma"]))
def test_parse_number_and_count_return_or_raise_value_error(
    cell: object, style: str | None
) -> None:
    for parse in (values.parse_number, values.parse_count):
        try:
            result = parse(cell, style)
        except ValueError as error:
            assert str(error)
        else:
            assert result is None or isinstance(result, Decimal | int)


@FAST
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_tonnes_to_kg_is_within_the_band_or_refused(tonnes: Decimal) -> None:
    try:
        kg = values.tonnes_to_kg(tonnes)
    except ValueError:
        assert tonnes <= 0 or tonnes > values.MAX_NET_TONNES
    else:
        assert 0 <= kg <= values.MAX_NET_TONNES * 1000


@FAST
@given(cells)
def test_parse_status_and_text_never_raise_anything_else(cell: object) -> None:
    assert isinstance(values.text(cell), str)
    try:
        result = values.parse_status(cell)
    except ValueError:
        pass
    else:
        assert result is None or isinstance(result, Status)


@FAST
@given(st.lists(cell_text, max_size=20))
def test_column_style_decides_or_leaves_undecided(column: list[str]) -> None:
    style, problem = values.column_style(column)
    assert style is None or isinstance(style, str)
    assert problem is None or isinstance(problem, str)


# --- identifiers ------------------------------------------------------------------------------

identifier_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -/０１２３", max_size=16),
)


@FAST
@given(identifier_text, st.sampled_from(["wagon", "container", "waybill", "train", "station"]))
def test_identifier_rules_return_text_or_raise_validation_error(text: str, kind: str) -> None:
    check = {
        "wagon": identifiers.validate_wagon_number,
        "container": identifiers.validate_container_number,
        "waybill": identifiers.validate_waybill,
        "train": identifiers.validate_train_no,
        "station": identifiers.validate_station_code,
    }[kind]
    try:
        result = check(text)
    except ValidationError as error:
        assert error.message and error.field
    else:
        assert isinstance(result, str)


@FAST
@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_a_wagon_number_with_its_own_check_digit_is_accepted(seven: str) -> None:
    number = seven + str(identifiers.wagon_check_digit(seven))
    assert identifiers.validate_wagon_number(number) == number


@FAST
@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    st.sampled_from("UJZ"),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_a_container_number_with_its_own_check_digit_is_accepted(
    owner: str, category: str, serial: str
) -> None:
    ten = owner + category + serial
    number = ten + str(identifiers.container_check_digit(ten) % 10)
    try:
        assert identifiers.validate_container_number(number) == number
    except ValidationError as error:
        # ISO 6346 check digit 10 is written 0, and some validators refuse it: say so plainly.
        assert identifiers.container_check_digit(ten) == 10, error


@FAST
@given(identifier_text, identifier_text)
def test_validate_unit_number_of_any_kind_raises_only_validation_error(
    kind: str, number: str
) -> None:
    with contextlib.suppress(ValidationError):
        identifiers.validate_unit_number(kind, number)


# --- rules ------------------------------------------------------------------------------------

maybe_int = st.one_of(st.none(), st.integers(min_value=-(10**12), max_value=10**12))
maybe_date = st.one_of(st.none(), st.dates())


@FAST
@given(maybe_int, maybe_int, maybe_int, maybe_date, maybe_date, maybe_date, maybe_int)
def test_plausibility_never_raises_and_only_warns(
    net: int | None,
    wagons: int | None,
    containers: int | None,
    departure: date | None,
    eta: date | None,
    arrival: date | None,
    arrived: int | None,
) -> None:
    warnings = plausibility.check_shipment(
        net, wagons, containers, departure, eta, arrival, arrived
    )
    warnings += plausibility.check_train_weight(net, containers)
    warnings += plausibility.check_border_stop(wagons)
    for kind in ("wagon", "container"):
        warnings += plausibility.check_unit_weight(kind, net)
    for warning in warnings:
        assert str(warning)


@FAST
@given(
    st.sampled_from(list(Status)), st.sampled_from(list(Status)), st.one_of(st.none(), st.text())
)
def test_any_status_change_is_allowed_or_refused_with_a_validation_error(
    old: Status, new: Status, note: str | None
) -> None:
    try:
        check_transition(old, new, note)
    except ValidationError as error:
        assert error.message


# --- the import reader ------------------------------------------------------------------------


def _read(data: bytes) -> None:
    try:
        table = reader.read(data, known_names=("almaty", "wheat"))
    except ImportFileError as error:
        assert error.message
    else:
        assert len(table.rows) == len(table.row_numbers)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_the_reader_takes_random_bytes(data: bytes) -> None:
    _read(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_the_reader_takes_random_bytes_behind_a_zip_signature(data: bytes) -> None:
    _read(b"PK\x03\x04" + data)


csv_cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", '"', '""', "\n", "\r\n", ";", ",", "\t", "'=1+1", "1,313", "在途"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(csv_cell, min_size=1, max_size=8), min_size=1, max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "cp1251", "utf-16"]),
)
def test_the_reader_takes_random_csv(rows: list[list[str]], sep: str, encoding: str) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=sep).writerows(
        [["waybill", "net_tonnes", "departure_date", *(["x"] * 5)], *rows]
    )
    _read(out.getvalue().encode(encoding, "replace"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_the_reader_takes_random_text(text: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("properties") / "railgrain.sqlite"))
    yield db
    db.dispose()


HEADERS = [
    "waybill",
    "train_no",
    "commodity",
    "origin_station",
    "destination_station",
    "departure_date",
    "eta",
    "status",
    "net_tonnes",
    "wagons",
    "containers",
]
import_cell = st.one_of(
    csv_cell,
    st.sampled_from(["2025-01-05", "05.01.2025", "45000", "1 313,5", "in transit", "-1", "1e9"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(import_cell, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=6))
def test_planning_an_import_of_random_rows_gives_a_plan_or_a_file_error(
    database: Database, rows: list[list[str]]
) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([HEADERS, *rows])
    try:
        result = importer.plan(database, out.getvalue().encode("utf-8"))
    except ImportFileError as error:
        assert error.message
    else:
        for problem in result.problems:
            assert str(problem)
