"""Loaders for the text layer's data files (``detente/data/text/``).

* ``furniture/<lang>.json`` — furniture rules per language (``xx`` = any language). Each rule
  has an ``id`` (``vi.related_marker``), a ``kind`` (``line``: the whole line is furniture;
  ``head``: the same, but only in the head of the page; ``marker``: the line opens a
  related-article block; ``tail``: the line opens a comments section that runs to the end) and a regular expression matched against the whole
  stripped line. ``stops`` are lines (source credits) that end a related block and are kept.
* ``dates.json`` — month, weekday and relative-date words per language, and the date
  expression patterns used for publication dates and event dates.

Everything is compiled once per process (``functools.cache``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import DataError
from ..resources import data_path

#: Languages that have a furniture file (``xx`` holds language-independent rules).
FURNITURE_LANGS: tuple[str, ...] = ("xx", "en", "zh", "vi", "es", "fr", "ru", "ar")

#: Languages written without spaces between words (date keywords are matched by character).
NO_SPACE_LANGS: frozenset[str] = frozenset({"zh", "ja"})

#: Languages whose words take attached clitics (date keywords are matched as substrings).
CLITIC_LANGS: frozenset[str] = frozenset({"ar"})
#: How texts and keywords are cut into tokens for the date-keyword gate.
KEYWORD_TOKEN = re.compile(r"[^\W\d_]+")

#: Rule kinds understood by :mod:`detente.text.furniture`.
RULE_KINDS: frozenset[str] = frozenset({"line", "head", "marker", "tail"})


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One compiled furniture rule: ``id`` names it in ``RemovedSpan.rule``."""

    id: str
    lang: str
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """All furniture rules, by kind, and the version of the data they came from."""

    version: str
    line: tuple[FurnitureRule, ...]
    head: tuple[FurnitureRule, ...]
    marker: tuple[FurnitureRule, ...]
    tail: tuple[FurnitureRule, ...]
    stops: tuple[FurnitureRule, ...]


def _flags(spec: dict[str, Any]) -> int:
    return re.IGNORECASE if "i" in spec.get("flags", "") else 0


def _read_json(*parts: str) -> dict[str, Any]:
    path = data_path("text", *parts)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read text data file {path}: {exc}") from exc


@cache
def load_furniture() -> FurnitureRules:
    """Compile the furniture rules of every language (cached).

    Raises:
        DataError: a data file is missing, not JSON, or holds a bad rule.
    """
    by_kind: dict[str, list[FurnitureRule]] = {"line": [], "head": [], "marker": [], "tail": [], "stops": []}
    versions = []
    for lang in FURNITURE_LANGS:
        d = _read_json("furniture", f"{lang}.json")
        versions.append(f"{lang}{d.get('version', '0')}")
        for spec in d.get("rules", []):
            kind = spec.get("kind")
            if kind not in RULE_KINDS:
                raise DataError(f"furniture rule {spec.get('id')!r}: unknown kind {kind!r}")
            try:
                rx = re.compile(spec["pattern"], _flags(spec))
            except (KeyError, re.error) as exc:
                raise DataError(f"furniture rule {spec.get('id')!r}: bad pattern: {exc}") from exc
            by_kind[kind].append(FurnitureRule(spec["id"], lang, kind, rx))
        for spec in d.get("stops", []):
            by_kind["stops"].append(
                FurnitureRule(spec["id"], lang, "stop", re.compile(spec["pattern"], re.IGNORECASE))
            )
    return FurnitureRules(
        version="furniture-" + ".".join(versions),
        line=tuple(by_kind["line"]),
        head=tuple(by_kind["head"]),
        marker=tuple(by_kind["marker"]),
        tail=tuple(by_kind["tail"]),
        stops=tuple(by_kind["stops"]),
    )


@dataclass(frozen=True, slots=True)
class DatePattern:
    """One compiled date-expression pattern (``kind``: date, day, month, year, weekday,
    rel_day, rel_period, ago; ``needs``: ``digit`` or ``word``, what a text must hold for the
    pattern to be tried)."""

    id: str
    lang: str
    kind: str
    regex: re.Pattern[str]
    needs: str = "word"
    #: caseless characters every match contains (年, 月, /): absent from a text → no match
    gate_chars: str = ""
    #: word tables (``{MON}`` → ``"MON"``) one of whose words every match contains
    gate_tables: tuple[str, ...] = ()
    #: lower-cased literal strings every match contains (in any case when the pattern ignores case)
    gate_literals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateData:
    """Compiled date tables and patterns."""

    version: str
    months: dict[str, dict[str, int]]
    weekdays: dict[str, dict[str, int]]
    weekday_modifiers: dict[str, dict[str, int]]
    relative_days: dict[str, dict[str, int]]
    relative_periods: dict[str, dict[str, tuple[str, int]]]
    relative_years: dict[str, dict[str, int]]
    relative_months: dict[str, dict[str, int]]
    future: dict[str, re.Pattern[str]]
    numbers: dict[str, dict[str, int]]
    patterns: dict[str, tuple[DatePattern, ...]]
    keywords: dict[str, frozenset[str]]
    #: per language: the lower-cased words of each placeholder table, for ``gate_tables``
    gate_words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)


