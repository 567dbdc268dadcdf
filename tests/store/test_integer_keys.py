"""Integer surrogate keys (schema version 11): a version-10 store upgrades without losing or
changing anything users see, the integer keys link what the content-hash ids linked, and every
index of the three rebuilt tables is read by a query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from detente.store import open_store, schema

#: Columns added by migration 11 (internal: never shown).
NEW_COLUMNS = {"rid", "doc_rid", "event_rid", "first_mid"}


def _answers(s: Any) -> dict[str, Any]:
    """What the store answers through its API on the fixture corpus (``stored_at`` aside: the
    fixture fixed it; and a document's trust ``signals``, the scorer's diagnostics as of the day
    the row was written: a migration keeps them as they are, which the row comparison checks,
    while the current scorer may read a page more finely)."""
    def doc(d: dict[str, Any] | None) -> dict[str, Any] | None:
        return {k: v for k, v in d.items() if k not in ("stored_at", "signals")} if d else d

    docs = s.documents(limit=None)
    events = s.events()
    stats = s.stats()
    for k in ("runs", "schema_version", "backend"):
        stats.pop(k)
    merged = next(e for e in events if e["num_mentions"] > 1)
    other_mention = next(m["id"] for m in merged["mentions"] if m["id"] != merged["id"])
    stories = s.stories(limit=None)
    return {
        "events": events,
        "iter_events": sorted(s.iter_events(page=7), key=lambda e: e["id"]),
        "documents": [doc(d) for d in docs],
        "document": {d["id"]: doc(s.document(d["id"])) for d in docs},
        "stories": stories,
        "story": {x["id"]: {**x, "documents": [doc(d) for d in x["documents"]]}
                  for x in (s.story(st["id"]) for st in stories[:5]) if x},
        "event_by_mention_id": s.event(other_mention),
        "dyads": s.dyads(None),
        "stats": stats,
        "timeline": s.timeline("CHN-USA", interval="week"),
        "one_side": (s.count_events("USA"), s.timeline("USA"), s.events(dyad="USA", limit=5)),
        "directed": (s.count_events("USA-CHN", directed=True), s.timeline("USA-CHN", directed=True),
                     s.events(dyad="USA-CHN", directed=True)),
        "search": (s.search("Blinken"), [doc(d) for d in s.search_documents("秦刚")],
                   [doc(d) for d in s.search_documents("ngoai truong")], [doc(d) for d in s.search_documents("布林肯")]),
    }


def _rows(s: Any, table: str, key: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = [{k: v for k, v in r.items() if k not in NEW_COLUMNS} for r in s._all(f"SELECT * FROM {table}")]
    return sorted(rows, key=lambda r: tuple(r[k] for k in key))


KEYS = {"documents": ("id",), "mentions": ("id",), "events": ("id",), "stories": ("id",), "actors": ("id",),
        "runs": ("id",), "doc_hashes": ("hash", "doc_id"), "dyad_stats": ("dyad",), "story_keys": ("key", "day", "doc_id")}


def test_migration_11_keeps_every_row_and_every_answer(store_url: str, fx: Any, tmp_path: Path) -> None:
    fx.build_old_store(store_url, 10)
    old = fx.store_v10_rows()
    with open_store(tmp_path / "fresh.db") as ref:  # the same documents, written by the current code
        for docs, batch in fx.store_v10_docs():
            ref.ingest(docs, batch_size=batch)
        expected = _answers(ref)
    with open_store(store_url) as s:
        assert s.schema_version() == schema.current_version() >= 11
        for table, key in KEYS.items():  # every row, with its content-hash ids, survives unchanged
            want = sorted(old[table], key=lambda r: tuple(r[k] for k in key))
            assert _rows(s, table, key) == want, table
        with s._tx(write=False) as c:
            one = lambda sql: int(c.execute(text(sql)).scalar() or 0)  # noqa: E731
            n_m, n_e = len(old["mentions"]), len(old["events"])
            # the integer keys link exactly what the content-hash ids linked
            assert one("SELECT count(*) FROM mentions m JOIN documents d ON d.rid = m.doc_rid AND d.id = m.doc_id") == n_m
            assert one("SELECT count(*) FROM mentions m JOIN events e ON e.rid = m.event_rid AND e.id = m.event_id") == n_m
            assert one("SELECT count(*) FROM events e JOIN mentions m ON m.rid = e.first_mid "
                       "AND m.id = e.first_mention") == n_e
        assert all(expected["search"]) and expected["event_by_mention_id"] and all(expected["one_side"])
        got = _answers(s)
        if s.dialect != "sqlite":  # the reference is SQLite: full-text ranking differs between backends
            for a in (got, expected):
                a["search"] = [sorted(x["id"] for x in r) for r in a["search"]]
        assert got == expected
        before = s.stats()
        for docs, batch in fx.store_v10_docs():  # idempotent on the upgraded store
            s.ingest(docs, batch_size=batch)
        assert s.stats()["events"] == before["events"] and s.stats()["mentions"] == before["mentions"]
        assert {k: v for k, v in _answers(s).items() if k != "search"} == {
            k: v for k, v in expected.items() if k != "search"}
        s.ingest([fx.later_meeting(), *fx.synthetic_docs(60)[40:]], batch_size=7)  # and takes new data
        assert s.stats()["documents"] == before["documents"] + 20


def test_new_rows_continue_the_integer_keys(store: Any, fx: Any) -> None:
    for docs, batch in fx.store_v10_docs():
        store.ingest(docs, batch_size=batch)
    rows = store._all("SELECT rid, id FROM documents ORDER BY rid")
    assert [r["rid"] for r in rows] == list(range(1, len(rows) + 1))
    mids = [r["rid"] for r in store._all("SELECT rid FROM mentions ORDER BY rid")]
    assert mids == list(range(1, len(mids) + 1))
    evs = [r["rid"] for r in store._all("SELECT rid FROM events ORDER BY rid")]
    assert evs == list(range(1, len(evs) + 1))
    # the external ids stay the content hashes users see
    for e in store.events(limit=10):
        assert isinstance(e["id"], str) and len(e["id"]) == 16
        assert store.event(e["id"])["id"] == e["id"]


#: For each index of the rebuilt tables, a store query whose plan reads it (SQLite).
INDEX_QUERIES = {
    "ux_documents_id": "SELECT id FROM documents WHERE id IN ('a', 'b')",
    "ix_documents_text_hash": "SELECT id FROM documents WHERE text_hash IN ('a', 'b') ORDER BY pub_date, id",
    "ix_documents_story": "SELECT id FROM documents WHERE story_id = 'a'",
    "ix_documents_pub_date": "SELECT id FROM documents ORDER BY pub_date DESC NULLS LAST, id LIMIT 50",
    "ix_documents_lang": "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC",
    "ix_documents_flagged": "SELECT flags FROM documents WHERE flags <> '[]'",
    "ux_mentions_merged_id": "SELECT event_id FROM mentions WHERE id = 'a' AND id <> event_id",
    "ix_mentions_doc_rid": "SELECT m.event_id FROM documents d JOIN mentions m ON m.doc_rid = d.rid WHERE d.id = 'a'",
    "ix_mentions_event_rid": "SELECT m.id FROM mentions m JOIN documents d ON d.rid = m.doc_rid WHERE m.event_rid IN (1, 2)",
    "ux_events_id": "SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid WHERE e.id = 'a'",
    "ix_events_merge": "SELECT rid, id FROM events WHERE merge_key IN ('a', 'b') AND day BETWEEN '2023-01-01' AND '2023-02-01'",
    "ix_events_dyad_day": "SELECT substr(e.day, 1, 7), e.event, e.quad_class, count(*), sum(e.goldstein) FROM events e "
                          "WHERE e.dyad IN ('CHN-USA', 'USA') AND e.day IS NOT NULL GROUP BY 1, 2, 3",
    "ix_events_day": "SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid "
                     "ORDER BY e.day DESC NULLS LAST, e.id LIMIT 100",
    "ix_events_story": "SELECT id FROM events WHERE story_id = 'a'",
}

#: Queries the covering dyad index answers alone (no table row read).
COVERED_QUERIES = (
    "SELECT count(*) FROM events e WHERE e.dyad = 'CHN-USA' AND e.actor_c = 'USA'",
    "SELECT e.day, e.event, e.quad_class, count(*), sum(e.goldstein) FROM events e WHERE e.dyad = 'CHN-USA' "
    "AND e.actor_c = 'USA' AND e.day IS NOT NULL GROUP BY 1, 2, 3",
    "SELECT count(*) FROM events e WHERE e.dyad IN ('CHN-USA', 'USA')",
)


def test_every_index_of_the_rebuilt_tables_is_read_by_a_query(tmp_path: Path, fx: Any) -> None:
    with open_store(tmp_path / "q.db") as s:
        s.ingest(fx.corpus())
        with s._tx(write=False) as c:
            c.execute(text("ANALYZE"))
            indexes = {r[0] for r in c.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('documents', 'mentions', 'events') "
                "AND name NOT LIKE 'sqlite_autoindex%'"))}
            assert indexes == set(INDEX_QUERIES)  # ix_events_actor_day is gone; no index without a query
            for name, sql in INDEX_QUERIES.items():
                plan = " ".join(str(r[3]) for r in c.execute(text("EXPLAIN QUERY PLAN " + sql)))
                assert name in plan, (name, plan)
            for sql in COVERED_QUERIES:
                plan = " ".join(str(r[3]) for r in c.execute(text("EXPLAIN QUERY PLAN " + sql)))
                assert "COVERING INDEX ix_events_dyad_day" in plan, plan


def test_one_side_and_directed_filters_select_what_the_actor_columns_select(store: Any, fx: Any) -> None:
    # one side and directed pairs now go through the dyad index (ix_events_actor_day is gone): they
    # must select exactly the events whose actor/recipient columns match
    for docs, batch in fx.store_v10_docs():
        store.ingest(docs, batch_size=batch)
    sides = sorted({r["actor_c"] for r in store._all("SELECT DISTINCT actor_c FROM events WHERE actor_c IS NOT NULL")})
    assert len(sides) > 5
    for a in [*sides, "XXX"]:
        want = store._all("SELECT count(*) AS n FROM events WHERE actor_c = :a OR recipient_c = :a", {"a": a})[0]["n"]
        assert store.count_events(a) == want
        assert sum(p["count"] for p in store.timeline(a, interval="day")) == store._all(
            "SELECT count(*) AS n FROM events WHERE (actor_c = :a OR recipient_c = :a) AND day IS NOT NULL",
            {"a": a})[0]["n"]
        for r in sides[:4]:
            if r == a:
                continue
            got = {e["id"] for e in store.events(dyad=f"{a}-{r}", directed=True)}
            assert got == {x["id"] for x in store._all(
                "SELECT id FROM events WHERE actor_c = :a AND recipient_c = :r", {"a": a, "r": r})}
            assert store.count_events(f"{a}-{r}", directed=True) == len(got)
