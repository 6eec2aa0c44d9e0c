"""Stations, goods, counterparties and contracts looked up by code or any name, in bulk.

Reference tables are small, so they are read once into dicts; a 100,000-row file then costs
one dict lookup per cell, not one query.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Commodity, Contract, Counterparty, Station
from models.messages import Message
from models.services.imports.problems import ImportValueError


def key(value: str) -> str:
    """A name as it is compared: trimmed, inner spaces collapsed, case-folded, ё as е."""
    return " ".join(value.split()).casefold().replace("ё", "е")


class Lookup:
    """Names → id for one kind of reference data, with "did you mean" suggestions."""

    def __init__(self, what: str, entries: Iterable[tuple[int, str, Iterable[str | None]]]) -> None:
        self.what = what
        self._ids: dict[str, int | None] = {}
        self.display: dict[int, str] = {}
        #: Names without a trailing "站" / "station" ("西安国际港" for "西安国际港站"), as
        #: _parts takes them off a cell, where no other record has that name.
        bare: dict[str, int | None] = {}
        for ident, shown, names in entries:
            self.display[ident] = shown
            for name in names:
                if not name:
                    continue
                _add(self._ids, key(name), ident)
                stem = _SUFFIX.sub("", key(name))
                if stem and stem != key(name):
                    _add(bare, stem, ident)
        for stem, owner in bare.items():
            self._ids.setdefault(stem, owner)
        self._keys = list(self._ids)
        #: Each word of every name → the names it is in ("lanzhou", "zhongchuan", "xi'an").
        self._words: dict[str, set[str]] = {}
        for k in self._keys:
            for word in k.split():
                self._words.setdefault(word, set()).add(k)
        #: Cell text → id, or the error; a file repeats the same few names.
        self._seen: dict[str, int | Message] = {}

    def names(self) -> set[str]:
        """Every case-folded name and code (to judge between encodings)."""
        return set(self._ids)

    def find(self, value: str) -> int:
        """The id that ``value`` names.

        Raises:
            ValueError: Unknown (with the closest known names) or ambiguous.
        """
        found = self._seen.get(value)
        if found is None:
            try:
                found = self._find(value)
            except ImportValueError as error:
                found = error.detail()
            self._seen[value] = found
        if isinstance(found, Message):
            raise ImportValueError(found.code, **found.params)
        return found

    def _find(self, value: str) -> int:
        k = key(value)
        if k in self._ids:
            found = self._ids[k]
            if found is None:
                raise ImportValueError("import.ambiguous_name", what=self.what)
            return found
        # As registers write them: "ст. Костанай", "Костанай (684001)", "青铜峡站",
        # "Достык (эксп.)". Taken only when every known part names the same record.
        named = {self._ids.get(key(part)) for part in _parts(value)} - {None}
        if len(named) == 1:
            return named.pop()  # type: ignore[return-value]
        suggestions = []
        for match in self._close(k):
            ident = self._ids[match]
            shown = self.display.get(ident, match) if ident is not None else match
            if shown not in suggestions:
                suggestions.append(shown)
        if suggestions:
            raise ImportValueError(
                "import.unknown_name_suggest", what=self.what, suggestions=", ".join(suggestions)
            )
        raise ImportValueError("import.unknown_name", what=self.what)

    def _close(self, k: str) -> list[str]:
        """Known names to suggest for the unknown ``k``, the likeliest first (at most 3).

        A shortened name ("Xi'an", "西安", "Lanzhou" for "Xi'an International Port", "西安国际港站",
        "Lanzhou Zhongchuan North") is too short for a similarity of whole names, so names that
        begin with it, and names with a word like it ("Xian"), come first.
        """
        found = [n for n in self._keys if len(k) >= 2 and n.startswith(k) and n != k]
        for word in difflib.get_close_matches(k, self._words, n=3, cutoff=0.8):
            found += sorted(self._words[word])
        found += difflib.get_close_matches(k, self._keys, n=3, cutoff=0.6)
        return list(dict.fromkeys(found))[:3]


def _add(ids: dict[str, int | None], k: str, ident: int) -> None:
    # A name two records share identifies neither (None marks it ambiguous).
    ids[k] = None if k in ids and ids[k] != ident else ident


_BRACKETED = re.compile(r"[(（\[]([^)）\]]*)[)）\]]")
_PREFIX = re.compile(r"^(?:ст\.|ст|станция|st\.|station)\s+", re.IGNORECASE)
_CODE_AND_NAME = re.compile(r"(\d{5,6})\s+(.+)|(.+?)\s+(\d{5,6})")
_SUFFIX = re.compile(r"\s*(?:站|station|ст\.)$", re.IGNORECASE)
#: "№ X", "Договор № X", "Contract No. X", "合同号X": a number's label before it.
_NUMBER_LABEL = re.compile(
    r"^(?:(?:договор|контракт|contract)\s+|合同编号|合同号|合同)?"
    r"\s*(?:№|no\.|no(?=\s)|nr\.|#)?\s*",
    re.IGNORECASE,
)


def _parts(value: str) -> list[str]:
    """The pieces of a cell that may each be a name or code.

    Without brackets, inside them, split at "/", a station code and a name apart, without a
    "ст." / "station" / "站" around or a "№" / "Договор №" / "合同号" before.
    """
    outside = _BRACKETED.sub(" ", value).strip()
    pieces = [outside, *_BRACKETED.findall(value), *outside.split("/")]
    coded = _CODE_AND_NAME.fullmatch(outside)  # "684001 Костанай", "Костанай 684001"
    if coded:
        pieces += [g for g in coded.groups() if g]
    found = []
    for piece in pieces:
        piece = _SUFFIX.sub("", _PREFIX.sub("", piece.strip())).strip()
        piece = _NUMBER_LABEL.sub("", piece, count=1)
        if piece and piece not in found:
            found.append(piece)
    return found


class Counterparties:
    """Counterparties by name; unknown names are created on import and listed in the summary."""

    def __init__(self, rows: Iterable[tuple[int, str]]) -> None:
        self.ids: dict[str, int] = {}
        self.display: dict[int, str] = {}
        for ident, name in rows:
            self.ids[key(name)] = ident
            self.display[ident] = name
        #: Case-folded name → (name as first written, role) for names not yet in the database.
        self.new: dict[str, tuple[str, str]] = {}
        self._seen: dict[str, str] = {}

    def find(self, value: str, role: str) -> str:
        """A key for ``value``: known names resolve at write time, new ones are noted."""
        known = self._seen.get(value)
        if known is not None:
            return known
        name = " ".join(value.split())
        if len(name) > 120:
            raise ImportValueError("import.party_name_length", max=120)
        k = key(name)
        if k not in self.ids and k not in self.new:
            self.new[k] = (name, role)
        self._seen[value] = k
        return k

    def names(self) -> set[str]:
        """Every known case-folded name."""
        return set(self.ids)


class References:
    """Every lookup an import needs, read in one go."""

    def __init__(self, s: Session) -> None:
        stations = list(s.scalars(select(Station)))
        goods = list(s.scalars(select(Commodity)))
        self.stations = Lookup(
            "station",
            (
                (st.id, st.name, (st.code, st.name, st.local_name, st.name_zh, st.name_ru))
                for st in stations
            ),
        )
        self.commodities = Lookup(
            "commodity",
            ((c.id, c.name, (c.hs_code, c.name, c.name_zh, c.name_ru)) for c in goods),
        )
        #: Language ("zh", "ru") → kind → id → the name in that language, where recorded.
        self.localized: dict[str, dict[str, dict[int, str]]] = {
            lang: {
                "station": {st.id: name for st in stations if (name := getattr(st, attr))},
                "commodity": {c.id: name for c in goods if (name := getattr(c, attr))},
            }
            for lang, attr in (("zh", "name_zh"), ("ru", "name_ru"))
        }
        self.contracts = Lookup(
            "contract", ((c.id, c.number, (c.number,)) for c in s.scalars(select(Contract)))
        )
        self.counterparties = Counterparties(s.execute(select(Counterparty.id, Counterparty.name)))

    def known_names(self) -> set[str]:
        """Every case-folded name the database knows, to judge between encodings."""
        return (
            self.stations.names()
            | self.commodities.names()
            | self.counterparties.names()
            | self.contracts.names()
        )
