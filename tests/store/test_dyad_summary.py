"""The ``dyad_stats`` summary (top dyads without grouping every event), the set-based full-text
indexing and migration 9 on a store written by version 8."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

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
    db = store_url
    sqlite = not db.startswith("postgres")
    # what version 8 held: the rows of a stored corpus, indexed for search by the version-8 triggers,
    # and no summary or signature tables
    fx.build_old_store(db, 8, skip=("dyad_stats", "story_keys"))
    with open_store(db) as s:
        assert s.schema_version() == schema.current_version()
        assert _summary(s) == _grouped(s) and len(_summary(s)) > 10
        # the signatures rebuilt from the stored mentions are those the writer wrote
        keys = s._all("SELECT key, day, doc_id FROM story_keys ORDER BY key, day, doc_id")
        assert keys and keys == sorted(fx.store_v10_rows()["story_keys"], key=lambda r: (r["key"], r["day"], r["doc_id"]))
        assert [d["title"] for d in s.search_documents("shelled")] == ["Plant shelled"]
        sent = "Russia accused Ukraine of blocking the convoy on July 2."
        new = fx.make_doc(f"Convoy blocked\n\n{sent}", lang="en", site="BBC", url="https://www.bbc.com/news/convoy",
                          pub="2023-07-02", events=[(sent, "accused", {
                              "event": "ACCUSE", "cameo": "112", "goldstein": -2.0, "quad": 3, "actor": fx.RUS,
                              "recipient": fx.UKR, "date": "2023-07-02", "symmetric": False})])
        s.ingest([new])  # the upgraded store takes new data: counted and searchable
        assert _summary(s) == _grouped(s)
        assert [d["title"] for d in s.search_documents("convoy")] == ["Convoy blocked"]
        if not sqlite:
            return
        with s._tx(write=False) as c:
            trig = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
        assert "documents_fts_ai" not in trig and "documents_fts_ad" in trig
