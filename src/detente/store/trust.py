"""Source-trust flags: republished, machine_translated, garbled, content_farm.

Flags are shown and lower confidence; they never drop data. Each flag comes from measured
signals kept next to it (``documents.signals``) so a reader can see why a page was flagged.

Document-level signals (measured when a document is stored, :func:`document_signals`):

1. ``boilerplate_ratio`` — share of the raw text removed as furniture by the cleaner.
2. ``off_topic_site`` — the site name or host carries a sports/betting/casino word
   (``data/trust_signals.json``).
3. ``fuzzy_names`` — actor mentions the actor layer matched only by fuzzy spelling, and
   ``misspelt_names`` — capitalised words one or two letters away from a prominent person's name
   (the curated persons of the actor table: "Rubbio", "Wang Yee") that the text never spells right.
4. ``role_conflicts`` — a person named with a role title whose holder on the publication date
   was someone else (the actor layer resolved the role and the name to different people).
5. ``mt_artefacts`` — literal-translation artefacts (per-language patterns, matched in the text,
   title and site name) and ``repetitions`` (a content word three times within six words:
   "core interest of core in the core").
6. ``retrospective`` — words in the title or lead by which the page says it looks back on purpose
   ("five years after", "anniversary", "回顾", "hace un año"), and ``old_lead`` — the day the
   page's lead tells, when it is :data:`REPUBLISH_DAYS` or more before the page's date.
7. ``few_articles`` — articles make a smaller share of the body's words than natural news of the
   language shows (en, es, fr): one artefact of a word-for-word translation.

Store-level signals (need other documents or the events, set by the store):

8. ``copy_of`` — the same or nearly the same text is already stored under another, unrelated
   site: neither the same site name nor a host of the same outlet (``asia.harborwire.com`` is
   ``harborwire.com``'s edition); ``copy_of_doc`` whatever the site: copies are linked but not
   counted as sources.
9. ``old_events`` / ``events`` — how many of the document's events are old news: first reported
   by other documents, or dated by the text itself, at least :data:`REPUBLISH_DAYS` before
   this one was published.

Flags (:func:`flags_from_signals`): ``republished`` (a late copy of an earlier page; or, on a page
that does not say it looks back, most events old or an old lead), ``machine_translated``
(misspelt names and artefacts add up to :data:`MT_ARTEFACTS`), ``garbled`` (a name in a role he
did not hold: the facts themselves are wrong), ``content_farm`` (a copy under an unrelated site, a
sports/casino site carrying world news, or a page that is mostly boilerplate), ``near_duplicate``
(the same or nearly the same text as an earlier page, on any site: linked, not counted).

Measured on the team's demo corpus (``src/detente/demo/corpus``, 21 pages with expected flags)
and on the store fixtures: see ``tests/store/test_trust_stories.py``; per-flag precision/recall on
the labelled set ``gold/trust/trust_dev.jsonl`` with :func:`evaluate_trust` (floors in
``tests/store/test_trust_eval.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..records import ActorMention, Document
from ..resources import data_path
from .dedup import window

DATA_FILE = data_path("store", "trust_signals.json", must_exist=False)

#: A document whose events were first reported this many days before its publication date is a
#: republication (the Anchorage example: talks on 18–19 March 2021, page dated April 2021).
#: Follow-up reporting within a month is normal news; beyond a month it is an old story.
REPUBLISH_DAYS = 30

#: Share of a page's events that must be old for the page to be a republication (any share will
#: do when the page's lead itself tells an old day).
REPUBLISH_SHARE = 0.5

#: How far into the text retrospective markers are looked for (the title always): a page that
#: looks back says so in its title or lead.
RETRO_LEAD_CHARS = 600

#: Above this share of furniture in the raw text, a page is mostly boilerplate. Cleaned news pages
#: in the team's samples lose 10–50 % to furniture; content-farm pages wrap a short copied
#: story in a large amount of links and ads.
BOILERPLATE_FARM = 0.8

#: Evidence needed to call a page machine translated: distinct literal-translation artefacts plus
#: distinct misspelt known names. One alone is a typo or an idiom; the machine-translated demo
#: page has 2 misspelt names and 6 artefacts, clean pages of the demo corpus and fixtures 0.
MT_ARTEFACTS = 2

#: Fewest words of a page body on which the share of articles is read (shorter pages vary too
#: much: a headline and a dateline have none).
ARTICLE_MIN_WORDS = 60

#: Misspelt names: a capitalised word at least this similar (rapidfuzz ratio, 0–100) to a
#: prominent person's surname ("Rubbio"/"Rubio" 90.9; "Rubin"/"Rubio" 80 stays out) …
MISSPELT_RATIO = 85.0
#: … and at least this long (short names are too close to ordinary words).
MISSPELT_MIN_LEN = 5

#: Repetition artefact: the same content word (4+ letters) this many times within
#: :data:`REPEAT_WINDOW` consecutive words.
REPEAT_COUNT = 3
REPEAT_WINDOW = 7

#: Confidence multipliers applied to the events of a flagged page.
PENALTY: dict[str, float] = {
    "republished": 0.9,
    "machine_translated": 0.8,
    "garbled": 0.6,
    "content_farm": 0.5,
    # a copy (same or nearly the same text as an earlier page): its reports are linked to the
    # events but not counted, so its confidence needs no further penalty
    "near_duplicate": 1.0,
}

TRUST_FLAGS = tuple(PENALTY)


@dataclass(frozen=True, slots=True, eq=False)
class TrustData:
    """The loaded signal lists."""

    version: str
    off_topic_words: tuple[str, ...]
    host_substrings: tuple[str, ...]
    mt_patterns: dict[str, tuple[re.Pattern[str], ...]]
    title_qualifiers: dict[str, tuple[str, ...]]
    noble_titles: frozenset[str]
    checked_offices: frozenset[str]
    retrospective: dict[str, re.Pattern[str]]
    articles: dict[str, tuple[frozenset[str], float]]


@functools.cache
def load_trust_data(path: Path | None = None) -> TrustData:
    """Load ``data/trust_signals.json`` (cached)."""
    raw = json.loads((path or DATA_FILE).read_text(encoding="utf-8"))
    return TrustData(
        version=raw["version"],
        off_topic_words=tuple(w.casefold() for w in raw["off_topic_site_words"]),
        host_substrings=tuple(w.casefold() for w in raw.get("host_substrings", [])),
        mt_patterns={lang: tuple(re.compile(p, re.IGNORECASE) for p in pats)
                     for lang, pats in raw["mt_artefacts"].items()},
        title_qualifiers={lang: tuple(w.casefold() for w in words)
                          for lang, words in raw.get("title_qualifiers", {}).items()},
        noble_titles=frozenset(w.casefold() for w in raw.get("noble_titles", [])),
        checked_offices=frozenset(raw.get("checked_offices", [])),
        retrospective={lang: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
                       for lang, pats in raw.get("retrospective_markers", {}).items() if pats},
        articles={lang: (frozenset(w.casefold() for w in a["words"]), float(a["min_share"]))
                  for lang, a in raw.get("articles", {}).items()},
    )


_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)")


def host_of(url: str | None) -> str | None:
    """The host of a URL, lower-cased, without ``www.`` (``None`` when there is none)."""
    if not url:
        return None
    m = _HOST.match(url)
    host = m.group(1).lower() if m else urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def site_key(doc_site: str | None, url: str | None) -> str | None:
    """The name under which a source is counted: the site name, else the URL host."""
    return (doc_site or "").strip() or host_of(url)


def _words(s: str) -> set[str]:
    return {w for w in re.split(r"[\W_]+", s.casefold()) if w}


def off_topic_site(site: str | None, url: str | None, data: TrustData | None = None) -> str | None:
    """The sports/betting/casino word found in the site name or host, if any."""
    return _off_topic(site, host_of(url), data or load_trust_data())


@functools.lru_cache(maxsize=4096)
def _off_topic(site: str | None, host: str | None, data: TrustData) -> str | None:
    names = " ".join(x for x in (site, host) if x)
    if not names:
        return None
    low = names.casefold()
    words = _words(names)
    for w in data.off_topic_words:
        if (" " in w or not w.isascii()) and w in low:
            return w
        if w in words:
            return w
    for w in data.host_substrings:  # joined host words ("bestcasinoonline", "bongda24h")
        if any(w in x for x in words):
            return w
    return None


def document_signals(doc: Document, data: TrustData | None = None) -> dict[str, Any]:
    """Signals 1–5 of the module docstring, measured on one document."""
    data = data or load_trust_data()
    raw_len = len(doc.raw_text or "")
    removed = sum(max(0, r.end - r.start) for r in doc.removed)
    text = doc.text or ""
    misspelt = misspelt_names(text)
    # a misspelling both the actor layer matched fuzzily and the name scan found is one piece of
    # evidence, not two ("Blinkin": fuzzy P_antony_blinken and "Blinkin ~ Antony Blinken")
    seen = {x.split(" ~ ", 1)[0] for x in misspelt}
    fuzzy = sorted({m.entry for m in doc.mentions if m.fuzzy and not any(w in m.text for w in seen)})
    # the day the lead tells: both the role check and the old-lead signal read it
    lead = _lead_day(doc) if isinstance(doc.pub_date, dt.date) else None
    conflicts = role_conflicts(doc, lead=lead)
    surface = "\n".join(x for x in (doc.title, doc.site, text) if x)
    pats = data.mt_patterns.get(doc.lang or "", ())
    any_pat = _any_pattern(pats)
    # one scan with the patterns' union first: most pages have no artefact at all
    artefacts = [p.pattern for p in pats if p.search(surface)] if any_pat and any_pat.search(surface) else []
    sig: dict[str, Any] = {
        "boilerplate_ratio": round(removed / raw_len, 3) if raw_len else 0.0,
        "fuzzy_names": fuzzy,
        "misspelt_names": misspelt,
        "role_conflicts": conflicts,
        "mt_artefacts": artefacts,
        "repetitions": repetitions(text),
    }
    ot = off_topic_site(doc.site, doc.url, data)
    if ot:
        sig["off_topic_site"] = ot
    few = article_share(doc, data)
    if few is not None:
        sig["few_articles"] = few
    retro = retrospective_markers(doc, data)
    if retro:
        sig["retrospective"] = retro
    old_lead = _old_lead(doc, lead)
    if old_lead:
        sig["old_lead"] = old_lead
    return sig


_LETTER_WORD = re.compile(r"[^\W\d_]+")


def article_share(doc: Document, data: TrustData | None = None) -> float | None:
    """The share of articles among the words of the page's body (title and first line left
    out), when the language has articles, the body :data:`ARTICLE_MIN_WORDS` words or more and
    the share below what natural news of the language shows (``trust_signals.json``); else
    ``None``. A word-for-word translation from Chinese, Vietnamese or Russian drops them
    ("Sides discussed situation on Ukraine")."""
    data = data or load_trust_data()
    arts = data.articles.get(doc.lang or "")
    if arts is None:
        return None
    words, least = arts
    body = (doc.text or "").split("\n", 1)[-1]
    toks = _LETTER_WORD.findall(body)
    if len(toks) < ARTICLE_MIN_WORDS:
        return None
    share = sum(1 for t in toks if t.casefold() in words) / len(toks)
    return round(share, 3) if share < least else None


def retrospective_markers(doc: Document, data: TrustData | None = None) -> list[str]:
    """The words by which a page says it looks back on purpose ("five years ago this week",
    "anniversary", "回顾", "hace un año", "nhìn lại"), found in its title and lead
    (:data:`RETRO_LEAD_CHARS`): such a page recalls old events openly and is no republication."""
    data = data or load_trust_data()
    pat = data.retrospective.get(doc.lang or "", None)
    if pat is None:
        return []
    head = "\n".join(x for x in (doc.title, (doc.text or "")[:RETRO_LEAD_CHARS]) if x)
    return sorted({m.group(0).casefold() for m in pat.finditer(head)})


def _old_lead(doc: Document, lead: str | None) -> str | None:
    """``lead``, the day the page's lead tells (:func:`_lead_day`), when it is
    :data:`REPUBLISH_DAYS` or more before the page's publication date: the page opens with old
    news as its news."""
    if lead is None or not isinstance(doc.pub_date, dt.date) \
            or (doc.pub_date - dt.date.fromisoformat(lead)).days < REPUBLISH_DAYS:
        return None
    return lead


_UNIONS: dict[tuple[re.Pattern[str], ...], re.Pattern[str] | None] = {}


def _any_pattern(pats: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern matching wherever any of ``pats`` matches (cached per pattern tuple)."""
    if pats not in _UNIONS:
        _UNIONS[pats] = re.compile("|".join(f"(?:{p.pattern})" for p in pats), re.IGNORECASE) if pats else None
    return _UNIONS[pats]


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAP = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b")


