"""The business, as data (DOMAIN.md): companies, goods, lanes, prices and today's board.

And :class:`References`: the ids of the stations and goods those names refer to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from models.entities import Commodity, Station
from models.errors import UserError
from models.messages import Message
from models.rules.status import Status

#: Who the demo rows say created them.
DEMO_USER = "demo"
#: The first Kazakh flaxseed container train, Kostanay → Qingtongxia, arrived 2020-12-31.
FIRST_FLAXSEED_TRAIN = "QTJ-201219-01"
#: Its net weight over all its shipments: 1,313 t (DOMAIN.md).
FIRST_FLAXSEED_KG = 1_313_000
#: From this many shipments on, flour and oil arriving at Xi'an in H1 2025 exceed 200,000 t.
XIAN_MINIMUM_SHIPMENTS = 2000
#: From this many shipments on, "today" has trains in every status (planned, loading, in
#: transit, at the border, in customs, arrived, unloaded) and late ones.
BOARD_MINIMUM_SHIPMENTS = 13

# fmt: off
#: name, code (for contract numbers), home station, goods (HS), contracts in CNY?
SUPPLIERS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("Aiju Flour Milling LLP", "AFM", "Petropavl", ("1101", "2302"), False),
    ("Kyzylzhar Milling LLP", "KZM", "Petropavl", ("1101",), True),
    ("Esil Grain Mill JSC", "EGM", "Petropavl", ("1101", "1001"), False),
    ("Petropavl Oil Extraction Plant LLP", "POE", "Petropavl", ("1512", "1514"), True),
    ("Tobol Flax Growers LLP", "TFG", "Kostanay", ("1204",), False),
    ("Kostanay Linseed Company LLP", "KLC", "Kostanay", ("1204", "1206"), False),
    ("Ningxia-Kostanay Flax Base LLP", "NKF", "Kostanay", ("1204",), True),
    ("Arkalyk Agro LLP", "ARA", "Kostanay", ("1204", "1003"), False),
    ("Qostanai Oil Extraction Plant JSC", "QOE", "Kostanay", ("1512", "1514", "2306"), False),
    ("Aktobe Grain Terminal LLP", "AGT", "Aktobe-1", ("1001", "1003"), False),
    ("Mugalzhar Feed LLP", "MGF", "Aktobe-1", ("2302", "2306"), False),
    ("Ilek Oilseeds LLP", "ILO", "Aktobe-1", ("1206", "1512"), True),
)
#: name, destination, goods it buys ("*": whatever else goes there)
CONSIGNEES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Shaanxi Land Port Grain & Oil Co., Ltd.", "Xi'an International Port", ("*", "1101", "1512")),
    ("Xi'an Chanba Flour Trading Co., Ltd.", "Xi'an International Port", ("1101",)),
    ("Shaanxi Silk Road Edible Oil Co., Ltd.", "Xi'an International Port", ("1512", "1514")),
    ("Ningxia Qingtongxia Flax Industry Co., Ltd.", "Qingtongxia", ("*", "1204")),
    ("Wuzhong Linseed Oil Co., Ltd.", "Qingtongxia", ("1204",)),
    ("Lanzhou Zhongchuan Grain Logistics Co., Ltd.", "Lanzhou Zhongchuan North", ("*",)),
    ("Gansu Hexi Feed Co., Ltd.", "Lanzhou Zhongchuan North", ("2302", "2306", "1003")),
)
FORWARDERS = (("Eurasia Rail Forwarding LLP", "KZ"), ("Xi'an Land Port Logistics Co., Ltd.", "CN"))
#: Shipments store the Chinese entry station as their border station; its Kazakh pair:
_BORDER_PAIRS = {"Alashankou": "Dostyk", "Khorgos": "Altynkol"}
PRICE_USD = {  # contract price per tonne
    "1001": 235, "1003": 205, "1101": 285, "1204": 540, "1206": 430,
    "1512": 980, "1514": 1050, "2302": 135, "2306": 265,
}
PRICE_LEVEL = {2020: 1.0, 2021: 1.05, 2022: 1.3, 2023: 1.08, 2024: 0.95, 2025: 0.92}
CNY_PER_USD = {2020: 6.6, 2021: 6.45, 2022: 6.7, 2023: 7.05, 2024: 7.15, 2025: 7.2}
#: Grain moves after the harvest: more trains in autumn and winter than in summer.
SEASON = (1.15, 1.1, 1.1, 1.0, 0.95, 0.9, 0.75, 0.8, 1.0, 1.15, 1.2, 1.2)
CONTAINER_OWNERS = ("KGXU", "AJFU", "SLRU", "EURU", "QTFU", "XLPU")
#: First digit of a 1520 mm wagon number: 2 covered (flour, bran), 7 tank (oil), 9 hopper.
WAGON_KIND_DIGIT = {"1101": 2, "2302": 2, "1512": 7, "1514": 7}
HOLD_NOTES = (
    None,
    "Dostyk-Alashankou: China stopped non-container grain; wagons wait at the border",
    "Sampling and laboratory tests at the border",
    "Queue at the border crossing",
    "Held at the border: documents under review",
)
CANCEL_NOTES = (
    "Cancelled: wagons not supplied in time",
    "Cancelled: phytosanitary certificate not issued",
    "Cancelled at the buyer's request",
)
SHORTAGE_NOTES = {  # by unit kind: wagon?
    False: ("Shortage {pct} %: container seal damaged, commercial act drawn up at {place}",
            "Shortage {pct} %: weighed at {place}; claim sent to the supplier"),
    True: ("Shortage {pct} %: wagon hatch leaking, goods wet on arrival at {place}",
           "Shortage {pct} %: losses in transloading; weighed at {place}"),
}
# fmt: on


@dataclass(frozen=True)
class _Flow:
    """A trade lane: goods to one destination, and its trains a month, year by year."""

    destination: str
    prefix: str  # of its train numbers
    goods: dict[str, float]
    borders: dict[str, float]
    wagon_share: float
    typical_days: int  # departure to arrival: the ETA
    per_month: dict[int, float]  # the last year's level holds for later years
    first_month: date = date(2020, 12, 1)


# A 2025 boom at Xi'an (Shaanxi-Kazakhstan trade +155.8 %): in H1 2025 its flour and oil
# trains are about 16 % of all trains of the demo, which keeps > 200,000 t there at 1,000 trains.
FLOWS = (
    _Flow("Xi'an International Port", "XAP", {"1101": 1.0}, {"Khorgos": 0.7, "Alashankou": 0.3},
          0.35, 11, {2021: 1, 2022: 1.8, 2023: 3, 2024: 5.5, 2025: 17, 2026: 12}, date(2021, 3, 1)),
    _Flow("Xi'an International Port", "XAP", {"1512": 0.7, "1514": 0.3},
          {"Khorgos": 0.6, "Alashankou": 0.4}, 0.3, 11,
          {2021: 0.4, 2022: 0.7, 2023: 1.1, 2024: 2.2, 2025: 7, 2026: 5}, date(2021, 6, 1)),
    _Flow("Xi'an International Port", "XAP", {"1001": 0.7, "1003": 0.3},
          {"Khorgos": 0.5, "Alashankou": 0.5}, 0.5, 11,
          {2022: 0.3, 2023: 0.5, 2024: 0.6, 2025: 0.6}),
    _Flow("Qingtongxia", "QTJ", {"1204": 0.9, "1206": 0.06, "1003": 0.04},
          {"Alashankou": 0.8, "Khorgos": 0.2}, 0.15, 10,
          {2021: 0.8, 2022: 1.2, 2023: 1.6, 2024: 2, 2025: 2.4, 2026: 2.6}, date(2021, 1, 1)),
    _Flow("Lanzhou Zhongchuan North", "LZZ", {"1001": 0.35, "1003": 0.25, "2302": 0.2, "2306": 0.2},
          {"Alashankou": 0.6, "Khorgos": 0.4}, 0.5, 9,
          {2020: 0.6, 2021: 0.7, 2022: 1, 2023: 1.3, 2024: 1.6, 2025: 1.8, 2026: 2}),
)  # fmt: skip
_XIAN = "Xi'an International Port"
XIAN_FLOWS = [i for i, f in enumerate(FLOWS) if f.destination == _XIAN and "1001" not in f.goods]
FIRST_FLOW = next(i for i, f in enumerate(FLOWS) if "1204" in f.goods)
#: The first train's supplier and buyer: Kostanay flax growers, a Ningxia flax processor.
FIRST_SUPPLIER = next(i for i, s in enumerate(SUPPLIERS) if s[0] == "Tobol Flax Growers LLP")
FIRST_CONSIGNEE = next(i for i, c in enumerate(CONSIGNEES) if c[1] == "Qingtongxia")
HS = tuple(PRICE_USD)
BORDERS = tuple(_BORDER_PAIRS)
DESTINATIONS = tuple(dict.fromkeys(f.destination for f in FLOWS))
#: Days of the Chinese leg, entry border → destination.
LEG2_DAYS = {"Xi'an International Port": (3.3, 4.3), "Qingtongxia": (2.4, 3.4),
             "Lanzhou Zhongchuan North": (1.9, 2.8)}  # fmt: skip
#: Today's board, hours from the start of today: departure, planned event (None: none), border
#: dwell, customs, Chinese leg, unloading; and the hold note. "Today" then has every status
#: and two late trains, whatever the random trains do.
BOARD = (
    (80, -20, 12, 20, 90, 20, 0),  # planned
    (16, None, 12, 20, 90, 20, 0),  # loading
    (-40, None, 12, 20, 90, 20, 0),  # in transit
    (-96, None, 36, 20, 90, 20, 0),  # at the border
    (-132, None, 24, 40, 90, 20, 0),  # in customs
    (-200, None, 12, 20, 80, 30, 0),  # arrived, not unloaded yet
    (-384, None, 360, 20, 90, 20, 2),  # late: held at the border for sampling
    (-336, None, 192, 96, 90, 20, 3),  # late: queued at the border, now in customs
)

FIRST_DAY = date(2020, 12, 1)
STEPS = (Status.PLANNED, Status.LOADING, Status.IN_TRANSIT, Status.AT_BORDER, Status.CUSTOMS,
         Status.ARRIVED, Status.UNLOADED)  # fmt: skip
ORIGIN, BORDER, DEST = 0, 1, 2
#: Where each step happens: loading and departure at the origin, border steps at the Chinese
#: entry station, arrival and unloading at the destination.
STEP_PLACE = (ORIGIN, ORIGIN, ORIGIN, BORDER, BORDER, DEST, DEST)


@dataclass(frozen=True)
class References:
    """Ids of the reference rows the demo needs, by station name and by HS code."""

    stations: dict[str, int]
    commodities: dict[str, int]

    @classmethod
    def read(cls, conn: Connection) -> References:
        stations: dict[str, int] = {}
        for id_, name in conn.execute(select(Station.id, Station.name).order_by(Station.id)):
            stations.setdefault(name, id_)
        commodities: dict[str, int] = {}
        for id_, hs in conn.execute(select(Commodity.id, Commodity.hs_code).order_by(Commodity.id)):
            commodities.setdefault(hs, id_)
        needed = {s[2] for s in SUPPLIERS} | set(BORDERS) | set(DESTINATIONS)
        missing = sorted(needed - stations.keys()) + sorted(set(HS) - commodities.keys())
        if missing:
            raise UserError(
                Message("demo.missing_reference", names=", ".join(missing)), missing=missing
            )
        return cls(stations, commodities)
