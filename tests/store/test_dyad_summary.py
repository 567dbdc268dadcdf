"""The ``dyad_stats`` summary (top dyads without grouping every event), the set-based full-text
indexing and migration 9 on a store written by version 8."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from detente.store import open_store, schema


def _grouped(store: Any) -> list[dict[str, Any]]:
    """The dyad ranking computed from the events themselves."""
    rows = store._all(
        "SELECT dyad, count(*) AS events, sum(num_mentions) AS mentions, min(day) AS first, max(day) AS last, "
        "avg(goldstein) AS g FROM events WHERE dyad LIKE '%-%' GROUP BY dyad ORDER BY count(*) DESC, dyad")
    return [{"dyad": r["dyad"], "events": int(r["events"]), "mentions": int(r["mentions"]), "first": r["first"],
             "last": r["last"], "goldstein_mean": round(float(r["g"]), 3)} for r in rows]


def _summary(store: Any, limit: int | None = None) -> list[dict[str, Any]]:
    return [{k: d[k] for k in ("dyad", "events", "mentions", "first", "last", "goldstein_mean")}
            for d in store.dyads(limit=limit)]


def test_dyad_summary_matches_the_events_after_merges_across_batches(store: Any, fx: Any) -> None:
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("store_fixtures", Path(__file__).with_name("conftest.py"))
    assert spec and spec.loader
    mod = module_from_spec(spec)
    spec.loader.exec_module(mod)
    docs = mod.synthetic_docs(150)
    store.ingest(docs[:60], batch_size=7)  # a third of the later reports merge into stored events
    store.ingest(docs[60:], batch_size=11)
    store.ingest(fx.corpus())  # copies, republished pages: counts recomputed on stored events
    expected = _grouped(store)
    assert len(expected) > 20
    assert _summary(store) == expected
    assert _summary(store, 5) == expected[:5]
    assert store.stats()["dyads"] == len(expected)
    assert sum(d["mentions"] for d in expected) < store.stats()["mentions"]  # copies are not counted
    before = _summary(store)
    store.ingest(docs)  # idempotent: nothing stored twice, nothing counted twice
    assert _summary(store) == before


def test_new_documents_are_searchable(store: Any, fx: Any) -> None:
    store.ingest(fx.beijing_talks())
    store.ingest([fx.later_meeting()])
    assert {d["lang"] for d in store.search_documents("Blinken")} >= {"en", "vi"}
    assert [d["site"] for d in store.search_documents("秦刚")] == ["新华网"]
    assert [d["title"] for d in store.search_documents("Washington")] == ["Wang Yi in Washington"]


def test_upgrade_from_version_8_backfills_the_summary_and_signatures(store_url: str, fx: Any) -> None:
    from detente.store.core import _url

    db = store_url
    sqlite = not db.startswith("postgres")
    eng = create_engine(_url(db))
    with eng.begin() as c:
        schema.schema_version.create(c)
        for m in schema.MIGRATIONS[:8]:
            m.apply(c)
            c.execute(schema.schema_version.insert().values(version=m.version, name=m.name, applied_at="x"))
    eng.dispose()
    # what version 8 wrote: the same rows, through the version-8 triggers for the full-text index
    old = list(schema.MIGRATIONS)
    try:
        schema.MIGRATIONS[:] = old[:8]
        with open_store(db) as s:
            assert s.schema_version() == 8
            with s._tx() as c:  # version 8 had no summary/signature tables: write them elsewhere
                c.execute(text("CREATE TABLE dyad_stats (dyad TEXT PRIMARY KEY, events INT, mentions INT, "
                               "goldstein_sum REAL)"))
                c.execute(text("CREATE TABLE story_keys (key TEXT, day TEXT, doc_id TEXT, "
                               "PRIMARY KEY (key, day, doc_id))"))
            visit = fx.beijing_talks()
            s.ingest([*visit, fx.later_meeting()])
            with s._tx() as c:
                c.execute(text("DROP TABLE dyad_stats"))
                c.execute(text("DROP TABLE story_keys"))
                if sqlite:  # version 8 indexed documents by trigger: the writer's statement added them again
                    c.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"))
    finally:
        schema.MIGRATIONS[:] = old
    with open_store(db) as s:
        assert s.schema_version() == schema.current_version()
        assert _summary(s) == _grouped(s) and s.dyads()[0]["dyad"] == "CHN-USA"
        n_keys = s._all("SELECT count(*) AS n FROM story_keys")[0]["n"]
        assert n_keys > 0  # persons and the dyad of every stored report
        s.ingest([fx.unrelated()])  # the upgraded store takes new data: counted and searchable
        assert _summary(s) == _grouped(s)
        assert [d["title"] for d in s.search_documents("shelled")] == ["Plant shelled"]
        if not sqlite:
            return
        with s._tx(write=False) as c:
            trig = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
        assert "documents_fts_ai" not in trig and "documents_fts_ad" in trig
