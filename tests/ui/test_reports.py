"""Reports → Print report…: the dialog, its preview and its PDF, on real widgets."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QMenu

from models.services.reports import period_summary
from ui import settings as keys
from ui.main_window import MainWindow
from ui.reports.dialog import ReportDialog
from ui.reports.document import summary_document
from ui.reports.printing import write_pdf
from ui.settings import Settings

FIRST, LAST = date(2025, 1, 1), date(2025, 12, 31)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


@pytest.fixture
def dialog(qtbot, demo_db, settings_store):
    d = ReportDialog(demo_db, settings=Settings(settings_store), today=date(2025, 12, 31))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _db_file(demo_db) -> Path:
    return Path(demo_db.url.database)


def test_reports_menu_opens_the_dialog(qtbot, demo_db, settings_store):
    window = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "reportsMenu")
    assert window.report_action in menu.actions()
    window.report_action.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


@needs_pdftotext
def test_save_as_pdf_writes_the_chosen_language_and_period(qtbot, dialog, demo_db, tmp_path):
    dialog.set_period(FIRST, LAST)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.company.setText("宁夏粮油进口有限公司")
    pages: list[int] = []
    dialog.save_pdf(str(tmp_path / "r.pdf"), pages.append)
    qtbot.waitUntil(lambda: bool(pages), timeout=30000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
    ).stdout
    with sqlite3.connect(_db_file(demo_db)) as conn:
        (kg,) = conn.execute(
            "SELECT sum(net_weight_kg) FROM shipments WHERE arrival_date BETWEEN ? AND ? "
            "AND status != 'cancelled'",
            (FIRST.isoformat(), LAST.isoformat()),
        ).fetchone()
    assert f"{kg // 1000:,}.{kg % 1000:03d}" in text
    assert "宁夏粮油进口有限公司" in text and "期间汇总报告" in text
    assert f"共 {pages[0]} 页" in text
    # The choices are remembered for next time.
    settings = Settings(dialog._settings._store)
    assert settings.get(keys.REPORT_LANGUAGE) == "zh"
    assert settings.get(keys.REPORT_COMPANY) == "宁夏粮油进口有限公司"


def test_preview_shows_the_pages_and_navigates(qtbot, dialog):
    dialog.set_period(FIRST, LAST)
    dialog.make_report(dialog.show_preview)
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.isVisible(), timeout=30000
    )
    widget = dialog.preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 1, timeout=30000)
    widget.setCurrentPage(2)
    assert widget.currentPage() == 2
    widget.setZoomFactor(2.0)
    assert widget.zoomFactor() == pytest.approx(2.0)
    dialog.preview.close()


@needs_pdftotext
@pytest.mark.parametrize(("paper", "size"), [("A4", "595 x 842 pts"), ("Letter", "612 x 792 pts")])
def test_paper_size_is_the_one_chosen(demo_db, tmp_path, paper, size):
    document = summary_document(period_summary(demo_db, FIRST, LAST))
    write_pdf(document, tmp_path / "r.pdf", paper=paper)
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True)
    assert re.search(rf"Page size:\s+{re.escape(size)}", info.stdout)


def test_train_kind_needs_a_train_number(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.reports.dialog.show_user_error", lambda _p, e: shown.append(str(e)))
    dialog.kind.setCurrentIndex(dialog.kind.findData("train"))
    assert dialog.train.isEnabled() and not dialog.first.isEnabled()
    dialog.pdf_button.setEnabled(True)
    dialog.save_pdf("unused.pdf")
    assert shown == ["Enter the train number."]
