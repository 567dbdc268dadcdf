"""The REST API on a real server over a real store: every endpoint, filters, CSV, the error shape."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest

from detente.serve.jsonutil import CSV_COLUMNS

DYAD = "USA-CHN"


def _countries(ev: dict[str, Any]) -> set[str | None]:
    return {(ev.get("actor") or {}).get("country"), (ev.get("recipient") or {}).get("country")}


def assert_error(resp: Any, status: int, code: str, param: str | None = None) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "details"}}."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"code", "message", "details"}
    assert err["code"] == code
    assert isinstance(err["message"], str) and err["message"]
    if param is not None:
        assert any(d.get("param") == param for d in err["details"]), err
    return err


# ---------------------------------------------------------------------------- basics


def test_health_docs_and_openapi(http: Any) -> None:
    assert http.get("/api/health").json()["status"] == "ok"
    spec = http.get("/openapi.json").json()
    docs = http.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text
    for path, ops in spec["paths"].items():  # the reference lists every operation of the schema
        for method in ops:
            assert f'<span class="method">{method.upper()}</span> <code>{path}</code>' in docs.text, (method, path)
    for path in ("/api/events", "/api/dyads", "/api/timeline", "/api/documents/{doc_id}", "/api/stories",
                 "/api/stories/{story_id}", "/api/search", "/api/stats", "/api/runs", "/api/actors/lookup",
                 "/api/extract", "/dyad/{dyad}", "/event/{event_id}", "/document/{doc_id}"):
        assert path in spec["paths"], path
    # the documented error shape is ours, not FastAPI's default
    resp422 = spec["paths"]["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
    assert resp422["$ref"].endswith("/ErrorResponse")


def test_stats_runs_dyads_equal_the_store(http: Any, store: Any, as_json: Any) -> None:
    assert http.get("/api/stats").json() == as_json(store.stats())
    assert http.get("/api/runs").json() == {"runs": as_json(store.runs(limit=100))}
    assert http.get("/api/dyads", params={"limit": 5}).json() == {"dyads": as_json(store.dyads(limit=5))}
    dyads = http.get("/api/dyads").json()["dyads"]
    assert any(set(str(d["dyad"]).split("-")) == {"USA", "CHN"} for d in dyads)


# ---------------------------------------------------------------------------- events


def test_events_equal_the_store(http: Any, store: Any, as_json: Any) -> None:
    body = http.get("/api/events").json()
    want = as_json(store.events(limit=100))
    assert body["events"] == want
    assert body["count"] == len(want)
    assert body["query"]["limit"] == 100 and body["query"]["offset"] == 0


def test_dyad_filter_is_direction_free(http: Any, store: Any, as_json: Any) -> None:
    a = http.get("/api/events", params={"dyad": "USA-CHN"}).json()["events"]
    b = http.get("/api/events", params={"dyad": "chn-usa"}).json()["events"]
    assert a == as_json(store.events(dyad="USA-CHN", limit=100))
    assert {e["id"] for e in a} == {e["id"] for e in b}
    assert len(a) >= 5, "the hand-coded USA–CHN events are served"
    for ev in a:
        assert _countries(ev) == {"USA", "CHN"}


def test_directed_dyad(http: Any, store: Any, as_json: Any) -> None:
    body = http.get("/api/events", params={"dyad": "CHN-USA", "directed": "true"}).json()
    assert body["query"]["directed"] is True
    assert body["events"] == as_json(store.events(dyad="CHN-USA", directed=True, limit=100))
    assert body["events"], "hand-coded CHN → USA events exist"
    assert all((e["actor"]["country"], e["recipient"]["country"]) == ("CHN", "USA") for e in body["events"])
    undirected = http.get("/api/events", params={"dyad": "CHN-USA"}).json()["events"]
    assert len(undirected) > len(body["events"])
    tl = http.get("/api/timeline", params={"dyad": "CHN-USA", "directed": "1"}).json()["timeline"]
    assert tl == as_json(store.timeline("CHN-USA", interval="month", directed=True))


def test_hand_coded_events_come_back_whole(http: Any) -> None:
    evs = http.get("/api/events", params={"dyad": DYAD, "since": "2023-05-20", "until": "2023-05-20"}).json()["events"]
    sanction = [e for e in evs if e["event"] == "SANCTION"]
    assert len(sanction) == 1
    ev = sanction[0]
    assert ev["date"] == "2023-05-20" and ev["cameo"] == "163" and ev["quad_class"] == 4
    assert ev["evidence"]["sentence"] == "The United States imposed sanctions on Chinese chip makers on Saturday."
    assert ev["num_sources"] >= 1 and ev["num_languages"] >= 1


def test_date_and_type_filters(http: Any, store: Any, as_json: Any) -> None:
    since, until = dt.date(2023, 3, 1), dt.date(2023, 5, 31)
    evs = http.get("/api/events", params={"since": "2023-03", "until": "2023-05"}).json()["events"]
    assert evs == as_json(store.events(since=since, until=until, limit=100))
    assert evs, "hand-coded events fall in this range"
    assert all("2023-03-01" <= e["date"] <= "2023-05-31" for e in evs)
    typed = http.get("/api/events", params=[("type", "accuse"), ("type", "SANCTION")]).json()["events"]
    assert typed == as_json(store.events(types=["ACCUSE", "SANCTION"], limit=100))
    assert {e["event"] for e in typed} <= {"ACCUSE", "SANCTION"} and typed
    comma = http.get("/api/events", params={"type": "ACCUSE,SANCTION"}).json()["events"]
    assert comma == typed


def test_pagination(http: Any, store: Any, as_json: Any) -> None:
    everything = as_json(store.events(limit=1000))
    assert len(everything) >= 6
    p1 = http.get("/api/events", params={"limit": 3}).json()
    p2 = http.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert [e["id"] for e in p1["events"] + p2["events"]] == [e["id"] for e in everything[:6]]
    assert p1["next"] and "offset=3" in p1["next"]
    assert http.get(p1["next"]).json()["events"] == p2["events"]
    last = http.get("/api/events", params={"limit": 1000}).json()
    assert last["next"] is None


def test_csv_export(http: Any, store: Any) -> None:
    resp = http.get("/api/events", params={"dyad": DYAD, "format": "csv"})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    assert "charset=utf-8" in resp.headers["content-type"]
    assert "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8"))))
    want = store.events(dyad=DYAD, limit=10_000)
    assert [r["id"] for r in rows] == [e["id"] for e in want]
    two = http.get("/api/events", params={"dyad": DYAD, "format": "csv", "limit": 2, "offset": 1})
    assert [r["id"] for r in csv.DictReader(io.StringIO(two.text))] == [e["id"] for e in want[1:3]]
    assert list(rows[0]) == list(CSV_COLUMNS)
    by_id = {e["id"]: e for e in want}
    for r in rows:
        ev = by_id[r["id"]]
        assert r["event"] == ev["event"] and r["date"] == str(ev["date"])
        assert {r["actor_country"], r["recipient_country"]} == {"USA", "CHN"}
        assert r["evidence"] == " ".join(ev["evidence"]["sentence"].split())
    # multilingual text survives the export intact
    assert any("中国与美国" in r["evidence"] for r in rows)
    assert any("cáo buộc" in r["evidence"] for r in rows)


# ---------------------------------------------------------------------------- timeline


@pytest.mark.parametrize("interval", ["month", "week", "day"])
def test_timeline_equals_the_store(http: Any, store: Any, as_json: Any, interval: str) -> None:
    body = http.get("/api/timeline", params={"dyad": DYAD, "interval": interval}).json()
    assert body["dyad"] == DYAD and body["interval"] == interval
    assert body["timeline"] == as_json(store.timeline(DYAD, interval=interval))
    assert body["timeline"], "the hand-coded events give a timeline"


def test_timeline_with_range(http: Any, store: Any, as_json: Any) -> None:
    body = http.get("/api/timeline", params={"dyad": DYAD, "since": "2023-05-01", "until": "2023-07-31"}).json()
    want = store.timeline(DYAD, interval="month", since=dt.date(2023, 5, 1), until=dt.date(2023, 7, 31))
    assert body["timeline"] == as_json(want)
    assert body["since"] == "2023-05-01" and body["until"] == "2023-07-31"


# ---------------------------------------------------------------------------- documents, stories, search


def test_documents(http: Any, store: Any, as_json: Any) -> None:
    listed = http.get("/api/documents", params={"limit": 50}).json()["documents"]
    assert listed == as_json(store.documents(limit=50, offset=0))
    assert len(listed) >= 6
    for d in listed[:3]:
        full = http.get(f"/api/documents/{d['id']}").json()
        assert full == as_json(store.document(d["id"]))
    assert_error(http.get("/api/documents/does-not-exist"), 404, "not_found")
    zh = http.get("/api/documents", params={"lang": "zh"}).json()["documents"]
    assert zh == as_json(store.documents(limit=100, offset=0, lang="zh"))
    assert zh and all(d["lang"] == "zh" for d in zh)


def test_stories(http: Any, store: Any, as_json: Any) -> None:
    stories = http.get("/api/stories").json()["stories"]
    assert stories == as_json(store.stories(limit=100, offset=0))
    for s in stories[:2]:
        sid = s["id"]
        assert http.get(f"/api/stories/{sid}").json() == as_json(store.story(sid))
    assert_error(http.get("/api/stories/does-not-exist"), 404, "not_found")


@pytest.mark.parametrize("q", ["sanctions", "中国", "cáo buộc"])
def test_search(http: Any, store: Any, as_json: Any, q: str) -> None:
    body = http.get("/api/search", params={"q": q}).json()
    assert body["query"] == q
    assert body["results"] == as_json(store.search(q, limit=100))


def test_event_by_id(http: Any, store: Any, as_json: Any) -> None:
    for ev in store.events(dyad=DYAD, limit=3):
        got = http.get(f"/api/events/{ev['id']}").json()
        assert got == as_json(store.event(ev["id"]))
    assert_error(http.get("/api/events/nope"), 404, "not_found")


# ---------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("path", "params", "param"), [
    ("/api/events", {"dyad": "USA-"}, "dyad"),
    ("/api/events", {"dyad": "USA"}, "dyad"),
    ("/api/events", {"since": "2023-13-01"}, "since"),
    ("/api/events", {"until": "last week"}, "until"),
    ("/api/events", {"since": "2024-01-01", "until": "2023-01-01"}, "until"),
    ("/api/events", {"type": "MEET"}, "type"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "many"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/events", {"format": "xml"}, "format"),
    ("/api/events", {"directed": "maybe"}, "directed"),
    ("/api/documents", {"lang": "Chinese!"}, "lang"),
    ("/api/timeline", {"dyad": "USA-CHN", "interval": "year"}, "interval"),
    ("/api/timeline", {"dyad": "-CHN"}, "dyad"),
    ("/api/search", {}, "q"),
    ("/api/search", {"q": "  "}, "q"),
    ("/api/actors/lookup", {"text": "Wang Yi", "date": "2023-02-30"}, "date"),
    ("/api/actors/lookup", {"text": "Wang Yi", "lang": "xx"}, "lang"),
    ("/dyad/USA-.json", {}, "dyad"),
    ("/dyad/.json", {}, "dyad"),
    ("/dyad/USA-CHN.json", {"since": "soon"}, "since"),
])
def test_invalid_parameters_give_422_in_the_error_shape(http: Any, path: str, params: dict[str, str],
                                                        param: str) -> None:
    assert_error(http.get(path, params=params), 422, "invalid_parameter", param)


def test_unknown_paths_and_methods(http: Any) -> None:
    assert_error(http.get("/api/nothing-here"), 404, "not_found")
    assert_error(http.post("/api/events"), 405, "method_not_allowed")
    assert_error(http.get("/event/nope.json"), 404, "not_found")
    assert_error(http.get("/document/nope", params={"format": "json"}), 404, "not_found")


# ---------------------------------------------------------------------------- actors and extract


def test_actor_lookup_agrees_with_the_library(http: Any) -> None:
    """The endpoint answers what ``detente.actors.lookup`` answers — or says it is unavailable when
    the library cannot (no lookup function, or its actor table is missing/invalid)."""
    import dataclasses

    import detente.actors
    from detente.errors import DataError

    params = {"text": "Ngoại trưởng Mỹ", "date": "2023-06-18", "lang": "vi"}
    resp = http.get("/api/actors/lookup", params=params)
    if not hasattr(detente.actors, "lookup"):
        assert_error(resp, 503, "unavailable")
        return
    try:
        want = [dataclasses.asdict(m) for m in detente.actors.lookup("Ngoại trưởng Mỹ", dt.date(2023, 6, 18), "vi")]
    except DataError as exc:
        err = assert_error(resp, 503, "unavailable")
        assert err["message"] == str(exc)
        return
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body == {"text": "Ngoại trưởng Mỹ", "date": "2023-06-18", "lang": "vi", "mentions": want}


EXTRACT_TEXT = ("Ngoại trưởng Mỹ Antony Blinken hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh "
                "ngày 18/6.")


def test_extract_text_is_stateless_and_agrees_with_the_library(http: Any, store: Any, validate_event: Any) -> None:
    import detente
    from detente.errors import DetenteError
    from detente.ingest.sources import make_document
    from detente.options import Options

    before = store.stats()
    resp = http.post("/api/extract", json={"text": EXTRACT_TEXT, "lang": "vi", "date": "2023-06-19"})
    doc = make_document(source="api:extract", text=EXTRACT_TEXT, lang="vi", pub_date=dt.date(2023, 6, 19))
    try:
        want = detente.extract(doc, options=Options(default_lang="vi", pub_date=dt.date(2023, 6, 19)))
    except DetenteError as exc:  # the pipeline itself fails: the API reports it in the error shape
        err = assert_error(resp, 500, "detente_error")
        assert err["message"] == str(exc)
        return
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["count"] == len(body["events"])
    for ev in body["events"]:
        validate_event(ev)
    assert body["events"] == [e.to_dict() for e in want]
    assert body["document"]["id"] == doc.id
    assert store.stats() == before, "extract must not write to the store"


def test_extract_html(http: Any) -> None:
    import detente
    from detente.errors import DetenteError
    from detente.ingest.sources import make_document
    from detente.options import Options

    html = ("<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks</h1>"
            f"<p>{EXTRACT_TEXT}</p></article></body></html>")
    resp = http.post("/api/extract", json={"html": html, "lang": "vi", "date": "2023-06-19"})
    doc = make_document(source="api:extract", html=html, lang="vi", pub_date=dt.date(2023, 6, 19))
    try:
        want = detente.extract(doc, options=Options(default_lang="vi", pub_date=dt.date(2023, 6, 19)))
    except DetenteError as exc:
        assert assert_error(resp, 500, "detente_error")["message"] == str(exc)
        return
    assert resp.status_code == 200, resp.text
    assert resp.json()["events"] == [e.to_dict() for e in want]
    assert resp.json()["document"]["id"] == doc.id


@pytest.mark.parametrize(("body", "param"), [
    ({"text": "a", "html": "<p>b</p>"}, "text"),
    ({}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "x", "lang": "de"}, "lang"),
    ({"text": "x", "date": "18/06/2023"}, "date"),
    ({"text": "x", "colour": "red"}, "colour"),
    ({"text": "x", "min_confidence": 2}, "min_confidence"),
])
def test_extract_rejects_bad_bodies(http: Any, body: dict[str, Any], param: str) -> None:
    assert_error(http.post("/api/extract", json=body), 422, "invalid_parameter", param)


def test_extract_rejects_oversized_text(http: Any) -> None:
    from detente.serve.app import MAX_EXTRACT_CHARS

    err = assert_error(http.post("/api/extract", json={"text": "a" * (MAX_EXTRACT_CHARS + 1)}), 413, "payload_too_large")
    assert err["details"]["max_chars"] == MAX_EXTRACT_CHARS
    assert_error(http.get("/api/extract"), 405, "method_not_allowed")


def test_extract_rejects_non_json(http: Any) -> None:
    resp = http.post("/api/extract", content=b"not json", headers={"content-type": "application/json"})
    assert_error(resp, 422, "invalid_parameter")
