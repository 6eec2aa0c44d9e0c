"""``main.py report`` in real subprocesses: PDFs read back with pdftotext, checked against SQL."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.db import open_database
from models.services.demo import create_demo

ROOT = Path(__file__).resolve().parents[2]
FIRST, LAST = date(2025, 1, 1), date(2025, 12, 31)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"
)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RAILGRAIN_DB", "DISPLAY")}
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["HOME"] = str(home)
    env.pop("QT_QPA_PLATFORM", None)  # the command itself must choose offscreen
    return env


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database with a fixed seed, and two long trains.

    LONG-1 has 150 consignments without units (one line each); LONG-U has 60 with their
    wagons or containers (several lines each).
    """
    path = tmp_path_factory.mktemp("report-demo") / "demo.sqlite"
    db = open_database(str(path))
    try:
        create_demo(db, shipments=600, seed=1)
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM shipments ORDER BY id LIMIT 150")]
        marks = ",".join("?" * len(ids))
        conn.execute(f"DELETE FROM shipment_units WHERE shipment_id IN ({marks})", ids)
        conn.execute(f"UPDATE shipments SET train_no = 'LONG-1' WHERE id IN ({marks})", ids)
        conn.execute(
            "UPDATE shipments SET train_no = 'LONG-U' WHERE id IN "
            "(SELECT id FROM shipments WHERE id > ? ORDER BY id LIMIT 60)",
            (max(ids),),
        )
    return path


def run(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "report", *map(str, args)],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.replace("\u00a0", " ").replace("\u202f", " ")


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def arrived_kg(path: Path, first: date, last: date) -> tuple[int, int]:
    """Independent SQL: shipments and net kg arrived in the period, cancelled left out."""
    with sqlite3.connect(path) as conn:
        n, kg = conn.execute(
            "SELECT count(*), coalesce(sum(net_weight_kg), 0) FROM shipments "
            "WHERE arrival_date BETWEEN ? AND ? AND status != 'cancelled'",
            (first.isoformat(), last.isoformat()),
        ).fetchone()
    return n, kg


def tonnes_en(kg: int) -> str:
    return f"{kg // 1000:,}.{kg % 1000:03d}"


def tonnes_ru(kg: int) -> str:
    return f"{kg // 1000:,}".replace(",", " ") + f",{kg % 1000:03d}"


