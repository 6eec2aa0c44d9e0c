"""Plausibility checks: warnings about unusual but possible values, never refusals."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

# Reference bands from /work/shared/DOMAIN.md ("Plausibility"). They are editable reference
# values, not rules: a value outside a band gets a warning, and the user may keep it. Weights
# are integer kilograms. Each warning band is wider than the typical range so that ordinary
# variation stays quiet and typos (a missing or extra zero, a wrong unit count) do not.

#: A 40 ft grain container carries about 24-27 t net; warn below 15 t or above 30 t.
CONTAINER_NET_WARN_MIN_KG = 15_000
CONTAINER_NET_WARN_MAX_KG = 30_000
#: A covered/hopper wagon carries about 50-70 t net; warn below 40 t or above 75 t.
WAGON_NET_WARN_MIN_KG = 40_000
WAGON_NET_WARN_MAX_KG = 75_000
#: A container train has 41-62 boxes (DOMAIN.md); outside that, the count is likely wrong.
TRAIN_UNITS_WARN_MIN = 41
TRAIN_UNITS_WARN_MAX = 62
#: A container train carries about 1,000-1,400 t; 41-62 boxes of 24-27 t span 984-1,674 t, so
#: warn only below 800 t or above 1,800 t.
TRAIN_NET_WARN_MIN_KG = 800_000
TRAIN_NET_WARN_MAX_KG = 1_800_000
#: Origin to destination takes 4-20 days (typically 6-15); warn outside 4-20.
TRANSIT_WARN_MIN_DAYS = 4
TRANSIT_WARN_MAX_DAYS = 20
#: A border stop longer than this many days is worth flagging.
BORDER_STOP_WARN_DAYS = 3
#: The contract's weight tolerance, often +/-2.5 %; arrived weight beyond it needs a reason.
ARRIVED_WEIGHT_TOLERANCE_PCT = 2.5

#: Net weight band per unit kind, (min, max) in kg.
UNIT_NET_WARN_KG: dict[str, tuple[int, int]] = {
    "container": (CONTAINER_NET_WARN_MIN_KG, CONTAINER_NET_WARN_MAX_KG),
    "wagon": (WAGON_NET_WARN_MIN_KG, WAGON_NET_WARN_MAX_KG),
}


@dataclasses.dataclass(frozen=True)
class PlausibilityWarning:
    """An unusual value the user should look at; the UI translates it by ``code``.

    Attributes:
        field: The field (or column) the value came from.
        code: Stable identifier of the kind of warning, e.g. "unit_weight_high".
        message: The English text, naming the value and the usual range.
        params: The figures in the message, for translation.
    """

    field: str
    code: str
    message: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def _tonnes(kg: float) -> str:
    """Format kilograms as tonnes for a message: 1313000 -> "1,313 t", 24500 -> "24.5 t"."""
    text = f"{kg / 1000:,.3f}".rstrip("0").rstrip(".")
    return f"{text} t"


def _band(low_kg: int, high_kg: int) -> str:
    """Format a weight band for a message: "15-30 t"."""
    low = _tonnes(low_kg).removesuffix(" t")
    return f"{low}-{_tonnes(high_kg)}"


def _kind_band(kind: str) -> tuple[str, int, int]:
    """Return the normalized kind and its weight band; unknown kinds are a caller's bug."""
    normalized = kind.strip().lower()
    try:
        low, high = UNIT_NET_WARN_KG[normalized]
    except KeyError:
        raise ValueError(
            f"unknown unit kind {kind!r}; expected one of {list(UNIT_NET_WARN_KG)}"
        ) from None
    return normalized, low, high


def check_unit_weight(
    kind: str, net_weight_kg: int | None, field: str = "net_weight_kg"
) -> list[PlausibilityWarning]:
    """Warn when one wagon's or container's net weight is outside the usual band.

    Args:
        kind: "wagon" or "container".
        net_weight_kg: The unit's net weight; None or non-positive gives no warning (refusing
            those is validation's job).
        field: The field name to put in the warning.

    Returns:
        Codes "unit_weight_low" or "unit_weight_high", or an empty list.

    Raises:
        ValueError: If ``kind`` is not a known unit kind (a caller's bug).
    """
    kind, low, high = _kind_band(kind)
    if net_weight_kg is None or net_weight_kg <= 0:
        return []
    params: dict[str, Any] = {
        "kind": kind,
        "weight_kg": net_weight_kg,
        "min_kg": low,
        "max_kg": high,
    }
    if net_weight_kg < low:
        return [
            PlausibilityWarning(
                field,
                "unit_weight_low",
                f"{_tonnes(net_weight_kg)} is light for one {kind}; "
                f"a loaded {kind} usually carries {_band(low, high)} net",
                params,
            )
        ]
    if net_weight_kg > high:
        return [
            PlausibilityWarning(
                field,
                "unit_weight_high",
                f"{_tonnes(net_weight_kg)} is heavy for one {kind}; "
                f"a loaded {kind} usually carries {_band(low, high)} net",
                params,
            )
        ]
    return []


