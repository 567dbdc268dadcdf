"""The stories pages on a real server: the list of stories and one story with its articles in
every language, each with a JSON twin equal to the store's answer."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

HTML = {"accept": "text/html"}


def _html(resp: Any) -> str:
    assert resp.status_code == 200, resp.text[:500]
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    return str(resp.text)


def _story_id(store: Any, story_docs: list[Any]) -> str:
    sids = {store.document(d.id)["story_id"] for d in story_docs}
    assert len(sids) == 1, "the three reports of the visit are one story"
    return str(sids.pop())


def test_stories_page_and_twin(http: Any, store: Any, as_json: Any, story_docs: list[Any]) -> None:
    sid = _story_id(store, story_docs)
    twin = http.get("/stories.json").json()
    assert twin == http.get("/stories", params={"format": "json"}).json()
    assert twin["min_documents"] == 2 and twin["offset"] == 0
    assert twin["stories"] == as_json(store.stories(limit=50, offset=0, min_documents=2))
    assert all(s["num_documents"] >= 2 for s in twin["stories"])
    mine = next(s for s in twin["stories"] if s["id"] == sid)
    assert set(mine["langs"]) == {"en", "zh", "vi"} and mine["num_documents"] == 3
    page = _html(http.get("/stories", headers=HTML))
    assert re.findall(r'<tr class="story-row" data-story-id="([^"]+)"', page) == [s["id"] for s in twin["stories"]]
    assert f'href="/story/{sid}"' in page and '<link rel="alternate" type="application/json"' in page
    every = http.get("/stories.json", params={"min_documents": 1, "limit": 500}).json()["stories"]
    assert every == as_json(store.stories(limit=500, offset=0, min_documents=1))
    assert len(every) > len(twin["stories"])
    assert http.get("/stories.json", params={"min_documents": 0}).status_code == 422
    assert '<a href="/stories">Stories</a>' in _html(http.get("/", headers=HTML))


def test_story_page_shows_every_language(http: Any, store: Any, as_json: Any, story_docs: list[Any]) -> None:
    sid = _story_id(store, story_docs)
    twin = http.get(f"/story/{sid}.json").json()
    assert twin == {"story": as_json(store.story(sid))}
    assert http.get(f"/story/{sid}", params={"format": "json"}).json() == twin
    page = _html(http.get(f"/story/{sid}", headers=HTML))
    sections = re.findall(r'<section class="story-lang" data-lang="([^"]+)">(.*?)</section>', page, re.S)
    assert sorted(lang for lang, _ in sections) == ["en", "vi", "zh"]
    for lang, html in sections:
        docs = [d for d in twin["story"]["documents"] if d["lang"] == lang]
        assert re.findall(r'data-doc-id="([^"]+)"', html) == [d["id"] for d in docs]
        for d in docs:
            assert d["title"] in unescape(html) and f'href="/document/{d["id"]}"' in html
    assert "习近平同苏林会谈" in unescape(page) and "Tổng Bí thư Tô Lâm thăm Trung Quốc" in unescape(page)
    rows = re.findall(r'<tr class="event-row" data-event-id="([^"]*)"', page)
    assert rows == [e["id"] for e in twin["story"]["events"]] and len(rows) == 3
    # a document of the story links to the story page
    doc_page = _html(http.get(f"/document/{story_docs[1].id}", headers=HTML))
    assert f'href="/story/{sid}"' in doc_page


def test_unknown_story(http: Any) -> None:
    resp = http.get("/story/nope", headers=HTML)
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    resp = http.get("/story/nope.json")
    assert resp.status_code == 404 and resp.json()["error"]["code"] == "not_found"
