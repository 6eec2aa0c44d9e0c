"""Registers as staff keep them in Excel: titles above the header, a cover sheet, a totals row.

Imported through the command line in real subprocesses; row numbers are the ones Excel shows.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.integration.cli import run_cli

HEADER = [
    "№",
    "Накладная",
    "Поезд",
    "Груз",
    "Поставщик",
    "Станция отправления",
    "Пограничная станция",
    "Станция назначения",
    "Дата отправления",
    "Вес нетто, т",
    "Вагонов",
]


def _row(i: int, tonnes: object = 68.5) -> list[object]:
    return [
        i,
        f"KZ7{i:05d}",
        "KZ-2611-01",
        "Мука пшеничная",
        "Esil Grain Mill JSC",
        "Костанай",
        "Достык",
        "青铜峡",
        datetime(2026, 11, 20),
        tonnes,
        1,
    ]


@pytest.fixture
def run(tmp_path: Path):
    return lambda *args: run_cli(*args, home=tmp_path / "home")


def _register(path: Path, tonnes: list[object]) -> Path:
    """A cover sheet, then the register: title, company and date, a blank row, the header
    (row 5), the shipments, and a totals row."""
    book = Workbook()
    cover = book.active
    cover.title = "Титул"
    cover.append(["Реестр отгрузок ТОО «Esil Grain Mill»"])
    cover.append(["Составил: бухгалтерия"])
    sheet = book.create_sheet("Ноябрь")
    sheet.append(["Реестр отгрузки за ноябрь 2026 г."])
    sheet.append(["ТОО «Esil Grain Mill»", None, None, "Дата: 25.11.2026"])
    sheet.append([])
    sheet.append(["Станция назначения: Цинтунся"])  # a sentence that names one column
    sheet.append(HEADER)
    for i, t in enumerate(tonnes, start=1):
        sheet.append(_row(i, t))
    sheet.append([None, "Итого:", None, None, None, None, None, None, None, sum(tonnes), 5])
    book.save(path)
    return path


def _refused(run, path: Path, db: Path) -> list[str]:
    """The problems a refused import lists (its exit code is 1), one line each."""
    done = run("import", path, "--db", db)
    assert done.returncode == 1, done.stdout
    return done.stderr.splitlines()[1:]


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM shipments").fetchone()[0])


def test_a_register_with_titles_a_cover_sheet_and_totals_imports(run, tmp_path: Path) -> None:
    path = _register(tmp_path / "register.xlsx", [68.5, 69.0, 70.25, 67.0, 68.0])
    db = tmp_path / "db.sqlite"
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"{path}: XLSX, sheet Ноябрь" in done.stdout
    assert "Header found in row 5; the rows above it were left out" in done.stdout
    assert "Totals rows left out: 11" in done.stdout
    assert "Ignored columns: №" in done.stdout
    assert "Imported: inserted 5, updated 0, unchanged 0" in done.stdout
    assert _count(db) == 5


def test_problems_in_a_register_name_the_rows_excel_shows(run, tmp_path: Path) -> None:
    path = _register(tmp_path / "register.xlsx", [68.5, 69.0, -70.0, 67.0, 68.0])
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == [
        "  row 8, column Вес нетто, т, value '-70': the net weight must be more than 0 t"
    ]


def test_a_csv_register_with_title_lines_and_a_totals_row(run, tmp_path: Path) -> None:
    lines = [
        "Реестр отгрузки за ноябрь 2026 г.",
        "",
        "Накладная;Груз;Станция отправления;Станция назначения;Дата отправления;Вес нетто, т",
        "RU-1;Пшеница;Костанай;Хоргос;05.11.2026;24,5",
        "RU-2;Ячмень;Костанай;Хоргос;06.11.2026;xx",
        "Итого;;;;;24,5",
    ]
    path = tmp_path / "register.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == ["  row 5, column Вес нетто, т, value 'xx': not a number"]
    path.write_bytes("\r\n".join(lines).replace(";xx", ";25").encode("cp1251"))
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "read as cp1251" in done.stdout
    assert "Header found in row 3" in done.stdout and "Totals rows left out: 6" in done.stdout
    assert _count(db) == 2


def test_missing_columns_are_reported_at_the_header_row(run, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("Отгрузки\nНакладная,Груз,Поставщик\nA-1,Wheat,Tobol\n", encoding="utf-8")
    done = run("import", path, "--db", tmp_path / "db.sqlite")
    assert done.returncode == 1
    assert done.stderr.splitlines()[1].startswith("  row 2: required columns are missing:")


def test_day_and_month_order_is_decided_by_the_whole_column(run, tmp_path: Path) -> None:
    head = "waybill,commodity,origin_station,destination_station,departure_date,net_tonnes\n"
    path = tmp_path / "slashes.csv"
    path.write_text(
        head + "S-1,Wheat,Kostanay,Qingtongxia,05/01/2025,24.5\n"
        "S-2,Wheat,Kostanay,Qingtongxia,06/01/2025,24.5\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == [
        "  row 2, column departure_date, value '05/01/2025': the column's dates could be "
        "day/month or month/day and none tells: write 2025-01-05 or 05.01.2025"
    ]
    with path.open("a", encoding="utf-8") as f:
        f.write("S-3,Wheat,Kostanay,Qingtongxia,25/01/2025,24.5\n")  # 25 can only be a day
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT waybill, departure_date FROM shipments ORDER BY 1").fetchall()
    assert found == [("S-1", "2025-01-05"), ("S-2", "2025-01-06"), ("S-3", "2025-01-25")]


def test_header_variants_and_a_weight_in_kilograms(run, tmp_path: Path) -> None:
    """SMGS waybills state kilograms: a "кг" header is read as kilograms, not tonnes."""
    path = tmp_path / "kg.csv"
    path.write_bytes(
        (
            "№ накладной;Наименование груза;Ст. отправления;Ст. назначения;Дата отгрузки;"
            "Масса нетто, кг;Примечания\r\n"
            "KG-1;Пшеница;Костанай;Хоргос;05.11.26;24 500;\r\n"
            "KG-2;Ячмень;Костанай;Хоргос;06.11.26;68 250,7;вагон 2\r\n"
        ).encode("cp1251")
    )
    db = tmp_path / "db.sqlite"
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        found = conn.execute(
            "SELECT waybill, departure_date, net_weight_kg, notes FROM shipments ORDER BY 1"
        ).fetchall()
    assert found == [
        ("KG-1", "2026-11-05", 24_500, None),
        ("KG-2", "2026-11-06", 68_251, "вагон 2"),  # whole kilograms
    ]


def _shipments(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT s.waybill, s.departure_date, s.net_weight_kg, o.name, d.name, c.name "
            "FROM shipments s JOIN stations o ON o.id = s.origin_station_id "
            "JOIN stations d ON d.id = s.destination_station_id "
            "JOIN commodities c ON c.id = s.commodity_id ORDER BY s.waybill"
        ).fetchall()


DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_excel_97_xls_file_as_accounting_systems_export_it(run, tmp_path: Path) -> None:
    """tests/data/register_1c.xls was written by xlwt (BIFF8, as 1C and older Excel save it):
    a cover sheet, a title above the header in row 3, a date cell, stations written
    "ст. Цинтунся" and "Костанай (684001)", and an "Итого" row."""
    db = tmp_path / "db.sqlite"
    done = run("import", DATA / "register_1c.xls", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "register_1c.xls: XLS, sheet Отгрузки" in done.stdout
    assert "Header found in row 3" in done.stdout and "Totals rows left out: 6" in done.stdout
    assert _shipments(db) == [
        ("KZ9000001", "2026-11-20", 68_500, "Kostanay", "Qingtongxia", "Wheat flour"),
        ("KZ9000002", "2026-11-21", 64_250, "Kostanay", "Xi'an International Port", "Barley"),
    ]


def _ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice stores one: text cells only."""
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p>'
            "</table:table-cell>"
            for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Лист1">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_workbook_imports_and_its_problems_name_rows(run, tmp_path: Path) -> None:
    header = ["运单号", "货物", "发站", "到站", "发车日期", "净重(吨)"]
    good = ["CN-1", "小麦粉", "科斯塔奈", "西安国际港", "2026年11月20日", "68.5"]
    bad = ["CN-2", "小麦粉", "科斯塔奈", "西安", "2026年11月21日", "69"]
    path = _ods(tmp_path / "list.ods", [header, good, bad])
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == [
        "  row 3, column 到站, value '西安': unknown station; "
        "did you mean Xi'an International Port?"
    ]
    path = _ods(tmp_path / "list.ods", [header, good])
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "list.ods: ODS, sheet Лист1" in done.stdout
    assert _shipments(db) == [
        ("CN-1", "2026-11-20", 68_500, "Kostanay", "Xi'an International Port", "Wheat flour")
    ]


