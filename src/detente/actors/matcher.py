"""Find actor mentions in a text: one Aho-Corasick pass, boundary/case/context filters,
span selection, phrase merging and date-aware resolution.

Cascade (numbers match the comments in :func:`find_mentions`):

1. normalise the whole text (length-preserving; Chinese sentences use ``Sentence.norm``);
2. one overlapping ahocorasick-rs scan over the normalised text;
3. filter each hit: language, script-aware word boundaries (none inside a longer Latin word;
   Arabic proclitics allowed; Russian endings allowed for flagged stems), case (acronyms exact,
   proper names capitalised), surname context (strong surnames, the full name earlier, or
   right after a title of the person's country / a title the person holds or held / the
   person's country), Vietnamese one-syllable names not inside a person name, Chinese
   one-character names (and short ones inside a common word: 敦 in 敦促) only next to a
   title or after the full name; a known surname after a close spelling of the person's given
   name is that person with a lower confidence ("Anthony Blinken"), after a clearly different
   given name someone else ("his son Hunter Biden"); a one-word place after a given name or an
   honorific ends an unknown person's name ("officer Meng Wanzhou", "Mr Jordan"); a state that is
   also a first name stays the state before a weekday or month ("Israel Friday");
4. select non-overlapping spans, longest first (blocked words such as 中美洲 or 法院 take their
   span and yield nothing); split fixed two-country compounds (巴以, Việt-Trung);
5. validate Chinese one-character abbreviations (中美, 美方, 访华, 伊/巴 by document context);
6. merge adjacent items into actor phrases (country + role + name, agent + country, 拜登总统 …),
   with acting/interim words around a title ("acting president", "presidenta encargada",
   代总统); in English a demonym after an agent noun belongs to the next noun ("the official
   Armenian news agency"); a country after an opposing prefix ("anti-Syria") joins no phrase;
   then an agent "of/de" an organisation into that organisation (Guerrilleros … de las FARC);
7. after a role title, fuzzy-match a misspelled name against the role holders on the date
   ("Brinken"), or an exact short family name of the only such holder ("Premier Li"); a
   given name is not a family name ("President Abdelaziz …"), and without a country in the
   title a holder of any country needs a curated surname or its country in the text; give a
   title without country the owner named next to it (拜登总统的国家安全顾问, … của Biden);
   join titles of one person before one name ("Tổng Bí thư, Chủ tịch nước Tô Lâm");
8. resolve each phrase on the reference date into an :class:`~detente.records.ActorMention`;
   a bare title ("the foreign minister") refers to the only person named earlier with that
   role, else to the holder in the article's only state, else stays unresolved.

The word lists of steps 3, 6 and 7 (acting words, title joiners, Chinese common words that
hold a short name, patronymic particles, calendar words, words that are no given names,
honorifics, opposing prefixes) are data: ``detente/data/actors/matcher_words.json``.

Pattern flags: ``x`` exact upper case (acronyms), ``c`` capitalised, ``s`` Russian stem (up to
three letters of ending), ``t`` strong surname, ``k`` abbreviation needs document context,
``p`` abbreviation only after a verb prefix (访华), ``m`` ministry noun (resolved to the
article's state when unambiguous), ``b`` bound suffix (美军, 美方, phía), ``g`` generic title.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import operator
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..errors import DataError
from ..records import ActorMention
from ..resources import data_path
from .normalize import _MAP as _NORM_MAP
from .normalize import normalize
from .table import MISSING, ActorTable, Pattern, Role, _day

#: Languages with their own patterns; other languages match only language-neutral ("*") forms
#: plus every language's forms.
CODED_LANGS = frozenset({"en", "zh", "vi", "es", "fr", "ru", "ar"})
#: Minimum rapidfuzz ratio for a misspelled name next to a role title of a known country
#: ("Blincoln" vs "Blinken" = 66.7, "Brinken" = 85.7; "Lincoln" vs "Blinken" = 57.1).
FUZZY_MIN = 62.0
#: Minimum ratio when the role title names no country (holders of all countries compete).
FUZZY_MIN_ANY = 80.0
#: Confidence of a surname matched through context (not a strong surname).
CONF_SURNAME = 0.85
#: Minimum rapidfuzz ratio for a capitalised word before a known surname to count as a
#: spelling of the person's given name ("Anthony" vs "Antony" = 92.3, "Tony" = 80,
#: "Emmanual" vs "Emmanuel" = 87.5; "Hunter" vs "Joe" = 0, "Akshata" vs "Rishi" = 16.7).
FIRST_NAME_MIN = 75.0
#: Languages whose capitalisation marks names (the given-name rules apply to them only).
NAME_CASE_LANGS = frozenset({"en", "es", "fr"})
#: Arabic proclitics allowed before a match inside a word (و ف ب ل ك, with or without ال).
AR_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "ول", "فب", "فل", "وك"})
#: Chinese verbs/prepositions that bind a following one-character abbreviation (访华, 驻美, 对华).
ZH_ABBR_PREFIX = frozenset("访赴驻对涉反亲援抵离来在与同联制抗侵于")
#: Longest Chinese person name that must prove itself (a title next to it or the full name
#: elsewhere) when it stands alone as one character or inside a common word (敦 in 敦促).
ZH_SHORT_NAME = 2
#: Chinese numerals: an abbreviation right after one is part of a date or count (五日).
ZH_NUMERALS = frozenset("〇零一二三四五六七八九十百千两")
#: Connector words allowed between a title/agent and its country ("Minister of Foreign Affairs
#: of China", "policía de Colombia", "chính phủ của Mỹ").
CONNECTORS = frozenset({"of", "of the", "de", "del", "de la", "du", "des", "de l'", "d'", "của", "в", "ду"})
#: One-word state names that are also common first names (English): not the state when
#: followed by a capitalised word that is not itself an actor (Jordan Peterson, Chad Smith).
NAME_LIKE_STATES = frozenset({"jordan", "chad", "georgia", "israel", "kenya", "india", "china", "france", "lebanon"})
#: Vietnamese kinship/honorific words used before personal names (chị Nga, ông Đức).
VI_KIN_TERMS = frozenset({"ông", "bà", "anh", "chị", "cô", "em", "chú", "bác", "cậu", "dì", "thím", "cháu", "con"})

#: Curated word lists of the matcher (acting titles, title joiners, Chinese words that hold a
#: short name, patronymic particles), shipped as ``detente/data/actors/matcher_words.json``.
MATCHER_WORDS_FILE = ("actors", "matcher_words.json")


@dataclass(frozen=True)
class MatcherWords:
    """The matcher's curated word lists (see ``matcher_words.json`` for what each one is)."""

    acting_before: tuple[str, ...]
    acting_after: tuple[str, ...]
    acting_after_not_before: frozenset[str]
    title_joiners: frozenset[str]
    cjk_words: tuple[str, ...]
    patronymic_particles: frozenset[str]
    family_name_first: frozenset[str]
    opposing_prefixes: frozenset[str] = frozenset()
    calendar_words: frozenset[str] = frozenset()
    not_given_names: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_matcher_words() -> MatcherWords:
    """The shipped matcher word lists (loaded once per process; forms normalised)."""
    p = data_path(*MATCHER_WORDS_FILE)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:  # pragma: no cover - corrupt install
        raise DataError(f"cannot read matcher words {p}: {e}") from e

    def forms(key: str) -> list[str]:
        return [normalize(w) for w in raw[key]]

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(set(forms(key)), key=lambda w: (-len(w), w)))

    return MatcherWords(
        acting_before=longest_first("acting_before"),
        acting_after=longest_first("acting_after"),
        acting_after_not_before=frozenset(forms("acting_after_not_before")),
        title_joiners=frozenset(forms("title_joiners")),
        cjk_words=tuple(forms("cjk_words")),
        patronymic_particles=frozenset(forms("patronymic_particles")),
        family_name_first=frozenset(raw["family_name_first"]),
        calendar_words=frozenset(forms("calendar_words")),
        opposing_prefixes=frozenset(forms("opposing_prefixes")),
        not_given_names=frozenset(forms("not_given_names")),
        honorifics=frozenset(forms("honorifics")),
    )


