"""Dashboard pages on a real server: HTML that shows the store's data, and JSON twins equal to it."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import Any

import pytest

DYAD = "USA-CHN"
HTML = {"accept": "text/html"}


def _html(resp: Any) -> str:
    assert resp.status_code == 200, resp.text[:500]
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    text = resp.text
    assert text.startswith("<!doctype html>") and '<meta charset="utf-8">' in text
    return text


def _text(page: str) -> str:
    """The text of a page (tags removed, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", "", page))


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr class="event-row" data-event-id="([^"]*)"', page)


def test_assets_are_served_locally(http: Any) -> None:
    page = _html(http.get("/", headers=HTML))
    assert "http://" not in re.sub(r'href="http[^"]*"', "", page.split("<main")[0]), "no CDN in the page head"
    css = http.get("/assets/detente.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css") and "--q4" in css.text
    assert http.get("/assets/detente.js").status_code == 200


def test_overview_page_and_twin(http: Any, store: Any, as_json: Any) -> None:
    page = _html(http.get("/", headers=HTML))
    twin = http.get("/", params={"format": "json"}).json()
    assert twin == http.get("/index.json").json()
    assert twin["stats"] == as_json(store.stats())
    assert twin["dyads"] == as_json(store.dyads(limit=12))
    assert twin["recent_events"] == as_json(store.events(limit=15))
    for d in twin["dyads"]:
        assert twin["timelines"][d["dyad"]] == as_json(store.timeline(d["dyad"], interval="month"))
        linkable = re.fullmatch(r"[A-Z][A-Z0-9]{1,15}-[A-Z][A-Z0-9]{1,15}", d["dyad"]) is not None
        assert (f'href="/dyad/{d["dyad"]}"' in page) == linkable, d["dyad"]
    assert _rows(page) == [e["id"] for e in twin["recent_events"]]
    assert page.count('class="sparkline"') >= 1
    assert '<link rel="alternate" type="application/json"' in page


def test_dyad_page_shows_the_timeline_and_the_events(http: Any, store: Any) -> None:
    page = _html(http.get(f"/dyad/{DYAD}", headers=HTML))
    assert '<svg id="timeline-chart"' in page
    want = store.events(dyad=DYAD, limit=50)
    assert _rows(page) == [e["id"] for e in want]
    timeline = store.timeline(DYAD, interval="month")
    # every non-empty period of the store's timeline is a bar group with the store's total
    totals = dict(re.findall(r'<g class="period" data-period="([^"]+)" data-total="(\d+)"', page))
    for row in timeline:
        assert str(row["period"]) in totals
    assert sum(int(v) for v in totals.values()) == sum(row["count"] for row in timeline)
    for row in timeline:
        assert int(totals[str(row["period"])]) == row["count"]
    # the data table under the chart lists every non-empty period with the store's numbers
    table = re.search(r'<table id="timeline-table">.*?</table>', page, re.S)
    assert table is not None
    trs = re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>', table.group(0))
    assert [label for label, _ in trs] == [str(r["period"]) for r in timeline]
    for (_, cells), row in zip(trs, timeline, strict=True):
        values = re.findall(r"<td[^>]*>([^<]*)</td>", cells)
        assert [int(v) for v in values[:5]] == [row["quad_class"][q] for q in "1234"] + [row["count"]]
        assert float(values[5]) == round(row["goldstein_mean"], 2)
        for t, n in row["types"].items():
            assert f"{t} {n}" in values[6]
    # the hand-coded events in zh and vi are shown as written, with their language marked
    assert "中国与美国周二在华盛顿举行会谈" in _text(page)
    assert "Trung Quốc cáo buộc Mỹ can thiệp" in _text(page)
    assert '<span lang="zh">' in page and '<span lang="vi">' in page


def test_dyad_twin_equals_the_store(http: Any, store: Any, as_json: Any) -> None:
    twin = http.get(f"/dyad/{DYAD}.json").json()
    assert twin == http.get(f"/dyad/{DYAD}", params={"format": "json"}).json()
    assert twin["dyad"] == DYAD and twin["interval"] == "month"
    assert twin["timeline"] == as_json(store.timeline(DYAD, interval="month", since=None, until=None))
    assert twin["events"] == as_json(store.events(dyad=DYAD, limit=50, offset=0))


def test_dyad_controls_filter_both_chart_and_list(http: Any, store: Any, as_json: Any) -> None:
    params = {"interval": "week", "since": "2023-05-01", "until": "2023-07-31", "type": "SANCTION"}
    twin = http.get(f"/dyad/{DYAD}.json", params=params).json()
    since, until = dt.date(2023, 5, 1), dt.date(2023, 7, 31)
    assert twin["timeline"] == as_json(store.timeline(DYAD, interval="week", since=since, until=until))
    assert twin["events"] == as_json(store.events(dyad=DYAD, since=since, until=until, types=["SANCTION"], limit=50))
    assert [e["event"] for e in twin["events"]] == ["SANCTION"]
    page = _html(http.get(f"/dyad/{DYAD}", params=params, headers=HTML))
    assert _rows(page) == [e["id"] for e in twin["events"]]
    assert '<option value="week" selected>' in page and 'value="2023-05-01"' in page
    assert '<option value="SANCTION" selected>' in page


def test_dyad_page_for_an_empty_relationship(http: Any) -> None:
    page = _html(http.get("/dyad/NZL-ISL", headers=HTML))
    assert "No events in this range" in page and not _rows(page)


def test_dyad_page_bad_parameters(http: Any) -> None:
    resp = http.get("/dyad/USA-", headers=HTML)
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("text/html")
    assert "expected two actor codes" in resp.text
    resp = http.get("/dyad/USA-CHN", params={"since": "2023-02-30"}, headers=HTML)
    assert resp.status_code == 422 and "since" in resp.text