def test_a_file_that_is_no_table_is_still_refused_as_binary(run, tmp_path: Path) -> None:
    # An OLE2 file is read as a workbook; anything else binary is refused before decoding.
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    done = run("import", path, "--db", tmp_path / "db.sqlite")
    assert done.returncode == 1
    assert "not a CSV, XLSX, XLS or ODS file" in done.stderr


@pytest.mark.parametrize(
    ("encoding", "prefix", "shown"),
    [
        ("utf-16-le", b"\xff\xfe", "utf-16"),  # Excel's "Unicode Text": a BOM, tabs
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_utf16_text_as_excel_saves_unicode_text(
    run, tmp_path: Path, encoding: str, prefix: bytes, shown: str
) -> None:
    lines = [
        "运单号\t货物\t发站\t到站\t发车日期\t净重(吨)\t状态",
        "CN-7\t小麦粉\t科斯塔奈\t青铜峡站\t2026年11月20日\t68.5 吨\t在途",
    ]
    path = tmp_path / "unicode.txt"
    path.write_bytes(prefix + "\r\n".join(lines).encode(encoding))
    db = tmp_path / "db.sqlite"
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"unicode.txt: read as {shown}\n" in done.stdout
    assert _shipments(db) == [
        ("CN-7", "2026-11-20", 68_500, "Kostanay", "Qingtongxia", "Wheat flour")
    ]


def test_a_kazakh_register_in_kz1048_with_units_and_worded_dates(run, tmp_path: Path) -> None:
    """Kazakh headers and statuses, saved by Windows in KZ-1048 (cp1251 has no қ, ө, ү…)."""
    lines = [
        "Жүкқұжат нөмірі;Жүк;Жөнелту станциясы;Баратын станция;Жөнелтілген күні;"
        "Таза салмағы, т;Мәртебесі",
        "KZ-1;Пшеница;Қостанай;Цинтунся;20 ноября 2026 г.;68 500 кг;жолда",
        "KZ-2;Ячмень;Қостанай;Цинтунся;21-Nov-26;64,25 т;шекарада",
        "KZ-3;Ячмень;Қостанай;Цинтунся;22.11.2026 г.;1,5 мешка;жолда",
    ]
    path = tmp_path / "тізілім.csv"
    path.write_bytes("\r\n".join(lines).encode("kz1048"))
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == [
        "  row 4, column Таза салмағы, т, value '1,5 мешка': not a number"
    ]
    path.write_bytes("\r\n".join(lines[:3]).encode("kz1048"))
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "read as kz1048" in done.stdout
    assert _shipments(db) == [
        ("KZ-1", "2026-11-20", 68_500, "Kostanay", "Qingtongxia", "Wheat"),
        ("KZ-2", "2026-11-21", 64_250, "Kostanay", "Qingtongxia", "Barley"),
    ]
    with sqlite3.connect(db) as conn:
        statuses = conn.execute("SELECT status FROM shipments ORDER BY waybill").fetchall()
    assert statuses == [("in_transit",), ("at_border",)]


def test_excels_sep_line_and_text_literals_that_keep_leading_zeros(run, tmp_path: Path) -> None:
    lines = [
        "sep=;",
        "waybill;train_no;commodity;origin_station;destination_station;departure_date;net_tonnes",
        '="0012345";="0099";Wheat;Kostanay;Qingtongxia;05.01.2025;68,5',
        '="=1+1";T-1;Wheat;Kostanay;Qingtongxia;05.01.2025;68,5',
    ]
    path = tmp_path / "export.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    db = tmp_path / "db.sqlite"
    done = run("import", path, "--db", db)
    assert done.returncode == 1  # the text inside is taken as it is, never evaluated
    assert done.stderr.splitlines()[1].startswith("  row 4, column waybill, value '=1+1': ")
    path.write_text("\r\n".join(lines[:3]), encoding="utf-8")
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Header found in row 2" in done.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT waybill, train_no FROM shipments").fetchall() == [
            ("0012345", "0099")
        ]


def test_a_two_row_header_under_merged_cells(run, tmp_path: Path) -> None:
    """ "Станция" merged over "отправления" and "назначения", "Дата" over two dates."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Реестр отгрузки за ноябрь 2026 г."])
    sheet.append(["№", "Накладная", "Груз", "Станция", None, "Дата", None, "Вес нетто, т"])
    sheet.merge_cells("D2:E2")
    sheet.merge_cells("F2:G2")
    sheet.append([None, None, None, "отправления", "назначения", "отправления", "прибытия"])
    sheet.append(
        [1, "KZ-51", "Пшеница", "Костанай", "Цинтунся", datetime(2026, 11, 20), None, 68.5]
    )
    sheet.append([2, "KZ-52", "Пшеница", "Костанай", "Хоргос", "21.11.2026", None, -1])
    path = tmp_path / "two_rows.xlsx"
    book.save(path)
    db = tmp_path / "db.sqlite"
    assert _refused(run, path, db) == [
        "  row 5, column Вес нетто, т, value '-1': the net weight must be more than 0 t"
    ]
    sheet.delete_rows(5)
    book.save(path)
    done = run("import", path, "--db", db)
    assert done.returncode == 0, done.stderr
    assert _shipments(db) == [("KZ-51", "2026-11-20", 68_500, "Kostanay", "Qingtongxia", "Wheat")]
