"""Loaders for the event-coder data: ontology (CAMEO, PLOVER, Goldstein, QuadClass), the
per-language trigger lexicons (compiled into one Aho-Corasick automaton per language) and
the per-language function words (``grammar.json``).

All files live in ``detente/data/events/`` and are built by ``scripts/build_events.py``
(``grammar.json`` and ``curated/`` are curated by hand).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick_rs

from ..errors import DataError
from ..resources import data_path

#: Languages with a trigger lexicon.
LEXICON_LANGS: tuple[str, ...] = ("en", "es", "ar", "zh", "vi", "fr", "ru")

#: Languages whose text is matched lower-cased with Latin accents folded away.
FOLD_LANGS: frozenset[str] = frozenset({"en", "es", "fr"})


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        d = unicodedata.normalize("NFD", ch)
        if len(d) > 1 and d[0].isascii():
            table[cp] = d[0].lower()
    table[ord("’")] = "'"
    return table


_FOLD = _fold_table()


def fold(text: str, lang: str) -> str:
    """The matching form of ``text`` for ``lang``: same length, lower-cased, and for
    en/es/fr with accents removed (``"Bogotá"`` → ``"bogota"``)."""
    low = text.lower()
    if len(low) != len(text):  # a few code points change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if lang in FOLD_LANGS and not low.isascii():  # _FOLD maps non-ASCII letters only
        low = low.translate(_FOLD)
    return low


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with our PLOVER mapping and the chosen Goldstein/QuadClass."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    symmetric: bool


@dataclass(slots=True)
class Ontology:
    """CAMEO code table and PLOVER types (``ontology.json``)."""

    cameo: dict[str, CameoCode]
    plover: dict[str, dict[str, Any]]
    conventions: dict[str, str]

    def code(self, code: str) -> CameoCode:
        """The CAMEO code record (raises :class:`DataError` when unknown)."""
        try:
            return self.cameo[code]
        except KeyError:
            raise DataError(f"unknown CAMEO code {code!r}") from None

    def modes(self, plover_type: str) -> list[str]:
        """The modes of a PLOVER type."""
        return list(self.plover[plover_type]["modes"])


@cache
def load_ontology() -> Ontology:
    """The shipped ontology (cached)."""
    raw = json.loads(data_path("events", "ontology.json").read_text(encoding="utf-8"))
    cameo = {
        c: CameoCode(c, v["name"], float(v["goldstein"]), int(v["quad_class"]), v["plover"], v["mode"],
                     bool(v["symmetric"]))
        for c, v in raw["cameo"].items()
    }
    return Ontology(cameo=cameo, plover=raw["plover"], conventions=raw["conventions"])


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: trigger forms (or a verb group), constraints, and what it codes.

    ``before``/``after`` are slots of alternative word stems that must occur (in order) in
    the clause before/after the trigger; a stem ending in ``$`` must match a whole word.
    ``block`` entries code nothing and suppress the trigger (non-event readings).
    """

    id: str
    event: str | None
    cameo: str | None
    mode: str | None
    symmetric: bool
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    block: bool
    priority: int
    source: str
    example: str | None = None
    #: the mentions around the trigger are the victims (*مقتل ثلاثة جنود*, *murieron dos
    #: soldados*, *X was killed*): they are the recipient; the actor is the *by*-agent, if any
    victim: bool = False
    #: a reported obligation (*X said Y must …*): the speaker is the actor, the group right
    #: before the trigger the recipient
    speaker_actor: bool = False
    #: the trigger names its own generic actor (*المتظاهرون*, *manifestantes* = the protesters):
    #: the sector code used when the clause has no other subject
    actor_noun: str | None = None
    #: one compiled matcher per slot (``None`` for a slot with a multi-word alternative):
    #: ``rx.match(token)`` is true when the token starts with an alternative (or equals a
    #: ``$`` alternative) — built by :func:`load_lexicon`, used by the coder's slot matching.
    before_rx: tuple[LazyPattern | None, ...] = ()
    after_rx: tuple[LazyPattern | None, ...] = ()
    #: the first ``after`` slot's alternatives when it has a matcher (``None`` otherwise): a token
    #: ``t`` matches the slot iff a prefix of ``t``, or ``t + "$"``, is one of them — the coder's
    #: cheap first test before :attr:`after_rx`
    after_first: frozenset[str] | None = None

    @property
    def rank(self) -> tuple[bool, int, int]:
        """Static preference among entries sharing a trigger form: curated entries decide
        (seeded patterns only fill forms the team did not curate); then the most specific."""
        return (self.priority >= 2, len(self.before) + len(self.after), self.priority)


