"""Server-side HTML of the dashboard pages, rendered with the standard library.

Every function takes the page's data — exactly the JSON twin of the page (see
:mod:`detente.serve.views`) — and returns HTML. Every value from the store is escaped;
multilingual text carries its ``lang`` attribute so browsers pick the right fonts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from ..records import PLOVER_TYPES
from ..version import CODER_VERSION, __version__
from .assets import CSS_VERSION, JS_VERSION
from .charts import QUAD_CLASSES, Period, sparkline_svg, timeline_svg
from .params import INTERVALS, ParamError, parse_dyad

Row = Mapping[str, Any]


def e(value: object) -> str:
    """HTML-escaped text of a value (``None`` → empty)."""
    return "" if value is None else escape(str(value))


def is_web_url(value: object) -> bool:
    """Only http(s) URLs from the store become links (never ``javascript:`` or ``data:``)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def url(path: str, **params: object) -> str:
    """A URL with the non-empty query parameters (lists repeat the parameter)."""
    items: list[tuple[str, str]] = []
    for k, v in params.items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, list | tuple):
            items += [(k, str(x)) for x in v]
        else:
            items.append((k, str(v)))
    return path + ("?" + urlencode(items) if items else "")


def layout(title: str, body: str, *, twin: str | None = None, q: str = "") -> str:
    """The page shell: header with navigation and search, main content, footer with the JSON twin."""
    twin_link = f'<link rel="alternate" type="application/json" href="{e(twin)}">' if twin else ""
    twin_foot = f'<a href="{e(twin)}">This page as JSON</a> · ' if twin else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} — détente</title>"
        f'<link rel="stylesheet" href="/assets/detente.css?v={CSS_VERSION}">'
        f"{twin_link}</head><body>"
        '<a class="skip" href="#main">Skip to content</a>'
        '<header class="site"><nav aria-label="Main">'
        '<a class="brand" href="/">détente</a><a href="/">Overview</a><a href="/stories">Stories</a><a href="/docs">API</a>'
        '<form role="search" action="/search" method="get"><label for="q" class="skip">Search events</label>'
        f'<input type="search" id="q" name="q" value="{e(q)}" placeholder="Search evidence, actors…">'
        "<button>Search</button></form></nav></header>"
        f'<main id="main">{body}</main>'
        f"<footer>{twin_foot}<a href=\"/docs\">REST API</a> · détente {e(__version__)} ({e(CODER_VERSION)})</footer>"
        f'<script src="/assets/detente.js?v={JS_VERSION}" defer></script></body></html>'
    )


# ---------------------------------------------------------------------------- small pieces


def quad_of(ev: Row) -> int:
    """The event's QuadClass (1–4), 0 when unknown."""
    try:
        q = int(ev.get("quad_class") or 0)
    except (TypeError, ValueError):
        return 0
    return q if q in QUAD_CLASSES else 0


def type_badge(ev: Row) -> str:
    """The PLOVER type as a coloured badge with CAMEO, Goldstein and QuadClass in its title."""
    q = quad_of(ev)
    qlabel = QUAD_CLASSES[q][0] if q else "QuadClass unknown"
    tip = f"CAMEO {ev.get('cameo')} · Goldstein {ev.get('goldstein')} · {qlabel}"
    mode = f' <span class="muted">({e(ev.get("mode"))})</span>' if ev.get("mode") else ""
    return f'<span class="type q{q}" title="{e(tip)}">{e(ev.get("event"))}</span>{mode}'


def actor_html(a: Row | None) -> str:
    """An actor: resolved name (or text) and code, with the text as written in its title."""
    if not a:
        return '<span class="muted">—</span>'
    name = a.get("name") or a.get("text") or a.get("code") or "?"
    code = a.get("code") or a.get("country") or ""
    title = f' title="{e(a.get("text"))}"' if a.get("text") and a.get("text") != name else ""
    return f'<span{title}>{e(name)}</span> <span class="code">{e(code)}</span>'


