"""The compiled actor table: loader and in-memory indexes (no build-time dependencies).

The table ``detente/data/actors/actors.json.gz`` is produced by ``scripts/build_actors.py``
from ``../shared/data/actors`` and the curated files in ``data/actors``. It holds:

* ``entries``: actor-table entries by id — states (ISO alpha-3 ids: ``USA``), capitals and seats
  of government (``CAP_USA``, ``USA_WHITE_HOUSE``), places (``GN<geonameid>``), organisations
  (``ORG_UNO``, ``ORG_NATO``, Phoenix ``PHX_…``), people (``P_antony_blinken``, Wikidata ``Q…``,
  Phoenix ``PHX_…``) and agents (``AGT_COP``), each with ``kind``, ``name``, ``country``,
  ``sector``, ``code``, ``src`` (and ``lat``/``lon``/``is_location`` for places).
* ``roles``: dated roles per person ``[id, person, role key, country, sector, code, start, end,
  src, prio]`` (``prio``: 0 curated, 1-3 every-politician, 4 Phoenix).
* ``role_defs``: role keys with their sector, label and rank.
* ``keys``/``pats``/``kinfo``: the automaton keys (normalised surface forms), their patterns
  ``lang ptype target flags rank`` and boundary information (see :mod:`.matcher`).
* ``place_periods``: dated countries of places whose state changed (Juba was in Sudan before
  2011-07-09): entry id → ``[country, code, start, end]`` rows; outside them the entry's own
  country holds (see :meth:`ActorTable.place_at`).
* ``former_states``: states that no longer exist (Soviet Union, Yugoslavia, East Germany,
  Czechoslovakia, Zaire; state entries under their ISO 3166-3 alpha-3 code): code →
  ``[start, end, successor]`` (ISO dates, end excluded; successor = ISO alpha-3 of the continuing
  or present state).

To stay small in memory (the table has ~27k entries, ~36k roles, ~60k surface forms) rows are
kept as compact tab-separated strings and decoded on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick_rs
import orjson

from ..errors import DataError
from ..resources import data_path

TABLE_FILE = ("actors", "actors.json.gz")
#: Compiled table format understood by this loader.
FORMAT = 3


class Pattern(NamedTuple):
    """One surface form: ``ptype`` E entity, N surname, D demonym, S side, A zh abbreviation,
    K zh two-country compound, R role title, G agent (sector noun), X blocked word; ``flags``
    see :mod:`.matcher`; ``rank`` orders interpretations of one surface (lower first)."""

    lang: str
    ptype: str
    target: str
    flags: str
    rank: int = 0


class Role(NamedTuple):
    """A dated role: ``person`` held ``role`` for ``country`` from ``start`` to ``end``."""

    id: str
    person: str
    role: str
    country: str | None
    sector: str
    code: str
    start: str
    end: str
    src: str
    prio: int

    def covers(self, day: str) -> bool:
        """Whether the role is held on ``day`` (ISO date string; the end day is excluded)."""
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


#: Marker of a not yet computed cache slot.
MISSING: Any = object()
_MISSING = MISSING

#: Entry fields in their encoded order.
ENTRY_FIELDS = ("kind", "name", "country", "sector", "code", "src", "lat", "lon", "flags", "qid")
#: Entry flag letters → boolean fields.
ENTRY_FLAGS = {"l": "is_location", "m": "ministry", "b": "suffix_only"}


def encode_entry(e: dict[str, Any]) -> str:
    """One entry as a tab-separated row (inverse of :func:`decode_entry`)."""
    flags = "".join(k for k, f in ENTRY_FLAGS.items() if e.get(f))
    vals = [e["kind"], e["name"], e.get("country") or "", e.get("sector") or "", e["code"], e["src"],
            "" if e.get("lat") is None else repr(e["lat"]), "" if e.get("lon") is None else repr(e["lon"]),
            flags, e.get("qid") or ""]
    return "\t".join(str(v).replace("\t", " ") for v in vals)


def decode_entry(row: str) -> dict[str, Any]:
    """A tab-separated entry row as a dict (``country``/``sector`` None when empty)."""
    kind, name, country, sector, code, src, lat, lon, flags, qid = row.split("\t")
    e: dict[str, Any] = {"kind": kind, "name": name, "country": country or None, "sector": sector or None,
                         "code": code, "src": src}
    if lat:
        e["lat"], e["lon"] = float(lat), float(lon)
    for k, f in ENTRY_FLAGS.items():
        e[f] = k in flags
    if qid:
        e["qid"] = qid
    return e


def encode_role(r: list[Any]) -> str:
    """A role row as a tab-separated string."""
    return "\t".join("" if v is None else str(v) for v in r)


def decode_role(row: str) -> Role:
    """Inverse of :func:`encode_role`."""
    rid, person, role, country, sector, code, start, end, src, prio = row.split("\t")
    return Role(rid, person, role, country or None, sector, code, start, end, src, int(prio))


class EntryMap(Mapping[str, dict[str, Any]]):
    """Read-only mapping id → entry dict, decoding rows on first access."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows
        self._cache: dict[str, dict[str, Any]] = {}
        self._kinds: dict[str, str | None] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        e = self._cache.get(key)
        if e is None:
            e = decode_entry(self._rows[key])
            self._cache[key] = e
        return e

    def get(self, key: str, default: Any = None) -> Any:
        """The entry ``key`` (decoded once), or ``default``."""
        e = self._cache.get(key)
        if e is not None:
            return e
        if key not in self._rows:
            return default
        return self[key]

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def kind(self, key: str) -> str | None:
        """The kind of an entry without decoding the whole row (None if unknown; memoised)."""
        try:
            return self._kinds[key]
        except KeyError:
            row = self._rows.get(key)
            k = self._kinds[key] = row[: row.index("\t")] if row is not None else None
            return k