def repetitions(text: str) -> list[str]:
    """Content words (4+ letters) used :data:`REPEAT_COUNT` times within :data:`REPEAT_WINDOW`
    words: a literal-translation artefact ("core interest of core in the core")."""
    words = list(map(str.casefold, _WORD.findall(text)))
    often = {w for w, n in Counter(words).items() if n >= REPEAT_COUNT and len(w) >= 4}
    out: set[str] = set()
    if not often:  # the common case: no content word is used three times at all
        return []
    for i in range(len(words)):
        w = words[i]
        if w not in often or w in out:
            continue
        if words[i:i + REPEAT_WINDOW].count(w) >= REPEAT_COUNT:
            out.add(w)
    return sorted(out)


@functools.cache
def _prominent_names() -> tuple[frozenset[str], tuple[str, ...], dict[str, str], dict[str, list[str]]]:
    """Name tokens of the curated (prominent) persons of the actor table: all tokens, the
    surnames to compare against, surname → full name, and first token → two-token full names
    (Chinese names: "Wang Yi", whose given name is too short to compare alone)."""
    try:
        from ..actors import get_table

        table = get_table()
    except Exception:  # the actor table is optional for the store: no signal without it
        return frozenset(), (), {}, {}
    tokens: set[str] = set()
    surnames: dict[str, str] = {}
    pairs: dict[str, list[str]] = {}
    ents = table.entries
    for key in ents:
        if ents.kind(key) != "person":
            continue
        e = ents[key]
        parts = [_fold(p) for p in re.split(r"[\s-]+", e["name"]) if p]
        tokens.update(parts)  # every known person's name tokens count as correctly spelt
        if e.get("src") != "curated":
            continue
        if len(parts) == 2:
            pairs.setdefault(parts[0], []).append(e["name"])
        last = parts[-1]
        if len(last) >= MISSPELT_MIN_LEN:
            surnames.setdefault(last, e["name"])
    return frozenset(tokens), tuple(sorted(surnames)), surnames, pairs