def _rel(ev_start: Any, pos: Any) -> int | None:
    try:
        return int(pos) - int(ev_start or 0)
    except (TypeError, ValueError):
        return None


def mark_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Escape ``text`` and wrap the given non-overlapping ``(start, end, css_class)`` spans in ``<mark>``."""
    out, pos = [], 0
    for s, t, cls in sorted((s, t, c) for s, t, c in spans if 0 <= s < t <= len(text)):
        if s < pos:
            continue
        out.append(e(text[pos:s]))
        out.append(f'<mark class="{cls}">{e(text[s:t])}</mark>')
        pos = t
    out.append(e(text[pos:]))
    return "".join(out)


def evidence_spans(ev: Row) -> list[tuple[int, int, str]]:
    """Spans (relative to the evidence sentence) of the trigger, the actor and the recipient texts."""
    evid = ev.get("evidence") or {}
    sent = str(evid.get("sentence") or "")
    spans: list[tuple[int, int, str]] = []
    trig = str(evid.get("trigger") or "")
    ts, te = _rel(evid.get("start"), evid.get("trigger_start")), _rel(evid.get("start"), evid.get("trigger_end"))
    if ts is not None and te is not None and sent[ts:te] == trig and trig:
        spans.append((ts, te, "trigger"))
    elif trig and trig in sent:
        i = sent.index(trig)
        spans.append((i, i + len(trig), "trigger"))
    for key in ("actor", "recipient"):
        t = str((ev.get(key) or {}).get("text") or "")
        if t and t in sent:
            i = sent.index(t)
            spans.append((i, i + len(t), key))
    return spans


def evidence_html(ev: Row, lang: str | None = None) -> str:
    """The evidence sentence with trigger, actor and recipient highlighted."""
    sent = str((ev.get("evidence") or {}).get("sentence") or "")
    lang = lang or ev.get("lang")
    la = f' lang="{e(lang)}"' if lang else ""
    return f"<span{la}>{mark_spans(sent, evidence_spans(ev))}</span>"


def _num(v: Any, default: int = 1) -> str:
    return e(v if v is not None else default)


def _doc_ids(ev: Row) -> list[str]:
    ids: list[str] = []
    for m in ev.get("mentions") or []:
        d = m.get("doc_id") if isinstance(m, Mapping) else None
        if d and d not in ids:
            ids.append(str(d))
    if not ids and ev.get("doc_id"):
        ids.append(str(ev["doc_id"]))
    return ids


def events_table(events: list[Row], *, caption: str, show_dyad: bool = True) -> str:
    """The event list: date, type, actors, sources/languages, evidence linking to the event and its documents."""
    if not events:
        return f'<p class="muted" id="events-empty">No events. <span class="skip">{e(caption)}</span></p>'
    head = (
        f'<table id="events" class="events"><caption>{e(caption)}</caption><thead><tr>'
        '<th scope="col">Date</th><th scope="col">Type</th>'
        + ('<th scope="col">Actor</th><th scope="col">Recipient</th>' if show_dyad else "")
        + '<th scope="col" class="num" title="reports (mentions)">Reports</th>'
        '<th scope="col" class="num">Sources</th><th scope="col" class="num">Langs</th>'
        '<th scope="col">Evidence and documents</th></tr></thead><tbody>'
    )
    rows = []
    for ev in events:
        eid = str(ev.get("id") or "")
        docs = _doc_ids(ev)
        doc_links = " ".join(
            f'<a href="/document/{quote(d)}" title="document {e(d)}">[{i}]</a>' for i, d in enumerate(docs, 1)
        )
        docs_html = f' <span class="docs">{doc_links}</span>' if doc_links else ""
        rows.append(
            f'<tr class="event-row" data-event-id="{e(eid)}">'
            f'<td class="date">{e(ev.get("date") or "—")}</td><td>{type_badge(ev)}</td>'
            + (f"<td>{actor_html(ev.get('actor'))}</td><td>{actor_html(ev.get('recipient'))}</td>" if show_dyad else "")
            + f'<td class="num">{_num(ev.get("num_mentions"))}</td>'
            f'<td class="num">{_num(ev.get("num_sources"))}</td><td class="num">{_num(ev.get("num_languages"))}</td>'
            f'<td class="evidence"><a href="/event/{quote(eid)}">{evidence_html(ev)}</a>{docs_html}</td></tr>'
        )
    return head + "".join(rows) + "</tbody></table>"


def legend() -> str:
    """Legend of the timeline chart."""
    items = "".join(f'<li><span class="sw {cls}" aria-hidden="true"></span>{e(label)}</li>'
                    for label, cls in QUAD_CLASSES.values())
    return f'<ul class="legend" aria-label="Legend">{items}<li><span class="sw gold" aria-hidden="true"></span>mean Goldstein (right axis)</li></ul>'


def timeline_table(periods: list[Period]) -> str:
    """The chart's numbers as an accessible table (inside a disclosure)."""
    heads = "".join(f'<th scope="col" class="num">{e(label)}</th>' for label, _ in QUAD_CLASSES.values())
    def types(p: Period) -> str:
        return ", ".join(f"{e(t)} {n}" for t, n in sorted(p.types.items(), key=lambda kv: (-kv[1], kv[0])))

    rows = "".join(
        f'<tr><th scope="row">{e(p.label)}</th>' + "".join(f'<td class="num">{c}</td>' for c in p.quads)
        + f'<td class="num">{p.total}</td><td class="num">{"" if p.goldstein is None else f"{p.goldstein:+.2f}"}</td>'
        f"<td>{types(p)}</td></tr>"
        for p in periods if p.total
    )
    return (
        '<details><summary>Chart data as a table</summary><table id="timeline-table"><thead><tr>'
        f'<th scope="col">Period</th>{heads}<th scope="col" class="num">Total</th>'
        f'<th scope="col" class="num">Mean Goldstein</th><th scope="col">Event types</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def cards(items: list[tuple[str, object]]) -> str:
    """A row of key figures."""
    return '<dl class="cards">' + "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in items) + "</dl>"


# ---------------------------------------------------------------------------- pages


def overview_page(data: Mapping[str, Any], spark: Mapping[str, list[int]]) -> str:
    """``/``: store statistics, top dyads with sparklines, recent events."""
    stats = data.get("stats") or {}
    keys = ("documents", "events", "mentions", "dyads", "stories", "actors", "runs")
    figures: list[tuple[str, object]] = [(k, stats[k]) for k in keys if k in stats]
    langs = stats.get("languages") or {}
    flagged = stats.get("flagged_documents") or {}
    span = (f"Events from {e(stats.get('first_event'))} to {e(stats.get('last_event'))}."
            if stats.get("first_event") else "No events yet.")
    lang_line = ", ".join(f"{e(k)} {e(v)}" for k, v in langs.items()) if isinstance(langs, Mapping) else ""
    flag_line = ", ".join(f"{e(k)} {e(v)}" for k, v in flagged.items()) if isinstance(flagged, Mapping) else ""
    dyad_rows = []
    for d in data.get("dyads") or []:
        name = str(d.get("dyad"))
        try:
            link = f'<a href="/dyad/{quote(name)}">{e(name)}</a>' if parse_dyad(name) else e(name)
        except ParamError:  # a side the dyad syntax cannot express (e.g. "---CVL")
            link = e(name)
        dyad_rows.append(
            f'<tr><th scope="row">{link}</th>'
            f'<td class="num">{e(d.get("events", d.get("count")))}</td>'
            f'<td>{sparkline_svg(spark.get(name, []), label=f"events per month, {name}")}</td></tr>'
        )
    dyads = (
        '<table id="dyads"><caption>Most reported relationships (deduplicated events)</caption><thead><tr>'
        '<th scope="col">Dyad</th><th scope="col" class="num">Events</th><th scope="col">Per month</th></tr></thead>'
        f"<tbody>{''.join(dyad_rows)}</tbody></table>" if dyad_rows else '<p class="muted">No dyads yet.</p>'
    )
    body = (
        "<h1>Event store overview</h1>"
        f'<p class="sub">{span} Documents by language: {lang_line or "none"}.'
        f'{" Flagged documents: " + flag_line + "." if flag_line else ""}</p>'
        f"{cards(figures)}"
        f"<h2>Relationships</h2>{dyads}"
        f"<h2>Recent events</h2>{events_table(list(data.get('recent_events') or []), caption='Most recent events')}"
    )
    return layout("Overview", body, twin="/?format=json")


def dyad_page(data: Mapping[str, Any], periods: list[Period]) -> str:
    """``/dyad/A-B``: the relationship over time and its event list."""
    dyad = str(data["dyad"])
    a, b = dyad.split("-", 1)
    total = sum(p.total for p in periods)
    golds = [(p.goldstein, p.total) for p in periods if p.goldstein is not None and p.total]
    mean = sum(g * n for g, n in golds) / sum(n for _, n in golds) if golds else None
    types = set(data.get("types") or [])
    interval_opts = "".join(
        f'<option value="{i}"{" selected" if i == data.get("interval") else ""}>{i}</option>' for i in INTERVALS
    )
    type_opts = '<option value="">all types</option>' + "".join(
        f'<option value="{t}"{" selected" if t in types else ""}>{t}</option>' for t in PLOVER_TYPES
    )
    controls = (
        f'<form class="controls" method="get" action="/dyad/{quote(dyad)}" aria-label="Filter the relationship">'
        f'<label for="interval">Interval<select id="interval" name="interval">{interval_opts}</select></label>'
        f'<label for="since">From<input id="since" name="since" type="date" value="{e(data.get("since"))}"></label>'
        f'<label for="until">To<input id="until" name="until" type="date" value="{e(data.get("until"))}"></label>'
        f'<label for="type">Event type<select id="type" name="type">{type_opts}</select></label>'
        "<button>Apply</button></form>"
    )
    desc = (f"Events between {a} and {b} per {data.get('interval')}, stacked by QuadClass, with the mean "
            f"Goldstein score; {total} events in all.")
    chart = timeline_svg(periods, title=f"{a}–{b}: events per {data.get('interval')} by QuadClass", desc=desc)
    events = list(data.get("events") or [])
    limit, offset = int(data.get("limit") or 0), int(data.get("offset") or 0)
    base = {"interval": data.get("interval"), "since": data.get("since"), "until": data.get("until"),
            "type": list(types), "limit": limit}
    pager = []
    if offset > 0:
        pager.append(f'<a rel="prev" href="{e(url("/dyad/" + dyad, **base, offset=max(0, offset - limit)))}">← newer</a>')
    if limit and len(events) == limit:
        pager.append(f'<a rel="next" href="{e(url("/dyad/" + dyad, **base, offset=offset + limit))}">older →</a>')
    csv_link = url("/api/events", dyad=dyad, since=data.get("since"), until=data.get("until"), type=list(types),
                   format="csv", limit=10000)
    body = (
        f"<h1>{e(a)}–{e(b)}</h1>"
        f'<p class="sub">Bilateral relationship over time (both directions), deduplicated events.</p>'
        f"{controls}"
        + cards([("events", total), ("mean Goldstein", "—" if mean is None else f"{mean:+.2f}"),
                 ("periods", sum(1 for p in periods if p.total))])
        + f'<h2 id="timeline">Events per {e(data.get("interval"))}</h2><figure>{chart}'
        f"<figcaption>{legend()}</figcaption></figure>{timeline_table(periods)}"
        f'<h2 id="events-heading">Events</h2>'
        f'<p><a href="{e(csv_link)}">Download CSV</a></p>'
        f"{events_table(events, caption=f'Events between {a} and {b}, newest first')}"
        f'<nav class="pager" aria-label="Pages">{"".join(pager)}</nav>'
    )
    twin = url(f"/dyad/{dyad}.json", interval=data.get("interval"), since=data.get("since"),
               until=data.get("until"), type=list(types), limit=limit, offset=offset or None)
    return layout(f"{a}–{b}", body, twin=twin)


def _dl(pairs: list[tuple[str, str]]) -> str:
    return '<dl class="kv">' + "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def event_page(data: Mapping[str, Any]) -> str:
    """``/event/{id}``: the merged event and every report of it, with the evidence highlighted."""
    ev = data["event"]
    loc = ev.get("location") or {}
    prov = ev.get("provenance") or {}
    flags = "".join(f'<span class="flag">{e(f)}</span>' for f in ev.get("flags") or []) or '<span class="flag ok">none</span>'
    a, r = ev.get("actor") or {}, ev.get("recipient") or {}
    ca, cr = a.get("country"), r.get("country")
    dyad_link = f'<a href="/dyad/{quote(f"{ca}-{cr}")}">{e(ca)}–{e(cr)}</a>' if ca and cr else "—"
    facts = [
        ("Type", type_badge(ev)),
        ("CAMEO", f'<span class="code">{e(ev.get("cameo"))}</span>'),
        ("Goldstein", e(ev.get("goldstein"))),
        ("QuadClass", e(QUAD_CLASSES.get(quad_of(ev), ("unknown",))[0])),
        ("Date", e(ev.get("date")) + (f' <span class="muted">({e(ev.get("date_precision"))})</span>'
                                     if ev.get("date_precision") else "")),
        ("Actor", actor_html(a)),
        ("Recipient", actor_html(r)),
        ("Relationship", dyad_link),
        ("Location", e(loc.get("name") or loc.get("text") or "—")),
        ("Reports / sources / languages",
         f'{_num(ev.get("num_mentions"))} / {_num(ev.get("num_sources"))} / {_num(ev.get("num_languages"))}'),
        ("First / last seen", f'{e(ev.get("first_seen") or "—")} / {e(ev.get("last_seen") or "—")}'),
        ("Confidence", e(ev.get("confidence"))),
        ("Flags", flags),
        ("Story", f'<a href="/api/stories/{quote(str(ev["story_id"]))}">{e(ev["story_id"])}</a>'
                  if ev.get("story_id") else "—"),
        ("Coded by", f'<span class="code">{e(prov.get("coder"))} · {e(prov.get("lexicon_entry"))}</span>'),
    ]
    mentions = list(ev.get("mentions") or []) or [ev]
    blocks = []
    for i, m in enumerate(mentions, 1):
        did = str(m.get("doc_id") or "")
        title = m.get("title") or m.get("url") or did
        lang = m.get("lang")
        la = f' lang="{e(lang)}"' if lang else ""
        site = m.get("site") or m.get("url")
        src_html = (f' · <a href="{e(m["url"])}" rel="noreferrer">{e(site)}</a>' if is_web_url(m.get("url"))
                    else (f" · {e(site)}" if site else ""))
        start = (m.get("evidence") or {}).get("start")
        anchor = f"#offset-{start}" if start is not None else ""
        mflags = "".join(f' <span class="flag">{e(f)}</span>' for f in m.get("flags") or [])
        blocks.append(
            f'<article class="mention" id="mention-{i}"><h3>Report {i}: '
            f'<a href="/document/{quote(did)}{anchor}"{la}>{e(title)}</a></h3>'
            f'<p class="muted">{e(lang or "?")} · published {e(m.get("pub_date") or "?")} · event date '
            f'{e(m.get("date") or "?")}{src_html} · {type_badge(m)} · confidence {e(m.get("confidence"))}{mflags}</p>'
            f'<blockquote>{evidence_html({**m, "actor": m.get("actor") or a, "recipient": m.get("recipient") or r}, lang)}'
            "</blockquote></article>"
        )
    body = (
        f'<h1>{e(ev.get("event"))}: {e(a.get("name") or a.get("code") or "?")} → '
        f'{e(r.get("name") or r.get("code") or "?")}</h1>'
        f'<p class="sub">Event <span class="code">{e(ev.get("id"))}</span></p>'
        f"{_dl(facts)}<h2>Evidence ({len(mentions)} report{'s' if len(mentions) != 1 else ''})</h2>"
        f'<ul class="legend" aria-label="Highlight legend"><li><mark class="trigger">trigger</mark></li>'
        f'<li><mark class="actor">actor</mark></li><li><mark class="recipient">recipient</mark></li></ul>'
        + "".join(blocks)
    )
    return layout(f"Event {ev.get('event')}", body, twin=f"/event/{quote(str(ev.get('id')))}.json")


def _doc_events_table(events: list[Row], lang: str | None) -> str:
    """The events coded from one document (its mentions), each linking to its merged event."""
    if not events:
        return '<p class="muted">No events were coded from this document.</p>'
    rows = []
    for ev in events:
        evid = ev.get("evidence") or {}
        target = str(ev.get("event_id") or ev.get("id") or "")
        rows.append(
            f'<tr class="event-row" data-event-id="{e(target)}"><td class="date">{e(ev.get("date") or "—")}</td>'
            f"<td>{type_badge(ev)}</td><td>{actor_html(ev.get('actor'))}</td><td>{actor_html(ev.get('recipient'))}</td>"
            f'<td class="evidence"><a href="#offset-{e(evid.get("start"))}">{evidence_html(ev, lang)}</a> '
            f'<a href="/event/{quote(target)}">merged event →</a></td></tr>'
        )
    return (
        '<table id="events"><caption>Events coded from this document (each links to the merged event)</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Actor</th>'
        '<th scope="col">Recipient</th><th scope="col">Evidence</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table>"
    )


def document_page(data: Mapping[str, Any]) -> str:
    """``/document/{id}``: the cleaned text with evidence highlighted, removed furniture and trust flags."""
    doc = data["document"]
    text = str(doc.get("text") or "")
    lang = doc.get("lang")
    la = f' lang="{e(lang)}"' if lang else ""
    events = list(doc.get("events") or [])
    spans: list[tuple[int, int, str]] = []
    for ev in events:
        evid = ev.get("evidence") or {}
        start, end = evid.get("start"), evid.get("end")
        if isinstance(start, int) and isinstance(end, int):
            spans.append((start, end, "evidence"))
    flags = doc.get("flags") or []
    flag_html = "".join(f'<span class="flag">{e(f)}</span>' for f in flags) or '<span class="flag ok">no trust flags</span>'
    signals = doc.get("signals") or {}
    sig_html = ""
    if signals:
        sig_html = ("<details><summary>Signals behind the trust flags</summary><dl class=\"kv\" id=\"signals\">"
                    + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in sorted(signals.items())) + "</dl></details>")
    conf = doc.get("lang_confidence")
    facts = [
        ("Title", f"<span{la}>{e(doc.get('title') or '—')}</span>"),
        ("Site", e(doc.get("site") or "—")),
        ("URL", (f'<a href="{e(doc["url"])}" rel="noreferrer">{e(doc["url"])}</a>' if is_web_url(doc.get("url"))
                 else e(doc.get("url") or "—"))),
        ("Source", e(doc.get("source") or "—")),
        ("Language", e(lang or "?") + (f' <span class="muted">({float(conf):.2f})</span>'
                                       if isinstance(conf, int | float) else "")),
        ("Published", e(doc.get("pub_date") or "—") + (f' <span class="muted">({e(doc.get("pub_date_source"))})</span>'
                                                       if doc.get("pub_date_source") else "")),
        ("Story", f'<a href="/story/{quote(str(doc["story_id"]))}">{e(doc["story_id"])}</a>'
                  if doc.get("story_id") else "—"),
        ("Trust flags", flag_html + sig_html),
    ]
    related = list(doc.get("related") or [])
    rel_html = ""
    if related:
        rel_html = "<h2>Same story elsewhere</h2><ul id=\"related\">" + "".join(
            f'<li><a href="/document/{quote(str(r.get("id")))}" lang="{e(r.get("lang") or "")}">'
            f'{e(r.get("title") or r.get("id"))}</a> <span class="muted">{e(r.get("site") or "")} · '
            f'{e(r.get("lang") or "?")} · {e(r.get("pub_date") or "")}</span></li>' for r in related) + "</ul>"
    removed = list(doc.get("removed") or [])
    rem_rows = "".join(
        f'<tr><td class="code">{e(r.get("rule"))}</td><td class="num">{e(r.get("start"))}–{e(r.get("end"))}</td>'
        f'<td class="removed"{la}>{e(r.get("text"))}</td></tr>'
        for r in removed
    )
    rem_html = (
        '<table id="removed"><caption>Site furniture removed before coding (offsets into the raw text)</caption>'
        '<thead><tr><th scope="col">Rule</th><th scope="col" class="num">Offsets</th><th scope="col">Text</th>'
        f"</tr></thead><tbody>{rem_rows}</tbody></table>" if removed else '<p class="muted">Nothing was removed.</p>'
    )
    body = (
        f"<h1{la}>{e(doc.get('title') or doc.get('source') or doc.get('id'))}</h1>"
        f'<p class="sub">Document <span class="code">{e(doc.get("id"))}</span></p>'
        f"{_dl(facts)}<h2>Events ({len(events)})</h2>{_doc_events_table(events, lang)}"
        f'<h2>Cleaned text</h2><div class="doc-text" id="doc-text"{la}>{_mark_with_anchors(text, spans)}</div>'
        f"<h2>Removed furniture ({len(removed)})</h2>{rem_html}{rel_html}"
    )
    return layout(str(doc.get("title") or "Document"), body, twin=f"/document/{quote(str(doc.get('id')))}.json")


