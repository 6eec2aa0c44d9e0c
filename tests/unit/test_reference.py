"""Reference data in every new database, and lookups by any name."""

import pytest

from models.errors import NotFoundError
from models.services import reference


def test_new_database_holds_the_reference_stations_and_goods(db):
    stations = {s.name: s for s in reference.stations(db)}
    assert stations["Kostanay"].code == "684001"
    assert stations["Qingtongxia"].name_zh == "青铜峡"
    assert stations["Petropavl"].code is None  # "not known" stays empty, never invented
    goods = {c.hs_code: c for c in reference.commodities(db)}
    assert goods["1204"].name_zh == "亚麻籽"
    assert goods["1101"].name == "Wheat flour"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("684001", "Kostanay"),
        ("костанай", "Kostanay"),
        ("Қостанай", "Kostanay"),
        (" qingtongxia ", "Qingtongxia"),
        ("青铜峡", "Qingtongxia"),
        ("AKR", "Alashankou"),
        ("Достык", "Dostyk"),
    ],
)
def test_station_found_by_code_or_any_name(db, text, name):
    assert reference.find_station(db, text).name == name


def test_unknown_station_names_the_text(db):
    with pytest.raises(NotFoundError, match="no station has the code or name 'Moscow'"):
        reference.find_station(db, "Moscow")


@pytest.mark.parametrize(
    ("text", "hs"), [("1204", "1204"), ("亚麻籽", "1204"), ("мука пшеничная", "1101")]
)
def test_commodity_found_by_hs_code_or_any_name(db, text, hs):
    assert reference.find_commodity(db, text).hs_code == hs
