"""The FastAPI application: the REST API under ``/api/`` and the dashboard pages.

Every endpoint parses its parameters (:mod:`detente.serve.params`), asks the store one question
and renders the answer: JSON for the API and the pages' JSON twins, CSV for event exports, HTML
(:mod:`detente.serve.render`) for the dashboard. Errors have one shape
(:mod:`detente.serve.errors`).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import quote

from ..errors import MissingExtraError

try:
    from fastapi import Body, FastAPI, Path, Query, Request
    from fastapi.responses import HTMLResponse, Response
    from pydantic import BaseModel, ConfigDict, Field
except ImportError as exc:  # pragma: no cover - exercised without the [server] extra
    raise MissingExtraError("server", "fastapi") from exc

from ..version import CODER_VERSION, __version__
from . import render, views
from .apidocs import render_api_docs
from .assets import CSS, JS
from .errors import ERROR_RESPONSES, ApiError, install_error_handlers, not_found
from .jsonutil import events_csv, json_response
from .params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    ParamError,
    parse_date,
    parse_dyad,
    parse_format,
    parse_interval,
    parse_lang,
    parse_limit,
    parse_offset,
    parse_range,
    parse_types,
)

#: Largest text accepted by ``POST /api/extract`` (characters).
MAX_EXTRACT_CHARS = 1_000_000

_DESCRIPTION = """
Event data about international relations coded from world news by détente
(PLOVER 2021 / CAMEO, Goldstein, QuadClass), deduplicated across sources and languages.

* `GET /api/events` — deduplicated events (filters: dyad, since, until, type; JSON or CSV).
* `GET /api/timeline` — counts per QuadClass and mean Goldstein per month/week/day for a dyad.
* `POST /api/extract` — code a text or an HTML page (stateless).

Dates are `YYYY-MM-DD` (`YYYY-MM` and `YYYY` stand for the whole month or year). A dyad is two
actor codes joined by `-` (`USA-CHN`; direction-free). Every error has the shape
`{"error": {"code", "message", "details"}}`. Every dashboard page has a JSON twin
(`/dyad/USA-CHN.json` or `?format=json`).
"""

_TAGS = [
    {"name": "events", "description": "Deduplicated events and their timelines."},
    {"name": "documents", "description": "Stored documents and stories."},
    {"name": "store", "description": "Store statistics, runs and search."},
    {"name": "coding", "description": "Stateless coding and actor lookup."},
    {"name": "dashboard", "description": "HTML pages (each with a JSON twin)."},
]

# ---------------------------------------------------------------------------- parameter types

DyadQ = Annotated[str | None, Query(description="Two actor codes, e.g. USA-CHN (direction-free).",
                                    examples=["USA-CHN"])]
SinceQ = Annotated[str | None, Query(description="On or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")]
UntilQ = Annotated[str | None, Query(description="On or before this date (YYYY-MM-DD, YYYY-MM or YYYY).")]
TypeQ = Annotated[list[str] | None, Query(alias="type", description="PLOVER type(s); repeat or comma-separate.")]
LimitQ = Annotated[int | None, Query(description=f"Page size (1–{MAX_LIMIT}, default {DEFAULT_LIMIT}).")]
OffsetQ = Annotated[int | None, Query(description="Rows to skip.")]
IntervalQ = Annotated[str | None, Query(description="month (default), week or day.")]
MinDocsQ = Annotated[int | None, Query(description="Only stories of at least this many articles (default 2).")]
DirectedQ = Annotated[bool, Query(description="Only events from the dyad's first actor to its second (USA-CHN: USA → CHN).")]


class ExtractRequest(BaseModel):
    """Body of ``POST /api/extract``: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="An HTML page (main text is extracted, furniture removed).")
    lang: str | None = Field(None, description="Language hint (en, zh, vi, es, fr, ru, ar); detected if omitted.")
    date: str | None = Field(None, description="Publication date YYYY-MM-DD (resolves relative dates and roles).")
    min_confidence: float = Field(0.0, ge=0.0, le=1.0, description="Drop events below this confidence.")


