"""Language identification of documents and paragraphs, restricted to the coded languages.

Each paragraph is identified from a bounded sample (:data:`SAMPLE_CHARS`) in steps:

1. the script decides when it can: kana → ``ja``, hangul → ``ko``, Han → ``zh``, Thai,
   Devanagari, Greek, Hebrew… → their language (``other`` unless coded);
2. Latin text with Vietnamese-only letters (ơ, ư, ă, đ, ạ, ế …) → ``vi``;
3. Latin text with a clear majority of one language's function words
   (``data/text/function_words.json``) → that language, without py3langid (fast path for long
   paragraphs);
4. Cyrillic and Arabic script decide without py3langid when their letters do: Russian-only
   letters (ы, э, ё) and none of Ukrainian/Bulgarian/Serbian → ``ru``; Arabic script without
   Persian/Urdu letters → ``ar``;
5. otherwise py3langid restricted to the coded languages of ``Options.langs``; a second
   py3langid restricted to those plus common uncoded languages turns the paragraph into
   ``other`` when it is confident (≥ :data:`OTHER_MIN_PROB`) that it is none of them.

Decisions are remembered by sample (bounded), since boilerplate paragraphs repeat in a crawl.

The document language is the length-weighted vote of its paragraphs.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import Any

from ..errors import DataError
from ..options import SUPPORTED_LANGS
from ..records import Span
from ..resources import data_path

#: Characters of a paragraph looked at (language id cost is bounded per paragraph; 160 gave
#: the same labels as whole paragraphs on the test pages and samples).
SAMPLE_CHARS = 160
#: Characters given to py3langid (its pure-Python DFA walk costs per byte; 120 characters
#: gave the same labels as 160 on the test pages and the short-line set).
LANGID_CHARS = 120
#: Fast path (function words, no py3langid) only for samples with at least this many letters.
FAST_MIN_LETTERS = 80
#: The fast path needs this many function-word hits of the winning language…
FAST_MIN_HITS = 5
#: …at least this many times the hits of any other language…
FAST_RATIO = 1.6
#: …and this share of the sample's tokens. (Calibrated so that the fast path agreed with
#: py3langid on every paragraph of the test pages and samples; see test_text_lang.py.)
FAST_MIN_DENSITY = 0.25
#: Confidence reported for a fast-path decision.
FAST_CONFIDENCE = 0.9
#: Paragraphs with fewer letters than this inherit the document language.
MIN_LETTERS = 12
#: Share of Han characters among letters above which a paragraph is Chinese.
HAN_SHARE = 0.3
#: Vietnamese-only letters (per 100 letters) above which Latin text is Vietnamese.
VI_LETTER_RATE = 2.0
#: Probability the wide identifier must give an uncoded language to call a paragraph "other"
#: (below it, short Russian lines came out as Ukrainian, short English ones as Swedish).
OTHER_MIN_PROB = 0.9
#: Uncoded languages the wide identifier knows about (to be able to answer "other").
OTHER_LANGS: tuple[str, ...] = (
    "de", "it", "pt", "nl", "id", "ms", "tl", "tr", "pl", "cs", "sv", "da", "no", "fi", "ro", "hu",
    "uk", "bg", "sr", "fa", "ur", "hi", "th", "ja", "ko", "el", "he", "sw", "ca", "hr", "sk",
)

#: The labels of py3langid's model (checked against the model by the tests): a language list
#: with none of them is decided without loading the model.
LANGID_LANGS: frozenset[str] = frozenset((
    "ace", "af", "am", "an", "ar", "ary", "arz", "as", "az", "ba", "bcl", "be", "bg", "bn", "br",
    "bs", "ca", "crh", "cs", "cy", "da", "de", "dz", "el", "en", "eo", "es", "et", "eu", "ext", "fa",
    "fi", "fo", "fr", "fuv", "fy", "ga", "gcf", "gcr", "gd", "gl", "gom", "grc", "gu", "gug", "guw",
    "ha", "hbo", "he", "hi", "hr", "ht", "hu", "hy", "id", "ig", "is", "it", "ja", "jv", "ka", "kab",
    "kik", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "lg", "lij", "ln", "lo", "lt", "ltg", "lv",
    "mg", "mk", "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "nso", "oc", "om", "or",
    "pa", "pcm", "pl", "ps", "pt", "qu", "ro", "ru", "rw", "sa", "sdh", "se", "si", "sk", "sl", "sn",
    "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "ug", "uk",
    "ur", "uz", "uzs", "vec", "vi", "vo", "wa", "wuu", "xh", "yo", "yue", "zh", "zu", "zxx",
))

# Script classes: one str.translate maps every character of a sample to a class code (private
# use characters), then str.count gives each class — two C passes instead of a regex per script.
_C_HAN, _C_KANA, _C_HANGUL, _C_ARABIC, _C_CYR, _C_VI, _C_NONLETTER = (chr(0xE000 + i) for i in range(7))
_C_SCRIPTS = {"th": chr(0xE010), "hi": chr(0xE011), "el": chr(0xE012), "he": chr(0xE013)}
_RANGES: list[tuple[int, int, str]] = [
    (0x3400, 0x4DBF, _C_HAN), (0x4E00, 0x9FFF, _C_HAN), (0xF900, 0xFAFF, _C_HAN),
    (0x3040, 0x30FF, _C_KANA),
    (0xAC00, 0xD7AF, _C_HANGUL), (0x1100, 0x11FF, _C_HANGUL), (0x3130, 0x318F, _C_HANGUL),
    (0x0600, 0x06FF, _C_ARABIC), (0x0750, 0x077F, _C_ARABIC), (0xFB50, 0xFDFF, _C_ARABIC),
    (0xFE70, 0xFEFF, _C_ARABIC),
    (0x0400, 0x04FF, _C_CYR),
    (0x0E00, 0x0E7F, _C_SCRIPTS["th"]), (0x0900, 0x097F, _C_SCRIPTS["hi"]),
    (0x0370, 0x03FF, _C_SCRIPTS["el"]), (0x0590, 0x05FF, _C_SCRIPTS["he"]),
    (0x0000, 0x0040, _C_NONLETTER), (0x005B, 0x0060, _C_NONLETTER), (0x007B, 0x00BF, _C_NONLETTER),
    (0x2000, 0x206F, _C_NONLETTER), (0x3000, 0x303F, _C_NONLETTER), (0xFF00, 0xFF20, _C_NONLETTER),
    (0xFF3B, 0xFF40, _C_NONLETTER), (0xFF5B, 0xFF65, _C_NONLETTER),
]
#: Letters used in Vietnamese and (almost) never elsewhere: not ă (Romanian), â ê ô (French,
#: Portuguese), ĩ ũ (Guarani, Portuguese transliterations).
_VI_ONLY = "ắằẳẵặơớờởỡợưứừửữựđạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỳỵỷỹ"


@cache
def _script_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for a, b, code in _RANGES:
        for cp in range(a, b + 1):
            table[cp] = code
    for ch in _VI_ONLY + _VI_ONLY.upper():
        table[ord(ch)] = _C_VI
    return table


#: Private use code points: the class codes live there, so such a character of the text is
#: kept as itself (it counts as the class it happens to equal, as with the dict table).
_PRIVATE_USE = range(0xE000, 0xF900)


@cache
def _script_list() -> list[str | None]:
    """:func:`_script_table` as a list over the Basic Multilingual Plane, every other character
    deleted (``None``): ``str.translate`` indexes a list faster than it probes a dict and
    builds a shorter string, and only the counts of class codes are read (measured 1.7x
    faster on the non-ASCII paragraphs of the benchmark corpus). Characters beyond the plane
    raise ``IndexError`` inside ``translate`` and are kept, as unmapped ones are with the dict."""
    table = _script_table()
    out: list[str | None] = [None] * 0x10000
    for cp in range(0x10000):
        got = table.get(cp)
        if got is not None:
            out[cp] = got
        elif cp in _PRIVATE_USE:
            out[cp] = chr(cp)
    return out


#: ASCII bytes that are not letters (the ASCII part of the ``_C_NONLETTER`` ranges).
_ASCII_NONLETTERS = bytes(b for b in range(128) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def _script_counts(sample: str) -> tuple[str, int]:
    """The sample mapped to script classes (only their counts matter) and its letter count."""
    if sample.isascii():
        # only Latin letters and non-letters: no script class to count, one C pass for letters
        return "", len(sample.encode("ascii").translate(None, _ASCII_NONLETTERS))
    mapped = sample.translate(_script_list())
    return mapped, len(sample) - mapped.count(_C_NONLETTER)


class _Identifiers:
    """One py3langid identifier over the coded + common uncoded languages (loaded once per
    set of coded languages). The restricted decision is read from the same scores: the best
    coded language, its probability renormalised over the coded languages — one walk over the
    text serves both questions."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        import numpy as np
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self.wide = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        known = set(self.wide.nb_classes)
        self.core_langs = tuple(lang for lang in langs if lang in known)
        others = set(SUPPORTED_LANGS) | set(OTHER_LANGS)
        self.wide.set_languages(sorted(set(self.core_langs) | {x for x in others if x in known}))
        # The restricted table as float32: numpy casts the float16 rows to float32 for the
        # product anyway (exactly), so the scores are identical; the cast once here halves the
        # cost of a call.
        self.wide.nb_ptc = np.ascontiguousarray(self.wide.nb_ptc, dtype=np.float32)
        # One column per label (py3langid folds script aliases into the first column).
        first: dict[str, int] = {}
        for i, c in enumerate(self.wide.nb_classes):
            first.setdefault(str(c), i)
        self._labels = list(first.items())
        self._core_set = frozenset(self.core_langs)

    def classify(self, sample: str) -> tuple[str, float, str, float]:
        """``(best language, its probability, best coded language, its restricted probability)``.

        The same figures as ranking py3langid's scores (``LanguageIdentifier.rank``): the first
        label with the highest score, and the coded languages' probabilities summed best first.
        """
        scores = self.wide._decide(sample).tolist()
        labels = self._labels
        top, top_p = labels[0][0], scores[labels[0][1]]
        for lang, i in labels:
            if scores[i] > top_p:
                top, top_p = lang, scores[i]
        core = sorted(((lang, scores[i]) for lang, i in labels if lang in self._core_set),
                      key=lambda kv: kv[1], reverse=True)
        total = sum(p for _, p in core) or 1.0
        best, best_p = core[0] if core else ("other", 0.0)
        return top, float(top_p), best, float(best_p / total)