class LazyPattern:
    """A regular expression compiled on its first use: a language's lexicon holds about two
    thousand slot matchers, most of which a run never tries, and compiling them all when the
    lexicon loads was half of ``detente extract``'s cold start. :attr:`match` is the compiled
    pattern's own bound method (no wrapper call per token)."""

    __slots__ = ("_rx", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._rx: re.Pattern[str] | None = None

    @property
    def match(self) -> Callable[[str], re.Match[str] | None]:
        """``re.Pattern.match`` of the compiled pattern (compiled now if not yet)."""
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern)
        return rx.match


def slot_matcher(slot: tuple[str, ...]) -> LazyPattern | None:
    """One regex for a slot of alternative stems (``$`` = whole token), compiled on first use;
    ``None`` when an alternative has several words (matched on the joined tokens instead)."""
    if any(" " in alt for alt in slot):
        return None
    body = "|".join(re.escape(a[:-1]) + r"\Z" if a.endswith("$") else re.escape(a)
                    for a in sorted(slot, key=lambda a: (-len(a), a)))
    return LazyPattern(f"(?:{body})")


@dataclass(slots=True)
class Lexicon:
    """The trigger lexicon of one language with its precompiled automaton."""

    lang: str
    entries: list[Entry]
    patterns: list[str]
    #: pattern index → entry indices, best :attr:`Entry.rank` first (stable): the first entry
    #: whose constraints hold is the one the coder uses.
    by_pattern: list[tuple[int, ...]]
    automaton: Any = field(repr=False, default=None)
    #: does any entry name its own actor (:attr:`Entry.actor_noun`)?
    actor_nouns: bool = False
    #: trigger form → pattern index (for :meth:`shorter`)
    index: dict[str, int] = field(repr=False, default_factory=dict)
    #: :attr:`by_pattern` split at load, order kept: the entries of priority >= 2 (curated, always
    #: allowed; they rank first) and the seeded ones (English: past forms only, see the coder)
    by_pattern_curated: list[tuple[Entry, ...]] = field(repr=False, default_factory=list)
    by_pattern_seeded: list[tuple[Entry, ...]] = field(repr=False, default_factory=list)
    #: :meth:`shorter` per trigger form (a pure function of the form): ``(pattern, length)`` pairs
    _shorter_memo: dict[str, tuple[tuple[int, int], ...]] = field(repr=False, default_factory=dict)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(pattern_index, start, end)`` of leftmost-longest non-overlapping trigger forms in
        ``text`` (already folded with :func:`fold`)."""
        return self.automaton.find_matches_as_indexes(text, overlapping=False)

    def shorter(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """The trigger forms that are proper prefixes of ``text[start:end]`` (a hit of
        :meth:`find`), longest first: the fallbacks when the longest form fails its word
        boundary or its entry's constraints (*exhorto a* in *exhorto al* → *exhorto*)."""
        form = text[start:end]
        got = self._shorter_memo.get(form)
        if got is None:
            index = self.index
            got = self._shorter_memo[form] = tuple(
                (index[w], k) for k in range(len(form) - 1, 0, -1) if (w := form[:k]) in index)
        return [(q, start, start + k) for q, k in got]

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id."""
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (cached; raises :class:`DataError` if none)."""
    if lang not in LEXICON_LANGS:
        raise DataError(f"no trigger lexicon for language {lang!r}")
    raw = json.loads(data_path("events", f"lexicon.{lang}.json").read_text(encoding="utf-8"))
    groups: dict[str, list[str]] = raw.get("groups", {})
    entries: list[Entry] = []
    form_index: dict[str, list[int]] = {}
    slot_rx: dict[tuple[str, ...], LazyPattern | None] = {}

    def rx(slots: tuple[tuple[str, ...], ...]) -> tuple[LazyPattern | None, ...]:
        for slot in slots:
            if slot not in slot_rx:
                slot_rx[slot] = slot_matcher(slot)
        return tuple(slot_rx[slot] for slot in slots)

    slot_alts: dict[tuple[str, ...], frozenset[str]] = {}

    def first_alts(slots: tuple[tuple[str, ...], ...]) -> frozenset[str] | None:
        if not slots or slot_rx[slots[0]] is None:
            return None
        return slot_alts.setdefault(slots[0], frozenset(slots[0]))

    for i, e in enumerate(raw["entries"]):
        before = tuple(tuple(s) for s in e.get("before", []))
        after = tuple(tuple(s) for s in e.get("after", []))
        entries.append(Entry(
            id=e["id"], event=e.get("event"), cameo=e.get("cameo"), mode=e.get("mode"),
            symmetric=bool(e.get("symmetric")),
            before=before, after=after,
            block=bool(e.get("block")), priority=int(e.get("priority", 0)), source=e.get("source", ""),
            example=e.get("example"), victim=bool(e.get("victim")),
            speaker_actor=bool(e.get("speaker_actor")), actor_noun=e.get("actor_noun"), before_rx=rx(before), after_rx=rx(after),
            after_first=first_alts(after),
        ))
        forms = list(e.get("forms", [])) + list(groups.get(e.get("group", ""), []))
        for f in forms:
            form_index.setdefault(f, []).append(i)
    patterns = sorted(form_index)
    by_pattern = [tuple(sorted(form_index[p], key=lambda i: entries[i].rank, reverse=True)) for p in patterns]
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return Lexicon(lang=lang, entries=entries, patterns=patterns, by_pattern=by_pattern, automaton=ac,
                   actor_nouns=any(e.actor_noun for e in entries), index={p: i for i, p in enumerate(patterns)},
                   by_pattern_curated=[tuple(entries[i] for i in ix if entries[i].priority >= 2) for ix in by_pattern],
                   by_pattern_seeded=[tuple(entries[i] for i in ix if entries[i].priority < 2) for ix in by_pattern])


