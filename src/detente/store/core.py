"""The event store: one schema on SQLite (default) or PostgreSQL, through SQLAlchemy Core.

:func:`open_store` opens (and migrates) a store; :class:`Store.ingest` writes processed
documents in batches, one transaction each, so a killed process loses at most the open batch and
a re-run completes it without duplicates (documents, mentions and events are identified by content
hashes, and stored documents are skipped; the integer keys that link the rows inside the store are
assigned under the write lock). Queries return plain dicts (JSON-ready), with the content-hash ids.

Each batch is written by :class:`detente.store.writer.BatchWriter` (dedup, stories, trust flags).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..pipeline import RunSummary
from ..records import Document
from ..version import CODER_VERSION, __version__
from . import dedup, schema
from .writer import BatchWriter, _json, _loads, prepare

#: Documents per transaction. A kill loses at most this many documents' work; larger batches
#: amortise the per-transaction costs (WAL checkpoints, candidate and story look-ups, the
#: set-based full-text and summary updates): 200 → 1000 took the benchmark from 5.1k to 6.7k
#: events/s before the other changes.
BATCH_SIZE = 1000

#: PostgreSQL advisory lock key held by a batch writer for its transaction.
PG_WRITE_LOCK = 0x64E7E47E

#: Bound parameters per ``IN (...)`` list (SQLite's limit is 32766; PostgreSQL's 65535).
CHUNK = 500



def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso(d: dt.date | str | None) -> str | None:
    if d is None or d == "":
        return None
    if isinstance(d, dt.datetime):
        return d.date().isoformat()
    if isinstance(d, dt.date):
        return d.isoformat()
    return dt.date.fromisoformat(str(d)[:10]).isoformat()


def _chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _in(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """An ``IN (:name0, :name1, …)`` clause and its parameters."""
    params = {f"{name}{i}": v for i, v in enumerate(values)}
    return "(" + ", ".join(f":{k}" for k in params) + ")", params


def _url(url: str | os.PathLike[str] | None) -> str:
    if url is None:
        return "sqlite:///" + str(Path.cwd() / "detente.db")
    s = os.fspath(url)
    if s.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + s.split("://", 1)[1]
    if "://" in s:
        return s
    return "sqlite:///" + str(Path(s).expanduser().resolve())


# ---------------------------------------------------------------------------- results


@dataclass(slots=True)
class IngestStats:
    """What one :meth:`Store.ingest` call stored."""

    run_id: int = 0
    documents: int = 0
    documents_existing: int = 0
    mentions: int = 0
    events_new: int = 0
    events_merged: int = 0
    stories: int = 0
    stories_linked: int = 0
    flagged: Counter[str] = field(default_factory=Counter)
    batches: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        d = asdict(self)
        d["flagged"] = dict(self.flagged)
        return d

    def __str__(self) -> str:
        flags = ", ".join(f"{k} {v}" for k, v in sorted(self.flagged.items()))
        return (
            f"documents {self.documents} new, {self.documents_existing} already stored; "
            f"mentions {self.mentions} → events {self.events_new} new, {self.events_merged} merged"
            + (f"; flagged {flags}" if flags else "")
        )


# ---------------------------------------------------------------------------- the store


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open the store at ``url`` and bring its schema up to date.

    Args:
        url: ``None`` → ``detente.db`` in the current directory; a path → a SQLite file;
            a ``sqlite:///…`` or ``postgresql://…`` URL.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    return Store(url)


class Store:
    """The event store (see the module docstring). Use as a context manager."""

    def __init__(self, url: str | os.PathLike[str] | None = None) -> None:
        self.url = _url(url)
        try:
            self.engine: Engine = self._engine(self.url)
            self.conn: Connection = self.engine.connect()
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open store {self._safe_url()}: {exc}") from exc
        self.dialect = self.engine.dialect.name
        try:
            self.migrate()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ connection

    def _safe_url(self) -> str:
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", self.url)

    @staticmethod
    def _engine(url: str) -> Engine:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            eng = create_engine(url, connect_args={"timeout": 60})

            @event.listens_for(eng, "connect")
            def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
                dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (transactional DDL)
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA busy_timeout=60000")
                _set_wal(cur)
                cur.execute("PRAGMA synchronous=NORMAL")
                # checkpoint every 64 MB of WAL instead of 4 MB: a batch rewrites index pages that
                # the next batches touch again; fewer, larger checkpoints write each page once
                cur.execute("PRAGMA wal_autocheckpoint=16384")
                cur.execute("PRAGMA journal_size_limit=67108864")
                cur.execute("PRAGMA cache_size=-262144")  # 256 MB: the indexes of ~2 M events stay cached
                cur.execute("PRAGMA mmap_size=1073741824")
                cur.execute("PRAGMA temp_store=MEMORY")
                cur.close()

            @event.listens_for(eng, "begin")
            def _on_begin(conn: Connection) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

            return eng
        if url.startswith("postgresql"):
            try:
                import psycopg  # noqa: F401
            except ImportError as exc:
                from ..errors import MissingExtraError

                raise MissingExtraError("postgres", "psycopg") from exc
        return create_engine(url)

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[Connection]:
        """One transaction (``BEGIN IMMEDIATE`` on SQLite when writing); rolled back on error."""
        if self.conn.in_transaction():
            self.conn.rollback()
        self.conn.info["write"] = write
        try:
            with self.conn.begin():
                yield self.conn
        except SQLAlchemyError as exc:
            raise StoreError(f"store {self._safe_url()}: {exc}") from exc
        finally:
            self.conn.info["write"] = False

    def close(self) -> None:
        """Close the connection and dispose of the engine."""
        try:
            if self.conn.in_transaction():
                self.conn.rollback()
            self.conn.close()
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _all(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._tx(write=False) as c:
            return [dict(r._mapping) for r in c.execute(text(sql), params or {})]

    # ------------------------------------------------------------------ migrations

    def schema_version(self) -> int:
        """The applied schema version (0 for an empty database)."""
        with self._tx(write=False) as c:
            return self._version(c)

    @staticmethod
    def _version(c: Connection) -> int:
        from sqlalchemy import inspect

        if not inspect(c).has_table("schema_version"):
            return 0
        v = c.execute(text("SELECT max(version) FROM schema_version")).scalar()
        return int(v or 0)

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction; returns the new version."""
        try:
            if self._quick_version() >= schema.current_version():
                return schema.current_version()
        except SQLAlchemyError:
            pass
        with self._tx() as c:
            self._migration_lock(c)
            schema.schema_version.create(c, checkfirst=True)
        for m in schema.MIGRATIONS:
            try:
                with self._tx() as c:
                    self._migration_lock(c)
                    if self._version(c) >= m.version:  # another process got there first
                        continue
                    m.apply(c)
                    c.execute(schema.schema_version.insert().values(version=m.version, name=m.name,
                                                                    applied_at=_now()))
            except Exception as exc:
                raise StoreError(f"migration {m.version} ({m.name}) failed on {self._safe_url()}: {exc}") from exc
        return schema.current_version()

    def _migration_lock(self, c: Connection) -> None:
        """Serialise migrations between processes (SQLite: ``BEGIN IMMEDIATE`` already does)."""
        if self.dialect == "postgresql":
            c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK + 1})

    def _quick_version(self) -> int:
        with self._tx(write=False) as c:
            try:
                with c.begin_nested():
                    return int(c.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)
            except SQLAlchemyError:
                return 0

    # ------------------------------------------------------------------ ingest

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content-hash id is stored."""
        with self._tx(write=False) as c:
            return c.execute(text("SELECT 1 FROM documents WHERE id = :i"), {"i": doc_id}).first() is not None

    def ingest(
        self,
        docs: Iterable[Document],
        summary: RunSummary | None = None,
        *,
        config: dict[str, Any] | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> IngestStats:
        """Store processed documents with their events, in batches of one transaction each.

        Idempotent (content-hash ids): documents already stored are skipped. Mentions of the same
        event are merged into one event; stories and trust flags are updated; the run is recorded
        (versions, configuration, counts and failures from ``summary``). ``docs`` may be a lazy
        iterator: a batch is committed every ``batch_size`` documents.

        Raises:
            StoreError: a batch could not be written (earlier batches stay committed).
        """
        stats = IngestStats()
        stats.run_id = self._start_run(summary, config)
        batch: list[Document] = []
        status = "failed"
        try:
            for d in docs:
                batch.append(d)
                if len(batch) >= batch_size:
                    self._write_batch(batch, stats, summary)
                    batch = []
            if batch:
                self._write_batch(batch, stats, summary)
            status = "done"
        finally:
            self._finish_run(stats, summary, status)
        return stats

    def _start_run(self, summary: RunSummary | None, config: dict[str, Any] | None) -> int:
        row = {
            "started_at": _now(), "status": "running", "version": __version__, "coder": CODER_VERSION,
            "stages": _json(list(summary.stages) if summary else []), "config": _json(config or {}),
        }
        with self._tx() as c:
            res = c.execute(schema.runs.insert().values(**row).returning(schema.runs.c.id))
            return int(res.scalar_one())

    def _run_counts(self, stats: IngestStats, summary: RunSummary | None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "documents_stored": stats.documents, "documents_existing": stats.documents_existing,
            "mentions_stored": stats.mentions, "events_new": stats.events_new,
        }
        if summary is not None:
            s = summary.to_dict()
            d.update(processed=s["processed"], failed=s["failed"], skipped=s["skipped"], events=s["events"],
                     stages=_json(s["stages"]), failures=_json(s["failures"]), summary=_json(s))
        return d

    def _finish_run(self, stats: IngestStats, summary: RunSummary | None, status: str) -> None:
        vals = self._run_counts(stats, summary)
        vals.update(status=status, finished_at=_now())
        try:
            with self._tx() as c:
                c.execute(schema.runs.update().where(schema.runs.c.id == stats.run_id).values(**vals))
        except StoreError:
            if status == "done":
                raise

    def _stored_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these document ids are stored."""
        out: set[str] = set()
        with self._tx(write=False) as c:
            for chunk in _chunks(ids):
                clause, p = _in("d", chunk)
                out.update(r[0] for r in c.execute(text(f"SELECT id FROM documents WHERE id IN {clause}"), p))
        return out

    def _write_batch(self, docs: list[Document], stats: IngestStats, summary: RunSummary | None) -> None:
        # A batch allocates a few hundred thousand short-lived objects (rows, records, mentions) and
        # no reference cycles: the cyclic collector, run over and over during the batch, found
        # nothing and cost ~10 % of the insert. It runs again (on whatever is left) after the batch.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            # the per-document work that needs no database (text and sentence hashes, trust signals)
            # is done before the write lock is taken, for the documents not stored yet
            stored = self._stored_ids(sorted({d.id for d in docs}))
            prepared = prepare([d for d in docs if d.id not in stored])
            with self._tx() as c:
                if self.dialect == "postgresql":
                    # one batch writer at a time (SQLite gets the same from BEGIN IMMEDIATE): two
                    # concurrent ingests would otherwise each create the event the other is creating
                    c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
                BatchWriter(c, self.dialect, stats, prepared).write(docs, stats.run_id)
                c.execute(schema.runs.update().where(schema.runs.c.id == stats.run_id)
                          .values(**self._run_counts(stats, summary)))
        finally:
            if gc_was_enabled:
                gc.enable()
        stats.batches += 1

    # ------------------------------------------------------------------ events

    def _event_filters(
        self, dyad: str | None, since: dt.date | str | None, until: dt.date | str | None,
        types: list[str] | None, directed: bool, *, by_dyads: bool = True,
    ) -> tuple[str, dict[str, Any]]:
        """``WHERE`` clause and parameters of the event filters. Every dyad filter goes through the
        ``(dyad, day, …)`` index: one side (``"USA"``) as the list of its dyads in ``dyad_stats``
        (``by_dyads``; newest-first listings with a limit instead scan ``ix_events_day`` and stop
        early), a directed pair as its dyad plus the direction."""
        where: list[str] = []
        p: dict[str, Any] = {}
        if dyad:
            parts = [x.strip().upper() for x in dyad.replace("_", "-").split("-") if x.strip()]
            if len(parts) == 1 and by_dyads:
                a = parts[0]
                dyads = [r["dyad"] for r in self._all("SELECT dyad FROM dyad_stats WHERE events > 0")
                         if a in r["dyad"].split("-")]
                if dyads:
                    clause, dp = _in("ad", dyads)
                    where.append(f"e.dyad IN {clause}")
                    p.update(dp)
                else:
                    where.append("1 = 0")
            elif len(parts) == 1:
                where.append("(e.actor_c = :a OR e.recipient_c = :a)")
                p["a"] = parts[0]
            elif directed:
                # events.dyad is the sorted pair of actor_c and recipient_c: with the dyad and its
                # actor the recipient is the other side (the covering dyad index answers it)
                where.append("e.dyad = :dyad AND e.actor_c = :a")
                p["a"] = parts[0]
                p["dyad"] = dedup.dyad_of(parts[0], parts[1])
            else:
                where.append("e.dyad = :dyad")
                p["dyad"] = dedup.dyad_of(parts[0], parts[1])
        if since:
            where.append("e.day >= :since")
            p["since"] = _iso(since)
        if until:
            where.append("e.day <= :until")
            p["until"] = _iso(until)
        if types:
            clause, tp = _in("t", [t.upper() for t in types])
            where.append(f"e.event IN {clause}")
            p.update(tp)
        return (" WHERE " + " AND ".join(where)) if where else "", p

    def events(
        self,
        dyad: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        types: list[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        directed: bool = False,
        story: str | None = None,
    ) -> list[dict[str, Any]]:
        """Deduplicated events, newest first.

        Each dict is the event record of the event's first mention (``Event.to_dict()`` keys) with
        the merged ``date``/``confidence``/``flags``, plus ``num_mentions``, ``num_sources``,
        ``num_languages``, ``first_seen``, ``last_seen``, ``story_id``, ``trust_flags`` and
        ``mentions`` (small dicts: ``id doc_id lang site url title pub_date evidence …``).

        Args:
            dyad: ``"USA-CHN"`` (direction-free unless ``directed``) or one side ``"USA"``.
            since, until: inclusive date range on the event date.
            types: PLOVER types.
        """
        where, p = self._event_filters(dyad, since, until, types, directed, by_dyads=False)
        if story:
            where += (" AND " if where else " WHERE ") + "e.story_id = :story"
            p["story"] = story
        sql = ("SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid" + where
               + " ORDER BY e.day DESC NULLS LAST, e.id")
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            p.update(limit=int(limit), offset=int(offset or 0))
        elif offset:
            sql += " LIMIT -1 OFFSET :offset" if self.dialect == "sqlite" else " OFFSET :offset"
            p["offset"] = int(offset)
        with self._tx(write=False) as c:
            rows = [dict(r._mapping) for r in c.execute(text(sql), p)]
            return self._event_dicts(c, rows)

    def iter_events(
        self,
        dyad: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        types: list[str] | None = None,
        *,
        directed: bool = False,
        page: int = 2000,
    ) -> Iterator[dict[str, Any]]:
        """All matching events (as :meth:`events`), streamed in pages by id (keyset pagination:
        constant cost per page on any store size). Used by the exports."""
        where, p = self._event_filters(dyad, since, until, types, directed, by_dyads=False)
        last = ""
        while True:
            w = where + (" AND " if where else " WHERE ") + "e.id > :last"
            sql = ("SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid" + w
                   + " ORDER BY e.id LIMIT :page")
            with self._tx(write=False) as c:
                rows = [dict(r._mapping) for r in c.execute(text(sql), {**p, "last": last, "page": page})]
                out = self._event_dicts(c, rows)
            yield from out
            if len(rows) < page:
                return
            last = rows[-1]["id"]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One deduplicated event with all its mentions (``None`` when unknown)."""
        with self._tx(write=False) as c:
            rows = [dict(r._mapping) for r in c.execute(text(
                "SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid WHERE e.id = :i"),
                {"i": event_id})]
            if not rows:
                # a mention id resolves to its event
                eid = c.execute(text("SELECT event_id FROM mentions WHERE id = :i AND id <> event_id"),  # partial index
                                {"i": event_id}).scalar()
                if eid is None:
                    return None
                rows = [dict(r._mapping) for r in c.execute(text(
                    "SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid WHERE e.id = :i"),
                    {"i": eid})]
            out = self._event_dicts(c, rows)
            return out[0] if out else None

    @staticmethod
    def _event_dicts(c: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_event: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        ids = [r["rid"] for r in rows]
        for chunk in _chunks(ids):
            clause, p = _in("e", chunk)
            for m in c.execute(text(
                "SELECT m.id, m.event_id, m.doc_id, m.lang, m.site, m.pub_date, m.record, d.url, d.title, d.flags "
                f"FROM mentions m JOIN documents d ON d.rid = m.doc_rid WHERE m.event_rid IN {clause} "
                "ORDER BY m.pub_date, m.id"), p):
                rec = _loads(m.record, {})
                by_event[m.event_id].append({
                    "id": m.id, "doc_id": m.doc_id, "lang": m.lang, "site": m.site, "url": m.url, "title": m.title,
                    "pub_date": m.pub_date, "date": rec.get("date"), "event": rec.get("event"),
                    "mode": rec.get("mode"), "cameo": rec.get("cameo"), "actor": rec.get("actor"),
                    "recipient": rec.get("recipient"), "evidence": rec.get("evidence"),
                    "confidence": rec.get("confidence"), "flags": _loads(m.flags, []),
                })
        out = []
        for r in rows:
            rec = _loads(r["record"], {})
            trust_flags = _loads(r["flags"], [])
            rec.update(
                id=r["id"], date=r["date"], date_precision=r["date_precision"],
                confidence=round(float(r["confidence"] or 0.0), 4),
                flags=sorted(set(rec.get("flags") or []) | set(trust_flags)),
                trust_flags=trust_flags, dyad=r["dyad"], num_mentions=r["num_mentions"],
                num_sources=r["num_sources"], num_languages=r["num_languages"], first_seen=r["first_seen"],
                last_seen=r["last_seen"], story_id=r["story_id"], mentions=by_event[r["id"]],
            )
            out.append(rec)
        return out

    def count_events(
        self, dyad: str | None = None, since: dt.date | str | None = None, until: dt.date | str | None = None,
        types: list[str] | None = None, *, directed: bool = False,
    ) -> int:
        """How many deduplicated events match the filters of :meth:`events`."""
        where, p = self._event_filters(dyad, since, until, types, directed)
        with self._tx(write=False) as c:
            return int(c.execute(text("SELECT count(*) FROM events e" + where), p).scalar() or 0)

    def timeline(
        self, dyad: str, *, interval: str = "month", since: dt.date | str | None = None,
        until: dt.date | str | None = None, directed: bool = False,
    ) -> list[dict[str, Any]]:
        """Per period: event count, counts per PLOVER type and QuadClass, mean Goldstein.

        Rows ``{"period": "2023-06" | "2023-W24" | "2023-06-19", "start": "2023-06-01", "count",
        "types": {TYPE: n}, "quad_class": {"1": n, …, "4": n}, "goldstein_mean"}``, oldest first;
        periods without events are left out. Served by the ``(dyad, day, event, quad_class,
        goldstein)`` covering index.
        """
        if interval not in ("month", "week", "day"):
            raise ValueError(f"interval must be month, week or day, not {interval!r}")
        where, p = self._event_filters(dyad, since, until, None, directed)
        where += (" AND " if where else " WHERE ") + "e.day IS NOT NULL"
        period = self._period_sql(interval)
        sql = (f"SELECT {period} AS start, e.event, e.quad_class, count(*) AS n, sum(e.goldstein) AS g "
               f"FROM events e{where} GROUP BY {period}, e.event, e.quad_class")
        periods: dict[str, dict[str, Any]] = {}
        with self._tx(write=False) as c:
            for start, ev, quad, n, g in c.execute(text(sql), p):
                row = periods.get(start)
                if row is None:
                    d0 = dt.date.fromisoformat(start if len(start) == 10 else start + "-01")
                    row = periods[start] = {"period": _period_label(d0, interval), "start": d0.isoformat(),
                                            "count": 0, "types": {}, "quad_class": {"1": 0, "2": 0, "3": 0, "4": 0},
                                            "_g": 0.0}
                row["count"] += n
                row["types"][ev] = row["types"].get(ev, 0) + n
                if quad:
                    row["quad_class"][str(quad)] += n
                row["_g"] += float(g or 0.0)
        out = []
        for key in sorted(periods):
            row = periods[key]
            row["goldstein_mean"] = round(row.pop("_g") / row["count"], 3) if row["count"] else None
            out.append(row)
        return out

    def _period_sql(self, interval: str) -> str:
        """SQL for the first day of the period of ``e.day`` (a month is ``YYYY-MM``)."""
        if interval == "month":
            return "substr(e.day, 1, 7)"
        if interval == "day":
            return "e.day"
        if self.dialect == "postgresql":
            return "to_char(date_trunc('week', e.day::date), 'YYYY-MM-DD')"
        return "date(e.day, 'weekday 0', '-6 days')"  # the Monday of the ISO week

    def dyads(self, limit: int | None = 20) -> list[dict[str, Any]]:
        """Dyads (two-sided) with their event and mention counts, most events first.

        Counts come from the ``dyad_stats`` summary the batch writer maintains (one row per dyad);
        the first and last event day of each returned dyad are two seeks in the
        ``(dyad, day, …)`` index."""
        sql = ("SELECT dyad, events, mentions, goldstein_sum FROM dyad_stats WHERE dyad LIKE '%-%' AND events > 0 "
               "ORDER BY events DESC, dyad")
        p: dict[str, Any] = {}
        if limit is not None:
            sql += " LIMIT :limit"
            p["limit"] = int(limit)
        out: list[dict[str, Any]] = []
        with self._tx(write=False) as c:
            for r in c.execute(text(sql), p).all():
                first, last = c.execute(text(
                    "SELECT (SELECT min(day) FROM events WHERE dyad = :d), (SELECT max(day) FROM events WHERE dyad = :d)"),
                    {"d": r.dyad}).one()
                n = int(r.events)
                out.append({"dyad": r.dyad, "events": n, "first": first, "last": last,
                            "goldstein_mean": round(float(r.goldstein_sum) / n, 3), "count": n,
                            "mentions": int(r.mentions)})
        return out

    # ------------------------------------------------------------------ documents, stories, search

    _DOC_COLS = ("id, source, url, site, title, lang, lang_confidence, pub_date, pub_date_precision, "
                 "pub_date_source, num_events, flags, signals, story_id, stored_at")

    @staticmethod
    def _doc_dict(r: dict[str, Any]) -> dict[str, Any]:
        r["flags"] = _loads(r.get("flags"), [])
        r["signals"] = _loads(r.get("signals"), {})
        if "removed" in r:
            r["removed"] = _loads(r["removed"], [])
        return r

    def documents(
        self, limit: int | None = 50, offset: int = 0, *, flag: str | None = None, story: str | None = None,
        lang: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored documents, newest publication first (without their text)."""
        where: list[str] = []
        p: dict[str, Any] = {}
        if flag:
            where.append("flags LIKE :flag")
            p["flag"] = f'%"{flag}"%'
        if story:
            where.append("story_id = :story")
            p["story"] = story
        if lang:
            where.append("lang = :lang")
            p["lang"] = lang
        sql = f"SELECT {self._DOC_COLS} FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY pub_date DESC NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            p.update(limit=int(limit), offset=int(offset or 0))
        return [self._doc_dict(r) for r in self._all(sql, p)]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document: cleaned text, removed furniture, flags and signals, its events (mentions)
        with the merged event each belongs to, and related documents of its story."""
        with self._tx(write=False) as c:
            row = c.execute(text(f"SELECT {self._DOC_COLS}, text, removed FROM documents WHERE id = :i"),
                            {"i": doc_id}).first()
            if row is None:
                return None
            d = self._doc_dict(dict(row._mapping))
            evs = []
            for m in c.execute(text("SELECT m.id, m.event_id, m.record FROM documents d JOIN mentions m "
                                    "ON m.doc_rid = d.rid WHERE d.id = :i"), {"i": doc_id}):
                rec = _loads(m.record, {})
                rec["event_id"] = m.event_id
                evs.append(rec)
            evs.sort(key=lambda e: ((e.get("evidence") or {}).get("start", 0), e["id"]))
            d["events"] = evs
            d["related"] = []
            if d.get("story_id"):
                d["related"] = [dict(r._mapping) for r in c.execute(text(
                    "SELECT id, title, lang, site, url, pub_date FROM documents WHERE story_id = :s AND id <> :i "
                    "ORDER BY pub_date, id LIMIT 50"), {"s": d["story_id"], "i": doc_id})]
            return d

    def related(self, doc_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents of the same story as ``doc_id`` (any language)."""
        d = self.document(doc_id)
        return (d or {}).get("related", [])[:limit]

    @staticmethod
    def _story_dict(r: dict[str, Any]) -> dict[str, Any]:
        for k in ("langs", "sites", "actors"):
            r[k] = _loads(r.get(k), [])
        if "actor_counts" in r:
            r["actor_counts"] = _loads(r.get("actor_counts"), {})
        return r

    def stories(self, limit: int | None = 50, offset: int = 0, *, min_documents: int = 1) -> list[dict[str, Any]]:
        """Stories, largest and most recent first."""
        sql = ("SELECT * FROM stories WHERE num_documents >= :m ORDER BY num_documents DESC, last_seen DESC, id")  # ix_stories_rank
        p: dict[str, Any] = {"m": min_documents}
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            p.update(limit=int(limit), offset=int(offset or 0))
        return [self._story_dict(r) for r in self._all(sql, p)]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its documents (all languages) and its events."""
        rows = self._all("SELECT * FROM stories WHERE id = :i", {"i": story_id})
        if not rows:
            return None
        s = self._story_dict(rows[0])
        s["documents"] = self.documents(limit=None, story=story_id)
        s["events"] = self.events(story=story_id, limit=200)
        return s

    def search(self, query: str, limit: int | None = 50) -> list[dict[str, Any]]:
        """Events whose documents match a full-text query (FTS5 on SQLite, ``tsvector``/ILIKE on
        PostgreSQL). Each result is an event dict (as :meth:`events`) plus ``matched_doc``."""
        q = query.strip()
        if not q:
            return []
        lim = int(limit or 50)
        doc_ids = self._search_docs(q, lim * 4)
        if not doc_ids:
            return []
        with self._tx(write=False) as c:
            clause, p = _in("d", doc_ids)
            ev_doc: dict[str, str] = {}
            for r in c.execute(text("SELECT m.event_id, m.doc_id FROM documents d JOIN mentions m ON m.doc_rid = d.rid "
                                    f"WHERE d.id IN {clause}"), p):
                ev_doc.setdefault(r.event_id, r.doc_id)
            rank = {d: i for i, d in enumerate(doc_ids)}
            ids = sorted(ev_doc, key=lambda e: (rank[ev_doc[e]], e))[:lim]
            if not ids:
                return []
            clause, p = _in("e", ids)
            rows = [dict(r._mapping) for r in c.execute(text(
                "SELECT e.*, m.record FROM events e JOIN mentions m ON m.rid = e.first_mid "
                f"WHERE e.id IN {clause}"), p)]
            out = self._event_dicts(c, rows)
        for e in out:
            e["matched_doc"] = ev_doc[e["id"]]
        out.sort(key=lambda e: (rank[e["matched_doc"]], e["id"]))
        return out

    def search_documents(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Documents matching a full-text query, best first (without their text)."""
        ids = self._search_docs(query.strip(), limit)
        if not ids:
            return []
        clause, p = _in("d", ids)
        rows = {r["id"]: self._doc_dict(r) for r in self._all(f"SELECT {self._DOC_COLS} FROM documents WHERE id IN {clause}", p)}
        return [rows[i] for i in ids if i in rows]

    def _search_docs(self, q: str, limit: int) -> list[str]:
        if not q:
            return []
        if self.dialect == "sqlite":
            return self._search_sqlite(q, limit)
        terms = q.split()
        with self._tx(write=False) as c:
            ids = [r[0] for r in c.execute(text(
                "SELECT id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) "
                "@@ plainto_tsquery('simple', :q) ORDER BY pub_date DESC NULLS LAST, id LIMIT :n"), {"q": q, "n": limit})]
            if not ids:
                has_unaccent = c.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).first()
                wrap = (lambda x: f"unaccent({x})") if has_unaccent else (lambda x: x)
                doc = wrap("coalesce(title, '') || ' ' || coalesce(text, '')")
                cond = " AND ".join(f"{doc} ILIKE {wrap(f':t{i}')}" for i in range(len(terms)))
                p: dict[str, Any] = {f"t{i}": f"%{t}%" for i, t in enumerate(terms)}
                p["n"] = limit
                ids = [r[0] for r in c.execute(text(
                    f"SELECT id FROM documents WHERE {cond} ORDER BY pub_date DESC NULLS LAST, id LIMIT :n"), p)]
            return ids

    def _search_sqlite(self, q: str, limit: int) -> list[str]:
        terms = [t for t in re.split(r"\s+", q) if t]
        cjk = any(_is_cjk(ch) for ch in q)
        with self._tx(write=False) as c:
            if cjk:
                short = [t for t in terms if len(t) < 3]
                long = [t for t in terms if len(t) >= 3]
                if long and not short:
                    match = " AND ".join(_fts_quote(t) for t in long)
                    return [r[0] for r in c.execute(text(
                        "SELECT d.id FROM documents_fts_cjk f JOIN documents d ON d.rowid = f.rowid "
                        "WHERE documents_fts_cjk MATCH :m ORDER BY rank LIMIT :n"), {"m": match, "n": limit})]
                cond = " AND ".join(f"(coalesce(title, '') || ' ' || coalesce(text, '')) LIKE :t{i}"
                                    for i in range(len(terms)))
                p: dict[str, Any] = {f"t{i}": f"%{t}%" for i, t in enumerate(terms)}
                p["n"] = limit
                return [r[0] for r in c.execute(text(
                    f"SELECT id FROM documents WHERE {cond} ORDER BY pub_date DESC, id LIMIT :n"), p)]
            match = " AND ".join(_fts_quote(t) for t in terms)
            return [r[0] for r in c.execute(text(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                "WHERE documents_fts MATCH :m ORDER BY rank LIMIT :n"), {"m": match, "n": limit})]

    # ------------------------------------------------------------------ stats, runs

    def stats(self) -> dict[str, Any]:
        """Counts of documents, mentions, events, stories, dyads, runs; flagged documents by flag."""
        with self._tx(write=False) as c:
            one = lambda sql: int(c.execute(text(sql)).scalar() or 0)  # noqa: E731
            out: dict[str, Any] = {
                "documents": one("SELECT count(*) FROM documents"),
                "mentions": one("SELECT count(*) FROM mentions"),
                "events": one("SELECT count(*) FROM events"),
                "stories": one("SELECT count(*) FROM stories"),
                "dyads": one("SELECT count(*) FROM dyad_stats WHERE dyad LIKE '%-%' AND events > 0"),
                "actors": one("SELECT count(*) FROM actors"),
                "runs": one("SELECT count(*) FROM runs"),
            }
            first, last = c.execute(text("SELECT min(day), max(day) FROM events")).first() or (None, None)
            out["first_event"], out["last_event"] = first, last
            out["languages"] = {r[0] or "?": int(r[1]) for r in c.execute(text(
                "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC"))}
            flagged: Counter[str] = Counter()
            for (f,) in c.execute(text("SELECT flags FROM documents WHERE flags <> '[]'")):  # partial index
                flagged.update(_loads(f, []))
            out["flagged_documents"] = dict(flagged)
            out["schema_version"] = self._version(c)
            out["backend"] = self.dialect
            return out

    def runs(self, limit: int | None = 20) -> list[dict[str, Any]]:
        """Ingest runs, newest first, with versions, configuration, counts and failures."""
        sql = "SELECT * FROM runs ORDER BY id DESC"
        p: dict[str, Any] = {}
        if limit is not None:
            sql += " LIMIT :limit"
            p["limit"] = int(limit)
        rows = self._all(sql, p)
        for r in rows:
            for k in ("stages", "config", "failures", "summary"):
                r[k] = _loads(r.get(k), None)
        return rows


def _set_wal(cur: Any, attempts: int = 200) -> None:
    """Switch a SQLite database to WAL (persistent: a no-op once done). Changing the journal
    mode needs the database to itself and SQLite does not wait for it, so two processes opening a
    new store at once retry here instead of failing with "database is locked"."""
    import sqlite3
    import time

    for i in range(attempts):
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if i == attempts - 1:
                raise
            time.sleep(0.01 + 0.002 * i)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _period_label(start: dt.date, interval: str) -> str:
    if interval == "month":
        return start.strftime("%Y-%m")
    if interval == "week":
        y, w, _ = start.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return start.isoformat()
