"""Find actor mentions in a text: one Aho-Corasick pass, boundary/case/context filters,
span selection, phrase merging and date-aware resolution.

Cascade (numbers match the comments in :func:`find_mentions`):

1. normalise the whole text (length-preserving; Chinese sentences use ``Sentence.norm``);
2. one overlapping ahocorasick-rs scan over the normalised text;
3. filter each hit: language, script-aware word boundaries (none inside a longer Latin word;
   Arabic proclitics allowed; Russian endings allowed for flagged stems), case (acronyms exact,
   proper names capitalised), surname context (strong surnames, or next to a role title or a
   country, or after the full name), Vietnamese one-syllable names not inside a person name;
4. select non-overlapping spans, longest first (blocked words such as 中美洲 or 法院 take their
   span and yield nothing); split fixed two-country compounds (巴以, Việt-Trung);
5. validate Chinese one-character abbreviations (中美, 美方, 访华, 伊/巴 by document context);
6. merge adjacent items into actor phrases (country + role + name, agent + country, 拜登总统 …),
   then an agent "of/de" an organisation into that organisation (Guerrilleros … de las FARC);
7. after a role title, fuzzy-match a misspelled name against the role holders on the date
   ("Brinken"), or an exact short family name of the only such holder ("Premier Li"); give a
   title without country the owner named next to it (拜登总统的国家安全顾问, … của Biden);
8. resolve each phrase on the reference date into an :class:`~detente.records.ActorMention`;
   a bare title ("the foreign minister") refers to the only person named earlier with that
   role, else to the holder in the article's only state, else stays unresolved.

Pattern flags: ``x`` exact upper case (acronyms), ``c`` capitalised, ``s`` Russian stem (up to
three letters of ending), ``t`` strong surname, ``k`` abbreviation needs document context,
``p`` abbreviation only after a verb prefix (访华), ``m`` ministry noun (resolved to the
article's state when unambiguous), ``b`` bound suffix (美军, 美方, phía), ``g`` generic title.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..records import ActorMention
from .normalize import normalize
from .table import ActorTable, Pattern, Role, _day

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
#: Arabic proclitics allowed before a match inside a word (و ف ب ل ك, with or without ال).
AR_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "ول", "فب", "فل", "وك"})
#: Chinese verbs/prepositions that bind a following one-character abbreviation (访华, 驻美, 对华).
ZH_ABBR_PREFIX = frozenset("访赴驻对涉反亲援抵离来在与同联制抗侵于")
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
    norm = normalize(text) if norm is None or len(norm) != len(text) else normalize(norm)
    use_lang = lang if lang in CODED_LANGS else None
    # 2. one scan
    hits = table.automaton.find_matches_as_indexes(norm, overlapping=True)
    # 3. filter
    spans: dict[tuple[int, int], list[Pattern]] = {}
    ext_len: dict[tuple[int, int], int] = {}  # letters matched as an ending (Russian stems)
    patterns_in = table.patterns_in
    kinfo = table.kinfo
    n = len(norm)
    for ki, s, e in hits:
        # the boundary test first (cheap, drops most hits: "un" in "until"), then the language
        first_word, last_word = kinfo[ki]
        if first_word and s:
            before = norm[s - 1]  # _is_word(before), inlined: this runs for every hit
            if before.isalnum() and (before < "\u3040" or not _is_cjk(before)) and not _arabic_prefix_ok(norm, s):
                continue  # inside a longer word
        pats = patterns_in(ki, use_lang)
        if not pats:
            continue
        end = e
        if e < n:
            after = norm[e]
            if last_word and _is_word(after):
                end = _stem_end(norm, e)
                if end < 0:
                    continue
                pats = tuple(p for p in pats if "s" in p.flags)
                if not pats:
                    continue
            elif after == "长" and norm[e - 1] == "部":
                continue  # 国防部长 is a title, not 国防部 + 长
        if table.kinfo_case[ki]:
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
    _filter_context(cands, text, norm, table)
    cands = [c for c in cands if c.pats]
    for c in cands:
        if len(c.pats) > 1:
            c.pats.sort(key=lambda p: p.rank)
    cands = _drop_cut_compounds(cands)
    # 4. select: longest first, then by type priority, then leftmost
    cands.sort(key=lambda c: (c.start - c.end, c.pats[0].rank, c.start))
    taken = bytearray(len(text))
    chosen: list[Cand] = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _split_compounds([c for c in chosen if c.best.ptype != "X"], norm)
    # 5. Chinese abbreviations
    chosen = _validate_abbreviations(chosen, text, norm, table)
    # 6. merge into phrases
    groups = _merge(chosen, text, norm, table)
    # 6b. an agent followed by "of <organisation>" is that organisation's member
    #     ("Guerrilleros del Frente 7 de las FARC", "soldiers of the Israeli army")
    groups = _absorb_membership(groups, text, norm, table)
    # 7. fuzzy names after role titles (may absorb a following place of the same spelling)
    starts = {g.start: g for g in groups}
    absorbed: set[int] = set()
    for g in groups:
        if id(g) in absorbed:
            continue
        if g.role is not None and g.person is None:
            follower = starts.get(g.end + 1)
            if follower is not None and not (follower.other is not None and len(follower.items) == 1):
                continue
            _fuzzy_after_role(g, text, table, day)
            if g.fuzzy is not None and follower is not None:
                if follower.end <= g.end:
                    absorbed.add(id(follower))
                else:
                    g.fuzzy, g.end = None, g.items[-1].end
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
    # 8. resolve
    home = _article_state(groups, table)
    out: list[ActorMention] = []
    seen: dict[str, dict[str, Role]] = {}  # role key → person → role, for people named earlier
    for g in groups:
        m = _resolve(g, text, table, day, home, seen)
        if m is not None:
            out.append(m)
            if m.role_entry and m.kind in ("person", "role"):
                r = next((r for r in table.roles_of(m.entry) if r.id == m.role_entry), None)
                if r is not None and r.role != "PHX":
                    seen.setdefault(r.role, {})[r.person] = r
    return out


def _filter_context(cands: list[Cand], text: str, norm: str, table: ActorTable) -> None:
    """Drop surnames without context and Vietnamese one-syllable names inside person names."""
    by_end: dict[int, list[Cand]] = {}
    persons_full: set[str] = set()
    starts = {c.start for c in cands}
    for c in cands:
        by_end.setdefault(c.end, []).append(c)
        for p in c.pats:
            if p.ptype == "E" and table.entries.kind(p.target) == "person":
                persons_full.add(p.target)
    for c in cands:
        keep = []
        for p in c.pats:
            if (p.ptype == "N" and "t" not in p.flags and p.target not in persons_full
                    and not _has_left_neighbour(c, by_end, text, ("R", "D", "E"))):
                continue
            if (p.ptype == "E" and norm[c.start:c.end] in NAME_LIKE_STATES and c.end + 1 < len(text)
                    and text[c.end] == " " and text[c.end + 1].isupper() and (c.end + 1) not in starts):
                continue  # Jordan Peterson, Chad Smith: a first name, not the state
            if p.ptype == "E" and p.lang == "vi" and " " not in norm[c.start:c.end].strip():
                # one-syllable Vietnamese country name right after a capitalised word: a name
                t = c.start - 1
                while t >= 0 and text[t] == " ":
                    t -= 1
                if t >= 0 and t < c.start - 1 and _is_word(text[t]):
                    w = t
                    while w > 0 and _is_word(text[w - 1]):
                        w -= 1
                    if text[w].isupper() and w > 0 and not _sentence_start(text, w) and not by_end.get(t + 1):
                        continue
                    if norm[w:t + 1] in VI_KIN_TERMS:  # chị Nga, ông Đức: a person
                        continue
                nxt = norm[c.end:c.end + 4]
                if nxt in (" ấy", " ta", " ấy,", " ấy.") or nxt.startswith((" ấy", " ta ", " em ")):
                    continue  # Anh ấy (he), Anh ta: a pronoun
            keep.append(p)
        c.pats = keep


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n。！？；;"


def _has_left_neighbour(c: Cand, by_end: dict[int, list[Cand]], text: str, types: tuple[str, ...]) -> bool:
    j = c.start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return any(any(p.ptype in types and (p.ptype != "E" or True) for p in o.pats) for o in by_end.get(j, []))


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
    out: list[Cand] = []
    for c in chosen:
        p = c.best
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
    if not any(c.best.ptype == "A" for c in chosen):
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
        p = c.best
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
            if nxt is not None and nxt.best.ptype in ("A", "R", "G"):
                ok = True
            if prv is not None and prv.best.ptype == "A":
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
        if c.best.ptype == "A" and "v" not in c.best.flags:
            nxt = at.get(c.end)
            prv = ends.get(c.start)
            support = (nxt is not None and nxt.start in kept_starts and nxt.best.ptype in ("A", "R", "G")) or (
                prv is not None and prv.start in kept_starts and prv.best.ptype == "A") or (
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
    p = c.best
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


def _merge(chosen: list[Cand], text: str, norm: str, table: ActorTable) -> list[Group]:
    """Group adjacent items into actor phrases (country + role + name, agent + country …)."""
    groups: list[Group] = []
    cur: Group | None = None
    cur_last = ""
    for c in chosen:
        slot = _slot(c, table)
        if cur is not None and _joinable(cur, slot, cur_last) and _gap_ok(text, norm, cur.end, c.start, cur_last, slot):
            setattr(cur, slot, c)
            cur.items.append(c)
            cur.end = c.end
            cur_last = slot
            continue
        cur = Group(c.start, c.end)
        setattr(cur, slot, c)
        cur.items.append(c)
        cur_last = slot
        groups.append(cur)
    return groups


def _absorb_membership(groups: list[Group], text: str, norm: str, table: ActorTable) -> list[Group]:
    """Merge ``agent + of/de … + organisation`` into one phrase coded as the organisation."""
    out: list[Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        if (i + 1 < len(groups) and g.agent is not None and g.country is None and g.person is None
                and g.role is None and "b" not in g.agent.best.flags):
            nxt = groups[i + 1]
            gap = norm[g.end:nxt.start]
            if (nxt.other is not None and len(nxt.items) == 1 and nxt.other.best.ptype == "E"
                    and table.entries.kind(nxt.other.best.target) == "org" and len(gap) <= 40
                    and _MEMBERSHIP_GAP.fullmatch(gap)):
                merged = Group(g.start, nxt.end, other=nxt.other, items=g.items + nxt.items)
                out.append(merged)
                i += 2
                continue
        out.append(g)
        i += 1
    return out


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
def _fuzzy_after_role(g: Group, text: str, table: ActorTable, day: str | None) -> None:
    """Attach a capitalised unknown word after a role title when it is close to the name of
    the role holder on that date ("Secretary of State Brinken" → Antony Blinken)."""
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
    word = text[j:k]
    if len(word) < 2:
        return
    assert g.role is not None
    key, _, rc = g.role.best.target.partition("|")
    country = _group_country(g, table) or (rc or None)
    if country is None:
        pool = table.holders_any_country(key, day)
        floor = FUZZY_MIN_ANY
    else:
        pool = table.holders(key, country, day)
        floor = FUZZY_MIN
    wn = normalize(word)
    if len(word) < 4:
        # a short family name ("Premier Li", "President Xi"): exact, and only one holder has it
        hits = {r.person: r for r in pool if wn in _name_tokens(table, r.person)}
        if len(hits) == 1:
            g.fuzzy = (next(iter(hits)), 100.0)
            g.end = k
        return
    best: tuple[float, Role | None] = (0.0, None)
    for r in pool[:400]:
        for sn in [*table.surnames.get(r.person, []), table.entries[r.person]["name"].split()[-1].lower()]:
            sc = fuzz.ratio(wn, sn)
            if sc > best[0]:
                best = (sc, r)
    if best[1] is not None and best[0] >= floor:
        g.fuzzy = (best[1].person, best[0])
        g.end = k


def _name_tokens(table: ActorTable, pid: str) -> tuple[str, str]:
    """First and last word of a person's name, normalised (family name first or last)."""
    words = normalize(table.entries[pid]["name"]).split()
    return (words[0], words[-1]) if words else ("", "")