def _fold(s: str) -> str:
    """Case- and accent-folded ASCII ("Erdoğan" → "erdogan"; letters without an ASCII base,
    such as CJK, are dropped: only Latin-script names are compared)."""
    low = s.casefold()
    if low.isascii():
        return low
    return unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")


#: Transliteration endings that vary between presses ("Zelenskiy"/"Zelensky"): not misspellings.
_TRANSLIT_END = re.compile(r"(?:iy|yi|ii|ij|y|i)$")


_CAP2 = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")


@functools.lru_cache(maxsize=65536)
def _misspelt_pair(first: str, second: str) -> str | None:
    """``Wang Yee`` → ``Wang Yi``: first word right, second one letter or two off."""
    _, _, _, pairs = _prominent_names()
    from rapidfuzz import fuzz

    bigram = _fold(f"{first} {second}")
    for name in pairs.get(_fold(first), ()):
        low = _fold(name)
        if low == bigram:
            return None
        sec, got = low.split()[1], _fold(second)
        if (sec[0] == got[0] and not got.startswith(sec)
                and _TRANSLIT_END.sub("", got) != _TRANSLIT_END.sub("", sec)
                and fuzz.ratio(bigram, low) >= 80.0):
            return name
    return None


@functools.lru_cache(maxsize=65536)
def _misspelt(token: str) -> str | None:
    known, surnames, full, _ = _prominent_names()
    t = _fold(token)
    if not surnames or t in known or len(t) < MISSPELT_MIN_LEN:
        return None
    from rapidfuzz import fuzz, process

    hit = process.extractOne(t, surnames, scorer=fuzz.ratio, score_cutoff=MISSPELT_RATIO)
    if hit is None:
        return None
    name = hit[0]
    # a plural or possessive of the name ("Trumps") is not a misspelling; the first letter stays;
    # one letter more or less at most ("Rubbio"; "Mitchell" is not "Michel"); transliteration
    # variants of the ending are spellings, not errors ("Zelenskiy")
    if (t.startswith(name) or name.startswith(t) or t[0] != name[0] or abs(len(t) - len(name)) > 1
            or _TRANSLIT_END.sub("", t) == _TRANSLIT_END.sub("", name)):
        return None
    return full[name]


