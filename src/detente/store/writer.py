"""Writing one batch of documents inside an open transaction (the hot path of ``Store.ingest``).

Steps, each a handful of set-wise statements per batch (never one query per document):

1. drop documents already stored (same content-hash id) and repeats within the batch;
2. measure the trust signals of each new document; find verbatim copies (same cleaned text);
3. turn every coded event into a *mention* and merge it into a stored or new event
   (:mod:`detente.store.dedup`); candidate events are fetched per group of mentions whose
   windows lie close together in time; a mention of a copy (verbatim or near-duplicate) first
   merges into a matching event of the document it copies, whatever the dates;
4. attach documents and new events to stories: through shared events, else through the story
   signature (shared dyad and specific actor, close in time: :mod:`detente.store.stories`);
5. insert documents, mentions, new events and story signatures; on SQLite the batch's new
   documents enter the full-text indexes in one ``INSERT … SELECT`` per index (a trigger per row
   cost three times as much);
6. recompute counts, first/last seen, date, confidence and flags of the stored events that received
   mentions;
7. recompute the ``republished`` flag of the batch's documents (in memory: their mentions and the
   first-seen dates of their events are known) and of stored documents whose events' first report
   moved earlier; refresh the events of documents whose flags changed; add the batch's events and
   mentions to the ``dyad_stats`` summary;
8. count actors.

Everything happens in the batch's one transaction: a killed process leaves no half-written batch,
and the re-run writes it whole (the summary and the full-text index included).

Statements go through the DBAPI cursor of the SQLAlchemy connection (same transaction) with
``:name`` parameters, rewritten to ``%(name)s`` for psycopg: SQLAlchemy's per-statement
overhead was most of the ingest time. The per-event inserts (mentions, events, story signatures,
sentence hashes) bind tuples to ``?`` placeholders (``%s`` for psycopg) and go in sorted by
primary key. Documents, mentions and events get the next integer keys (``rid``) in the order of
their content-hash ids, so that the rows are appended and the unique-id indexes are walked once
in order per batch; mentions link to their document and event by those integer keys.

The per-document work that needs no database (text and sentence hashes, trust signals:
:func:`prepare`) is done by ``Store`` before the batch's transaction opens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter, namedtuple
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection

from ..records import Document, Event, Evidence, Provenance, RemovedSpan, content_hash
from . import dedup, trust
from . import stories as story_sig
from .schema import CJK_LANGS

#: Bound parameters per ``IN (...)`` list (SQLite allows 32766, PostgreSQL 65535).
CHUNK = 500

#: Stories are linked through events dated to the day only: month- or year-precision events
#: ("talks this year") would chain unrelated articles into one story.
STORY_LINK_PRECISION = ("day",)

#: A document joins the story with which it shares the most events. It merges a second story into
#: that one only when it shares at least this many events with it as well: one shared event is a
#: retrospective mention ("after the June talks in Beijing, …"), not the same story.
STORY_MERGE_SHARED = 2

#: Near-duplicates: a document sharing at least this many long sentences with a stored one …
NEAR_DUP_MIN = 3
#: … making up at least this share of its own long sentences is a copy of it (the casino copy of
#: the demo corpus shares all 9 body sentences of the original with a different title and
#: furniture; two reports of one event written separately share none).
NEAR_DUP_SHARE = 0.6
#: A sentence counts for near-duplicate detection from this many words (or CJK characters / 2).
NEAR_DUP_SENTENCE_WORDS = 8
#: At most this many sentence hashes per document (the lead and body of a news article).
NEAR_DUP_MAX = 40

#: Mentions whose merge windows lie within this many days of each other fetch their candidate
#: events in one query.
CANDIDATE_SPAN_DAYS = 45


def _json(v: Any) -> str:
    return orjson.dumps(v).decode()


def _loads(s: str | None, default: Any = None) -> Any:
    if s is None or s == "":
        return default
    return orjson.loads(s)


def _chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


_WS = re.compile(r"\s+")


def text_hash(s: str) -> str:
    """Hash of a cleaned text with whitespace and case normalised (verbatim-copy detection)."""
    return content_hash(_WS.sub(" ", s).strip().casefold(), length=20)


def related_sites(a: str | None, b: str | None) -> bool:
    """Same site name, or hosts sharing their last two labels (``e.vnexpress.net``)."""
    if not a or not b:
        return True
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    ta, tb = a.split("."), b.split(".")
    return len(ta) >= 2 and len(tb) >= 2 and ta[-2:] == tb[-2:]


def _same_outlet(url_a: str | None, url_b: str | None) -> bool:
    """Whether two URLs are on one outlet's hosts (``asia.harborwire.com``, ``harborwire.com``),
    whatever site names the pages give; ``False`` when either has no host."""
    a, b = trust.host_of(url_a), trust.host_of(url_b)
    return bool(a and b) and related_sites(a, b)


_SENT_SPLIT = re.compile(r"(?<=[.!?。！？])\s*|\n+")
_WORD_RUN = re.compile(r"\w+")
_CJK_CHARS = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def sentence_hashes(doc: Document) -> list[str]:
    """Hashes of the document's long sentences (normalised: case, spacing, punctuation), in
    order, at most :data:`NEAR_DUP_MAX` (near-duplicate detection)."""
    sents = [s.text for s in doc.sentences] if doc.sentences else _SENT_SPLIT.split(doc.text or "")
    out: list[str] = []
    for s in sents:
        # the runs of word characters joined by one space: punctuation to spaces, spacing collapsed
        # and stripped, in one pass
        toks = _WORD_RUN.findall(s.casefold())
        norm = " ".join(toks)
        if len(toks) < NEAR_DUP_SENTENCE_WORDS and (len(norm) < 2 * NEAR_DUP_SENTENCE_WORDS or norm.isascii() or len(
                _CJK_CHARS.findall(norm)) < 2 * NEAR_DUP_SENTENCE_WORDS):
            continue  # short: fewer than 8 words and 16 CJK characters
        h = content_hash(norm, length=16)
        if h not in out:
            out.append(h)
            if len(out) >= NEAR_DUP_MAX:
                break
    return out


_EVIDENCE_FIELDS = tuple(f.name for f in dataclasses.fields(Evidence))
_PROVENANCE_FIELDS = tuple(f.name for f in dataclasses.fields(Provenance))


# event_record spells the fields out (a comprehension over the field names cost 40 % of it): a
# field added to Evidence or Provenance must be added there too
assert _EVIDENCE_FIELDS == ("sentence", "start", "end", "trigger", "trigger_start", "trigger_end"), _EVIDENCE_FIELDS
assert _PROVENANCE_FIELDS == ("coder", "lexicon_entry", "actor_entries"), _PROVENANCE_FIELDS
# the documents' removed spans are written the same way (asdict cost ~3 µs per span)
assert tuple(f.name for f in dataclasses.fields(RemovedSpan)) == ("start", "end", "rule", "text")


def event_record(ev: Event) -> dict[str, Any]:
    """``ev.to_dict()`` without :func:`dataclasses.asdict` (5x faster; a test keeps them equal)."""
    e, p = ev.evidence, ev.provenance
    return {
        "id": ev.id, "doc_id": ev.doc_id, "lang": ev.lang, "date": ev.date, "date_precision": ev.date_precision,
        "event": ev.event, "mode": ev.mode, "cameo": ev.cameo, "goldstein": ev.goldstein,
        "quad_class": ev.quad_class, "actor": ev.actor, "recipient": ev.recipient, "symmetric": ev.symmetric,
        "intent": ev.intent, "location": ev.location,
        "evidence": {"sentence": e.sentence, "start": e.start, "end": e.end, "trigger": e.trigger,
                     "trigger_start": e.trigger_start, "trigger_end": e.trigger_end},
        "confidence": round(ev.confidence, 4), "flags": list(ev.flags),
        "provenance": {"coder": p.coder, "lexicon_entry": p.lexicon_entry,
                       "actor_entries": list(p.actor_entries) if isinstance(p.actor_entries, list)
                       else p.actor_entries},
    }


def precision_of(date: str) -> str:
    """Precision implied by the length of an ISO date string."""
    n = len(date)
    return "year" if n == 4 else "month" if n == 7 else "day"


def date_at(day: str | None, precision: str | None) -> str | None:
    """The event date at its precision, from the padded day."""
    if not day:
        return None
    if precision == "year":
        return day[:4]
    return day[:7] if precision == "month" else day


@dataclass(slots=True)
class Mention:
    """A coded event of a new document, on its way to the ``mentions`` table."""

    id: str
    doc_id: str
    key: str
    day: str | None
    precision: str | None
    date: str | None
    mode: str | None
    location: str | None
    lat: float | None
    lon: float | None
    record: dict[str, Any]
    lang: str | None
    site: str | None
    pub_date: str | None
    confidence: float
    actor_c: str
    recipient_c: str
    event_id: str = ""
    rid: int = 0  # mentions.rid (assigned by the writer)
    doc_rid: int = 0
    event_rid: int = 0


@dataclass(slots=True)
class MInfo:
    """What the event aggregates need about one stored mention."""

    id: str
    doc_id: str
    origin: str | None
    lang: str | None
    pub_date: str | None
    confidence: float
    doc_flags: list[str]
    is_copy: bool
    day: str | None
    precision: str | None = None
    rid: int = 0  # mentions.rid


def aggregate(ms: list[MInfo]) -> dict[str, Any]:
    """Counts, first/last seen, confidence and flags of one event from its mentions.

    * verbatim copies (same cleaned text as an earlier document) are linked but not counted:
      repeated coverage must not inflate the counts;
    * ``num_sources`` counts distinct origin sites, ``num_languages`` distinct languages;
    * ``last_seen`` ignores republished pages (unless nothing else reports the event);
    * ``confidence`` is the best mention confidence after the trust penalties of its page;
    * ``flags`` are the trust flags shared by every counted report;
    * the representative (first) mention is an original, unflagged, precisely dated, earliest,
      most confident report;
    * the date is that of an original report (a copy dates its undated sentences by its own,
      later publication date), the most precise, then the earliest published.
    """
    if len(ms) == 1:
        m = ms[0]
        return {
            "first_mention": m.id, "first_mid": m.rid, "num_mentions": 1, "num_sources": 1, "num_languages": 1,
            "first_seen": m.pub_date, "last_seen": m.pub_date,
            "confidence": round(m.confidence * trust.penalty(m.doc_flags), 4) if m.doc_flags
            else round(m.confidence, 4),
            "flags": _json(sorted(f for f in m.doc_flags if f in trust.PENALTY)) if m.doc_flags else "[]",
            "day": m.day, "date_precision": m.precision, "date": date_at(m.day, m.precision),
        }
    counted = [m for m in ms if not m.is_copy] or ms
    pubs = [m.pub_date for m in ms if m.pub_date]
    fresh = [m.pub_date for m in ms if m.pub_date and "republished" not in m.doc_flags] or pubs
    shared = set(counted[0].doc_flags)
    for m in counted[1:]:
        shared &= set(m.doc_flags)
    first = min(ms, key=lambda m: (m.is_copy, bool(set(m.doc_flags) & set(trust.PENALTY)),
                                   dedup.PRECISION_RANK.get(m.precision, 3), m.pub_date or "9999", -m.confidence,
                                   m.id))
    best = min(ms, key=lambda m: (m.is_copy, dedup.PRECISION_RANK.get(m.precision, 3) + (4 if "republished" in m.doc_flags else 0),
                                  m.pub_date or "9999", m.id))
    return {
        "first_mention": first.id,
        "first_mid": first.rid,
        "num_mentions": len(counted),
        "num_sources": len({m.origin or m.doc_id for m in counted}),
        "num_languages": len({m.lang for m in counted if m.lang}) or 1,
        "first_seen": min(pubs) if pubs else None,
        "last_seen": max(fresh) if fresh else None,
        "confidence": round(max(m.confidence * trust.penalty(m.doc_flags) for m in ms), 4),
        "flags": _json(sorted(f for f in shared if f in trust.PENALTY)),
        "day": best.day,
        "date_precision": best.precision,
        "date": date_at(best.day, best.precision),
    }


@functools.lru_cache(maxsize=16384)
def _days_around(day: str) -> tuple[str, ...]:
    """The days within :data:`stories.STORY_WINDOW_DAYS` of ``day`` (ISO), itself included."""
    d = dt.date.fromisoformat(day[:10])
    w = story_sig.STORY_WINDOW_DAYS
    return tuple((d + dt.timedelta(days=i)).isoformat() for i in range(-w, w + 1))


@functools.lru_cache(maxsize=65536)
def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _is_old(pub: str | None, first_seen: str | None, day: str | None, precision: str | None) -> bool:
    """Whether a mention is old news for its page: the event was first reported by other pages,
    or is dated by the page itself (to the day or month), :data:`trust.REPUBLISH_DAYS` or more
    before the page's publication date."""
    if not pub:
        return False
    p = _date(pub)
    if first_seen and (p - _date(first_seen)).days >= trust.REPUBLISH_DAYS:
        return True
    if day and precision in ("day", "month"):
        end = _date(day) if precision == "day" else _date(dedup.window(day, "month")[1])  # the month's last day
        return (p - end).days >= trust.REPUBLISH_DAYS
    return False