def _check_average(kind: str, total_kg: int, units: int, field: str) -> list[PlausibilityWarning]:
    """Warn when the average net weight per unit is outside the band of its kind."""
    kind, low, high = _kind_band(kind)
    if units <= 0 or total_kg <= 0:
        return []
    # Compare exactly in integers; the rounded average is only for the message.
    if low * units <= total_kg <= high * units:
        return []
    average = round(total_kg / units)
    code = "average_unit_weight_low" if total_kg < low * units else "average_unit_weight_high"
    plural = f"{units} {kind}s" if units != 1 else f"1 {kind}"
    return [
        PlausibilityWarning(
            field,
            code,
            f"{_tonnes(total_kg)} over {plural} is {_tonnes(average)} per {kind}; "
            f"a loaded {kind} usually carries {_band(low, high)} net: "
            f"check the weight and the number of {kind}s",
            {
                "kind": kind,
                "total_kg": total_kg,
                "units": units,
                "average_kg": average,
                "min_kg": low,
                "max_kg": high,
            },
        )
    ]


def check_train_weight(
    total_kg: int | None, units: int | None, field: str = "train"
) -> list[PlausibilityWarning]:
    """Warn when a container train's total weight, box count or weight per box is unusual.

    Call it with the whole train (all its shipments); a train still being entered will look
    light.

    Args:
        total_kg: Net weight of all the train's containers; None or non-positive skips the
            weight checks.
        units: Number of containers on the train; None or non-positive skips the count checks.
        field: The field name to put in the warnings.

    Returns:
        Any of "train_weight_low", "train_weight_high", "train_units_low",
        "train_units_high", "average_unit_weight_low", "average_unit_weight_high".
    """
    warnings: list[PlausibilityWarning] = []
    if total_kg is not None and total_kg > 0:
        params: dict[str, Any] = {
            "total_kg": total_kg,
            "min_kg": TRAIN_NET_WARN_MIN_KG,
            "max_kg": TRAIN_NET_WARN_MAX_KG,
        }
        usual = f"a container train usually carries {_band(1_000_000, 1_400_000)}"
        if total_kg < TRAIN_NET_WARN_MIN_KG:
            warnings.append(
                PlausibilityWarning(
                    field, "train_weight_low", f"{_tonnes(total_kg)} is light; {usual}", params
                )
            )
        elif total_kg > TRAIN_NET_WARN_MAX_KG:
            warnings.append(
                PlausibilityWarning(
                    field, "train_weight_high", f"{_tonnes(total_kg)} is heavy; {usual}", params
                )
            )
    if units is not None and units > 0:
        params = {"units": units, "min": TRAIN_UNITS_WARN_MIN, "max": TRAIN_UNITS_WARN_MAX}
        usual = f"a container train usually has {TRAIN_UNITS_WARN_MIN}-{TRAIN_UNITS_WARN_MAX} boxes"
        if units < TRAIN_UNITS_WARN_MIN:
            warnings.append(
                PlausibilityWarning(
                    field, "train_units_low", f"{units} {_boxes(units)} is few; {usual}", params
                )
            )
        elif units > TRAIN_UNITS_WARN_MAX:
            warnings.append(
                PlausibilityWarning(
                    field, "train_units_high", f"{units} boxes is many; {usual}", params
                )
            )
        if total_kg is not None:
            warnings += _check_average("container", total_kg, units, field)
    return warnings


def check_transit(
    departure: date | None, arrival: date | None, field: str = "arrival"
) -> list[PlausibilityWarning]:
    """Warn when the days from departure to arrival (or to the ETA) are unusual.

    Args:
        departure: Departure from the origin station; None gives no warning.
        arrival: Arrival at the destination, or the ETA; None gives no warning.
        field: "arrival", or "eta" when ``arrival`` is an ETA; it also names the date in the
            message.

    Returns:
        Codes "arrival_before_departure", "transit_short" or "transit_long", or an empty list.
    """
    if departure is None or arrival is None:
        return []
    days = (arrival - departure).days
    label = "the ETA" if field == "eta" else field.replace("_", " ")
    params: dict[str, Any] = {
        "departure": departure,
        "arrival": arrival,
        "days": days,
        "min_days": TRANSIT_WARN_MIN_DAYS,
        "max_days": TRANSIT_WARN_MAX_DAYS,
    }
    usual = f"transit usually takes {TRANSIT_WARN_MIN_DAYS}-{TRANSIT_WARN_MAX_DAYS} days"
    if days < 0:
        return [
            PlausibilityWarning(
                field,
                "arrival_before_departure",
                f"{label} ({arrival.isoformat()}) is {-days} {_days(-days)} before departure "
                f"({departure.isoformat()})",
                params,
            )
        ]
    if days < TRANSIT_WARN_MIN_DAYS:
        return [
            PlausibilityWarning(
                field,
                "transit_short",
                f"{label} is {days} {_days(days)} after departure; {usual}",
                params,
            )
        ]
    if days > TRANSIT_WARN_MAX_DAYS:
        return [
            PlausibilityWarning(
                field,
                "transit_long",
                f"{label} is {days} days after departure; {usual}",
                params,
            )
        ]
    return []