@cache
def _identifiers(langs: tuple[str, ...]) -> _Identifiers:
    return _Identifiers(langs)


def _coded(lang: str, langs: tuple[str, ...]) -> str:
    return lang if lang in langs else "other"


def identify(text: str, langs: tuple[str, ...] = SUPPORTED_LANGS) -> tuple[str | None, float]:
    """Language of a short text: one of ``langs``, ``"other"``, or ``None`` (no letters).

    Returns ``(lang, confidence)``.
    """
    lang, conf, _ = _identify(text, langs)
    return lang, conf


#: Decisions by sample: furniture lines, datelines and wire boilerplate repeat across a run.
#: A decision depends only on the sample and the coded languages, so a hit is exact. Bounded:
#: cleared when full.
_DECISIONS: dict[tuple[str, tuple[str, ...]], tuple[str | None, float, int]] = {}
DECISION_CACHE_SIZE = 20_000
#: Letters of Persian and Urdu absent from Arabic: an Arabic-script sample with none of them is
#: Arabic without asking py3langid (which is asked only to tell Persian/Urdu apart).
_FA_UR_ONLY = frozenset("پچژگکیۀےۓںہھٹڈڑۃ")


#: Letters of Russian that Ukrainian, Bulgarian and Serbian do not write…
_RU_ONLY = re.compile("[ыэёЫЭЁ]")
#: …and letters of those languages (and Belarusian, Macedonian) that Russian does not write.
_NOT_RU = re.compile("[іїєґўђјљњћџѓќѕІЇЄҐЎЂЈЉЊЋЏЃЌЅ]")
#: Russian-only letters a Cyrillic sample needs to be Russian without py3langid.
RU_MIN_LETTERS = 2


