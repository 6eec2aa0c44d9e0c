"""One source of figures: every aggregate the dashboard, charts, reports and CLI show.

Pure models code (no Qt). Each function takes a read :class:`~sqlalchemy.orm.Session`
(``Database.read()``) first, runs GROUP BY / window queries in the database (SQLite and
PostgreSQL) and returns frozen dataclasses. Weights are integer kg. Names come in ``lang``
("en", "zh", "ru"): the reference row's name in that language where it has one, else the
Latin name. Every figure that stands for a set of shipments carries a
:class:`~models.services.queries.Filter` that selects exactly those shipments.

Where the numbers come from: the per-status totals, the arrivals per day and key and the
shipped totals per contract are summary tables kept by database triggers in the same
transaction as any change to ``shipments`` (migration 0003); lateness reads only open
shipments through the ``(status, eta)`` index (for a past day, also the few cancelled or
arrived since, through ``ix_shipments_late_arrival``); weight discrepancies read only the
shipments off by more than the smallest tolerance (``ix_shipments_weight_deviation``). The
route statistics behind predictions and their accuracy are learned once per process and
state of the arrivals they come from.

Additions to the first contract (for the dashboard and reports engineers):

* ``LateShipment.status``; ``ContractFigure.period_start/period_end`` and ``.band_kg``;
  ``Discrepancy.tolerance_pct``; ``Prediction.step_delay_days`` and ``.sample``.
* ``RouteTransit.days`` is a histogram: ``days[i]`` = shipments that took ``i`` days; it also
  has ``filter``.
* ``prediction_accuracy`` returns :class:`RouteAccuracy` named tuples
  ``(route, median_error_days, shipments, bias_days, …ids)``.
* ``stuck_filter(session, as_of, min_days)``: the workspace filter for ``stuck_at_border``.
* ``tonnage_by(..., no_border=...)`` and ``transit_times(..., no_border=...)``: the label
  of the "no border station" group (translate it in the UI).
* ``weight_discrepancies(..., limit=)`` and ``weight_discrepancy_count``: the first rows and
  the number of them all (the period summary lists 50).
* ``TrainSheet(train_no, shipments: list[ShipmentRow], units, events, net_kg, arrived_kg,
  wagons, containers, filter)``.
"""

from models.services.figures.contracts import ContractFigure, contract_fulfilment
from models.services.figures.lateness import (
    BUCKETS,
    AgeingBucket,
    DestinationFigure,
    LateShipment,
    ageing_buckets,
    expected_arrivals,
    last_events,
    late_shipments,
    stuck_at_border,
    stuck_filter,
)
from models.services.figures.prediction import (
    Prediction,
    RouteAccuracy,
    predicted_late,
    prediction_accuracy,
    predictions,
)
from models.services.figures.status import ALL_STATUSES, StatusFigure, status_totals
from models.services.figures.tonnage import (
    DIMENSIONS,
    Discrepancy,
    GroupFigure,
    MonthFigure,
    monthly_arrived,
    tonnage_by,
    weight_discrepancies,
    weight_discrepancy_count,
)
from models.services.figures.train import TrainEvent, TrainSheet, TrainUnit, train_sheet
from models.services.figures.transit import RouteTransit, transit_times

__all__ = [
    "ALL_STATUSES",
    "BUCKETS",
    "DIMENSIONS",
    "AgeingBucket",
    "ContractFigure",
    "DestinationFigure",
    "Discrepancy",
    "GroupFigure",
    "LateShipment",
    "MonthFigure",
    "Prediction",
    "RouteAccuracy",
    "RouteTransit",
    "StatusFigure",
    "TrainEvent",
    "TrainSheet",
    "TrainUnit",
    "ageing_buckets",
    "contract_fulfilment",
    "expected_arrivals",
    "last_events",
    "late_shipments",
    "monthly_arrived",
    "predicted_late",
    "prediction_accuracy",
    "predictions",
    "status_totals",
    "stuck_at_border",
    "stuck_filter",
    "tonnage_by",
    "train_sheet",
    "transit_times",
    "weight_discrepancies",
    "weight_discrepancy_count",
]