def _days(n: int) -> str:
    """Return "day" or "days" for ``n``."""
    return "day" if n == 1 else "days"


def _boxes(n: int) -> str:
    """Return "box" or "boxes" for ``n``."""
    return "box" if n == 1 else "boxes"


def check_border_stop(days: int | None, field: str = "border") -> list[PlausibilityWarning]:
    """Warn when a train has stood at the border longer than usual.

    Args:
        days: Whole days at the border so far; None gives no warning.
        field: The field name to put in the warning.

    Returns:
        Code "border_stop_long", or an empty list.
    """
    if days is None or days <= BORDER_STOP_WARN_DAYS:
        return []
    return [
        PlausibilityWarning(
            field,
            "border_stop_long",
            f"{days} days at the border; a stop over {BORDER_STOP_WARN_DAYS} days "
            f"is worth asking the forwarder about",
            {"days": days, "max_days": BORDER_STOP_WARN_DAYS},
        )
    ]


def check_arrived_weight(
    shipped_kg: int | None,
    arrived_kg: int | None,
    tolerance_pct: float = ARRIVED_WEIGHT_TOLERANCE_PCT,
    field: str = "arrived_weight_kg",
) -> list[PlausibilityWarning]:
    """Warn when the arrived weight differs from the shipped weight beyond the tolerance.

    A little below shipped is normal (grain dries in transit); within the tolerance, in
    either direction, there is no warning. Beyond it the difference needs a reason.

    Args:
        shipped_kg: Net weight shipped; None or non-positive gives no warning.
        arrived_kg: Net weight on arrival; None or negative gives no warning.
        tolerance_pct: The contract's tolerance in percent of the shipped weight.
        field: The field name to put in the warning.

    Returns:
        Code "arrived_weight_low" or "arrived_weight_high", or an empty list.
    """
    if shipped_kg is None or arrived_kg is None or shipped_kg <= 0 or arrived_kg < 0:
        return []
    difference = arrived_kg - shipped_kg
    # Exact for integer kilograms: |diff| / shipped > tol / 100, without dividing.
    if abs(difference) * 100 <= tolerance_pct * shipped_kg:
        return []
    pct = round(difference * 100 / shipped_kg, 2)
    params: dict[str, Any] = {
        "shipped_kg": shipped_kg,
        "arrived_kg": arrived_kg,
        "difference_kg": difference,
        "difference_pct": pct,
        "tolerance_pct": tolerance_pct,
    }
    if difference < 0:
        return [
            PlausibilityWarning(
                field,
                "arrived_weight_low",
                f"arrived weight is {-pct:g} % ({_tonnes(-difference)}) below the shipped "
                f"weight, beyond the {tolerance_pct:g} % tolerance; record the reason",
                params,
            )
        ]
    return [
        PlausibilityWarning(
            field,
            "arrived_weight_high",
            f"arrived weight is {pct:g} % ({_tonnes(difference)}) above the shipped "
            f"weight, beyond the {tolerance_pct:g} % tolerance; record the reason",
            params,
        )
    ]


def check_shipment(
    net_weight_kg: int | None,
    wagons: int | None = None,
    containers: int | None = None,
    departure: date | None = None,
    eta: date | None = None,
    arrival: date | None = None,
    arrived_weight_kg: int | None = None,
) -> list[PlausibilityWarning]:
    """Run the plausibility checks that apply to one shipment.

    The average weight is per container when there are containers (on the Kazakh leg the
    wagons are flat cars carrying them), otherwise per wagon. The transit is checked to the
    arrival, or to the ETA while the shipment has not arrived.

    Args:
        net_weight_kg: Net weight shipped.
        wagons: Number of wagons.
        containers: Number of containers.
        departure: Actual (or planned) departure.
        eta: Expected arrival.
        arrival: Actual arrival.
        arrived_weight_kg: Net weight on arrival.

    Returns:
        All warnings, in field order: weight, transit, arrived weight.
    """
    warnings: list[PlausibilityWarning] = []
    if net_weight_kg is not None:
        if containers:
            warnings += _check_average("container", net_weight_kg, containers, "net_weight_kg")
        elif wagons:
            warnings += _check_average("wagon", net_weight_kg, wagons, "net_weight_kg")
    if arrival is not None:
        warnings += check_transit(departure, arrival, "arrival")
    else:
        warnings += check_transit(departure, eta, "eta")
    warnings += check_arrived_weight(net_weight_kg, arrived_weight_kg)
    return warnings
