"""Publication dates and event dates from text.

Date expressions are found with per-language regular expressions compiled from
``data/text/dates.json`` (never with ``dateparser.search_dates`` on raw text, which fires on
"we", "may"…). Each match is resolved against a reference date, the publication date:

1. full dates ("April 20, 2021", "2023年10月26日", "25 4 月, 2024", "23/01/2024") → day;
2. day + month without a year ("hôm 26/10", "March 5", "4月25日", "本月12日", "去年11月5日") →
   day, the year taken from the reference (a date more than :data:`FUTURE_SLACK_DAYS` after it
   means the previous year, unless the sentence speaks of the future);
3. a day alone ("on the 12th", "12日") → day in the reference month (or the month before);
4. weekdays ("last Sunday", "Chủ nhật vừa qua", "上周日", "el domingo pasado") → day;
5. relative days ("yesterday", "hôm qua", "昨天") → day;
6. relative periods ("last week", "上周", "去年", "tháng trước") → month or year (a week is
   reported at month precision: the schema has no week precision);
7. "N days ago" → resolved by dateparser with the reference as ``RELATIVE_BASE``
   (Chinese "3天前" by the rules here);
8. a month ("in November", "tháng 11", "去年11月") → month; a year ("in 2018", "năm 2018") → year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .data import (
    CLITIC_LANGS,
    FOLD_SPECIAL,
    KEYWORD_TOKEN,
    NO_SPACE_LANGS,
    PLACEHOLDERS,
    DatePattern,
    load_dates,
)

#: A day+month without a year that lands more than this many days after the reference date is
#: taken to be in the previous year (news reports past events; calibrated on "hôm 26/10"-style
#: datelines in the test pages, where a few days of clock skew between sites occur).
FUTURE_SLACK_DAYS = 7
#: A bare day ("on the 12th", "12日") more than this after the reference day is last month's.
DAY_SLACK_DAYS = 3
#: Only this many non-empty lines at the top of a page are searched for a publication date.
HEAD_LINES = 8
#: Head lines longer than this are prose, not datelines.
HEAD_LINE_MAX = 120

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_ZH_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|版权|版權|bản quyền|all rights reserved", re.IGNORECASE)
_TIME = re.compile(
    r"\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:\(?(?:GMT|UTC)\s*[+-]?\s*\d{0,2}\)?|ET|EST|EDT|BST|CET)?"
)
_DIGIT = re.compile(r"[0-9٠-٩۰-۹０-９年]")
_ASCII_DIGIT = re.compile(r"[0-9]")
_NON_LETTERS = re.compile(r"[\W\d_]+")



def version() -> str:
    """Version string of the date data in use (e.g. ``dates-1``)."""
    return load_dates().version


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a text: offsets, the pattern that found it, its groups."""

    start: int
    end: int
    rule: str
    kind: str
    lang: str
    groups: dict[str, str]

    @property
    def text_span(self) -> tuple[int, int]:
        """``(start, end)`` of the expression."""
        return self.start, self.end


def _patterns_for(lang: str | None) -> tuple[DatePattern, ...]:
    data = load_dates()
    if lang and lang in data.patterns:
        return data.patterns.get("xx", ()) + data.patterns[lang]
    return _all_patterns()


@cache
def _all_patterns() -> tuple[DatePattern, ...]:
    data = load_dates()
    out: list[DatePattern] = list(data.patterns.get("xx", ()))
    for lang, pats in data.patterns.items():
        if lang != "xx":
            out.extend(pats)
    return tuple(out)


def _has_keyword(text: str, lang: str, keys: frozenset[str], gates: _Gates | None = None) -> bool:
    """Whether ``text`` holds a date keyword of ``lang`` (the gate of "word" patterns);
    ``gates`` shares the lower-cased text with the other gates."""
    if lang in NO_SPACE_LANGS:
        return not keys.isdisjoint(text)
    low = gates.lower() if gates is not None else text.lower()
    if lang in CLITIC_LANGS:
        return any(k in low for k in keys)
    # a keyword among the text's tokens (``KEYWORD_TOKEN`` runs) = an occurrence of it with no
    # token character on either side: one automaton pass instead of tokenizing the text
    automaton = _keyword_automaton(keys)
    if automaton is None:
        return False
    n = len(low)
    for _, s, e in automaton.find_matches_as_indexes(low, overlapping=True):
        if (s == 0 or _KEYWORD_CHAR.match(low, s - 1) is None) and (e == n or _KEYWORD_CHAR.match(low, e) is None):
            return True
    return False


