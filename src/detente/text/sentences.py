"""Sentence splitting with offsets into the cleaned text.

A rule splitter (one compiled regex per script family, run with ``finditer``) rather than
sentencex on the hot path: sentencex measured ~2 M chars/s here, too slow for a pipeline
budget of 2 M chars/s end to end; the rules below measured >20 M chars/s and split the
article paragraphs of the test pages and samples exactly as sentencex does in most cases (see
``test_text_sentences.py``), and they also keep Vietnamese abbreviations ("TP.HCM", "Th.S.")
and "Sino-U.S." that sentencex splits.

1. Sentences never cross a paragraph (line) boundary.
2. Chinese/Japanese: a sentence ends after 。！？!? (and closing quotes/brackets).
3. Other languages: a sentence ends after . ! ? ؟ … (and closing quotes/brackets) followed by
   white space and a capital letter, digit, opening quote or non-Latin letter, unless the
   token before the stop is an abbreviation of the language (``data/text/sentences.json``)
   or a single capital initial ("J. Smith").
4. No split inside an open quotation (“…”, «…», 「…」, "…"): the quote stays with its speaker.
"""

from __future__ import annotations

import json
import re
from functools import cache

from ..errors import DataError
from ..records import Sentence, Span
from ..resources import data_path
from .normalize import norm_for

_CJK_END = re.compile(r"[。！？!?]+[”’」』）)\]】\"']*")
_LATIN_END = re.compile(r"(?:[.!?؟]+|…)[”’»)\]\"'」]*(?=\s+([^\s]))")
#: Characters looked back from a full stop for the token before it (abbreviations are short).
_TOKEN_WINDOW = 24
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("「", "」"), ("『", "』"))
_QUOTE_CHARS = re.compile(r'[“«「『"]')
_INITIAL = re.compile(r"^[(\"“'‘]?[A-ZÀ-ÝĐА-Я]\.$")


@cache
def _abbreviations() -> dict[str, frozenset[str]]:
    path = data_path("text", "sentences.json")
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from exc
    return {k: frozenset(v) for k, v in d["abbreviations"].items()}


@cache
def _abbreviations_for(lang: str | None) -> frozenset[str]:
    """Abbreviations that do not end a sentence in ``lang``: its own plus the English ones."""
    table = _abbreviations()
    return table.get(lang or "", frozenset()) | table.get("en", frozenset())


def _drop_inside_quotes(para: str, bounds: list[int]) -> list[int]:
    """Boundaries that are not inside an open quotation (a quoted passage stays one sentence
    with its speaker, as sentencex does). A quote counts as open only if it is closed later:
    an unbalanced quote must not swallow the rest of the paragraph. Counts are taken
    incrementally, so this is linear in the paragraph length."""
    pairs = [(o, c, para.rfind(c)) for o, c in _QUOTE_PAIRS if o in para]
    last_straight = para.rfind('"')
    depth = [0] * len(pairs)
    straight = 0
    prev = 0
    kept = []
    for b in bounds:
        inside = False
        for k, (o, c, last_close) in enumerate(pairs):
            depth[k] += para.count(o, prev, b) - para.count(c, prev, b)
            inside = inside or (depth[k] > 0 and last_close >= b)
        if last_straight >= 0:
            straight += para.count('"', prev, b)
            inside = inside or (straight % 2 == 1 and last_straight >= b)
        prev = b
        if not inside:
            kept.append(b)
    return kept


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"“‘'«(「『[-–—" or (ch.isalpha() and not ch.islower())


def split_paragraph(para: str, lang: str | None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within one paragraph (whitespace trimmed)."""
    bounds: list[int] = []
    if lang in ("zh", "ja"):
        bounds = [m.end() for m in _CJK_END.finditer(para)]
    else:
        abbr = _abbreviations_for(lang)
        for m in _LATIN_END.finditer(para):
            if not _starts_sentence(m.group(1)):
                continue
            ms = m.start()
            if para[ms] == ".":
                lo = max(0, ms - _TOKEN_WINDOW)
                word = para[max(para.rfind(" ", lo, ms), para.rfind("\xa0", lo, ms), lo - 1) + 1 : ms + 1]
                # an initial ("J.", "(A.") is two or three characters: the regex only then
                if word in abbr or (len(word) <= 3 and _INITIAL.match(word)):
                    continue
            bounds.append(m.end())
    if bounds and _QUOTE_CHARS.search(para):
        bounds = _drop_inside_quotes(para, bounds)
    spans: list[tuple[int, int]] = []
    start = 0
    bounds.append(len(para))
    for b in bounds:
        seg = para[start:b]
        stripped = seg.strip()
        if stripped:
            if stripped is seg:  # nothing to trim (str.strip returns the string itself)
                spans.append((start, b))
            else:
                a = start + (len(seg) - len(seg.lstrip()))
                spans.append((a, a + len(stripped)))
        start = b
    return spans


def split_sentences(text: str, paragraphs: list[Span], default_lang: str | None) -> list[Sentence]:
    """Sentences of a cleaned text, paragraph by paragraph, with the paragraph's language and
    the matching form (``norm``) of each sentence."""
    out: list[Sentence] = []
    if not paragraphs:
        paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for p in paragraphs:
        lang = p.label if p.label and p.label != "other" else default_lang
        para = text[p.start : p.end]
        slang = p.label or default_lang
        # the matching form is per character (same length): map the paragraph once
        pnorm = norm_for(para, slang)
        base = p.start
        for a, b in split_paragraph(para, lang):
            s = para[a:b]
            norm = None
            if pnorm is not None:
                norm = pnorm[a:b]
                if norm == s:
                    norm = None
            out.append(Sentence(len(out), base + a, base + b, s, slang, norm))
    return out