def misspelt_names(text: str) -> list[str]:
    """Capitalised words that look like misspellings of a prominent person's name and are never
    spelt right in the same text: ``["Rubbio ~ Marco Rubio"]``."""
    if not text:
        return []
    low: str | None = None  # the folded text, made on the first suspect only (most pages have none)
    out = set()
    for tok in set(_CAP.findall(text)):
        full = _misspelt(tok)
        if full:
            low = _fold(text) if low is None else low
            if _fold(full.split()[-1]) not in low:  # never spelt right in the same text
                out.add(f"{tok} ~ {full}")
    for a, b in set(_CAP2.findall(text)):
        name = _misspelt_pair(a, b)
        if name:
            low = _fold(text) if low is None else low
            if _fold(name) not in low:
                out.add(f"{a} {b} ~ {name}")
    # one misspelling is one piece of evidence: "Antony Blinkin" is not counted again as "Blinkin"
    pairs = [x.split(" ~ ", 1)[0] for x in out if " " in x.split(" ~ ", 1)[0]]
    return sorted(x for x in out if not any(x.split(" ~ ", 1)[0] in p.split() for p in pairs))


#: ``role_conflicts(lead=…)`` not given: the lead's day is worked out when a title needs it.
_UNKNOWN: Any = object()


def role_conflicts(doc: Document, lead: str | None = _UNKNOWN) -> list[str]:
    """People named in a role they did not hold on the reference date (``lead``: the day the
    page's lead tells, :func:`_lead_day`, when the caller has it already).

    The actor layer resolves a bare role title ("Foreign Minister") to its holder on the date
    (``kind="role"``). When the title is directly followed (only a space between) by a person of
    the same country resolved to someone else, the page puts a name in a role that person did
    not hold then ("Foreign Minister Wang Yi" in June 2023, when Qin Gang held the post). A
    comma ("General Secretary, President Xi") lists titles, and a title resolved to another
    country's holder is that country's post: neither is a contradiction.
    """
    out: list[str] = []
    text = doc.text or ""
    for a, b in itertools.pairwise(doc.mentions):
        if a.kind != "role" or b.kind != "person" or not a.role_entry:
            continue
        if text[a.end:b.start].strip() or b.start - a.end > 2:
            continue
        if a.entry != b.entry and a.country and a.country == b.country:
            out.append(f"{b.name} as {a.text}")
    day = doc.pub_date.isoformat() if isinstance(doc.pub_date, dt.date) else None
    if day is not None:
        data = load_trust_data()
        quals = data.title_qualifiers.get(doc.lang or "en", ())
        starts = [s.start for s in doc.sentences]
        leads: list[str | None] = [] if lead is _UNKNOWN else [lead]  # worked out once, when needed
        for m in doc.mentions:
            if m.kind != "person" or not m.country:
                continue
            prefixes = _title_prefixes(m.text)
            if not prefixes:
                continue  # a bare name: no title to check
            before = text[max(0, m.start - 24):m.start].casefold().rstrip(" -")
            if _qualified(before, m.text.casefold(), quals):
                continue  # "former Foreign Minister X", "时任外交部长X": the title is of another time
            told = _sentence_days(doc, starts, m)
            if not told and not leads:
                leads.append(_lead_day(doc))
            days = told or (leads[0] or day,)
            # a title is right if the person held the post on any day the sentence may mean
            # ("in March": the first or the last day of March)
            titles = [_title_holder(m, prefixes, doc.lang or "en", d, data) for d in days]
            if all(titles):
                out.append(f"{m.name} as {titles[0]}")
    return out