#: One character of a ``KEYWORD_TOKEN`` run.
_KEYWORD_CHAR = re.compile(r"[^\W\d_]")


@cache
def _keyword_automaton(keys: frozenset[str]) -> Any:
    """An automaton over the ``keys`` that can be whole tokens (``None`` when none can)."""
    import ahocorasick_rs

    words = sorted(k for k in keys if KEYWORD_TOKEN.fullmatch(k))
    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard) if words else None


#: Characters with special case folding (see ``data.FOLD_SPECIAL``): texts holding one are
#: not gated on words.
_FOLD_SPECIAL_RX = re.compile("[" + re.escape("".join(sorted(FOLD_SPECIAL))) + "]")


def _present_tables(langs: tuple[str, ...], low: str) -> dict[str, frozenset[str]]:
    """Per language of ``langs``: the placeholder tables with a word in the lower-cased text
    ``low``, plus the tables without gate words (they count as present). One Aho-Corasick
    pass over the gate words of all ``langs``."""
    automaton, of_key, with_words = _table_automaton(langs)
    found: dict[str, set[str]] = {lang: set() for lang in langs}
    if automaton is not None:
        for k, _, _ in automaton.find_matches_as_indexes(low, overlapping=True):
            lang, table = of_key[k]
            found[lang].add(table)
    every = frozenset(PLACEHOLDERS)
    return {lang: frozenset(found[lang] | (every - with_words.get(lang, frozenset()))) for lang in langs}


@cache
def _table_automaton(langs: tuple[str, ...]) -> tuple[Any, list[tuple[str, str]], dict[str, frozenset[str]]]:
    """One automaton over the gate words of every table of ``langs``: (automaton or None when
    there are no words, (language, table) of each automaton key, the tables with gate words
    per language)."""
    import ahocorasick_rs

    keys: list[str] = []
    of_key: list[tuple[str, str]] = []
    with_words: dict[str, frozenset[str]] = {}
    for lang in langs:
        words = load_dates().gate_words.get(lang)
        if not words:
            continue
        with_words[lang] = frozenset(words)
        for table, ws in sorted(words.items()):
            for w in ws:
                keys.append(w)
                of_key.append((lang, table))
    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard) if keys else None
    return automaton, of_key, with_words


#: Non-ASCII digits (Arabic-Indic, Persian, full-width): a text without them needs no
#: ``_DIGITS`` translation (``str.translate`` with a dict costs a lookup per character).
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹０-９]")


@dataclass(frozen=True, slots=True)
class _Step:
    """One pattern of a :class:`_Plan`, with its gates unpacked for the inner loop."""

    #: position of the pattern in the language's list (ties between equal spans go to the first)
    order: int
    regex: re.Pattern[str]
    gate_chars: str
    gate_tables: frozenset[str]
    gate_literals: tuple[str, ...]
    #: whether a word gate applies (tables or literals, checked on the lower-cased text)
    gate_words: bool
    id: str
    kind: str
    lang: str
    #: alternations every match contains one branch of (see :func:`any_of_gates`): the text
    #: must hold one string of each tuple (lower-cased, checked on the lower-cased text when
    #: ``any_ci``)
    any_of: tuple[tuple[str, ...], ...] = ()
    any_ci: bool = False
    #: the pattern without its leading assertions (see :func:`digit_prefilter`): no match of
    #: it in the text → no match of the pattern
    prefilter: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class _Plan:
    """The patterns :func:`find_date_expressions` tries for one language and set of kinds:
    those that need a digit, and the "word" patterns grouped by the language whose keyword
    gate they pass (``None``: no keyword gate)."""

    digit: tuple[_Step, ...]
    word: tuple[tuple[str | None, tuple[_Step, ...]], ...]
    #: languages of the patterns gated on table words (their tables are found in one pass)
    table_langs: tuple[str, ...]