# ----------------------------------------------------------------------------- 8. resolution
def _group_country(g: Group, table: ActorTable) -> str | None:
    if g.country is None:
        return None
    t = g.country.best.target
    e = table.entries.get(t)
    if e is None:
        return None
    return e.get("country") if e["kind"] != "org" else None


def _owner_country(g: Group, table: ActorTable, day: str | None) -> str | None:
    """The country of a phrase (its state, or the country of its person's role)."""
    c = _group_country(g, table)
    if c:
        return c
    if g.person is not None:
        r = table.person_role(g.person.best.target, day)
        return r.country if r else table.entries[g.person.best.target].get("country")
    return None


def _article_state(groups: list[Group], table: ActorTable) -> str | None:
    states = set()
    for g in groups:
        c = _group_country(g, table)
        if c:
            states.add(c)
    return next(iter(states)) if len(states) == 1 else None


def _person_mention(pid: str, g: Group, text: str, table: ActorTable, day: str | None,
                    conf: float, fuzzy: bool) -> ActorMention:
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
    return ActorMention(g.start, g.end, text[g.start:g.end], pid, e["name"], country, sector, code,
                        kind="person", role_entry=rid, confidence=conf, fuzzy=fuzzy)


def _state(country: str | None) -> str | None:
    """Country of a mention: organisation ids (ORG_UNO) are not states."""
    return None if country is None or country.startswith("ORG_") else country


