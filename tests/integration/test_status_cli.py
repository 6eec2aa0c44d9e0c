"""``main.py status`` in a real subprocess: text and JSON against the figures, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.db import open_database
from models.services import figures
from models.services.demo import create_demo
from tests.integration.cli import ROOT, run_cli

TODAY = date(2026, 11, 30)
STATUSES = [
    "planned",
    "loading",
    "in_transit",
    "at_border",
    "customs",
    "arrived",
    "unloaded",
    "cancelled",
]


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("status", *args, home=home)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("status") / "demo.sqlite"
    db = open_database(str(path))
    create_demo(db, shipments=400, seed=3, today=TODAY)
    db.dispose()
    return path


def test_json_has_the_documented_form_and_the_figures_numbers(demo_file, tmp_path):
    done = run(tmp_path, "--db", str(demo_file), "--as-of", "2026-11-30", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert list(document) == ["as_of", "statuses", "late"]
    assert document["as_of"] == "2026-11-30"
    assert list(document["statuses"]) == STATUSES
    db = open_database(str(demo_file))
    try:
        with db.read() as s:
            totals = figures.status_totals(s, TODAY)
            late = figures.late_shipments(s, TODAY)
    finally:
        db.dispose()
    assert document["statuses"] == {
        f.status.value: {"shipments": f.shipments, "net_kg": f.net_kg} for f in totals
    }
    assert late, "the demo data should have late shipments"
    assert document["late"] == [
        {
            "waybill": r.waybill,
            "train_no": r.train_no,
            "days_late": r.days_late,
            "last_station": r.last_station,
            "predicted_arrival": r.predicted_arrival.isoformat() if r.predicted_arrival else None,
        }
        for r in late
    ]
    assert all(
        set(r) == {"waybill", "train_no", "days_late", "last_station", "predicted_arrival"}
        for r in document["late"]
    )
    assert all(date.fromisoformat(r["predicted_arrival"]) >= TODAY for r in document["late"])


def test_text_lists_each_status_and_the_late_shipments(demo_file, tmp_path):
    done = run(tmp_path, "--as-of", "2026-11-30", "--db", str(demo_file))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Status as of 2026-11-30")
    for status in STATUSES:
        assert any(line.split()[0] == status for line in lines[2:10])
    late_line = next(line for line in lines if line.startswith("Late shipments:"))
    count = int(late_line.split(":")[1].replace(",", ""))
    assert count > 0
    assert len(lines) == lines.index(late_line) + 2 + count  # header, then one line each


def test_a_past_day_gives_that_days_figures(demo_file, tmp_path):
    done = run(tmp_path, "--db", str(demo_file), "--as-of", "2025-06-30", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    db = open_database(str(demo_file))
    try:
        with db.read() as s:
            totals = figures.status_totals(s, date(2025, 6, 30))
    finally:
        db.dispose()
    assert document["statuses"]["in_transit"]["shipments"] == totals[2].shipments
    total = sum(v["shipments"] for v in document["statuses"].values())
    assert 0 < total < 400  # shipments planned later did not exist yet


@pytest.mark.parametrize("bad", ["2026-02-30", "30.11.2026", "yesterday"])
def test_a_bad_date_is_a_usage_error(demo_file, tmp_path, bad):
    done = run(tmp_path, "--db", str(demo_file), "--as-of", bad)
    assert done.returncode == 2
    assert f"argument --as-of: not a date (YYYY-MM-DD): '{bad}'" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_missing_database_is_a_user_error_and_is_not_created(tmp_path):
    missing = tmp_path / "none.sqlite"
    done = run(tmp_path, "--db", str(missing), "--json")
    assert done.returncode == 1
    assert done.stderr.strip() == f"railgrain: error: no database at {missing}"
    assert not missing.exists()


def test_opening_a_current_database_does_not_import_alembic(tmp_path):
    """Alembic (half a second) is loaded only when a schema must be upgraded; the head the
    database code reads from the revision files is Alembic's own."""
    path = tmp_path / "current.sqlite"
    open_database(str(path)).dispose()  # created and upgraded: Alembic loads here
    code = (
        "import sys\n"
        "from models.db import open_database, known_revisions\n"
        f"db = open_database({str(path)!r}, create=False)\n"
        "state = db.schema_state()\n"
        "db.dispose()\n"
        "print(state.current, state.head, sorted(known_revisions()), 'alembic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split(" ", 2)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "models" / "migrations"))
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    revisions = sorted(r.revision for r in script.walk_revisions())
    assert out[0] == out[1] == head
    assert out[2].strip() == f"{revisions} False"