class FormerState(NamedTuple):
    """A state that no longer exists: its period [``start``, ``end``) and its ``successor``
    (ISO alpha-3 of the continuing or present state: SUN → RUS, ZAR → COD)."""

    start: str
    end: str
    successor: str


class PlaceAt(NamedTuple):
    """Country and actor code of a place on a day: ``sector`` is the entry's sector (GOV for a
    capital's metonym) in its own period and None in an earlier country's period (a capital before
    its state's independence is no seat of that state's government); ``dated`` tells whether a
    dated period applied."""

    country: str | None
    code: str
    sector: str | None
    dated: bool


class ActorTable:
    """The loaded table with its indexes and the Aho-Corasick automaton."""

    def __init__(self, raw: dict[str, Any]) -> None:
        if raw.get("format") != FORMAT:
            raise DataError(f"actor table format {raw.get('format')} is not {FORMAT}: rebuild it")
        self.version: str = raw["version"]
        #: the decoded table file (its containers are shared, never modified: see actors.user)
        self.raw: dict[str, Any] = raw
        self.sources: dict[str, str] = raw.get("sources", {})
        self.role_defs: dict[str, dict[str, Any]] = raw["role_defs"]
        self.entries = EntryMap(raw["entries"])
        #: the normalised surface forms the automaton matches (one per key)
        self.keys: list[str] = raw["keys"]
        self.automaton = ahocorasick_rs.AhoCorasick(self.keys, matchkind=ahocorasick_rs.MatchKind.Standard)
        self._pats: list[str] = raw["pats"]
        kinfo: str = raw["kinfo"]
        #: per automaton key: (needs a word boundary before, after)
        self.kinfo = [(kinfo[3 * i] == "1", kinfo[3 * i + 1] == "1") for i in range(len(self._pats))]
        #: per automaton key: whether some pattern checks letter case
        self.kinfo_case = [kinfo[3 * i + 2] == "1" for i in range(len(self._pats))]
        #: per automaton key: (boundary before, boundary after, case check) in one tuple
        self.kinfo3 = [(a, b, c) for (a, b), c in zip(self.kinfo, self.kinfo_case, strict=True)]
        self._decoded: dict[int, tuple[Pattern, ...]] = {}
        self._by_lang: dict[str | None, list[Any]] = {}
        self._role_rows: dict[str, list[str]] = raw["roles"]
        self._roles_by_person: dict[str, list[Role]] = {}
        self.roles_by_key: dict[tuple[str, str | None], list[Role]] = {}
        for rows in raw["roles"].values():
            for row in rows:
                if "\tphoenix\t" not in row:  # Phoenix codes have no role key: decoded on demand
                    r = decode_role(row)
                    self.roles_by_key.setdefault((r.role, r.country), []).append(r)
        self.surnames: dict[str, list[str]] = raw["surnames"]
        self._person_role_cache: dict[tuple[str, str | None], Role | None] = {}
        self._holders_cache: dict[tuple[str, str | None, str | None], list[Role]] = {}
        self._state_of: dict[str, str | None] = {}
        self._role_ids: dict[str, Role | None] = {}
        #: dated countries of places: entry id → ((country, code, start, end), …) sorted by start
        self.place_periods: dict[str, tuple[tuple[str, str, str, str], ...]] = {
            eid: tuple((c, code, start, end) for c, code, start, end in rows)
            for eid, rows in raw.get("place_periods", {}).items()}
        #: former states: code → FormerState(start, end, successor)
        self.former_states: dict[str, FormerState] = {
            code: FormerState(*row) for code, row in raw.get("former_states", {}).items()}

    @functools.cached_property
    def person_ids(self) -> frozenset[str]:
        """Ids of the person entries (computed on first use)."""
        return frozenset(k for k, row in self.entries._rows.items() if row.startswith("person\t"))

    @property
    def n_roles(self) -> int:
        """Number of dated roles in the table."""
        return sum(len(rows) for rows in self._role_rows.values())

    @property
    def n_patterns(self) -> int:
        """Number of surface forms (patterns) in the table."""
        return sum(p.count("\n") + 1 for p in self._pats)

    # -- patterns -------------------------------------------------------------
    def patterns(self, ki: int) -> tuple[Pattern, ...]:
        """All patterns of automaton key ``ki`` (sorted by rank)."""
        got = self._decoded.get(ki)
        if got is None:
            got = tuple(Pattern(lang, ptype, target, flags, int(rank))
                        for lang, ptype, target, flags, rank in
                        (p.split("\t") for p in self._pats[ki].split("\n")))
            self._decoded[ki] = got
        return got

    def lang_patterns(self, lang: str | None) -> list[Any]:
        """The per-key cache behind :meth:`patterns_in` for ``lang``: slot ``ki`` holds the
        patterns of key ``ki`` usable in ``lang`` (None: none), or :data:`MISSING` until
        :meth:`patterns_in` computed it. Lets a hot loop read the slot without a call."""
        cache = self._by_lang.get(lang)
        if cache is None:
            cache = self._by_lang[lang] = [_MISSING] * len(self._pats)
        return cache

    def patterns_in(self, ki: int, lang: str | None) -> tuple[Pattern, ...] | None:
        """Patterns of key ``ki`` usable in ``lang`` (language-neutral ones included)."""
        cache = self._by_lang.get(lang)
        if cache is None:
            cache = self._by_lang[lang] = [_MISSING] * len(self._pats)
        ps = cache[ki]
        if ps is _MISSING:
            ps = cache[ki] = tuple(p for p in self.patterns(ki) if lang is None or p.lang in ("*", lang)) or None
        return ps

    # -- roles ---------------------------------------------------------------------
    def role_by_id(self, pid: str, rid: str) -> Role | None:
        """Role ``rid`` of person ``pid`` (None if it has no such role)."""
        got = self._role_ids.get(rid, _MISSING)
        if got is _MISSING:
            got = self._role_ids[rid] = next((r for r in self.roles_of(pid) if r.id == rid), None)
        return got

    def roles_of(self, pid: str) -> list[Role]:
        """All dated roles of person ``pid``."""
        got = self._roles_by_person.get(pid)
        if got is None:
            got = [decode_role(r) for r in self._role_rows.get(pid, [])]
            self._roles_by_person[pid] = got
        return got

    def state_of(self, eid: str) -> str | None:
        """The country of entry ``eid`` unless it is an organisation (None when unknown; memoised).
        This is the state a country item of an actor phrase names."""
        try:
            return self._state_of[eid]
        except KeyError:
            e = self.entries.get(eid)
            c = self._state_of[eid] = None if e is None or e["kind"] == "org" else e.get("country")
            return c

    def place_at(self, eid: str, day: dt.date | str | None) -> PlaceAt | None:
        """Country and code of place (or capital) ``eid`` on ``day``: an earlier country when a
        dated period of ``place_periods`` covers the day (Juba on 1995-03-01 → SDN), else the
        entry's own country and code (also when ``day`` is None). None for an unknown entry."""
        e = self.entries.get(eid)
        if e is None:
            return None
        d = _day(day)
        if d is not None:
            for country, code, start, end in self.place_periods.get(eid, ()):
                if (not start or start <= d) and d < end:
                    # (a capital that was the seat of a former state: Moscow 1985 → SUNGOV)
                    return PlaceAt(country, code, code[len(country):] or None, True)
        return PlaceAt(e.get("country"), e["code"], e.get("sector"), False)

    def holders(self, role: str, country: str | None, day: str | None) -> list[Role]:
        """Roles of key ``role`` for ``country`` held on ``day`` (current ones when ``day`` is None),
        best source first, then the most recent (memoised: do not modify the list)."""
        key = (role, country, day)
        got = self._holders_cache.get(key)
        if got is None:
            if len(self._holders_cache) > 100_000:
                self._holders_cache.clear()
            got = self._holders_cache[key] = self._holders(role, country, day)
        return got

    def _holders(self, role: str, country: str | None, day: str | None) -> list[Role]:
        cands = self.roles_by_key.get((role, country), [])
        if day is None:
            pool = [r for r in cands if not r.end] or cands
        else:
            pool = [r for r in cands if r.covers(day)]
        return sorted(pool, key=lambda r: (r.prio, _neg(r.start)))

    def holders_any_country(self, role: str, day: str | None, max_prio: int = 1) -> list[Role]:
        """Roles of key ``role`` in any country held on ``day`` from good sources."""
        out: list[Role] = []
        for (rk, _), rs in self.roles_by_key.items():
            if rk == role:
                out.extend(r for r in rs if r.prio <= max_prio and (day is None or r.covers(day)))
        return out

    def person_role(self, pid: str, day: str | None) -> Role | None:
        """The role that gives person ``pid`` its code on ``day`` (None: no role that day).

        Curated roles beat every-politician ones, which beat Phoenix codes; among equals
        the most senior role (lowest rank) wins. With ``day=None`` the latest role is used.
        """
        key = (pid, day)
        if key in self._person_role_cache:
            return self._person_role_cache[key]
        r = self._person_role(pid, day)
        if len(self._person_role_cache) > 100_000:
            self._person_role_cache.clear()
        self._person_role_cache[key] = r
        return r

    def _person_role(self, pid: str, day: str | None) -> Role | None:
        rs = self.roles_of(pid)
        if not rs:
            return None
        if day is None:
            open_ = [r for r in rs if not r.end and r.start]
            if open_:
                latest = max(r.start for r in open_)
                pool = [r for r in open_ if r.start == latest]
            else:
                latest = max(r.start or "0000" for r in rs)
                pool = [r for r in rs if (r.start or "0000") == latest]
        else:
            pool = [r for r in rs if r.covers(day)]
        if not pool:
            return None
        return min(pool, key=lambda r: (r.prio, self.role_defs.get(r.role, {}).get("rank", 50), r.id))

    def last_role_before(self, pid: str, day: str) -> Role | None:
        """The most recent role of ``pid`` that ended on or before ``day``."""
        rs = [r for r in self.roles_of(pid) if r.end and r.end <= day]
        return max(rs, key=lambda r: (r.end, -r.prio)) if rs else None