def _russian_letters(sample: str) -> bool:
    """Whether a Cyrillic sample is Russian by its letters: at least :data:`RU_MIN_LETTERS`
    of ы/э/ё (never written in Ukrainian, Bulgarian or Serbian) and no letter of those
    languages. (py3langid is asked only to tell those uncoded languages from Russian.)"""
    return len(_RU_ONLY.findall(sample)) >= RU_MIN_LETTERS and _NOT_RU.search(sample) is None


def _identify(text: str, langs: tuple[str, ...], min_letters: int = 0) -> tuple[str | None, float, int]:
    """``(lang, confidence, letters)`` of the sample of ``text``. A sample with fewer than
    ``min_letters`` letters is not decided (``(None, 0.0, letters)``) unless its decision is
    already known: a caller that does not use such decisions saves the identifier's work."""
    sample = text[:SAMPLE_CHARS]
    key = (sample, langs if type(langs) is tuple else tuple(langs))
    got = _DECISIONS.get(key)
    if got is None:
        counts = _script_counts(sample)
        if counts[1] < min_letters:
            return None, 0.0, counts[1]
        got = _decide(sample, langs, counts)
        if len(_DECISIONS) >= DECISION_CACHE_SIZE:
            _DECISIONS.clear()
        _DECISIONS[key] = got
    return got


