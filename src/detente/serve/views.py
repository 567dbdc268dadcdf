"""The data of each dashboard page, built from the store's own answers.

Each function returns the page's JSON twin: the HTML page (:mod:`detente.serve.render`) is drawn
from exactly this data, so ``/dyad/USA-CHN`` and ``/dyad/USA-CHN.json`` always agree. Nothing is
computed here that the store does not answer, except presentation helpers (gap filling, sparkline
series) that the HTML renderer derives from the same data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .charts import Period, fill_gaps

#: How many dyads and recent events the overview shows.
OVERVIEW_DYADS = 12
OVERVIEW_EVENTS = 15
#: Events listed per page on the dyad page.
DYAD_PAGE_EVENTS = 50
#: Stories listed per page, and the smallest story the stories page lists by default (a story of
#: one article is every article that shares nothing with another).
STORIES_PAGE = 50
STORIES_MIN_DOCUMENTS = 2


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def overview(store: Any) -> dict[str, Any]:
    """``/``: store statistics, the most reported dyads with their monthly timelines, recent events."""
    dyads = store.dyads(limit=OVERVIEW_DYADS)
    timelines = {str(d["dyad"]): store.timeline(str(d["dyad"]), interval="month") for d in dyads}
    return {
        "stats": store.stats(),
        "dyads": dyads,
        "timelines": timelines,
        "recent_events": store.events(limit=OVERVIEW_EVENTS),
    }


def dyad(
    store: Any,
    dyad: str,
    *,
    interval: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    types: list[str] | None = None,
    limit: int = DYAD_PAGE_EVENTS,
    offset: int = 0,
) -> dict[str, Any]:
    """``/dyad/A-B``: the store's timeline and event list of one relationship (both directions)."""
    return {
        "dyad": dyad,
        "interval": interval,
        "since": _iso(since),
        "until": _iso(until),
        "types": types or [],
        "limit": limit,
        "offset": offset,
        "timeline": store.timeline(dyad, interval=interval, since=since, until=until),
        "events": store.events(dyad=dyad, since=since, until=until, types=types, limit=limit, offset=offset),
    }


def event(store: Any, event_id: str) -> dict[str, Any] | None:
    """``/event/{id}``: the merged event with all its mentions (each with its document's id, title, URL)."""
    ev = store.event(event_id)
    return None if ev is None else {"event": ev}


def document(store: Any, doc_id: str) -> dict[str, Any] | None:
    """``/document/{id}``: the stored document: cleaned text, removed furniture, trust flags and the
    signals behind them, the events coded from it, related documents of its story."""
    doc = store.document(doc_id)
    return None if doc is None else {"document": doc}


def stories(store: Any, *, limit: int = STORIES_PAGE, offset: int = 0,
            min_documents: int = STORIES_MIN_DOCUMENTS) -> dict[str, Any]:
    """``/stories``: stories (articles about the same events, people and days, in any language),
    largest and most recent first."""
    return {
        "limit": limit,
        "offset": offset,
        "min_documents": min_documents,
        "stories": store.stories(limit=limit, offset=offset, min_documents=min_documents),
    }


def story(store: Any, story_id: str) -> dict[str, Any] | None:
    """``/story/{id}``: one story with its articles in every language and its events."""
    s = store.story(story_id)
    return None if s is None else {"story": s}


def by_language(documents: list[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """A story's articles grouped by language: most articles first, then by language code; each
    group oldest first (the HTML renderer's grouping of the twin's ``documents``)."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for d in documents:
        groups.setdefault(str(d.get("lang") or "?"), []).append(d)
    for docs in groups.values():
        docs.sort(key=lambda d: (str(d.get("pub_date") or ""), str(d.get("id"))))
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


# ---------------------------------------------------------------------------- timeline rows


def _quad_counts(row: Mapping[str, Any]) -> tuple[int, int, int, int]:
    q = row.get("quad_class") or {}
    return tuple(int(q.get(str(i), 0) or 0) for i in range(1, 5))  # type: ignore[return-value]


def _goldstein(row: Mapping[str, Any]) -> float | None:
    v = row.get("goldstein_mean")
    return float(v) if isinstance(v, int | float) else None


def periods(timeline: list[Mapping[str, Any]], interval: str, since: str | None = None,
            until: str | None = None) -> list[Period]:
    """The store's timeline rows as chart periods, with empty periods filled in (over the requested
    ``since``–``until`` range when given)."""
    ps = [Period(str(r.get("period")), _quad_counts(r), _goldstein(r), dict(r.get("types") or {}),
                 int(r["count"]) if isinstance(r.get("count"), int) else None) for r in timeline]
    ps.sort(key=lambda p: p.label)
    start = dt.date.fromisoformat(since) if since else None
    end = dt.date.fromisoformat(until) if until else None
    return fill_gaps(ps, interval, start, end)


def sparklines(timelines: Mapping[str, list[Mapping[str, Any]]]) -> dict[str, list[int]]:
    """Monthly event counts per dyad on one shared time axis (so the sparklines compare)."""
    labels = sorted({str(r.get("period")) for rows in timelines.values() for r in rows})
    if not labels:
        return {k: [] for k in timelines}
    axis = [p.label for p in fill_gaps([Period(lb, (0, 0, 0, 0), None) for lb in (labels[0], labels[-1])], "month")]
    out = {}
    for name, rows in timelines.items():
        counts = {str(r.get("period")): int(r.get("count") or 0) for r in rows}
        out[name] = [counts.get(lb, 0) for lb in axis]
    return out
