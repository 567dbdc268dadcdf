"""The records that flow through the pipeline, and the event record contract.

A :class:`Document` is created by a reader (``ingest``) and enriched by each stage:

====================  =====================================================
stage                 assigns
====================  =====================================================
read  (ingest)        ``id raw html url site title source lang_hint pub_date``
clean (text)          ``text removed``  (+ ``title site pub_date`` from HTML)
language (text)       ``lang lang_confidence paragraphs``
dates (text)          ``pub_date pub_date_precision pub_date_source``
sentences (text)      ``sentences``
actors                ``mentions``
events                ``events``
====================  =====================================================

All character offsets (sentences, mentions, evidence) point into ``Document.text``,
the cleaned article text. ``removed`` spans point into ``Document.raw_text``, the text
before furniture removal, so a user can see what was cut and by which rule.

:class:`Event` is the public contract: ``Event.to_dict()`` is one line of
``detente extract`` output and is validated against ``schema/event.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: The 16 PLOVER 2021 event types.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


#: :data:`PLOVER_TYPES` as a set (checked for every event created).
_PLOVER_SET = frozenset(PLOVER_TYPES)


def content_hash(*parts: object, length: int = 16) -> str:
    """Stable hex id from the given parts (used for document and event ids): the SHA-256 of
    each part's ``str`` followed by a unit separator (U+001F), hashed as one string."""
    if not parts:
        return hashlib.sha256(b"").hexdigest()[:length]
    return _sha256_hex("\x1f".join(map(str, parts)) + "\x1f", length)


def _sha256_hex(s: str, length: int) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``s`` (UTF-8)."""
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:length]


@dataclass(slots=True)
class Span:
    """A character span ``[start, end)`` into a text, with an optional label."""

    start: int
    end: int
    label: str | None = None


@dataclass(slots=True)
class RemovedSpan:
    """A stretch of furniture removed from the raw text, and the rule that removed it."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(slots=True)
class Sentence:
    """A sentence of the cleaned text. ``norm`` is the matching form (e.g. simplified Chinese),
    always the same length as ``text`` so offsets carry over."""

    index: int
    start: int
    end: int
    text: str
    lang: str | None = None
    norm: str | None = None


@dataclass(slots=True)
class ActorMention:
    """A reference to an actor in the cleaned text, resolved against the actor table.

    ``kind`` is one of ``state``, ``person``, ``org``, ``role``, ``metonym``, ``side``,
    ``demonym``, ``sector``. ``entry`` is the id of the actor-table entry that matched;
    ``role_entry`` the dated role that gave ``code`` (when resolved by date).
    """

    start: int
    end: int
    text: str
    entry: str
    name: str
    country: str | None
    sector: str | None
    code: str
    kind: str = "state"
    role_entry: str | None = None
    confidence: float = 1.0
    fuzzy: bool = False
    is_location: bool = False
    lat: float | None = None
    lon: float | None = None

    def as_actor(self) -> dict[str, Any]:
        """The ``actor``/``recipient`` object of the event record."""
        d: dict[str, Any] = {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "id": self.entry,
        }
        if self.role_entry:
            d["role"] = self.role_entry
        return d


@dataclass(slots=True)
class Evidence:
    """Where an event was found: the sentence, its offsets in ``Document.text``, the trigger."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(slots=True)
class Provenance:
    """What produced an event: coder version, lexicon entry and actor entries."""

    coder: str
    lexicon_entry: str
    actor_entries: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with evidence."""

    doc_id: str
    lang: str
    event: str
    cameo: str
    goldstein: float
    quad_class: int
    actor: dict[str, Any] | None
    recipient: dict[str, Any] | None
    evidence: Evidence
    provenance: Provenance
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    symmetric: bool = False
    intent: bool = False
    location: dict[str, Any] | None = None
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.event, str) or self.event not in _PLOVER_SET:
            raise ValueError(f"not a PLOVER 2021 event type: {self.event!r}")
        if not self.id:
            self.id = self.compute_id()

    def compute_id(self) -> str:
        """Content hash over what makes this event distinct within its document."""
        a = (self.actor or {}).get("code")
        r = (self.recipient or {}).get("code")
        if self.symmetric and a and r and r < a:
            a, r = r, a
        ev = self.evidence
        # content_hash(doc_id, start, end, event, cameo, a, r, trigger_start), spelled out
        return _sha256_hex(
            f"{self.doc_id!s}\x1f{ev.start!s}\x1f{ev.end!s}\x1f{self.event!s}\x1f{self.cameo!s}\x1f{a!s}\x1f{r!s}"
            f"\x1f{ev.trigger_start!s}\x1f", 16)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable event record (one line of ``detente extract``)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "lang": self.lang,
            "date": self.date,
            "date_precision": self.date_precision,
            "event": self.event,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actor": self.actor,
            "recipient": self.recipient,
            "symmetric": self.symmetric,
            "intent": self.intent,
            "location": self.location,
            "evidence": asdict(self.evidence),
            "confidence": round(self.confidence, 4),
            "flags": list(self.flags),
            "provenance": asdict(self.provenance),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Rebuild an event from its record (inverse of :meth:`to_dict`)."""
        return cls(
            id=d.get("id", ""),
            doc_id=d["doc_id"],
            lang=d["lang"],
            event=d["event"],
            mode=d.get("mode"),
            cameo=d["cameo"],
            goldstein=d["goldstein"],
            quad_class=d["quad_class"],
            actor=d.get("actor"),
            recipient=d.get("recipient"),
            symmetric=d.get("symmetric", False),
            intent=d.get("intent", False),
            location=d.get("location"),
            evidence=Evidence(**d["evidence"]),
            provenance=Provenance(**d["provenance"]),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            confidence=d.get("confidence", 1.0),
            flags=list(d.get("flags", [])),
        )


@dataclass(slots=True)
class Document:
    """A news document as it moves through the pipeline (see module docstring)."""

    id: str
    source: str
    raw_text: str = ""
    html: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    lang_hint: str | None = None
    text: str = ""
    removed: list[RemovedSpan] = field(default_factory=list)
    lang: str | None = None
    lang_confidence: float | None = None
    paragraphs: list[Span] = field(default_factory=list)
    pub_date: dt.date | None = None
    pub_date_precision: str | None = None
    pub_date_source: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(content: str) -> str:
        """Content-hash document id: the same text always gets the same id."""
        return content_hash(content.strip(), length=20)

    def to_dict(self) -> dict[str, Any]:
        """The cleaned document record (``detente extract --docs``)."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "site": self.site,
            "title": self.title,
            "lang": self.lang,
            "lang_confidence": self.lang_confidence,
            "pub_date": self.pub_date.isoformat() if self.pub_date else None,
            "pub_date_precision": self.pub_date_precision,
            "pub_date_source": self.pub_date_source,
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "sentences": [{"start": s.start, "end": s.end, "lang": s.lang} for s in self.sentences],
            "num_events": len(self.events),
            "flags": list(self.flags),
        }