_ROW_TYPES: dict[tuple[str, ...], Any] = {}


def _row_type(description: Sequence[Sequence[Any]]) -> Any:
    """The named-tuple class of a result's columns (one per column list)."""
    key = tuple(d[0] for d in description)
    cls = _ROW_TYPES.get(key)
    if cls is None:
        cls = _ROW_TYPES[key] = namedtuple("Row", key)
    return cls


_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=256)
def _pg_sql(sql: str) -> str:
    return _PARAM.sub(r"%(\1)s", sql)


@functools.lru_cache(maxsize=64)
def _pg_pos(sql: str) -> str:
    """``?`` placeholders (SQLite's qmark style) as psycopg's ``%s``."""
    return sql.replace("?", "%s")


def _add_original(orig_events: dict[str, dict[str, list[dedup.Candidate]]], doc_id: str, key: str,
                  c: dedup.Candidate) -> None:
    """Note that document ``doc_id`` reports the event of candidate ``c`` (once per event)."""
    lst = orig_events.setdefault(doc_id, {}).setdefault(key, [])
    if all(x.id != c.id for x in lst):
        lst.append(c)


@dataclass(slots=True)
class Prepared:
    """What a document's row needs that depends on the document alone (no database): computed by
    :func:`prepare` before the batch's transaction opens, so that the write lock is held for the
    database work only."""

    text_hash: str
    shingles: list[str]  # sentence hashes (near-duplicates)
    signals: dict[str, Any]  # trust signals 1–5 (:func:`trust.document_signals`)


