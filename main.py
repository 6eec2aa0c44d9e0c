"""Railgrain's entry point: parses the command line, then hands over to the GUI or a command.

No logic lives here. The GUI is ``ui.app.run``; the headless sub-commands are the functions
of the same name in ``models.commands``. Both are imported only once the arguments are known,
so ``--help`` is quick and no sub-command ever loads Qt.
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

    imp = commands.add_parser(
        "import",
        help="import shipments from a CSV or XLSX file (all rows or none)",
        description="Import shipments from a CSV or XLSX file (decided by content). A new "
        "waybill is inserted, an existing one updated where values differ. Every problem is "
        "listed with its row and column, and nothing is written unless every row is valid. "
        "Exit code 1 when the file is refused.",
    )
    imp.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run Railgrain with ``argv`` (default: the process's arguments); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run  # Qt is loaded only for the window

        return run(args.db, demo=args.demo)
    if args.demo:
        parser.error("--demo opens the window; it does not go with a command")

    from models import commands

    if args.command == "demo":
        return commands.demo(args.db, args.shipments, args.seed)
    if args.command == "check":
        return commands.check(args.db)
    if args.command == "backup":
        return commands.backup(args.db, args.dest)
    if args.command == "import":
        # "import" is a keyword: its handler is models.commands.import_, also reachable
        # under the command's own name like every other handler.
        return getattr(commands, "import")(args.db, args.file, args.dry_run, args.insert_only)
    if args.command == "export":
        return commands.export(
            args.db, args.file, args.departure_from, args.departure_to, tuple(args.statuses)
        )
    parser.error(f"unknown command {args.command!r}")  # unreachable: argparse checks choices
    return 2


if __name__ == "__main__":
    sys.exit(main())