#: Sort key of a candidate's patterns (``Pattern.rank``).
_RANK = operator.itemgetter(4)


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x3040 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0x3400 <= o <= 0x4DBF


def _is_word(c: str) -> bool:
    """A letter or digit of an alphabetic script (CJK characters need no word boundary)."""
    return c.isalnum() and (c < "\u3040" or not _is_cjk(c))


def _is_arabic(c: str) -> bool:
    return "\u0600" <= c <= "\u06ff"


@dataclass(slots=True)
class Cand:
    """A filtered pattern hit: span and the accepted interpretations."""

    start: int
    end: int
    pats: list[Pattern]
    #: rapidfuzz ratio of a close but different given name before a surname (Anthony Blinken)
    first_score: float | None = None

    @property
    def best(self) -> Pattern:
        """The preferred interpretation (``pats`` is sorted by :func:`_rank_pats`)."""
        return self.pats[0]


@dataclass
class Group:
    """An actor phrase being assembled from adjacent items."""

    start: int
    end: int
    country: Cand | None = None
    role: Cand | None = None
    agent: Cand | None = None
    person: Cand | None = None
    other: Cand | None = None
    fuzzy: tuple[str, float] | None = None
    owner: str | None = None
    items: list[Cand] = field(default_factory=list)
    #: end of an unknown name written right after the role title ("German Foreign Minister Oskar
    #: Fischer"): the phrase names that person, not the title's holder (:func:`_unknown_name_end`)
    name_end: int | None = None


# ----------------------------------------------------------------------------- 3. filters
def _arabic_prefix_ok(norm: str, s: int) -> bool:
    """A match starting inside an Arabic word is allowed after proclitics only (و، ب، ال …)."""
    if not _is_arabic(norm[s]):
        return False
    t = s
    while t > 0 and _is_word(norm[t - 1]):
        t -= 1
    return norm[t:s] in AR_PREFIXES


def _stem_end(norm: str, e: int) -> int:
    """End of a Russian ending of at most three letters after ``e`` (-1 when longer)."""
    n = len(norm)
    k = e
    while k < n and _is_word(norm[k]):
        k += 1
        if k - e > 3:
            return -1
    return k


def _case_ok(text: str, s: int, e: int, pt: Pattern) -> bool:
    fl = pt.flags
    if "x" in fl:
        return all(c.isupper() for c in text[s:e] if c.isalpha())
    if "c" in fl:
        c = text[s]
        return not c.isalpha() or c.isupper()
    return True


def _inside_cjk_word(norm: str, s: int, e: int, words: MatcherWords) -> bool:
    """Whether ``norm[s:e]`` (Chinese) is part of a longer curated common word at that place
    (敦 in 敦促 "urge", 代 in 取代 "replace")."""
    part = norm[s:e]
    for w in words.cjk_words:
        if len(w) <= len(part):
            continue
        o = w.find(part)
        while o >= 0:
            if s - o >= 0 and norm[s - o:s - o + len(w)] == w:
                return True
            o = w.find(part, o + 1)
    return False


def _acting_start(norm: str, s: int, lo: int, words: MatcherWords) -> int:
    """Start of an acting/interim word right before a role title starting at ``s`` ("acting
    president", "Quyền Chủ tịch nước", 代总统), not before ``lo``; ``s`` when there is none."""
    j = s
    while j > lo and norm[j - 1] == " ":
        j -= 1
    for w in words.acting_before:
        a = j - len(w)
        if a < lo or norm[a:j] != w:
            continue
        if _is_cjk(w[-1]):
            if j != s or _inside_cjk_word(norm, a, j, words):
                continue  # 代 must touch the title, and not end a word (取代总统: replace)
        elif j == s:
            continue  # "acting" needs a space before the title
        if _is_word(w[0]) and a > 0 and _is_word(norm[a - 1]):
            continue  # inside a longer word
        return a
    return s


def _acting_end(norm: str, e: int, hi: int, words: MatcherWords) -> int:
    """End of an acting/interim word right after a role title ending at ``e`` ("presidenta
    encargada", "président par intérim"), not after ``hi``; ``e`` when there is none."""
    if e >= hi or norm[e] != " ":
        return e
    for w in words.acting_after:
        b = e + 1 + len(w)
        if b > hi or norm[e + 1:b] != w or (b < len(norm) and _is_word(norm[b])):
            continue
        nxt = norm[b:b + 12].split(" ", 2)
        following = " ".join(nxt[1:2]) if len(nxt) > 1 else ""
        if following in words.acting_after_not_before:
            return e  # ministro encargado de …: in charge of, not acting
        return b
    return e


#: The non-identity replacements of :func:`.normalize.normalize` (no replacement produces
#: another replaced character, so applying them one after the other equals ``str.translate``).
_NORM_REPLACE = tuple((k, v) for k, v in _NORM_MAP.items() if k != v)


def _normalize_doc(text: str) -> str:
    """:func:`.normalize.normalize` of a whole document, faster: ``str.translate`` with a dict
    costs a Python-level lookup per character, while the characters to fold are rare, so only
    the ones present are replaced (``in`` and ``str.replace`` are C scans)."""
    low = text.lower()
    if len(low) != len(text):
        return normalize(text)
    for k, v in _NORM_REPLACE:
        if k in low:
            low = low.replace(k, v)
    return low