def _sentence_days(doc: Document, starts: list[int], m: ActorMention) -> tuple[str, ...]:
    """The days the sentence of ``m`` reports ("6月18日，外交部长秦刚…" on an October page: June 18;
    "in March": the first and last day of March), when it names a day or a month: a title is read
    as of the time the sentence describes. ``starts``: the sentences' start offsets."""
    k = bisect.bisect_right(starts, m.start) - 1
    if k < 0 or m.start >= doc.sentences[k].end:
        return ()
    sent = doc.sentences[k]
    iso, prec = _resolve_day(doc, sent.text, sent.lang)
    if iso is None:
        return ()
    if prec == "day":
        return (iso,)
    if prec == "month":
        return window(iso[:7] + "-01", "month")  # its first and last day
    return ()


def _lead_day(doc: Document) -> str | None:
    """The day the story's lead tells ("WASHINGTON, April 30, 2025 — …" on a page republished in
    November): the first of the first six sentences that names a day."""
    for sent in doc.sentences[:6]:
        iso, prec = _resolve_day(doc, sent.text, sent.lang)
        if prec == "day":
            return iso
    return None


def _resolve_day(doc: Document, text: str, lang: str | None) -> tuple[str | None, str | None]:
    from ..text.dates import resolve_event_date

    return resolve_event_date(text, lang or doc.lang or "en",
                              doc.pub_date if isinstance(doc.pub_date, dt.date) else None)