def _decide(sample: str, langs: tuple[str, ...], counts: tuple[str, int] | None = None
            ) -> tuple[str | None, float, int]:
    mapped, letters = counts if counts is not None else _script_counts(sample)
    if letters <= 0:
        return None, 0.0, 0
    # 1. scripts that decide
    if mapped.count(_C_KANA) >= 2:
        return _coded("ja", langs), 0.95, letters
    if mapped.count(_C_HANGUL) >= 2:
        return _coded("ko", langs), 0.95, letters
    han = mapped.count(_C_HAN)
    if han / letters >= HAN_SHARE:
        return _coded("zh", langs), min(1.0, 0.5 + han / letters / 2), letters
    for lang, code in _C_SCRIPTS.items():
        if mapped.count(code) / letters >= 0.5:
            return _coded(lang, langs), 0.95, letters
    # 2. Vietnamese letters
    if mapped.count(_C_VI) * 100 / letters >= VI_LETTER_RATE:
        return _coded("vi", langs), 0.95, letters
    # 3. py3langid restricted to the coded languages, checked against uncoded ones (its model,
    # ~0.5 s with numpy, is loaded only when a decision below needs it)
    if not any(lang in LANGID_LANGS for lang in langs):
        return "other", 0.5, letters
    arabic = mapped.count(_C_ARABIC) / letters >= 0.5
    cyr = mapped.count(_C_CYR) / letters >= 0.5
    if (arabic and "ar" not in langs) or (cyr and "ru" not in langs):
        return "other", 0.9, letters
    if not arabic and not cyr and letters >= FAST_MIN_LETTERS:
        fast = _function_word_vote(sample)
        if fast is not None:
            return _coded(fast, langs), FAST_CONFIDENCE, letters
    # cheap script decisions that give what the py3langid branches below give:
    # Cyrillic becomes "other" only from 30 letters on; Arabic only as Persian or Urdu
    if cyr and letters < 30:
        return "ru", 0.9, letters
    if cyr and _russian_letters(sample):
        return "ru", 0.9, letters
    if arabic and _FA_UR_ONLY.isdisjoint(sample):
        return "ar", 0.95, letters
    sample = sample[:LANGID_CHARS]
    ids = _identifiers(tuple(langs))
    wlang, wprob, clang, cprob = ids.classify(sample)
    if arabic:
        if wlang in ("fa", "ur") and wprob >= OTHER_MIN_PROB:
            return "other", wprob, letters
        return "ar", 0.95, letters
    if cyr:
        if wlang != "ru" and wlang not in langs and wprob >= OTHER_MIN_PROB and letters >= 30:
            return "other", wprob, letters
        return "ru", 0.9, letters
    if wlang in ids.core_langs:
        return wlang, wprob, letters
    if letters >= 20 and wprob >= OTHER_MIN_PROB:
        return "other", wprob, letters
    return clang, cprob, letters


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    path = data_path("text", "function_words.json")
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from exc
    by_word: dict[str, list[str]] = defaultdict(list)
    for lang, words in d["words"].items():
        for w in words:
            by_word[w].append(lang)
    return {w: tuple(v) for w, v in by_word.items()}


