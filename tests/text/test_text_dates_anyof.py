"""Issue #7 (speed): the alternation gates and digit prefilters of the date patterns that
``mandatory_parts`` cannot gate (``vi.ago``, ``vi.dmy``, ``xx.ymd_slash``, …) only skip
patterns that cannot match.

Each gate is checked two ways: (1) as a necessary condition — on every test text where a
pattern's regex matches, its alternation gates and its prefilter accept the text; (2) end to
end — ``find_date_expressions`` finds what trying every pattern without any gate finds
(the reference of ``test_text_dates_gates.py``), on sentences written to hit and nearly miss
these patterns.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from detente.text import dates as D
from detente.text.data import load_dates

from .test_text_dates_gates import _reference, _texts

GOLD = Path(__file__).resolve().parents[2] / "gold"

#: Sentences written for these tests: matches of the newly gated patterns and near misses.
SENTENCES: tuple[tuple[str, str], ...] = (
    ("vi", "Ba ngày trước, hai bên đã điện đàm; 2 tuần qua không có tiến triển."),
    ("vi", "MƯỜI NĂM TRƯỚC, hai nước ký hiệp định; một tháng qua quan hệ xấu đi."),
    ("vi", "Hội nghị ngày 12/5/2023 và ngày 3 - 4 - 2024 tại Hà Nội."),
    ("vi", "Ông qua Hà Nội năm ngoái, trước khi về nước (không có ngày nào)."),
    ("vi", "Tỷ lệ 1.5.2 không phải ngày; 19/5 là ngày khác, 2025/5/19 cũng vậy."),
    ("vi", "Số 12/5/20234 quá dài, còn 1/2/1999 thì đúng."),
    ("en", "Filed 2024/05/06 and 1999.12.31, not 2024/05/067 or 12024/05/06."),
    ("en", "In 2023 the talks stalled; since 1999 no treaty; by 2030 a new one."),
    ("es", "En 2023 y desde 1999 las relaciones mejoraron durante 2020."),
    ("fr", "En 2023 et depuis 1999, jusqu'en 2030."),
    ("ru", "В 2023 году и с 1999 года."),
    ("ar", "في عام 2023 وفي سنة 1999 و العام 2020."),
)


def _gold_texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                o = json.loads(line)
                if "text" in o:
                    out.append((o.get("lang") or "en", o["text"]))
    return out


def _all_texts() -> list[tuple[str, str]]:
    return list(SENTENCES) + _texts() + _gold_texts()


def test_alternation_gates_of_vi_ago() -> None:
    (ago,) = [p for p in load_dates().patterns["vi"] if p.id == "vi.ago"]
    assert D.any_of_gates(ago.regex) == (("ngày", "tuần", "tháng", "năm"), ("trước", "qua"))


def test_alternation_gates_rules() -> None:
    # only mandatory alternations of plain strings of 2+ characters
    assert D.any_of_gates(re.compile(r"(?:ab|cd)x")) == (("ab", "cd"),)
    assert D.any_of_gates(re.compile(r"(?:ab|cd)?x")) == ()  # optional
    assert D.any_of_gates(re.compile(r"(?:ab|c)x")) == ()  # a one-character branch
    assert D.any_of_gates(re.compile(r"(?:ab|\d+)x")) == ()  # a branch that is not a string
    assert D.any_of_gates(re.compile(r"(?=ab|cd)x")) == ()  # a lookahead
    assert D.any_of_gates(re.compile(r"(?:AB|Cd)x", re.IGNORECASE)) == (("ab", "cd"),)
    assert D.any_of_gates(re.compile(r"(?:ſt|cd)x", re.IGNORECASE)) == ()  # special case folding
    assert D.any_of_gates(re.compile(r"(?:(?:ab|cd)y)+x")) == (("ab", "cd"),)


def test_digit_prefilters() -> None:
    pats = {p.id: p for lang in ("xx", "vi") for p in load_dates().patterns[lang]}
    slash = D.digit_prefilter(pats["xx.ymd_slash"].regex)
    assert slash is not None and slash.pattern.startswith("(?P<y>")
    dmy = D.digit_prefilter(pats["vi.dmy"].regex)
    assert dmy is not None and dmy.flags == pats["vi.dmy"].regex.flags
    # no leading assertion, or letters after it: no prefilter
    assert D.digit_prefilter(re.compile(r"(?P<y>\d{4})")) is None
    assert D.digit_prefilter(pats["vi.ago"].regex) is None
    assert D.digit_prefilter(re.compile(r"\b(?:\d+|x)")) is None
    assert D.digit_prefilter(re.compile(r"(?<![\d/])\b[0-3]\d/")) is not None
    assert D.digit_prefilter(re.compile(r"(?<![\d/])\b[0-3]?\d/")) is None  # an optional first part: not analysed


def test_gates_accept_every_text_a_pattern_matches() -> None:
    data = load_dates()
    texts = _all_texts()
    assert len(texts) > 1000
    checked = 0
    for pats in data.patterns.values():
        for p in pats:
            gates = D.any_of_gates(p.regex)
            pre = D.digit_prefilter(p.regex)
            if not gates and pre is None:
                continue
            ci = bool(p.regex.flags & re.IGNORECASE)
            for _, text in texts:
                norm = text.translate(D._DIGITS)
                if p.regex.search(norm) is None:
                    continue
                checked += 1
                if pre is not None:
                    assert pre.search(norm) is not None, (p.id, text)
                low = norm.lower() if ci else norm
                if ci and (len(low) != len(norm) or D._FOLD_SPECIAL_RX.search(low)):
                    continue  # such texts are never gated on words
                for alts in gates:
                    assert any(w in low for w in alts), (p.id, alts, text)
    assert checked > 200


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_gated_search_finds_what_every_pattern_finds_here(lang: str, text: str) -> None:
    assert D.find_date_expressions(text, lang) == _reference(text, lang)
    assert D.find_date_expressions(text, None) == _reference(text, None)


def test_new_gates_hit_and_skip() -> None:
    got = D.find_date_expressions(SENTENCES[0][1], "vi")
    assert [(m.rule, m.groups.get("n")) for m in got if m.kind == "ago"] == [("vi.ago", "Ba"), ("vi.ago", "2")]
    got = D.find_date_expressions(SENTENCES[2][1], "vi")
    assert [m.rule for m in got if m.rule == "vi.dmy"] == ["vi.dmy", "vi.dmy"]
    got = D.find_date_expressions(SENTENCES[6][1], "en")
    assert [m.groups for m in got if m.rule == "xx.ymd_slash"] == [
        {"y": "2024", "m": "05", "d": "06"}, {"y": "1999", "m": "12", "d": "31"}]


def test_gold_sentences_as_without_gates() -> None:
    for lang, text in _gold_texts():
        assert D.find_date_expressions(text, lang) == _reference(text, lang), (lang, text)