def test_event_pages(http: Any, store: Any, as_json: Any) -> None:
    events = store.events(dyad=DYAD, limit=10)
    assert events
    for ev in events:
        twin = http.get(f"/event/{ev['id']}.json").json()
        full = store.event(ev["id"])
        assert twin == {"event": as_json(full)}
        mentions = full.get("mentions") or []
        assert len(mentions) == ev["num_mentions"]
        page = _html(http.get(f"/event/{ev['id']}", headers=HTML))
        assert page.count('class="mention"') == max(1, len(mentions))
        for m in mentions:
            assert f'href="/document/{m["doc_id"]}' in page
            sentence = (m.get("evidence") or {}).get("sentence") or ""
            assert sentence in _text(page)
        assert '<mark class="trigger">' in page
    resp = http.get("/event/nope", headers=HTML)
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")


def test_document_pages(http: Any, store: Any, as_json: Any) -> None:
    docs = store.documents(limit=50, offset=0)
    assert docs
    for d in docs:
        twin = http.get(f"/document/{d['id']}.json").json()
        full = store.document(d["id"])
        assert twin["document"] == as_json(full)
        page = _html(http.get(f"/document/{d['id']}", headers=HTML))
        text = full.get("text") or ""
        # the cleaned text is all there (escaped, with evidence marked)
        shown = re.search(r'<div class="doc-text" id="doc-text"[^>]*>(.*?)</div>', page, re.S)
        assert shown is not None
        assert _text(shown.group(1)) == text
        removed = full.get("removed") or []
        assert page.count("<tr><td class=\"code\">") == len(removed)
        for flag in full.get("flags") or []:
            assert f'<span class="flag">{flag}</span>' in page


@pytest.mark.parametrize("lang_text", ["中国与美国周二在华盛顿举行会谈", "Trung Quốc cáo buộc Mỹ can thiệp"])
def test_document_page_shows_multilingual_text(http: Any, store: Any, lang_text: str) -> None:
    hits = [d for d in store.documents(limit=100, offset=0) if lang_text in (store.document(d["id"]) or {}).get("text", "")]
    assert hits, lang_text
    page = _html(http.get(f"/document/{hits[0]['id']}", headers=HTML))
    assert lang_text in _text(page)


def test_search_page(http: Any, store: Any, as_json: Any) -> None:
    twin = http.get("/search", params={"q": "sanctions", "format": "json"}).json()
    assert twin == {"query": "sanctions", "results": as_json(store.search("sanctions", limit=50))}
    page = _html(http.get("/search", params={"q": "sanctions"}, headers=HTML))
    assert 'value="sanctions"' in page


def test_dyad_page_pagination(http: Any, store: Any) -> None:
    want = [e["id"] for e in store.events(dyad=DYAD, limit=4)]
    assert len(want) == 4
    p1 = _html(http.get(f"/dyad/{DYAD}", params={"limit": 2}, headers=HTML))
    assert _rows(p1) == want[:2]
    nxt = re.search(r'<a rel="next" href="([^"]+)"', p1)
    assert nxt is not None
    p2 = _html(http.get(unescape(nxt.group(1)), headers=HTML))
    assert _rows(p2) == want[2:4]
    assert '<a rel="prev"' in p2


def _alternate(page: str) -> str:
    m = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', page)
    assert m is not None
    return unescape(m.group(1))


def test_every_page_links_its_json_twin(http: Any, store: Any) -> None:
    ev = store.events(dyad=DYAD, limit=1)[0]
    doc = store.documents(limit=1, offset=0)[0]
    pages = ["/", f"/dyad/{DYAD}?interval=week&since=2023-01", f"/event/{ev['id']}", f"/document/{doc['id']}",
             "/search?q=sanctions", "/docs"]
    for path in pages:
        resp = http.get(path, headers=HTML)
        page = _html(resp)
        twin = _alternate(page)
        assert resp.headers["link"].startswith(f"<{twin.split('?')[0]}")
        got = http.get(twin)
        assert got.status_code == 200 and got.headers["content-type"].startswith("application/json"), path
        if path.startswith("/dyad/"):
            assert got.json()["interval"] == "week" and got.json()["since"] == "2023-01-01"


def test_pages_negotiate_json_by_accept_header(http: Any) -> None:
    as_json = http.get(f"/dyad/{DYAD}", headers={"accept": "application/json"})
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_json.json() == http.get(f"/dyad/{DYAD}.json").json()
    assert as_json.headers["vary"] == "Accept"
    html = http.get(f"/dyad/{DYAD}", headers={"accept": "text/html,application/json;q=0.9"})
    assert html.headers["content-type"].startswith("text/html") and html.headers["vary"] == "Accept"
    forced = http.get(f"/dyad/{DYAD}.json", params={"format": "html"}, headers=HTML)
    assert forced.headers["content-type"].startswith("text/html")


def test_markup_from_the_store_is_escaped_everywhere(http: Any, store: Any) -> None:
    docs = [d for d in store.documents(limit=100, offset=0) if "<script>" in (d.get("title") or "")]
    assert len(docs) == 1
    doc = store.document(docs[0]["id"])
    ev_id = doc["events"][0]["event_id"]
    for path in (f"/document/{doc['id']}", f"/event/{ev_id}", f"/dyad/{DYAD}", "/"):
        page = _html(http.get(path, headers=HTML))
        assert "<script>alert" not in page and "<b>warned" not in page, path
        if path != "/":  # shown as text: the markup is in the text, not in the DOM
            assert "China <b>warned</b> the United States against new tariffs & \"controls\"." in _text(page), path
    page = _html(http.get(f"/document/{doc['id']}", headers=HTML))
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Tariff warning" in page