# ---------------------------------------------------------------------------- helpers


def _split_twin(name: str) -> tuple[str, bool]:
    """``"USA-CHN.json"`` → ``("USA-CHN", True)``."""
    return (name[:-5], True) if name.endswith(".json") else (name, False)


def _want_json(request: Request, twin: bool) -> bool:
    """JSON for a ``.json`` twin, ``?format=json``, or a client that accepts JSON but not HTML."""
    raw = request.query_params.get("format")
    if raw is not None:
        return parse_format(raw, ("html", "json")) == "json"
    if twin:
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


#: Pages answer HTML or JSON depending on the Accept header: caches must know.
_VARY = {"Vary": "Accept"}


def _html(content: str, twin: str | None = None) -> HTMLResponse:
    headers = dict(_VARY)
    if twin:
        headers["Link"] = f'<{twin}>; rel="alternate"; type="application/json"'
    return HTMLResponse(content, headers=headers)


def _page_json(data: Any) -> Response:
    return json_response(data, headers=_VARY)


def _asdict(x: Any) -> Any:
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return dataclasses.asdict(x)
    if hasattr(x, "to_dict"):
        return x.to_dict()
    return x


def create_app(db: str) -> FastAPI:
    """The REST API and dashboard over the store at ``db`` (a SQLite path or a database URL).

    The store is opened for each request (the store is safe to open concurrently; opening is cheap
    once migrated), so the app holds no connection between requests.
    """
    from ..store import open_store

    app = FastAPI(
        title="détente",
        version=__version__,
        description=_DESCRIPTION,
        openapi_tags=_TAGS,
        responses=ERROR_RESPONSES,
        docs_url=None,  # Swagger UI and ReDoc load their JS from a CDN: /docs is rendered here instead
        redoc_url=None,
    )
    app.state.db = db
    install_error_handlers(app)

    @contextlib.contextmanager
    def store() -> Iterator[Any]:
        with open_store(db) as s:
            yield s

    # ------------------------------------------------------------------ REST API

    @app.get("/api/health", tags=["store"], summary="Liveness and versions (does not open the store)")
    def health() -> Response:
        return json_response({"status": "ok", "version": __version__, "coder": CODER_VERSION})

    @app.get("/api/events", tags=["events"], summary="Deduplicated events (JSON or CSV)",
             responses={200: {"content": {"text/csv": {}}}})
    def api_events(
        request: Request, dyad: DyadQ = None, since: SinceQ = None, until: UntilQ = None, types: TypeQ = None,
        limit: LimitQ = None, offset: OffsetQ = None, directed: DirectedQ = False,
        format: Annotated[str | None, Query(description=f"json (default) or csv (an export: default limit {MAX_LIMIT}).")] = None,
    ) -> Response:
        fmt = parse_format(format, ("json", "csv"))
        d = parse_dyad(dyad)
        s, u = parse_range(since, until)
        t = parse_types(types)
        lim = parse_limit(limit, default=MAX_LIMIT if fmt == "csv" else DEFAULT_LIMIT)
        off = parse_offset(offset)
        with store() as st:
            rows = st.events(dyad=d, since=s, until=u, types=t, limit=lim, offset=off, directed=directed)
        if fmt == "csv":
            name = "detente-events" + (f"-{d}" if d else "") + ".csv"
            return Response(events_csv(rows), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
        nxt = str(request.url.include_query_params(offset=off + lim)) if len(rows) == lim else None
        return json_response({
            "query": {"dyad": d, "directed": directed, "since": s, "until": u, "types": t, "limit": lim,
                      "offset": off},
            "count": len(rows),
            "next": nxt,
            "events": rows,
        })

    def _found(kind: str, ident: str, value: Any) -> Any:
        """``value``, or the API's 404 error when the store has no such ``kind``."""
        if value is None:
            raise not_found(kind, ident)
        return value

    @app.get("/api/events/{event_id}", tags=["events"], summary="One merged event with all its mentions")
    def api_event(event_id: Annotated[str, Path(description="Event id.")]) -> Response:
        with store() as st:
            return json_response(_found("event", event_id, st.event(event_id)))

    @app.get("/api/dyads", tags=["events"], summary="Dyads with their event counts, most reported first")
    def api_dyads(limit: LimitQ = None) -> Response:
        lim = parse_limit(limit)
        with store() as st:
            return json_response({"dyads": st.dyads(limit=lim)})

    @app.get("/api/timeline", tags=["events"], summary="Counts per type/QuadClass and mean Goldstein per period")
    def api_timeline(dyad: DyadQ = None, interval: IntervalQ = None, since: SinceQ = None,
                     until: UntilQ = None, directed: DirectedQ = False) -> Response:
        d = parse_dyad(dyad)
        iv = parse_interval(interval)
        s, u = parse_range(since, until)
        with store() as st:
            rows = st.timeline(d, interval=iv, since=s, until=u, directed=directed)
        return json_response({"dyad": d, "directed": directed, "interval": iv, "since": s, "until": u,
                              "timeline": rows})

    @app.get("/api/documents", tags=["documents"], summary="Stored documents (newest first)")
    def api_documents(
        limit: LimitQ = None, offset: OffsetQ = None,
        lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,8}$", description="Only this language (en, zh, other …).")] = None,
        flag: Annotated[str | None, Query(pattern=r"^[a-z_]{2,40}$", description="Only documents with this trust flag.")] = None,
    ) -> Response:
        lim, off = parse_limit(limit), parse_offset(offset)
        with store() as st:
            return json_response({"documents": st.documents(limit=lim, offset=off, lang=lang, flag=flag)})

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One stored document")
    def api_document(doc_id: Annotated[str, Path(description="Document id.")]) -> Response:
        with store() as st:
            return json_response(_found("document", doc_id, st.document(doc_id)))

    @app.get("/api/stories", tags=["documents"], summary="Stories: the same report across sites")
    def api_stories(limit: LimitQ = None, offset: OffsetQ = None) -> Response:
        lim, off = parse_limit(limit), parse_offset(offset)
        with store() as st:
            return json_response({"stories": st.stories(limit=lim, offset=off)})

    @app.get("/api/stories/{story_id}", tags=["documents"], summary="One story and its documents")
    def api_story(story_id: Annotated[str, Path(description="Story id.")]) -> Response:
        with store() as st:
            return json_response(_found("story", story_id, st.story(story_id)))

    @app.get("/api/search", tags=["store"], summary="Events whose documents match a full-text query (any language)")
    def api_search(q: Annotated[str, Query(min_length=1, description="Search text (any language).")],
                   limit: LimitQ = None) -> Response:
        if not q.strip():
            raise ParamError.one("q", q, "must not be empty")
        lim = parse_limit(limit)
        with store() as st:
            return json_response({"query": q, "results": st.search(q, limit=lim)})

    @app.get("/api/stats", tags=["store"], summary="Counts of documents, events, dyads …")
    def api_stats() -> Response:
        with store() as st:
            return json_response(st.stats())

    @app.get("/api/runs", tags=["store"], summary="Ingest runs with their configuration and totals")
    def api_runs(limit: LimitQ = None) -> Response:
        lim = parse_limit(limit)
        with store() as st:
            return json_response({"runs": st.runs(limit=lim)})

    @app.get("/api/actors/lookup", tags=["coding"], summary="Resolve an actor name, role or place on a date",
             responses={503: {"description": "Actor lookup not available"}})
    def api_actor_lookup(
        text: Annotated[str, Query(min_length=1, description="Name, role or place, e.g. 'Ngoại trưởng Mỹ'.")],
        date: Annotated[str | None, Query(description="Reference date YYYY-MM-DD (role holders change).")] = None,
        lang: Annotated[str | None, Query(description="Language hint.")] = None,
    ) -> Response:
        d = parse_date(date, "date")
        lg = parse_lang(lang)
        try:
            from ..actors import lookup
        except ImportError as exc:
            raise ApiError(503, "unavailable", "actor lookup is not available in this installation",
                           {"reason": str(exc)}) from exc
        mentions = lookup(text, d, lg)
        return json_response({"text": text, "date": d, "lang": lg, "mentions": [_asdict(m) for m in mentions]})

    @app.post("/api/extract", tags=["coding"], summary="Code a text or an HTML page into events (stateless)")
    def api_extract(req: Annotated[ExtractRequest, Body()]) -> Response:
        from .. import extract
        from ..ingest.sources import make_document
        from ..options import Options

        if (req.text is None) == (req.html is None):
            raise ParamError.one("text", None, "give exactly one of 'text' or 'html'")
        content = req.text if req.text is not None else (req.html or "")
        if not content.strip():
            raise ParamError.one("text" if req.text is not None else "html", "", "must not be empty")
        if len(content) > MAX_EXTRACT_CHARS:
            raise ApiError(413, "payload_too_large", f"at most {MAX_EXTRACT_CHARS} characters",
                           {"max_chars": MAX_EXTRACT_CHARS, "chars": len(content)})
        lang = parse_lang(req.lang)
        pub = parse_date(req.date, "date")
        doc = make_document(source="api:extract", text=req.text, html=req.html, lang=lang, pub_date=pub)
        opts = Options(default_lang=lang or "en", pub_date=pub, min_confidence=req.min_confidence)
        events = extract(doc, options=opts)
        return json_response({
            "document": {"id": doc.id, "lang": doc.lang, "pub_date": doc.pub_date, "title": doc.title},
            "count": len(events),
            "events": [ev.to_dict() for ev in events],
        })

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs() -> Response:
        return _html(render_api_docs(app.openapi()), "/openapi.json")

    # ------------------------------------------------------------------ assets

    @app.get("/assets/detente.css", include_in_schema=False)
    def css() -> Response:
        return Response(CSS, media_type="text/css; charset=utf-8", headers={"Cache-Control": "max-age=3600"})

    @app.get("/assets/detente.js", include_in_schema=False)
    def js() -> Response:
        return Response(JS, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "max-age=3600"})

    # ------------------------------------------------------------------ dashboard

    @app.get("/", tags=["dashboard"], summary="Overview page (?format=json for its JSON twin)",
             response_class=HTMLResponse)
    def page_overview(request: Request) -> Response:
        return _overview(request, twin=False)

    @app.get("/index.json", tags=["dashboard"], summary="Overview page as JSON")
    def page_overview_json(request: Request) -> Response:
        return _overview(request, twin=True)

    def _overview(request: Request, twin: bool) -> Response:
        as_json = _want_json(request, twin)
        with store() as st:
            data = views.overview(st)
        if as_json:
            return _page_json(data)
        spark = views.sparklines(data["timelines"])
        return _html(render.overview_page(data, spark), "/index.json")

    @app.get("/dyad/{dyad}", tags=["dashboard"], response_class=HTMLResponse,
             summary="A bilateral relationship over time (…/USA-CHN.json for the JSON twin)")
    def page_dyad(
        request: Request, dyad: Annotated[str, Path(description="e.g. USA-CHN or USA-CHN.json")],
        interval: IntervalQ = None, since: SinceQ = None, until: UntilQ = None, types: TypeQ = None,
        limit: LimitQ = None, offset: OffsetQ = None,
    ) -> Response:
        name, twin = _split_twin(dyad)
        as_json = _want_json(request, twin)
        d = parse_dyad(name)
        if d is None:
            raise ParamError.one("dyad", name, "expected two actor codes joined by '-', e.g. USA-CHN")
        iv = parse_interval(interval)
        s, u = parse_range(since, until)
        t = parse_types(types)
        lim, off = parse_limit(limit, default=views.DYAD_PAGE_EVENTS), parse_offset(offset)
        with store() as st:
            data = views.dyad(st, d, interval=iv, since=s, until=u, types=t, limit=lim, offset=off)
        if as_json:
            return _page_json(data)
        periods = views.periods(data["timeline"], iv, data["since"], data["until"])
        return _html(render.dyad_page(data, periods), f"/dyad/{quote(d)}.json")

    def _entity_page(request: Request, raw_id: str, kind: str, load: Any, page: Any) -> Response:
        """An event or document page, or its JSON twin (``…/{id}.json`` or ``Accept: json``)."""
        ident, twin = _split_twin(raw_id)
        as_json = _want_json(request, twin)
        with store() as st:
            data = _found(kind, ident, load(st, ident))
        if as_json:
            return _page_json(data)
        return _html(page(data), f"/{kind}/{quote(ident)}.json")

    @app.get("/event/{event_id}", tags=["dashboard"], response_class=HTMLResponse,
             summary="A merged event and all its reports (…/{id}.json for the JSON twin)")
    def page_event(request: Request, event_id: str) -> Response:
        return _entity_page(request, event_id, "event", views.event, render.event_page)

    @app.get("/document/{doc_id}", tags=["dashboard"], response_class=HTMLResponse,
             summary="A stored document: cleaned text, removed furniture, trust flags (…/{id}.json)")
    def page_document(request: Request, doc_id: str) -> Response:
        return _entity_page(request, doc_id, "document", views.document, render.document_page)

    @app.get("/stories", tags=["dashboard"], response_class=HTMLResponse,
             summary="Stories: the same news in every language (/stories.json for the JSON twin)")
    def page_stories(request: Request, limit: LimitQ = None, offset: OffsetQ = None,
                     min_documents: MinDocsQ = None) -> Response:
        return _stories(request, False, limit, offset, min_documents)

    @app.get("/stories.json", tags=["dashboard"], summary="Stories page as JSON")
    def page_stories_json(request: Request, limit: LimitQ = None, offset: OffsetQ = None,
                          min_documents: MinDocsQ = None) -> Response:
        return _stories(request, True, limit, offset, min_documents)

    def _stories(request: Request, twin: bool, limit: int | None, offset: int | None,
                 min_documents: int | None) -> Response:
        as_json = _want_json(request, twin)
        lim, off = parse_limit(limit, default=views.STORIES_PAGE), parse_offset(offset)
        if min_documents is not None and min_documents < 1:
            raise ParamError.one("min_documents", min_documents, "must be at least 1")
        md = views.STORIES_MIN_DOCUMENTS if min_documents is None else min_documents
        with store() as st:
            data = views.stories(st, limit=lim, offset=off, min_documents=md)
        if as_json:
            return _page_json(data)
        return _html(render.stories_page(data), render.url("/stories.json", offset=off or None, limit=lim,
                                                             min_documents=md))

    @app.get("/story/{story_id}", tags=["dashboard"], response_class=HTMLResponse,
             summary="One story: its articles in every language and its events (…/{id}.json)")
    def page_story(request: Request, story_id: str) -> Response:
        return _entity_page(request, story_id, "story", views.story,
                            lambda data: render.story_page(data, views.by_language(data["story"]["documents"])))

    @app.get("/search", tags=["dashboard"], response_class=HTMLResponse, summary="Search page (?format=json)")
    def page_search(request: Request, q: Annotated[str, Query(description="Search text.")] = "") -> Response:
        as_json = _want_json(request, False)
        with store() as st:
            results = st.search(q, limit=views.DYAD_PAGE_EVENTS) if q.strip() else []
        data = {"query": q, "results": results}
        if as_json:
            return _page_json(data)
        return _html(render.search_page(data), render.url("/search", q=q, format="json"))

    return app


def run_server(db: str, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info") -> None:
    """Serve the API and dashboard for the store at ``db`` with uvicorn (blocks until stopped)."""
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover
        raise MissingExtraError("server", "uvicorn") from exc
    uvicorn.run(create_app(db), host=host, port=port, log_level=log_level)


__all__ = ["create_app", "run_server"]
