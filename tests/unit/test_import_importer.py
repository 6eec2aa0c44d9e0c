"""The importer on real databases (SQLite and PostgreSQL): all rows or none, exact messages."""

from __future__ import annotations

import codecs
import hashlib

import pytest
from sqlalchemy import text

from models.db import Database
from models.progress import Cancelled, CancelToken
from models.rules.status import Status
from models.services import reference, shipments
from models.services.imports.importer import Options, import_file, plan
from models.services.imports.problems import ImportFileError
from models.services.queries import Filter, page

HEADER = (
    "waybill,train_no,commodity,supplier,consignee,origin_station,border_station,"
    "destination_station,departure_date,eta,status,net_tonnes,wagons,containers,notes"
)
GOOD = [
    "WB-1,T1,Wheat,Tobol Agro,Xi'an Mill,Kostanay,Dostyk,Qingtongxia,2025-01-05,2025-01-14,"
    "in transit,1313.5,0,52,first",
    "WB-2,T1,小麦粉,Tobol Agro,Xi'an Mill,684001,Alashankou,QTJ,2025-01-05,,planned,24.5,0,1,",
]


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join((header, *lines)) + "\n").encode("utf-8")


def _snapshot(db: Database) -> str:
    """A hash of every row of the tables an import writes."""
    digest = hashlib.sha256()
    with db.read() as s:
        for table in ("shipments", "shipment_events", "counterparties", "audit_entries"):
            for row in s.execute(text(f"SELECT * FROM {table} ORDER BY id")):  # noqa: S608
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _problems(db: Database, data: bytes, **options: object) -> list[str]:
    with pytest.raises(ImportFileError) as caught:
        import_file(db, data, Options(**options))  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_a_good_file_inserts_every_row_with_events_and_new_counterparties(db: Database) -> None:
    summary = import_file(db, _csv(*GOOD))
    assert summary.line() == "inserted 2, updated 0, unchanged 0"
    assert summary.new_counterparties == ("Tobol Agro", "Xi'an Mill")
    rows = {r.waybill: r for r in page(db, Filter(), offset=0, limit=10)}
    assert rows["WB-1"].net_weight_kg == 1_313_500
    assert rows["WB-1"].status == Status.IN_TRANSIT
    assert rows["WB-2"].commodity == "Wheat flour"
    assert rows["WB-2"].destination == "Qingtongxia"
    assert [e["status"] for e in shipments.events(db, rows["WB-1"].id)] == [Status.IN_TRANSIT]


def test_a_second_import_updates_what_differs_and_records_the_status_change(
    db: Database,
) -> None:
    import_file(db, _csv(*GOOD))
    changed = GOOD[0].replace("in transit", "arrived").replace("first", "at last")
    summary = import_file(db, _csv(changed, GOOD[1]))
    assert summary.line() == "inserted 0, updated 1, unchanged 1"
    row = next(r for r in page(db, Filter(), offset=0, limit=10) if r.waybill == "WB-1")
    assert row.status == Status.ARRIVED and row.notes == "at last" and row.version == 2
    history = [e["status"] for e in shipments.events(db, row.id)]
    assert history == [Status.IN_TRANSIT, Status.ARRIVED]


def test_insert_only_refuses_an_existing_waybill(db: Database) -> None:
    import_file(db, _csv(*GOOD))
    assert _problems(db, _csv(GOOD[0]), insert_only=True) == [
        "row 2, column waybill, value 'WB-1': this waybill already exists "
        "(--insert-only refuses updates)"
    ]


def test_a_status_change_the_rules_forbid_is_refused(db: Database) -> None:
    import_file(db, _csv(GOOD[0].replace("in transit", "unloaded")))
    assert _problems(db, _csv(GOOD[0])) == [
        "row 2, column status, value 'in_transit': cannot go back from 'unloaded' to "
        "'in_transit': only one step back is allowed"
    ]


