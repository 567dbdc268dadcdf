"""The language identifier's fast tables give what the plain ones give (issue #7: speed
without a change of output)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from detente.text import lang as L

SAMPLES = [
    "Hà Nội tổ chức hội nghị về hợp tác kinh tế",
    "国务院总理李强在北京会见美国财政部长",
    "Президент России провёл переговоры в Москве",
    "قال وزير الخارجية إن المحادثات ستستمر",
    "La ministra española habló con su homólogo francés à Paris",
    "東京で日米首脳会談が行われた",
    "서울에서 한미 정상회담이 열렸다",
    "ελληνικά και עברית και ไทย และ हिन्दी",
    "emoji 😀 and astral 𠀀 and private use \ue000\ue004\ue010 marks",
    "“Quotes” — dashes · dots\u00a0nbsp\u3000ideographic space",
]


def _counts_with_dict(sample: str) -> tuple[dict[str, int], int]:
    mapped = sample.translate(L._script_table())
    codes = [chr(0xE000 + i) for i in range(7)] + list(L._C_SCRIPTS.values())
    return {c: mapped.count(c) for c in codes}, len(sample) - mapped.count(L._C_NONLETTER)


@pytest.mark.parametrize("sample", SAMPLES)
def test_script_counts_as_with_the_dict_table(sample: str) -> None:
    mapped, letters = L._script_counts(sample)
    want, want_letters = _counts_with_dict(sample)
    assert letters == want_letters
    assert {c: mapped.count(c) for c in want} == want


def _vote_by_sort(sample: str) -> str | None:
    """The function-word vote as a stable sort by hits ranks it (the reference)."""
    table = L._function_words()
    tokens = L._WORD.findall(sample.lower())
    counts: dict[str, int] = defaultdict(int)
    for t in tokens:
        for lang in table.get(t, ()):
            counts[lang] += 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, hits = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if hits >= L.FAST_MIN_HITS and hits >= L.FAST_RATIO * second and hits >= L.FAST_MIN_DENSITY * len(tokens):
        return top
    return None


@pytest.mark.parametrize("sample", [
    "the minister said that the talks with the delegation of the country were useful and that the sides agreed",
    "le ministre a dit que les discussions avec la délégation du pays étaient utiles et que les parties",
    "el ministro dijo que las conversaciones con la delegación del país fueron útiles y que las partes",
    "de la de la de la the the the el el el le le le",
    "",
    "12 34 56",
])
def test_function_word_vote_as_a_stable_sort(sample: str) -> None:
    assert L._function_word_vote(sample) == _vote_by_sort(sample)


def test_short_paragraphs_take_the_document_language_without_being_identified() -> None:
    L._DECISIONS.clear()
    text = "Publicité\n\nLe ministre des Affaires étrangères a rencontré son homologue à Paris pour " \
           "discuter de la sécurité régionale et de la coopération économique entre les deux pays."
    got = L.detect_document(text, ("en", "fr", "es"))
    assert got["lang"] == "fr"
    assert [p.label for p in got["paragraphs"]] == ["fr", "fr"]
    assert ("Publicité", ("en", "fr", "es")) not in L._DECISIONS
    # the public identify() still decides short texts
    assert L.identify("Publicité", ("en", "fr", "es"))[0] is not None