# ----------------------------------------------------------------------------- main
def find_mentions(
    text: str,
    table: ActorTable,
    lang: str | None = None,
    date: dt.date | str | None = None,
    norm: str | None = None,
) -> list[ActorMention]:
    """Actor mentions in ``text`` (sorted, non-overlapping), resolved on ``date``.

    ``norm`` is an optional pre-normalised text of the same length (e.g. with Chinese
    sentences converted to simplified characters).
    """
    if not text:
        return []
    day = _day(date)
    # 1. normalise
    norm = _normalize_doc(text if norm is None or len(norm) != len(text) else norm)
    use_lang = lang if lang in CODED_LANGS else None
    # 2. one scan
    hits = table.automaton.find_matches_as_indexes(norm, overlapping=True)
    # 3. filter
    spans: dict[tuple[int, int], list[Pattern]] = {}
    ext_len: dict[tuple[int, int], int] = {}  # letters matched as an ending (Russian stems)
    patterns_in = table.patterns_in
    by_key = table.lang_patterns(use_lang)  # per key: its patterns in this language, or _MISSING
    kinfo3 = table.kinfo3
    n = len(norm)
    for ki, s, e in hits:
        # the boundary test first (cheap, drops most hits: "un" in "until"), then the language
        first_word, last_word, check_case = kinfo3[ki]
        if first_word and s:
            before = norm[s - 1]  # _is_word(before), inlined: this runs for every hit
            if (before.isalnum() and (before < "\u3040" or not _is_cjk(before))
                    and not ("\u0600" <= norm[s] <= "\u06ff" and _arabic_prefix_ok(norm, s))):
                continue  # inside a longer word
        pats = by_key[ki]
        if pats is MISSING:
            pats = patterns_in(ki, use_lang)
        if not pats:
            continue
        end = e
        if e < n:
            after = norm[e]
            if last_word and after.isalnum() and (after < "\u3040" or not _is_cjk(after)):  # _is_word
                pats = tuple(p for p in pats if "s" in p.flags)
                if not pats:
                    continue  # no Russian stem: inside a longer word (checked before the ending)
                end = _stem_end(norm, e)
                if end < 0:
                    continue
            elif after == "长" and norm[e - 1] == "部":
                continue  # 国防部长 is a title, not 国防部 + 长
        if check_case:
            pats = tuple(p for p in pats if _case_ok(text, s, end, p))
            if not pats:
                continue
        key = (s, end)
        x = end - e  # exact matches (x = 0) beat stems, longer stems beat shorter ones
        old = ext_len.get(key)
        if old is None or x < old:
            spans[key] = list(pats)
            ext_len[key] = x
        elif x == old:
            spans[key].extend(pats)
    if not spans:
        return []
    cands = [Cand(s, e, ps) for (s, e), ps in spans.items()]
    # candidates right after a capitalised word: a given name may come before them
    named = _after_capitalised(cands, text) if lang is None or lang in NAME_CASE_LANGS else None
    if named:
        _first_name_variants(named, cands, text, table, spans)
    _filter_context(cands, text, norm, table)
    cands = [c for c in cands if c.pats]
    for c in cands:
        if len(c.pats) > 1:
            c.pats.sort(key=_RANK)
    if named:
        cands = _name_tails(named, cands, text, table, spans)
    cands = _drop_cut_compounds(cands)
    # 4. select: longest first, then by type priority, then leftmost
    cands.sort(key=lambda c: (c.start - c.end, c.pats[0].rank, c.start))
    taken = bytearray(len(text))
    taken_in = taken.find  # a C scan for a taken offset: no slice, no generator
    chosen: list[Cand] = []
    for c in cands:
        if taken_in(1, c.start, c.end) >= 0:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _split_compounds([c for c in chosen if c.pats[0].ptype != "X"], norm)
    # 5. Chinese abbreviations
    chosen = _validate_abbreviations(chosen, text, norm, table)
    # 6. merge into phrases
    groups = _merge(chosen, text, norm, table, use_lang)
    # 6b. an agent followed by "of <organisation>" is that organisation's member
    #     ("Guerrilleros del Frente 7 de las FARC", "soldiers of the Israeli army")
    groups = _absorb_membership(groups, text, norm, table)
    # 7. fuzzy names after role titles (may absorb a following place of the same spelling)
    starts = {g.start: g for g in groups}
    absorbed: set[int] = set()
    doc_states: set[str] = set()
    for g in groups:
        if id(g) in absorbed:
            continue
        if g.role is not None and g.person is None:
            follower = starts.get(g.end + 1)
            if follower is not None and not (follower.other is not None and len(follower.items) == 1):
                continue
            if not doc_states:
                doc_states = {cc for x in groups if (cc := _group_country(x, table))} or {""}
            _fuzzy_after_role(g, text, table, day, doc_states)
            if g.fuzzy is not None and follower is not None:
                if follower.end <= g.end:
                    absorbed.add(id(follower))
                else:
                    g.fuzzy, g.end = None, g.items[-1].end
            if g.fuzzy is None and follower is None:
                g.name_end = _unknown_name_end(g, text, groups)
    groups = [g for g in groups if id(g) not in absorbed]
    # a role without a country takes the owner named just before it (拜登总统的国家安全顾问)
    for prev, g in itertools.pairwise(groups):
        if g.role is not None and g.country is None and g.person is None and g.fuzzy is None:
            gap = norm[prev.end:g.start].strip()
            if gap in ("的", "'s"):
                g.owner = _owner_country(prev, table, day)
    for g, owner in itertools.pairwise(groups):  # … of the owner: "Cố vấn an ninh quốc gia của Biden"
        if g.role is not None and g.country is None and g.person is None and g.fuzzy is None and g.owner is None:
            gap = norm[g.end:owner.start].strip()
            if gap in ("của", "of", "de", "du", "del"):
                g.owner = _owner_country(owner, table, day)
    # two titles of one person before one name ("Tổng Bí thư, Chủ tịch nước Tô Lâm")
    groups = _join_titles(groups, text, norm, table)
    # 8. resolve
    countries = [_group_country(g, table) for g in groups]
    home = _article_state(countries)
    out: list[ActorMention] = []
    seen: dict[str, dict[str, Role]] = {}  # role key → person → role, for people named earlier
    for g, gc in zip(groups, countries, strict=True):
        m = _resolve(g, text, table, day, home, seen, gc)
        if m is not None:
            out.append(m)
            if m.role_entry and m.kind in ("person", "role"):
                r = table.role_by_id(m.entry, m.role_entry)
                if r is not None and r.role != "PHX":
                    seen.setdefault(r.role, {})[r.person] = r
    return out


def _filter_context(cands: list[Cand], text: str, norm: str, table: ActorTable) -> None:
    """Drop surnames without context and Vietnamese one-syllable names inside person names."""
    persons_full: set[str] = set()
    persons_long: set[str] = set()  # named by a form that is not a short Chinese one
    person_ids = table.person_ids
    for c in cands:
        for p in c.pats:
            if p.ptype == "E" and p.target in person_ids:
                persons_full.add(p.target)
                if c.end - c.start > ZH_SHORT_NAME or not _is_cjk(norm[c.start]):
                    persons_long.add(p.target)
    ctx = _Ctx(text, norm, table, cands, persons_full, persons_long)
    for c in cands:
        pats = c.pats
        keep: list[Pattern] | None = None  # built only once a pattern is dropped
        for i, p in enumerate(pats):
            pt = p.ptype
            if (pt == "E" or pt == "N") and _drop_pattern(c, p, ctx):
                if keep is None:
                    keep = pats[:i]
                continue
            if keep is not None:
                keep.append(p)
        if keep is not None:
            c.pats = keep


class _Ctx:
    """What :func:`_drop_pattern` needs about the document's candidates (the indexes by end
    and start are built on first use: most documents never need them)."""

    __slots__ = ("_by_end", "_by_start", "_doc_states", "cands", "norm", "persons_full", "persons_long", "table",
                 "text")

    def __init__(self, text: str, norm: str, table: ActorTable, cands: list[Cand], persons_full: set[str],
                 persons_long: set[str]) -> None:
        self.text, self.norm, self.table, self.cands = text, norm, table, cands
        self.persons_full, self.persons_long = persons_full, persons_long
        self._by_end: dict[int, list[Cand]] | None = None
        self._by_start: dict[int, list[Cand]] | None = None
        self._doc_states: set[str] | None = None

    @property
    def by_end(self) -> dict[int, list[Cand]]:
        """Candidates by end offset."""
        if self._by_end is None:
            self._by_end = {}
            for c in self.cands:
                self._by_end.setdefault(c.end, []).append(c)
        return self._by_end

    @property
    def doc_states(self) -> set[str]:
        """The states the candidates may name (state entities, demonyms, abbreviations)."""
        if self._doc_states is None:
            self._doc_states = set()
            for c in self.cands:
                for p in c.pats:
                    if p.ptype in ("E", "D", "A", "S") and "|" not in p.target:
                        st = self.table.state_of(p.target)
                        if st:
                            self._doc_states.add(st)
        return self._doc_states

    @property
    def by_start(self) -> dict[int, list[Cand]]:
        """Candidates by start offset."""
        if self._by_start is None:
            self._by_start = {}
            for c in self.cands:
                self._by_start.setdefault(c.start, []).append(c)
        return self._by_start


