"""Reference data: the stations and goods every database starts with, and lookups by any name."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import TypeVar

from sqlalchemy import Connection, insert, select

from models.db import Database
from models.entities import Commodity, Contract, Counterparty, Station
from models.errors import NotFoundError, ValidationError
from models.messages import Message
from models.rules.identifiers import CODE_SYSTEM_1520

_T = TypeVar("_T")

#: What a counterparty can be to the importer.
COUNTERPARTY_ROLES = ("supplier", "consignee", "forwarder")


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("resources.reference").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), strict=True))


def _blank_to_none(row: dict[str, str]) -> dict[str, str | None]:
    # An empty code means "not known" (DOMAIN.md): store NULL, never invent one.
    return {key: (value.strip() or None) for key, value in row.items()}


def seed_reference_data(conn: Connection) -> None:
    """Insert the reference stations and commodities of DOMAIN.md into a new database."""
    stations = [_blank_to_none(row) for row in _read_csv("stations.csv")]
    commodities = [_blank_to_none(row) for row in _read_csv("commodities.csv")]
    conn.execute(insert(Station), stations)
    conn.execute(insert(Commodity), commodities)


@dataclass(frozen=True)
class StationRef:
    """A station as lists and completers show it."""

    id: int
    code: str | None
    name: str
    local_name: str | None
    name_zh: str | None
    name_ru: str | None
    country: str
    role: str
    code_system: str = CODE_SYSTEM_1520
    unlocode: str | None = None


@dataclass(frozen=True)
class CommodityRef:
    """A commodity as lists and completers show it."""

    id: int
    hs_code: str
    name: str
    name_zh: str | None
    name_ru: str | None


@dataclass(frozen=True)
class CounterpartyRef:
    """A supplier, consignee or forwarder."""

    id: int
    name: str
    role: str
    country: str | None


def _station_ref(s: Station) -> StationRef:
    return StationRef(
        s.id,
        s.code,
        s.name,
        s.local_name,
        s.name_zh,
        s.name_ru,
        s.country,
        s.role,
        s.code_system,
        s.unlocode,
    )


def _commodity_ref(c: Commodity) -> CommodityRef:
    return CommodityRef(c.id, c.hs_code, c.name, c.name_zh, c.name_ru)


def stations(db: Database) -> list[StationRef]:
    """Every station, by name."""
    with db.read() as s:
        return [_station_ref(x) for x in s.scalars(select(Station).order_by(Station.name))]


def commodities(db: Database) -> list[CommodityRef]:
    """Every commodity, by HS code."""
    with db.read() as s:
        rows = s.scalars(select(Commodity).order_by(Commodity.hs_code, Commodity.name))
        return [_commodity_ref(x) for x in rows]


def counterparties(db: Database, role: str | None = None) -> list[CounterpartyRef]:
    """Every counterparty (of one role, if given), by name."""
    with db.read() as s:
        query = select(Counterparty).order_by(Counterparty.name)
        if role:
            query = query.where(Counterparty.role == role)
        return [CounterpartyRef(c.id, c.name, c.role, c.country) for c in s.scalars(query)]


def create_counterparty(
    db: Database, name: str, role: str, country: str | None = None
) -> CounterpartyRef:
    """Add a supplier, consignee or forwarder.

    Raises:
        ValidationError: Empty name, unknown role, or the name is taken.
    """
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("name", "required", Message("reference.party_name_required"))
    if role not in COUNTERPARTY_ROLES:
        allowed = ", ".join(COUNTERPARTY_ROLES)
        raise ValidationError(
            "role", "choice", Message("reference.role", allowed=allowed, role=role)
        )
    if any(_key(c.name) == _key(clean) for c in counterparties(db)):
        raise ValidationError("name", "duplicate", Message("reference.party_exists", name=clean))
    with db.write() as s:
        party = Counterparty(name=clean, role=role, country=country)
        s.add(party)
        s.flush()
        return CounterpartyRef(party.id, party.name, party.role, party.country)


def _key(text: str | None) -> str:
    return (text or "").strip().casefold()


def _pick(found: list[_T], what: str, key: str) -> _T:
    if len(found) != 1:
        code = "reference.no_match" if not found else "reference.many_match"
        raise NotFoundError(Message(code, what=what, text=key))
    return found[0]


def station_names(ref: StationRef) -> tuple[str | None, ...]:
    """Everything a station answers to: code, Latin, local, Chinese and Russian names."""
    return (ref.code, ref.name, ref.local_name, ref.name_zh, ref.name_ru)


def commodity_names(ref: CommodityRef) -> tuple[str | None, ...]:
    """Everything a commodity answers to: HS code and its names."""
    return (ref.hs_code, ref.name, ref.name_zh, ref.name_ru)


#: Languages whose names are recorded for stations and goods ("en": the Latin name).
NAME_LANGUAGES = ("en", "zh", "ru")


def station_name(ref: StationRef, lang: str = "en") -> str:
    """The station's name in ``lang`` ("en", "zh", "ru") where recorded, else the Latin one."""
    localized = {"zh": ref.name_zh, "ru": ref.name_ru}.get(lang)
    return localized or ref.name


