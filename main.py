"""Railgrain's entry point: parses the command line, then hands over to the GUI or a command.

No logic lives here. The GUI is ``ui.app.run``; the headless sub-commands are the functions
of the same name in ``models.commands``, except ``report``, whose handler is
``ui.reports.command.report`` (rendering a PDF needs Qt). All are imported only once the
arguments are known, so ``--help`` is quick and no other sub-command loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

DB_HELP = (
    "the database: a SQLite file path or a URL such as postgresql+psycopg://user@host/db "
    "(default: $RAILGRAIN_DB, else railgrain.sqlite in the user data folder)"
)


def _count(text: str) -> int:
    """An argparse type: a whole number of zero or more."""
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


#: The statuses --status accepts (models.rules.status.Status values; kept here so that
#: --help does not import models).
STATUSES = (
    "planned",
    "loading",
    "in_transit",
    "at_border",
    "customs",
    "arrived",
    "unloaded",
    "cancelled",
)


def _date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _add_db(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On a sub-command the default is SUPPRESS, so "--db X demo" is not reset by the
    # sub-parser: --db works both before and after the sub-command.
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None if top else argparse.SUPPRESS,
        help=DB_HELP,
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: GUI options and the sub-commands."""
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Railgrain: track grain trains from Kazakhstan to north-west China. "
        "Without a command, opens the window.",
    )
    _add_db(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the demo database (demo.sqlite in the user data folder, "
        "filled with demo data on first use) instead of --db",
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("en", "zh", "zh_CN", "ru"),
        default=None,
        help="the window's language for this run (default: the one chosen in Preferences, "
        "else the system's); zh is zh_CN",
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="create a new database filled with realistic demo data",
        description="Create a new database filled with realistic demo data. "
        "Refuses a database that already holds shipments.",
    )
    _add_db(demo, top=False)
    demo.add_argument(
        "--shipments",
        type=_count,
        default=2000,
        metavar="N",
        help="how many shipments to create (default: 2,000; 0: reference data only)",
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")

    check = commands.add_parser(
        "check",
        help="check a database's integrity, foreign keys and schema version",
        description="Check a database without changing it: integrity, foreign keys, schema "
        "revision and row counts. Exit code 1 when anything is wrong.",
    )
    _add_db(check, top=False)

    backup = commands.add_parser(
        "backup",
        help="make a consistent copy of a database while it is in use",
        description="Copy a database consistently, even while it is in use. SQLite: through "
        "SQLite's backup API, then integrity-checked. PostgreSQL: with pg_dump "
        "(custom format). Never overwrites DEST.",
    )
    backup.add_argument("dest", metavar="DEST", help="the new backup file (must not exist)")
    _add_db(backup, top=False)

    restore = commands.add_parser(
        "restore",
        help="put a backup in place of a SQLite database (checked first, old file kept)",
        description="Replace a SQLite database with a backup. The backup's integrity and "
        "schema are checked first; the replaced database is kept next to it as "
        "NAME.before-restore-DATE-TIME.sqlite. Asks before replacing unless --yes.",
    )
    restore.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
    _add_db(restore, top=False)
    restore.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (for scripts)"
    )

    imp = commands.add_parser(
        "import",
        help="import shipments from a CSV, XLSX, XLS or ODS file (all rows or none)",
        description="Import shipments from a CSV, XLSX, XLS or ODS file (decided by content). "
        "A new waybill is inserted, an existing one updated where values differ. Every problem is "
        "listed with its row and column, and nothing is written unless every row is valid. "
        "Exit code 1 when the file is refused.",
    )
    imp.add_argument("file", metavar="FILE", help="the CSV, XLSX, XLS or ODS file")
    _add_db(imp, top=False)
    imp.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    imp.add_argument(
        "--insert-only",
        action="store_true",
        help="refuse the file if a waybill already exists, instead of updating it",
    )

    exp = commands.add_parser(
        "export",
        help="export shipments to a CSV or XLSX file",
        description="Export shipments with the canonical English headers: XLSX when FILE ends "
        "in .xlsx, else CSV (UTF-8 with BOM). Cells that look like formulas are escaped.",
    )
    exp.add_argument("file", metavar="FILE", help="the new .csv or .xlsx file")
    _add_db(exp, top=False)
    exp.add_argument(
        "--from",
        dest="departure_from",
        type=_date,
        metavar="DATE",
        help="departed on or after DATE (YYYY-MM-DD)",
    )
    exp.add_argument(
        "--to",
        dest="departure_to",
        type=_date,
        metavar="DATE",
        help="departed on or before DATE (YYYY-MM-DD)",
    )
    exp.add_argument(
        "--status",
        dest="statuses",
        action="append",
        default=[],
        choices=STATUSES,
        metavar="S",
        help="only this status (repeatable): " + ", ".join(STATUSES),
    )

    rep = commands.add_parser(
        "report",
        help="print a period summary or a train arrival sheet to a PDF file",
        description="Write a printed report as PDF, without a screen: the period summary "
        "(arrivals by commodity, supplier, route and destination against the previous year, "
        "contracts, late shipments, weight discrepancies) or one train's arrival sheet. "
        "Exit code 1, and no file, for bad dates, an unknown train or an unwritable path.",
    )
    rep.add_argument("out", metavar="OUT.pdf", help="the PDF file to write")
    _add_db(rep, top=False)
    # Dates stay text here: a date that does not exist is the user's error (exit code 1).
    rep.add_argument("--from", dest="first", metavar="DATE", help="first day (YYYY-MM-DD)")
    rep.add_argument("--to", dest="last", metavar="DATE", help="last day (YYYY-MM-DD)")
    rep.add_argument(
        "--lang", choices=("en", "zh", "ru"), default="en", help="report language (default: en)"
    )
    rep.add_argument(
        "--kind",
        choices=("summary", "train"),
        default="summary",
        help="period summary (default) or train arrival sheet (needs --train)",
    )
    rep.add_argument("--train", metavar="NO", help="the train number, for --kind train")

    status = commands.add_parser(
        "status",
        help="print shipments and tonnes per status, and the late shipments",
        description="Print the shipments and net tonnes per status as of a day (default: "
        "today), and the late shipments (ETA passed, not arrived): waybill, train, days late, "
        "last station and predicted arrival. --json prints the same as JSON (see the README).",
    )
    _add_db(status, top=False)
    status.add_argument(
        "--as-of", dest="as_of", type=_date, metavar="DATE", help="the day (YYYY-MM-DD)"
    )
    status.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run Railgrain with ``argv`` (default: the process's arguments); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run  # Qt is loaded only for the window

        return run(args.db, demo=args.demo, lang=args.ui_lang)
    if args.demo:
        parser.error("--demo opens the window; it does not go with a command")
    if args.ui_lang:
        parser.error("--lang before a command is the window's language (report: --lang after it)")

    from models import commands

    if args.command == "demo":
        return commands.demo(args.db, args.shipments, args.seed)
    if args.command == "check":
        return commands.check(args.db)
    if args.command == "backup":
        return commands.backup(args.db, args.dest)
    if args.command == "restore":
        return commands.restore(args.db, args.backup, args.yes)
    if args.command == "status":
        return commands.status(args.db, args.as_of, args.as_json)
    if args.command == "import":
        # "import" is a keyword: its handler is models.commands.import_, also reachable
        # under the command's own name like every other handler.
        return getattr(commands, "import")(args.db, args.file, args.dry_run, args.insert_only)
    if args.command == "export":
        return commands.export(
            args.db, args.file, args.departure_from, args.departure_to, tuple(args.statuses)
        )
    if args.command == "report":
        if args.kind == "summary" and (args.first is None or args.last is None):
            parser.error("report: --from and --to are required for the period summary")
        if args.kind == "train" and not args.train:
            parser.error("report: --kind train needs --train NO")
        from ui.reports.command import report  # Qt is loaded only for this command

        return report(
            args.db,
            args.out,
            args.first,
            args.last,
            lang=args.lang,
            kind=args.kind,
            train=args.train,
        )
    parser.error(f"unknown command {args.command!r}")  # unreachable: argparse checks choices
    return 2


if __name__ == "__main__":
    sys.exit(main())