def _drop_pattern(c: Cand, p: Pattern, ctx: _Ctx) -> bool:
    """Whether an entity (E) or surname (N) interpretation of ``c`` lacks the context it needs."""
    text, norm, table = ctx.text, ctx.norm, ctx.table
    if (p.ptype == "N" and "t" not in p.flags and p.target not in ctx.persons_full and c.first_score is None
            and not _surname_context(c, p.target, ctx, text, table,
                                     sum(q.ptype == "N" for q in c.pats) == 1)):
        return True
    # a one-character name (敦), or a short one inside a common word (敦促: urge), needs a
    # title next to it or the full name elsewhere in the text
    if (c.end - c.start <= ZH_SHORT_NAME and _is_cjk(norm[c.start])
            and p.target not in ctx.persons_long and p.target in table.person_ids
            and (c.end - c.start == 1 or _inside_cjk_word(norm, c.start, c.end, load_matcher_words()))
            and not _role_next_to(c, ctx.by_end, ctx.by_start)):
        return True
    if p.ptype != "E":
        return False
    if (norm[c.start:c.end] in NAME_LIKE_STATES and c.end + 1 < len(text)
            and text[c.end] == " " and text[c.end + 1].isupper() and (c.end + 1) not in ctx.by_start
            and _word_at(norm, c.end + 1) not in load_matcher_words().calendar_words):
        return True  # Jordan Peterson, Chad Smith: a first name, not the state (Israel Friday: a date)
    if p.lang == "vi" and " " not in norm[c.start:c.end].strip():
        # one-syllable Vietnamese country name right after a capitalised word: a name
        t = c.start - 1
        while t >= 0 and text[t] == " ":
            t -= 1
        if t >= 0 and t < c.start - 1 and _is_word(text[t]):
            w = t
            while w > 0 and _is_word(text[w - 1]):
                w -= 1
            if text[w].isupper() and w > 0 and not _sentence_start(text, w) and not ctx.by_end.get(t + 1):
                return True
            if norm[w:t + 1] in VI_KIN_TERMS:  # chị Nga, ông Đức: a person
                return True
        nxt = norm[c.end:c.end + 4]
        if nxt in (" ấy", " ta", " ấy,", " ấy.") or nxt.startswith((" ấy", " ta ", " em ")):
            return True  # Anh ấy (he), Anh ta: a pronoun
    return False


def _word_at(norm: str, i: int) -> str:
    """The (normalised) word starting at ``i``."""
    k = i
    n = len(norm)
    while k < n and _is_word(norm[k]):
        k += 1
    return norm[i:k]


def _words_before(text: str, s: int, most: int = 3) -> list[tuple[int, int]]:
    """Up to ``most`` capitalised words (letters, hyphens; two letters or more, not all capitals)
    right before ``s``, one space apart, nearest last: the given names a surname or place may
    end (officer Meng Wanzhou → [Meng])."""
    out: list[tuple[int, int]] = []
    e = s - 1
    while len(out) < most and e >= 2 and text[e] == " " and text[e - 1].isalpha():
        b = e
        while b > 0 and (text[b - 1].isalpha() or text[b - 1] == "-"):
            b -= 1
        w = text[b:e]
        if len(w) < 2 or not w[0].isupper() or w.isupper() or (b > 0 and text[b - 1] not in " \"'“‘(\n"):
            break
        out.append((b, e))
        e = b - 1
    out.reverse()
    return out


def _lower_word_before(text: str, b: int) -> bool:
    """Whether a lower-case word ends right before ``b`` (one space): the text around is no
    headline in title case ("his son Hunter …", not "Iran Rejects …")."""
    if b < 2 or text[b - 1] != " " or not text[b - 2].isalpha():
        return False
    a = b - 2
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    return text[a].islower()


#: Given names per table: first words of the table's person names (Latin letters).
_GIVEN_NAMES: dict[int, tuple[ActorTable, frozenset[str]]] = {}


def _given_names(table: ActorTable) -> frozenset[str]:
    """First words of the multi-word person names of ``table`` (normalised; computed once
    per table, on first need) minus the curated ``not_given_names`` and calendar words."""
    got = _GIVEN_NAMES.get(id(table))
    if got is not None and got[0] is table:
        return got[1]
    words = load_matcher_words()
    rows = table.entries._rows
    names: set[str] = set()
    for pid in table.person_ids:
        w = normalize(rows[pid].split("\t", 2)[1]).split(" ", 1)
        if len(w) == 2 and w[0].isalpha() and w[0].isascii():
            names.add(w[0])
    out = frozenset(names - words.not_given_names - words.calendar_words)
    _GIVEN_NAMES[id(table)] = (table, out)
    return out


#: Memo of :func:`_person_given_names` per person, with the table it came from.
_GIVEN_OF: dict[str, tuple[ActorTable, list[str]]] = {}


def _person_given_names(table: ActorTable, pid: str) -> list[str]:
    """The words of person ``pid``'s name that are not its family name (normalised; memoised)."""
    got = _GIVEN_OF.get(pid)
    if got is not None and got[0] is table:
        return got[1]
    sn = set(table.surnames.get(pid, ()))
    ws = normalize(table.entries[pid]["name"]).split()
    out: list[str] = []
    if len(ws) > 1:
        sn.add(ws[-1])
        particles = load_matcher_words().patronymic_particles
        out = [w for w in ws if w not in sn and w not in particles and len(w) > 1]
    if len(_GIVEN_OF) > 100_000:
        _GIVEN_OF.clear()
    _GIVEN_OF[pid] = (table, out)
    return out


def _after_capitalised(cands: list[Cand], text: str) -> list[Cand]:
    """The candidates right after a space and a word starting with a capital (a cheap gate of
    :func:`_first_name_variants` and :func:`_name_tails`: string scans in C only)."""
    rfind = text.rfind
    return [c for c in cands
            if c.start > 2 and text[c.start - 1] == " " and text[rfind(" ", 0, c.start - 1) + 1].isupper()]


def _ends_index(cands: list[Cand]) -> dict[int, list[Cand]]:
    """Candidates by end offset."""
    ends: dict[int, list[Cand]] = {}
    for o in cands:
        ends.setdefault(o.end, []).append(o)
    return ends


def _first_name_variants(named: list[Cand], cands: list[Cand], text: str, table: ActorTable,
                         spans: dict[tuple[int, int], Any]) -> None:
    """A known surname after a close spelling of the person's given name is that person,
    with a lower confidence ("Anthony Blinken", "Emmanual Macron"): the phrase starts at the
    given name. A given name far from the person's is left to :func:`_name_tails`. ``named``
    are the candidates of ``cands`` after a capitalised word (:func:`_after_capitalised`);
    ``spans`` holds the spans of all candidates."""
    ends: dict[int, list[Cand]] | None = None
    for c in [c for c in named if c.pats[0].ptype == "N" or len(c.pats) > 1]:
        pats = c.pats
        if len(pats) > 1 and (not any(p.ptype == "N" for p in pats) or any(p.ptype == "E" for p in pats)):
            continue
        if (text.rfind(" ", 0, c.start - 1) + 1, c.end) in spans:
            continue  # the name with the word before it is a candidate (Antony Blinken)
        run = _words_before(text, c.start)
        if not run:
            continue
        best: tuple[float, int, Pattern | None] = (0.0, 0, None)
        for p in pats:
            if p.ptype != "N":
                continue
            given = _person_given_names(table, p.target)
            for b, e in run:
                w = normalize(text[b:e])
                for g in given:
                    sc = fuzz.ratio(w, g)
                    if sc > best[0]:
                        best = (sc, b, p)
        if best[2] is None or best[0] < FIRST_NAME_MIN:
            continue
        if ends is None:
            ends = _ends_index(cands)
        if any(o.start <= run[-1][0] and any(p.ptype != "N" for p in o.pats)
               for e in (run[-1][1], c.end) for o in ends.get(e, ())):
            continue  # the word is an actor itself (President Blinken), or in a longer name
        c.start, c.pats, c.first_score = best[1], [best[2]], best[0]


#: Pattern types :func:`_name_tails` looks at: entities (places, states) and surnames.
_EN_TYPES = frozenset({"E", "N"})
#: Entry kinds of one-word places that may end a personal name (Meng Wanzhou, Michael Jordan).
_PLACE_KINDS = frozenset({"state", "place", "metonym", "capital"})


