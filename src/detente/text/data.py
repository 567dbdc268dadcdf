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
from dataclasses import dataclass
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
        for ph, table in subs.items():
            if ph in src:
                if not table:
                    raise DataError(f"date pattern {spec['id']}: no table for {ph} in {lang}")
                src = src.replace(ph, _alternation(list(table), case_variants=not ci))
        try:
            rx = re.compile(src, re.IGNORECASE if ci else 0)
        except re.error as exc:
            raise DataError(f"date pattern {spec['id']}: {exc}") from exc
        patterns.setdefault(lang, []).append(DatePattern(spec["id"], lang, spec["kind"], rx, spec.get("needs", "word")))
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
    )
