"""import and export through the command line, in real subprocesses, on real files."""

from __future__ import annotations

import csv
import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.integration.cli import run_cli

EN = (
    "waybill,train_no,commodity,supplier,consignee,origin_station,border_station,"
    "destination_station,departure_date,eta,status,net_tonnes,wagons,containers,notes\n"
    "WB-1,T1,Wheat,Tobol Agro,Xi'an Mill,Kostanay,Dostyk,Qingtongxia,2025-01-05,2025-01-14,"
    'in transit,1313.5,0,52,"two\nlines"\n'
    "WB-2,T1,小麦粉,Tobol Agro,Xi'an Mill,684001,Alashankou,QTJ,2025/1/5,,planned,24.5,0,1,\n"
)
RU = (
    "Накладная;Поезд;Груз;Поставщик;Станция отправления;Станция назначения;"
    "Дата отправления;Статус;Вес нетто, т;Цвет\n"
    "RU-1;П-1;Пшеница;ТОО Тобол;Костанай;Хоргос;05.01.2025;в пути;1 313,5;красный\n"
    "RU-2;П-1;Ячмень;ТОО Тобол;Костанай;Хоргос;05.01.2025;в пути;24,5;синий\n"
)
ZH = (
    "运单号\t车次\t货物\t供应商\t发站\t到站\t发车日期\t状态\t净重(吨)\n"
    "ZH-1\tX1\t小麦\t西安粮油\t科斯塔奈\t青铜峡\t2025年1月5日\t在途\t24.5\n"
)


@pytest.fixture
def run(tmp_path: Path):
    return lambda *args: run_cli(*args, home=tmp_path / "home")


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(path) as con:
        for table in ("shipments", "shipment_events", "counterparties", "audit_entries"):
            for row in con.execute(f"SELECT * FROM {table} ORDER BY id"):  # noqa: S608
                digest.update(repr(row).encode())
    return digest.hexdigest()


def _xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Waybill", "Commodity", "Origin_Station", "DESTINATION_STATION", "发车日期"])
    sheet.cell(1, 6, "net_tonnes")
    sheet.append(["XL-1", "Wheat", "Kostanay", "Qingtongxia", 45662, 24.5])
    sheet.append(["XL-2", "Barley", "Kostanay", "Qingtongxia", date(2025, 1, 6), 25])
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "content", "read_as", "summary"),
    [
        ("bom.csv", b"\xef\xbb\xbf" + EN.encode(), "read as utf-8-sig", "inserted 2"),
        ("ru.csv", RU.encode("cp1251"), "read as cp1251", "inserted 2"),
        ("zh.txt", ZH.encode("gb18030"), "read as gb18030", "inserted 1"),
        ("zh.xlsx", None, "XLSX", "inserted 2"),
    ],
)
def test_files_in_each_encoding_and_format_import(
    run, tmp_path: Path, name: str, content: bytes | None, read_as: str, summary: str
) -> None:
    path = tmp_path / name
    if content is None:
        _xlsx(path)
    else:
        path.write_bytes(content)
    db = tmp_path / "db.sqlite"
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"{path}: {read_as}" in done.stdout
    assert f"Imported: {summary}, updated 0, unchanged 0" in done.stdout
    if name == "ru.csv":
        assert "Ignored columns: Цвет" in done.stdout
        assert "New counterparties: ТОО Тобол" in done.stdout
    again = run("import", path, "--db", db)
    assert "updated 0, unchanged" in again.stdout


def test_a_refused_file_lists_every_problem_and_leaves_the_database_as_it_was(
    run, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.csv"
    good.write_text(EN, encoding="utf-8")
    assert run("import", good, "--db", db).returncode == 0
    before = _hash(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        EN.replace("Kostanay", "Kostanai").replace("24.5", "-24.5") + EN.splitlines()[-1] + "\n",
        encoding="utf-8",
    )
    done = run("import", bad, "--db", db)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{bad}: the file was refused (nothing was written): 3 problems:",
        "  row 2, column origin_station, value 'Kostanai': unknown station; did you mean Kostanay?",
        # WB-1's notes span two lines, but Excel shows one record as one row.
        "  row 3, column net_tonnes, value '-24.5': the net weight must be more than 0 t",
        "  row 4, column waybill, value 'WB-2': this waybill is already on row 3; a waybill is "
        "one shipment",
    ]
    assert _hash(db) == before


