"""Editing reference data: stations, goods, counterparties and contracts.

Every call is one transaction. Names are compared case-insensitively in Python (the tables are
small, and SQLite's lower() folds ASCII only). A delete of a row still in use is refused with
the number of shipments (or contracts) using it, counted in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.db import Database
from models.entities import Commodity, Contract, Counterparty, Shipment, ShipmentEvent, Station
from models.errors import NotFoundError, ValidationError
from models.messages import Message
from models.rules.identifiers import CODE_SYSTEM_1520, validate_station_code
from models.services.reference import (
    COUNTERPARTY_ROLES,
    CommodityRef,
    ContractRef,
    CounterpartyRef,
    StationRef,
    _commodity_ref,
    _contract_ref,
    _key,
    _station_ref,
)

_R = TypeVar("_R")


@dataclass(frozen=True)
class StationInput:
    """A station's editable fields; an empty code means "not known"."""

    name: str
    country: str
    code: str | None = None
    code_system: str = CODE_SYSTEM_1520
    local_name: str | None = None
    name_zh: str | None = None
    name_ru: str | None = None
    role: str = "other"
    unlocode: str | None = None


@dataclass(frozen=True)
class CommodityInput:
    """A commodity's editable fields."""

    hs_code: str
    name: str
    name_zh: str | None = None
    name_ru: str | None = None


@dataclass(frozen=True)
class ContractInput:
    """A contract's editable fields."""

    number: str
    supplier_id: int
    commodity_id: int
    quantity_kg: int
    #: Both dates are required; None is refused with the field named.
    period_start: date | None
    period_end: date | None
    price: Decimal | None = None
    currency: str | None = None
    tolerance_pct: Decimal = Decimal("2.5")


#: What a station can be on a route.
STATION_ROLES = ("origin", "border", "destination", "other")


def _text(value: str | None) -> str | None:
    clean = " ".join((value or "").split())
    return clean or None


def _required(field: str, value: str | None, code: str) -> str:
    clean = _text(value)
    if clean is None:
        raise ValidationError(field, "required", Message(code))
    return clean


def _country(value: str | None, field: str = "country", *, required: bool = True) -> str | None:
    clean = (value or "").strip().upper()
    if not clean and not required:
        return None
    if len(clean) != 2 or not clean.isascii() or not clean.isalpha():
        raise ValidationError(field, "format", Message("reference.country", country=clean))
    return clean


def _clean_station(s: Session, data: StationInput, own_id: int | None) -> dict[str, Any]:
    name = _required("name", data.name, "reference.station_name_required")
    if data.role not in STATION_ROLES:
        allowed = ", ".join(STATION_ROLES)
        raise ValidationError("role", "choice", Message("reference.station_role", allowed=allowed))
    system = _required("code_system", data.code_system, "reference.code_system_required")
    code = None
    if _text(data.code):
        code = validate_station_code(data.code or "", system, field="code")
        clash = s.scalar(
            select(Station.id).where(Station.code_system == system, Station.code == code)
        )
        if clash is not None and clash != own_id:
            raise ValidationError(
                "code", "duplicate", Message("reference.station_code_taken", code=code)
            )
    for other in s.scalars(select(Station).where(Station.id != (own_id or 0))):
        if _key(other.name) == _key(name):
            raise ValidationError(
                "name", "duplicate", Message("reference.station_exists", name=name)
            )
    unlocode = _text(data.unlocode)
    if unlocode and (len(unlocode) != 5 or not unlocode.isascii() or not unlocode.isalnum()):
        raise ValidationError("unlocode", "format", Message("reference.unlocode"))
    return {
        "name": name,
        "code": code,
        "code_system": system,
        "country": _country(data.country),
        "local_name": _text(data.local_name),
        "name_zh": _text(data.name_zh),
        "name_ru": _text(data.name_ru),
        "role": data.role,
        "unlocode": unlocode.upper() if unlocode else None,
    }


def _clean_commodity(s: Session, data: CommodityInput, own_id: int | None) -> dict[str, Any]:
    hs = _required("hs_code", data.hs_code, "reference.hs_code_required")
    if not hs.isdigit() or len(hs) not in (4, 6, 8, 10):
        raise ValidationError("hs_code", "format", Message("reference.hs_code"))
    name = _required("name", data.name, "reference.commodity_name_required")
    for other in s.scalars(select(Commodity).where(Commodity.id != (own_id or 0))):
        if _key(other.name) == _key(name):
            raise ValidationError(
                "name", "duplicate", Message("reference.commodity_exists", name=name)
            )
    return {
        "hs_code": hs,
        "name": name,
        "name_zh": _text(data.name_zh),
        "name_ru": _text(data.name_ru),
    }


