"""Report data (no Qt): the period summary and train sheet against independent SQL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from models.errors import NotFoundError, UserError
from models.progress import Cancelled, CancelToken
from models.services.demo import create_demo
from models.services.reports import (
    LANGUAGES,
    GroupLine,
    labels,
    period_summary,
    status_word,
    train_report,
    word,
)

FIRST, LAST = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def demo(db):
    create_demo(db, shipments=300, seed=1)
    return db


def _arrived(db, first: date, last: date, by: str | None = None) -> dict:
    """Independent SQL: shipments and net kg arrived in the period, cancelled left out."""
    key = by or "'all'"
    sql = (
        f"SELECT {key}, count(*), sum(net_weight_kg) FROM shipments "
        "WHERE arrival_date BETWEEN :f AND :l AND status <> 'cancelled' GROUP BY 1"
    )
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text(sql), {"f": first, "l": last}).all()
    return {k: (int(n), int(kg)) for k, n, kg in rows}


def test_every_group_table_adds_up_to_the_sql_total(demo):
    summary = period_summary(demo, FIRST, LAST)
    ((n, kg),) = _arrived(demo, FIRST, LAST).values()
    ((_, before),) = _arrived(demo, date(2024, 1, 1), date(2024, 12, 31)).values()
    assert [t.dimension for t in summary.groups] == [
        "commodity",
        "supplier",
        "route",
        "destination",
    ]
    for table in summary.groups:
        assert table.total == GroupLine("", n, kg, before)
        assert sum(line.net_kg for line in table.lines) == kg
    assert summary.arrived.net_kg == kg and not summary.empty


def test_previous_year_column_is_the_same_days_a_year_earlier(demo):
    summary = period_summary(demo, date(2025, 3, 1), date(2025, 5, 31))
    now = _arrived(demo, date(2025, 3, 1), date(2025, 5, 31), "commodity_id")
    before = _arrived(demo, date(2024, 3, 1), date(2024, 5, 31), "commodity_id")
    with demo.engine.connect() as conn:
        names = dict(conn.execute(sa.text("SELECT name, id FROM commodities")).all())
    (commodities,) = [t for t in summary.groups if t.dimension == "commodity"]
    assert commodities.lines
    for line in commodities.lines:
        key = names[line.name]
        assert line.net_kg == now.get(key, (0, 0))[1]
        assert line.previous_kg == before.get(key, (0, 0))[1]
        if line.previous_kg:
            expected = 100 * (line.net_kg - line.previous_kg) / line.previous_kg
            assert line.change_pct == pytest.approx(expected)
        else:
            assert line.change_pct is None


def test_monthly_lines_sum_to_the_period_total(demo):
    summary = period_summary(demo, FIRST, LAST)
    assert sum(m.net_kg for m in summary.months) == summary.arrived.net_kg
    assert {m.month.year for m in summary.months} == {2025}


def test_names_are_in_the_report_language(demo):
    zh = period_summary(demo, FIRST, LAST, "zh")
    names = {line.name for table in zh.groups for line in table.lines}
    assert {"亚麻籽", "青铜峡"} <= names
    ru = period_summary(demo, FIRST, LAST, "ru")
    assert "Семена льна" in {line.name for line in ru.groups[0].lines}


def test_late_list_is_capped_but_counted(demo):
    summary = period_summary(demo, FIRST, LAST)
    assert summary.late_total >= len(summary.late)
    assert all(x.days_late > 0 for x in summary.late)
    assert summary.discrepancies_total >= len(summary.discrepancies)


def test_empty_period_is_empty_not_an_error(demo):
    summary = period_summary(demo, date(1999, 1, 1), date(1999, 1, 31))
    assert summary.empty and summary.arrived.net_kg == 0


def test_a_period_that_ends_before_it_starts_is_refused(demo):
    with pytest.raises(UserError, match="before it starts"):
        period_summary(demo, LAST, FIRST)


def test_unknown_language_is_refused(demo):
    with pytest.raises(ValueError, match="unknown report language"):
        period_summary(demo, FIRST, LAST, "de")


def test_cancel_stops_between_figures(demo):
    token = CancelToken()
    seen = []

    def progress(done, total, note=""):
        seen.append(done)
        if done == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        period_summary(demo, FIRST, LAST, progress=progress, cancel=token)
    assert seen == [0, 1, 2]


def test_train_report_lists_every_consignment_with_local_names(demo):
    with demo.engine.connect() as conn:
        train = conn.execute(
            sa.text(
                "SELECT s.train_no FROM shipments s JOIN stations o ON o.id = s.origin_station_id "
                "WHERE o.name = 'Kostanay' GROUP BY s.train_no ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar_one()
        expected = dict(
            conn.execute(
                sa.text("SELECT waybill, net_weight_kg FROM shipments WHERE train_no = :t"),
                {"t": train},
            ).all()
        )
        units = conn.execute(
            sa.text(
                "SELECT count(*) FROM shipment_units u JOIN shipments s ON s.id = u.shipment_id "
                "WHERE s.train_no = :t"
            ),
            {"t": train},
        ).scalar_one()
    report = train_report(demo, train, "ru")
    assert report.origin == "Костанай"
    assert {line.waybill: line.net_kg for line in report.lines} == expected
    assert sum(len(line.units) for line in report.lines) == units
    assert train_report(demo, train, "zh").origin == "科斯塔奈"


def test_unknown_train_is_not_found(demo):
    with pytest.raises(NotFoundError):
        train_report(demo, "NO-SUCH-TRAIN")


def test_every_report_word_exists_in_every_language():
    for key in labels._WORDS:
        texts = [word(key, lang) for lang in LANGUAGES]
        assert all(texts) and len(set(texts)) == 3, key
    assert word("page_of", "zh", 2, 5) == "第 2 页，共 5 页"
    assert status_word("in_transit", "ru") == "В пути"


def test_a_running_period_counts_what_is_late_today(demo):
    today = date(2025, 6, 30)
    summary = period_summary(demo, date(2025, 6, 1), date(2025, 6, 30), today=today)
    running = period_summary(demo, date(2025, 6, 1), date(2099, 12, 31), today=today)
    assert running.late_total == summary.late_total
    assert [x.waybill for x in running.late] == [x.waybill for x in summary.late]
