"""The CSV export's SQLite fast path writes the same bytes as the general path through csv."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.db import Database
from models.progress import no_progress
from models.rules.status import Status
from models.services import exports
from models.services.imports.importer import import_file
from models.services.queries import Filter

HEADER = (
    "waybill,train_no,commodity,supplier,consignee,origin_station,border_station,"
    "destination_station,departure_date,eta,arrival_date,status,net_tonnes,wagons,containers,"
    "notes,units"
)
ROWS = [
    # Names and notes with separators, quotes, line breaks and formula starts; units; tonnes.
    'E-1,T1,Wheat,"Tobol, ""Agro"" LLP","=SUM(A1)",Kostanay,Dostyk,Qingtongxia,2025-01-05,'
    '2025-01-14,,in transit,25,0,2,"said ""hi"", left\nsecond line","CSQU3054383 TGHU7654320"',
    "-E-2,T/2,小麦粉,@Supplier,+Consignee,684001,,QTJ,2025-01-06,,,planned,1313.5,0,0,=1+2,",
    "E-3,,Wheat,,,Kostanay,Alashankou,QTJ,2025-01-07,2025-01-09,2025-01-10,arrived,0.001,1,0,"
    '"@mention, in quotes",51037059',
    "E-4,T4,Wheat,Tobol Agro,Xi'an Mill,Kostanay,Dostyk,QTJ,2025-02-01,,,in transit,24.05,0,0,"
    "plain,",
]


def _general(db: Database, path: Path, flt: Filter) -> None:
    """The export as every database but SQLite writes it: rows in Python, then csv."""
    with db.read() as s:
        exports._write_csv(str(path), exports._rows(s, flt, no_progress, 0, None))


def test_sqlite_csv_export_is_byte_for_byte_the_general_one(sqlite_db: Database, tmp_path) -> None:
    data = (HEADER + "\n" + "\n".join(ROWS) + "\n").encode("utf-8")
    import_file(sqlite_db, data)
    for flt in (
        Filter(),
        Filter(statuses=(Status.IN_TRANSIT,), departure_from=date(2025, 1, 5)),
        Filter(text="E-3"),
    ):
        fast, general = tmp_path / "fast.csv", tmp_path / "general.csv"
        summary = exports.export(sqlite_db, fast, flt)
        _general(sqlite_db, general, flt)
        assert fast.read_bytes() == general.read_bytes(), flt
        assert summary.rows == fast.read_bytes().count(b"\r\nE-") + fast.read_bytes().count(
            b"\r\n'-E"
        )
    rows = list(csv.DictReader(io.StringIO(fast.read_text(encoding="utf-8-sig"))))
    assert [r["waybill"] for r in rows] == ["E-3"]


def test_sqlite_csv_export_escapes_and_quotes_as_the_import_reads_back(
    sqlite_db: Database, tmp_path
) -> None:
    data = (HEADER + "\n" + "\n".join(ROWS) + "\n").encode("utf-8")
    import_file(sqlite_db, data)
    path = tmp_path / "out.csv"
    exports.export(sqlite_db, path)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = {r["waybill"]: r for r in csv.DictReader(f)}
    first = rows["E-1"]
    assert first["supplier"] == 'Tobol, "Agro" LLP' and first["consignee"] == "'=SUM(A1)"
    assert first["notes"] == 'said "hi", left\nsecond line' and first["net_tonnes"] == "25"
    assert first["units"] == "CSQU3054383 TGHU7654320"
    second = rows["'-E-2"]
    assert (second["supplier"], second["consignee"], second["notes"]) == (
        "'@Supplier",
        "'+Consignee",
        "'=1+2",
    )
    assert second["border_station"] == "" and second["net_tonnes"] == "1313.5"
    assert rows["E-3"]["notes"] == "'@mention, in quotes" and rows["E-3"]["net_tonnes"] == "0.001"
    assert import_file(sqlite_db, path.read_bytes()).line() == "inserted 0, updated 0, unchanged 4"


@given(st.text(alphabet=st.sampled_from("ab ,\"\r\n\t=;'字"), max_size=12))
def test_csv_field_quotes_exactly_as_the_csv_module(value: str) -> None:
    out = io.StringIO()
    csv.writer(out).writerow([value, "x"])
    assert exports.csv_field(value) + ",x\r\n" == out.getvalue()
