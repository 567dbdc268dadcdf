"""Arabic coding behaviours added with the curated overlay (``curated/lexicon.ar.json``) and the
``ar`` function words of ``grammar.json``: *تعرض لهجوم* (the subject was attacked), explosion
nouns whose victims are named after them, passive killings (*قتلوا في هجوم*, *قتلوا برصاص X*),
the *برصاص/بنيران/على أيدي* agent markers, bare *خطف/قتل* read as passives
(victims) unless their actor follows, *في هجوم* (in an attack) being a circumstance, a weapon noun alone (*صواريخ*) not being an attack.

Documents are built here with a small gazetteer of our own (no actor layer), so the tests pin
the coder + lexicon behaviour only."""

from __future__ import annotations

from detente.events import code_document
from detente.events.testing import gazetteer_document
from detente.records import ActorMention, Document, Event

#: surface form → (country, sector, code, kind)
GAZ: dict[str, tuple[str | None, str | None, str, str]] = {
    "مصر": ("EGY", None, "EGY", "state"),
    "مصريين": ("EGY", None, "EGY", "demonym"),
    "المصريين": ("EGY", None, "EGY", "demonym"),
    "القوات الاميركية": ("USA", "MIL", "USAMIL", "state"),
    "إسرائيل": ("ISR", None, "ISR", "state"),
    "الجيش الإسرائيلي": ("ISR", "MIL", "ISRMIL", "state"),
    "عراقيين": ("IRQ", None, "IRQ", "demonym"),
    "العراق": ("IRQ", None, "IRQ", "state"),
    "فرنسي": ("FRA", None, "FRA", "demonym"),
    "فرنسيا": ("FRA", None, "FRA", "demonym"),
    "مسلحون": (None, "UAF", "---UAF", "sector"),
}


def ar_doc(text: str) -> Document:
    """One-sentence Arabic document with the gazetteer's mentions (longest first, whole words)."""
    return gazetteer_document(text, "ar", GAZ)


def side(x: dict | None) -> str | None:
    """Country of an event side, else its code (``None`` when the side is unknown)."""
    if not x:
        return None
    return x.get("country") or x.get("code")


def events(text: str) -> list[Event]:
    return code_document(ar_doc(text))


def test_subject_subjected_to_an_attack_is_the_target() -> None:
    # "the American forces were subjected to an attack in Iraq": USA is attacked, attacker unknown
    evs = events("القوات الاميركية تعرضت لهجوم في العراق.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", None, "USA")]
    assert evs[0].provenance.lexicon_entry == "ar.attacked.1"


def test_explosion_noun_hits_the_party_named_after_it() -> None:
    # "a car-bomb explosion targeted Iraqi soldiers": Iraq is hit, not the bomber
    evs = events("انفجار سيارة مفخخة استهدف جنودا عراقيين.")
    assert [(e.event, e.cameo, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "183", None, "IRQ")]


def test_passive_killing_in_an_attack_has_victims_not_attackers() -> None:
    # "three Iraqi soldiers were killed in an attack": before, the soldiers were read as killers
    evs = events("قال الجيش ان ثلاثة جنود عراقيين قتلوا في هجوم.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", None, "IRQ")]
    assert "victim" in evs[0].flags