def test_dry_run_and_insert_only(run, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.csv"
    good.write_text(EN, encoding="utf-8")
    assert run("import", good, "--db", db).returncode == 0
    before = _hash(db)
    changed = tmp_path / "changed.csv"
    changed.write_text(EN.replace("in transit", "arrived"), encoding="utf-8")
    done = run("import", changed, "--db", db, "--dry-run")
    assert "Dry run, nothing written: would have inserted 0, updated 1, unchanged 1" in done.stdout
    assert _hash(db) == before
    refused = run("import", changed, "--db", db, "--insert-only")
    assert refused.returncode == 1 and "--insert-only refuses updates" in refused.stderr
    assert _hash(db) == before
    assert run("import", "--db", db).returncode == 2  # no FILE: bad usage


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    done = run_cli("demo", "--shipments", 300, "--db", path, home=folder / "home")
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(path)
    with con:  # contracts are reference data an empty database lacks
        con.execute("UPDATE shipments SET contract_id = NULL")
    con.close()  # the last connection checkpoints the WAL: the file can be copied
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_an_empty_database_gives_the_same_shipments(
    run, tmp_path: Path, demo: Path, suffix: str
) -> None:
    first = tmp_path / f"first{suffix}"
    done = run("export", first, "--db", demo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Exported 300 shipments")
    empty = tmp_path / "empty.sqlite"
    done = run("import", first, "--db", empty)
    assert done.returncode == 0, done.stderr
    assert "Imported: inserted 300, updated 0, unchanged 0" in done.stdout
    columns = (
        "waybill, train_no, departure_date, eta, arrival_date, status, net_weight_kg, wagons, "
        "containers, notes"
    )
    query = f"SELECT {columns} FROM shipments ORDER BY waybill"  # noqa: S608
    units = (
        "SELECT s.waybill, u.kind, u.number FROM shipment_units u "
        "JOIN shipments s ON s.id = u.shipment_id ORDER BY s.waybill, u.number"
    )
    with sqlite3.connect(demo) as a, sqlite3.connect(empty) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
        expected = a.execute(units).fetchall()
        assert expected and b.execute(units).fetchall() == expected
    second = tmp_path / f"second{suffix}"
    assert run("export", second, "--db", empty).returncode == 0
    if suffix == ".csv":
        assert first.read_bytes() == second.read_bytes()
        assert first.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_filters_by_departure_and_status(run, tmp_path: Path, demo: Path) -> None:
    out = tmp_path / "f.csv"
    done = run(
        "export",
        out,
        "--db",
        demo,
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--status",
        "arrived",
        "--status",
        "unloaded",
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(demo) as con:
        expected = con.execute(
            "SELECT count(*) FROM shipments WHERE departure_date BETWEEN '2024-01-01' AND "
            "'2024-12-31' AND status IN ('arrived', 'unloaded')"
        ).fetchone()[0]
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == expected > 0
    assert {r["status"] for r in rows} <= {"arrived", "unloaded"}
    assert run("export", out, "--db", demo, "--status", "lost").returncode == 2


def test_formula_looking_cells_are_escaped_and_read_back_as_text(
    run, tmp_path: Path, demo: Path
) -> None:
    db = tmp_path / "f.sqlite"
    shutil.copyfile(demo, db)
    notes = ['=HYPERLINK("http://x")', "+7 days", "-1", "@SUM(A1)", "\tTAB", "plain"]
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM shipments ORDER BY id LIMIT 6")]
        for i, note in zip(ids, notes, strict=True):
            con.execute("UPDATE shipments SET notes = ? WHERE id = ?", (note, i))
    xlsx = tmp_path / "out.xlsx"
    assert run("export", xlsx, "--db", db).returncode == 0
    sheet = load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    column = header.index("notes")
    cells = [row[column] for row in sheet.iter_rows(min_row=2, max_row=7)]
    assert [c.value for c in cells] == ["'" + n for n in notes[:5]] + ["plain"]
    assert all(c.data_type == "s" for c in cells)
    out_csv = tmp_path / "out.csv"
    assert run("export", out_csv, "--db", db).returncode == 0
    with out_csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["notes"] for r in rows[:6]] == ["'" + n for n in notes[:5]] + ["plain"]
    empty = tmp_path / "e.sqlite"
    assert run("import", out_csv, "--db", empty).returncode == 0
    with sqlite3.connect(empty) as con:
        back = [r[0] for r in con.execute("SELECT notes FROM shipments ORDER BY id LIMIT 6")]
    assert back == notes[:5] + ["plain"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"waybill,commodity\n", "required columns are missing"),
        (bytes(range(256)) * 8, "not a CSV, XLSX, XLS or ODS file"),
        (b"PK\x03\x04broken zip", "not a readable XLSX, XLS or ODS workbook"),
    ],
)
def test_unreadable_files_exit_1(run, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    done = run("import", path, "--db", tmp_path / "db.sqlite")
    assert done.returncode == 1
    assert message in done.stderr
