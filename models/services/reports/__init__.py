"""Report data: the period summary and the train arrival sheet, as plain values (no Qt).

The printed reports (ui/reports) render what these return; every figure in them comes from
:mod:`models.services.figures`, so a report never disagrees with the dashboard or the
``status`` command.
"""

from models.services.reports.labels import LANGUAGES, check_language, status_word, word
from models.services.reports.summary import (
    ContractLine,
    DiscrepancyLine,
    GroupLine,
    GroupTable,
    LateLine,
    MonthLine,
    PeriodSummary,
    check_period,
    period_summary,
)
from models.services.reports.train import TrainLine, TrainReport, train_report

__all__ = [
    "LANGUAGES",
    "ContractLine",
    "DiscrepancyLine",
    "GroupLine",
    "GroupTable",
    "LateLine",
    "MonthLine",
    "PeriodSummary",
    "TrainLine",
    "TrainReport",
    "check_language",
    "check_period",
    "period_summary",
    "status_word",
    "train_report",
    "word",
]