def lexicon_patterns() -> list[str]:
    """Every trigger surface form of every language's lexicon (folded as matched; sorted,
    without repeats). The benchmark suite scans with them for its multi-pattern baseline."""
    forms: set[str] = set()
    for lang in LEXICON_LANGS:
        forms.update(load_lexicon(lang).patterns)
    return sorted(forms)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Function words of one language (``grammar.json``), longest first."""

    negation: tuple[str, ...]
    neg_exceptions: tuple[str, ...]
    intent: tuple[str, ...]
    passive_aux: tuple[str, ...]
    by: tuple[str, ...]
    with_: tuple[str, ...]
    to: tuple[str, ...]
    from_: tuple[str, ...]
    loc: tuple[str, ...]
    other_prep: tuple[str, ...]
    of: tuple[str, ...]
    determiners: tuple[str, ...]
    coord: tuple[str, ...]
    speech: tuple[str, ...]
    verb_cues: tuple[str, ...]
    vp_coord: tuple[str, ...]
    both_sides: tuple[str, ...]
    clause_break: tuple[str, ...]
    #: clause openers of conditions (*if, unless*, 如果, *nếu*): their triggers are not events
    hypothetical: tuple[str, ...] = ()
    #: verbs denying their complement (*denied that*, 否认, *bác tin*): later triggers of the
    #: clause are not events
    deny: tuple[str, ...] = ()
    #: complement-clause openers (*that*, *rằng*): a group after one starts a new subject
    complementizer: tuple[str, ...] = ()
    #: nouns naming a request (*appeal, demand, call*): *rejected an appeal from X* → X
    request_nouns: tuple[str, ...] = ()


@cache
def load_grammar(lang: str) -> Grammar:
    """Function words for ``lang`` (English ones for languages without their own)."""
    raw = json.loads(data_path("events", "grammar.json").read_text(encoding="utf-8"))
    g = raw.get(lang) or raw["en"]

    def t(key: str) -> tuple[str, ...]:
        return tuple(sorted(g.get(key, []), key=lambda s: (-len(s), s)))

    return Grammar(negation=t("negation"), neg_exceptions=t("neg_exceptions"), intent=t("intent"), passive_aux=t("passive_aux"), by=t("by"),
                   with_=t("with"), to=t("to"), from_=t("from"), loc=t("loc"), other_prep=t("other_prep"), of=t("of"),
                   determiners=t("determiners"), coord=t("coord"), speech=t("speech"), verb_cues=t("verb_cues"), vp_coord=t("vp_coord"),
                   both_sides=t("both_sides"), clause_break=t("clause_break"),
                   hypothetical=t("hypothetical"), deny=t("deny"),
                   complementizer=t("complementizer"), request_nouns=t("request_nouns"))