#: Shortest literal string of a pattern used as a gate.
GATE_LITERAL_MIN = 3
#: Placeholders of date patterns, each a word table substituted as an alternation.
PLACEHOLDERS: tuple[str, ...] = ("MON", "WD", "REL", "PER")
#: Private-use stand-ins for the placeholders while a pattern's mandatory parts are analysed.
_STAND_IN = {ph: chr(0xE100 + i) for i, ph in enumerate(PLACEHOLDERS)}


def mandatory_parts(src: str, flags: int) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The parts every match of a date pattern (source with ``{MON}``-style placeholders)
    contains: caseless literal characters, the placeholder tables, and literal strings of at
    least :data:`GATE_LITERAL_MIN` characters (lower-cased: "ago", "il y a", "hace").

    Found on the parsed pattern: a literal or placeholder is mandatory when it is reached
    without passing an optional repeat, and, inside an alternation, when every branch holds
    it. Lookarounds are ignored (never gated on).
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    for ph, ch in _STAND_IN.items():
        src = src.replace("{" + ph + "}", ch)
    tree = _parser.parse(src, flags)

    runs: set[str] = set()

    def walk(seq: Any) -> set[int]:
        out: set[int] = set()
        run: list[str] = []
        for op, av in seq:
            if op is c.LITERAL:
                out.add(av)
                run.append(chr(av))
                continue
            if len(run) >= GATE_LITERAL_MIN:  # consecutive literals of a mandatory sequence
                runs.add("".join(run))
            run = []
            if op is c.SUBPATTERN:
                out |= walk(av[-1])
            elif op is c.ATOMIC_GROUP:
                out |= walk(av)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                if av[0] >= 1:
                    out |= walk(av[2])
            elif op is c.BRANCH:
                sets = [walk_optional(b) for b in av[1]]
                out |= set.intersection(*sets) if sets else set()
        if len(run) >= GATE_LITERAL_MIN:
            runs.add("".join(run))
        return out

    def walk_optional(seq: Any) -> set[int]:
        # a branch of an alternation: its characters count (intersected), its strings do not
        saved = set(runs)
        got = walk(seq)
        runs.intersection_update(saved)
        return got

    found = walk(tree)
    by_code = {ord(ch): ph for ph, ch in _STAND_IN.items()}
    tables = tuple(sorted(by_code[x] for x in found if x in by_code))
    caseless = "".join(sorted(chr(x) for x in found if x not in by_code and _caseless(chr(x))))
    literals = tuple(sorted(
        r.lower() for r in runs
        if FOLD_SPECIAL.isdisjoint(r) and len(r.lower()) == len(r) and not any(ch in r for ch in _STAND_IN.values())
    ))
    return caseless, tables, literals


def _caseless(ch: str) -> bool:
    """A character without case variants (and no special case folding): it matches only itself."""
    return ch.lower() == ch == ch.upper() and ch.casefold() == ch and ch.isprintable() and ch not in FOLD_SPECIAL


