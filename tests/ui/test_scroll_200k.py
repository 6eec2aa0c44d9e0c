"""A real table over a 200,000-shipment database, scrolled top → bottom → middle.

The file is made once per session by the demo generator (10–60 s, so the tests are marked
slow; they still run in the README's test command). The tests only read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication

from models.db import Database, open_database
from models.services.demo import create_demo
from models.services.queries import Filter, Sort
from ui.item_models.columns import column_of
from ui.item_models.shipments_table import ShipmentsTableModel
from ui.pages.shipments_page import ShipmentsPage

pytestmark = pytest.mark.slow

SHIPMENTS = 200_000
MAX_PAGES = 8
WAYBILL = column_of("waybill")


@pytest.fixture(scope="session")
def big_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    db = open_database(str(path))
    try:
        create_demo(db, shipments=SHIPMENTS, seed=4)
    finally:
        db.dispose()
    return path


@pytest.fixture
def big_db(big_db_path: Path) -> Iterator[Database]:
    db = open_database(str(big_db_path), readonly=True, create=False)
    yield db
    db.dispose()


def _expected_waybills(db: Database, offset: int, n: int) -> list[str]:
    """The table's default order (newest departure first, ties by id), straight from SQL."""
    sql = (
        "SELECT waybill FROM shipments ORDER BY departure_date DESC, id DESC"
        " LIMIT :n OFFSET :offset"
    )
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.text(sql), {"n": n, "offset": offset})]


def _visible(page: ShipmentsPage) -> tuple[int, list[str]]:
    view = page.view()
    model = page.model()
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    if bottom < 0:
        bottom = model.rowCount() - 1
    return top, [model.index(r, WAYBILL).data() for r in range(top, bottom + 1)]


def test_scrolling_end_to_end_shows_the_right_rows_within_the_cache_bound(qtbot, big_db):
    page = ShipmentsPage(big_db)
    qtbot.addWidget(page)
    model = ShipmentsTableModel(big_db, page, max_pages=MAX_PAGES)
    page.view().setModel(model)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not model.is_counting(), timeout=30_000)
    assert model.rowCount() == SHIPMENTS
    bar = page.view().verticalScrollBar()

    most = 0
    # top → bottom in 24 strides (each a part not loaded yet), then back up to the middle
    positions = [bar.maximum() * i // 24 for i in range(25)] + [bar.maximum() // 2]
    for value in positions:
        bar.setValue(value)
        page.view().viewport().repaint()  # paints the rows on screen: the model reads them
        QCoreApplication.processEvents()
        most = max(most, model.cached_pages)
        top, shown = _visible(page)
        assert shown == _expected_waybills(big_db, top, len(shown)), f"rows from {top}"
    assert top > 0 and shown
    assert (
        model.index(SHIPMENTS - 1, WAYBILL).data()
        == _expected_waybills(big_db, SHIPMENTS - 1, 1)[0]
    )
    assert 1 < most <= MAX_PAGES
    model.wait_for_background()


def test_jumping_to_the_last_row_and_a_filter_on_200k(qtbot, big_db):
    page = ShipmentsPage(big_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    model = page.model()
    qtbot.waitUntil(lambda: not model.is_counting(), timeout=30_000)
    page.view().scrollToBottom()
    page.view().viewport().repaint()
    top, shown = _visible(page)
    assert top + len(shown) == SHIPMENTS
    assert shown == _expected_waybills(big_db, top, len(shown))

    text = shown[-1][2:]  # part of a waybill: the text index
    with qtbot.waitSignal(page.summary_changed, timeout=30_000):
        model.set_filter(Filter(text=text))
    qtbot.waitUntil(lambda: not model.is_counting(), timeout=30_000)
    with big_db.engine.connect() as conn:
        expected = conn.execute(
            sa.text(
                "SELECT count(*) FROM shipments s WHERE s.waybill LIKE :p OR s.train_no LIKE :p"
                " OR s.notes LIKE :p"
                " OR s.id IN (SELECT shipment_id FROM shipment_units WHERE number LIKE :p)"
            ),
            {"p": f"%{text}%"},
        ).scalar_one()
    assert model.rowCount() == expected > 0
    assert model.current_sort() == Sort()
    model.wait_for_background()