def _qualified(before: str, inside: str, quals: tuple[str, ...]) -> bool:
    """Whether a qualifier word ends the text before a titled name or stands inside its title
    (whole words in spaced scripts, any position in unspaced ones)."""
    for q in quals:
        w = q.strip(" -")
        if not w:
            continue
        if w.isascii() or " " in before or " " in inside:
            if re.search(r"(?:^|[\W_])" + re.escape(w) + r"$", before) \
                    or re.search(r"(?:^|[\W_])" + re.escape(w) + r"(?:[\W_]|$)", inside):
                return True
        elif before.endswith(w) or w in inside:
            return True
    return False


#: The most prefixes of a titled person mention tried as its title.
_TITLE_PREFIXES = 8


def _title_prefixes(mention: str) -> list[str]:
    """The prefixes of a person mention that may be its title, longest first (whole words; a
    character at a time, at least two, in unspaced scripts); none for a one-word Latin name."""
    words = mention.split()
    if len(words) > 1:
        prefixes = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
    elif not mention.isascii():
        prefixes = [mention[:k] for k in range(len(mention) - 1, 1, -1)]
    else:
        return []
    return prefixes[:_TITLE_PREFIXES]


def _title_holder(m: ActorMention, prefixes: list[str], lang: str, day: str, data: TrustData) -> str | None:
    """The title of a titled person mention ("Chinese Foreign Minister Qin Gang", "外交部长秦刚")
    when the person did not hold that post on ``day``: the longest of ``prefixes`` that the actor
    layer reads as one role title, resolved in the person's country. ``None`` when the mention
    has no title, the title is a rank or a shared post, or the person held the post that day."""
    from ..actors import get_table, lookup

    for prefix in prefixes:
        got = lookup(prefix, date=day, lang=lang)
        if len(got) != 1 or got[0].kind != "role" or got[0].end - got[0].start != len(prefix):
            continue
        if got[0].entry.startswith("role:") and got[0].entry.count(":") > 1:
            continue  # "Secretary of State Antony": a title read with a name it does not know; try shorter
        r = got[0]
        if prefix.casefold() in data.noble_titles:
            return None  # "Prince Faisal": a rank, not an office
        table = get_table()
        if r.country is not None:
            if r.country != m.country or r.entry == m.entry:
                return None
            key = next((ro.role for ro in table.roles_of(r.entry) if ro.id == r.role_entry), None)
        elif r.entry.startswith("role:"):  # a bare title ("Foreign Minister"): the person's country's post
            key = r.entry[5:]
        else:
            return None
        if key not in data.checked_offices:
            return None  # a shared or untracked post (deputy premier …): no contradiction can be told
        holders = table.holders(key, m.country, day)
        return prefix if holders and m.entry not in {h.person for h in holders} else None
    return None