BAD = [
    pytest.param(b"", ["the file is empty"], id="empty"),
    pytest.param(_csv(), ["the file has a header row but no shipments"], id="header-only"),
    pytest.param(
        bytes(range(256)) * 4,
        ["this is not a CSV, XLSX, XLS or ODS file (it looks like binary data)"],
        id="binary",
    ),
    pytest.param(
        b"waybill,commodity\nWB-1,Wheat\n",
        [
            "row 1: required columns are missing: origin_station, destination_station, "
            "departure_date, net_tonnes"
        ],
        id="missing-columns",
    ),
    pytest.param(
        _csv(GOOD[0].replace("Kostanay", "Kostanaj")),
        ["row 2, column origin_station, value 'Kostanaj': unknown station; did you mean Kostanay?"],
        id="unknown-station",
    ),
    pytest.param(
        _csv(GOOD[0], GOOD[1].replace("24.5", "-24.5")),
        ["row 3, column net_tonnes, value '-24.5': the net weight must be more than 0 t"],
        id="negative-weight",
    ),
    pytest.param(
        _csv(GOOD[0].replace("1313.5", "131350")),
        [
            "row 2, column net_tonnes, value '131350': over 10,000 t is not one consignment; "
            "check the unit (t)"
        ],
        id="absurd-weight",
    ),
    pytest.param(
        _csv(GOOD[0].replace("2025-01-05", "2025-02-30")),
        [
            "row 2, column departure_date, value '2025-02-30': this day does not exist; "
            "expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日"
        ],
        id="impossible-date",
    ),
    pytest.param(
        _csv(GOOD[0], GOOD[1], GOOD[0]),
        [
            "row 4, column waybill, value 'WB-1': this waybill is already on row 2; "
            "a waybill is one shipment"
        ],
        id="duplicate-waybill",
    ),
    pytest.param(
        _csv(GOOD[0].replace("1313.5", '"1,313"'), GOOD[1].replace("24.5", '"2,500"')),
        [
            "row 2, column net_tonnes, value '1,313': the column's decimal mark cannot be "
            "told: write 1313 or 1313.0 or 1,313.0 (thousands) or 1,3 (decimal comma) so the "
            "whole column is clear"
        ],
        id="ambiguous-decimal",
    ),
    pytest.param(
        _csv(GOOD[0].replace("in transit", "lost")),
        [
            "row 2, column status, value 'lost': not a status; allowed: planned, loading, "
            "in transit, at border, customs, arrived, unloaded, cancelled (or their Chinese "
            "or Russian names)"
        ],
        id="unknown-status",
    ),
    pytest.param(
        _csv(GOOD[0].replace("2025-01-05", "")),
        [
            "row 2, column departure_date: a shipment that is 'in_transit' has departed: "
            "the departure date is required"
        ],
        id="no-departure-once-departed",
    ),
    pytest.param(
        _csv(GOOD[0].replace("WB-1", "WB 1")),
        ["row 2, column waybill, value 'WB 1': a waybill number must not contain spaces"],
        id="bad-waybill",
    ),
]


@pytest.mark.parametrize(("data", "expected"), BAD)
def test_a_bad_file_is_refused_with_every_problem_and_nothing_written(
    db: Database, data: bytes, expected: list[str]
) -> None:
    import_file(db, _csv("OLD-1,T0,Wheat,A,B,Kostanay,,Qingtongxia,2024-12-01,,planned,20,0,1,"))
    before = _snapshot(db)
    assert _problems(db, data) == expected
    assert _snapshot(db) == before


def test_every_problem_is_listed_up_to_the_cap(db: Database) -> None:
    lines = [f"W{i},T,Wheat,A,B,Nowhere,,QTJ,2025-01-05,,planned,20,0,1," for i in range(250)]
    with pytest.raises(ImportFileError) as caught:
        import_file(db, _csv(*lines))
    assert len(caught.value.problems) == 200
    assert caught.value.more == 50
    assert str(caught.value).endswith("and 50 more")


