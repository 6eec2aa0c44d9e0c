"""Plausibility warnings: bands from DOMAIN.md, boundaries, exact messages, never raising."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.rules import plausibility as p
from models.rules.plausibility import (
    PlausibilityWarning,
    check_arrived_weight,
    check_border_stop,
    check_shipment,
    check_train_weight,
    check_transit,
    check_unit_weight,
)

DEPARTURE = date(2020, 12, 20)


def codes(warnings: list[PlausibilityWarning]) -> list[str]:
    """The codes of ``warnings``, in order."""
    return [w.code for w in warnings]


# --- the bands ---------------------------------------------------------------------------------


def test_bands_contain_the_typical_ranges_of_domain_md() -> None:
    """Typical values must never warn: 24-27 t per box, 50-70 t per wagon, 6-15 days."""
    assert p.CONTAINER_NET_WARN_MIN_KG <= 24_000 < 27_000 <= p.CONTAINER_NET_WARN_MAX_KG
    assert p.WAGON_NET_WARN_MIN_KG <= 50_000 < 70_000 <= p.WAGON_NET_WARN_MAX_KG
    assert p.TRAIN_NET_WARN_MIN_KG <= 1_000_000 < 1_400_000 <= p.TRAIN_NET_WARN_MAX_KG
    assert p.TRANSIT_WARN_MIN_DAYS <= 6 < 15 <= p.TRANSIT_WARN_MAX_DAYS


# --- one unit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "kg", "expected"),
    [
        ("container", 14_999, ["unit_weight_low"]),
        ("container", 15_000, []),
        ("container", 25_500, []),
        ("container", 30_000, []),
        ("container", 30_001, ["unit_weight_high"]),
        ("container", 255_000, ["unit_weight_high"]),  # an extra zero
        ("wagon", 39_999, ["unit_weight_low"]),
        ("wagon", 40_000, []),
        ("wagon", 65_000, []),
        ("wagon", 75_000, []),
        ("wagon", 75_001, ["unit_weight_high"]),
        (" Wagon ", 6_500, ["unit_weight_low"]),  # a missing zero
    ],
)
def test_unit_weight_warns_only_outside_its_band(kind: str, kg: int, expected: list[str]) -> None:
    assert codes(check_unit_weight(kind, kg)) == expected


@pytest.mark.parametrize(
    ("kind", "kg", "message", "params"),
    [
        (
            "container",
            12_500,
            "12.5 t is light for one container; a loaded container usually carries 15-30 t net",
            {"kind": "container", "weight_kg": 12_500, "min_kg": 15_000, "max_kg": 30_000},
        ),
        (
            "wagon",
            80_250,
            "80.25 t is heavy for one wagon; a loaded wagon usually carries 40-75 t net",
            {"kind": "wagon", "weight_kg": 80_250, "min_kg": 40_000, "max_kg": 75_000},
        ),
    ],
)
def test_unit_weight_warning_says_the_weight_and_the_usual_band(
    kind: str, kg: int, message: str, params: dict[str, object]
) -> None:
    [warning] = check_unit_weight(kind, kg)
    assert warning.field == "net_weight_kg"
    assert warning.message == message
    assert warning.params == params
    assert str(warning) == f"net_weight_kg: {message}"


@pytest.mark.parametrize("kg", [None, 0, -5])
def test_missing_or_non_positive_unit_weight_is_left_to_validation(kg: int | None) -> None:
    assert check_unit_weight("container", kg) == []


def test_unknown_unit_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown unit kind 'barge'"):
        check_unit_weight("barge", 20_000)


@given(st.sampled_from(["container", "wagon"]), st.integers(min_value=1, max_value=10**6))
def test_unit_weight_warns_exactly_outside_the_band(kind: str, kg: int) -> None:
    low, high = p.UNIT_NET_WARN_KG[kind]
    warnings = check_unit_weight(kind, kg, field="weight")
    assert bool(warnings) == (kg < low or kg > high)
    assert all(w.field == "weight" for w in warnings)


# --- a train -----------------------------------------------------------------------------------


def test_first_kazakh_flaxseed_train_is_plausible() -> None:
    """1,313 t (DOMAIN.md) on 50 boxes is 26.26 t each."""
    assert check_train_weight(1_313_000, 50) == []


@pytest.mark.parametrize(
    ("total_kg", "units", "expected"),
    [
        (800_000, 41, []),
        (799_999, 41, ["train_weight_low"]),
        (1_800_000, 62, []),
        (1_800_001, 62, ["train_weight_high"]),
        (13_130_000, 50, ["train_weight_high", "average_unit_weight_high"]),
        (1_000_000, 40, ["train_units_low"]),
        (1_200_000, 63, ["train_units_high"]),
        (1_200_000, 20, ["train_units_low", "average_unit_weight_high"]),
        (1_200_000, 0, []),
        (1_200_000, None, []),
        (None, 50, []),
        (0, 50, []),
    ],
)
def test_train_weight_and_box_count(
    total_kg: int | None, units: int | None, expected: list[str]
) -> None:
    assert codes(check_train_weight(total_kg, units)) == expected


def test_train_warning_messages_are_exact() -> None:
    low, few, average = check_train_weight(131_300, 1)
    assert (low.field, low.message) == (
        "train",
        "131.3 t is light; a container train usually carries 1,000-1,400 t",
    )
    assert few.message == "1 box is few; a container train usually has 41-62 boxes"
    assert average.message == (
        "131.3 t over 1 container is 131.3 t per container; a loaded container usually "
        "carries 15-30 t net: check the weight and the number of containers"
    )
    assert average.params == {
        "kind": "container",
        "total_kg": 131_300,
        "units": 1,
        "average_kg": 131_300,
        "min_kg": 15_000,
        "max_kg": 30_000,
    }


# --- transit and border ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (-1, ["arrival_before_departure"]),
        (0, ["transit_short"]),
        (3, ["transit_short"]),
        (4, []),
        (11, []),
        (20, []),
        (21, ["transit_long"]),
        (180, ["transit_long"]),
    ],
)
def test_transit_warns_outside_4_to_20_days(days: int, expected: list[str]) -> None:
    assert codes(check_transit(DEPARTURE, DEPARTURE + timedelta(days=days))) == expected


@pytest.mark.parametrize(
    ("days", "field", "message"),
    [
        (1, "arrival", "arrival is 1 day after departure; transit usually takes 4-20 days"),
        (25, "eta", "the ETA is 25 days after departure; transit usually takes 4-20 days"),
        (-1, "arrival", "arrival (2020-12-19) is 1 day before departure (2020-12-20)"),
        (-3, "eta", "the ETA (2020-12-17) is 3 days before departure (2020-12-20)"),
    ],
)
def test_transit_messages_name_the_date_and_the_days(days: int, field: str, message: str) -> None:
    [warning] = check_transit(DEPARTURE, DEPARTURE + timedelta(days=days), field)
    assert (warning.field, warning.message, warning.params["days"]) == (field, message, days)


@pytest.mark.parametrize(("departure", "arrival"), [(None, DEPARTURE), (DEPARTURE, None)])
def test_transit_without_both_dates_gives_no_warning(
    departure: date | None, arrival: date | None
) -> None:
    assert check_transit(departure, arrival) == []


@pytest.mark.parametrize(("days", "warns"), [(None, False), (0, False), (3, False), (4, True)])
def test_border_stop_over_three_days_is_flagged(days: int | None, warns: bool) -> None:
    assert codes(check_border_stop(days)) == (["border_stop_long"] if warns else [])


def test_border_stop_message() -> None:
    [warning] = check_border_stop(150)
    assert warning.message == (
        "150 days at the border; a stop over 3 days is worth asking the forwarder about"
    )
    assert warning.params == {"days": 150, "max_days": 3}


# --- arrived weight ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arrived", "expected"),
    [
        (100_000, []),
        (99_000, []),  # a little below is normal: the grain dried
        (97_500, []),  # exactly -2.5 %
        (97_499, ["arrived_weight_low"]),
        (102_500, []),  # exactly +2.5 %
        (102_501, ["arrived_weight_high"]),
        (0, ["arrived_weight_low"]),
    ],
)
def test_arrived_weight_warns_beyond_the_tolerance_either_way(
    arrived: int, expected: list[str]
) -> None:
    assert codes(check_arrived_weight(100_000, arrived)) == expected


def test_arrived_weight_messages_are_exact() -> None:
    [low] = check_arrived_weight(1_313_000, 1_270_000)
    assert low.field == "arrived_weight_kg"
    assert low.message == (
        "arrived weight is 3.27 % (43 t) below the shipped weight, beyond the 2.5 % "
        "tolerance; record the reason"
    )
    assert low.params == {
        "shipped_kg": 1_313_000,
        "arrived_kg": 1_270_000,
        "difference_kg": -43_000,
        "difference_pct": -3.27,
        "tolerance_pct": 2.5,
    }
    [high] = check_arrived_weight(26_000, 26_600, tolerance_pct=1)
    assert high.message == (
        "arrived weight is 2.31 % (0.6 t) above the shipped weight, beyond the 1 % "
        "tolerance; record the reason"
    )


@given(
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=0, max_value=2 * 10**7),
    st.sampled_from([0.5, 1, 2.5, 5]),
)
def test_arrived_weight_warns_exactly_beyond_the_tolerance(
    shipped: int, arrived: int, tolerance: float
) -> None:
    beyond = abs(Fraction(arrived - shipped, shipped)) * 100 > Fraction(tolerance)
    warnings = check_arrived_weight(shipped, arrived, tolerance)
    assert bool(warnings) == beyond
    if warnings:
        assert warnings[0].code == (
            "arrived_weight_low" if arrived < shipped else "arrived_weight_high"
        )


@pytest.mark.parametrize(("shipped", "arrived"), [(None, 1), (1, None), (0, 1), (-1, 1), (1, -1)])
def test_arrived_weight_without_usable_figures_gives_no_warning(
    shipped: int | None, arrived: int | None
) -> None:
    assert check_arrived_weight(shipped, arrived) == []


# --- a whole shipment --------------------------------------------------------------------------


def test_plausible_flaxseed_shipment_has_no_warnings() -> None:
    warnings = check_shipment(
        1_313_000,
        wagons=25,
        containers=50,
        departure=DEPARTURE,
        eta=date(2020, 12, 30),
        arrival=date(2020, 12, 31),
        arrived_weight_kg=1_300_000,
    )
    assert warnings == []


def test_shipment_weight_is_averaged_per_container_when_there_are_containers() -> None:
    """On the Kazakh leg containers ride on flat wagons; the grain weight is per box."""
    # 70 t in 2 containers on 1 wagon: plausible for a wagon, not for 2 boxes.
    [warning] = check_shipment(70_000, wagons=1, containers=2)
    assert (warning.code, warning.params["kind"], warning.params["units"]) == (
        "average_unit_weight_high",
        "container",
        2,
    )


def test_shipment_weight_is_averaged_per_wagon_without_containers() -> None:
    assert check_shipment(650_000, wagons=10, containers=0) == []
    [warning] = check_shipment(65_000, wagons=10, containers=None)
    assert warning.code == "average_unit_weight_low"
    assert warning.message == (
        "65 t over 10 wagons is 6.5 t per wagon; a loaded wagon usually carries 40-75 t net: "
        "check the weight and the number of wagons"
    )


def test_shipment_without_units_or_weight_gets_no_weight_warning() -> None:
    assert check_shipment(None, wagons=3, containers=5) == []
    assert check_shipment(2_000_000) == []


def test_shipment_eta_is_checked_only_until_it_has_arrived() -> None:
    late_eta = DEPARTURE + timedelta(days=40)
    [warning] = check_shipment(None, departure=DEPARTURE, eta=late_eta)
    assert (warning.field, warning.code) == ("eta", "transit_long")
    arrived = DEPARTURE + timedelta(days=2)
    [warning] = check_shipment(None, departure=DEPARTURE, eta=late_eta, arrival=arrived)
    assert (warning.field, warning.code) == ("arrival", "transit_short")


def test_shipment_combines_every_applicable_warning_in_field_order() -> None:
    warnings = check_shipment(
        100_000,
        wagons=5,
        containers=0,
        departure=DEPARTURE,
        eta=None,
        arrival=DEPARTURE + timedelta(days=30),
        arrived_weight_kg=90_000,
    )
    assert [(w.field, w.code) for w in warnings] == [
        ("net_weight_kg", "average_unit_weight_low"),
        ("arrival", "transit_long"),
        ("arrived_weight_kg", "arrived_weight_low"),
    ]


@given(
    st.one_of(st.none(), st.integers(min_value=-(10**9), max_value=10**9)),
    st.one_of(st.none(), st.integers(min_value=-5, max_value=200)),
    st.one_of(st.none(), st.integers(min_value=-5, max_value=200)),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.integers(min_value=-(10**9), max_value=10**9)),
)
def test_check_shipment_never_raises(
    net: int | None,
    wagons: int | None,
    containers: int | None,
    departure: date | None,
    eta: date | None,
    arrival: date | None,
    arrived: int | None,
) -> None:
    warnings = check_shipment(net, wagons, containers, departure, eta, arrival, arrived)
    assert all(isinstance(w, PlausibilityWarning) and w.message for w in warnings)


def test_warning_is_frozen() -> None:
    [warning] = check_border_stop(5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        warning.code = "other"  # type: ignore[misc]