def _fold_special() -> frozenset[str]:
    """Characters that ``re.IGNORECASE`` equates with a character of another ``str.lower()``
    (ı ~ i, ſ ~ s, ᲀ ~ в …: Python's extra case equivalences), except the plain ASCII and Russian
    letters of those classes, plus sigma and İ (``str.lower()`` depends on context or gives two
    characters), ß and ẞ."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover - another Python: a fixed superset
        chars = set("ıſͅςσϐϑϕϖϰϱϵᲀᲁᲂᲃᲄᲅᲆᲇᲈẛιΐΰΐΰﬅﬆµβεθικμπρφṡѣꙋ")
    else:
        chars = {chr(k) for k in _EXTRA_CASES} | {chr(v) for vs in _EXTRA_CASES.values() for v in vs}
    return frozenset((chars - set("isвдостъ")) | set("İΣσςẞß"))


#: A text holding one of these characters is not gated on words (see :func:`_fold_special`);
#: a table word holding one is never a gate word.
FOLD_SPECIAL: frozenset[str] = _fold_special()


def _alternation(words: list[str], case_variants: bool) -> str:
    forms: set[str] = set()
    for w in words:
        forms.add(w)
        if case_variants:
            forms.add(w[:1].upper() + w[1:])
            forms.add(w.upper())
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda s: (-len(s), s)))


@cache
def load_dates() -> DateData:
    """Compile the date tables and patterns (cached).

    Raises:
        DataError: ``dates.json`` is missing or holds a bad pattern.
    """
    d = _read_json("dates.json")
    months = d["months"]
    weekdays = d["weekdays"]
    rel_days = d["relative_days"]
    rel_periods = {k: {w: (u, int(n)) for w, (u, n) in v.items()} for k, v in d["relative_periods"].items()}
    patterns: dict[str, list[DatePattern]] = {}
    for spec in d["patterns"]:
        lang = spec["lang"]
        src = spec["pattern"]
        ci = "i" in spec.get("flags", "")
        subs = {
            "{MON}": months.get(lang, {}),
            "{WD}": weekdays.get(lang, {}),
            "{REL}": rel_days.get(lang, {}),
            "{PER}": rel_periods.get(lang, {}),
        }
        try:
            gate_chars, gate_tables, gate_literals = mandatory_parts(src, re.IGNORECASE if ci else 0)
        except Exception:  # an unanalysable pattern is simply never gated
            gate_chars, gate_tables, gate_literals = "", (), ()
        for ph, table in subs.items():
            if ph in src:
                if not table:
                    raise DataError(f"date pattern {spec['id']}: no table for {ph} in {lang}")
                src = src.replace(ph, _alternation(list(table), case_variants=not ci))
        try:
            rx = re.compile(src, re.IGNORECASE if ci else 0)
        except re.error as exc:
            raise DataError(f"date pattern {spec['id']}: {exc}") from exc
        patterns.setdefault(lang, []).append(DatePattern(spec["id"], lang, spec["kind"], rx, spec.get("needs", "word"),
                                                         gate_chars, gate_tables, gate_literals))
    keywords: dict[str, frozenset[str]] = {}
    for lang in set(patterns) - {"xx"}:
        words: set[str] = set(d.get("triggers", {}).get(lang, []))
        # the words a "word" pattern cannot match without (modifiers and number words only
        # occur next to one of these or a trigger, so they are left out: they are common)
        for table in ("months", "weekdays", "relative_days", "relative_periods", "relative_years",
                      "relative_months"):
            words.update(d.get(table, {}).get(lang, {}))
        if lang in NO_SPACE_LANGS:
            # written without spaces: the keywords' characters
            keywords[lang] = frozenset(ch for w in words for ch in w if not ch.isspace())
        elif lang in CLITIC_LANGS:
            # words take attached prefixes (و، ب، ل): the keywords themselves, found as substrings
            keywords[lang] = frozenset(w.lower() for w in words if w.strip())
        else:
            # the longest token of each keyword must be among the text's tokens
            keywords[lang] = frozenset(
                max(KEYWORD_TOKEN.findall(w.lower()), key=len) for w in words if KEYWORD_TOKEN.search(w)
            )
    return DateData(
        version="dates-" + str(d.get("version", "0")),
        months={k: {w.lower(): n for w, n in v.items()} for k, v in months.items()},
        weekdays={k: {w.lower(): n for w, n in v.items()} for k, v in weekdays.items()},
        weekday_modifiers={k: {w.lower(): n for w, n in v.items()} for k, v in d["weekday_modifiers"].items()},
        relative_days={k: {w.lower(): n for w, n in v.items()} for k, v in rel_days.items()},
        relative_periods={k: {w.lower(): x for w, x in v.items()} for k, v in rel_periods.items()},
        relative_years={k: dict(v) for k, v in d.get("relative_years", {}).items()},
        relative_months={k: dict(v) for k, v in d.get("relative_months", {}).items()},
        future={k: re.compile(v, re.IGNORECASE) for k, v in d.get("future_markers", {}).items()},
        numbers={k: {w.lower(): int(n) for w, n in v.items()} for k, v in d.get("numbers", {}).items()},
        patterns={k: tuple(v) for k, v in patterns.items()},
        keywords=keywords,
        gate_words=_gate_words(months, weekdays, rel_days, rel_periods),
    )


def _gate_words(*tables: dict[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Lower-cased words of each placeholder table per language; a table holding a word with a
    special case folding (see ``FOLD_SPECIAL``) is left out (never gated on)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for ph, table in zip(PLACEHOLDERS, tables, strict=True):
        for lang, words in table.items():
            low = tuple(sorted({w.lower() for w in words}))
            if low and all(FOLD_SPECIAL.isdisjoint(w) and len(w) == len(w.lower()) for w in words):
                out.setdefault(lang, {})[ph] = low
    return out