def test_dry_run_and_plan_write_nothing(db: Database) -> None:
    before = _snapshot(db)
    summary = import_file(db, _csv(*GOOD), dry_run=True)
    assert summary.line() == "inserted 2, updated 0, unchanged 0" and not summary.written
    preview = plan(db, _csv(*GOOD))
    assert preview.ok and [r.action for r in preview.rows] == ["insert", "insert"]
    assert _snapshot(db) == before


def test_a_cancelled_import_writes_nothing(db: Database) -> None:
    token = CancelToken()
    token.cancel()
    before = _snapshot(db)
    with pytest.raises(Cancelled):
        import_file(db, _csv(*GOOD), cancel=token)
    assert _snapshot(db) == before


def test_cp1251_and_gb18030_semicolons_and_decimal_commas(db: Database) -> None:
    header = "Накладная;Груз;Поставщик;Станция отправления;Станция назначения;Дата отправления;"
    header += "Статус;Вес нетто, т"
    ru = f"{header}\nRU-1;Пшеница;ТОО Костанай;Костанай;Хоргос;05.01.2025;в пути;1 313,5\n"
    summary = import_file(db, ru.encode("cp1251"))
    assert (summary.encoding, summary.separator) == ("cp1251", ";")
    zh = "运单号\t货物\t发站\t到站\t发车日期\t状态\t净重(吨)\n"
    zh += "ZH-1\t小麦\t科斯塔奈\t青铜峡\t2025年1月5日\t在途\t24.5\n"
    summary = import_file(db, zh.encode("gb18030"))
    assert (summary.encoding, summary.separator) == ("gb18030", "\t")
    bom = codecs.BOM_UTF8 + _csv(*GOOD)
    assert import_file(db, bom).encoding == "utf-8-sig"
    rows = {r.waybill: r for r in page(db, Filter(), offset=0, limit=10)}
    assert rows["RU-1"].net_weight_kg == 1_313_500 and rows["RU-1"].origin == "Kostanay"
    assert rows["ZH-1"].destination == "Qingtongxia"


def test_between_encodings_that_both_decode_the_known_names_decide(db: Database) -> None:
    """These cp1251 bytes are valid GB18030 too; only "Костанай" and "Хоргос" tell them apart."""
    data = (
        "waybill;commodity;origin_station;destination_station;departure_date;net_tonnes\n"
        "RU-2;1001;Костанай;Хоргос;05.01.2025;20\n"
    ).encode("cp1251")
    data.decode("gb18030")  # the trap: no error
    summary = import_file(db, data)
    assert (summary.encoding, summary.encoding_assumed) == ("cp1251", True)


def test_quoted_fields_with_newlines_keep_excel_row_numbers(db: Database) -> None:
    data = _csv(
        'WB-1,T1,Wheat,A,B,Kostanay,,QTJ,2025-01-05,,planned,20,0,1,"two\nlines"',
        "WB-2,T1,Wheat,A,B,Nowhere,,QTJ,2025-01-05,,planned,20,0,1,",
    )
    assert _problems(db, data) == [
        "row 3, column origin_station, value 'Nowhere': unknown station; use a code or a name "
        "from the reference data"
    ]


# -- wagon and container numbers ----------------------------------------------------------------

UNITS_HEADER = (
    "waybill,commodity,origin_station,destination_station,departure_date,status,net_tonnes,units"
)


def _units(db: Database, waybill: str) -> list[tuple[str, str]]:
    with db.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                text(
                    "SELECT u.kind, u.number FROM shipment_units u "
                    "JOIN shipments s ON s.id = u.shipment_id WHERE s.waybill = :w ORDER BY u.id"
                ),
                {"w": waybill},
            )
        ]