def test_killed_by_the_bullets_of_names_the_agent() -> None:
    # "three Egyptians were killed by the bullets of the Israeli army"
    evs = events("ثلاثة مصريين قتلوا برصاص الجيش الإسرائيلي.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "ISR", "EGY")]


def test_agent_marker_ala_aydi() -> None:
    # "Egyptians were wounded at the hands of the Israeli army"
    evs = events("أصيب خمسة مصريين على أيدي الجيش الإسرائيلي.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "ISR", "EGY")]


def test_rockets_alone_are_no_attack() -> None:
    # "the Israeli army displayed new rockets": a weapon noun is not an event
    assert events("عرض الجيش الإسرائيلي صواريخ جديدة.") == []


def test_protest_and_its_negation() -> None:
    evs = events("تظاهر آلاف المصريين في مصر.")
    assert [(e.event, e.cameo, side(e.actor)) for e in evs] == [("PROTEST", "141", "EGY")]
    assert events("لم يتظاهر المصريين في مصر.") == []


def test_bare_kidnap_verb_is_passive_its_noun_phrase_the_victim() -> None:
    # "a French employee was kidnapped": no kidnapper is named
    evs = events("خطف موظف فرنسي في جنوب نيجيريا.")
    assert [(e.event, e.cameo, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "181", None, "FRA")]
    assert evs[0].provenance.lexicon_entry == "ar.abducted.1"


def test_kidnap_verb_followed_by_its_actor_is_active() -> None:
    # "gunmen kidnapped a French journalist"
    evs = events("خطف مسلحون صحفيا فرنسيا.")
    assert [(e.event, side(e.recipient), e.provenance.lexicon_entry) for e in evs] == [
        ("ASSAULT", "FRA", "ar.abduct.2")]
    assert evs[0].actor is not None and evs[0].actor["code"].endswith("UAF")
    # "gunmen killed three Iraqi soldiers": the same for the bare verb of killing
    killed = events("قتل مسلحون ثلاثة جنود عراقيين.")
    assert [(e.event, side(e.recipient), e.provenance.lexicon_entry) for e in killed] == [
        ("ASSAULT", "IRQ", "ar.kill.2")]
    assert killed[0].actor is not None and killed[0].actor["code"].endswith("UAF")


def test_killed_in_an_attack_is_one_event_of_the_victims() -> None:
    # "three Iraqi soldiers were killed in an attack": "في هجوم" adds no attacker event
    evs = events("قتل ثلاثة جنود عراقيين في هجوم.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", None, "IRQ")]


# -- measured rules for the Arabic set: generic actors and victims take the sentence's country ------

def with_generic(doc: Document, word: str, sector: str) -> Document:
    """Add a country-less generic mention (all generics of one sector share one table entry)."""
    i = doc.text.index(word)
    doc.mentions.append(ActorMention(start=i, end=i + len(word), text=word, entry=f"AGT_{sector}", name=word,
                                     country=None, sector=sector, code="---" + sector, kind="sector"))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def test_generic_attackers_take_the_country_of_the_place() -> None:
    # "gunmen kidnapped a French journalist in Iraq": Iraqi gunmen
    evs = events("خطف مسلحون صحفيا فرنسيا في العراق.")
    assert [(e.event, e.actor["code"], side(e.recipient)) for e in evs] == [("ASSAULT", "IRQUAF", "FRA")]


def test_generic_victims_take_the_sentence_country() -> None:
    # "three soldiers were killed in Iraq": Iraqi soldiers; with Egypt named too, no single country
    evs = code_document(with_generic(ar_doc("قتل ثلاثة جنود في العراق."), "جنود", "MIL"))
    assert [(e.event, e.actor, e.recipient["code"]) for e in evs] == [("ASSAULT", None, "IRQMIL")]
    two = code_document(with_generic(ar_doc("قتل ثلاثة جنود في العراق و مصر."), "جنود", "MIL"))
    assert [(e.event, e.recipient["code"]) for e in two] == [("ASSAULT", "MIL")]


def test_fired_weapons_are_an_attack_but_released_prisoners_are_not() -> None:
    # أطلق + a weapon noun (صواريخ, قذائف, النار على) is an attack; أطلق سراح (released) is not
    evs = events("أطلقت إسرائيل خمسة صواريخ على العراق.")
    assert [(e.event, side(e.actor), side(e.recipient), e.provenance.lexicon_entry) for e in evs] == \
           [("ASSAULT", "ISR", "IRQ", "ar.fire.1")]
    assert events("أطلقت إسرائيل سراح ثلاثة عراقيين.") == []
    shot = events("القوات الاميركية فتحت النار على عراقيين.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in shot] == [("ASSAULT", "USA", "IRQ")]


def test_gathering_is_a_protest_only_with_protest_words() -> None:
    rally = events("تجمع مئات المصريين أمام السفارة وهم يحملون لافتات.")
    assert [(e.event, e.provenance.lexicon_entry) for e in rally] == [("PROTEST", "ar.gather.1")]
    assert events("تجمع مئات المصريين في السوق.") == []