def _mark_with_anchors(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, t, cls in sorted(set(spans)):
        if s < pos or not (0 <= s < t <= len(text)):
            continue
        out.append(e(text[pos:s]))
        out.append(f'<mark class="{cls}" id="offset-{s}">{e(text[s:t])}</mark>')
        pos = t
    out.append(e(text[pos:]))
    return "".join(out)


def _langs(langs: object) -> str:
    return " ".join(f'<span class="flag ok" lang="{e(x)}">{e(x)}</span>' for x in (langs or [])  # type: ignore[attr-defined]
                    ) or '<span class="muted">?</span>'


def stories_page(data: Mapping[str, Any]) -> str:
    """``/stories``: stories with their languages, sites, actors, size and dates, paged."""
    items = list(data.get("stories") or [])
    limit, offset = int(data.get("limit") or 50), int(data.get("offset") or 0)
    min_docs = int(data.get("min_documents") or 1)
    rows = "".join(
        f'<tr class="story-row" data-story-id="{e(s.get("id"))}">'
        f'<th scope="row"><a href="/story/{quote(str(s.get("id")))}">{e(s.get("title") or s.get("id"))}</a></th>'
        f'<td class="num">{e(s.get("num_documents"))}</td><td class="num">{e(s.get("num_events"))}</td>'
        f"<td>{_langs(s.get('langs'))}</td><td>{e(', '.join(s.get('actors') or []))}</td>"
        f'<td>{e(s.get("first_seen") or "")} – {e(s.get("last_seen") or "")}</td></tr>'
        for s in items
    )
    table = (
        '<table id="stories"><caption>Stories: articles about the same events, people and days, in any language'
        '</caption><thead><tr><th scope="col">Story</th><th scope="col" class="num">Articles</th>'
        '<th scope="col" class="num">Events</th><th scope="col">Languages</th><th scope="col">Actors</th>'
        f'<th scope="col">Seen</th></tr></thead><tbody>{rows}</tbody></table>'
        if items else '<p class="muted">No stories with this many articles yet.</p>'
    )
    nav = []
    if offset > 0:
        nav.append(f'<a rel="prev" href="{e(url("/stories", offset=max(0, offset - limit), limit=limit, min_documents=min_docs))}">Newer stories</a>')
    if len(items) == limit:
        nav.append(f'<a rel="next" href="{e(url("/stories", offset=offset + limit, limit=limit, min_documents=min_docs))}">More stories</a>')
    body = (
        "<h1>Stories</h1>"
        f'<p class="sub">Stories of at least {min_docs} article{"s" if min_docs != 1 else ""}, largest and most '
        f'recent first. <a href="{e(url("/stories", min_documents=1))}">Show every story</a></p>'
        f'{table}<p class="pager">{" · ".join(nav)}</p>'
    )
    return layout("Stories", body, twin=url("/stories.json", offset=offset or None, limit=limit,
                                              min_documents=min_docs))


def story_page(data: Mapping[str, Any], groups: list[tuple[str, list[Row]]]) -> str:
    """``/story/{id}``: one story: its articles grouped by language, and its events."""
    st = data["story"]
    sid = str(st.get("id"))
    facts = [
        ("Articles", e(st.get("num_documents"))),
        ("Events", e(st.get("num_events"))),
        ("Languages", _langs(st.get("langs"))),
        ("Sites", e(", ".join(st.get("sites") or []) or "—")),
        ("Actors", e(", ".join(st.get("actors") or []) or "—")),
        ("Seen", f'{e(st.get("first_seen") or "?")} – {e(st.get("last_seen") or "?")}'),
    ]
    sections = []
    for lang, docs in groups:
        items = "".join(
            f'<li class="story-doc" data-doc-id="{e(d.get("id"))}"><a href="/document/{quote(str(d.get("id")))}" '
            f'lang="{e(d.get("lang") or "")}">{e(d.get("title") or d.get("id"))}</a> <span class="muted">'
            f'{e(d.get("site") or "")} · {e(d.get("pub_date") or "")}'
            + "".join(f' <span class="flag">{e(f)}</span>' for f in (d.get("flags") or []))
            + (f' · <a href="{e(d["url"])}" rel="noreferrer">source</a>' if is_web_url(d.get("url")) else "")
            + "</span></li>"
            for d in docs
        )
        sections.append(f'<section class="story-lang" data-lang="{e(lang)}"><h3>{e(lang)} '
                        f'<span class="muted">({len(docs)})</span></h3><ul>{items}</ul></section>')
    events = list(st.get("events") or [])
    body = (
        f"<h1>{e(st.get('title') or sid)}</h1>"
        f'<p class="sub">Story <span class="code">{e(sid)}</span></p>{_dl(facts)}'
        f"<h2>Articles by language</h2>{''.join(sections) or '<p class=muted>No articles.</p>'}"
        f"<h2>Events ({len(events)})</h2>{events_table(events, caption='Events reported by the articles of this story')}"
    )
    return layout(str(st.get("title") or "Story"), body, twin=f"/story/{quote(sid)}.json")


def search_page(data: Mapping[str, Any]) -> str:
    """``/search?q=``: events matching a full-text query."""
    q = str(data.get("query") or "")
    results = list(data.get("results") or [])
    body = f"<h1>Search: {e(q)}</h1>" + events_table(results, caption=f"Events matching “{q}”")
    return layout(f"Search {q}", body, twin=url("/search", q=q, format="json"), q=q)


def error_page(status: int, code: str, message: str, details: object = None) -> str:
    """An HTML error page (the HTML counterpart of the JSON error shape)."""
    det = ""
    if isinstance(details, list) and details:
        det = "<ul>" + "".join(
            f"<li><code>{e(d.get('param') if isinstance(d, Mapping) else '')}</code>: "
            f"{e(d.get('message') if isinstance(d, Mapping) else d)}</li>" for d in details) + "</ul>"
    body = (f'<h1>{status}: {e(code.replace("_", " "))}</h1><div class="error-box" role="alert">'
            f"<p>{e(message)}</p>{det}</div><p><a href=\"/\">Back to the overview</a></p>")
    return layout(f"Error {status}", body)
