"""The shipments table's queries: a filter, a sort, a count and a page of rows.

The table view never holds the whole table: it asks :func:`count` once per filter and
:func:`page` for the few hundred rows on screen. Sorting and filtering are ORDER BY and WHERE
on indexed columns. A page first picks the ids (an index walk on ``shipments`` alone), then
joins the names for just those rows, so deep pages stay cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    Select,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy import column as sql_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased

from models.db import Database
from models.entities import (
    Commodity,
    Contract,
    Counterparty,
    Shipment,
    ShipmentEvent,
    ShipmentUnit,
    Station,
)
from models.rules.status import OPEN_STATUSES, Status


@dataclass(frozen=True)
class Filter:
    """Which shipments to show. Empty fields do not filter."""

    text: str = ""
    statuses: tuple[Status, ...] = ()
    commodity_ids: tuple[int, ...] = ()
    supplier_ids: tuple[int, ...] = ()
    consignee_ids: tuple[int, ...] = ()
    origin_station_ids: tuple[int, ...] = ()
    border_station_ids: tuple[int, ...] = ()
    destination_station_ids: tuple[int, ...] = ()
    contract_ids: tuple[int, ...] = ()
    train_no: str = ""
    departure_from: date | None = None
    departure_to: date | None = None
    arrival_from: date | None = None
    arrival_to: date | None = None
    late_only: bool = False
    #: The day "late" is judged against; None means today.
    as_of: date | None = None
    # --- drill-down fields used by models.services.figures (every figure carries a Filter) ---
    #: ETA on or after / on or before these days (ageing buckets, expected arrivals).
    eta_from: date | None = None
    eta_to: date | None = None
    #: Only shipments without a border station (the "no border" bar of tonnage by route).
    without_border: bool = False
    #: ``statuses``, ``late_only`` and ``at_border_before`` mean the status each shipment had
    #: at the end of this day (UTC) according to its events, not its current one; None: the
    #: current status.
    status_as_of: date | None = None
    #: Only shipments at a border station whose latest event happened before this day
    #: (UTC midnight): "stuck at the border" for more than as_of - this day - 1 days.
    at_border_before: date | None = None
    #: Only shipments that took (fewest, most) days from departure to arrival; most None: no
    #: upper limit (a bar of the transit-time chart).
    transit_days: tuple[int, int | None] | None = None


#: Sort keys the table offers → the column ordered by (ties broken by id).
SORT_COLUMNS: dict[str, Any] = {
    "waybill": Shipment.waybill,
    "train_no": Shipment.train_no,
    "status": Shipment.status,
    "departure_date": Shipment.departure_date,
    "eta": Shipment.eta,
    "arrival_date": Shipment.arrival_date,
    "net_weight_kg": Shipment.net_weight_kg,
    "updated_at": Shipment.updated_at,
    "contract": select(Contract.number)
    .where(Contract.id == Shipment.contract_id)
    .scalar_subquery(),
    "commodity": select(Commodity.name)
    .where(Commodity.id == Shipment.commodity_id)
    .scalar_subquery(),
    "supplier": select(Counterparty.name)
    .where(Counterparty.id == Shipment.supplier_id)
    .scalar_subquery(),
}


@dataclass(frozen=True)
class Sort:
    """How to order the table: a key of SORT_COLUMNS and a direction."""

    key: str = "departure_date"
    descending: bool = True


@dataclass(frozen=True)
class ShipmentRow:
    """One row of the shipments table, with names already joined."""

    id: int
    waybill: str
    train_no: str
    commodity_id: int
    commodity: str
    supplier: str
    consignee: str
    origin_station_id: int
    origin: str
    border_station_id: int | None
    border: str | None
    destination_station_id: int
    destination: str
    departure_date: date | None
    eta: date | None
    arrival_date: date | None
    status: Status
    net_weight_kg: int
    arrived_weight_kg: int | None
    wagons: int
    containers: int
    version: int
    contract: str | None = None
    notes: str | None = None
    #: When and where the latest status event happened (None: no event yet).
    last_event_at: datetime | None = None
    last_event_station: str | None = None

    def days_in_transit(self, as_of: date) -> int | None:
        """Days from departure to arrival (or to ``as_of`` while on the way); None before."""
        if self.departure_date is None or self.status == Status.CANCELLED:
            return None
        end = self.arrival_date or as_of
        return max(0, (end - self.departure_date).days)

    def weight_difference_kg(self) -> int | None:
        """Arrived minus shipped net weight; None until the arrived weight is known."""
        if self.arrived_weight_kg is None:
            return None
        return self.arrived_weight_kg - self.net_weight_kg

    def days_late(self, as_of: date) -> int:
        """Days past the ETA for an open shipment; 0 when not late."""
        if self.eta is None or self.status not in OPEN_STATUSES or self.eta >= as_of:
            return 0
        return (as_of - self.eta).days


def late_condition(as_of: date, *, historical: date | None = None) -> ColumnElement[bool]:
    """SQL for "late": ETA before ``as_of`` and not arrived or cancelled.

    With ``historical`` (a day), "not arrived or cancelled" is judged on the status the
    shipment had at the end of that day according to its events (see
    :func:`status_at_condition`), so a past day's late list is what it was then.
    """
    open_values = [s.value for s in OPEN_STATUSES]
    if historical is None:
        return and_(Shipment.eta < as_of, Shipment.status.in_(open_values))
    # Two small index-friendly sets instead of one OR that both databases would scan for:
    # open now and unchanged since, or changed since and open then.
    cutoff = end_of_day(historical)
    later = select(ShipmentEvent.shipment_id).where(ShipmentEvent.occurred_at >= cutoff)
    unchanged = select(Shipment.id).where(
        Shipment.eta < as_of, Shipment.status.in_(open_values), Shipment.id.not_in(later)
    )
    changed_row = aliased(Shipment)
    then = (
        select(ShipmentEvent.status)
        .where(ShipmentEvent.shipment_id == changed_row.id, ShipmentEvent.occurred_at < cutoff)
        .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    changed = select(changed_row.id).where(
        changed_row.id.in_(later), changed_row.eta < as_of, then.in_(open_values)
    )
    return Shipment.id.in_(union_all(unchanged, changed))


def end_of_day(day: date) -> datetime:
    """The first instant after ``day``, UTC (event times are UTC)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def status_at_condition(values: Sequence[str], day: date) -> ColumnElement[bool]:
    """SQL for "its status at the end of ``day`` (UTC) was one of ``values``".

    A shipment's status at a moment is its latest event before it; a shipment with no event
    by then did not exist yet. Shipments with no event after that day still have it as their
    current status, which the indexed ``status`` column answers; only the few with later
    events need their history read. That keeps recent days as fast as today.
    """
    cutoff = end_of_day(day)
    later = select(ShipmentEvent.shipment_id).where(ShipmentEvent.occurred_at >= cutoff)
    then = (
        select(ShipmentEvent.status)
        .where(ShipmentEvent.shipment_id == Shipment.id, ShipmentEvent.occurred_at < cutoff)
        .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return or_(
        and_(Shipment.status.in_(values), Shipment.id.not_in(later)),
        and_(Shipment.id.in_(later), then.in_(values)),
    )


def at_border_before_condition(day: date, *, as_of: date | None = None) -> ColumnElement[bool]:
    """SQL for "at a border station, and its latest event happened before ``day``".

    With ``as_of`` (a day), as it was at the end of that day according to the events: the
    status then was "at_border" (see :func:`status_at_condition`) and nothing happened to
    the shipment from ``day`` to the end of ``as_of``.
    """
    since = datetime.combine(day, time.min, tzinfo=UTC)
    if as_of is None:
        return and_(
            Shipment.status == Status.AT_BORDER.value,
            ~select(ShipmentEvent.id)
            .where(ShipmentEvent.shipment_id == Shipment.id, ShipmentEvent.occurred_at >= since)
            .exists(),
        )
    between = (
        select(ShipmentEvent.id)
        .where(
            ShipmentEvent.shipment_id == Shipment.id,
            ShipmentEvent.occurred_at >= since,
            ShipmentEvent.occurred_at < end_of_day(as_of),
        )
        .exists()
    )
    return and_(status_at_condition([Status.AT_BORDER.value], as_of), ~between)


#: Shorter texts have no trigram: they match the start of a waybill, train or unit number only.
TRIGRAM = 3
_FTS_SHIPMENTS = table("shipments_fts", sql_column("rowid"))
_FTS_UNITS = table("shipment_units_fts", sql_column("rowid"))


class TextSearch(ColumnElement[bool]):
    """Free text: part of a waybill, train number, notes, or a wagon/container number.

    Compiled per database to what its trigram index serves (migrations 0002, 0004): FTS5
    ``MATCH`` of the quoted text on SQLite, ``lower(column) LIKE lower('%text%')`` elsewhere
    (pg_trgm GIN on ``lower(column)``). Both fold case. A text shorter than a trigram is a
    prefix of a waybill, train or unit number instead (an index range on SQLite), since an
    FTS5 trigram table cannot find it.
    """

    inherit_cache = False  # the text decides the SQL shape (short or long): compile each
    type = Boolean()
    # A condition in itself: without this SQLite would get "(…) = 1", which no index serves.
    _is_implicitly_boolean = True

    def __init__(self, text: str) -> None:
        self.text = text


class TransitDays(ColumnElement[int]):
    """Whole days from departure to arrival (NULL until both are known).

    Counted as the summary table ``figure_arrival_totals`` counts them (migration 0003).
    """

    inherit_cache = True
    type = Integer()


@compiles(TransitDays)
def _compile_transit_days(_element: TransitDays, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(Shipment.arrival_date - Shipment.departure_date, **kw))


@compiles(TransitDays, "sqlite")
def _compile_transit_days_sqlite(_element: TransitDays, compiler: Any, **kw: Any) -> str:
    later, earlier = (
        compiler.process(c, **kw) for c in (Shipment.arrival_date, Shipment.departure_date)
    )
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _glob_prefix(text: str) -> str:
    # GLOB is case-sensitive, so SQLite walks the btree index; numbers are stored upper case.
    escaped = "".join(f"[{c}]" if c in "*?[" else c for c in text.upper())
    return escaped + "*"


def _units_matching(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return Shipment.id.in_(select(ShipmentUnit.shipment_id).where(condition))


def _fts_match(fts: Any, phrase: str) -> ColumnElement[bool]:
    return literal_column(fts.name).op("MATCH")(phrase)


def _unit_text(text: str) -> str:
    """A wagon or container number as stored: without the spaces and dashes of print.

    "CSQU 305438-3" on paper is CSQU3054383 in the database. A text that would shrink below
    a trigram stays as typed: "XL-" is the start of a waybill, not every unit starting "XL".
    """
    compact = re.sub(r"[\s\-]", "", text)
    return compact if len(compact) >= TRIGRAM else text


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'  # one FTS5 string: every character literal


def _sqlite_units(text: str) -> ColumnElement[bool]:
    if len(text) < TRIGRAM:
        return _units_matching(ShipmentUnit.number.op("GLOB")(_glob_prefix(text)))
    matching = select(_FTS_UNITS.c.rowid).where(_fts_match(_FTS_UNITS, _fts_phrase(text)))
    return _units_matching(ShipmentUnit.id.in_(matching))


def _sqlite_text(text: str) -> ColumnElement[bool]:
    units = _sqlite_units(_unit_text(text))
    if len(text) < TRIGRAM:
        pattern = _glob_prefix(text)
        return or_(
            Shipment.waybill.op("GLOB")(pattern), Shipment.train_no.op("GLOB")(pattern), units
        )
    matching = select(_FTS_SHIPMENTS.c.rowid).where(_fts_match(_FTS_SHIPMENTS, _fts_phrase(text)))
    return or_(Shipment.id.in_(matching), units)


def _ilike_text(text: str) -> ColumnElement[bool]:
    unit_text = _unit_text(text)
    if len(text) < TRIGRAM:
        prefix = _like_escape(text) + "%"
        return or_(
            Shipment.waybill.ilike(prefix, escape="\\"),
            Shipment.train_no.ilike(prefix, escape="\\"),
            _units_matching(ShipmentUnit.number.ilike(_like_escape(unit_text) + "%", escape="\\")),
        )
    pattern = "%" + _like_escape(text) + "%"
    unit_pattern = "%" + _like_escape(unit_text) + "%"

    def contains(column: Any, like: str) -> ColumnElement[bool]:
        # lower(column) LIKE lower(pattern): what the pg_trgm indexes are built on (migration
        # 0004), so that = and IN on the plain column keep to the btree indexes.
        return func.lower(column).like(func.lower(literal(like)), escape="\\")

    # One id list from four index scans (pg_trgm GIN each); an OR with a subquery in it would
    # make PostgreSQL scan the whole table instead.
    return Shipment.id.in_(
        union_all(
            *(
                select(Shipment.id).where(contains(column, pattern))
                for column in (Shipment.waybill, Shipment.train_no, Shipment.notes)
            ),
            select(ShipmentUnit.shipment_id).where(contains(ShipmentUnit.number, unit_pattern)),
        )
    )


@compiles(TextSearch)
def _compile_text_search(element: TextSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(_ilike_text(element.text), **kw))


@compiles(TextSearch, "sqlite")
def _compile_text_search_sqlite(element: TextSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(_sqlite_text(element.text), **kw))


def conditions(flt: Filter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter, for reuse by counts, pages, exports and aggregates."""
    where: list[ColumnElement[bool]] = []
    text = flt.text.strip()
    if text:
        where.append(TextSearch(text))
    if flt.statuses:
        values = [Status(s).value for s in flt.statuses]
        if flt.status_as_of is None:
            where.append(Shipment.status.in_(values))
        else:
            where.append(status_at_condition(values, flt.status_as_of))
    for column, ids in (
        (Shipment.commodity_id, flt.commodity_ids),
        (Shipment.supplier_id, flt.supplier_ids),
        (Shipment.consignee_id, flt.consignee_ids),
        (Shipment.origin_station_id, flt.origin_station_ids),
        (Shipment.border_station_id, flt.border_station_ids),
        (Shipment.destination_station_id, flt.destination_station_ids),
        (Shipment.contract_id, flt.contract_ids),
    ):
        if ids:
            where.append(column.in_(ids))
    if flt.train_no.strip():
        where.append(Shipment.train_no == flt.train_no.strip())
    if flt.departure_from:
        where.append(Shipment.departure_date >= flt.departure_from)
    if flt.departure_to:
        where.append(Shipment.departure_date <= flt.departure_to)
    if flt.arrival_from:
        where.append(Shipment.arrival_date >= flt.arrival_from)
    if flt.arrival_to:
        where.append(Shipment.arrival_date <= flt.arrival_to)
    if flt.late_only:
        where.append(late_condition(flt.as_of or date.today(), historical=flt.status_as_of))
    if flt.eta_from:
        where.append(Shipment.eta >= flt.eta_from)
    if flt.eta_to:
        where.append(Shipment.eta <= flt.eta_to)
    if flt.without_border:
        where.append(Shipment.border_station_id.is_(None))
    if flt.at_border_before:
        where.append(at_border_before_condition(flt.at_border_before, as_of=flt.status_as_of))
    if flt.transit_days is not None:
        fewest, most = flt.transit_days
        where.append(TransitDays() >= fewest)
        if most is not None:
            where.append(TransitDays() <= most)
    return where


def count(db: Database, flt: Filter = Filter()) -> int:  # noqa: B008 - frozen default
    """How many shipments match the filter."""
    with db.read() as s:
        query = select(func.count()).select_from(Shipment).where(*conditions(flt))
        return int(s.execute(query).scalar_one())


def totals(db: Database, flt: Filter = Filter()) -> tuple[int, int]:  # noqa: B008
    """How many shipments match the filter, and their net weight in kg."""
    with db.read() as s:
        query = select(func.count(), func.coalesce(func.sum(Shipment.net_weight_kg), 0)).where(
            *conditions(flt)
        )
        n, kg = s.execute(query).one()
        return int(n), int(kg)


#: Name sorts done as a join: sort key → (the named table, its name, the shipment's id of it).
#: The join lets the database walk the names' unique index and, per name, the shipments'
#: (id, …) index in id order: no sort of a million rows, and always the current names.
#: (Only NOT NULL references: a join would drop shipments without one.)
NAME_SORT_JOINS: dict[str, tuple[Any, Any, Any]] = {
    "commodity": (Commodity, Commodity.name, Shipment.commodity_id),
    "supplier": (Counterparty, Counterparty.name, Shipment.supplier_id),
}


def _ordered_ids(flt: Filter, sort: Sort) -> Select[tuple[int]]:
    query = select(Shipment.id).where(*conditions(flt))
    if sort.key in NAME_SORT_JOINS:
        entity, column, reference = NAME_SORT_JOINS[sort.key]
        query = query.join(entity, entity.id == reference)
    else:
        column = SORT_COLUMNS[sort.key]
    order = (column.desc(), Shipment.id.desc()) if sort.descending else (column, Shipment.id)
    return query.order_by(*order)


def page(
    db: Database,
    flt: Filter = Filter(),  # noqa: B008
    sort: Sort = Sort(),  # noqa: B008
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
    lang: str = "en",
) -> list[ShipmentRow]:
    """Rows ``offset`` to ``offset + limit`` of the filtered, sorted table.

    Args:
        db: The database.
        flt: Which shipments.
        sort: Their order; ties are broken by id so pages never overlap.
        offset: The first row (0-based).
        limit: How many rows at most.
        total: The filter's row count, when the caller knows it: a page in the second half
            is then read from the end in the opposite order, so the last page costs what the
            first does (an OFFSET walks every row it skips).
        lang: The language of station and goods names: "en" (Latin), "zh" or "ru"; a name
            not recorded in that language is the Latin one.

    Returns:
        The rows in table order.
    """
    with db.read() as s:
        if total is not None and offset > total // 2 and offset < total:
            # DESC is the exact reverse of ASC on both databases (NULLs included), and the id
            # tie-break makes the order total, so the reversed walk finds the same rows.
            take = min(limit, total - offset)
            reverse = Sort(sort.key, not sort.descending)
            ids = _page_ids(s, flt, reverse, total - offset - take, take, db.is_sqlite)[::-1]
        else:
            ids = _page_ids(s, flt, sort, offset, limit, db.is_sqlite)
        return rows_by_id(s, ids, lang)


def _page_ids(
    s: Session, flt: Filter, sort: Sort, offset: int, limit: int, sqlite: bool
) -> list[int]:
    if sort.key != "contract":
        return list(s.scalars(_ordered_ids(flt, sort).offset(offset).limit(limit)))
    # The contract order as two index walks, no sort of a million rows: the shipments without
    # a contract (by id), and the others by contract number through a join (as NAME_SORT_JOINS).
    # NULL sorts below every number on SQLite and above on PostgreSQL, as ORDER BY would.
    where = conditions(flt)
    by_id = Shipment.id.desc() if sort.descending else Shipment.id.asc()
    number = Contract.number.desc() if sort.descending else Contract.number.asc()
    without = select(Shipment.id).where(Shipment.contract_id.is_(None), *where).order_by(by_id)
    named = (
        select(Shipment.id)
        .join(Contract, Contract.id == Shipment.contract_id)
        .where(*where)
        .order_by(number, by_id)
    )
    first, second = (without, named) if sqlite != sort.descending else (named, without)
    ids = list(s.scalars(first.offset(offset).limit(limit)))
    if len(ids) == limit:
        return ids
    skip = 0
    if not ids:  # the page starts in the second part: where does the first one end?
        counted = select(func.count()).select_from(first.order_by(None).subquery())
        skip = offset - int(s.execute(counted).scalar_one())
    return ids + list(s.scalars(second.offset(max(0, skip)).limit(limit - len(ids))))


#: The shipments columns a table row is made of.
_ROW_COLUMNS = (
    Shipment.id,
    Shipment.waybill,
    Shipment.train_no,
    Shipment.commodity_id,
    Shipment.supplier_id,
    Shipment.consignee_id,
    Shipment.origin_station_id,
    Shipment.border_station_id,
    Shipment.destination_station_id,
    Shipment.departure_date,
    Shipment.eta,
    Shipment.arrival_date,
    Shipment.status,
    Shipment.net_weight_kg,
    Shipment.arrived_weight_kg,
    Shipment.wagons,
    Shipment.containers,
    Shipment.version,
    Shipment.contract_id,
    Shipment.notes,
)


def rows_by_id(session: Session, ids: Sequence[int], lang: str = "en") -> list[ShipmentRow]:
    """The table rows for these ids, in the order given (missing ids are left out).

    Station and goods names are in ``lang`` ("en", "zh", "ru") where recorded, else Latin.

    The shipments are fetched by id alone and the names looked up afterwards: joined in one
    query, SQLite's planner starts from the small name tables and scans (80–300 ms a page
    instead of 2 ms).
    """
    if not ids:
        return []
    # Plain rows, not ORM objects: a page is read-only, and the identity map and attribute
    # instrumentation cost more than the query (about half of a page's time).
    shipments = session.execute(select(*_ROW_COLUMNS).where(Shipment.id.in_(ids))).all()
    commodities = _names(session, Commodity, {sh.commodity_id for sh in shipments}, lang)
    parties = _names(
        session, Counterparty, {i for sh in shipments for i in (sh.supplier_id, sh.consignee_id)}
    )
    stations = _names(
        session,
        Station,
        {
            i
            for sh in shipments
            for i in (sh.origin_station_id, sh.border_station_id, sh.destination_station_id)
            if i is not None
        },
        lang,
    )
    contracts = _contract_numbers(session, {sh.contract_id for sh in shipments if sh.contract_id})
    last_events = _last_events(session, [sh.id for sh in shipments])
    stations.update(
        _names(
            session,
            Station,
            {st for _at, st in last_events.values() if st is not None and st not in stations},
            lang,
        )
    )
    by_id = {
        sh.id: ShipmentRow(
            id=sh.id,
            waybill=sh.waybill,
            train_no=sh.train_no,
            commodity_id=sh.commodity_id,
            commodity=commodities[sh.commodity_id],
            supplier=parties[sh.supplier_id],
            consignee=parties[sh.consignee_id],
            origin_station_id=sh.origin_station_id,
            origin=stations[sh.origin_station_id],
            border_station_id=sh.border_station_id,
            border=stations.get(sh.border_station_id) if sh.border_station_id else None,
            destination_station_id=sh.destination_station_id,
            destination=stations[sh.destination_station_id],
            departure_date=sh.departure_date,
            eta=sh.eta,
            arrival_date=sh.arrival_date,
            status=Status(sh.status),
            net_weight_kg=sh.net_weight_kg,
            arrived_weight_kg=sh.arrived_weight_kg,
            wagons=sh.wagons,
            containers=sh.containers,
            version=sh.version,
            contract=contracts.get(sh.contract_id) if sh.contract_id else None,
            notes=sh.notes,
            last_event_at=last_events[sh.id][0] if sh.id in last_events else None,
            last_event_station=_station_of(stations, last_events.get(sh.id)),
        )
        for sh in shipments
    }
    return [by_id[i] for i in ids if i in by_id]


def _names(session: Session, entity: Any, ids: set[int], lang: str = "en") -> dict[int, str]:
    if not ids:
        return {}
    name = entity.name
    localized = getattr(entity, {"zh": "name_zh", "ru": "name_ru"}.get(lang, ""), None)
    if localized is not None:
        # Stations and goods record Chinese and Russian names; the Latin one stands in.
        name = func.coalesce(func.nullif(localized, ""), entity.name)
    return dict(session.execute(select(entity.id, name).where(entity.id.in_(ids))).all())


def _station_of(stations: dict[int, str], event: tuple[datetime, int | None] | None) -> str | None:
    if event is None or event[1] is None:
        return None
    return stations.get(event[1])


def _contract_numbers(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(Contract.id, Contract.number).where(Contract.id.in_(ids))
    return {i: n for i, n in session.execute(query).all()}


def _last_events(session: Session, ids: list[int]) -> dict[int, tuple[datetime, int | None]]:
    """The latest event's time and station per shipment, in one query for the whole page."""
    if not ids:
        return {}
    # Only each shipment's newest event (one walk down its index entry), not its whole
    # history: a page's six events per shipment cost more to read than the page itself.
    newest = (
        select(ShipmentEvent.id)
        .where(ShipmentEvent.shipment_id == Shipment.id)
        .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(
        ShipmentEvent.shipment_id, ShipmentEvent.occurred_at, ShipmentEvent.station_id
    ).where(ShipmentEvent.id.in_(select(newest).where(Shipment.id.in_(ids))))
    return {sid: (at, station_id) for sid, at, station_id in session.execute(query).all()}


def rows(db: Database, ids: Sequence[int], lang: str = "en") -> list[ShipmentRow]:
    """The table rows of these shipments, in the order given (deleted ones left out).

    Station and goods names are in ``lang`` ("en", "zh", "ru") where recorded, else Latin.
    """
    with db.read() as s:
        return rows_by_id(s, list(ids), lang)