def _name_tails(named: list[Cand], cands: list[Cand], text: str, table: ActorTable,
                spans: dict[tuple[int, int], Any]) -> list[Cand]:
    """Drop a one-word place or state, or a surname, that ends a longer personal name the table
    does not know: after a given name of the table (or an honorific, for a place) it is the
    unknown person's name, not the place ("officer Meng Wanzhou", "Michael Jordan"); after
    a given name far from the known person's ("his son Hunter Biden") it is someone else.
    ``named``: the candidates after a capitalised word (:func:`_after_capitalised`)."""
    words = load_matcher_words()
    given = _given_names(table)
    ends: dict[int, list[Cand]] | None = None
    drop = False
    for c in [c for c in named if c.pats and c.pats[0].ptype in _EN_TYPES]:
        pats = c.pats
        if c.first_score is not None:
            continue
        p = pats[0]
        pt = p.ptype
        if pt == "N":
            place = False
        elif pt == "E" and p.rank:
            place = True
        else:
            continue
        s = c.start
        b = text.rfind(" ", 0, s - 1) + 1
        if (b, c.end) in spans:
            continue  # the word and the name are a longer candidate (New Delhi)
        w = normalize(text[b:s - 1])
        if w in words.not_given_names or w in words.calendar_words:
            continue
        if place:
            if w not in given and w not in words.honorifics:
                continue
            if " " in text[s:c.end] or table.entries.kind(p.target) not in _PLACE_KINDS:
                continue
        elif w in words.honorifics:
            continue
        run = _words_before(text, s, 2)
        if not run or run[-1][0] != b:
            continue
        if len(run) == 2 and normalize(text[run[0][0]:run[0][1]]) in words.not_given_names:
            continue  # Santa Isabel Tolima, Port Said: the word belongs to a place name
        lower_before = _lower_word_before(text, b)
        if not lower_before and w not in words.honorifics and _sentence_start(text, b):
            continue  # any word is capitalised there (En Japón, La Chine): no evidence of a name
        if not place and not lower_before and w not in given:
            continue
        if ends is None:
            ends = _ends_index(cands)
        blockers = ends.get(s - 1, ())
        if blockers and (place or not lower_before or any(q.ptype != "G" for o in blockers for q in o.pats)):
            continue  # the word is an actor itself (President, Sichuan) — an agent noun
            # written capitalised inside a sentence is a name (his son Hunter Biden)
        c.pats = [q for q in pats if q.ptype != pt]
        for o in blockers:
            o.pats = []
        drop = True
    return [c for c in cands if c.pats] if drop else cands


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n。！？；;"


def _role_next_to(c: Cand, by_end: dict[int, list[Cand]], by_start: dict[int, list[Cand]]) -> bool:
    """Whether a role title touches ``c`` on the left (外长敦) or on the right (敦外长)."""
    return any(p.ptype == "R" for o in (*by_end.get(c.start, ()), *by_start.get(c.end, ())) for p in o.pats)


def _surname_context(c: Cand, pid: str, ctx: _Ctx, text: str, table: ActorTable, unique: bool) -> bool:
    """Whether the item just before a (weak) surname gives it its person's context: a title
    of the person's country ("Chinese Foreign Minister Wang"), the person's country ("Thai
    Don"), or a title without a country that the person holds or held ("Premier Li") — any
    title when the surname names only this person (``unique``) — in a text that names the
    person's country. A title alone does not tie a common surname to one of the many
    countries that have such a minister ("Defence Minister Ali")."""
    j = c.start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    left = ctx.by_end.get(j)
    if not left:
        return False
    countries, keys = _person_scope(table, pid)
    for o in left:
        for q in o.pats:
            if q.ptype == "R":
                key, _, rc = q.target.partition("|")
                if rc:
                    if rc in countries:
                        return True
                elif (key in keys or (unique and bool(keys))) and not countries.isdisjoint(ctx.doc_states):
                    return True
            elif q.ptype in ("D", "E"):
                if q.target == pid:
                    return True
                kind = table.entries.kind(q.target)
                if kind == "state" and q.target in countries:
                    return True
    return False