#: Preference among interpretations of one surface (lower first).
TYPE_RANK = {"N": 0, "R": 3, "D": 4, "S": 5, "G": 6, "K": 7, "A": 7, "X": 8}


def pattern_rank(p: Pattern, kind: str | None) -> int:
    """People first (a validated surname beats a city of the same name), then states, other
    entities, role titles, demonyms, sides, agents, abbreviations, blocked words. ``kind`` is
    the kind of the target entry for entity patterns."""
    if p.ptype == "E":
        return 0 if kind == "person" else 1 if kind == "state" else 2
    return TYPE_RANK[p.ptype]


def key_info(key: str) -> str:
    """'1'/'0' for: starts with a letter needing a word boundary, ends with one."""
    return ("1" if _alpha(key[0]) else "0") + ("1" if _alpha(key[-1]) else "0")


def _alpha(c: str) -> bool:
    """Whether ``c`` is a letter/digit of an alphabetic script (needs a word boundary)."""
    o = ord(c)
    cjk = 0x3040 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0x3400 <= o <= 0x4DBF
    return c.isalnum() and not cjk


def _neg(s: str) -> str:
    """Sort key that orders ISO dates descending."""
    return "".join(chr(0x10FFFF - ord(c)) for c in s)


def _day(d: dt.date | str | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, dt.datetime):
        d = d.date()
    if isinstance(d, dt.date):
        return d.isoformat()
    return str(d)[:10]


def load_table(path: Path | None = None) -> ActorTable:
    """Load a compiled table file (defaults to the shipped one) and build its automaton."""
    p = path or data_path(*TABLE_FILE)
    try:
        with gzip.open(p, "rb") as f:
            raw = orjson.loads(f.read())
    except (OSError, ValueError) as e:  # pragma: no cover - corrupt install
        raise DataError(f"cannot read actor table {p}: {e}") from e
    return ActorTable(raw)


@functools.lru_cache(maxsize=1)
def get_table() -> ActorTable:
    """The shipped actor table, loaded once per process."""
    return load_table()


__all__ = ["ActorTable", "FormerState", "Pattern", "PlaceAt", "Role", "get_table", "load_table"]
