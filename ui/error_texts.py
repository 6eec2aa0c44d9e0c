"""Translated texts for the message codes of ``models.messages``: one template per code.

The service raises an error (or reports an import problem) with a code and named parameters;
here each code has a translatable template with the same ``{name}`` placeholders, filled with
the parameters formatted for the user's locale (numbers, dates, statuses, the kind of record).
A code without a template here, or a translation that breaks its placeholders, shows the
service's English text instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale

from models.errors import UserError
from models.messages import Message
from models.rules.status import Status
from models.services.imports.problems import ImportFileError, Problem
from ui.i18n import arg, format_date, format_number, status_label

#: Message code → translatable template (English source; ``{name}`` placeholders).
TEXTS: dict[str, str] = {
    # identifiers
    "check_digit.digit": QT_TRANSLATE_NOOP(
        "ErrorTexts", "check digit should be {expected}, not {got} (or another digit is mistyped)"
    ),
    "check_digit.character": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "check digit should be {expected}, not {got} (or another character is mistyped)",
    ),
    "station_code.required": QT_TRANSLATE_NOOP("ErrorTexts", "station code is required"),
    "station_code.format_1520": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a 1520 station code has digits 0-9 only; {shown} is not allowed"
    ),
    "station_code.five_digits": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "a 1520 station code has 6 digits (5 and a check digit), got 5; "
        "with its check digit {value} is {suggestion}",
    ),
    "station_code.length_1520": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a 1520 station code has 6 digits, got {got}"
    ),
    "station_code.format": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "station code may contain only Latin letters A-Z and digits 0-9; {shown} is not allowed",
    ),
    "station_code.length": QT_TRANSLATE_NOOP(
        "ErrorTexts", "station code is at most {max} characters, got {got}"
    ),
    "wagon.required": QT_TRANSLATE_NOOP("ErrorTexts", "wagon number is required"),
    "wagon.format": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a wagon number has digits 0-9 only; {shown} is not allowed"
    ),
    "wagon.length": QT_TRANSLATE_NOOP("ErrorTexts", "a wagon number has 8 digits, got {got}"),
    "container.required": QT_TRANSLATE_NOOP("ErrorTexts", "container number is required"),
    "container.length": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a container number has 11 characters (4 letters and 7 digits), got {got}"
    ),
    "container.owner": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the owner code (first 3 characters) must be Latin letters A-Z; {shown} is not allowed",
    ),
    "container.category": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the category letter (4th character) must be U, J or Z, not {shown}"
    ),
    "container.serial": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the serial number (characters 5 to 10) must be digits 0-9; {shown} is not allowed",
    ),
    "container.check_char": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the check digit (11th character) must be a digit 0-9, not {shown}"
    ),
    "unit.kind": QT_TRANSLATE_NOOP("ErrorTexts", "a unit is a wagon or a container, not '{kind}'"),
    "waybill.required": QT_TRANSLATE_NOOP("ErrorTexts", "waybill number is required"),
    "waybill.spaces": QT_TRANSLATE_NOOP("ErrorTexts", "a waybill number must not contain spaces"),
    "waybill.format": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "a waybill number may contain only Latin letters, digits 0-9, '-' and '/'; "
        "{shown} is not allowed",
    ),
    "waybill.length": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a waybill number is at most {max} characters, got {got}"
    ),
    "train_no.required": QT_TRANSLATE_NOOP("ErrorTexts", "train number is required"),
    "train_no.format": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "a train number may contain letters, digits, punctuation and spaces on one line; "
        "{shown} is not allowed",
    ),
    "train_no.length": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a train number is at most {max} characters, got {got}"
    ),
    # status transitions
    "status.unchanged": QT_TRANSLATE_NOOP("ErrorTexts", "the shipment is already '{status}'"),
    "status.cancelled": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a cancelled shipment cannot change status"
    ),
    "status.cancel_arrived": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a shipment that is '{status}' can no longer be cancelled"
    ),
    "status.note_required": QT_TRANSLATE_NOOP(
        "ErrorTexts", "going back from '{old}' to '{new}' needs a note saying why"
    ),
    "status.backwards": QT_TRANSLATE_NOOP(
        "ErrorTexts", "cannot go back from '{old}' to '{new}': only one step back is allowed"
    ),
    # shipments
    "shipment.net_weight": QT_TRANSLATE_NOOP("ErrorTexts", "net weight must be more than 0 t"),
    "shipment.arrived_weight_or_empty": QT_TRANSLATE_NOOP(
        "ErrorTexts", "arrived weight must be more than 0 t, or empty"
    ),
    "shipment.arrived_weight": QT_TRANSLATE_NOOP(
        "ErrorTexts", "arrived weight must be more than 0 t"
    ),
    "shipment.arrival_before_departure": QT_TRANSLATE_NOOP(
        "ErrorTexts", "arrival {arrival} is before departure {departure}"
    ),
    "shipment.negative_counts": QT_TRANSLATE_NOOP(
        "ErrorTexts", "wagon and container counts cannot be negative"
    ),
    "shipment.unknown_reference": QT_TRANSLATE_NOOP("ErrorTexts", "no {what} with id {id}"),
    "shipment.duplicate_waybill": QT_TRANSLATE_NOOP(
        "ErrorTexts", "waybill {waybill} already exists"
    ),
    "shipment.unit_twice": QT_TRANSLATE_NOOP("ErrorTexts", "{number} is listed twice"),
    "shipment.unit_weight": QT_TRANSLATE_NOOP("ErrorTexts", "a unit's weight must be more than 0"),
    "shipment.in_waybill": QT_TRANSLATE_NOOP("ErrorTexts", "waybill {waybill}: {detail}"),
    "shipment.eta_reason": QT_TRANSLATE_NOOP("ErrorTexts", "say why the ETA changes"),
    "shipment.eta_before_departure": QT_TRANSLATE_NOOP(
        "ErrorTexts", "waybill {waybill}: ETA {eta} is before departure {departure}"
    ),
    "shipment.weight_reason": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "arrived weight differs from shipped by {difference} %, more than the {tolerance} % "
        "tolerance: record the reason",
    ),
    # reference data
    "reference.party_name_required": QT_TRANSLATE_NOOP("ErrorTexts", "a counterparty needs a name"),
    "reference.role": QT_TRANSLATE_NOOP(
        "ErrorTexts", "role must be one of {allowed}, not '{role}'"
    ),
    "reference.station_role": QT_TRANSLATE_NOOP("ErrorTexts", "role must be one of {allowed}"),
    "reference.party_exists": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a counterparty called '{name}' exists"
    ),
    "reference.station_exists": QT_TRANSLATE_NOOP("ErrorTexts", "a station called '{name}' exists"),
    "reference.commodity_exists": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a commodity called '{name}' exists"
    ),
    "reference.station_code_taken": QT_TRANSLATE_NOOP(
        "ErrorTexts", "another station has the code {code}"
    ),
    "reference.contract_exists": QT_TRANSLATE_NOOP("ErrorTexts", "contract {number} exists"),
    "reference.station_name_required": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a station's name is required"
    ),
    "reference.code_system_required": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the code system is required"
    ),
    "reference.hs_code_required": QT_TRANSLATE_NOOP("ErrorTexts", "the HS code is required"),
    "reference.commodity_name_required": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a commodity's name is required"
    ),
    "reference.party_name_required_edit": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a counterparty's name is required"
    ),
    "reference.contract_number_required": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the contract number is required"
    ),
    "reference.country": QT_TRANSLATE_NOOP(
        "ErrorTexts", "country is two Latin letters (ISO 3166), not '{country}'"
    ),
    "reference.unlocode": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a UN/LOCODE has 5 Latin letters or digits"
    ),
    "reference.hs_code": QT_TRANSLATE_NOOP("ErrorTexts", "an HS code has 4, 6, 8 or 10 digits"),
    "reference.choose_supplier": QT_TRANSLATE_NOOP("ErrorTexts", "choose a supplier"),
    "reference.choose_commodity": QT_TRANSLATE_NOOP("ErrorTexts", "choose a commodity"),
    "reference.quantity": QT_TRANSLATE_NOOP("ErrorTexts", "the quantity must be more than 0 t"),
    "reference.period_dates": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the contract's period needs both dates"
    ),
    "reference.period_order": QT_TRANSLATE_NOOP("ErrorTexts", "the period ends before it starts"),
    "reference.price": QT_TRANSLATE_NOOP("ErrorTexts", "the price cannot be negative"),
    "reference.currency": QT_TRANSLATE_NOOP("ErrorTexts", "a currency is three letters (ISO 4217)"),
    "reference.tolerance": QT_TRANSLATE_NOOP("ErrorTexts", "the tolerance is 0 to 100 %"),
    "reference.in_use": QT_TRANSLATE_NOOP("ErrorTexts", "the {what} is used by {count} shipments"),
    "reference.in_contracts": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the {what} is used by {count} contracts"
    ),
    # import values and files
    "import.no_such_day": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "this day does not exist; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 "
        "or 2025年1月5日",
    ),
    "import.not_a_date": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "not a date; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日",
    ),
    "import.not_a_status": QT_TRANSLATE_NOOP(
        "ErrorTexts", "not a status; allowed: {allowed} (or their Chinese or Russian names)"
    ),
    "import.not_a_number": QT_TRANSLATE_NOOP("ErrorTexts", "not a number"),
    "import.net_weight": QT_TRANSLATE_NOOP("ErrorTexts", "the net weight must be more than 0 t"),
    "import.net_weight_too_big": QT_TRANSLATE_NOOP(
        "ErrorTexts", "over {max} t is not one consignment; check the unit (t)"
    ),
    "import.count": QT_TRANSLATE_NOOP("ErrorTexts", "expected a whole number from 0 to 10,000"),
    "import.ambiguous_name": QT_TRANSLATE_NOOP(
        "ErrorTexts", "more than one {what} has this name; use its code"
    ),
    "import.unknown_name_suggest": QT_TRANSLATE_NOOP(
        "ErrorTexts", "unknown {what}; did you mean {suggestions}?"
    ),
    "import.unknown_name": QT_TRANSLATE_NOOP(
        "ErrorTexts", "unknown {what}; use a code or a name from the reference data"
    ),
    "import.party_name_length": QT_TRANSLATE_NOOP(
        "ErrorTexts", "a counterparty name is at most {max} characters"
    ),
    "import.required_cell": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this column is required; the cell is empty"
    ),
    "import.waybill_twice": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this waybill is already on row {first}; a waybill is one shipment"
    ),
    "import.units": QT_TRANSLATE_NOOP("ErrorTexts", "{errors}"),
    "import.unit_bad": QT_TRANSLATE_NOOP("ErrorTexts", "{kind} {number}: {detail}"),
    "import.unit_twice": QT_TRANSLATE_NOOP("ErrorTexts", "{kind} {number} is listed twice"),
    "import.decimal_mark": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the column's decimal mark cannot be told: write 1313 or 1313.0 or 1,313.0 "
        "(thousands) or 1,3 (decimal comma) so the whole column is clear",
    ),
    "import.date_order": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the column's dates could be day/month or month/day and none tells: "
        "write 2025-01-05 or 05.01.2025",
    ),
    "import.departure_required": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "a shipment that is '{status}' has departed: the departure date is required",
    ),
    "import.arrival_before_departure": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the arrival is before the departure ({departure})"
    ),
    "import.eta_before_departure": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the ETA is before the departure ({departure})"
    ),
    "import.missing_columns": QT_TRANSLATE_NOOP(
        "ErrorTexts", "required columns are missing: {columns}"
    ),
    "import.duplicate_column": QT_TRANSLATE_NOOP(
        "ErrorTexts", "two columns feed this field; keep one"
    ),
    "import.no_rows": QT_TRANSLATE_NOOP("ErrorTexts", "the file has a header row but no shipments"),
    "import.insert_only": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this waybill already exists (--insert-only refuses updates)"
    ),
    "import.empty_file": QT_TRANSLATE_NOOP("ErrorTexts", "the file is empty"),
    "import.binary_file": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this is not a CSV, XLSX, XLS or ODS file (it looks like binary data)"
    ),
    "import.bad_encoding": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the file cannot be read as {encoding}: {reason}"
    ),
    "import.unknown_encoding": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the file is in no encoding Railgrain reads (UTF-8/16, GB18030, Windows-1251, KZ-1048)",
    ),
    "import.bad_csv": QT_TRANSLATE_NOOP("ErrorTexts", "the file is not valid CSV: {reason}"),
    "import.no_sheets": QT_TRANSLATE_NOOP("ErrorTexts", "the workbook has no sheets"),
    "import.bad_xlsx": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this is not a readable XLSX, XLS or ODS workbook: {reason}"
    ),
    # records gone or changed, the database, backup and restore, demo data, command line
    "shipment.not_found": QT_TRANSLATE_NOOP(
        "ErrorTexts", "shipment {id} does not exist (it may have been deleted)"
    ),
    "shipment.changed": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "waybill {what} was changed by {who} at {when} after you opened it; reload it, or "
        "overwrite their change knowingly",
    ),
    "shipment.changed_while_saving": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the shipment was changed by someone else while saving; reload it"
    ),
    "shipment.no_train": QT_TRANSLATE_NOOP("ErrorTexts", "no shipment is on train {train_no}"),
    "train.not_found": QT_TRANSLATE_NOOP("ErrorTexts", "no train '{train_no}'"),
    "reference.no_match": QT_TRANSLATE_NOOP(
        "ErrorTexts", "no {what} has the code or name '{text}'"
    ),
    "reference.many_match": QT_TRANSLATE_NOOP(
        "ErrorTexts", "more than one {what} has the code or name '{text}'"
    ),
    "reference.gone": QT_TRANSLATE_NOOP("ErrorTexts", "this {what} no longer exists"),
    "period.order": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the period ends ({last}) before it starts ({first})"
    ),
    "db.bad_url": QT_TRANSLATE_NOOP(
        "ErrorTexts", "not a database URL Railgrain understands: {url}"
    ),
    "db.read_only": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the database is read-only: you may not change data in it"
    ),
    "db.role_read_only": QT_TRANSLATE_NOOP(
        "ErrorTexts", "you may not change data in this database: your database role may only read"
    ),
    "db.damaged": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the database file is damaged or not a database: {reason}"
    ),
    "db.busy": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the database is busy: another user or window kept it locked for more than {seconds} s; "
        "try again",
    ),
    "db.disk_full": QT_TRANSLATE_NOOP("ErrorTexts", "the disk is full: nothing was saved"),
    "db.cannot_open": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the database file cannot be opened (check the path and its permissions)"
    ),
    "db.not_railgrain_file": QT_TRANSLATE_NOOP(
        "ErrorTexts", "this file is not a Railgrain database"
    ),
    "db.no_server": QT_TRANSLATE_NOOP(
        "ErrorTexts", "cannot connect to the database server: {reason}"
    ),
    "db.error": QT_TRANSLATE_NOOP("ErrorTexts", "database error: {reason}"),
    "db.missing": QT_TRANSLATE_NOOP("ErrorTexts", "no database at {path}"),
    "db.not_sqlite": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is not a Railgrain database (not a SQLite file)"
    ),
    "db.not_railgrain": QT_TRANSLATE_NOOP("ErrorTexts", "{path} is not a Railgrain database"),
    "db.newer": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} was written by a newer Railgrain (schema {revision}); update Railgrain to open it",
    ),
    "db.needs_upgrade": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} needs a schema upgrade; open it writable first"
    ),
    "db.folder": QT_TRANSLATE_NOOP("ErrorTexts", "{path} is a folder, not a database file"),
    "db.unreadable": QT_TRANSLATE_NOOP("ErrorTexts", "{path} cannot be read: {reason}"),
    "db.empty": QT_TRANSLATE_NOOP("ErrorTexts", "{path} is empty, not a Railgrain database"),
    "db.cannot_watch": QT_TRANSLATE_NOOP("ErrorTexts", "cannot watch {path} for changes: {reason}"),
    "backup.exists": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} already exists; choose a new file name (nothing was changed)"
    ),
    "backup.exists_now": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} already exists; choose a new file name"
    ),
    "backup.no_folder": QT_TRANSLATE_NOOP("ErrorTexts", "the folder {path} does not exist"),
    "backup.failed": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the backup to {path} failed: {reason} (nothing was written)"
    ),
    "backup.copy_failed": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the copy of {path} failed: {reason} (nothing was written)"
    ),
    "backup.copy_damaged": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the copy fails its integrity check ({reason}): {path} itself is damaged; run `check` on "
        "it (no backup was written)",
    ),
    "backup.copy_unreadable": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the copy cannot be read back ({reason}): {path} itself is damaged; run `check` on it (no "
        "backup was written)",
    ),
    "backup.need_pg_dump": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "a PostgreSQL database is backed up with the server's own tools: install pg_dump (Debian: "
        "apt-get install postgresql-client) and run this again, or ask the database administrator",
    ),
    "backup.no_schema": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} has no schema to back up (check its search_path)"
    ),
    "backup.tool_failed": QT_TRANSLATE_NOOP("ErrorTexts", "{tool} failed: {reason}"),
    "backup.auto_folder": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the automatic backup folder {path} cannot be created: {reason}"
    ),
    "restore.postgresql": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} is a PostgreSQL database: restore a pg_dump backup with pg_restore --clean "
        "--single-transaction, or ask the database administrator (nothing was changed)",
    ),
    "restore.same_file": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is the database itself; choose a backup file"
    ),
    "restore.no_folder": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the folder {path} does not exist (nothing was changed)"
    ),
    "restore.unreadable": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} cannot be read as a database ({reason}); nothing was changed"
    ),
    "restore.cannot_write": QT_TRANSLATE_NOOP(
        "ErrorTexts", "cannot write next to {path}: {reason} (nothing was changed)"
    ),
    "restore.appeared": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} appeared meanwhile; nothing was restored"
    ),
    "export.no_folder": QT_TRANSLATE_NOOP("ErrorTexts", "cannot write to {path}: {reason}"),
    "export.cannot_write": QT_TRANSLATE_NOOP("ErrorTexts", "cannot write {path}: {reason}"),
    "import.changed_meanwhile": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "shipments in the file were changed by someone else during the import; "
        "import the file again",
    ),
    "restore.failed_into": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the restore into {path} failed: {reason}; the database is as it was"
    ),
    "restore.target_foreign": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is not a Railgrain database; it is not replaced (choose another --db)"
    ),
    "restore.damaged": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is damaged ({reason}); nothing was changed"
    ),
    "restore.not_railgrain": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is not a Railgrain database; nothing was changed"
    ),
    "restore.newer": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} was written by a newer Railgrain (schema {revision}); update Railgrain to restore "
        "it (nothing was changed)",
    ),
    "restore.busy": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} is busy: another window or user is writing; try again (nothing was restored)",
    ),
    "restore.read_only": QT_TRANSLATE_NOOP(
        "ErrorTexts", "{path} is read-only: it cannot be replaced (nothing was restored)"
    ),
    "restore.disk_full": QT_TRANSLATE_NOOP("ErrorTexts", "the disk is full: nothing was restored"),
    "restore.failed": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the restore failed: {reason}; nothing was restored"
    ),
    "demo.negative": QT_TRANSLATE_NOOP(
        "ErrorTexts", "the number of demo shipments must be 0 or more"
    ),
    "demo.too_early": QT_TRANSLATE_NOOP(
        "ErrorTexts", "demo data starts in December 2020: 'today' must be in 2021 or later"
    ),
    "demo.not_empty": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} already holds {shipments} shipments; demo data goes into a new database",
    ),
    "demo.missing_reference": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the demo needs the reference stations and goods of a new database; missing: {names}",
    ),
    "cli.cannot_read": QT_TRANSLATE_NOOP("ErrorTexts", "cannot read {path}: {reason}"),
    "cli.demo_not_empty": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "{path} already holds {shipments} shipments; demo data goes into a new database: choose "
        "another --db (nothing was changed)",
    ),
    "cli.check_failed": QT_TRANSLATE_NOOP("ErrorTexts", "check failed: {reason}"),
    "cli.restore_confirm": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "restoring replaces {path}: add --yes to confirm when not at a terminal (nothing was "
        "changed)",
    ),
    "cli.bad_db": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "the database is neither a file path nor a URL such as "
        "postgresql+psycopg://user@host/dbname",
    ),
    "cli.backend": QT_TRANSLATE_NOOP(
        "ErrorTexts", "Railgrain works with SQLite files and PostgreSQL, not {backend}"
    ),
}

#: The kinds of record a ``what`` or ``kind`` parameter names.
_NOUNS: dict[str, str] = {
    "station": QT_TRANSLATE_NOOP("ErrorTexts", "station"),
    "commodity": QT_TRANSLATE_NOOP("ErrorTexts", "commodity"),
    "counterparty": QT_TRANSLATE_NOOP("ErrorTexts", "counterparty"),
    "contract": QT_TRANSLATE_NOOP("ErrorTexts", "contract"),
    "supplier": QT_TRANSLATE_NOOP("ErrorTexts", "supplier"),
    "consignee": QT_TRANSLATE_NOOP("ErrorTexts", "consignee"),
    "origin_station": QT_TRANSLATE_NOOP("ErrorTexts", "origin station"),
    "border_station": QT_TRANSLATE_NOOP("ErrorTexts", "border station"),
    "destination_station": QT_TRANSLATE_NOOP("ErrorTexts", "destination station"),
    "wagon": QT_TRANSLATE_NOOP("ErrorTexts", "wagon"),
    "container": QT_TRANSLATE_NOOP("ErrorTexts", "container"),
}

#: Parameters that hold a status value.
_STATUS_PARAMS = frozenset({"status", "old", "new"})


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP above, translated now."""
    return QCoreApplication.translate("ErrorTexts", text)