def test_unit_numbers_are_imported_and_counted(db: Database) -> None:
    data = _csv(
        'U-1,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,"CSQU3054383; msku 123456-5,TGHU7654320"',
        "U-2,Wheat,Kostanay,QTJ,2025-01-05,in transit,60,51037059 62001235",
        "U-3,Wheat,Kostanay,QTJ,2025-01-05,in transit,60,",
        header=UNITS_HEADER,
    )
    assert import_file(db, data).line() == "inserted 3, updated 0, unchanged 0"
    assert _units(db, "U-1") == [
        ("container", "CSQU3054383"),
        ("container", "MSKU1234565"),
        ("container", "TGHU7654320"),
    ]
    assert _units(db, "U-2") == [("wagon", "51037059"), ("wagon", "62001235")]
    assert _units(db, "U-3") == []
    rows = {r.waybill: r for r in page(db, Filter(), offset=0, limit=10)}
    assert (rows["U-1"].containers, rows["U-1"].wagons) == (3, 0)
    assert (rows["U-2"].containers, rows["U-2"].wagons) == (0, 2)


def test_unit_numbers_in_chinese_and_russian_headers_are_recognised() -> None:
    from models.services.imports.headers import recognise

    assert recognise("箱号") == recognise("Номера вагонов") == recognise(" Units ") == "units"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "CSQU3054384",
            "container CSQU3054384: check digit should be 3, not 4 (or another character is "
            "mistyped)",
        ),
        (
            "51037058",
            "wagon 51037058: check digit should be 9, not 8 (or another digit is mistyped)",
        ),
        ("5103705", "wagon 5103705: a wagon number has 8 digits, got 7"),
        ("CSQU3054383 CSQU3054383", "container CSQU3054383 is listed twice"),
        (
            "CSQU3054383;CSQX3054383;51037050",
            "container CSQX3054383: the category letter (4th character) must be U, J or Z, "
            "not 'X'; wagon 51037050: check digit should be 9, not 0 (or another digit is "
            "mistyped)",
        ),
    ],
)
def test_a_bad_unit_number_is_named_with_its_row_and_column(
    db: Database, cell: str, message: str
) -> None:
    data = _csv(
        "U-1,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,CSQU3054383",
        f'U-2,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,"{cell}"',
        header=UNITS_HEADER.replace(",units", ",箱号"),
    )
    before = _snapshot(db)
    assert _problems(db, data) == [f"row 3, column 箱号, value '{cell}': {message}"]
    assert _snapshot(db) == before


def test_a_second_import_replaces_changed_units_and_keeps_equal_ones(db: Database) -> None:
    first = _csv(
        "U-1,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,CSQU3054383 MSKU1234565",
        "U-2,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,TGHU7654320",
        header=UNITS_HEADER,
    )
    import_file(db, first)
    second = _csv(
        "U-1,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,MSKU1234565;CSQU3054383",
        "U-2,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,TGHU7654320 51037059",
        header=UNITS_HEADER,
    )
    assert import_file(db, second).line() == "inserted 0, updated 1, unchanged 1"
    assert _units(db, "U-2") == [("container", "TGHU7654320"), ("wagon", "51037059")]
    row = next(r for r in page(db, Filter(), offset=0, limit=10) if r.waybill == "U-2")
    assert (row.containers, row.wagons, row.version) == (1, 1, 2)
    trail = shipments.audit_trail(db, row.id)
    assert trail[-1]["changes"]["units"] == [["TGHU7654320"], ["TGHU7654320", "51037059"]]


def test_imported_rows_carry_the_file_name_and_are_found_by_text_search(db: Database) -> None:
    data = _csv(
        "SRCH-77,Wheat,Kostanay,QTJ,2025-01-05,in transit,50,CSQU3054383",
        header=UNITS_HEADER,
    )
    import_file(db, data, source="loading_list.csv")
    row = next(r for r in page(db, Filter(), offset=0, limit=10) if r.waybill == "SRCH-77")
    assert [e["note"] for e in shipments.events(db, row.id)] == ["imported from loading_list.csv"]
    assert [a["reason"] for a in shipments.audit_trail(db, row.id)] == [
        "imported from loading_list.csv"
    ]
    # The full-text index is filled after the bulk insert, not row by row.
    for needle in ("SRCH-77", "3054383"):
        assert [r.waybill for r in page(db, Filter(text=needle), offset=0, limit=10)] == ["SRCH-77"]


