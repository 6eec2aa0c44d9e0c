"""Numpy column helpers of the planner: epoch days and seconds as text, weighted draws."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

I64 = np.int64
DAY = 86_400
HOUR = 3_600


def epoch_day(d: date) -> int:
    return d.toordinal() - date(1970, 1, 1).toordinal()


def date_strings(days: np.ndarray) -> np.ndarray:
    """Epoch days → 'YYYY-MM-DD', the way SQLAlchemy stores a date on SQLite."""
    return np.datetime_as_string(days.astype("datetime64[D]")).astype(object)


def stamp_strings(secs: np.ndarray) -> np.ndarray:
    """Epoch seconds → naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff', as SQLAlchemy stores them."""
    iso = np.datetime_as_string(secs.astype("datetime64[s]")).tolist()
    return np.array([f"{s[:10]} {s[11:]}.000000" for s in iso], dtype=object)


def largest_remainder(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers in proportion to ``weights`` that add up to exactly ``total``."""
    expected = total * weights / weights.sum()
    counts = np.floor(expected).astype(I64)
    order = np.argsort(counts - expected, kind="stable")
    counts[order[: total - int(counts.sum())]] += 1
    return counts


def cumulative_table(rows: Sequence[dict[int, float]], width: int) -> np.ndarray:
    """Rows of {column: weight} → a matrix of cumulative probabilities, row by row."""
    table = np.zeros((len(rows), width))
    for r, weights in enumerate(rows):
        for c, w in weights.items():
            table[r, c] = w
        table[r] = np.cumsum(table[r] / table[r].sum())
    return table


def choose(rng: np.random.Generator, cumulative: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each element, a column drawn with the probabilities of its row of ``cumulative``."""
    picked = (rng.random(len(rows))[:, None] > cumulative[rows]).sum(axis=1)
    return np.minimum(picked, cumulative.shape[1] - 1)


def nullable(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    out = values.astype(object)
    out[~present] = None
    return out
