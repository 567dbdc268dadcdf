"""Deduplication: many reports (mentions) of one event merge into one stored event.

A mention merges into an existing event when, in order:

1. the **merge key** is the same: PLOVER type and dyad (the actor and recipient countries, or
   codes for actors without a country; direction-free when the event is symmetric, e.g. a meeting);
2. the **modes** are compatible (equal, one of them unknown, or two sides of one event:
   :data:`COMPATIBLE_MODES`);
3. the **dates** are compatible, with a window set by the coarser precision of the two: days
   within :data:`DAY_WINDOW` of each other, the same month, or the same year;
4. the **locations** are compatible: one unknown, the same name, or within
   :data:`LOCATION_KM` of each other.

Among compatible events the one closest in date wins. Undated mentions (no event date and no
publication date) never merge across documents: a date is what separates two meetings of the same
pair. Within one document they do (same merge key, compatible mode and location,
:func:`best_undated`): an undated page that tells the Beijing talks in its lead and again further
down reports one event, as a dated page's sentences without a date of their own (all dated by the
page) already do.

A **copy** (a verbatim or near-duplicate republication of an earlier document) reports the events
of its original: a mention of a copy first merges into an event of the original with the same
merge key, compatible mode and compatible location, whatever the dates
(:func:`best_original`) — a copy published days later dates its undated sentences by its own
publication date. Its other mentions follow the rules above.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: Day-precision dates merge when at most this many days apart. Reports published the day after
#: an event often date it "yesterday" in another time zone; two days leaves room for that while
#: keeping two meetings of the same pair in the same week apart only when 3+ days separate them.
DAY_WINDOW = 2

#: Locations with coordinates further apart than this are different places.
LOCATION_KM = 150.0

#: Event types whose dyad is direction-free even when the coder did not mark the event symmetric
#: ("A met B" and "B met A" report the same meeting).
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

#: Modes that describe the same event from the two sides ("A visits B" = "B hosts A").
COMPATIBLE_MODES: tuple[frozenset[str], ...] = (frozenset({"visit", "host"}),)

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


def party(actor: dict[str, Any] | None) -> str:
    """The dyad side of an actor: its country code, else its actor code, else ``""``."""
    if not actor:
        return ""
    return str(actor.get("country") or actor.get("code") or "")


def dyad_of(a: str, r: str) -> str:
    """Direction-free dyad string, e.g. ``CHN-USA``; a one-sided event is just ``USA``."""
    if a and r:
        return f"{a}-{r}" if a <= r else f"{r}-{a}"  # = "-".join(sorted((a, r)))
    return a or r


def merge_key(event: str, a: str, r: str, symmetric: bool) -> str:
    """The key under which mentions of the same event meet: type plus (maybe ordered) dyad."""
    if symmetric or event in SYMMETRIC_TYPES:
        return f"{event}|{dyad_of(a, r)}"
    return f"{event}|{a}>{r}"


def pad_day(date: str | None) -> str | None:
    """``2023``/``2023-06``/``2023-06-19`` → a full ``YYYY-MM-DD`` (first day of the period)."""
    if not date:
        return None
    if len(date) == 4:
        return f"{date}-01-01"
    if len(date) == 7:
        return f"{date}-01"
    return date[:10]


@functools.lru_cache(maxsize=65536)
def window(day: str, precision: str | None) -> tuple[str, str]:
    """The range of days a mention with this date and precision can merge with."""
    d = dt.date.fromisoformat(day)
    if precision == "year":
        return f"{d.year:04d}-01-01", f"{d.year:04d}-12-31"
    if precision == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return d.replace(day=1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
    w = dt.timedelta(days=DAY_WINDOW)
    return (d - w).isoformat(), (d + w).isoformat()


@functools.lru_cache(maxsize=65536)
def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class Candidate:
    """What the merge test needs to know about a stored (or just created) event."""

    id: str
    day: str | None
    precision: str | None
    mode: str | None
    location: str | None
    lat: float | None
    lon: float | None
    new: bool = False
    mention_ids: list[str] = field(default_factory=list)


def modes_compatible(m1: str | None, m2: str | None) -> bool:
    """Equal modes, one unknown, or a pair of :data:`COMPATIBLE_MODES`."""
    if not m1 or not m2 or m1 == m2:
        return True
    return any(m1 in g and m2 in g for g in COMPATIBLE_MODES)


def dates_compatible(d1: str, p1: str | None, d2: str, p2: str | None) -> bool:
    """Whether two padded dates can be the same event, given their precisions."""
    coarse = max(PRECISION_RANK.get(p1, 3), PRECISION_RANK.get(p2, 3))
    if coarse == 2:  # year
        return d1[:4] == d2[:4]
    if coarse == 1:  # month
        return d1[:7] == d2[:7]
    return abs((_date(d1) - _date(d2)).days) <= DAY_WINDOW  # day, or unknown precision


def locations_compatible(c: Candidate, name: str | None, lat: float | None, lon: float | None) -> bool:
    """One side unknown, the same place name, or coordinates within :data:`LOCATION_KM`."""
    if not c.location or not name:
        return True
    if c.location.casefold() == name.casefold():
        return True
    if None not in (c.lat, c.lon, lat, lon):
        return _km(c.lat, c.lon, lat, lon) <= LOCATION_KM  # type: ignore[arg-type]
    return False


def best_match(
    cands: list[Candidate], day: str | None, precision: str | None, mode: str | None,
    location: str | None, lat: float | None, lon: float | None,
) -> Candidate | None:
    """The compatible candidate closest in date, or None (steps 2–4 of the module docstring)."""
    if day is None:
        return None
    best: Candidate | None = None
    best_gap = 10**9
    d0 = _date(day)
    for c in cands:
        if c.day is None:
            continue
        if not modes_compatible(mode, c.mode):
            continue
        if not dates_compatible(c.day, c.precision, day, precision):
            continue
        if not locations_compatible(c, location, lat, lon):
            continue
        gap = abs((_date(c.day) - d0).days)
        if gap < best_gap:
            best, best_gap = c, gap
    return best


def best_undated(cands: Sequence[Candidate], mode: str | None, location: str | None, lat: float | None,
                 lon: float | None) -> Candidate | None:
    """The first of an undated document's own undated events (``cands``: those with the mention's
    merge key) that an undated mention of the same document reports: compatible mode and
    location."""
    for c in cands:
        if modes_compatible(mode, c.mode) and locations_compatible(c, location, lat, lon):
            return c
    return None


def best_original(
    cands: Sequence[Candidate], day: str | None, mode: str | None, location: str | None,
    lat: float | None, lon: float | None,
) -> Candidate | None:
    """The event of a copy's original (``cands``: the original's events with the mention's merge
    key) that a mention of the copy reports: compatible mode and location, any date; among
    several, the closest in date (then the first)."""
    best: Candidate | None = None
    best_gap = 10**9
    d0 = _date(day) if day else None
    for c in cands:
        if not modes_compatible(mode, c.mode):
            continue
        if not locations_compatible(c, location, lat, lon):
            continue
        gap = abs((_date(c.day) - d0).days) if d0 is not None and c.day else 10**8
        if best is None or gap < best_gap:
            best, best_gap = c, gap
    return best