_PLANS: dict[tuple[str | None, frozenset[str] | None], _Plan] = {}


def _plan(lang: str | None, kinds: frozenset[str] | None) -> _Plan:
    """The :class:`_Plan` of ``lang`` and ``kinds`` (memoised)."""
    key = (lang, kinds)
    got = _PLANS.get(key)
    if got is None:
        data = load_dates()
        digit: list[_Step] = []
        word: dict[str | None, list[_Step]] = {}
        for i, p in enumerate(_patterns_for(lang)):
            if kinds is not None and p.kind not in kinds:
                continue
            ci = bool(p.regex.flags & re.IGNORECASE)
            # the exact gates of mandatory_parts first; patterns without any get the weaker
            # (still exact) alternation gates
            gated = bool(p.gate_chars or p.gate_tables or p.gate_literals)
            st = _Step(i, p.regex, p.gate_chars, frozenset(p.gate_tables), p.gate_literals,
                       bool(p.gate_tables or p.gate_literals), p.id, p.kind, p.lang,
                       () if gated else any_of_gates(p.regex), ci,
                       None if gated else digit_prefilter(p.regex))
            if p.needs == "digit":
                digit.append(st)
            else:
                word.setdefault(p.lang if p.lang in data.keywords else None, []).append(st)
        table_langs = tuple(sorted({st.lang for st in digit + [x for v in word.values() for x in v]
                                    if st.gate_tables}))
        got = _Plan(tuple(digit), tuple((k, tuple(v)) for k, v in word.items()), table_langs)
        if len(_PLANS) < 256:  # languages x kinds: a handful (bounded against odd callers)
            _PLANS[key] = got
    return got


#: Alternations with more branches than this are not used as gates (placeholder tables are
#: gated on the word automaton instead).
ANY_OF_MAX = 16
#: Leading zero-width assertions of a pattern source: ``\b`` and lookbehinds.
_LEADING_ASSERTIONS = re.compile(r"(?:\\b|\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()\[\\])*\))+")