def test_summary_totals_and_previous_year_equal_sql(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    result = run(tmp_path, out, "--db", demo, "--from", FIRST, "--to", LAST)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    shipments, kg = arrived_kg(demo, FIRST, LAST)
    _, before = arrived_kg(demo, date(2024, 1, 1), date(2024, 12, 31))
    assert shipments > 0 and before > 0
    totals = [line.split() for line in text.splitlines() if line.split()[:1] == ["Total"]]
    # One total line per group table (commodity, supplier, route, destination), all equal.
    group_totals = [t for t in totals if len(t) == 6]
    assert len(group_totals) == 4
    change = f"{100 * (kg - before) / before:+.1f}"
    for line in group_totals:
        assert line == ["Total", f"{shipments:,}", tonnes_en(kg), tonnes_en(before), change, "%"]
    assert "Period summary" in text and "1 January 2025 – 31 December 2025" in text
    assert "Page 1 of" in text and "Printed:" in text


def test_chinese_and_russian_names_are_text_in_the_pdf(demo: Path, tmp_path: Path) -> None:
    zh, ru = tmp_path / "zh.pdf", tmp_path / "ru.pdf"
    assert (
        run(tmp_path, zh, "--db", demo, "--from", FIRST, "--to", LAST, "--lang", "zh").returncode
        == 0
    )
    assert (
        run(tmp_path, ru, "--db", demo, "--from", FIRST, "--to", LAST, "--lang", "ru").returncode
        == 0
    )
    zh_text = pdf_text(zh)
    for name in ("期间汇总报告", "青铜峡", "亚麻籽", "小麦粉", "合计"):
        assert name in zh_text
    assert "Flaxseed (linseed)" not in zh_text  # (free-text reasons may still name places)
    ru_text = pdf_text(ru)
    for name in ("Сводный отчёт за период", "Семена льна", "Итого", "Хоргос"):
        assert name in ru_text
    _, kg = arrived_kg(demo, FIRST, LAST)
    assert tonnes_ru(kg) in ru_text  # the Russian locale: space groups, decimal comma
    fonts = subprocess.run(["pdffonts", str(zh)], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded


def test_train_sheet_in_russian_names_kostanay(demo: Path, tmp_path: Path) -> None:
    with sqlite3.connect(demo) as conn:
        (train,) = conn.execute(
            "SELECT s.train_no FROM shipments s JOIN stations o ON o.id = s.origin_station_id "
            "WHERE o.name = 'Kostanay' AND s.train_no NOT LIKE 'LONG-%' LIMIT 1"
        ).fetchone()
    out = tmp_path / "train.pdf"
    result = run(tmp_path, out, "--db", demo, "--kind", "train", "--train", train, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Костанай" in text and f"Лист прибытия поезда {train}" in text
    assert "Принял (ФИО, подпись, дата)" in text


def test_long_train_sheet_spans_the_pages_its_rows_need(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    result = run(tmp_path, out, "--db", demo, "--kind", "train", "--train", "LONG-1")
    assert result.returncode == 0, result.stderr
    pages = page_count(out)
    with sqlite3.connect(demo) as conn:
        waybills = [
            r[0] for r in conn.execute("SELECT waybill FROM shipments WHERE train_no = 'LONG-1'")
        ]
    per_page = []
    for page in range(1, pages + 1):
        text = pdf_text(out, page)
        # The table header repeats on every page that has rows, and the footer counts pages.
        assert f"Page {page} of {pages}" in text
        rows = [w for w in waybills if re.search(rf"\b{re.escape(w)}\b", text)]
        if rows:
            assert "Waybill" in text
        per_page.append(len(rows))
    assert sum(per_page) == len(waybills) == 150  # every row once: none split or lost
    full = per_page[1]  # a page with no intro table: as many rows as fit
    assert full > 20
    assert all(n == full for n in per_page[1:-1])
    expected = 1 + -(-(150 - per_page[0]) // full)
    assert pages in (expected, expected + 1)  # +1: the signature lines may need a page


def test_rows_with_many_units_are_never_split(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "units.pdf"
    result = run(tmp_path, out, "--db", demo, "--kind", "train", "--train", "LONG-U")
    assert result.returncode == 0, result.stderr
    pages = page_count(out)
    with sqlite3.connect(demo) as conn:
        rows = conn.execute(
            "SELECT s.waybill, s.net_weight_kg, count(u.id) FROM shipments s "
            "JOIN shipment_units u ON u.shipment_id = s.id WHERE s.train_no = 'LONG-U' "
            "GROUP BY s.id"
        ).fetchall()
    units = sum(n for _, _, n in rows)
    assert pages >= 1 + units // 4 // 70  # four numbers a line, at most ~70 lines a page
    texts = [pdf_text(out, page) for page in range(1, pages + 1)]
    for text in texts:
        assert "Waybill" in text and "Wagons / containers" in text  # header on every page
    for waybill, kg, _ in rows:
        # The consignment's row: number, waybill and shipped tonnes on one line of one page.
        lines = [line for t in texts for line in t.splitlines() if f" {waybill} " in line]
        assert len(lines) == 1 and tonnes_en(kg) in lines[0]


def test_page_rendered_is_not_blank(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    assert run(tmp_path, out, "--db", demo, "--from", FIRST, "--to", LAST).returncode == 0
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
        check=True,
    )
    (image,) = tmp_path.glob("p*.pgm")
    data = image.read_bytes()
    pixels = data[data.index(b"255\n") + 4 :]
    dark = sum(1 for b in pixels if b < 128)
    assert dark > len(pixels) * 0.01


def test_empty_period_says_there_were_no_arrivals(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = run(tmp_path, out, "--db", demo, "--from", "1999-01-01", "--to", "1999-01-31")
    assert result.returncode == 0, result.stderr
    assert "There were no arrivals in this period." in pdf_text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2025-02-30", "--to", "2025-03-31"), "--from: not a date"),
        (("--from", "2025-03-01", "--to", "2025-02-01"), "ends (2025-02-01) before it starts"),
        (("--kind", "train", "--train", "NO-SUCH-TRAIN"), "no train 'NO-SUCH-TRAIN'"),
    ],
)
def test_user_errors_exit_1_and_leave_no_file(
    demo: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "r.pdf"
    result = run(tmp_path, out, "--db", demo, *args)
    assert result.returncode == 1
    assert message in result.stderr and result.stderr.startswith("railgrain: error:")
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".r.pdf*")) == []


def test_unwritable_path_exits_1(demo: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "r.pdf"
    result = run(tmp_path, missing, "--db", demo, "--from", FIRST, "--to", LAST)
    assert result.returncode == 1 and "does not exist" in result.stderr
    if Path("/proc/self").is_dir():  # a folder no one may create files in, even root
        result = run(
            tmp_path, "/proc/railgrain-report.pdf", "--db", demo, "--from", FIRST, "--to", LAST
        )
        assert result.returncode == 1 and "cannot write /proc/railgrain-report.pdf" in result.stderr
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        result = run(tmp_path, locked / "r.pdf", "--db", demo, "--from", FIRST, "--to", LAST)
        assert result.returncode == 1 and "not writable" in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize(
    "args",
    [
        ("--to", "2025-01-31"),
        ("--from", "2025-01-01", "--to", "2025-01-31", "--lang", "de"),
        ("--kind", "train"),
        ("--from", "2025-01-01", "--to", "2025-01-31", "--kind", "weekly"),
    ],
)
def test_bad_usage_exits_2(demo: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    out = tmp_path / "r.pdf"
    result = run(tmp_path, out, "--db", demo, *args)
    assert result.returncode == 2
    assert not out.exists()


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_the_contract_table_fits_the_page_in_every_language(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    """Long names (Russian above all) go onto continuation lines instead of pushing the
    contract table's last columns off the page, where Qt leaves them out of the PDF."""
    from models.services.reports.labels import word

    out = tmp_path / f"summary-{lang}.pdf"
    result = run(tmp_path, out, "--db", demo, "--from", FIRST, "--to", LAST, "--lang", lang)
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out).split())
    for key in ("contract", "supplier", "contracted", "remaining", "tolerance"):
        assert " ".join(word(key, lang).split()) in text
    yes_no = {word("yes", lang), word("no", lang)}
    with sqlite3.connect(demo) as conn:
        contracts = [n for (n,) in conn.execute("SELECT number FROM contracts")]
    # Every contract row ends with its tolerance word: the last column is on the page.
    rows = [line.split() for line in pdf_text(out).splitlines()]
    ends = {r[0]: r[-1] for r in rows if r and r[0] in contracts}
    assert ends and set(ends.values()) <= yes_no