def _format(name: str, value: Any) -> Any:
    """One parameter as the user's language and locale show it."""
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, list | tuple) and value and isinstance(value[0], Message):
        return QCoreApplication.translate("ErrorTexts", "; ").join(message_text(m) for m in value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float):
        return (
            QLocale().toString(value, "f", 2)
            if name == "difference"
            else QLocale().toString(value, "g", 6)
        )
    if isinstance(value, datetime):  # a UTC stamp, shown in local time
        moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return format_date(value)
    if name in _STATUS_PARAMS and value in Status._value2member_map_:
        return status_label(Status(value))
    if name in ("what", "kind") and value in _NOUNS:
        return _tr(_NOUNS[value])
    return value


def error_text(code: str | None, params: Mapping[str, Any], english: str) -> str:
    """The translated text of a message code; ``english`` when there is none or it breaks."""
    template = TEXTS.get(code or "")
    if template is None:
        return english
    if code == "import.not_a_status":
        params = {
            **params,
            "allowed": QCoreApplication.translate("ErrorTexts", ", ").join(
                status_label(s) for s in Status
            ),
        }
    try:
        return _tr(template).format_map({k: _format(k, v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return english


def message_text(message: Message | str) -> str:
    """A models.messages Message translated (a plain string is shown as it is)."""
    if isinstance(message, Message):
        return error_text(message.code, message.params, str(message))
    return message


def sentence(text: str) -> str:
    """A message fragment as a sentence: capitalized, with the language's full stop."""
    return arg(QCoreApplication.translate("ErrorTexts", "%1."), text[:1].upper() + text[1:])


def error_detail(error: UserError) -> str:
    """What a UserError says, translated when it carries a message code."""
    if isinstance(error, ImportFileError) and error.problems:
        lines = [problem_text(p) for p in error.problems]
        if error.more:
            more = QCoreApplication.translate("ErrorTexts", "and %1 more")
            lines.append(arg(more, format_number(error.more)))
        return "\n".join(lines)
    return error_text(error.key, error.params, error.message)


def field_error_text(error: UserError) -> str:
    """A UserError as the sentence shown next to the field it belongs to."""
    return sentence(error_detail(error))


def problem_text(problem: Problem) -> str:
    """An import problem: "row 5, column Station, value 'X': unknown station …", translated."""
    where = []
    if problem.row is not None:
        where.append(arg(QCoreApplication.translate("ErrorTexts", "row %1"), problem.row))
    if problem.column:
        where.append(arg(QCoreApplication.translate("ErrorTexts", "column %1"), problem.column))
    if problem.value is not None:
        where.append(arg(QCoreApplication.translate("ErrorTexts", "value '%1'"), problem.value))
    text = error_text(problem.code, problem.params, problem.message)
    if not where:
        return text
    return arg(
        QCoreApplication.translate("ErrorTexts", "%1: %2"),
        QCoreApplication.translate("ErrorTexts", ", ").join(where),
        text,
    )