_WORD = re.compile(r"[^\W\d_]+")


def _function_word_vote(sample: str) -> str | None:
    """Language by function words when the vote is clear (see ``FAST_*``), else ``None``."""
    table = _function_words()
    tokens = _WORD.findall(sample.lower())
    if not tokens:
        return None
    counts: dict[str, int] = {}
    get = counts.get
    for langs in map(table.get, tokens):
        if langs is not None:
            for lang in langs:
                counts[lang] = get(lang, 0) + 1
    if not counts:
        return None
    # the first language with the most hits (as a stable sort by hits would rank it) and the
    # most hits of any other language, in one pass
    top, hits, second = "", 0, 0
    for lang, c in counts.items():
        if c > hits:
            top, hits, second = lang, c, hits
        elif c > second:
            second = c
    if hits >= FAST_MIN_HITS and hits >= FAST_RATIO * second and hits >= FAST_MIN_DENSITY * len(tokens):
        return top
    return None


def normalize_hint(hint: str | None, langs: tuple[str, ...]) -> str | None:
    """A reader's language hint as a coded language (``zh-TW`` → ``zh``), ``other``, or None."""
    if not hint:
        return None
    base = hint.strip().lower().replace("_", "-").split("-")[0]
    if not base:
        return None
    return base if base in langs else "other"


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the paragraphs (non-empty lines) of a cleaned text."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append(Span(m.start(), m.end()))
    return spans


def detect_document(
    text: str, langs: tuple[str, ...] = SUPPORTED_LANGS, hint: str | None = None, default: str | None = None
) -> dict[str, Any]:
    """Language of a document and of each paragraph.

    Args:
        text: the cleaned text (paragraphs on their own lines).
        langs: the coded languages (others → ``"other"``).
        hint: a reader's language hint (trusted when given).
        default: language for a document with no identifiable text.

    Returns:
        ``{"lang", "confidence", "paragraphs": [Span(label=lang)]}``.
    """
    spans = paragraph_spans(text)
    weights: dict[str, float] = defaultdict(float)
    labels: list[tuple[str | None, float]] = []
    for sp in spans:
        para = text[sp.start : sp.end]
        # a paragraph too short to trust on its own takes the document's language (decided
        # after the vote), so it is not identified here
        lang, conf, letters = _identify(para, langs, MIN_LETTERS)
        if lang is not None and letters < MIN_LETTERS:
            labels.append((None, conf))
            continue
        labels.append((lang, conf))
        if lang is not None:
            # UTF-8 length weighs a Han character (≈ a word) like ~3 Latin letters
            weights[lang] += min(len(para.encode("utf-8")), SAMPLE_CHARS * 8) * max(conf, 0.1)
    hinted = normalize_hint(hint, langs)
    total = sum(weights.values())
    doc_lang: str | None
    if hinted is not None:
        doc_lang, doc_conf = hinted, 1.0
    elif total > 0:
        doc_lang = max(weights, key=lambda k: weights[k])
        doc_conf = round(weights[doc_lang] / total, 4)
    else:
        # nothing long enough: vote of short paragraphs, else the default
        short = [identify(text[sp.start : sp.end], langs)[0] for sp in spans]
        short = [s for s in short if s]
        doc_lang = max(set(short), key=short.count) if short else default
        doc_conf = 0.3 if short else 0.0
    for sp, (lang, _) in zip(spans, labels, strict=True):
        sp.label = lang or doc_lang
    return {"lang": doc_lang, "confidence": doc_conf, "paragraphs": spans}