def prepare(docs: Sequence[Document]) -> dict[str, Prepared]:
    """The :class:`Prepared` values of ``docs`` (by document id)."""
    tdata = trust.load_trust_data()
    out: dict[str, Prepared] = {}
    for d in docs:
        if d.id not in out:
            out[d.id] = Prepared(text_hash(d.text or d.raw_text or ""), sentence_hashes(d),
                                 trust.document_signals(d, tdata))
    return out


class BatchWriter:
    """Writes one batch of documents inside the open transaction of ``conn``. ``prepared`` holds
    the :func:`prepare` values computed before the transaction (others are computed here)."""

    def __init__(self, conn: Connection, dialect: str, stats: Any,
                 prepared: dict[str, Prepared] | None = None) -> None:
        self.pg = dialect == "postgresql"
        self._prepared = prepared or {}
        raw: Any = conn.connection.dbapi_connection
        self.cur: Any
        if self.pg:
            from psycopg.rows import namedtuple_row

            self.cur = raw.cursor(row_factory=namedtuple_row)
        else:
            self.cur = raw.cursor()  # plain tuples: q() names them once per result, not per row
        self.stats = stats
        #: dyad → [events, mentions, Goldstein sum] added by this batch (``dyad_stats``)
        self._dyad_delta: dict[str, list[float]] = {}
        self._story_key_rows: list[tuple[str, str, str]] = []  # key, day, doc_id
        #: event id → first_seen as written by this batch (new and refreshed events)
        self._ev_first: dict[str, str | None] = {}
        #: event id → events.rid of the events this batch reads or writes
        self._ev_rid: dict[str, int] = {}
        #: document id → documents.rid of the batch's new documents
        self._doc_rid: dict[str, int] = {}

    # ------------------------------------------------------------------ statements

    def q(self, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
        self.cur.execute(_pg_sql(sql) if self.pg else sql, params or {})
        if not self.cur.description:
            return []
        if self.pg:
            return list(self.cur.fetchall())
        return list(map(_row_type(self.cur.description)._make, self.cur.fetchall()))

    def many(self, sql: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.cur.executemany(_pg_sql(sql) if self.pg else sql, rows)

    def many_pos(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """``executemany`` of tuples against ``?`` placeholders: the hot inserts (binding by name
        looked every parameter up in a dict per row, and building the dicts cost as much)."""
        if rows:
            self.cur.executemany(_pg_pos(sql) if self.pg else sql, rows)

    def q_in(self, sql: str, values: Sequence[Any], params: dict[str, Any] | None = None) -> list[Any]:
        """Run ``sql`` (with ``{}`` where the ``IN`` list goes) over chunks of ``values``."""
        out: list[Any] = []
        for chunk in _chunks(list(values)):
            p = {f"v{i}": v for i, v in enumerate(chunk)}
            if params:
                p.update(params)
            out.extend(self.q(sql.format("(" + ", ".join(f":v{i}" for i in range(len(chunk))) + ")"), p))
        return out

    # ------------------------------------------------------------------ the batch

    def write(self, docs: list[Document], run_id: int) -> None:
        """Steps 1–8 of the module docstring."""
        # 1. new documents only
        uniq: dict[str, Document] = {}
        for d in docs:
            uniq.setdefault(d.id, d)
        existing = {r[0] for r in self.q_in("SELECT id FROM documents WHERE id IN {}", list(uniq))}
        new = sorted((d for d in uniq.values() if d.id not in existing), key=lambda d: (d.pub_date or dt.date.max, d.id))
        self.stats.documents_existing += len(docs) - len(new)
        if not new:
            return
        # integer keys: the batch's rows get the next ``rid``s, in content-hash order (so that the rows
        # and the unique-id index both take them in one ordered pass); one writer at a time holds the
        # write lock (BEGIN IMMEDIATE / advisory lock), so nobody else takes these numbers
        doc_base, mention_base, event_base = self.q(
            "SELECT (SELECT coalesce(max(rid), 0) FROM documents) AS d, (SELECT coalesce(max(rid), 0) FROM mentions) "
            "AS m, (SELECT coalesce(max(rid), 0) FROM events) AS e")[0]
        self._doc_rid = {i: doc_base + k for k, i in enumerate(sorted(d.id for d in new), 1)}
        # 2. signals and verbatim copies
        doc_rows = self._documents(new, run_id)
        # 3. mentions → events
        mentions = self._mentions(new, doc_rows)
        mentions_by_id = sorted(mentions, key=lambda m: m.id)
        for k, m in enumerate(mentions_by_id, mention_base + 1):
            m.rid = k
        new_events, touched = self._merge(mentions)
        ev_rid = self._ev_rid
        for k, eid in enumerate(sorted(new_events), event_base + 1):
            ev_rid[eid] = k
        for m in mentions:
            m.event_rid = ev_rid[m.event_id]
        # 4. stories
        self._stories(new, mentions, new_events, doc_rows)
        # 5. insert (SQLite: the full-text indexes take the batch's new rows in one statement each)
        self.many(
            "INSERT INTO documents (rid, id, source, url, site, title, lang, lang_confidence, pub_date, "
            "pub_date_precision, pub_date_source, text, text_hash, removed, num_events, flags, signals, story_id, "
            "run_id, stored_at) VALUES (:rid, :id, :source, :url, :site, :title, :lang, :lang_confidence, :pub_date, "
            ":pub_date_precision, :pub_date_source, :text, :text_hash, :removed, :num_events, :flags, :signals, "
            ":story_id, :run_id, :stored_at) ON CONFLICT DO NOTHING",
            sorted(doc_rows.values(), key=lambda r: r["rid"]),
        )
        self.many_pos(
            "INSERT INTO mentions (rid, id, doc_rid, doc_id, event_rid, event_id, lang, site, day, precision, pub_date, "
            "event, confidence, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(m.rid, m.id, m.doc_rid, m.doc_id, m.event_rid, m.event_id, m.lang, m.site, m.day, m.precision,
              m.pub_date, m.record["event"], m.confidence, _json(m.record)) for m in mentions_by_id],
        )
        if not self.pg:
            cjk = "(" + ", ".join(f"'{x}'" for x in CJK_LANGS) + ")"
            self.q("INSERT INTO documents_fts (rowid, title, text) SELECT rid, title, text FROM documents "
                   "WHERE rid > :n", {"n": doc_base})
            self.q("INSERT INTO documents_fts_cjk (rowid, title, text) SELECT rid, title, text FROM documents "
                   f"WHERE rid > :n AND lang IN {cjk}", {"n": doc_base})
        self._insert_events(mentions, new_events, doc_rows)
        self.many_pos("INSERT INTO story_keys (key, day, doc_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                      sorted(self._story_key_rows))
        self.many_pos("INSERT INTO doc_hashes (hash, doc_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                      sorted(self._hash_rows))
        self.stats.documents += len(new)
        self.stats.mentions += len(mentions)
        # 6. stored events that received mentions
        moved = self.refresh_events(sorted(touched), track_first_seen=True) if touched else set()
        # 7. republished flags
        changed = self._republished(set(doc_rows) | moved, mentions, doc_rows)
        if changed:
            ids = sorted({r[0] for r in self.q_in("SELECT DISTINCT m.event_id FROM documents d JOIN mentions m "
                                                  "ON m.doc_rid = d.rid WHERE d.id IN {}", sorted(changed))})
            self.refresh_events(ids)
        self._dyad_stats()
        for did, row in doc_rows.items():
            now_flags = self._flags_now.get(did)
            if now_flags is None:
                now_flags = _loads(row["flags"], [])
            if now_flags:
                self.stats.flagged.update(now_flags)
        # 8. actors
        self._actors(mentions)

    # 2 ------------------------------------------------------------------
    def _documents(self, new: list[Document], run_id: int) -> dict[str, dict[str, Any]]:
        """Rows of the new documents with their trust signals; exact copies (same cleaned text)
        and near-duplicates (most of their long sentences already stored) point to the earliest
        document with that text (``copy_of_doc``) and inherit its origin site."""
        missing = [d for d in new if d.id not in self._prepared]
        prep = {**self._prepared, **prepare(missing)} if missing else self._prepared
        hashes = {d.id: prep[d.id].text_hash for d in new}
        prior: dict[str, dict[str, Any]] = {}
        for r in self.q_in("SELECT id, site, url, pub_date, text_hash, signals FROM documents "
                           "WHERE text_hash IN {} ORDER BY pub_date, id", sorted(set(hashes.values()))):
            prior.setdefault(r.text_hash, self._origin(r))
        shingles = {d.id: prep[d.id].shingles for d in new}
        seen_by_hash: dict[str, list[str]] = {}  # sentence hash → stored/earlier doc ids
        docs_by_id: dict[str, dict[str, Any]] = {}
        all_h = sorted({h for hs in shingles.values() for h in hs})
        if all_h:
            for r in self.q_in("SELECT h.hash, d.id, d.site, d.url, d.pub_date, d.signals FROM doc_hashes h "
                               "JOIN documents d ON d.id = h.doc_id WHERE h.hash IN {}", all_h):
                seen_by_hash.setdefault(r.hash, []).append(r.id)
                docs_by_id.setdefault(r.id, self._origin(r))
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows: dict[str, dict[str, Any]] = {}
        self._doc_info: dict[str, tuple[str | None, list[str], bool]] = {}
        self._hash_rows: list[tuple[str, str]] = []  # hash, doc_id
        #: copy (verbatim or near-duplicate) → the earlier document it copies (``copy_of_doc``)
        self._copy_of: dict[str, str] = {}
        for d in new:
            h = hashes[d.id]
            sig = dict(prep[d.id].signals)
            site = trust.site_key(d.site, d.url)
            pub = _iso(d.pub_date)
            has_text = bool((d.text or "").strip())
            origin = prior.get(h) if has_text else None
            own = shingles[d.id]
            if origin is None and own:
                origin = self._near_duplicate(own, seen_by_hash, docs_by_id, sig)
            me = {"id": d.id, "site": site, "url": d.url, "pub_date": pub, "origin": site}
            if origin is None:
                sig["origin_site"] = site
                if has_text:
                    prior.setdefault(h, me)
            else:
                me["origin"] = sig["origin_site"] = origin["origin"]
                sig["copy_of_doc"] = origin["id"]
                self._copy_of[d.id] = origin["id"]
                if not (related_sites(trust.site_key(origin["site"], origin["url"]), site)
                        or _same_outlet(origin["url"], d.url)):
                    sig["copy_of"] = origin["id"]  # an unrelated site (not the outlet's own edition)
                if pub and origin["pub_date"] and (
                        dt.date.fromisoformat(pub) - dt.date.fromisoformat(origin["pub_date"])).days >= trust.REPUBLISH_DAYS:
                    sig["republished_copy"] = origin["id"]
            docs_by_id[d.id] = me
            for sh in own:
                seen_by_hash.setdefault(sh, []).append(d.id)
                self._hash_rows.append((sh, d.id))
            flags = trust.flags_from_signals(sig, bool(d.events))
            self._doc_info[d.id] = (sig["origin_site"], flags, "copy_of_doc" in sig)
            rows[d.id] = {
                "rid": self._doc_rid[d.id], "id": d.id, "source": d.source, "url": d.url, "site": site, "title": d.title, "lang": d.lang,
                "lang_confidence": d.lang_confidence, "pub_date": pub, "pub_date_precision": d.pub_date_precision,
                "pub_date_source": d.pub_date_source, "text": d.text, "text_hash": h,
                "removed": _json([{"start": r.start, "end": r.end, "rule": r.rule, "text": r.text}  # = asdict(r)
                                  for r in d.removed]) if d.removed else "[]", "num_events": 0,
                "flags": _json(flags), "signals": _json(sig), "story_id": None, "run_id": run_id,
                "stored_at": now,
            }
        self._flags_now: dict[str, list[str]] = {}
        return rows

    @staticmethod
    def _origin(r: Any) -> dict[str, Any]:
        return {"id": r.id, "site": r.site, "url": r.url, "pub_date": r.pub_date,
                "origin": (_loads(r.signals, {}) or {}).get("origin_site") or r.site}

    @staticmethod
    def _near_duplicate(own: list[str], seen_by_hash: dict[str, list[str]], docs_by_id: dict[str, dict[str, Any]],
                        sig: dict[str, Any]) -> dict[str, Any] | None:
        """The earliest stored document sharing most of ``own`` sentence hashes, if any."""
        shared: Counter[str] = Counter()
        for h in own:
            for did in dict.fromkeys(seen_by_hash.get(h, ())):
                shared[did] += 1
        best = None
        for did, n in shared.items():
            if n >= NEAR_DUP_MIN and n / len(own) >= NEAR_DUP_SHARE:
                cand = docs_by_id[did]
                if best is None or (cand["pub_date"] or "9999", cand["id"]) < (best["pub_date"] or "9999", best["id"]):
                    best = cand
        if best is not None:
            sig["near_duplicate"] = round(shared[best["id"]] / len(own), 3)
        return best

    # 3 ------------------------------------------------------------------
    def _mentions(self, new: list[Document], doc_rows: dict[str, dict[str, Any]]) -> list[Mention]:
        out: list[Mention] = []
        seen: set[str] = set()
        party, merge_key, pad_day = dedup.party, dedup.merge_key, dedup.pad_day
        for d in new:
            row = doc_rows[d.id]
            pub, site, doc_rid = row["pub_date"], row["site"], row["rid"]
            n = 0
            for ev in d.events:
                if ev.id in seen:
                    continue
                seen.add(ev.id)
                n += 1
                a, r = party(ev.actor), party(ev.recipient)
                day: str | None
                prec: str | None
                if ev.date:
                    day, prec = pad_day(ev.date), ev.date_precision or precision_of(ev.date)
                else:
                    day, prec = pub, ("day" if pub else None)
                loc = ev.location
                # positional, in the field order of Mention
                out.append(Mention(
                    ev.id, d.id, merge_key(ev.event, a, r, ev.symmetric), day, prec, ev.date or pub, ev.mode,
                    loc.get("name") if loc else None, loc.get("lat") if loc else None,
                    loc.get("lon") if loc else None, event_record(ev), ev.lang or d.lang, site, pub,
                    float(ev.confidence), a, r, "", 0, doc_rid,
                ))
            row["num_events"] = n
        return out

    def _candidates(self, mentions: list[Mention]) -> dict[str, list[dedup.Candidate]]:
        """Stored events that may absorb the mentions: same merge key, inside the union of the
        windows of a group of mentions close in time, plus month/year-precision events of their
        months and years."""
        cands: dict[str, dict[str, dedup.Candidate]] = {m.key: {} for m in mentions}
        dated = sorted(((dedup.window(m.day, m.precision), m) for m in mentions if m.day is not None),
                       key=lambda wm: wm[0])
        groups: list[tuple[str, str, set[str]]] = []
        g_start: dt.date | None = None
        for (lo, hi), m in dated:
            if g_start is not None and (dedup._date(hi) - g_start).days <= CANDIDATE_SPAN_DAYS:
                g = groups[-1]
                g[2].add(m.key)  # in place: copying the growing set per mention was quadratic
                if hi > g[1]:
                    groups[-1] = (g[0], hi, g[2])
            else:
                groups.append((lo, hi, {m.key}))
                g_start = dedup._date(lo)
        cols = "rid, id, merge_key, day, date_precision, mode, location, lat, lon"
        ev_rid = self._ev_rid
        for lo, hi, keys in groups:
            for r in self.q_in(f"SELECT {cols} FROM events WHERE merge_key IN {{}} AND day BETWEEN :lo AND :hi",
                               sorted(keys), {"lo": lo, "hi": hi}):
                ev_rid[r.id] = r.rid
                cands[r.merge_key][r.id] = dedup.Candidate(r.id, r.day, r.date_precision, r.mode, r.location, r.lat, r.lon)
        coarse_days = sorted({m.day[:7] + "-01" for _, m in dated} | {m.day[:4] + "-01-01" for _, m in dated})  # type: ignore[index]
        if coarse_days:
            all_keys = sorted({m.key for _, m in dated})
            for chunk in _chunks(coarse_days):
                p = {f"c{i}": v for i, v in enumerate(chunk)}
                days = "(" + ", ".join(f":c{i}" for i in range(len(chunk))) + ")"
                for r in self.q_in(f"SELECT {cols} FROM events WHERE merge_key IN {{}} AND day IN {days} "
                                   "AND date_precision IN ('month', 'year')", all_keys, p):
                    ev_rid[r.id] = r.rid
                    cands[r.merge_key][r.id] = dedup.Candidate(r.id, r.day, r.date_precision, r.mode, r.location,
                                                               r.lat, r.lon)
        return {k: list(v.values()) for k, v in cands.items()}

    def _merge(self, mentions: list[Mention]) -> tuple[dict[str, list[Mention]], set[str]]:
        """Assign every mention to an event; returns the new events (id → their mentions) and the
        ids of stored events that received mentions."""
        cands = self._candidates(mentions)
        new_events: dict[str, list[Mention]] = {}
        touched: set[str] = set()
        copy_of = self._copy_of
        #: original document → merge key → the candidates of its events (stored originals now;
        #: originals of this batch as their mentions are assigned: they come first, by pub date)
        orig_events = self._original_events(sorted({copy_of[m.doc_id] for m in mentions if m.doc_id in copy_of}),
                                            cands)
        originals = set(copy_of.values())
        #: (document, merge key) → the events of an undated mention of that document (a document's
        #: mentions are all in one batch: nothing stored can be one of them)
        undated: dict[tuple[str, str], list[dedup.Candidate]] = {}
        for m in mentions:
            c: dedup.Candidate | None = None
            orig = copy_of.get(m.doc_id)
            if orig is not None:  # a copy reports the original's events, whatever its own dates say
                c = dedup.best_original(orig_events.get(orig, {}).get(m.key, ()), m.day, m.mode, m.location,
                                        m.lat, m.lon)
            if c is None:
                if m.day is None:  # undated: only the same document's undated reports can be the same event
                    c = dedup.best_undated(undated.get((m.doc_id, m.key), ()), m.mode, m.location, m.lat, m.lon)
                else:
                    c = dedup.best_match(cands[m.key], m.day, m.precision, m.mode, m.location, m.lat, m.lon)
            if c is None:
                m.event_id = m.id
                new_events[m.id] = [m]
                c = dedup.Candidate(m.id, m.day, m.precision, m.mode, m.location, m.lat, m.lon, new=True)
                cands[m.key].append(c)
                if m.day is None:
                    undated.setdefault((m.doc_id, m.key), []).append(c)
                self.stats.events_new += 1
                if m.doc_id in originals:
                    _add_original(orig_events, m.doc_id, m.key, c)
                continue
            m.event_id = c.id
            if m.doc_id in originals:
                _add_original(orig_events, m.doc_id, m.key, c)
            self.stats.events_merged += 1
            if c.new:
                new_events[c.id].append(m)
            else:
                touched.add(c.id)
            # a finer date or a known mode/location narrows the candidate for later mentions (a copy's
            # date is the copy's, not the event's: it never moves the candidate)
            if orig is None and dedup.PRECISION_RANK.get(m.precision, 3) < dedup.PRECISION_RANK.get(c.precision, 3):
                c.day, c.precision = m.day, m.precision
            c.mode = c.mode or m.mode
            if not c.location and m.location:
                c.location, c.lat, c.lon = m.location, m.lat, m.lon
        return new_events, touched

    def _original_events(self, originals: list[str], cands: dict[str, list[dedup.Candidate]]
                         ) -> dict[str, dict[str, list[dedup.Candidate]]]:
        """The stored events reported by each of these stored documents: document → merge key →
        candidates (the objects of ``cands`` when an event is a candidate there too, so that the
        narrowing of a candidate by one mention is seen by both paths)."""
        out: dict[str, dict[str, list[dedup.Candidate]]] = {}
        if not originals:
            return out
        known = {c.id: c for cs in cands.values() for c in cs}
        for r in self.q_in("SELECT DISTINCT d.id AS doc_id, e.rid, e.id, e.merge_key, e.day, e.date_precision, e.mode, "
                           "e.location, e.lat, e.lon FROM documents d JOIN mentions m ON m.doc_rid = d.rid "
                           "JOIN events e ON e.rid = m.event_rid WHERE d.id IN {} ORDER BY d.id, e.id", originals):
            self._ev_rid[r.id] = r.rid
            c = known.get(r.id)
            if c is None:
                c = known[r.id] = dedup.Candidate(r.id, r.day, r.date_precision, r.mode, r.location, r.lat, r.lon)
            _add_original(out, r.doc_id, r.merge_key, c)
        return out

    # 4 ------------------------------------------------------------------
    def _stories(self, new: list[Document], mentions: list[Mention], new_events: dict[str, list[Mention]],
                 doc_rows: dict[str, dict[str, Any]]) -> None:
        by_doc: dict[str, list[Mention]] = {}
        for m in mentions:
            by_doc.setdefault(m.doc_id, []).append(m)
        stored = sorted({m.event_id for m in mentions if m.event_id not in new_events})
        ev_story: dict[str, str] = {r.id: r.story_id for r in self.q_in(
            "SELECT id, story_id FROM events WHERE id IN {} AND story_id IS NOT NULL", stored)}
        parent: dict[str, str] = {}

        def find(s: str) -> str:
            while parent.get(s, s) != s:
                parent[s] = parent.get(parent[s], parent[s])
                s = parent[s]
            return s

        created: set[str] = set()
        delta: dict[str, dict[str, Any]] = {}
        self.new_event_story: dict[str, str] = {}
        new_event_story = self.new_event_story
        # signatures (dyads + specific actors) for documents that share no event with a story
        keys_of: dict[str, list[str]] = {}
        day_of: dict[str, str] = {}
        for d in new:
            ms = by_doc.get(d.id, [])
            day = doc_rows[d.id]["pub_date"] or next((m.day for m in ms if m.day), None)
            ks = story_sig.story_keys_of_records(m.record for m in ms) if ms and day else []
            if ks and day:
                keys_of[d.id], day_of[d.id] = ks, day
                self._story_key_rows.extend((k, day, d.id) for k in ks)
        by_key, story_first = self._signature_hits(keys_of, day_of)
        for d in new:
            ms = by_doc.get(d.id, [])
            if not ms:
                continue
            link = [m.event_id for m in ms if m.precision in STORY_LINK_PRECISION] or [m.event_id for m in ms]
            counts: dict[str, int] = {}
            for e in dict.fromkeys(link):
                es = ev_story.get(e)
                if es is not None:
                    es = find(es)
                    counts[es] = counts.get(es, 0) + 1
            sig_sid: str | None = None
            if not counts and d.id in keys_of:
                ks = keys_of[d.id]
                # only rows dated within the story window can count (best_story): look up those days
                near = _days_around(day_of[d.id])
                hits = [(k, kd, find(s)) for k in ks if (bk := by_key.get(k)) for dd in near
                        for kd, s in bk.get(dd, ())]
                sig_sid = story_sig.best_story(ks, day_of[d.id], hits,
                                               {h[2]: story_first.get(h[2]) for h in hits})
            if counts:
                ranked = sorted(counts, key=lambda s: (-counts[s], s))
                sid = ranked[0]
                for other in ranked[1:]:
                    if counts[other] >= STORY_MERGE_SHARED:
                        parent[other] = sid
            elif sig_sid is not None:
                sid = sig_sid
                self.stats.stories_linked += 1
            else:
                sid = "s" + content_hash("story", d.id, length=15)
                created.add(sid)
                story_first[sid] = day_of.get(d.id) or doc_rows[d.id]["pub_date"]
                self.stats.stories += 1
            doc_rows[d.id]["story_id"] = sid
            for k in keys_of.get(d.id, ()):
                by_key.setdefault(k, {}).setdefault(day_of[d.id][:10], []).append((day_of[d.id], sid))
            n_events = 0
            dl_actors: dict[str, int] = {}
            for m in ms:
                if m.event_id not in ev_story:
                    ev_story[m.event_id] = sid
                    new_event_story[m.event_id] = sid
                    n_events += 1
                    if m.actor_c:
                        dl_actors[m.actor_c] = dl_actors.get(m.actor_c, 0) + 1
                    if m.recipient_c:
                        dl_actors[m.recipient_c] = dl_actors.get(m.recipient_c, 0) + 1
            delta[d.id] = {"sid": sid, "events": n_events, "actors": dl_actors}  # new: ids are unique
        # resolve merges
        for row in doc_rows.values():
            if row["story_id"]:
                row["story_id"] = find(row["story_id"])
        for e, s in self.new_event_story.items():
            self.new_event_story[e] = find(s)
        losers = sorted(s for s in parent if find(s) != s and s not in created)
        for lo in losers:
            win = find(lo)
            self.q("UPDATE events SET story_id = :w WHERE story_id = :l", {"w": win, "l": lo})
            self.q("UPDATE documents SET story_id = :w WHERE story_id = :l", {"w": win, "l": lo})
        # story rows: stored rows (winners and losers) + this batch's documents and events
        touched = {find(dl["sid"]) for dl in delta.values()}
        if not touched:
            return
        old = {r.id: r for r in self.q_in(
            "SELECT id, title, first_seen, last_seen, num_documents, num_events, langs, sites, actor_counts "
            "FROM stories WHERE id IN {}", sorted(touched | set(losers)))}
        acc: dict[str, dict[str, Any]] = {}

        def base(sid: str) -> dict[str, Any]:
            if sid not in acc:
                acc[sid] = {"id": sid, "title": None, "first_seen": None, "last_seen": None, "num_documents": 0,
                            "num_events": 0, "langs": set(), "sites": set(), "actor_counts": Counter()}
            return acc[sid]

        def add_dates(a: dict[str, Any], first: str | None, last: str | None, title: str | None) -> None:
            if first and (a["first_seen"] is None or first < a["first_seen"]):
                a["first_seen"] = first
                a["title"] = title or a["title"]
            elif a["title"] is None:
                a["title"] = title
            if last and (a["last_seen"] is None or last > a["last_seen"]):
                a["last_seen"] = last

        for sid, r in old.items():
            a = base(find(sid))
            add_dates(a, r.first_seen, r.last_seen, r.title)
            a["num_documents"] += r.num_documents
            a["num_events"] += r.num_events
            a["langs"].update(_loads(r.langs, []))
            a["sites"].update(_loads(r.sites, []))
            a["actor_counts"].update(_loads(r.actor_counts, {}) or {})
        for did, dl in delta.items():
            row = doc_rows[did]
            a = base(row["story_id"])
            add_dates(a, row["pub_date"], row["pub_date"], row["title"])
            a["num_documents"] += 1
            a["num_events"] += dl["events"]
            if row["lang"]:
                a["langs"].add(row["lang"])
            if row["site"]:
                a["sites"].add(row["site"])
            a["actor_counts"].update(dl["actors"])
        rows = []
        for a in acc.values():
            ac: Counter[str] = a["actor_counts"]
            rows.append({**a, "langs": _json(sorted(a["langs"])), "sites": _json(sorted(a["sites"])),
                         "actors": _json([k for k, _ in sorted(ac.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]),
                         "actor_counts": _json(dict(ac))})
        self.many(
            "INSERT INTO stories (id, title, first_seen, last_seen, num_documents, num_events, langs, sites, actors, "
            "actor_counts) VALUES (:id, :title, :first_seen, :last_seen, :num_documents, :num_events, :langs, :sites, "
            ":actors, :actor_counts) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
            "num_documents = excluded.num_documents, num_events = excluded.num_events, langs = excluded.langs, "
            "sites = excluded.sites, actors = excluded.actors, actor_counts = excluded.actor_counts", rows)
        if losers:
            self.q_in("DELETE FROM stories WHERE id IN {}", losers)

    def _signature_hits(self, keys_of: dict[str, list[str]], day_of: dict[str, str]
                        ) -> tuple[dict[str, dict[str, list[tuple[str, str]]]], dict[str, str | None]]:
        """Stored documents sharing a signature key with the batch's documents within the story
        window (one query per group of documents whose windows overlap, a group spanning at most
        :data:`CANDIDATE_SPAN_DAYS`): key → day → ``[(day, story id)]`` (by day: a document
        looks up the days of its story window only), and the first day of each of those stories."""
        by_key: dict[str, dict[str, list[tuple[str, str]]]] = {}
        if not keys_of:
            return by_key, {}
        w = dt.timedelta(days=story_sig.STORY_WINDOW_DAYS)
        groups: list[tuple[dt.date, dt.date, set[str]]] = []
        for did in sorted(keys_of, key=lambda x: day_of[x]):
            day = dt.date.fromisoformat(day_of[did][:10])
            if groups and day - w <= groups[-1][1] and (day + w - groups[-1][0]).days <= CANDIDATE_SPAN_DAYS:
                groups[-1][2].update(keys_of[did])
                groups[-1] = (groups[-1][0], day + w, groups[-1][2])
            else:
                groups.append((day - w, day + w, set(keys_of[did])))
        sids: set[str] = set()
        for lo, hi, keys in groups:
            for r in self.q_in("SELECT k.key, k.day, d.story_id FROM story_keys k JOIN documents d ON d.id = k.doc_id "
                               "WHERE k.key IN {} AND k.day BETWEEN :lo AND :hi AND d.story_id IS NOT NULL",
                               sorted(keys), {"lo": lo.isoformat(), "hi": hi.isoformat()}):
                by_key.setdefault(r.key, {}).setdefault(r.day[:10], []).append((r.day, r.story_id))
                sids.add(r.story_id)
        first: dict[str, str | None] = {r.id: r.first_seen for r in self.q_in(
            "SELECT id, first_seen FROM stories WHERE id IN {}", sorted(sids))}
        return by_key, first

    # 5 ------------------------------------------------------------------
    def _insert_events(self, mentions: list[Mention], new_events: dict[str, list[Mention]],
                       doc_rows: dict[str, dict[str, Any]]) -> None:
        rows: list[tuple[Any, ...]] = []
        story_of = self.new_event_story
        ev_first = self._ev_first
        doc_info = self._doc_info
        dyad_delta = self._dyad_delta
        penalised = trust.PENALTY
        ev_rids = self._ev_rid
        for eid, ms in new_events.items():
            m0 = ms[0]
            dyad = dedup.dyad_of(m0.actor_c, m0.recipient_c)
            if len(ms) == 1:  # most events: aggregate() of one mention, inline
                rep = m0
                _origin, flags, _copy = doc_info[m0.doc_id]
                if flags:
                    conf = round(m0.confidence * trust.penalty(flags), 4)
                    ev_flags = _json(sorted(f for f in flags if f in penalised))
                else:
                    conf, ev_flags = round(m0.confidence, 4), "[]"
                first_seen = m0.pub_date
                row_agg: tuple[Any, ...] = (m0.id, m0.rid, date_at(m0.day, m0.precision), m0.precision, m0.day, 1, 1, 1,
                                            first_seen, first_seen, conf, ev_flags)
                n_mentions = 1
                mode = m0.record.get("mode") or m0.mode or None
                loc = m0 if m0.location else None
            else:
                infos = []
                for m in ms:
                    origin, flags, is_copy = doc_info[m.doc_id]
                    infos.append(MInfo(m.id, m.doc_id, origin, m.lang, m.pub_date, m.confidence, flags, is_copy,
                                       m.day, m.precision, m.rid))
                agg = aggregate(infos)
                rep = next(m for m in ms if m.id == agg["first_mention"])
                first_seen = agg["first_seen"]
                row_agg = (agg["first_mention"], agg["first_mid"], agg["date"], agg["date_precision"], agg["day"], agg["num_mentions"],
                           agg["num_sources"], agg["num_languages"], first_seen, agg["last_seen"],
                           agg["confidence"], agg["flags"])
                n_mentions = agg["num_mentions"]
                mode = rep.record.get("mode") or next((m.mode for m in ms if m.mode), None)
                loc = next((m for m in ms if m.location), None)
            ev_first[eid] = first_seen
            rec = rep.record
            goldstein = rec["goldstein"]
            first_mention, first_mid, date, precision, day, n_m, n_s, n_l, first, last, conf, ev_flags = row_agg
            rows.append((
                ev_rids[eid], eid, first_mention, first_mid, m0.key, dyad, rep.actor_c or None, rep.recipient_c or None, rec["event"], mode,
                rec["cameo"], rec["quad_class"], goldstein, date, precision, day,
                loc.location if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                n_m, n_s, n_l, first, last, conf, ev_flags, story_of.get(eid),
            ))
            dd = dyad_delta.get(dyad)
            if dd is None:
                dd = dyad_delta[dyad] = [0, 0, 0.0]
            dd[0] += 1
            dd[1] += n_mentions
            dd[2] += float(goldstein or 0.0)
        rows.sort()  # by rid (= by id): the rows and the unique-id index take them in one ordered pass
        self.many_pos(
            "INSERT INTO events (rid, id, first_mention, first_mid, merge_key, dyad, actor_c, recipient_c, event, "
            "mode, cameo, quad_class, goldstein, date, date_precision, day, location, lat, lon, num_mentions, "
            "num_sources, num_languages, first_seen, last_seen, confidence, flags, story_id) VALUES (?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    # 6 ------------------------------------------------------------------
    def refresh_events(self, ids: list[str], track_first_seen: bool = False) -> set[str]:
        """Recompute aggregates, date and representative mention of stored events from all their
        mentions; returns the documents of events whose first report moved earlier."""
        moved: set[str] = set()
        if not ids:
            return moved
        old_rows = {r.id: r for r in self.q_in("SELECT id, first_seen, num_mentions, dyad FROM events WHERE id IN {}", ids)}
        old = {i: r.first_seen for i, r in old_rows.items()}
        infos: dict[str, list[MInfo]] = {}
        for r in self.q_in(
            "SELECT m.rid, m.id, e.id AS event_id, m.doc_id, m.lang, m.pub_date, m.confidence, m.day, m.precision, "
            "d.flags, d.signals FROM events e JOIN mentions m ON m.event_rid = e.rid "
            "JOIN documents d ON d.rid = m.doc_rid WHERE e.id IN {}", ids):
            sig = _loads(r.signals, {})
            infos.setdefault(r.event_id, []).append(MInfo(
                r.id, r.doc_id, sig.get("origin_site"), r.lang, r.pub_date, float(r.confidence or 0.0),
                _loads(r.flags, []), bool(sig.get("copy_of_doc")), r.day, r.precision, r.rid))
        upd = []
        for eid, ms in infos.items():
            agg = aggregate(ms)
            first_old = old.get(eid)
            if track_first_seen and agg["first_seen"] and (first_old is None or agg["first_seen"] < first_old):
                moved.update(i.doc_id for i in ms)
            upd.append({"id": eid, **agg})
            self._ev_first[eid] = agg["first_seen"]
            prev = old_rows.get(eid)
            if prev is not None and agg["num_mentions"] != prev.num_mentions:
                self._dyad_delta.setdefault(prev.dyad, [0, 0, 0.0])[1] += agg["num_mentions"] - prev.num_mentions
        self.many(
            "UPDATE events SET num_mentions = :num_mentions, num_sources = :num_sources, "
            "num_languages = :num_languages, first_seen = :first_seen, last_seen = :last_seen, "
            "confidence = :confidence, flags = :flags, first_mention = :first_mention, first_mid = :first_mid, day = :day, "
            "date_precision = :date_precision, date = :date WHERE id = :id", upd)
        return moved

    # 7 ------------------------------------------------------------------
    def _republished(self, doc_ids: set[str], mentions: Sequence[Mention] = (),
                     doc_rows: dict[str, dict[str, Any]] | None = None) -> set[str]:
        """Recompute ``old_events``/``events`` and the flags of these documents; returns those whose
        flags changed. The batch's own documents (``doc_rows``, with all their ``mentions`` in
        memory and the first-seen dates of their events just written) need no query."""
        changed: set[str] = set()
        per_doc: dict[str, list[bool]] = {}
        docs: list[tuple[str, str, str, int]] = []  # id, flags, signals, num_events
        rows = doc_rows or {}
        for m in mentions:
            if m.doc_id in rows:
                per_doc.setdefault(m.doc_id, []).append(
                    _is_old(m.pub_date, self._ev_first.get(m.event_id), m.day, m.precision))
        docs.extend((i, r["flags"], r["signals"], r["num_events"]) for i, r in rows.items() if i in doc_ids)
        ids = sorted(i for i in doc_ids if i not in rows)
        for r in self.q_in("SELECT d.id AS doc_id, m.pub_date, m.day, m.precision, e.first_seen FROM documents d "
                           "JOIN mentions m ON m.doc_rid = d.rid JOIN events e ON e.rid = m.event_rid "
                           "WHERE d.id IN {}", ids):
            per_doc.setdefault(r.doc_id, []).append(_is_old(r.pub_date, r.first_seen, r.day, r.precision))
        docs.extend((r.id, r.flags, r.signals, r.num_events) for r in self.q_in(
            "SELECT id, flags, signals, num_events FROM documents WHERE id IN {}", ids))
        upd = []
        for did, flags_json, signals, num_events in docs:
            pairs = per_doc.get(did, [])
            old = sum(pairs)
            sig = _loads(signals, {})
            before_old = sig.get("old_events")
            if not old and before_old is None and flags_json == "[]" and did in rows:
                self._flags_now[did] = []  # the common case: a new, unflagged page of new events
                continue
            sig["old_events"], sig["events"] = old, len(pairs)
            flags = trust.flags_from_signals(sig, bool(num_events))
            self._flags_now[did] = flags
            if flags != _loads(flags_json, []):
                changed.add(did)
                upd.append({"id": did, "flags": _json(flags), "signals": _json(sig)})
            elif (before_old or 0) != old:  # only a changed count is worth a write
                upd.append({"id": did, "flags": _json(flags), "signals": _json(sig)})
        self.many("UPDATE documents SET flags = :flags, signals = :signals WHERE id = :id", upd)
        return changed

    def _dyad_stats(self) -> None:
        """Add the batch's events, mentions and Goldstein scores to ``dyad_stats``."""
        rows = [{"dyad": k, "events": int(v[0]), "mentions": int(v[1]), "g": float(v[2])}
                for k, v in sorted(self._dyad_delta.items()) if any(v)]
        self.many(
            "INSERT INTO dyad_stats (dyad, events, mentions, goldstein_sum) VALUES (:dyad, :events, :mentions, :g) "
            "ON CONFLICT (dyad) DO UPDATE SET events = dyad_stats.events + excluded.events, "
            "mentions = dyad_stats.mentions + excluded.mentions, "
            "goldstein_sum = dyad_stats.goldstein_sum + excluded.goldstein_sum", rows)
        self._dyad_delta = {}

    # 8 ------------------------------------------------------------------
    def _actors(self, mentions: list[Mention]) -> None:
        counts: Counter[str] = Counter()
        info: dict[str, dict[str, Any]] = {}
        for m in mentions:
            for a in (m.record.get("actor"), m.record.get("recipient")):
                if not a:
                    continue
                aid = a.get("id") or a.get("code")
                if not aid:
                    continue
                counts[aid] += 1
                if aid not in info:
                    info[aid] = {"id": aid, "code": a.get("code"), "name": a.get("name"),
                                 "country": a.get("country"), "sector": a.get("sector")}
        rows = [{**info[k], "n": counts[k]} for k in sorted(counts)]
        self.many("INSERT INTO actors (id, code, name, country, sector, num_mentions) VALUES (:id, :code, :name, "
                  ":country, :sector, :n) ON CONFLICT (id) DO UPDATE SET num_mentions = "
                  "actors.num_mentions + excluded.num_mentions", rows)
