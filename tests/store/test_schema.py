"""Schema and migrations: registered in order, each in a transaction, older stores upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from detente.errors import StoreError
from detente.store import open_store, schema
from detente.store.writer import event_record


def test_migrations_are_ordered_and_named() -> None:
    versions = [m.version for m in schema.MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))
    with pytest.raises(ValueError):
        schema.migration(1, "again")(lambda c: None)


def _old_store(path: Path, upto: int, fx: Any) -> None:
    """A store at schema version ``upto``, with data, as an older release would have left it."""
    eng = create_engine(f"sqlite:///{path}")
    with eng.begin() as c:
        schema.schema_version.create(c)
        for m in schema.MIGRATIONS[:upto]:
            m.apply(c)
            c.execute(schema.schema_version.insert().values(version=m.version, name=m.name, applied_at="x"))
        # what version 2 had: no mentions.precision, no stories.actor_counts
        c.execute(text("ALTER TABLE mentions DROP COLUMN precision"))
        c.execute(text("ALTER TABLE stories DROP COLUMN actor_counts"))
    eng.dispose()


def test_upgrade_from_version_2_keeps_data_and_backfills(tmp_path: Path, fx: Any) -> None:
    db = tmp_path / "old.db"
    _old_store(db, 2, fx)
    con = sqlite3.connect(db)
    rec = event_record(fx.beijing_talks()[4].events[0])  # month precision
    import json

    con.execute("INSERT INTO documents (id, title, text, lang, num_events, flags, signals) "
                "VALUES ('d1', '布林肯', '布林肯在北京', 'zh', 1, '[]', '{}')")
    con.execute("INSERT INTO mentions (id, doc_id, event_id, event, record, pub_date) VALUES (?, 'd1', ?, 'CONSULT', ?, "
                "'2023-06-18')", (rec["id"], rec["id"], json.dumps(rec)))
    con.commit()
    con.close()
    with open_store(db) as s:
        assert s.schema_version() == schema.current_version()
        with s._tx(write=False) as c:
            assert c.execute(text("SELECT precision FROM mentions")).scalar() == "month"
        assert [d["id"] for d in s.search_documents("布林肯")] == ["d1"]  # trigram index rebuilt for zh
        s.ingest(fx.beijing_talks())  # and the upgraded store takes new data
        assert s.stats()["events"] == 1


def test_a_failing_migration_rolls_back(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import inspect

    with open_store(store_url):
        pass
    before = schema.current_version()

    def boom(conn: Any) -> None:
        conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("migration failed")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration(99, "boom", boom)])
    with pytest.raises(StoreError, match="migration 99"):
        open_store(store_url)
    monkeypatch.undo()
    with open_store(store_url) as s:
        assert s.schema_version() == before
        with s._tx(write=False) as c:
            assert not inspect(c).has_table("half_done")


def test_concurrent_ingests_do_not_duplicate_events(store_url: str, fx: Any) -> None:
    """Two processes ingesting reports of the same event at the same time end with one event."""
    import threading

    docs = fx.beijing_talks()
    errors: list[BaseException] = []

    def run(part: list[Any]) -> None:
        try:
            with open_store(store_url) as s:
                for d in part:
                    s.ingest([d])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(docs[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(store_url) as s:
        (ev,) = s.events()
        assert ev["num_mentions"] == 5


def test_event_record_equals_to_dict(fx: Any) -> None:
    for d in fx.corpus():
        for e in d.events:
            assert event_record(e) == e.to_dict()


def _index_names(s: Any, table: str) -> set[str]:
    from sqlalchemy import inspect

    with s._tx(write=False) as c:
        return {i["name"] for i in inspect(c).get_indexes(table)}


def test_migration_10_drops_the_unused_indexes_and_keeps_the_rows(store_url: str, fx: Any) -> None:
    from detente.store.core import _url

    fx.build_old_store(store_url, 9)  # a store at version 9, as the previous release left it
    eng = create_engine(_url(store_url))
    with eng.connect() as c:
        from sqlalchemy import inspect

        assert "ix_story_keys_doc" in {i["name"] for i in inspect(c).get_indexes("story_keys")}
        assert "ix_doc_hashes_doc" in {i["name"] for i in inspect(c).get_indexes("doc_hashes")}
    eng.dispose()
    rows = fx.store_v10_rows()
    with open_store(store_url) as s:
        assert s.schema_version() == schema.current_version() >= 10
        assert "ix_story_keys_doc" not in _index_names(s, "story_keys")
        assert "ix_doc_hashes_doc" not in _index_names(s, "doc_hashes")
        before = s._all("SELECT key, day, doc_id FROM story_keys ORDER BY key, day, doc_id")
        hashes = s._all("SELECT hash, doc_id FROM doc_hashes ORDER BY hash, doc_id")
        assert before == sorted(rows["story_keys"], key=lambda r: (r["key"], r["day"], r["doc_id"]))
        assert hashes == sorted(rows["doc_hashes"], key=lambda r: (r["hash"], r["doc_id"]))
        for docs, batch in fx.store_v10_docs():  # idempotent on the upgraded store
            s.ingest(docs, batch_size=batch)
        assert s._all("SELECT key, day, doc_id FROM story_keys ORDER BY key, day, doc_id") == before


def test_the_writer_lookups_do_not_need_the_dropped_indexes(tmp_path: Path, fx: Any) -> None:
    # the writer finds signatures by (key, day) and sentence hashes by hash: primary-key searches
    with open_store(tmp_path / "q.db") as s:
        s.ingest(fx.corpus())
        with s._tx(write=False) as c:
            for sql in ("SELECT k.key, k.day, d.story_id FROM story_keys k JOIN documents d ON d.id = k.doc_id "
                        "WHERE k.key IN ('a', 'b') AND k.day BETWEEN '2023-01-01' AND '2023-01-09'",
                        "SELECT h.hash, d.id FROM doc_hashes h JOIN documents d ON d.id = h.doc_id "
                        "WHERE h.hash IN ('a', 'b')"):
                plan = " ".join(str(r[3]) for r in c.execute(text("EXPLAIN QUERY PLAN " + sql)))
                assert "SEARCH" in plan and "SCAN" not in plan, plan