def _person_scope(table: ActorTable, pid: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries (entry and roles) and role keys of person ``pid``."""
    e = table.entries[pid]
    rs = table.roles_of(pid)
    countries = {r.country for r in rs if r.country}
    if e.get("country"):
        countries.add(e["country"])
    return frozenset(countries), frozenset(r.role for r in rs)


def _drop_cut_compounds(cands: list[Cand]) -> list[Cand]:
    """Drop a two-country compound that would cut a longer name (Đức-Ấn Độ: Ấn Độ is whole)."""
    if not any(c.pats[0].ptype == "K" for c in cands):
        return cands
    ends: dict[int, int] = {}
    for c in cands:
        if c.pats[0].ptype in ("E", "D"):
            ends[c.start] = max(ends.get(c.start, 0), c.end)
    out = []
    for c in cands:
        if c.pats[0].ptype == "K" and any(ends.get(i, 0) > c.end for i in range(c.start + 1, c.end)):
            continue
        out.append(c)
    return out


def _split_compounds(chosen: list[Cand], norm: str) -> list[Cand]:
    """巴以 → 巴 (PSE) + 以 (ISR), Việt-Trung → Việt (VNM) + Trung (CHN): one country candidate
    per character (Chinese) or per hyphenated part (Vietnamese), already valid."""
    if not any(c.pats[0].ptype == "K" for c in chosen):
        return chosen
    out: list[Cand] = []
    for c in chosen:
        p = c.pats[0]
        if p.ptype != "K":
            out.append(c)
            continue
        targets = p.target.split("|")
        span = norm[c.start:c.end]
        cut = span.find("-") if "-" in span else -1
        if cut > 0:
            parts = [(c.start, c.start + cut), (c.start + cut + 1, c.end)]
        else:
            parts = [(c.start + k, c.start + k + 1) for k in range(len(targets))]
        for (a, b), target in zip(parts, targets, strict=True):
            out.append(Cand(a, b, [Pattern(p.lang, "A", target, "v")]))
    return out


# ----------------------------------------------------------------------------- 5. abbreviations
def _validate_abbreviations(chosen: list[Cand], text: str, norm: str, table: ActorTable) -> list[Cand]:
    """Keep a one-character abbreviation only in a compound: next to another country
    abbreviation (中美), before a bound suffix/role/agent (美方, 美军, 美总统), or after a
    binding verb (访华); `k`-flagged ones also need the full country name in the document."""
    if not any(c.pats[0].ptype == "A" for c in chosen):
        return chosen
    doc_states: set[str] = set()
    for c in chosen:
        for p in c.pats:
            if p.ptype in ("E", "D", "S") and p.target in table.entries and table.entries[p.target]["kind"] in ("state", "org"):
                doc_states.add(p.target)
    at = {c.start: c for c in chosen}
    ends = {c.end: c for c in chosen}
    keep: list[Cand] = []
    for c in chosen:
        p = c.pats[0]
        if p.ptype != "A" or "v" in p.flags:
            keep.append(c)
            continue
        targets = p.target.split("|")
        if "k" in p.flags or len(targets) > 1:
            targets = [t for t in targets if t in doc_states]
            if len(targets) != 1:
                continue
        nxt = at.get(c.end)
        prv = ends.get(c.start)
        ok = False
        if c.start > 0 and (norm[c.start - 1].isdigit() or norm[c.start - 1] in ZH_NUMERALS):
            continue  # 5日, 十日: a date, not Japan
        if "p" in p.flags:
            ok = c.start > 0 and norm[c.start - 1] in ZH_ABBR_PREFIX
        else:
            if nxt is not None and nxt.pats[0].ptype in ("A", "R", "G"):
                ok = True
            if prv is not None and prv.pats[0].ptype == "A":
                ok = True
            if c.start > 0 and norm[c.start - 1] in ZH_ABBR_PREFIX:
                ok = True  # 访美, 驻华, 对美, 赴日
        if ok:
            c.pats = [Pattern(p.lang, "A", targets[0], p.flags)]
            keep.append(c)
    keep.sort(key=lambda c: c.start)
    # chains: an abbreviation kept only because of a neighbour that was itself dropped
    kept_starts = {c.start for c in keep}
    final = []
    for c in keep:
        if c.pats[0].ptype == "A" and "v" not in c.pats[0].flags:
            nxt = at.get(c.end)
            prv = ends.get(c.start)
            support = (nxt is not None and nxt.start in kept_starts and nxt.pats[0].ptype in ("A", "R", "G")) or (
                prv is not None and prv.start in kept_starts and prv.pats[0].ptype == "A") or (
                c.start > 0 and norm[c.start - 1] in ZH_ABBR_PREFIX)
            if not support:
                continue
        final.append(c)
    return final


# ----------------------------------------------------------------------------- 6. merging
_SLOT_BY_TYPE = {"D": "country", "A": "country", "N": "person", "R": "role", "G": "agent"}
#: Entity patterns: the rank tells the kind of the target (0 person, 1 state, 2 anything else).
_SLOT_BY_E_RANK = {0: "person", 1: "country"}


def _slot(c: Cand, table: ActorTable) -> str:
    """Which part of a phrase a candidate fills: country, role, agent, person or other."""
    p = c.pats[0]
    if p.ptype == "E":
        return _SLOT_BY_E_RANK.get(p.rank, "other")
    return _SLOT_BY_TYPE.get(p.ptype, "other")


def _gap_ok(text: str, norm: str, a: int, b: int, left: str, right: str) -> bool:
    """Whether items ending at ``a`` and starting at ``b`` belong to one phrase."""
    gap = norm[a:b]
    if gap == "":
        return True
    if left == "person":
        return False
    g = gap.strip()
    if g == "":
        return "\n" not in text[a:b] and len(gap) <= 2
    if left == "country" and g in ("'s", "'", "’s") and right in ("role", "person", "agent"):
        return True
    return bool(left in ("role", "agent") and right == "country" and g in CONNECTORS)


def _merge(chosen: list[Cand], text: str, norm: str, table: ActorTable, lang: str | None = None) -> list[Group]:
    """Group adjacent items into actor phrases (country + role + name, agent + country …).

    In English a demonym right after an agent noun belongs to what follows it ("the
    official Armenian news agency": official | Armenian news agency), and one after an
    opposing prefix ("anti-Syria journalist", "pro-Russian separatists") is what the phrase
    is for or against, never the country of the following noun."""
    groups: list[Group] = []
    cur: Group | None = None
    cur_last = ""
    words = load_matcher_words()
    n = len(chosen)
    noun_first = lang != "en"  # languages where an agent noun may come before its country
    for i, c in enumerate(chosen):
        p0 = c.pats[0]  # _slot(c, table), inlined (one call per item)
        slot = _SLOT_BY_E_RANK.get(p0.rank, "other") if p0.ptype == "E" else _SLOT_BY_TYPE.get(p0.ptype, "other")
        start = c.start
        if slot == "role":  # an acting/interim word before the title belongs to the phrase
            start = _acting_start(norm, c.start, cur.end if cur is not None else 0, words)
        if (slot == "country" and start > 1 and norm[start - 1] == "-"
                and _word_before_hyphen(norm, start - 1) in words.opposing_prefixes):
            cur = Group(start, c.end, country=c, items=[c])  # anti-Syria: no one's country
            groups.append(cur)
            cur, cur_last = None, ""
            continue
        if (cur is not None and _joinable(cur, slot, cur_last)
                and _gap_ok(text, norm, cur.end, start, cur_last, slot)
                and (noun_first or slot != "country" or cur_last != "agent" or c.pats[0].ptype != "D"
                     or norm[cur.end:start].strip())):
            setattr(cur, slot, c)
            cur.items.append(c)
            cur.end = c.end
            cur_last = slot
        else:
            cur = Group(start, c.end)
            setattr(cur, slot, c)
            cur.items.append(c)
            cur_last = slot
            groups.append(cur)
        if slot == "role":  # … and so does one after it (presidenta encargada)
            cur.end = _acting_end(norm, c.end, chosen[i + 1].start if i + 1 < n else len(norm), words)
    return groups


def _word_before_hyphen(norm: str, h: int) -> str:
    """The word ending right before the hyphen at ``h`` ("anti" in "anti-Syria")."""
    b = h
    while b > 0 and _is_word(norm[b - 1]):
        b -= 1
    return norm[b:h]


def _absorb_membership(groups: list[Group], text: str, norm: str, table: ActorTable) -> list[Group]:
    """Merge ``agent + of/de … + organisation`` into one phrase coded as the organisation."""
    out: list[Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        if (i + 1 < len(groups) and g.agent is not None and g.country is None and g.person is None
                and g.role is None and "b" not in g.agent.pats[0].flags):
            nxt = groups[i + 1]
            gap = norm[g.end:nxt.start]
            if (nxt.other is not None and len(nxt.items) == 1 and nxt.other.pats[0].ptype == "E"
                    and table.entries.kind(nxt.other.pats[0].target) == "org" and len(gap) <= 40
                    and _MEMBERSHIP_GAP.fullmatch(gap)):
                merged = Group(g.start, nxt.end, other=nxt.other, items=g.items + nxt.items)
                out.append(merged)
                i += 2
                continue
        out.append(g)
        i += 1
    return out


def _join_titles(groups: list[Group], text: str, norm: str, table: ActorTable) -> list[Group]:
    """Merge a bare title joined by a comma/and/、 to a titled name into that name's phrase
    when the named person holds (or held) the first title too: "General Secretary and
    President Xi Jinping", 中共中央总书记、国家主席习近平 — one mention. Without that check the
    titles are two people ("the Prime Minister and President Macron") and stay apart."""
    joiners = load_matcher_words().title_joiners
    i = len(groups) - 2
    while i >= 0:  # right to left: chains of titles ("A, B and C Name") fold into the name
        g, h = groups[i], groups[i + 1]
        pid = h.fuzzy[0] if h.fuzzy is not None else h.person.pats[0].target if h.person is not None else None
        if (pid is not None and g.role is not None and g.person is None
                and g.fuzzy is None and g.agent is None and g.other is None):
            gap = norm[g.end:h.start]
            if len(gap) <= 6 and "\n" not in text[g.end:h.start] and gap.strip() in joiners:
                key, _, rc = g.role.pats[0].target.partition("|")
                rc = rc or _group_country(g, table) or ""
                if any(r.role == key and (not rc or r.country == rc) for r in table.roles_of(pid)):
                    h.start = g.start
                    h.items = g.items + h.items
                    h.country = h.country or g.country
                    del groups[i]
        i -= 1
    return groups


#: Gap between an agent and its organisation: a connector, optionally a unit name and another
#: connector ("del Frente 7 de las", "of the", "de la").
_MEMBERSHIP_GAP = re.compile(
    r" (?:of|from|de|del|du|des|d'|de la|de las|de los|of the)(?: [\w\-]+){0,3}?(?: (?:of|de|del|de la|de las|de los|of the))? ")


def _joinable(g: Group, slot: str, last: str) -> bool:
    """Whether an item of ``slot`` may join ``g``. Forbidden companions: a country joins no
    country (or other); a role no role or agent; an agent no agent, role or person; a person no
    person; an "other" item never joins."""
    if slot == "other" or g.other is not None:
        return False
    if g.person is not None:  # a name ends a phrase, except a title right after it (拜登总统)
        return slot == "role" and g.role is None and last == "person"
    if slot == "country":
        return g.country is None
    if slot in ("role", "agent"):
        return g.role is None and g.agent is None
    return True  # a person: no person or other in g (checked above)


# ----------------------------------------------------------------------------- 7. fuzzy
def _fuzzy_after_role(g: Group, text: str, table: ActorTable, day: str | None, doc_states: set[str]) -> None:
    """Attach a capitalised unknown word after a role title when it is close to the name of
    the role holder on that date ("Secretary of State Brinken" → Antony Blinken).

    A word followed by another capitalised word is a given name: the family name is the last
    of them ("President Abdelaziz Bouteflicka"). When the title names no country, a holder of
    any country qualifies only through a curated surname, or through the last word of the name
    when the text names the holder's country ("President Abdelaziz" is not Salman bin
    Abdulaziz of Saudi Arabia); a name ending in a patronymic (bin Abdulaziz) never does."""
    i = g.end
    n = len(text)
    if i >= n or text[i] != " ":
        return
    j = i + 1
    if j >= n or not text[j].isupper():
        return
    k = j
    while k < n and (text[k].isalpha() or text[k] in "-'"):
        k += 1
    calendar = load_matcher_words().calendar_words
    if normalize(text[j:k]) in calendar:
        return  # "the President Friday said": a date, no name
    tokens = [(j, k)]
    while k + 1 < n and text[k] == " " and text[k + 1].isupper():  # given name(s), family name
        k2 = k + 1
        while k2 < n and (text[k2].isalpha() or text[k2] in "-'"):
            k2 += 1
        if k2 - k <= 2 or text[k + 1:k2].isupper():
            break  # an initial, or a headline in capitals (PRESIDENTE CHIRAC DESAFIA)
        if normalize(text[k + 1:k2]) in calendar:
            break  # President Bouteflicka Friday …: a date, not the family name
        tokens.append((k + 1, k2))
        k = k2
    assert g.role is not None
    key, _, rc = g.role.pats[0].target.partition("|")
    country = _group_country(g, table) or (rc or None)
    if country is None:
        pool = table.holders_any_country(key, day)
        floor = FUZZY_MIN_ANY
        tries = [tokens[-1]]  # no country: only a family name, never a given name
    else:
        pool = table.holders(key, country, day)
        floor = FUZZY_MIN
        tries = [tokens[-1], tokens[0]] if len(tokens) > 1 else tokens
    for tj, tk in tries:
        if tk - tj < 2:
            continue
        if _fuzzy_word(g, normalize(text[tj:tk]), tk, pool, floor, country, table, doc_states):
            return


def _unknown_name_end(g: Group, text: str, groups: list[Group]) -> int | None:
    """End of a personal name written right after a role title that matched no known person
    ("German Foreign Minister Oskar Fischer", "Kyrgyz Prime Minister Nikolai Tanaev"), or None.

    Such a phrase names someone who is not the holder the table knows on the reference date
    (an earlier holder, a deputy, a misreported name): it resolves to the title's country and
    sector, never to the current holder. A name is one to three capitalised words (an initial
    allowed), not a date word or a function word, not a headline in capitals, with no other
    actor phrase starting inside it."""
    i = g.end
    n = len(text)
    if i + 1 >= n or text[i] != " " or not text[i + 1].isupper():
        return None
    words = load_matcher_words()
    end = None
    k = i
    for _ in range(3):
        if k + 1 >= n or text[k] != " " or not text[k + 1].isupper():
            break
        k2 = k + 1
        while k2 < n and (text[k2].isalpha() or text[k2] in "-'."):
            k2 += 1
        word = text[k + 1:k2].rstrip(".")
        wn = normalize(word)
        if not word.isalpha() and "-" not in word and "'" not in word and len(word) != 1:
            break
        if len(word) > 1 and word.isupper():
            return None  # PRESIDENTE CHIRAC DESAFIA: a headline in capitals
        if wn in words.calendar_words or wn in words.not_given_names:
            break
        end = k + 1 + len(word)
        k = k2
    if end is None or (end - i < 5 and " " not in text[i + 1:end]):
        return None  # one short word ("Minister Li"): no name to read
    if any(i < o.start < end for o in groups):
        return None
    return end


def _fuzzy_word(g: Group, wn: str, end: int, pool: list[Role], floor: float, country: str | None,
                table: ActorTable, doc_states: set[str]) -> bool:
    """Attach the holder in ``pool`` whose family name is (close to) ``wn``; True if one is."""
    words = load_matcher_words()
    if len(wn) < 4:
        # a short family name ("Premier Li", "President Xi"): exact, and only one holder has
        # it; a first word is a family name only in family-name-first countries, or when the
        # title or the text names the holder's country (else: a given name, "Minister Ali")
        hits = {r.person: r for r in pool if _short_family_name(wn, r, country, table, doc_states, words)}
        if len(hits) == 1:
            g.fuzzy = (next(iter(hits)), 100.0)
            g.end = end
            return True
        return False
    particles = words.patronymic_particles
    best: tuple[float, Role | None] = (0.0, None)
    exact_bare: set[str] = set()  # holders whose bare last name equals the word, no country context
    for r in pool[:400]:
        for sn in table.surnames.get(r.person, []):
            sc = fuzz.ratio(wn, sn)
            if sc > best[0]:
                best = (sc, r)
        words = table.entries[r.person]["name"].lower().split()
        if len(words) > 1 and words[-2] in particles:
            continue  # bin Abdulaziz: a father's name, not a family name
        if country is not None or r.country in doc_states:
            sc = fuzz.ratio(wn, words[-1])
            if sc > best[0]:
                best = (sc, r)
        elif wn == words[-1]:
            exact_bare.add(r.person)
    if best[0] < 100 and len(exact_bare) == 1:  # "PRESIDENTE CHIRAC": the only such holder
        pid = next(iter(exact_bare))
        best = (100.0, next(r for r in pool if r.person == pid))
    if best[1] is not None and best[0] >= floor:
        g.fuzzy = (best[1].person, best[0])
        g.end = end
        return True
    return False


def _short_family_name(wn: str, r: Role, country: str | None, table: ActorTable, doc_states: set[str],
                       words: MatcherWords) -> bool:
    """Whether ``wn`` is the family name of holder ``r`` (the last word of the name, or the
    first one where it may be the family name; see :func:`_fuzzy_word`)."""
    first, last = _name_tokens(table, r.person)
    if wn == last:
        return True
    return wn == first and (country is not None or r.country in words.family_name_first or r.country in doc_states)


def _name_tokens(table: ActorTable, pid: str) -> tuple[str, str]:
    """First and last word of a person's name, normalised (family name first or last)."""
    words = normalize(table.entries[pid]["name"]).split()
    return (words[0], words[-1]) if words else ("", "")


# ----------------------------------------------------------------------------- 8. resolution
def _group_country(g: Group, table: ActorTable) -> str | None:
    """The state named by the country item of a phrase (None: none, or an organisation)."""
    return None if g.country is None else table.state_of(g.country.pats[0].target)


def _owner_country(g: Group, table: ActorTable, day: str | None) -> str | None:
    """The country of a phrase (its state, or the country of its person's role)."""
    c = _group_country(g, table)
    if c:
        return c
    if g.person is not None:
        r = table.person_role(g.person.pats[0].target, day)
        return r.country if r else table.entries[g.person.pats[0].target].get("country")
    return None


def _article_state(countries: list[str | None]) -> str | None:
    """The article's state: the only one its phrases name (None: none, or several)."""
    states = {c for c in countries if c}
    return next(iter(states)) if len(states) == 1 else None


def _person_mention(pid: str, g: Group, text: str, table: ActorTable, day: str | None,
                    conf: float, fuzzy: bool) -> ActorMention:
    key = (pid, day)
    got = _PERSON_FIELDS.get(key)
    if got is None or got[0] is not table:
        if len(_PERSON_FIELDS) > 100_000:
            _PERSON_FIELDS.clear()
        got = _PERSON_FIELDS[key] = (table, _person_fields(pid, table, day))
    _, name, country, sector, code, rid = got[1]
    return ActorMention(g.start, g.end, text[g.start:g.end], pid, name, country, sector, code,
                        kind="person", role_entry=rid, confidence=conf, fuzzy=fuzzy)


_PersonFields = tuple[str, str, "str | None", "str | None", str, "str | None"]
#: Memo of :func:`_person_fields` per (person, day), with the table it came from.
_PERSON_FIELDS: dict[tuple[str, str | None], tuple[ActorTable, _PersonFields]] = {}


def _person_fields(pid: str, table: ActorTable, day: str | None) -> _PersonFields:
    """The :class:`ActorMention` fields ``entry … role_entry`` of person ``pid`` on ``day``:
    the code of the role held that day, else the entry's (``ELI`` after a last role)."""
    e = table.entries[pid]
    role = table.person_role(pid, day)
    country: str | None
    sector: str | None
    rid: str | None
    if role is not None:
        country, sector, code, rid = _state(role.country), role.sector, role.code, role.id
    else:
        country, sector, code, rid = e.get("country"), e.get("sector"), e["code"], None
        if day is not None and country:
            last = table.last_role_before(pid, day)
            if last is not None:
                sector, code = "ELI", f"{country}ELI"
    return (pid, e["name"], country, sector, code, rid)


def _state(country: str | None) -> str | None:
    """Country of a mention: organisation ids (ORG_UNO) are not states."""
    return None if country is None or country.startswith("ORG_") else country


def _resolve(g: Group, text: str, table: ActorTable, day: str | None, home: str | None,
             seen: dict[str, dict[str, Role]], country: str | None) -> ActorMention | None:
    """The mention of one phrase. ``home`` is the article's only state (or None); ``seen`` maps
    role keys to the people named in that role earlier in the document (a bare "the foreign
    minister" refers to that person when only one was named); ``country`` is the state the
    phrase names (:func:`_group_country`)."""
    span = text[g.start:g.end]
    # person named (exactly, by surname, or fuzzily)
    if g.fuzzy is not None:
        pid, score = g.fuzzy
        if score >= 100:  # exact short family name after the title: not a misspelling
            return _person_mention(pid, g, text, table, day, CONF_SURNAME, False)
        return _person_mention(pid, g, text, table, day, round(score / 100 * 0.9, 3), True)
    if g.person is not None:
        p = g.person.pats[0]
        if g.person.first_score is not None:  # a close spelling of the given name (Anthony Blinken)
            return _person_mention(p.target, g, text, table, day, round(g.person.first_score / 100 * 0.9, 3), True)
        conf = 1.0 if p.ptype == "E" or "t" in p.flags else CONF_SURNAME
        return _person_mention(p.target, g, text, table, day, conf, False)
    if g.role is not None:
        key, _, rc = g.role.pats[0].target.partition("|")
        country = country or rc or g.owner or None
        rd = table.role_defs.get(key, {"sector": "GOV", "label": key})
        if g.name_end is not None:  # a named person who is not the holder: the title's country/sector
            name, span, sector = text[g.end + 1:g.name_end], text[g.start:g.name_end], rd["sector"]
            if country is None and g.country is not None:
                org = table.entries[g.country.pats[0].target]
                return ActorMention(g.start, g.name_end, span, g.country.pats[0].target, name, None, "IGO",
                                    org["code"], kind="role", confidence=0.7)
            if country is not None:
                org_code = table.entries[country]["code"] if country.startswith("ORG_") and country in table.entries else None
                return ActorMention(g.start, g.name_end, span, f"role:{key}:{country}", name, _state(country), sector,
                                    org_code or country + sector, kind="role", confidence=0.7)
            if home is not None:  # "President Mugabe" in an article naming one state: that state's
                return ActorMention(g.start, g.name_end, span, f"role:{key}:{home}", name, home, sector,
                                    home + sector, kind="role", confidence=0.5)
            return ActorMention(g.start, g.name_end, span, f"role:{key}", name, None, sector, "---" + sector,
                                kind="role", confidence=0.5)
        if country is None and g.country is not None:
            org = table.entries[g.country.pats[0].target]
            return ActorMention(g.start, g.end, span, g.country.pats[0].target, org["name"], None, "IGO",
                                org["code"], kind="role", confidence=0.7)
        if country is not None:
            hs = table.holders(key, country, day)
            if hs:
                h = hs[0]
                pe = table.entries[h.person]
                return ActorMention(g.start, g.end, span, h.person, pe["name"], _state(h.country), h.sector, h.code,
                                    kind="role", role_entry=h.id, confidence=0.95)
            sector = rd["sector"]
            org_code = table.entries[country]["code"] if country.startswith("ORG_") and country in table.entries else None
            code = org_code or country + sector
            return ActorMention(g.start, g.end, span, f"role:{key}:{country}", f"{rd['label']} ({country})",
                                _state(country), sector, code, kind="role", confidence=0.8)
        named = seen.get(key, {})
        r: Role | None = next(iter(named.values())) if len(named) == 1 else None
        conf = 0.75
        first = span[:1]
        proper = not (first.isalpha() and first.isascii() and first.islower())  # "the president" of a club
        if r is None and not named and home is not None and proper:
            hs = table.holders(key, home, day)
            r, conf = (hs[0], 0.6) if hs else (None, 0.0)
        if r is not None:
            pe = table.entries[r.person]
            return ActorMention(g.start, g.end, span, r.person, pe["name"], _state(r.country), r.sector, r.code,
                                kind="role", role_entry=r.id, confidence=conf)
        sector = rd["sector"]
        return ActorMention(g.start, g.end, span, f"role:{key}", rd["label"], None, sector, "---" + sector,
                            kind="role", confidence=0.5)
    if g.agent is not None:
        a = g.agent.pats[0]
        ae = table.entries[a.target]
        sector = ae["sector"]
        if sector == "SIDE":
            if country is None:
                return None
            return ActorMention(g.start, g.end, span, country, table.entries[country]["name"], country, "GOV",
                                country + "GOV", kind="side")
        if "b" in a.flags and country is None:
            return None
        conf = 1.0
        if country is None and "m" in a.flags and home is not None:
            country, conf = home, 0.7
        if country is None:
            return ActorMention(g.start, g.end, span, a.target, ae["name"], None, sector, "---" + sector,
                                kind="sector", confidence=0.8)
        return ActorMention(g.start, g.end, span, a.target, ae["name"], country, sector, country + sector,
                            kind="sector", confidence=conf)
    if g.country is not None or g.other is not None:
        # a state, demonym, organisation, place …: the same fields wherever the pattern
        # matches, so they are worked out once per pattern and table
        p = (g.country or g.other).pats[0]  # type: ignore[union-attr]
        mkey = (g.country is not None, p)
        fields = _ENTITY_FIELDS.get(mkey)
        if fields is None or fields[0] is not table:
            fields = _ENTITY_FIELDS[mkey] = (table, _entity_fields(p, g.country is not None, table))
        if p.target in table.place_periods and day is not None:
            # a place whose state changed (Juba was in Sudan before 2011-07-09): its country on
            # the reference day, with no government sector in an earlier state's period
            at = table.place_at(p.target, day)
            if at is not None and at.dated:
                f = list(fields[1])
                f[2], f[3], f[4] = at.country, at.sector, at.code
                return ActorMention(g.start, g.end, span, *f)
        return ActorMention(g.start, g.end, span, *fields[1])
    return None


#: Memo of :func:`_entity_fields` per (country slot?, pattern), with the table it came from.
_ENTITY_FIELDS: dict[tuple[bool, Pattern], tuple[ActorTable, tuple[Any, ...]]] = {}


def _entity_fields(p: Pattern, as_country: bool, table: ActorTable) -> tuple[Any, ...]:
    """The :class:`ActorMention` fields after ``start, end, text`` of a phrase that is only the
    entity of ``p`` (in the country slot when ``as_country``, else the "other" slot)."""
    e = table.entries[p.target]
    if as_country:
        kind = {"D": "demonym", "A": "state", "S": "side"}.get(p.ptype, e["kind"])
        if e["kind"] == "org":
            kind = "org"
        sector = e.get("sector")
        code = e["code"]
        if p.ptype == "S":
            sector, code = "GOV", e["code"] + "GOV"
        return (p.target, e["name"], e.get("country"), sector, code, kind)
    if p.ptype == "S":
        return (p.target, e["name"], e.get("country"), "GOV", e["code"] + "GOV", "side")
    return (p.target, e["name"], e.get("country"), e.get("sector"), e["code"], e["kind"], None, 1.0, False,
            bool(e.get("is_location")), e.get("lat"), e.get("lon"))
