"""The trust signal lists (``trust_signals.json``): each literal-translation pattern and
retrospective marker does what it is for, and none fires on natural news.

Natural news: the sentences of the gold sets (the team's own writing in ``gold/``, and the
human-annotated real news of ``../shared/data/gold-dev`` when present). A pattern that fires
there would flag honest pages as machine translated.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from detente.records import Document, Sentence
from detente.resources import shared_data_dir
from detente.store import trust

REPO = Path(__file__).resolve().parents[2]

#: Literal translations written by the team, one per new pattern family (each must show at
#: least one artefact; a page needs two distinct ones to be flagged).
MT_EXAMPLES = {
    "en": [
        "The foreign ministry to this expressed strong dissatisfaction.",
        "Analyse person point out the new measures aim at the chip industry.",
        "The embassy will give condemnation and make out response.",
        "The council on 14th pass the new round of measures.",
        "The minister of foreign affairs of PRC arrived in Moscow.",
        "Sides discussed the situation in the region.",
        "Relations of two countries are located on highest level.",
        "They prepared the visit of president of Russia into China.",
        "Two side will set up a fund after many week of talks.",
    ],
    "es": [
        "Hora local 12 de mayo, el canciller llegó a Hanói.",
        "Dos lados sostuvieron conversaciones francas.",
        "El portavoz de la Estado habló con la prensa.",
        "El ministro encontró junto con su homólogo en Pekín.",
        "Ambas partes deben gestionar controlar las diferencias.",
        "Las conversaciones duraron más de cinco hora.",
        "La relación está en el punto más bajo desde establecer relaciones diplomáticas.",
        "El secretario de Estado de América llegó el lunes.",
    ],
    "fr": [
        "Heure locale 12 mai, le ministre est arrivé à Hanoï.",
        "Deux côtés ont eu des entretiens francs.",
        "Le ministre a rencontré ensemble avec son homologue.",
        "Les deux pays doivent gérer contrôler leurs différends.",
        "Les entretiens ont duré plus de cinq heure.",
        "Le secrétaire d'État d'Amérique est arrivé lundi.",
        "La relation est au plus bas depuis établir des relations diplomatiques.",
        "Le porte-parole de la gouvernement a parlé.",
    ],
    "ru": [
        "Местное время 12 мая министр прибыл в Ханой.",
        "Секретарь государства США прибыл в Пекин.",
        "Министры обсудили двойные стороны торговли.",
        "Министр встретился вместе с коллегой.",
        "Стороны должны управлять контролировать разногласия.",
        "Отношения на самом низком уровне со времени установить дипломатические отношения.",
    ],
}

RETRO_EXAMPLES = {
    "en": "Ten years after the deal: what it changed",
    "es": "Hace un año, los dos gobiernos firmaron el acuerdo.",
    "fr": "Il y a cinq ans, les deux ministres signaient l'accord.",
    "ru": "Пять лет спустя: что изменила встреча",
    "zh": "回顾2024年中越关系",
    "vi": "Nhìn lại chuyến thăm lịch sử",
}


def _natural_sentences() -> dict[str, list[str]]:
    files = sorted((REPO / "gold").glob("*.jsonl")) + sorted((REPO / "gold" / "heldout").glob("*.jsonl"))
    shared = shared_data_dir()
    if shared is not None:
        files += sorted((shared / "gold-dev").glob("*.jsonl"))
    out: dict[str, list[str]] = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("text") and rec.get("lang"):
                out.setdefault(rec["lang"], []).append(rec["text"])
    return out


@pytest.mark.parametrize("lang", sorted(MT_EXAMPLES))
def test_each_literal_translation_example_shows_an_artefact(lang: str) -> None:
    pats = trust.load_trust_data().mt_patterns[lang]
    for s in MT_EXAMPLES[lang]:
        assert any(p.search(s) for p in pats), (lang, s)


def test_no_literal_translation_pattern_fires_on_natural_news() -> None:
    data = trust.load_trust_data()
    natural = _natural_sentences()
    checked = 0
    for lang, pats in data.mt_patterns.items():
        for s in natural.get(lang, []):
            hits = [p.pattern for p in pats if p.search(s)]
            assert not hits, (lang, s, hits)
            checked += 1
    assert checked > 1000  # the team's sets alone hold well over a thousand sentences


@pytest.mark.parametrize("lang", sorted(RETRO_EXAMPLES))
def test_retrospective_markers(lang: str) -> None:
    data = trust.load_trust_data()
    text = RETRO_EXAMPLES[lang]
    doc = Document(id="r", source="r", raw_text=text, text=text, lang=lang)
    assert trust.retrospective_markers(doc, data)
    plain = Document(id="p", source="p", raw_text="x", text="x", lang=lang)
    assert not trust.retrospective_markers(plain, data)


def _dated(text: str, pub: dt.date, lang: str = "en") -> Document:
    sents, start = [], 0
    for i, part in enumerate(text.split("\n\n")):
        sents.append(Sentence(index=i, start=start, end=start + len(part), text=part, lang=lang))
        start += len(part) + 2
    return Document(id="d", source="d", raw_text=text, text=text, lang=lang, pub_date=pub, sentences=sents)


def test_old_lead_makes_a_page_with_events_republished_unless_it_looks_back() -> None:
    old = _dated("Talks in Hanoi\n\nOn March 5, 2024, the two ministers met in Hanoi.", dt.date(2024, 8, 14))
    sig = trust.document_signals(old)
    assert sig["old_lead"] == "2024-03-05"
    assert "republished" in trust.flags_from_signals(sig, has_events=True)
    assert "republished" not in trust.flags_from_signals(sig, has_events=False)
    fresh = _dated("Talks in Hanoi\n\nOn August 12, 2024, the two ministers met in Hanoi.", dt.date(2024, 8, 14))
    assert "old_lead" not in trust.document_signals(fresh)
    looking_back = _dated("Five months after the Hanoi talks\n\nOn March 5, 2024, the two ministers met in Hanoi.",
                          dt.date(2024, 8, 14))
    sig = trust.document_signals(looking_back)
    assert sig["retrospective"] and sig["old_lead"]
    assert "republished" not in trust.flags_from_signals(sig, has_events=True)
    # a late verbatim copy of an earlier page stays republished whatever it says
    assert "republished" in trust.flags_from_signals({**sig, "republished_copy": "x"}, has_events=True)


def test_the_outlets_regional_edition_is_a_copy_not_a_content_farm(store: Any, fx: Any) -> None:
    """The same article on ``asia.harborwire.example`` under a different site name than the
    outlet's main page: a linked copy (near_duplicate), not a content farm; the same text on an
    unrelated host is."""
    talks = fx.beijing_talks()
    first = talks[0]
    text = first.text or ""
    edition = fx.make_doc(text, lang=first.lang, site="harborwire.example", url="https://asia.harborwire.example/a",
                          pub=first.pub_date.isoformat(), salt="edition")
    other = fx.make_doc(text, lang=first.lang, site="harborwire.example", url="https://wire-copies.example/a",
                        pub=first.pub_date.isoformat(), salt="other")
    first.url = "https://www.harborwire.example/world/a"
    store.ingest([first, edition, other])
    assert store.document(edition.id)["flags"] == ["near_duplicate"]
    assert store.document(other.id)["flags"] == ["content_farm", "near_duplicate"]


def test_natural_news_pages_are_not_flagged_machine_translated() -> None:
    """Pages of six natural gold sentences each, through the whole pipeline: no page gets the
    ``machine_translated`` flag (a page short of articles, as terse wire copy can be, is one
    artefact, never enough alone)."""
    from detente.pipeline import Pipeline

    pipe = Pipeline()
    natural = _natural_sentences()
    pages = few = 0
    for lang, sents in sorted(natural.items()):
        for i in range(0, len(sents), 6):
            text = "\n\n".join(sents[i:i + 6])
            doc = pipe.process(Document(id=Document.make_id(f"{lang}{i}{text}"), source=f"{lang}:{i}",
                                        raw_text=text, lang_hint=lang, pub_date=dt.date(2024, 6, 1)))
            sig = trust.document_signals(doc)
            few += "few_articles" in sig
            assert "machine_translated" not in trust.flags_from_signals(sig, True), (lang, i, sig)
            pages += 1
    assert pages > 150 and few < pages // 20