def flags_from_signals(sig: dict[str, Any], has_events: bool) -> list[str]:
    """The trust flags a document's signals support (store-level signals included)."""
    flags: list[str] = []
    old, n = int(sig.get("old_events", 0)), int(sig.get("events", int(has_events)))
    # old news presented as news: a late copy of an earlier page, most events old, or a page with
    # events whose lead tells an old day — unless the page says it looks back
    old_news = bool(n and ((old and old / n >= REPUBLISH_SHARE) or sig.get("old_lead")))
    if sig.get("republished_copy") or (old_news and not sig.get("retrospective")):
        flags.append("republished")
    names = len(set(sig.get("fuzzy_names") or []) | set(sig.get("misspelt_names") or []))
    artefacts = (len(sig.get("mt_artefacts") or []) + len(sig.get("repetitions") or [])
                 + ("few_articles" in sig))
    if names + artefacts >= MT_ARTEFACTS:
        flags.append("machine_translated")
    if sig.get("role_conflicts"):
        flags.append("garbled")
    if (sig.get("copy_of") or (sig.get("off_topic_site") and has_events)
            or float(sig.get("boilerplate_ratio") or 0.0) >= BOILERPLATE_FARM):
        flags.append("content_farm")
    if sig.get("copy_of_doc"):
        flags.append("near_duplicate")
    return flags


def penalty(flags: list[str] | tuple[str, ...]) -> float:
    """The confidence multiplier for a set of trust flags."""
    p = 1.0
    for f in flags:
        p *= PENALTY.get(f, 1.0)
    return p


# ---------------------------------------------------------------------------- measurement (issue #6)

#: Flags that lower confidence: a page carrying one of them counts as "flagged" in the
#: flagged-vs-clean confusion (``near_duplicate`` links a copy but does not penalise it).
PENALISING_FLAGS = tuple(f for f, p in PENALTY.items() if p < 1.0)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_trust_flags(expected: dict[str, list[str]], predicted: dict[str, list[str]],
                      flags: tuple[str, ...] = TRUST_FLAGS) -> dict[str, Any]:
    """Per-flag precision/recall/F1 of ``predicted`` against ``expected`` (page id → flags).

    Every page of ``expected`` is scored; a page missing from ``predicted`` (the pipeline failed
    on it) counts as flagged with nothing. Returns ``per_flag`` (tp/fp/fn/tn, support, P/R/F1 per
    flag), ``micro`` (over all flags), ``pages`` (flagged vs clean confusion: a page is flagged when
    it carries a flag of :data:`PENALISING_FLAGS`), ``exact`` (pages whose flag set is exactly
    right) and ``errors`` (id, expected, predicted, missed, wrong, for every page not exact).
    """
    per_flag: dict[str, dict[str, Any]] = {}
    tot: Counter[str] = Counter()
    for flag in flags:
        c: Counter[str] = Counter()
        for pid, exp in expected.items():
            e, g = flag in exp, flag in predicted.get(pid, [])
            c["tp" if e and g else "fp" if g else "fn" if e else "tn"] += 1
        tot.update(c)
        per_flag[flag] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "tn": c["tn"],
                          "support": c["tp"] + c["fn"], **_prf(c["tp"], c["fp"], c["fn"])}
    pages: Counter[tuple[str, str]] = Counter()
    errors = []
    for pid, exp in sorted(expected.items()):
        got = list(predicted.get(pid, []))
        e = any(f in PENALISING_FLAGS for f in exp)
        g = any(f in PENALISING_FLAGS for f in got)
        pages[("flagged" if e else "clean", "flagged" if g else "clean")] += 1
        missed = sorted(set(exp) - set(got))
        wrong = sorted(set(got) - set(exp))
        if missed or wrong:
            errors.append({"id": pid, "expected": sorted(exp), "predicted": sorted(got), "missed": missed,
                           "wrong": wrong, "missing": pid not in predicted})
    return {
        "pages": len(expected),
        "per_flag": per_flag,
        "micro": {"tp": tot["tp"], "fp": tot["fp"], "fn": tot["fn"], **_prf(tot["tp"], tot["fp"], tot["fn"])},
        "confusion": {f"{e}->{g}": pages[(e, g)] for e in ("flagged", "clean") for g in ("flagged", "clean")},
        "exact": len(expected) - len(errors),
        "errors": errors,
    }


