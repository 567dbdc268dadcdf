"""JSON and CSV encoding of store answers (UTF-8, dates as ISO strings)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

import orjson
from starlette.responses import Response

_OPTS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def dumps(data: Any) -> bytes:
    """JSON bytes of a store answer (dates → ISO, unknown objects → ``str``)."""
    return orjson.dumps(data, default=str, option=_OPTS)


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """An ``application/json`` response."""
    return Response(dumps(data), status_code=status, media_type="application/json", headers=dict(headers or {}))


#: Columns of the CSV export of events (one row per deduplicated event).
CSV_COLUMNS: tuple[str, ...] = (
    "id", "date", "event", "mode", "cameo", "goldstein", "quad_class",
    "actor_code", "actor_name", "actor_country", "actor_text",
    "recipient_code", "recipient_name", "recipient_country", "recipient_text",
    "location", "location_country", "lat", "lon",
    "num_mentions", "num_sources", "num_languages", "first_seen", "last_seen",
    "confidence", "flags", "evidence", "doc_ids",
)


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def event_csv_row(ev: Mapping[str, Any]) -> list[str]:
    """One CSV row of a deduplicated event (see :data:`CSV_COLUMNS`)."""
    a = ev.get("actor") or {}
    r = ev.get("recipient") or {}
    loc = ev.get("location") or {}
    docs: list[str] = []
    for m in ev.get("mentions") or []:
        d = m.get("doc_id") if isinstance(m, Mapping) else None
        if d and d not in docs:
            docs.append(str(d))
    if not docs and ev.get("doc_id"):
        docs.append(str(ev["doc_id"]))
    return [
        _s(ev.get("id")), _s(ev.get("date")), _s(ev.get("event")), _s(ev.get("mode")), _s(ev.get("cameo")),
        _s(ev.get("goldstein")), _s(ev.get("quad_class")),
        _s(a.get("code")), _s(a.get("name")), _s(a.get("country")), _s(a.get("text")),
        _s(r.get("code")), _s(r.get("name")), _s(r.get("country")), _s(r.get("text")),
        _s(loc.get("name") or loc.get("text")), _s(loc.get("country")), _s(loc.get("lat")), _s(loc.get("lon")),
        _s(ev.get("num_mentions")), _s(ev.get("num_sources")), _s(ev.get("num_languages")),
        _s(ev.get("first_seen")), _s(ev.get("last_seen")), _s(ev.get("confidence")),
        ";".join(map(str, ev.get("flags") or [])),
        " ".join(str((ev.get("evidence") or {}).get("sentence") or "").split()),
        ";".join(docs),
    ]


def events_csv(events: Iterable[Mapping[str, Any]]) -> str:
    """CSV text (header + one row per event)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for ev in events:
        w.writerow(event_csv_row(ev))
    return buf.getvalue()
