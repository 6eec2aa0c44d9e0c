"""Container and wagon numbers with their check digits, from fleets that go round."""

from __future__ import annotations

import math

import numpy as np

from models.services.demo.business import CONTAINER_OWNERS, HS, WAGON_KIND_DIGIT
from models.services.demo.columns import I64
from models.services.demo.trains import Trains


def _iso6346_values() -> dict[str, int]:
    values, value = {}, 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        value += value % 11 == 0  # ISO 6346 skips 11, 22 and 33
        values[letter] = value
        value += 1
    return values


def _container_fleet(rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` distinct ISO 6346 container numbers, check digit computed."""
    letters = _iso6346_values()
    serial = rng.choice(1_000_000, size, replace=False).astype(I64)
    owner = np.arange(size) % len(CONTAINER_OWNERS)
    owner_sum = [sum(letters[c] << i for i, c in enumerate(o)) for o in CONTAINER_OWNERS]
    total = np.array(owner_sum, dtype=I64)[owner]
    for k in range(6):  # the serial's digits, most significant first, sit at positions 4..9
        total += (serial // 10 ** (5 - k) % 10) << (4 + k)
    check = (total % 11 % 10).tolist()
    return np.array(
        [
            f"{CONTAINER_OWNERS[o]}{s:06d}{c}"
            for o, s, c in zip(owner.tolist(), serial.tolist(), check, strict=True)
        ],
        dtype=object,
    )


def _wagon_fleet(rng: np.random.Generator, size: int, kind_digit: int) -> np.ndarray:
    """``size`` distinct 8-digit 1520 mm wagon numbers, the last digit a Luhn check digit."""
    body = kind_digit * 1_000_000 + rng.choice(1_000_000, size, replace=False).astype(I64)
    total = np.zeros(size, dtype=I64)
    for k in range(7):
        digit = body // 10 ** (6 - k) % 10
        if k % 2 == 0:  # Luhn doubles every second digit leftwards from the check digit
            digit = 2 * digit - 9 * (digit >= 5)
        total += digit
    return (body * 10 + (10 - total % 10) % 10).astype(str).astype(object)


def unit_numbers(
    rng: np.random.Generator, t: Trains, un_train: np.ndarray, span_days: int
) -> np.ndarray:
    """Each unit's number from a fleet that goes round: a box is back about 45 days later."""
    first_unit = np.cumsum(t.units) - t.units
    position = np.arange(len(un_train)) - first_unit[un_train]
    numbers = np.empty(len(un_train), dtype=object)
    digit = np.array([WAGON_KIND_DIGIT.get(h, 9) for h in HS])[t.commodity]
    for kind in (None, 2, 7, 9):
        in_fleet = ~t.wagon if kind is None else t.wagon & (digit == kind)
        used = np.where(in_fleet, t.units, 0)
        if not used.any():
            continue
        size = max(200, int(t.units.max()), math.ceil(int(used.sum()) * 45 / span_days))
        fleet = _container_fleet(rng, size) if kind is None else _wagon_fleet(rng, size, kind)
        start = np.cumsum(used) - used
        mine = in_fleet[un_train]
        numbers[mine] = fleet[(start[un_train[mine]] + position[mine]) % size]
    return numbers