def load_trust_set(path: str | Path) -> list[dict[str, Any]]:
    """The records of a labelled trust set (JSONL: id, lang, site, url, pub_date, text,
    expected_flags, note; ``title`` and ``kind`` optional)."""
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in ("id", "text", "expected_flags"):
                if key not in rec:
                    raise ValueError(f"{path}:{n}: record has no {key!r}")
            unknown = set(rec["expected_flags"]) - set(TRUST_FLAGS)
            if unknown:
                raise ValueError(f"{path}:{n}: unknown flags {sorted(unknown)}")
            out.append(rec)
    return out


def evaluate_trust(path: str | Path, store_url: str | None = None) -> dict[str, Any]:
    """Measure the trust flags on a labelled set (``gold/trust/trust_dev.jsonl``).

    The pages go through the real reader (:func:`detente.ingest.sources.record_to_document`,
    ``pub_date`` as the record date), the full pipeline and the store writer, in publication
    order (then id), into a fresh temporary SQLite store — or into ``store_url``, which should be
    empty: pages already stored there take part in the cross-page flags (``republished``,
    ``content_farm``, ``near_duplicate`` are computed across the set). Each page's flags are read
    back from the store and scored with :func:`score_trust_flags`; the result also gives the set's
    composition (``kinds``, ``langs``), the pipeline failures and each page's signals of the
    errors.
    """
    import tempfile

    from ..api import code_documents
    from ..ingest.sources import record_to_document
    from ..pipeline import RunSummary
    from . import open_store

    records = load_trust_set(path)
    docs = []
    for rec in records:
        obj = {"id": rec["id"], "text": rec["text"], "url": rec.get("url"), "lang": rec.get("lang"),
               "date": rec.get("pub_date"), "title": rec.get("title"), "site": rec.get("site")}
        docs.append(record_to_document(obj, f"{path}:{rec['id']}"))
    docs.sort(key=lambda d: (d.pub_date.isoformat() if d.pub_date else "9999", d.id))
    summary = RunSummary()
    predicted: dict[str, list[str]] = {}
    signals: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="detente-trust-") as tmp:
        url = store_url or str(Path(tmp) / "trust.db")
        with open_store(url) as store:
            store.ingest(code_documents(docs, summary=summary), summary)
            for rec in records:
                d = store.document(rec["id"])
                if d is not None:
                    predicted[rec["id"]] = list(d["flags"])
                    signals[rec["id"]] = d["signals"]
    report = score_trust_flags({r["id"]: list(r["expected_flags"]) for r in records}, predicted)
    kinds = {r["id"]: r.get("kind", "") for r in records}
    for err in report["errors"]:
        err["kind"] = kinds[err["id"]]
        err["signals"] = signals.get(err["id"], {})
    report["path"] = str(path)
    report["kinds"] = dict(sorted(Counter(kinds.values()).items()))
    report["langs"] = dict(sorted(Counter(r.get("lang", "") for r in records).items()))
    report["failures"] = [{"record": f.record, "reason": f.reason} for f in summary.failures]
    return report