def _resolve(g: Group, text: str, table: ActorTable, day: str | None, home: str | None,
             seen: dict[str, dict[str, Role]]) -> ActorMention | None:
    """The mention of one phrase. ``home`` is the article's only state (or None); ``seen`` maps
    role keys to the people named in that role earlier in the document (a bare "the foreign
    minister" refers to that person when only one was named)."""
    span = text[g.start:g.end]
    # person named (exactly, by surname, or fuzzily)
    if g.fuzzy is not None:
        pid, score = g.fuzzy
        if score >= 100:  # exact short family name after the title: not a misspelling
            return _person_mention(pid, g, text, table, day, CONF_SURNAME, False)
        return _person_mention(pid, g, text, table, day, round(score / 100 * 0.9, 3), True)
    if g.person is not None:
        p = g.person.best
        conf = 1.0 if p.ptype == "E" or "t" in p.flags else CONF_SURNAME
        return _person_mention(p.target, g, text, table, day, conf, False)
    country = _group_country(g, table)
    if g.role is not None:
        key, _, rc = g.role.best.target.partition("|")
        country = country or rc or g.owner or None
        rd = table.role_defs.get(key, {"sector": "GOV", "label": key})
        if country is None and g.country is not None:
            org = table.entries[g.country.best.target]
            return ActorMention(g.start, g.end, span, g.country.best.target, org["name"], None, "IGO",
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
        a = g.agent.best
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
    if g.country is not None:
        p = g.country.best
        e = table.entries[p.target]
        kind = {"D": "demonym", "A": "state", "S": "side"}.get(p.ptype, e["kind"])
        if e["kind"] == "org":
            kind = "org"
        sector = e.get("sector")
        code = e["code"]
        if p.ptype == "S":
            sector, code = "GOV", e["code"] + "GOV"
        return ActorMention(g.start, g.end, span, p.target, e["name"], e.get("country"), sector, code, kind=kind)
    if g.other is not None:
        p = g.other.best
        e = table.entries[p.target]
        if p.ptype == "S":
            return ActorMention(g.start, g.end, span, p.target, e["name"], e.get("country"), "GOV",
                                e["code"] + "GOV", kind="side")
        return ActorMention(g.start, g.end, span, p.target, e["name"], e.get("country"), e.get("sector"),
                            e["code"], kind=e["kind"], is_location=bool(e.get("is_location")),
                            lat=e.get("lat"), lon=e.get("lon"))
    return None
