"""The store schema (one for SQLite and PostgreSQL) and its registered migrations.

Tables are declared once with SQLAlchemy Core; dialect-specific parts (SQLite FTS5 tables and
their triggers, PostgreSQL's trigram-free ILIKE search needs none) are separate migrations that
check the dialect. Every migration runs in its own transaction together with the row that records
it in ``schema_version``, so a failed migration leaves the database at the previous version.

Tables
------
``documents``   one row per stored document (content-hash id), cleaned text, removed furniture
                spans, trust flags and the signals behind them, story id.
``mentions``    one row per coded event found in a sentence of a document (``Event.id``), with
                the full event record, linked to the deduplicated event it merged into.
``events``      the deduplicated event: type, dyad, date, location, counts (mentions, sources,
                languages), first/last seen, confidence, flags, story id.
``stories``     clusters of documents about the same events, across languages.
``actors``      the actor-table entries (ids of the compiled table) seen in stored events.
``runs``        what ran: versions, stages, configuration, counts, failures.
``doc_hashes``  hashes of each document's long sentences (near-duplicate detection).
``dyad_stats``  per dyad: events, mentions, Goldstein sum, kept by the writer (top dyads; v9).
``story_keys``  each document's story signature: dyads and specific actors, with its day (v9).
``schema_version``  applied migrations.

Keys (version 11): ``documents``, ``mentions`` and ``events`` have an integer primary key ``rid``
assigned by the batch writer in increasing order; mentions point to their document and event by
``doc_rid``/``event_rid`` and events to their representative mention by ``first_mid``. The
content-hash ``id`` of each stays what users see (records, exports, the API) and stays unique.
The ``Table`` objects of version 1 below are history (migration 1 creates them; migration 11
rebuilds the three tables as :data:`documents_v11`, :data:`mentions_v11`, :data:`events_v11`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text),
    Column("url", Text),
    Column("site", Text),
    Column("title", Text),
    Column("lang", String(8)),
    Column("lang_confidence", Float),
    Column("pub_date", String(10)),
    Column("pub_date_precision", String(8)),
    Column("pub_date_source", Text),
    Column("text", Text),
    Column("text_hash", String(40)),
    Column("removed", Text),  # JSON list of {start, end, rule, text}
    Column("num_events", Integer, nullable=False, default=0),
    Column("flags", Text, nullable=False, default="[]"),  # JSON list of trust flags
    Column("signals", Text, nullable=False, default="{}"),  # JSON: the measurements behind the flags
    Column("story_id", String(20)),
    Column("run_id", Integer),
    Column("stored_at", String(32)),
)
Index("ix_documents_text_hash", documents.c.text_hash)
Index("ix_documents_story", documents.c.story_id)
Index("ix_documents_pub_date", documents.c.pub_date)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(20), primary_key=True),  # Event.id (content hash within the document)
    Column("doc_id", String(40), nullable=False),
    Column("event_id", String(20), nullable=False),
    Column("lang", String(8)),
    Column("site", Text),
    Column("day", String(10)),  # date used for merging (event date, else publication date)
    Column("precision", String(8)),  # precision of that date: day | month | year
    Column("pub_date", String(10)),
    Column("event", String(12), nullable=False),
    Column("confidence", Float),
    Column("record", Text, nullable=False),  # Event.to_dict() as JSON
)
Index("ix_mentions_doc", mentions.c.doc_id)
Index("ix_mentions_event", mentions.c.event_id)

events = Table(
    "events",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("first_mention", String(20), nullable=False),
    Column("merge_key", String(64), nullable=False),  # PLOVER type | dyad (direction-free if symmetric)
    Column("dyad", String(40), nullable=False),  # sorted country/code pair, "CHN-USA"
    Column("actor_c", String(16)),
    Column("recipient_c", String(16)),
    Column("event", String(12), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("day", String(10)),  # date padded to a day (for windows, ranges and timelines)
    Column("location", Text),  # location name (for compatibility checks)
    Column("lat", Float),
    Column("lon", Float),
    Column("num_mentions", Integer, nullable=False, default=1),
    Column("num_sources", Integer, nullable=False, default=1),
    Column("num_languages", Integer, nullable=False, default=1),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("confidence", Float),
    Column("flags", Text, nullable=False, default="[]"),
    Column("story_id", String(20)),
)
Index("ix_events_merge", events.c.merge_key, events.c.day)
Index("ix_events_dyad_day", events.c.dyad, events.c.day, events.c.event, events.c.quad_class, events.c.goldstein)
Index("ix_events_day", events.c.day)
Index("ix_events_actor_day", events.c.actor_c, events.c.recipient_c, events.c.day)
Index("ix_events_story", events.c.story_id)

stories = Table(
    "stories",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("title", Text),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("num_documents", Integer, nullable=False, default=0),
    Column("num_events", Integer, nullable=False, default=0),
    Column("langs", Text, nullable=False, default="[]"),
    Column("sites", Text, nullable=False, default="[]"),
    Column("actors", Text, nullable=False, default="[]"),  # the ten most frequent actor countries/codes
    Column("actor_counts", Text, nullable=False, default="{}"),  # JSON {country/code: events}
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(80), primary_key=True),  # actor-table entry id
    Column("code", String(16)),
    Column("name", Text),
    Column("country", String(3)),
    Column("sector", String(3)),
    Column("num_mentions", Integer, nullable=False, default=0),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32)),
    Column("finished_at", String(32)),
    Column("status", String(16)),  # running | done | failed (a killed run stays "running")
    Column("version", String(32)),
    Column("coder", String(64)),
    Column("stages", Text),
    Column("config", Text),
    Column("processed", Integer, default=0),
    Column("failed", Integer, default=0),
    Column("skipped", Integer, default=0),
    Column("events", Integer, default=0),
    Column("documents_stored", Integer, default=0),
    Column("documents_existing", Integer, default=0),
    Column("mentions_stored", Integer, default=0),
    Column("events_new", Integer, default=0),
    Column("failures", Text),
    Column("summary", Text),
)

doc_hashes = Table(
    "doc_hashes",
    metadata,
    Column("hash", String(16), primary_key=True),
    Column("doc_id", String(40), primary_key=True),
)
Index("ix_doc_hashes_doc", doc_hashes.c.doc_id)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", String(32)),
)


# ---------------------------------------------------------------------------- migrations


@dataclass(frozen=True, slots=True)
class Migration:
    """One registered migration: a version number, a name and a function run in a transaction."""

    version: int
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str) -> Callable[[Callable[[Connection], None]], Callable[[Connection], None]]:
    """Register ``fn`` as migration ``version`` (versions must be registered in order)."""

    def wrap(fn: Callable[[Connection], None]) -> Callable[[Connection], None]:
        if MIGRATIONS and MIGRATIONS[-1].version >= version:
            raise ValueError(f"migration {version} registered out of order")
        MIGRATIONS.append(Migration(version, name, fn))
        return fn

    return wrap


@migration(1, "core tables")
def _m1_tables(conn: Connection) -> None:
    tables = [t for t in metadata.sorted_tables if t.name != "schema_version"]
    metadata.create_all(conn, tables=tables)


#: SQLite full-text search: documents (title, text) and mention evidence sentences. ``unicode61``
#: with ``remove_diacritics 2`` lets "ngoai truong" find "Ngoại trưởng"; a ``trigram`` twin of the
#: document index finds Chinese words (no spaces) of 3+ characters.
_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE documents_fts_cjk USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='trigram')""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        INSERT INTO documents_fts_cjk(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        INSERT INTO documents_fts_cjk(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
]


@migration(2, "full-text search")
def _m2_fts(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for stmt in _SQLITE_FTS:
            conn.execute(text(stmt))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(
            "CREATE INDEX ix_documents_tsv ON documents USING gin (to_tsvector('simple', "
            "coalesce(title, '') || ' ' || coalesce(text, '')))"
        ))


def _add_column(conn: Connection, table: str, column: str, ddl_type: str, default: str | None = None) -> bool:
    """Add a column unless the table already has it (fresh stores get it from migration 1)."""
    from sqlalchemy import inspect

    if column in {c["name"] for c in inspect(conn).get_columns(table)}:
        return False
    dflt = f" DEFAULT {default}" if default is not None else ""
    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl_type}{dflt}"))
    return True


@migration(3, "mention date precision, story actor counts")
def _m3_precision(conn: Connection) -> None:
    if _add_column(conn, "mentions", "precision", "VARCHAR(8)"):
        if conn.dialect.name == "sqlite":
            expr = ("CASE WHEN json_extract(record, '$.date') IS NULL THEN "
                    "(CASE WHEN pub_date IS NULL THEN NULL ELSE 'day' END) "
                    "ELSE coalesce(json_extract(record, '$.date_precision'), 'day') END")
        else:
            expr = ("CASE WHEN (record::json->>'date') IS NULL THEN "
                    "(CASE WHEN pub_date IS NULL THEN NULL ELSE 'day' END) "
                    "ELSE coalesce(record::json->>'date_precision', 'day') END")
        conn.execute(text(f"UPDATE mentions SET precision = {expr}"))
    _add_column(conn, "stories", "actor_counts", "TEXT", "'{}'")


#: Languages whose documents also go into the ``trigram`` index (words without spaces).
CJK_LANGS = ("zh", "ja", "ko")

_CJK = "(" + ", ".join(f"'{x}'" for x in CJK_LANGS) + ")"

_SQLITE_FTS_V4 = [
    "DROP TRIGGER IF EXISTS documents_fts_ai",
    "DROP TRIGGER IF EXISTS documents_fts_ad",
    "DROP TRIGGER IF EXISTS documents_fts_au",
    "INSERT INTO documents_fts_cjk(documents_fts_cjk) VALUES ('delete-all')",
    f"INSERT INTO documents_fts_cjk(rowid, title, text) SELECT rowid, title, text FROM documents WHERE lang IN {_CJK}",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    f"""CREATE TRIGGER documents_fts_cjk_ai AFTER INSERT ON documents WHEN new.lang IN {_CJK} BEGIN
        INSERT INTO documents_fts_cjk(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    f"""CREATE TRIGGER documents_fts_cjk_ad AFTER DELETE ON documents WHEN old.lang IN {_CJK} BEGIN
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    f"""CREATE TRIGGER documents_fts_cjk_au AFTER UPDATE OF title, text, lang ON documents BEGIN
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            SELECT 'delete', old.rowid, old.title, old.text WHERE old.lang IN {_CJK};
        INSERT INTO documents_fts_cjk(rowid, title, text)
            SELECT new.rowid, new.title, new.text WHERE new.lang IN {_CJK};
    END""",
]


@migration(4, "trigram index for CJK documents only")
def _m4_cjk_fts(conn: Connection) -> None:
    # The trigram index tripled the cost of storing a document; only Chinese, Japanese and
    # Korean text (no spaces between words) needs it.
    if conn.dialect.name == "sqlite":
        for stmt in _SQLITE_FTS_V4:
            conn.execute(text(stmt))


@migration(5, "accent-insensitive search on PostgreSQL")
def _m5_unaccent(conn: Connection) -> None:
    # ``unaccent`` ships with PostgreSQL (contrib) and is a trusted extension: a database owner
    # may create it. Where it is missing the store still searches, only accent-sensitively.
    if conn.dialect.name != "postgresql":
        return
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except Exception:  # optional: search falls back to plain ILIKE
        pass


@migration(6, "sentence hashes for near-duplicate detection")
def _m6_doc_hashes(conn: Connection) -> None:
    doc_hashes.create(conn, checkfirst=True)
    from sqlalchemy import inspect

    if "ix_doc_hashes_doc" not in {i["name"] for i in inspect(conn).get_indexes("doc_hashes")}:
        Index("ix_doc_hashes_doc", doc_hashes.c.doc_id).create(conn)


@migration(7, "indexes for the overview: languages, flagged documents, story ranking")
def _m7_overview_indexes(conn: Connection) -> None:
    # stats() and stories() scanned the whole documents/stories tables (1.1 s at 1 M events)
    for ddl in (
        "CREATE INDEX IF NOT EXISTS ix_documents_lang ON documents (lang)",
        "CREATE INDEX IF NOT EXISTS ix_documents_flagged ON documents (flags) WHERE flags <> '[]'",
        "CREATE INDEX IF NOT EXISTS ix_stories_rank ON stories (num_documents DESC, last_seen DESC, id)",
    ):
        conn.execute(text(ddl))


_SQLITE_FTS_V8 = [
    "DROP TRIGGER IF EXISTS documents_fts_ai",
    "DROP TRIGGER IF EXISTS documents_fts_ad",
    "DROP TRIGGER IF EXISTS documents_fts_au",
    "DROP TABLE IF EXISTS documents_fts",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content="documents", content_rowid="rowid",
        tokenize='unicode61 remove_diacritics 2')""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
]


@migration(8, "full-text index Datasette recognises")
def _m8_datasette_fts(conn: Connection) -> None:
    # Datasette finds a table's FTS index by `content="table"` (double quotes) in its DDL; the
    # trigram twin keeps single quotes so that Datasette's search box uses the word index.
    if conn.dialect.name == "sqlite":
        for stmt in _SQLITE_FTS_V8:
            conn.execute(text(stmt))


def current_version() -> int:
    """The schema version the code expects (the last registered migration)."""
    return MIGRATIONS[-1].version


# ---------------------------------------------------------------------------- version 9
#
# Tables added after version 8 live in their own MetaData so that migration 1 (history) keeps
# creating exactly the tables it always created.

metadata_v9 = MetaData()

#: ``dyad_stats``: per dyad, the number of events, the sum of their mentions and of their
#: Goldstein scores, maintained by the batch writer in the batch's transaction (the top-dyads
#: query reads a few thousand rows instead of grouping every event).
dyad_stats = Table(
    "dyad_stats",
    metadata_v9,
    Column("dyad", String(40), primary_key=True),
    Column("events", Integer, nullable=False, default=0),
    Column("mentions", Integer, nullable=False, default=0),
    Column("goldstein_sum", Float, nullable=False, default=0.0),
)
Index("ix_dyad_stats_rank", dyad_stats.c.events.desc(), dyad_stats.c.dyad)

#: ``story_keys``: the story signature of each stored document: ``d:<dyad>`` for every two-sided
#: dyad of its events and ``a:<actor id>`` for every specific (non-country) actor of its events,
#: with the document's day. A new document that shares no event with a story finds the stories
#: of documents sharing a dyad *and* an actor with it close in time through ``(key, day)``.
story_keys = Table(
    "story_keys",
    metadata_v9,
    Column("key", String(120), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("doc_id", String(40), primary_key=True),
)
Index("ix_story_keys_doc", story_keys.c.doc_id)

#: SQLite: the full-text indexes are filled by the batch writer with one ``INSERT … SELECT`` per
#: batch instead of a trigger per row (3x cheaper); deletes and updates keep their triggers.
_SQLITE_FTS_V9 = [
    "DROP TRIGGER IF EXISTS documents_fts_ai",
    "DROP TRIGGER IF EXISTS documents_fts_cjk_ai",
]


@migration(9, "dyad summary, story signatures, set-based full-text indexing")
def _m9_dyads_story_keys(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for stmt in _SQLITE_FTS_V9:
            conn.execute(text(stmt))
    metadata_v9.create_all(conn, checkfirst=True)
    conn.execute(text(
        "INSERT INTO dyad_stats (dyad, events, mentions, goldstein_sum) SELECT dyad, count(*), "
        "coalesce(sum(num_mentions), 0), coalesce(sum(goldstein), 0) FROM events GROUP BY dyad"))
    # story signatures of the stored documents, from their mentions' records, 2000 documents at a time
    import orjson

    from .stories import story_keys_of_records

    last = ""
    while True:
        docs = conn.execute(text("SELECT id, pub_date FROM documents WHERE id > :last ORDER BY id LIMIT 2000"),
                            {"last": last}).all()
        if not docs:
            break
        last = docs[-1][0]
        params = {f"d{i}": d[0] for i, d in enumerate(docs)}
        recs: dict[str, list[dict[str, object]]] = {}
        days: dict[str, str] = {d[0]: d[1] for d in docs if d[1]}
        for doc_id, mday, rec in conn.execute(text(
                "SELECT doc_id, day, record FROM mentions WHERE doc_id IN (" + ", ".join(f":{k}" for k in params)
                + ")"), params):
            recs.setdefault(doc_id, []).append(orjson.loads(rec))
            if mday:
                days.setdefault(doc_id, mday)
        rows = [{"key": k, "day": days[d], "doc_id": d} for d, rs in sorted(recs.items()) if d in days
                for k in story_keys_of_records(rs)]
        if rows:
            conn.execute(text("INSERT INTO story_keys (key, day, doc_id) VALUES (:key, :day, :doc_id) "
                              "ON CONFLICT DO NOTHING"), rows)


# ---------------------------------------------------------------------------- version 10

#: Indexes no query reads (``EXPLAIN QUERY PLAN`` of every store query, issue #6): sentence
#: hashes and story signatures are only ever looked up by ``hash`` / ``(key, day)`` through their
#: primary keys, and no document is deleted. Each was a random-keyed B-tree written per row.
UNUSED_INDEXES_V10 = ("ix_doc_hashes_doc", "ix_story_keys_doc")


@migration(10, "drop indexes no query uses")
def _m10_drop_unused_indexes(conn: Connection) -> None:
    for name in UNUSED_INDEXES_V10:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


# ---------------------------------------------------------------------------- version 11
#
# Integer surrogate keys (issue #6, insert speed). Until version 10 ``documents``, ``mentions``
# and ``events`` were keyed by their content-hash ids, and mentions found their document and event
# through those text ids: every row written went into several B-trees at a random place (the
# primary-key index of each table, ``ix_mentions_doc``, ``ix_mentions_event``), and a batch of a
# few thousand rows dirtied most leaf pages of each of them. From version 11 each of the three
# tables has an ``INTEGER PRIMARY KEY`` ``rid`` (on SQLite the rowid itself) that the batch writer
# assigns in increasing order, and mentions point to their document and event by ``doc_rid`` /
# ``event_rid``: those indexes only ever grow at their end. The content-hash ids stay what users
# see (records, exports, ``/event/{id}``) and stay unique, each through one index: documents are
# found by id for idempotency, events and mentions by id for look-ups. ``events.first_mid`` is the
# ``rid`` of the representative mention (``first_mention`` keeps its content-hash id).
#
# On SQLite ``story_keys`` and ``doc_hashes`` become ``WITHOUT ROWID`` tables: their primary key
# *is* the table (one B-tree written per row instead of a rowid table plus its key index).
#
# Indexes, each read by a query (``EXPLAIN QUERY PLAN``; ``tests/store/test_schema.py``):
#
# * ``ux_documents_id``: ingest skips stored documents; ``/document/{id}``; signature and
#   sentence-hash joins. ``ix_documents_text_hash``: verbatim copies. ``ix_documents_story``:
#   a story's documents, story merges. ``ix_documents_pub_date``: newest documents.
#   ``ix_documents_lang``: languages in ``stats()``. ``ix_documents_flagged``: flagged documents.
# * ``ux_mentions_merged_id`` (partial: mentions merged into an event of another id; a mention
#   that created its event has the event's id): a mention id given to ``Store.event`` resolves to
#   its event.
#   ``ix_mentions_doc_rid``: a document's mentions. ``ix_mentions_event_rid``: an event's mentions.
# * ``ux_events_id``: events by id (API, the writer's refreshes, exports by id).
#   ``ix_events_merge``: dedup candidates. ``ix_events_dyad_day`` (``dyad, day, event, quad_class,
#   goldstein, actor_c``): timelines, events of a dyad, of one actor (through the dyads of
#   ``dyad_stats``) and directed (the dyad and its first actor: the dyad is the sorted pair of the
#   actor and recipient columns, so the recipient follows), first/last day per dyad.
#   ``ix_events_day``: newest events, first/last event day. ``ix_events_story``: a story's events,
#   story merges. ``ix_events_actor_day`` is gone: one-sided and directed queries now go through
#   the dyad index, and no other query read it.

metadata_v11 = MetaData()


def _documents_v11(md: MetaData, name: str) -> Table:
    return Table(
        name, md,
        Column("rid", Integer, primary_key=True, autoincrement=False),
        Column("id", String(40), nullable=False),
        Column("source", Text),
        Column("url", Text),
        Column("site", Text),
        Column("title", Text),
        Column("lang", String(8)),
        Column("lang_confidence", Float),
        Column("pub_date", String(10)),
        Column("pub_date_precision", String(8)),
        Column("pub_date_source", Text),
        Column("text", Text),
        Column("text_hash", String(40)),
        Column("removed", Text),
        Column("num_events", Integer, nullable=False, default=0),
        Column("flags", Text, nullable=False, default="[]"),
        Column("signals", Text, nullable=False, default="{}"),
        Column("story_id", String(20)),
        Column("run_id", Integer),
        Column("stored_at", String(32)),
    )


def _mentions_v11(md: MetaData, name: str) -> Table:
    return Table(
        name, md,
        Column("rid", Integer, primary_key=True, autoincrement=False),
        Column("id", String(20), nullable=False),  # Event.id (content hash within the document)
        Column("doc_rid", Integer),  # documents.rid
        Column("doc_id", String(40), nullable=False),  # documents.id (as shown; not indexed)
        Column("event_rid", Integer),  # events.rid
        Column("event_id", String(20), nullable=False),  # events.id (as shown; not indexed)
        Column("lang", String(8)),
        Column("site", Text),
        Column("day", String(10)),
        Column("precision", String(8)),
        Column("pub_date", String(10)),
        Column("event", String(12), nullable=False),
        Column("confidence", Float),
        Column("record", Text, nullable=False),
    )


def _events_v11(md: MetaData, name: str) -> Table:
    return Table(
        name, md,
        Column("rid", Integer, primary_key=True, autoincrement=False),
        Column("id", String(20), nullable=False),
        Column("first_mention", String(20), nullable=False),  # mentions.id of the representative mention
        Column("first_mid", Integer),  # its mentions.rid
        Column("merge_key", String(64), nullable=False),
        Column("dyad", String(40), nullable=False),
        Column("actor_c", String(16)),
        Column("recipient_c", String(16)),
        Column("event", String(12), nullable=False),
        Column("mode", String(32)),
        Column("cameo", String(8)),
        Column("quad_class", Integer),
        Column("goldstein", Float),
        Column("date", String(10)),
        Column("date_precision", String(8)),
        Column("day", String(10)),
        Column("location", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("num_mentions", Integer, nullable=False, default=1),
        Column("num_sources", Integer, nullable=False, default=1),
        Column("num_languages", Integer, nullable=False, default=1),
        Column("first_seen", String(10)),
        Column("last_seen", String(10)),
        Column("confidence", Float),
        Column("flags", Text, nullable=False, default="[]"),
        Column("story_id", String(20)),
    )


documents_v11 = _documents_v11(metadata_v11, "documents")
mentions_v11 = _mentions_v11(metadata_v11, "mentions")
events_v11 = _events_v11(metadata_v11, "events")

#: Indexes of the three tables up to version 10 (dropped by migration 11 before the rebuild).
_INDEXES_V10 = (
    "ix_documents_text_hash", "ix_documents_story", "ix_documents_pub_date", "ix_documents_lang",
    "ix_documents_flagged", "ix_documents_tsv", "ix_mentions_doc", "ix_mentions_event", "ix_events_merge",
    "ix_events_dyad_day", "ix_events_day", "ix_events_actor_day", "ix_events_story",
)

#: The indexes of version 11 by table (``{t}``: the table; see the comment above for the query
#: each one serves). Each table's are created right after its rows are copied: the copy of mentions
#: joins documents and events by id, and the representative mentions are found by event.
INDEXES_V11 = {
    "documents": (
        "CREATE UNIQUE INDEX ux_documents_id ON {t} (id)",
        "CREATE INDEX ix_documents_text_hash ON {t} (text_hash)",
        "CREATE INDEX ix_documents_story ON {t} (story_id)",
        "CREATE INDEX ix_documents_pub_date ON {t} (pub_date)",
        "CREATE INDEX ix_documents_lang ON {t} (lang)",
        "CREATE INDEX ix_documents_flagged ON {t} (flags) WHERE flags <> '[]'",
    ),
    "events": (
        "CREATE UNIQUE INDEX ux_events_id ON {t} (id)",
        "CREATE INDEX ix_events_merge ON {t} (merge_key, day)",
        "CREATE INDEX ix_events_dyad_day ON {t} (dyad, day, event, quad_class, goldstein, actor_c)",
        "CREATE INDEX ix_events_day ON {t} (day)",
        "CREATE INDEX ix_events_story ON {t} (story_id)",
    ),
    "mentions": (
        # a mention that created its event has the event's id (found through ux_events_id): only
        # the ids of mentions merged into another event need their own index
        "CREATE UNIQUE INDEX ux_mentions_merged_id ON {t} (id) WHERE id <> event_id",
        "CREATE INDEX ix_mentions_doc_rid ON {t} (doc_rid)",
        "CREATE INDEX ix_mentions_event_rid ON {t} (event_rid)",
    ),
}

#: SQLite: the delete/update triggers of the full-text indexes (inserts are indexed by the writer).
_SQLITE_FTS_TRIGGERS_V11 = [
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    f"""CREATE TRIGGER documents_fts_cjk_ad AFTER DELETE ON documents WHEN old.lang IN {_CJK} BEGIN
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    f"""CREATE TRIGGER documents_fts_cjk_au AFTER UPDATE OF title, text, lang ON documents BEGIN
        INSERT INTO documents_fts_cjk(documents_fts_cjk, rowid, title, text)
            SELECT 'delete', old.rowid, old.title, old.text WHERE old.lang IN {_CJK};
        INSERT INTO documents_fts_cjk(rowid, title, text)
            SELECT new.rowid, new.title, new.text WHERE new.lang IN {_CJK};
    END""",
]

