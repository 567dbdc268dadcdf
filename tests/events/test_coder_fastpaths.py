"""The coder's fast paths give what the plain computation they replace gives (issue #5, speed).

Each fast path is checked against its slow form on the team gold sentences of every language in
``gold/`` (folded as the coder folds them), at every word position: the marker search tried only
where a marker word can start, the reporting-verb prefilter of the speaker test, the clause
automaton against the clause regex, and the date-keyword automaton against tokenizing. (The
whole coder is compared with an earlier revision by ``benchmarks/ab_coder.py``.)
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache

import pytest

from detente.events.coder import Group, Item, SentenceCoder
from detente.events.lexicon import fold
from detente.resources import REPO_ROOT
from detente.text import dates
from detente.text.data import KEYWORD_TOKEN, load_dates

LANGS = ("en", "es", "fr", "ru", "vi", "zh")
#: Gold sentences per language (enough positions for every marker and verb; keeps the test fast).
PER_LANG = 60


@cache
def _sentences(lang: str) -> tuple[str, ...]:
    """The first :data:`PER_LANG` gold sentences of ``lang`` in ``gold/`` (raw text)."""
    out: list[str] = []
    for path in sorted((REPO_ROOT / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("lang") == lang:
                    out.append(rec["text"])
    return tuple(out[:PER_LANG])


def _folded(lang: str) -> list[str]:
    texts = [fold(t, lang) for t in _sentences(lang)]
    if not texts:
        pytest.skip(f"no {lang} gold sentences in gold/")
    return texts


def _starts(text: str, spaced: bool) -> list[int]:
    """Word starts (every position for unspaced text)."""
    if not spaced:
        return list(range(1, len(text) + 1))
    return [m.start() for m in re.finditer(r"(?<!\w)\w", text)] + [len(text)]


@pytest.mark.parametrize("lang", LANGS)
def test_marker_match_is_the_plain_search(lang: str) -> None:
    coder = SentenceCoder(lang)
    assert coder._marker_re is not None
    checked = found = 0
    for text in _folded(lang):
        for s in _starts(text, coder.spaced):
            fast = coder._marker_match(text, s)
            slow = coder._marker_re.search(text, max(0, s - 28), s)
            assert (fast is None) == (slow is None), (text, s)
            if fast is not None and slow is not None:
                assert (fast.span(), fast.lastgroup) == (slow.span(), slow.lastgroup), (text, s)
                found += 1
            checked += 1
    assert found > 0 and checked > found  # both outcomes were exercised


@pytest.mark.parametrize("lang", LANGS)
def test_speaker_prefilter_changes_nothing(lang: str) -> None:
    fast, slow = SentenceCoder(lang), SentenceCoder(lang)
    slow._speech_head_re = re.compile("")  # matches everywhere: the prefilter never rejects
    speakers = 0
    # (plus one report per reporting verb: "<actor> <verb> …")
    for text in _folded(lang) + [f"xx {w} yy" if fast.spaced else f"xx{w}yy" for w in fast.gram.speech]:
        starts = _starts(text, fast.spaced)
        for i, j in itertools.pairwise(starts):
            gr = Group([Item(i, j, None)])
            got = fast._speaker_check(text, gr)
            assert got == slow._speaker_check(text, gr), (text, i, j)
            speakers += got
    if fast.spaced and any(re.fullmatch(r"\w+", w) for w in fast.gram.speech):
        assert speakers > 0  # (ru: its reporting verbs are "заявил, что" phrases, never one token)


@pytest.mark.parametrize("lang", LANGS)
def test_clause_automaton_is_the_clause_regex(lang: str) -> None:
    fast, slow = SentenceCoder(lang), SentenceCoder(lang)
    slow._clause_ac = None  # the longest-first alternation instead
    cut = 0
    for text in _folded(lang):
        got = fast._clauses(text)
        assert got == slow._clauses(text), text
        cut += len(got[0]) > 1
    assert cut > 0


@pytest.mark.parametrize("lang", [k for k in sorted(load_dates().keywords) if k not in ("zh", "ja", "ar")])
def test_date_keyword_automaton_is_tokenizing(lang: str) -> None:
    keys = load_dates().keywords[lang]
    texts = [t for lg in LANGS for t in _sentences(lg)] + [
        "", "may", "Mayday", "_may_", "2may", "may2", "jun june", "hôm qua", "it's Monday", "x-today-y"] + [
        f"a {k} b" for k in sorted(keys)[:5]] + [f"a{k}b" for k in sorted(keys)[:5]]
    hits = 0
    for text in texts:
        want = not keys.isdisjoint(KEYWORD_TOKEN.findall(text.lower()))
        assert dates._has_keyword(text, lang, keys) == want, text
        hits += want
    assert hits > 0