def _clean_party(s: Session, data: CounterpartyRef, own_id: int | None) -> dict[str, Any]:
    name = _required("name", data.name, "reference.party_name_required_edit")
    if data.role not in COUNTERPARTY_ROLES:
        allowed = ", ".join(COUNTERPARTY_ROLES)
        raise ValidationError(
            "role", "choice", Message("reference.role", allowed=allowed, role=data.role)
        )
    for other in s.scalars(select(Counterparty).where(Counterparty.id != (own_id or 0))):
        if _key(other.name) == _key(name):
            raise ValidationError("name", "duplicate", Message("reference.party_exists", name=name))
    return {"name": name, "role": data.role, "country": _country(data.country, required=False)}


def _clean_contract(s: Session, data: ContractInput, own_id: int | None) -> dict[str, Any]:
    number = _required("number", data.number, "reference.contract_number_required")
    for other in s.scalars(select(Contract).where(Contract.id != (own_id or 0))):
        if _key(other.number) == _key(number):
            raise ValidationError(
                "number", "duplicate", Message("reference.contract_exists", number=number)
            )
    if s.get(Counterparty, data.supplier_id) is None:
        raise ValidationError("supplier_id", "unknown", Message("reference.choose_supplier"))
    if s.get(Commodity, data.commodity_id) is None:
        raise ValidationError("commodity_id", "unknown", Message("reference.choose_commodity"))
    if data.quantity_kg is None or data.quantity_kg <= 0:
        raise ValidationError("quantity_kg", "positive", Message("reference.quantity"))
    if data.period_start is None or data.period_end is None:
        name = "period_start" if data.period_start is None else "period_end"
        raise ValidationError(name, "required", Message("reference.period_dates"))
    if data.period_end < data.period_start:
        raise ValidationError("period_end", "before_start", Message("reference.period_order"))
    if data.price is not None and data.price < 0:
        raise ValidationError("price", "negative", Message("reference.price"))
    currency = (data.currency or "").strip().upper() or None
    if currency and (len(currency) != 3 or not currency.isascii() or not currency.isalpha()):
        raise ValidationError("currency", "format", Message("reference.currency"))
    if not Decimal(0) <= data.tolerance_pct <= Decimal(100):
        raise ValidationError("tolerance_pct", "range", Message("reference.tolerance"))
    return {
        "number": number,
        "supplier_id": data.supplier_id,
        "commodity_id": data.commodity_id,
        "quantity_kg": data.quantity_kg,
        "period_start": data.period_start,
        "period_end": data.period_end,
        "price": data.price,
        "currency": currency,
        "tolerance_pct": data.tolerance_pct,
    }


def _shipments_using(s: Session, kind: type, row_id: int) -> int:
    """How many shipments refer to this reference row (COUNT in the database)."""
    if kind is Station:
        at_station = select(ShipmentEvent.shipment_id).where(ShipmentEvent.station_id == row_id)
        where = or_(
            Shipment.origin_station_id == row_id,
            Shipment.border_station_id == row_id,
            Shipment.destination_station_id == row_id,
            Shipment.id.in_(at_station),
        )
    elif kind is Commodity:
        where = Shipment.commodity_id == row_id
    elif kind is Counterparty:
        where = or_(Shipment.supplier_id == row_id, Shipment.consignee_id == row_id)
    else:
        where = Shipment.contract_id == row_id
    return s.scalar(select(func.count()).select_from(Shipment).where(where)) or 0


def _contracts_using(s: Session, kind: type, row_id: int) -> int:
    if kind is Commodity:
        where = Contract.commodity_id == row_id
    elif kind is Counterparty:
        where = Contract.supplier_id == row_id
    else:
        return 0
    return s.scalar(select(func.count()).select_from(Contract).where(where)) or 0


_KINDS: dict[str, type] = {
    "station": Station,
    "commodity": Commodity,
    "counterparty": Counterparty,
    "contract": Contract,
}


def usage_count(db: Database, kind: str, row_id: int) -> int:
    """How many shipments use a "station", "commodity", "counterparty" or "contract"."""
    with db.read() as s:
        return _shipments_using(s, _KINDS[kind], row_id)