_PG_TSV = ("CREATE INDEX ix_documents_tsv ON documents USING gin (to_tsvector('simple', "
           "coalesce(title, '') || ' ' || coalesce(text, '')))")

_DOC_COLS_V11 = ("id, source, url, site, title, lang, lang_confidence, pub_date, pub_date_precision, pub_date_source, "
                 "text, text_hash, removed, num_events, flags, signals, story_id, run_id, stored_at")
_EVENT_COLS_V11 = ("id, first_mention, merge_key, dyad, actor_c, recipient_c, event, mode, cameo, quad_class, goldstein, "
                   "date, date_precision, day, location, lat, lon, num_mentions, num_sources, num_languages, "
                   "first_seen, last_seen, confidence, flags, story_id")
_MENTION_COLS_V11 = "lang, site, day, precision, pub_date, event, confidence, record"


@migration(11, "integer surrogate keys for documents, mentions and events")
def _m11_integer_keys(conn: Connection) -> None:
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        for trig in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au", "documents_fts_cjk_ai",
                     "documents_fts_cjk_ad", "documents_fts_cjk_au"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {trig}"))
    for name in _INDEXES_V10:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    tmp = MetaData()
    new = {"documents": _documents_v11(tmp, "documents_v11"), "events": _events_v11(tmp, "events_v11"),
           "mentions": _mentions_v11(tmp, "mentions_v11")}
    for t in new.values():
        t.create(conn)
    # documents keep their SQLite rowid (the full-text indexes point to it); elsewhere they are
    # numbered in the order they were stored
    doc_rid = "rowid" if sqlite else "row_number() OVER (ORDER BY stored_at, id)"
    conn.execute(text(f"INSERT INTO documents_v11 (rid, {_DOC_COLS_V11}) SELECT {doc_rid}, {_DOC_COLS_V11} "
                      "FROM documents"))
    for ddl in INDEXES_V11["documents"]:
        conn.execute(text(ddl.format(t="documents_v11")))
    # SQLite numbers events and mentions by their rowids (the order they were stored in: no sort of
    # a table that may hold millions of rows in memory); PostgreSQL in id order
    ev_rid = "rowid" if sqlite else "row_number() OVER (ORDER BY id)"
    conn.execute(text(f"INSERT INTO events_v11 (rid, {_EVENT_COLS_V11}) SELECT {ev_rid}, {_EVENT_COLS_V11} FROM events"))
    for ddl in INDEXES_V11["events"]:
        conn.execute(text(ddl.format(t="events_v11")))
    mcols = ", ".join(f"m.{c.strip()}" for c in _MENTION_COLS_V11.split(","))
    conn.execute(text(
        f"INSERT INTO mentions_v11 (rid, id, doc_rid, doc_id, event_rid, event_id, {_MENTION_COLS_V11}) "
        f"SELECT {'m.rowid' if sqlite else 'row_number() OVER (ORDER BY m.id)'}, m.id, d.rid, m.doc_id, e.rid, "
        f"m.event_id, {mcols} "
        "FROM mentions m LEFT JOIN documents_v11 d ON d.id = m.doc_id LEFT JOIN events_v11 e ON e.id = m.event_id"))
    for ddl in INDEXES_V11["mentions"]:
        conn.execute(text(ddl.format(t="mentions_v11")))
    conn.execute(text("UPDATE events_v11 SET first_mid = (SELECT m.rid FROM mentions_v11 m "
                      "WHERE m.event_rid = events_v11.rid AND m.id = events_v11.first_mention)"))
    for name in ("mentions", "events", "documents"):
        conn.execute(text(f"DROP TABLE {name}"))
    for name in ("documents", "events", "mentions"):
        conn.execute(text(f"ALTER TABLE {name}_v11 RENAME TO {name}"))
    if sqlite:
        for stmt in _SQLITE_FTS_TRIGGERS_V11:
            conn.execute(text(stmt))
        for table, cols, names in (
                ("story_keys", "key VARCHAR(120) NOT NULL, day VARCHAR(10) NOT NULL, doc_id VARCHAR(40) NOT NULL",
                 "key, day, doc_id"),
                ("doc_hashes", "hash VARCHAR(16) NOT NULL, doc_id VARCHAR(40) NOT NULL", "hash, doc_id")):
            conn.execute(text(f"CREATE TABLE {table}_v11 ({cols}, PRIMARY KEY ({names})) WITHOUT ROWID"))
            conn.execute(text(f"INSERT INTO {table}_v11 ({names}) SELECT {names} FROM {table} ORDER BY {names}"))
            conn.execute(text(f"DROP TABLE {table}"))
            conn.execute(text(f"ALTER TABLE {table}_v11 RENAME TO {table}"))
    else:
        conn.execute(text(_PG_TSV))
