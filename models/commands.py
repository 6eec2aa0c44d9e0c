"""Headless command-line handlers (demo, check, backup, import, export): print, exit 0 or 1.

The only module in models/ that prints. A :class:`~models.errors.UserError` becomes one line
on stderr and exit code 1, with nothing changed. Anything else is a bug: its traceback goes to
the log file and the user gets one line that says so, also with exit code 1. Databases are
always named by :func:`~models.db.display_name`, so a URL's password is never shown.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import platformdirs
from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from models.db import Database, display_name, open_database, resolve_url
from models.errors import UserError
from models.messages import Message
from models.progress import Progress, no_progress
from models.rules.status import Status

PROG = "railgrain"


# --- the three commands ---------------------------------------------------------------------


def demo(db: str | None, shipments: int, seed: int) -> int:
    """Create a new database filled with ``shipments`` demo shipments and print a summary.

    A SQLite file that did not exist before is removed again if anything fails.
    """
    return _run("demo", db, lambda url: _demo(db, url, shipments, seed))


def check(db: str | None) -> int:
    """Check a database without changing it; print a report; exit code 1 if anything is wrong."""
    return _run("check", db, _check)


def backup(db: str | None, dest: str) -> int:
    """Copy a database consistently to the new file ``dest``, never overwriting one."""
    return _run("backup", db, lambda url: _backup(url, Path(dest).expanduser().absolute()))


def restore(db: str | None, backup_file: str, yes: bool = False) -> int:
    """Put a checked backup in place of a SQLite database, keeping the replaced file."""
    return _run("restore", db, lambda url: _restore(url, Path(backup_file), yes))


def import_(db: str | None, file: str, dry_run: bool = False, insert_only: bool = False) -> int:
    """Import shipments from a CSV, XLSX, XLS or ODS file, all rows or none; print the summary."""
    return _run("import", db, lambda _url: _import(db, file, dry_run, insert_only))


def export(
    db: str | None,
    file: str,
    departure_from: date | None = None,
    departure_to: date | None = None,
    statuses: tuple[str, ...] = (),
) -> int:
    """Export the shipments matching the filters to a CSV or XLSX file."""
    return _run(
        "export", db, lambda _url: _export(db, file, departure_from, departure_to, statuses)
    )


def status(db: str | None, as_of: date | None = None, as_json: bool = False) -> int:
    """Print shipments and net weight per status and the late shipments, as text or JSON."""
    return _run("status", db, lambda _url: _status(db, as_of or date.today(), as_json))


def _status(db: str | None, as_of: date, as_json: bool) -> int:
    import json

    from models.services.figures import late_shipments, status_totals

    database = open_database(db, create=False)
    try:
        with database.read() as session:
            totals = status_totals(session, as_of)
            late = late_shipments(session, as_of)
    finally:
        database.dispose()
    if as_json:
        document = {
            "as_of": as_of.isoformat(),
            "statuses": {
                f.status.value: {"shipments": f.shipments, "net_kg": f.net_kg} for f in totals
            },
            "late": [
                {
                    "waybill": r.waybill,
                    "train_no": r.train_no,
                    "days_late": r.days_late,
                    "last_station": r.last_station,
                    "predicted_arrival": r.predicted_arrival.isoformat()
                    if r.predicted_arrival
                    else None,
                }
                for r in late
            ],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"Status as of {as_of.isoformat()} ({database.name})")
    print(f"{'status':<12} {'shipments':>10} {'net t':>16}")
    for f in totals:
        print(f"{f.status.value:<12} {f.shipments:>10,} {f.net_kg / 1000:>16,.3f}")
    print(
        f"{'total':<12} {sum(f.shipments for f in totals):>10,} "
        f"{sum(f.net_kg for f in totals) / 1000:>16,.3f}"
    )
    print()
    print(f"Late shipments: {len(late):,}")
    if late:
        print(f"{'waybill':<16} {'train':<18} {'days late':>9}  {'last station':<26} predicted")
        for r in late:
            predicted = r.predicted_arrival.isoformat() if r.predicted_arrival else "-"
            print(
                f"{r.waybill:<16} {r.train_no:<18} {r.days_late:>9}  "
                f"{(r.last_station or '-'):<26} {predicted}"
            )
    return 0


# "main.py import" finds its handler by the command's name, as every command does.
setattr(sys.modules[__name__], "import", import_)  # noqa: B010 - "import" is a keyword


# --- import and export ----------------------------------------------------------------------


def _import(db: str | None, file: str, dry_run: bool, insert_only: bool) -> int:
    from models.services.imports.importer import Options, import_file
    from models.services.imports.problems import ImportFileError

    try:
        data = Path(file).expanduser().read_bytes()
    except OSError as error:
        raise UserError(Message("cli.cannot_read", path=file, reason=error.strerror)) from None
    database = open_database(db)
    try:
        with _stderr_progress("Importing") as progress:
            summary = import_file(
                database,
                data,
                Options(insert_only=insert_only),
                dry_run=dry_run,
                source=Path(file).name,
                progress=progress,
            )
    except ImportFileError as error:
        print(f"{file}: {error.message.splitlines()[0]}", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        if error.more:
            print(f"  and {error.more:,} more", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    how = (
        f"read as {summary.encoding}"
        if summary.encoding
        else f"{summary.kind.upper()}, sheet {summary.sheet}"
    )
    if summary.encoding_assumed:
        how += " (assumed: the names in the file match the database best in this encoding)"
    print(f"{file}: {how}")
    if summary.header_row > 1:
        print(f"Header found in row {summary.header_row}; the rows above it were left out")
    if summary.skipped_rows:
        rows = ", ".join(str(n) for n in summary.skipped_rows)
        print(f"Totals rows left out: {rows}")
    if summary.unknown_columns:
        print(f"Ignored columns: {', '.join(summary.unknown_columns)}")
    if summary.new_counterparties:
        print(f"New counterparties: {', '.join(summary.new_counterparties)}")
    verb = "Dry run, nothing written: would have" if dry_run else "Imported:"
    print(f"{verb} {summary.line()}")
    return 0


def _export(
    db: str | None,
    file: str,
    departure_from: date | None,
    departure_to: date | None,
    statuses: tuple[str, ...],
) -> int:
    from models.services.exports import export as export_shipments
    from models.services.queries import Filter

    flt = Filter(
        statuses=tuple(Status(s) for s in statuses),
        departure_from=departure_from,
        departure_to=departure_to,
    )
    database = open_database(db, create=False)
    try:
        with _stderr_progress("Exporting") as progress:
            summary = export_shipments(database, file, flt, progress=progress)
    finally:
        database.dispose()
    print(f"Exported {summary.rows:,} shipments to {summary.path} in {summary.seconds:.1f} s")
    return 0


# --- demo -----------------------------------------------------------------------------------


def _demo(db: str | None, url: URL, shipments: int, seed: int) -> int:
    from models.services.backup import remove_sqlite_files
    from models.services.integrity import require_sqlite_file

    new_file = Path(url.database or "") if _is_sqlite(url) else None
    if new_file is not None and new_file.exists():
        if not new_file.is_file() or new_file.stat().st_size:  # an empty file counts as new
            require_sqlite_file(new_file)
        new_file = None  # not ours to remove on failure
    _refuse_shipments(url)
    from models.services.demo import create_demo  # its data tables load only when needed

    database: Database | None = None
    try:
        database = open_database(db, create=True)
        with _stderr_progress("Creating demo data") as progress:
            summary = create_demo(database, shipments=shipments, seed=seed, progress=progress)
        name = database.name
    except BaseException:
        if database is not None:
            database.dispose()
            database = None
        if new_file is not None:
            remove_sqlite_files(new_file)
        raise
    finally:
        if database is not None:
            database.dispose()  # checkpoints the WAL: the file is complete on its own
    if summary.shipments == 0:
        print(f"Created database {name} with the reference stations and goods, no shipments")
    else:
        print(
            f"Created demo database {name}: {summary.shipments:,} shipments on "
            f"{summary.trains:,} trains, {summary.units:,} wagons and containers, "
            f"{summary.events:,} status events, {summary.contracts:,} contracts, "
            f"{summary.counterparties:,} counterparties in {summary.seconds:.1f} s"
        )
    return 0


def _refuse_shipments(url: URL) -> None:
    """Refuse a database that already holds shipments, before anything opens it writable."""
    if _is_sqlite(url) and not Path(url.database or "").exists():
        return
    from models.services.integrity import readonly

    with readonly(url) as database, database.read() as session:
        if "shipments" not in inspect(session.connection()).get_table_names():
            return
        count = session.execute(text("SELECT count(*) FROM shipments")).scalar_one()
    if count:
        raise UserError(Message("cli.demo_not_empty", path=database.name, shipments=count))


# --- check and backup -----------------------------------------------------------------------


def _check(url: URL) -> int:
    from models.services import integrity

    report = integrity.check(url)
    for line in report.lines:
        print(line)
    if not report.ok:
        print("Result: NOT OK")
        for problem in report.problems[1:]:
            print(f"  also: {problem}")
        raise UserError(Message("cli.check_failed", reason=report.problems[0]))
    print("Result: OK")
    return 0


def _backup(url: URL, dest: Path) -> int:
    from models.services import backup as backups
    from models.services.integrity import human_size

    result = backups.backup(url, dest)
    print(
        f"Backed up {display_name(url)} to {result.dest}: {human_size(result.size)}, "
        f"{result.note}, in {result.seconds:.1f} s"
    )
    return 0


def _restore(url: URL, backup_file: Path, yes: bool) -> int:
    from models.services import restore as restores

    target = restores.target_path(url)
    if not yes and not sys.stdin.isatty():
        # Nobody can answer the question: refuse before even copying the backup.
        raise UserError(Message("cli.restore_confirm", path=target))
    with _stderr_progress("Checking the backup") as progress:
        prepared = restores.prepare(backup_file, url, progress=progress)
    try:
        print(f"Backup: {prepared.describe()}")
        if not yes:
            what = "Replace" if prepared.target_exists else "Create"
            kept = " (the current one is kept as a backup next to it)"
            question = f"{what} {target}{kept if prepared.target_exists else ''}? [y/N] "
            try:
                answer = input(question)
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing was changed.")
                return 1
        result = restores.finish(prepared)
    finally:
        prepared.discard()
    print(
        f"Restored {result.target} from {prepared.backup}: {result.shipments:,} shipments, "
        f"schema {result.revision}, in {result.seconds:.1f} s"
    )
    if result.kept is not None:
        print(f"The replaced database was kept as {result.kept}")
    return 0


# --- shared ---------------------------------------------------------------------------------


def _run(name: str, db: str | None, action: Callable[[URL], int]) -> int:
    url: URL | None = None
    try:
        url = _resolve(db)
        return action(url)
    except UserError as error:
        _say(f"{PROG}: error: {error}", url)
        return 1
    except KeyboardInterrupt:
        _say(f"{PROG}: interrupted; the unfinished work was rolled back", url)
        return 1
    except Exception as error:  # a bug: keep the traceback, show one line
        where = _log_bug(name, error, url)
        first = (str(error).strip().splitlines() or [""])[0][:300]
        _say(f"{PROG}: internal error (a bug): {type(error).__name__}: {first}; {where}", url)
        return 1


def _resolve(db: str | None) -> URL:
    try:
        url = resolve_url(db)
    except sa_exc.ArgumentError:
        # The message would repeat the text, password included: say it without it.
        raise UserError(Message("cli.bad_db")) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise UserError(Message("cli.backend", backend=url.get_backend_name()))
    return url


def _is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def _say(message: str, url: URL | None) -> None:
    from models.services.backup import scrub_password

    one_line = " / ".join(part.strip() for part in message.splitlines() if part.strip())
    print(scrub_password(one_line, url), file=sys.stderr)


@contextmanager
def _stderr_progress(label: str) -> Iterator[Progress]:
    """A percentage line on stderr while work runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield no_progress
        return
    shown = ""

    def report(done: int, total: int, note: str = "") -> None:
        nonlocal shown
        percent = 100 * done // total if total > 0 else 0
        line = f"{label}: {percent:3d} %" + (f"  {note[:50]}" if note else "")
        if line != shown:
            sys.stderr.write("\r" + line + " " * max(0, len(shown) - len(line)))
            sys.stderr.flush()
            shown = line

    try:
        yield report
    finally:
        if shown:
            sys.stderr.write("\r" + " " * len(shown) + "\r")
            sys.stderr.flush()


def log_path() -> Path:
    """The file bugs are logged to (created when the first one happens)."""
    return Path(platformdirs.user_log_dir("Railgrain", appauthor=False)) / "railgrain.log"


def _log_bug(command: str, error: BaseException, url: URL | None) -> str:
    from models.services.backup import scrub_password

    details = scrub_password("".join(traceback.format_exception(error)), url)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # Cannot log: the traceback must not be lost, so it goes to the terminal after all.
        print(details, file=sys.stderr)
        return "the details are above"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("railgrain.commands")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.error("%s %s: a bug\n%s", PROG, command, details.rstrip())
    finally:
        logger.removeHandler(handler)
        handler.close()
    return f"the details are in {path}"