def _delete(db: Database, kind: type, row_id: int, what: str) -> None:
    with db.write() as s:
        row = s.get(kind, row_id)
        if row is None:
            raise NotFoundError(Message("reference.gone", what=what))
        used = _shipments_using(s, kind, row_id)
        if used:
            raise ValidationError(
                "id", "in_use", Message("reference.in_use", count=used, what=what)
            )
        in_contracts = _contracts_using(s, kind, row_id)
        if in_contracts:
            raise ValidationError(
                "id",
                "in_contracts",
                Message("reference.in_contracts", count=in_contracts, what=what),
            )
        s.delete(row)


def _save(
    db: Database,
    kind: type,
    row_id: int | None,
    clean: Callable[[Session, int | None], dict[str, Any]],
    to_ref: Callable[[Any], _R],
    what: str,
) -> _R:
    with db.write() as s:
        row = kind() if row_id is None else s.get(kind, row_id)
        if row is None:
            raise NotFoundError(Message("reference.gone", what=what))
        values = clean(s, row_id)  # before the new row joins the session (autoflush)
        for name, value in values.items():
            setattr(row, name, value)
        s.add(row)
        s.flush()
        return to_ref(row)


def save_station(db: Database, data: StationInput, station_id: int | None = None) -> StationRef:
    """Create a station (``station_id`` None) or update one; a 1520 code's check digit is checked.

    Raises:
        ValidationError: A required field is empty, a code is malformed or taken, or a name is
            taken; ``field`` names the field.
        NotFoundError: The station was deleted meanwhile.
    """
    return _save(
        db, Station, station_id, lambda s, i: _clean_station(s, data, i), _station_ref, "station"
    )


def save_commodity(
    db: Database, data: CommodityInput, commodity_id: int | None = None
) -> CommodityRef:
    """Create a commodity (``commodity_id`` None) or update one.

    Raises:
        ValidationError: Bad or missing HS code, missing or taken name.
        NotFoundError: The commodity was deleted meanwhile.
    """
    clean = lambda s, i: _clean_commodity(s, data, i)  # noqa: E731
    return _save(db, Commodity, commodity_id, clean, _commodity_ref, "commodity")


def save_counterparty(
    db: Database, name: str, role: str, country: str | None = None, party_id: int | None = None
) -> CounterpartyRef:
    """Create a counterparty (``party_id`` None) or update one.

    Raises:
        ValidationError: Missing or taken name, unknown role, malformed country.
        NotFoundError: The counterparty was deleted meanwhile.
    """
    data = CounterpartyRef(0, name, role, country)
    return _save(
        db,
        Counterparty,
        party_id,
        lambda s, i: _clean_party(s, data, i),
        lambda c: CounterpartyRef(c.id, c.name, c.role, c.country),
        "counterparty",
    )


def save_contract(db: Database, data: ContractInput, contract_id: int | None = None) -> ContractRef:
    """Create a contract (``contract_id`` None) or update one.

    Raises:
        ValidationError: A field breaks a rule; ``field`` names it.
        NotFoundError: The contract was deleted meanwhile.
    """
    clean = lambda s, i: _clean_contract(s, data, i)  # noqa: E731
    return _save(db, Contract, contract_id, clean, _contract_ref, "contract")


def delete_station(db: Database, station_id: int) -> None:
    """Delete a station no shipment uses.

    Raises:
        ValidationError: Code "in_use" with ``count``, the number of shipments using it.
        NotFoundError: No such station.
    """
    _delete(db, Station, station_id, "station")


def delete_commodity(db: Database, commodity_id: int) -> None:
    """Delete a commodity no shipment or contract uses.

    Raises:
        ValidationError: Code "in_use" (shipments) or "in_contracts", with ``count``.
        NotFoundError: No such commodity.
    """
    _delete(db, Commodity, commodity_id, "commodity")


def delete_counterparty(db: Database, party_id: int) -> None:
    """Delete a counterparty no shipment or contract uses.

    Raises:
        ValidationError: Code "in_use" (shipments) or "in_contracts", with ``count``.
        NotFoundError: No such counterparty.
    """
    _delete(db, Counterparty, party_id, "counterparty")


def delete_contract(db: Database, contract_id: int) -> None:
    """Delete a contract no shipment refers to.

    Raises:
        ValidationError: Code "in_use" with ``count``.
        NotFoundError: No such contract.
    """
    _delete(db, Contract, contract_id, "contract")
