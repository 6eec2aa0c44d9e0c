"""The English text of every user-facing error, one template per stable code.

A raise site names a code and passes the template's parameters (``Message(code, **params)``);
``str()`` of the message is the English text the CLI prints. The UI keeps a translated template
for each code here (``ui.error_texts``) and fills it from the same parameters. Templates use
``str.format`` fields; a parameter that is itself a Message (or a list of them, joined with
"; ") is rendered the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_DATE_HELP = "a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日"

TEMPLATES: dict[str, str] = {
    # -- identifiers (models.rules.identifiers) ----------------------------------------------
    "check_digit.digit": (
        "check digit should be {expected}, not {got} (or another digit is mistyped)"
    ),
    "check_digit.character": (
        "check digit should be {expected}, not {got} (or another character is mistyped)"
    ),
    "station_code.required": "station code is required",
    "station_code.format_1520": ("a 1520 station code has digits 0-9 only; {shown} is not allowed"),
    "station_code.five_digits": (
        "a 1520 station code has 6 digits (5 and a check digit), got 5; "
        "with its check digit {value} is {suggestion}"
    ),
    "station_code.length_1520": "a 1520 station code has 6 digits, got {got}",
    "station_code.format": (
        "station code may contain only Latin letters A-Z and digits 0-9; {shown} is not allowed"
    ),
    "station_code.length": "station code is at most {max} characters, got {got}",
    "wagon.required": "wagon number is required",
    "wagon.format": "a wagon number has digits 0-9 only; {shown} is not allowed",
    "wagon.length": "a wagon number has 8 digits, got {got}",
    "container.required": "container number is required",
    "container.length": (
        "a container number has 11 characters (4 letters and 7 digits), got {got}"
    ),
    "container.owner": (
        "the owner code (first 3 characters) must be Latin letters A-Z; {shown} is not allowed"
    ),
    "container.category": "the category letter (4th character) must be U, J or Z, not {shown}",
    "container.serial": (
        "the serial number (characters 5 to 10) must be digits 0-9; {shown} is not allowed"
    ),
    "container.check_char": "the check digit (11th character) must be a digit 0-9, not {shown}",
    "unit.kind": "a unit is a 'wagon' or a 'container', not {kind!r}",
    "waybill.required": "waybill number is required",
    "waybill.spaces": "a waybill number must not contain spaces",
    "waybill.format": (
        "a waybill number may contain only Latin letters, digits 0-9, '-' and '/'; "
        "{shown} is not allowed"
    ),
    "waybill.length": "a waybill number is at most {max} characters, got {got}",
    "train_no.required": "train number is required",
    "train_no.format": (
        "a train number may contain letters, digits, punctuation and spaces on one "
        "line; {shown} is not allowed"
    ),
    "train_no.length": "a train number is at most {max} characters, got {got}",
    # -- status transitions (models.rules.status) --------------------------------------------
    "status.unchanged": "the shipment is already '{status}'",
    "status.cancelled": "a cancelled shipment cannot change status",
    "status.cancel_arrived": "a shipment that is '{status}' can no longer be cancelled",
    "status.note_required": "going back from '{old}' to '{new}' needs a note saying why",
    "status.backwards": ("cannot go back from '{old}' to '{new}': only one step back is allowed"),
    # -- shipments (models.services.shipments) -----------------------------------------------
    "shipment.net_weight": "net weight must be more than 0 t",
    "shipment.arrived_weight_or_empty": "arrived weight must be more than 0 t, or empty",
    "shipment.arrived_weight": "arrived weight must be more than 0 t",
    "shipment.arrival_before_departure": "arrival {arrival} is before departure {departure}",
    "shipment.negative_counts": "wagon and container counts cannot be negative",
    "shipment.unknown_reference": "no {what} with id {id}",
    "shipment.duplicate_waybill": "waybill {waybill} already exists",
    "shipment.unit_twice": "{number} is listed twice",
    "shipment.unit_weight": "a unit's weight must be more than 0",
    "shipment.in_waybill": "waybill {waybill}: {detail}",
    "shipment.eta_reason": "say why the ETA changes",
    "shipment.eta_before_departure": "waybill {waybill}: ETA {eta} is before departure {departure}",
    "shipment.weight_reason": (
        "arrived weight differs from shipped by {difference:.2f} %, more than the "
        "{tolerance:g} % tolerance: record the reason"
    ),
    # -- reference data (models.services.reference, reference_editing) -----------------------
    "reference.party_name_required": "a counterparty needs a name",
    "reference.role": "role must be one of {allowed}, not '{role}'",
    "reference.station_role": "role must be one of {allowed}",
    "reference.party_exists": "a counterparty called '{name}' exists",
    "reference.station_exists": "a station called '{name}' exists",
    "reference.commodity_exists": "a commodity called '{name}' exists",
    "reference.station_code_taken": "another station has the code {code}",
    "reference.contract_exists": "contract {number} exists",
    "reference.station_name_required": "a station's name is required",
    "reference.code_system_required": "the code system is required",
    "reference.hs_code_required": "the HS code is required",
    "reference.commodity_name_required": "a commodity's name is required",
    "reference.party_name_required_edit": "a counterparty's name is required",
    "reference.contract_number_required": "the contract number is required",
    "reference.country": "country is two Latin letters (ISO 3166), not '{country}'",
    "reference.unlocode": "a UN/LOCODE has 5 Latin letters or digits",
    "reference.hs_code": "an HS code has 4, 6, 8 or 10 digits",
    "reference.choose_supplier": "choose a supplier",
    "reference.choose_commodity": "choose a commodity",
    "reference.quantity": "the quantity must be more than 0 t",
    "reference.period_dates": "the contract's period needs both dates",
    "reference.period_order": "the period ends before it starts",
    "reference.price": "the price cannot be negative",
    "reference.currency": "a currency is three letters (ISO 4217)",
    "reference.tolerance": "the tolerance is 0 to 100 %",
    "reference.in_use": "the {what} is used by {count} shipments",
    "reference.in_contracts": "the {what} is used by {count} contracts",
    # -- import values (models.services.imports) ---------------------------------------------
    "import.no_such_day": f"this day does not exist; expected {_DATE_HELP}",
    "import.not_a_date": f"not a date; expected {_DATE_HELP}",
    "import.not_a_status": ("not a status; allowed: {allowed} (or their Chinese or Russian names)"),
    "import.not_a_number": "not a number",
    "import.net_weight": "the net weight must be more than 0 t",
    "import.net_weight_too_big": "over {max:,} t is not one consignment; check the unit (t)",
    "import.count": "expected a whole number from 0 to 10,000",
    "import.ambiguous_name": "more than one {what} has this name; use its code",
    "import.unknown_name_suggest": "unknown {what}; did you mean {suggestions}?",
    "import.unknown_name": "unknown {what}; use a code or a name from the reference data",
    "import.party_name_length": "a counterparty name is at most {max} characters",
    "import.required_cell": "this column is required; the cell is empty",
    "import.waybill_twice": "this waybill is already on row {first}; a waybill is one shipment",
    "import.units": "{errors}",
    "import.unit_bad": "{kind} {number}: {detail}",
    "import.unit_twice": "{kind} {number} is listed twice",
    "import.decimal_mark": (
        "the column's decimal mark cannot be told: write 1313 or 1313.0 or 1,313.0 "
        "(thousands) or 1,3 (decimal comma) so the whole column is clear"
    ),
    "import.date_order": (
        "the column's dates could be day/month or month/day and none tells: "
        "write 2025-01-05 or 05.01.2025"
    ),
    "import.departure_required": (
        "a shipment that is '{status}' has departed: the departure date is required"
    ),
    "import.arrival_before_departure": "the arrival is before the departure ({departure})",
    "import.eta_before_departure": "the ETA is before the departure ({departure})",
    "import.missing_columns": "required columns are missing: {columns}",
    "import.duplicate_column": "two columns feed this field; keep one",
    "import.no_rows": "the file has a header row but no shipments",
    "import.insert_only": "this waybill already exists (--insert-only refuses updates)",
    "import.empty_file": "the file is empty",
    "import.binary_file": "this is not a CSV, XLSX, XLS or ODS file (it looks like binary data)",
    "import.bad_encoding": "the file cannot be read as {encoding}: {reason}",
    "import.unknown_encoding": (
        "the file is in no encoding Railgrain reads (UTF-8/16, GB18030, Windows-1251, KZ-1048)"
    ),
    "import.bad_csv": "the file is not valid CSV: {reason}",
    "import.no_sheets": "the workbook has no sheets",
    "import.bad_xlsx": "this is not a readable XLSX, XLS or ODS workbook: {reason}",
    # -- records that are gone or changed (services) -------------------------------------------
    "shipment.not_found": "shipment {id} does not exist (it may have been deleted)",
    "shipment.changed": (
        "waybill {what} was changed by {who} at {when:%Y-%m-%d %H:%M} UTC after you opened it; "
        "reload it, or overwrite their change knowingly"
    ),
    "shipment.changed_while_saving": (
        "the shipment was changed by someone else while saving; reload it"
    ),
    "shipment.no_train": "no shipment is on train {train_no}",
    "train.not_found": "no train {train_no!r}",
    "reference.no_match": "no {what} has the code or name '{text}'",
    "reference.many_match": "more than one {what} has the code or name '{text}'",
    "reference.gone": "this {what} no longer exists",
    "period.order": "the period ends ({last}) before it starts ({first})",
    # -- the database (models.db, integrity, changes) ----------------------------------------
    "db.bad_url": "not a database URL Railgrain understands: {url}",
    "db.read_only": "the database is read-only: you may not change data in it",
    "db.role_read_only": (
        "you may not change data in this database: your database role may only read"
    ),
    "db.damaged": "the database file is damaged or not a database: {reason}",
    "db.busy": (
        "the database is busy: another user or window kept it locked for more than "
        "{seconds} s; try again"
    ),
    "db.disk_full": "the disk is full: nothing was saved",
    "db.cannot_open": "the database file cannot be opened (check the path and its permissions)",
    "db.not_railgrain_file": "this file is not a Railgrain database",
    "db.no_server": "cannot connect to the database server: {reason}",
    "db.error": "database error: {reason}",
    "db.missing": "no database at {path}",
    "db.not_sqlite": "{path} is not a Railgrain database (not a SQLite file)",
    "db.not_railgrain": "{path} is not a Railgrain database",
    "db.newer": (
        "{path} was written by a newer Railgrain (schema {revision}); update Railgrain to open it"
    ),
    "db.needs_upgrade": "{path} needs a schema upgrade; open it writable first",
    "db.folder": "{path} is a folder, not a database file",
    "db.unreadable": "{path} cannot be read: {reason}",
    "db.empty": "{path} is empty, not a Railgrain database",
    "db.cannot_watch": "cannot watch {path} for changes: {reason}",
    # -- backup and restore (models.services.backup, restore) --------------------------------
    "backup.exists": "{path} already exists; choose a new file name (nothing was changed)",
    "backup.exists_now": "{path} already exists; choose a new file name",
    "backup.no_folder": "the folder {path} does not exist",
    "backup.failed": "the backup to {path} failed: {reason} (nothing was written)",
    "backup.copy_failed": "the copy of {path} failed: {reason} (nothing was written)",
    "backup.copy_damaged": (
        "the copy fails its integrity check ({reason}): {path} itself is "
        "damaged; run `check` on it (no backup was written)"
    ),
    "backup.copy_unreadable": (
        "the copy cannot be read back ({reason}): {path} itself is damaged; "
        "run `check` on it (no backup was written)"
    ),
    "backup.need_pg_dump": (
        "a PostgreSQL database is backed up with the server's own tools: install pg_dump "
        "(Debian: apt-get install postgresql-client) and run this again, or ask the "
        "database administrator"
    ),
    "backup.no_schema": "{path} has no schema to back up (check its search_path)",
    "backup.tool_failed": "{tool} failed: {reason}",
    "backup.auto_folder": "the automatic backup folder {path} cannot be created: {reason}",
    "restore.postgresql": (
        "{path} is a PostgreSQL database: restore a pg_dump backup with "
        "pg_restore --clean --single-transaction, or ask the database administrator "
        "(nothing was changed)"
    ),
    "restore.same_file": "{path} is the database itself; choose a backup file",
    "restore.no_folder": "the folder {path} does not exist (nothing was changed)",
    "restore.unreadable": "{path} cannot be read as a database ({reason}); nothing was changed",
    "restore.cannot_write": "cannot write next to {path}: {reason} (nothing was changed)",
    "restore.appeared": "{path} appeared meanwhile; nothing was restored",
    "export.no_folder": "cannot write to {path}: {reason}",
    "export.cannot_write": "cannot write {path}: {reason}",
    "import.changed_meanwhile": (
        "shipments in the file were changed by someone else during the import; "
        "import the file again"
    ),
    "restore.failed_into": ("the restore into {path} failed: {reason}; the database is as it was"),
    "restore.target_foreign": (
        "{path} is not a Railgrain database; it is not replaced (choose another --db)"
    ),
    "restore.damaged": "{path} is damaged ({reason}); nothing was changed",
    "restore.not_railgrain": "{path} is not a Railgrain database; nothing was changed",
    "restore.newer": (
        "{path} was written by a newer Railgrain (schema {revision}); update "
        "Railgrain to restore it (nothing was changed)"
    ),
    "restore.busy": (
        "{path} is busy: another window or user is writing; try again (nothing was restored)"
    ),
    "restore.read_only": "{path} is read-only: it cannot be replaced (nothing was restored)",
    "restore.disk_full": "the disk is full: nothing was restored",
    "restore.failed": "the restore failed: {reason}; nothing was restored",
    # -- demo data and the command line (models.services.demo, models.commands) ---------------
    "demo.negative": "the number of demo shipments must be 0 or more",
    "demo.too_early": "demo data starts in December 2020: 'today' must be in 2021 or later",
    "demo.not_empty": (
        "{path} already holds {shipments} shipments; demo data goes into a new database"
    ),
    "demo.missing_reference": (
        "the demo needs the reference stations and goods of a new database; missing: {names}"
    ),
    "cli.cannot_read": "cannot read {path}: {reason}",
    "cli.demo_not_empty": (
        "{path} already holds {shipments:,} shipments; demo data goes into a new "
        "database: choose another --db (nothing was changed)"
    ),
    "cli.check_failed": "check failed: {reason}",
    "cli.restore_confirm": (
        "restoring replaces {path}: add --yes to confirm when not at a terminal "
        "(nothing was changed)"
    ),
    "cli.bad_db": (
        "the database is neither a file path nor a URL such as "
        "postgresql+psycopg://user@host/dbname"
    ),
    "cli.backend": "Railgrain works with SQLite files and PostgreSQL, not {backend}",
}


def render(code: str, params: Mapping[str, Any]) -> str:
    """The English text for ``code`` filled from ``params``."""
    return TEMPLATES[code].format_map({k: _english(v) for k, v in params.items()})


def _english(value: Any) -> Any:
    if isinstance(value, Message):
        return str(value)
    if isinstance(value, list | tuple) and value and isinstance(value[0], Message):
        return "; ".join(map(str, value))
    return value


@dataclass(frozen=True)
class Message:
    """A code and its parameters; ``str()`` is the English text."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __init__(self, code: str, /, **params: Any) -> None:
        if code not in TEMPLATES:
            raise KeyError(f"no English template for the message code {code!r}")
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def __str__(self) -> str:
        return render(self.code, self.params)
