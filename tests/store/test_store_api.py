"""The store API on both backends: open/migrate, ingest, idempotency, queries, runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from detente.errors import StoreError
from detente.pipeline import RunSummary
from detente.records import Event
from detente.store import open_store
from detente.store.schema import MIGRATIONS, current_version


def _snapshot(store: Any) -> dict[str, Any]:
    evs = store.events()
    return {
        "stats": {k: v for k, v in store.stats().items() if k != "runs"},
        "events": sorted((e["id"], e["num_mentions"], e["num_sources"], e["num_languages"], e["date"],
                          tuple(e["trust_flags"]), e["first_seen"], e["last_seen"]) for e in evs),
        "docs": sorted((d["id"], tuple(d["flags"]), d["story_id"]) for d in store.documents(limit=None)),
    }


def test_open_migrates_and_records_versions(store_url: str) -> None:
    with open_store(store_url) as s:
        assert s.schema_version() == current_version() == MIGRATIONS[-1].version
        assert s.stats()["events"] == 0
    with open_store(store_url) as s:  # reopening does not re-run migrations
        assert s.schema_version() == current_version()
        with s._tx(write=False) as c:
            from sqlalchemy import text

            versions = [r[0] for r in c.execute(text("SELECT version FROM schema_version ORDER BY version"))]
        assert versions == [m.version for m in MIGRATIONS]


def test_default_path_is_detente_db_in_cwd(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        assert s.dialect == "sqlite"
    assert (tmp_path / "detente.db").exists()


def test_sqlite_is_wal_with_fts5(tmp_path: Any) -> None:
    import sqlite3

    with open_store(tmp_path / "x.db"):
        pass
    con = sqlite3.connect(tmp_path / "x.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "mentions", "events", "stories", "actors", "runs", "documents_fts"} <= names
    # Datasette's detection of a table's full-text index (datasette.utils.detect_fts_sql)
    fts = con.execute("""select name from sqlite_master where rootpage = 0 and (
        sql like '%VIRTUAL TABLE%USING FTS%content="documents"%'
        or sql like '%VIRTUAL TABLE%USING FTS%content=[documents]%')""").fetchall()
    assert fts == [("documents_fts",)]
    con.close()


def test_bad_url_is_a_store_error(tmp_path: Any) -> None:
    with pytest.raises(StoreError):
        open_store("postgresql://nobody:x@127.0.0.1:1/none")


def test_ingest_is_idempotent(store: Any, fx: Any) -> None:
    docs = fx.corpus()
    st = store.ingest(iter(docs))
    assert st.documents == len(docs) and st.documents_existing == 0
    assert st.mentions == sum(len(d.events) for d in docs)
    before = _snapshot(store)
    again = store.ingest(iter(fx.corpus()))
    assert again.documents == 0 and again.documents_existing == len(docs) and again.mentions == 0
    assert _snapshot(store) == before
    assert all(store.has_document(d.id) for d in docs)
    assert not store.has_document("nope")


def test_ingest_accepts_a_lazy_iterator_and_commits_in_batches(store: Any, fx: Any) -> None:
    docs = fx.corpus()
    seen: list[int] = []

    def gen() -> Any:
        for i, d in enumerate(docs):
            seen.append(i)
            yield d

    st = store.ingest(gen(), batch_size=3)
    assert seen == list(range(len(docs)))
    assert st.batches == -(-len(docs) // 3)
    assert store.stats()["documents"] == len(docs)


def test_events_have_record_fields_and_counts(store: Any, fx: Any, validate_event: Any) -> None:
    store.ingest(fx.corpus())
    evs = store.events()
    assert evs
    keys = set(Event.from_dict(evs[0]).to_dict())
    for e in evs:
        assert keys <= set(e)
        record = {k: e[k] for k in keys}
        validate_event(record)
        for k in ("num_mentions", "num_sources", "num_languages", "first_seen", "last_seen", "mentions", "flags",
                  "confidence"):
            assert k in e
        assert e["num_mentions"] >= 1 and len(e["mentions"]) >= e["num_mentions"]
        for m in e["mentions"]:
            assert {"doc_id", "lang", "site", "url", "evidence"} <= set(m)
            assert m["evidence"]["sentence"]


def test_event_filters(store: Any, fx: Any) -> None:
    store.ingest(fx.corpus())
    assert {e["dyad"] for e in store.events(dyad="USA-CHN")} == {"CHN-USA"}
    assert store.events(dyad="usa-chn") == store.events(dyad="CHN-USA")
    assert len(store.events(dyad="USA-CHN")) == 3
    assert [e["dyad"] for e in store.events(dyad="RUS-UKR", directed=True)] == ["RUS-UKR"]
    assert store.events(dyad="UKR-RUS", directed=True) == []
    assert {e["dyad"] for e in store.events(dyad="UKR")} == {"RUS-UKR"}
    june = store.events(since=dt.date(2023, 6, 1), until="2023-06-30")
    assert {e["date"] for e in june} == {"2023-06-18"}
    assert {e["event"] for e in store.events(types=["accuse"])} == {"ACCUSE"}
    page1 = store.events(limit=2)
    page2 = store.events(limit=2, offset=2)
    assert len(page1) == 2 and not {e["id"] for e in page1} & {e["id"] for e in page2}
    assert [e["date"] for e in store.events()] == sorted((e["date"] for e in store.events()), reverse=True)
    assert store.count_events(dyad="USA-CHN") == 3
    ids = [e["id"] for e in store.iter_events(page=2)]
    assert sorted(ids) == sorted(e["id"] for e in store.events())


def test_event_by_id_and_by_mention_id(store: Any, fx: Any) -> None:
    docs = fx.beijing_talks()
    store.ingest(docs)
    (ev,) = store.events()
    assert store.event(ev["id"])["id"] == ev["id"]
    assert store.event(docs[2].events[0].id)["id"] == ev["id"]
    assert store.event("0000000000000000") is None


def test_timeline_counts_per_period(store: Any, fx: Any) -> None:
    store.ingest(fx.corpus())
    months = store.timeline("USA-CHN", interval="month")
    assert [r["period"] for r in months] == ["2021-03", "2023-06", "2023-10"]
    assert [r["count"] for r in months] == [1, 1, 1]
    assert months[0]["types"] == {"ACCUSE": 1} and months[0]["quad_class"]["3"] == 1
    assert months[0]["goldstein_mean"] == -2.0
    weeks = store.timeline("CHN-USA", interval="week", since="2023-01-01")
    assert [r["period"] for r in weeks] == ["2023-W24", "2023-W43"]
    days = store.timeline("USA-CHN", interval="day", until="2022-01-01")
    assert [r["period"] for r in days] == ["2021-03-18"]
    with pytest.raises(ValueError):
        store.timeline("USA-CHN", interval="fortnight")


def test_dyads_stats_documents(store: Any, fx: Any) -> None:
    store.ingest(fx.corpus())
    dy = store.dyads(limit=5)
    assert dy[0]["dyad"] == "CHN-USA" and dy[0]["events"] == 3
    assert [d["dyad"] for d in dy] == ["CHN-USA", "RUS-UKR"]
    st = store.stats()
    assert st["documents"] == 12 and st["events"] == 4 and st["dyads"] == 2
    assert st["languages"]["zh"] == 1
    docs = store.documents(limit=None)
    assert len(docs) == 12 and "text" not in docs[0]
    d = store.document(fx.beijing_talks()[2].id)
    assert d is not None and d["lang"] == "zh" and "布林肯" in d["text"]
    assert d["events"] and d["events"][0]["event_id"]
    assert store.document("missing") is None
    farm = fx.farm_copies(fx.beijing_talks()[0])[1]
    fd = store.document(farm.id)
    assert fd["removed"] and fd["removed"][0]["rule"] == "furniture.test"


def test_runs_record_versions_counts_and_failures(store: Any, fx: Any) -> None:
    summary = RunSummary()
    summary.stages = ["text.clean.v1", "events.code.v1"]
    docs = fx.beijing_talks()
    summary.processed = len(docs)
    summary.fail("bad.html", "text.clean.v1", "EncodingError: not text")
    store.ingest(docs, summary, config={"options": "Options(...)"})
    (run,) = store.runs()
    assert run["status"] == "done" and run["coder"] and run["version"]
    assert run["documents_stored"] == len(docs) and run["processed"] == len(docs) and run["failed"] == 1
    assert run["failures"][0]["record"] == "bad.html"
    assert run["stages"] == ["text.clean.v1", "events.code.v1"]
    assert run["config"] == {"options": "Options(...)"}


def test_a_failing_source_iterator_keeps_committed_batches(store: Any, fx: Any) -> None:
    docs = fx.corpus()

    def gen() -> Any:
        yield from docs[:4]
        raise RuntimeError("reader crashed")

    with pytest.raises(RuntimeError):
        store.ingest(gen(), batch_size=2)
    assert store.stats()["documents"] == 4
    assert store.runs()[0]["status"] == "failed"
    store.ingest(docs)
    assert store.stats()["documents"] == len(docs)


def test_search_any_language(store: Any, fx: Any) -> None:
    store.ingest(fx.corpus())
    hits = store.search("Blinken")
    assert hits and all("matched_doc" in h for h in hits)
    assert {h["event"] for h in hits} >= {"CONSULT"}
    assert store.search("布林肯")[0]["dyad"] == "CHN-USA"
    assert store.search("北京")  # two characters: below the trigram size
    assert store.search("Tần Cương")
    assert store.search("zzzyyyxxx") == []
    assert store.search("   ") == []
    docs = store.search_documents("Anchorage")
    assert len(docs) == 2


def test_search_without_diacritics(store: Any, fx: Any) -> None:
    store.ingest(fx.beijing_talks())
    hits = store.search("ngoai truong")
    assert hits and hits[0]["dyad"] == "CHN-USA"
    assert {d["lang"] for d in store.search_documents("ngoai truong")} == {"vi"}