def test_an_export_imports_back_unchanged_on_every_database(db: Database, tmp_path) -> None:
    """Export (names, dates, tonnes, units, escaped formulas) then import: nothing differs."""
    import csv

    from models.services.exports import export

    data = _csv(
        'X-1,Wheat,Kostanay,QTJ,2025-01-05,in transit,24.05,"CSQU3054383 51037059"',
        "-X-2,小麦粉,684001,QTJ,2025-01-06,planned,1313,",
        header=UNITS_HEADER,
    )
    import_file(db, data)
    path = tmp_path / "out.csv"
    assert export(db, path).rows == 2
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = {r["waybill"]: r for r in csv.DictReader(f)}
    assert rows["X-1"]["units"] == "CSQU3054383 51037059"
    assert rows["X-1"]["net_tonnes"] == "24.05" and rows["X-1"]["departure_date"] == "2025-01-05"
    assert rows["'-X-2"]["commodity"] == "Wheat flour" and rows["'-X-2"]["units"] == ""
    summary = import_file(db, path.read_bytes())
    assert summary.line() == "inserted 0, updated 0, unchanged 2"


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("Xi'an", "Xi'an International Port"),  # the start of a longer name
        ("西安", "Xi'an International Port"),
        ("Сиань", "Xi'an International Port"),  # the start of its Russian name
        ("Xian", "Xi'an International Port"),  # like a word of a name
        ("Lanzhou", "Lanzhou Zhongchuan North"),
        ("Kostanaj", "Kostanay"),  # like a whole name
    ],
)
def test_a_shortened_or_misspelt_station_gets_the_station_it_may_mean(
    db: Database, written: str, suggested: str
) -> None:
    line = GOOD[0].replace("Qingtongxia", written)
    assert _problems(db, _csv(line)) == [
        f"row 2, column destination_station, value '{written}': unknown station; "
        f"did you mean {suggested}?"
    ]


def test_chinese_destinations_are_known_by_their_russian_names_and_without_zhan(
    db: Database,
) -> None:
    lines = [
        GOOD[0].replace("Qingtongxia", "ст. Цинтунся"),
        GOOD[1].replace("QTJ", "西安国际港"),  # the reference name is 西安国际港站
        GOOD[1].replace("WB-2", "WB-3").replace("QTJ", "Ланьчжоу Чжунчуань Северный"),
    ]
    import_file(db, _csv(*lines))
    rows = {r.waybill: r for r in page(db, Filter(), offset=0, limit=10)}
    assert rows["WB-1"].destination == "Qingtongxia"
    assert rows["WB-2"].destination == "Xi'an International Port"
    assert rows["WB-3"].destination == "Lanzhou Zhongchuan North"


@pytest.mark.parametrize(
    "written",
    ["№ TFG-7", "Договор № TFG-7", "Contract No. TFG-7", "合同号TFG-7", "no TFG-7", "tfg-7"],
)
def test_a_contract_number_as_registers_label_it(db: Database, written: str) -> None:
    from datetime import date

    from models.services.reference_editing import ContractInput, save_contract, save_counterparty

    tobol = save_counterparty(db, "Tobol Agro", "supplier")
    wheat = next(r for r in reference.commodities(db) if r.name == "Wheat")
    save_contract(
        db,
        ContractInput("TFG-7", tobol.id, wheat.id, 5_000_000, date(2025, 1, 1), date(2025, 12, 31)),
    )
    line = f"{GOOD[0].replace(',first', ',')},{written}"
    import_file(db, _csv(line, header=f"{HEADER},contract"))
    row = next(r for r in page(db, Filter(), offset=0, limit=10) if r.waybill == "WB-1")
    assert row.contract == "TFG-7"