def commodity_name(ref: CommodityRef, lang: str = "en") -> str:
    """The commodity's name in ``lang`` ("en", "zh", "ru") where recorded, else the English one."""
    localized = {"zh": ref.name_zh, "ru": ref.name_ru}.get(lang)
    return localized or ref.name


# Reference tables are small (tens of rows), so names are matched in Python: SQLite's lower()
# only folds ASCII, and "Костанай" must find "костанай" on both databases.
def find_station(db: Database, text: str) -> StationRef:
    """The station whose code or any name (Latin, local, Chinese, Russian) is ``text``.

    Raises:
        NotFoundError: No station, or more than one, answers to that text.
    """
    key = _key(text)
    found = [s for s in stations(db) if key in {_key(n) for n in station_names(s)}]
    return _pick(found, "station", text.strip())


def find_commodity(db: Database, text: str) -> CommodityRef:
    """The commodity whose HS code or any name is ``text``.

    Raises:
        NotFoundError: No commodity, or more than one, answers to that text.
    """
    key = _key(text)
    found = [c for c in commodities(db) if key in {_key(n) for n in commodity_names(c)}]
    return _pick(found, "commodity", text.strip())


def find_counterparty(db: Database, name: str) -> CounterpartyRef:
    """The counterparty called ``name`` (case-insensitive).

    Raises:
        NotFoundError: No counterparty has that name.
    """
    key = _key(name)
    found = [c for c in counterparties(db) if _key(c.name) == key]
    return _pick(found, "supplier, consignee or forwarder", name.strip())


# -- contracts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractRef:
    """A supply contract as lists, completers and its editor show it."""

    id: int
    number: str
    supplier_id: int
    commodity_id: int
    quantity_kg: int
    period_start: date
    period_end: date
    price: Decimal | None = None
    currency: str | None = None
    tolerance_pct: Decimal = Decimal("2.5")


def _contract_ref(c: Contract) -> ContractRef:
    return ContractRef(
        c.id,
        c.number,
        c.supplier_id,
        c.commodity_id,
        c.quantity_kg,
        c.period_start,
        c.period_end,
        c.price,
        c.currency,
        c.tolerance_pct,
    )


def contracts(db: Database, supplier_id: int | None = None) -> list[ContractRef]:
    """Every contract (of one supplier, if given), by number."""
    with db.read() as s:
        query = select(Contract).order_by(Contract.number)
        if supplier_id is not None:
            query = query.where(Contract.supplier_id == supplier_id)
        return [_contract_ref(c) for c in s.scalars(query)]


def find_contract(db: Database, number: str) -> ContractRef:
    """The contract with this number (case-insensitive).

    Raises:
        NotFoundError: No contract has that number.
    """
    key = _key(number)
    with db.read() as s:
        found = [_contract_ref(c) for c in s.scalars(select(Contract))]
    return _pick([c for c in found if _key(c.number) == key], "contract", number.strip())