def any_of_gates(regex: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Alternations of plain strings every match of ``regex`` holds one branch of.

    Found on the parsed pattern like :func:`detente.text.data.mandatory_parts`: an alternation
    reached without passing an optional repeat or a lookaround whose branches are all literal
    strings of at least two characters (at most :data:`ANY_OF_MAX`). For a case-insensitive
    pattern the strings are lower-cased and a branch with a special case folding (see
    ``FOLD_SPECIAL``) drops the gate. ``"\\b(?P<n>\\d{1,2}|một)\\s+(?P<unit>ngày|tuần)\\s+(?:trước|qua)\\b"``
    → ``(("ngày", "tuần"), ("trước", "qua"))``: a text without "trước" and "qua" cannot match.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    ci = bool(regex.flags & re.IGNORECASE)
    try:
        tree = _parser.parse(regex.pattern, regex.flags & ~re.UNICODE)
    except Exception:  # an unanalysable pattern is simply never gated
        return ()
    out: list[tuple[str, ...]] = []

    def branch_strings(branches: list[Any]) -> tuple[str, ...] | None:
        strings: list[str] = []
        for b in branches:
            if not b or any(op is not c.LITERAL for op, _ in b):
                return None
            w = "".join(chr(av) for _, av in b)
            if ci:
                if not FOLD_SPECIAL.isdisjoint(w) or len(w.lower()) != len(w):
                    return None
                w = w.lower()
            if len(w) < 2:
                return None
            strings.append(w)
        return tuple(dict.fromkeys(strings)) if 0 < len(strings) <= ANY_OF_MAX else None

    def walk(seq: Any) -> None:
        for op, av in seq:
            if op is c.SUBPATTERN:
                walk(av[-1])
            elif op is c.ATOMIC_GROUP:
                walk(av)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                if av[0] >= 1:
                    walk(av[2])
            elif op is c.BRANCH:
                got = branch_strings(av[1])
                if got is not None:
                    out.append(got)

    walk(tree)
    return tuple(out)


def digit_prefilter(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without its leading assertions (``\\b``, lookbehinds) when what follows can
    only start with a digit, else ``None``.

    Every match of the pattern is a match of the prefilter (an assertion removed only loosens
    it), so a text the prefilter does not match holds no match. Without a leading assertion
    the regular-expression engine skips to the digits (a character-set prefix) instead of
    trying the assertion at every position: ``(?<!\\d)(?P<y>(?:19|20)\\d\\d)[/.]…`` is tried
    only where a ``1`` or ``2`` stands.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    lead = _LEADING_ASSERTIONS.match(regex.pattern)
    if lead is None:
        return None
    rest = regex.pattern[lead.end():]
    try:
        tree = _parser.parse(rest, regex.flags & ~re.UNICODE)
    except Exception:
        return None

    def digit_start(seq: Any) -> bool:
        if not len(seq):
            return False
        op, av = seq[0]
        if op is c.LITERAL:
            return 0x30 <= av <= 0x39
        if op is c.IN:
            return all((o is c.LITERAL and 0x30 <= a <= 0x39)
                       or (o is c.RANGE and 0x30 <= a[0] <= a[1] <= 0x39)
                       or (o is c.CATEGORY and a is c.CATEGORY_DIGIT) for o, a in av)
        if op is c.SUBPATTERN:
            return digit_start(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return av[0] >= 1 and digit_start(av[2])
        if op is c.BRANCH:
            return all(digit_start(b) for b in av[1])
        return False

    if not digit_start(tree):
        return None
    try:
        return re.compile(rest, regex.flags)
    except re.error:
        return None


class _Gates:
    """Per-text state of the exact gates: the lower-cased text and the tables present."""

    __slots__ = ("low", "norm", "present", "table_langs", "words_ok")

    def __init__(self, norm: str, table_langs: tuple[str, ...]) -> None:
        self.norm = norm
        self.table_langs = table_langs
        self.low: str | None = None
        self.words_ok = False
        self.present: dict[str, frozenset[str]] | None = None

    def lower(self) -> str:
        low = self.low
        if low is None:
            low = self.low = self.norm.lower()
            self.words_ok = len(low) == len(self.norm) and _FOLD_SPECIAL_RX.search(low) is None
        return low


def _run(steps: tuple[_Step, ...], g: _Gates, found: list[tuple[int, int, int, DateMatch]]) -> None:
    """Try ``steps`` on ``g.norm`` (each only when its exact gates hold; see
    ``data.mandatory_parts``), adding ``(-length, start, order, match)`` to ``found``."""
    norm = g.norm
    for st in steps:
        # (plain loops, no generators: this runs for every pattern of every sentence)
        ok = True
        for ch in st.gate_chars:
            if ch not in norm:
                ok = False
                break
        if not ok:
            continue
        if st.gate_words:
            low = g.lower()
            if g.words_ok:
                for w in st.gate_literals:
                    if w not in low:
                        ok = False
                        break
                if not ok:
                    continue
                if st.gate_tables:
                    present = g.present
                    if present is None:
                        present = g.present = _present_tables(g.table_langs, low)
                    if not st.gate_tables <= present[st.lang]:
                        continue
        if st.any_of:
            hay: str | None = norm
            if st.any_ci:
                hay = g.lower()
                if not g.words_ok:
                    hay = None
            if hay is not None:
                for alts in st.any_of:
                    for w in alts:
                        if w in hay:
                            break
                    else:
                        ok = False
                        break
                if not ok:
                    continue
        if st.prefilter is not None and st.prefilter.search(norm) is None:
            continue
        for m in st.regex.finditer(norm):
            s, e = m.span()
            if e == s:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            found.append((s - e, s, st.order, DateMatch(s, e, st.id, st.kind, st.lang, groups)))


def find_date_expressions(text: str, lang: str | None, kinds: frozenset[str] | None = None) -> list[DateMatch]:
    """Date expressions in ``text`` for ``lang`` (all languages when ``None``), non-overlapping,
    longest first where they overlap, sorted by position.

    1. digits normalised to ASCII (only when the text holds a non-ASCII digit);
    2. the patterns of the language (and ``kinds``) that need a digit, when the text has one;
    3. its "word" patterns, when the text holds a date keyword of their language (each
       pattern only when the parts every match contains are in the text: caseless
       characters, literals, a word of each placeholder table);
    4. overlapping matches: the longest wins, then the leftmost, then the first pattern.
    """
    # 1. digits
    norm = text if text.isascii() or _NON_ASCII_DIGIT.search(text) is None else text.translate(_DIGITS)
    plan = _plan(lang, kinds if kinds is None or type(kinds) is frozenset else frozenset(kinds))
    g = _Gates(norm, plan.table_langs)
    found: list[tuple[int, int, int, DateMatch]] = []
    # 2. digit patterns
    if plan.digit and _ASCII_DIGIT.search(norm) is not None:
        _run(plan.digit, g, found)
    # 3. word patterns: most sentences hold no date word of the language
    if plan.word:
        keywords = load_dates().keywords
        for kw_lang, steps in plan.word:
            if kw_lang is None or _has_keyword(norm, kw_lang, keywords[kw_lang], g):
                _run(steps, g, found)
    # 4. overlaps
    if len(found) <= 1:
        return [f[3] for f in found]
    found.sort(key=lambda x: x[:3])
    taken: list[DateMatch] = []
    for *_, f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    taken.sort(key=lambda x: x.start)
    return taken


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip().lower()
    if s == "1er":
        return 1
    if s.isdigit():
        return int(s)
    if all(c in _ZH_NUM for c in s):
        if s == "十":
            return 10
        if s.startswith("十"):
            return 10 + _ZH_NUM[s[1]]
        if len(s) == 2 and s[1] == "十":
            return _ZH_NUM[s[0]] * 10
        if len(s) == 3 and s[1] == "十":
            return _ZH_NUM[s[0]] * 10 + _ZH_NUM[s[2]]
        return _ZH_NUM[s] if len(s) == 1 else None
    return None


def _month(m: DateMatch) -> int | None:
    if "m" in m.groups:
        v = _int(m.groups["m"])
    elif "mon" in m.groups:
        v = load_dates().months.get(m.lang, {}).get(m.groups["mon"].lower().rstrip("."))
    else:
        return None
    return v if v is not None and 1 <= v <= 12 else None


def _safe_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _shift_month(y: int, mo: int, n: int) -> tuple[int, int]:
    k = y * 12 + (mo - 1) + n
    return k // 12, k % 12 + 1


def _week_month(ref: dt.date, n: int) -> str:
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=n)
    thursday = monday + dt.timedelta(days=3)
    return f"{thursday.year:04d}-{thursday.month:02d}"


def _year_of(m: DateMatch, ref: dt.date | None) -> int | None:
    if "y" in m.groups:
        return int(m.groups["y"].translate(_ZH_DIGITS))
    if "yrel" in m.groups and ref is not None:
        data = load_dates()
        for table in data.relative_years.values():
            if m.groups["yrel"].lower() in table:
                return ref.year + table[m.groups["yrel"].lower()]
    return None


def _ago(m: DateMatch, text: str, ref: dt.date) -> tuple[str, str] | None:
    unit = m.groups.get("unit", "").lower()
    n_raw = m.groups.get("n", "")
    n = _int(n_raw)
    if n is None:
        n = load_dates().numbers.get(m.lang, {}).get(n_raw.lower())
    if m.lang != "zh":
        if n is None:
            return None
        expr = text[m.start : m.end].translate(_DIGITS)
        expr = expr.replace(n_raw, str(n), 1)
        try:
            import dateparser

            got = dateparser.parse(
                expr,
                languages=[m.lang],
                settings={"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past"},
            )
        except Exception:  # dateparser raises a zoo of errors on odd input
            got = None
        if got is None:
            return None
        d = got.date()
        if unit.startswith(("year", "año", "an", "ann", "год", "лет", "năm")):
            return f"{d.year:04d}", "year"
        if unit.startswith(("month", "mes", "mois", "месяц", "tháng", "week", "semana", "semaine", "недел", "tuần")):
            return f"{d.year:04d}-{d.month:02d}", "month"
        return d.isoformat(), "day"
    if n is None:
        return None
    if unit in ("天", "日"):
        return (ref - dt.timedelta(days=n)).isoformat(), "day"
    if unit in ("周", "週"):
        d = ref - dt.timedelta(weeks=n)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if unit in ("个月", "個月"):
        y, mo = _shift_month(ref.year, ref.month, -n)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{ref.year - n:04d}", "year"


def resolve_match(
    m: DateMatch, ref: dt.date | None, text: str = "", future: bool = False
) -> tuple[str | None, str | None]:
    """Resolve one date expression against the reference date ``ref`` (see module docstring).

    Returns ``(iso_date, precision)`` or ``(None, None)`` when it cannot be resolved (an
    invalid date, or a relative expression without a reference date).
    """
    data = load_dates()
    kind = m.kind
    if kind == "date":
        d = _int(m.groups.get("d"))
        if "mrel" in m.groups:
            if ref is None or d is None:
                return None, None
            shift = data.relative_months.get(m.lang, {}).get(m.groups["mrel"], 0)
            ry, rmo = _shift_month(ref.year, ref.month, shift)
            got = _safe_date(ry, rmo, d)
            return (got.isoformat(), "day") if got else (None, None)
        mo = _month(m)
        if mo is None or d is None:
            return None, None
        y = _year_of(m, ref)
        if y is None:
            if ref is None:
                return None, None
            cand = _safe_date(ref.year, mo, d)
            if cand is None:
                return None, None
            if not future and cand > ref + dt.timedelta(days=FUTURE_SLACK_DAYS):
                cand = _safe_date(ref.year - 1, mo, d)
            elif future and cand < ref - dt.timedelta(days=30):
                cand = _safe_date(ref.year + 1, mo, d)
            return (cand.isoformat(), "day") if cand else (None, None)
        got = _safe_date(y, mo, d)
        return (got.isoformat(), "day") if got else (None, None)
    if kind == "day":
        d = _int(m.groups.get("d"))
        if ref is None or d is None:
            return None, None
        cand = _safe_date(ref.year, ref.month, d)
        if cand is None or (not future and cand > ref + dt.timedelta(days=DAY_SLACK_DAYS)):
            py, pmo = _shift_month(ref.year, ref.month, -1)
            cand = _safe_date(py, pmo, d)
        return (cand.isoformat(), "day") if cand else (None, None)
    if kind == "month":
        mo = _month(m)
        if mo is None:
            return None, None
        y = _year_of(m, ref)
        if y is None:
            if ref is None:
                return None, None
            y = ref.year
            if not future and mo > ref.month:
                y -= 1
            elif future and mo < ref.month:
                y += 1
        return f"{y:04d}-{mo:02d}", "month"
    if kind == "year":
        return m.groups["y"].translate(_ZH_DIGITS), "year"
    if ref is None:
        return None, None
    if kind == "rel_day":
        n = data.relative_days.get(m.lang, {}).get(m.groups["rel"].lower())
        if n is None:
            return None, None
        return (ref + dt.timedelta(days=n)).isoformat(), "day"
    if kind == "rel_period":
        unit, n = data.relative_periods.get(m.lang, {}).get(m.groups["per"].lower(), ("", 0))
        if unit == "year":
            return f"{ref.year + n:04d}", "year"
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, n)
            return f"{y:04d}-{mo:02d}", "month"
        if unit == "week":
            return _week_month(ref, n), "month"
        return None, None
    if kind == "weekday":
        wd = data.weekdays.get(m.lang, {}).get(m.groups["wd"].lower())
        if wd is None:
            return None, None
        mod_word = (m.groups.get("pre") or m.groups.get("suf") or "").lower()
        mod = data.weekday_modifiers.get(m.lang, {}).get(mod_word) if mod_word else None
        if m.lang == "zh" and mod is not None:
            monday = ref - dt.timedelta(days=ref.weekday())
            return (monday + dt.timedelta(weeks=mod, days=wd)).isoformat(), "day"
        if mod == 0:
            monday = ref - dt.timedelta(days=ref.weekday())
            return (monday + dt.timedelta(days=wd)).isoformat(), "day"
        if mod == 1 or (mod is None and future):
            delta = (wd - ref.weekday()) % 7
            if mod == 1 and delta == 0:
                delta = 7
            return (ref + dt.timedelta(days=delta)).isoformat(), "day"
        delta = (ref.weekday() - wd) % 7
        if mod == -1 and delta == 0:
            delta = 7
        return (ref - dt.timedelta(days=delta)).isoformat(), "day"
    if kind == "ago":
        ago = _ago(m, text, ref)
        return ago if ago else (None, None)
    return None, None


def _is_future(sentence: str, lang: str) -> bool:
    rx = load_dates().future.get(lang)
    return bool(rx and rx.search(sentence))


def resolve_event_date(
    sentence: str, lang: str, pub_date: dt.date | None
) -> tuple[str | None, str | None]:
    """Date of the event a sentence reports, resolved against the publication date.

    Returns ``(iso_date, precision)`` where ``iso_date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY`` and ``precision`` is ``"day"``, ``"month"`` or ``"year"``; ``(None, None)`` when
    the sentence holds no date expression that can be resolved. Of several expressions the
    most precise wins, then one that names its year, then the leftmost.
    """
    if not sentence:
        return None, None
    matches = find_date_expressions(sentence, lang)
    if not matches:
        return None, None
    future = _is_future(sentence, lang)
    best: tuple[tuple[int, int, int], str, str] | None = None
    for m in matches:
        iso, prec = resolve_match(m, pub_date, sentence, future)
        if iso is None or prec is None:
            continue
        # most precise; then a date that names its year ("el martes 8 de mayo de 2007" is the
        # date, not "martes"); then the leftmost
        key = (-_PRECISION_RANK[prec], 0 if "y" in m.groups else 1, m.start)
        if best is None or key < best[0]:
            best = (key, iso, prec)
    if best is None:
        return None, None
    return best[1], best[2]


def dateline_match(line: str) -> DateMatch | None:
    """The date of a line that is only a date (a dateline: "April 20, 2021",
    "Thứ Hai, 23/01/2023 10:15 (GMT+7)", "25 4 月, 2024"), else ``None``."""
    s = line.strip()
    if not s or len(s) > 80 or not _DIGIT.search(s) or _COPYRIGHT.search(s):
        return None
    for m in find_date_expressions(s, None, frozenset({"date"})):
        rest = s[: m.start] + " " + s[m.end :]
        rest = _TIME.sub(" ", rest)
        letters = _NON_LETTERS.sub("", rest)
        if len(letters) <= 14:
            return m
    return None


def find_pub_date_in_head(
    text: str, lang: str | None = None, ref_year: int | None = None
) -> tuple[dt.date, str] | None:
    """Publication date from the head of a page's text: the first full date on one of the
    first :data:`HEAD_LINES` non-empty short lines (never a copyright line, never a body
    paragraph). Year-less dates ("Ngày 23/1") count only when ``ref_year`` is given.

    Returns ``(date, rule_id)`` or ``None``.
    """
    seen = 0
    for line in text.split("\n", 64)[:64]:
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if len(s) > HEAD_LINE_MAX or not _DIGIT.search(s) or _COPYRIGHT.search(s):
            continue
        for m in find_date_expressions(s, lang, frozenset({"date"})) or (
            find_date_expressions(s, None, frozenset({"date"})) if lang else []
        ):
            if "y" not in m.groups and ref_year is None:
                continue
            mo, d = _month(m), _int(m.groups.get("d"))
            y = int(m.groups["y"].translate(_ZH_DIGITS)) if "y" in m.groups else ref_year
            if mo is None or d is None or y is None:
                continue
            got = _safe_date(y, mo, d)
            if got is not None:
                return got, m.rule
    return None
