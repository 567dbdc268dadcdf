"""Story signatures: which articles are about the same story when they share no merged event.

A document joins the story of the stored events it reports (:mod:`detente.store.writer`, step 4).
Reports of one visit whose events did not merge (another event type, a date one side gives as
the month, a meeting coded in one language and the talks in another) are linked by their
*signature* instead:

* ``d:<dyad>`` — every two-sided dyad of its events (``CHN-USA``);
* ``a:<actor id>`` — every specific actor of its events: a person or an organisation of the
  actor table (canonical ids: "布林肯", "Blinken" and "Antony Blinken" are one id), not a country
  (``CHN``, ``state:CHN``) nor a capital standing for it (``CAP_CHN``).

A document without a shared event joins the story of earlier documents that share **a dyad and
a specific actor** with it, dated within :data:`STORY_WINDOW_DAYS` of it, provided the story began
at most :data:`STORY_SPAN_DAYS` before it (so that a long-running relationship does not chain
weeks of unrelated articles on the same dyad into one story). A dyad alone (two countries on the
same day) is not enough: busy dyads have several stories a day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

#: Key rows of another document count when dated at most this many days from the document.
STORY_WINDOW_DAYS = 3

#: A document joins a story through its signature only while the story is at most this many days
#: old on the document's day.
STORY_SPAN_DAYS = 7

_TOKEN = re.compile(r"[^A-Za-z0-9]+")


def specific_actor(actor: Mapping[str, Any] | None) -> str | None:
    """The canonical id of a person or organisation actor; ``None`` for a country-level actor
    (its id carries the country code as a token: ``CHN``, ``state:CHN``, ``CAP_CHN``) or an actor
    without an id."""
    if not actor:
        return None
    aid = actor.get("id")
    if not aid:
        return None
    return _specific(str(aid), str(actor.get("country") or ""), str(actor.get("code") or ""))


@functools.lru_cache(maxsize=65536)
def _specific(aid: str, country: str, code: str) -> str | None:
    if (country and country in _TOKEN.split(aid)) or (code and aid == code):
        return None
    return aid


def story_keys_of_records(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """The signature keys of a document from its event records (``Event.to_dict()`` form)."""
    dyads: set[str] = set()
    actors: set[str] = set()
    for rec in records:
        a, r = rec.get("actor") or {}, rec.get("recipient") or {}
        pa = a.get("country") or a.get("code") or ""
        pr = r.get("country") or r.get("code") or ""
        if pa and pr and pa != pr:
            dyads.add(f"d:{pa}-{pr}" if pa < pr else f"d:{pr}-{pa}")
        for x in (a, r):  # specific_actor(x), inline (two calls per record were a tenth of the stories step)
            aid = x.get("id")
            if aid:
                aid = _specific(str(aid), str(x.get("country") or ""), str(x.get("code") or ""))
                if aid:
                    actors.add("a:" + aid)
    # a link needs a shared dyad and a shared specific actor: a signature without both links nothing
    if not dyads or not actors:
        return []
    return sorted(dyads | actors)


def days_apart(a: str, b: str) -> int:
    """Days between two ISO dates (absolute)."""
    return abs((_date(a[:10]) - _date(b[:10])).days)


@functools.lru_cache(maxsize=65536)
def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def best_story(
    keys: list[str], day: str, hits: Iterable[tuple[str, str, str]], first_seen: Mapping[str, str | None],
) -> str | None:
    """The story a document with signature ``keys`` on ``day`` joins, or ``None``.

    Args:
        keys: the document's signature keys.
        day: the document's day (``YYYY-MM-DD``).
        hits: ``(key, day, story_id)`` rows of other documents sharing a key.
        first_seen: the first day of each candidate story.
    """
    mine = set(keys)
    shared: dict[str, dict[str, int]] = {}  # story → key → smallest gap in days
    for key, kday, sid in hits:
        if key not in mine or not sid or not kday:
            continue
        gap = days_apart(day, kday)
        if gap > STORY_WINDOW_DAYS:
            continue
        ks = shared.setdefault(sid, {})
        if gap < ks.get(key, 10**9):
            ks[key] = gap
    best: tuple[int, int, str] | None = None
    for sid, ks in shared.items():
        dyads = sum(1 for k in ks if k.startswith("d:"))
        actors = len(ks) - dyads
        if not dyads or not actors:
            continue
        start = first_seen.get(sid)
        if start and days_apart(day, start) > STORY_SPAN_DAYS:
            continue
        cand = (-(dyads + actors), min(ks.values()), sid)
        if best is None or cand < best:
            best = cand
    return best[2] if best else None
