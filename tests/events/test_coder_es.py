"""Spanish coding behaviours added with the curated overlay (``curated/lexicon.es.json``) and the
``es`` function words of ``grammar.json``: passive victims (*fue asesinado por*), *dar muerte*,
threats received, property seizure and armed blockades, *manifestar su* = "express", protest
nouns that name their own (civilian) actor, *en huelga de hambre*, reporting verbs.

Documents are built here with a small gazetteer of our own (no actor layer), so the tests pin
the coder + lexicon behaviour only."""

from __future__ import annotations

import itertools

import pytest

from detente.events import code_document
from detente.events.testing import gazetteer_document
from detente.records import ActorMention, Document, Event

#: surface form → (country, sector, code, kind)
GAZ: dict[str, tuple[str | None, str | None, str, str]] = {
    "Colombia": ("COL", None, "COL", "state"),
    "colombianos": ("COL", None, "COL", "demonym"),
    "colombiano": ("COL", None, "COL", "demonym"),
    "FARC": ("COL", "REB", "COLREB", "org"),
    "ELN": ("COL", "REB", "COLREB", "org"),
    "Francia": ("FRA", None, "FRA", "state"),
    "frances": ("FRA", None, "FRA", "demonym"),
    "Bolivia": ("BOL", None, "BOL", "state"),
    "Peru": ("PER", None, "PER", "state"),
    "Venezuela": ("VEN", None, "VEN", "state"),
    "Rusia": ("RUS", None, "RUS", "state"),
    "Japon": ("JPN", None, "JPN", "state"),
    "gobierno de Colombia": ("COL", "GOV", "COLGOV", "state"),
    "paramilitares": (None, "UAF", "---UAF", "sector"),
}


def es_doc(text: str, gaz: dict[str, tuple[str | None, str | None, str, str]] | None = None) -> Document:
    """One-sentence Spanish document with the gazetteer's mentions (longest first, whole words)."""
    return gazetteer_document(text, "es", GAZ if gaz is None else gaz)


def side(x: dict | None) -> str | None:
    """Country of an event side, else its code (``None`` when the side is unknown)."""
    if not x:
        return None
    return x.get("country") or x.get("code")


def events(text: str) -> list[Event]:
    return code_document(es_doc(text))


def test_passive_victims_with_agent() -> None:
    evs = events("Dos campesinos colombianos fueron asesinados por paramilitares.")
    assert [(e.event, e.provenance.lexicon_entry) for e in evs] == [("ASSAULT", "es.killed.2")]
    assert side(evs[0].recipient) == "COL"  # the victims
    assert evs[0].actor is not None and evs[0].actor["code"].endswith("UAF")  # the por-agent
    assert "victim" in evs[0].flags


def test_passive_victim_without_agent_has_unknown_actor() -> None:
    evs = events("Un periodista frances fue secuestrado en Colombia.")
    assert [(e.event, e.cameo) for e in evs] == [("ASSAULT", "181")]
    assert evs[0].actor is None and side(evs[0].recipient) == "FRA"


def test_dar_muerte_is_a_killing_by_the_subject() -> None:
    evs = events("Guerrilleros de las FARC dieron muerte a un concejal.")
    assert [(e.event, e.cameo, side(e.actor)) for e in evs] == [("ASSAULT", "186", "COL")]
    assert evs[0].actor["code"] == "COLREB"


def test_threat_received_makes_the_subject_the_target() -> None:
    evs = events("Un juez colombiano recibio amenazas de muerte.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("THREATEN", None, "COL")]


@pytest.mark.parametrize(("text", "cameo"), [
    ("Guerrilleros de las FARC hurtaron tres camiones.", "171"),
    ("Guerrilleros del ELN quemaron dos camiones en Colombia.", "171"),
    ("Guerrilleros de las FARC bloquearon la via a Bogota.", "191"),
])
def test_armed_groups_seizing_burning_blocking_is_coercion(text: str, cameo: str) -> None:
    evs = events(text)
    assert {(e.event, e.cameo) for e in evs} == {("COERCE", cameo)}
    assert all(e.actor["code"] == "COLREB" for e in evs)


def test_civilians_blocking_a_road_is_a_protest_not_coercion() -> None:
    evs = events("Campesinos de Bolivia bloquearon la carretera.")
    assert {(e.event, e.cameo, side(e.actor)) for e in evs} == {("PROTEST", "144", "BOL")}


def test_quemar_without_property_is_not_seizure() -> None:
    assert not [e for e in events("El gobierno de Colombia quemo etapas en la negociacion.") if e.event == "COERCE"]


def test_manifestar_su_means_express_not_protest() -> None:
    assert events("El presidente de Peru manifesto su preocupacion por la crisis.") == []
    demo = events("Miles de colombianos se manifestaron contra el gobierno.")
    assert {(e.event, side(e.actor)) for e in demo} == {("PROTEST", "COL")}


def test_protest_noun_names_civilian_protesters() -> None:
    evs = events("Hubo protestas contra el gobierno de Colombia.")
    assert len(evs) == 1
    e = evs[0]
    assert e.event == "PROTEST" and e.actor["sector"] == "CVL" and side(e.recipient) == "COL"
    assert "actor_from_trigger" in e.flags


def test_strike_noun_names_workers() -> None:
    evs = events("La huelga paralizo los puertos de Colombia.")
    assert [(e.event, e.cameo) for e in evs] == [("PROTEST", "143")]
    assert evs[0].actor["sector"] == "LAB"


def test_en_huelga_de_hambre_is_a_hunger_strike() -> None:
    evs = events("Los presos colombianos siguen en huelga de hambre.")
    assert [(e.event, e.cameo, e.provenance.lexicon_entry) for e in evs] == [("PROTEST", "142", "es.hunger.1")]


def test_abduction_phrase_and_shooting() -> None:
    evs = events("Guerrilleros de las FARC se llevaron con rumbo desconocido a un ingeniero frances.")
    assert [(e.event, e.cameo, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "181", "COL", "FRA")]
    shot = events("Paramilitares de Colombia dispararon contra un bus.")
    assert [(e.event, e.cameo) for e in shot] == [("ASSAULT", "193")]


def test_negated_killing_codes_nothing() -> None:
    assert events("Los paramilitares no asesinaron a los campesinos colombianos.") == []


def test_reported_speech_codes_the_reported_event() -> None:
    # "Francia dijo que …": the speaker is not the accuser
    evs = events("Francia dijo que Rusia condeno a Japon.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ACCUSE", "RUS", "JPN")]


@pytest.mark.parametrize(("text", "expected"), [
    # irregular forms the regular conjugator does not generate (pedir → pidio, oponer → se opone)
    ("Venezuela pidio a Colombia una explicacion por el incidente.", ("REQUEST", "VEN", "COL")),
    ("Venezuela se opone a la propuesta de Colombia.", ("REJECT", "VEN", "COL")),
    # a seeded phrase starting with a curated form ("critico severamente", "asesinaron y") no longer
    # hides the curated trigger (leftmost-longest matching picked the phrase, whose patterns failed)
    ("Rusia critico severamente a Japon.", ("ACCUSE", "RUS", "JPN")),
])
def test_irregular_and_phrase_forms(text: str, expected: tuple[str, str, str]) -> None:
    assert [(e.event, side(e.actor), side(e.recipient)) for e in events(text)] == [expected]


def test_killed_and_disappeared_is_coded() -> None:
    evs = events("Paramilitares de Colombia asesinaron y desaparecieron a dos campesinos.")
    assert {(e.event, side(e.actor)) for e in evs} == {("ASSAULT", "COL")}


def test_unidentified_is_no_negation_but_tampoco_is() -> None:
    # "no identificados" describes the attackers; it does not negate the killing
    evs = events("Dos paramilitares no identificados asesinaron a un juez colombiano.")
    assert [(e.event, side(e.recipient)) for e in evs] == [("ASSAULT", "COL")]
    assert events("Francia tampoco condeno a Rusia.") == []


# -- measured rules for the Spanish sets (place, victims' country, threats, speakers, parties) --

def with_mention(doc: Document, word: str, *, country: str | None = None, sector: str | None = None,
                 kind: str = "sector", entry: str | None = None, place: bool = False) -> Document:
    """Add a mention for the first occurrence of ``word`` (a generic sector actor by default; all
    generic mentions of one sector share one table entry, as in the actor layer)."""
    i = doc.text.index(word)
    code = (country or "---") + (sector or "")
    doc.mentions.append(ActorMention(
        start=i, end=i + len(word), text=word, entry=entry or f"AGT_{sector}", name=word, country=country,
        sector=sector, code=code if not place else country or "", kind="place" if place else kind,
        is_location=place))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def generic_events(text: str, words: dict[str, str], places: tuple[str, ...] = ()) -> list[Event]:
    """Code ``text`` with extra generic mentions (word → sector) and Colombian places."""
    doc = es_doc(text)
    for w, sector in words.items():
        doc = with_mention(doc, w, sector=sector)
    for p in places:
        doc = with_mention(doc, p, country="COL", place=True)
    return code_document(doc)


def test_generic_attackers_take_the_country_of_the_place() -> None:
    evs = generic_events("Pistoleros asesinaron a un juez en Tumbes.", {"Pistoleros": "UAF"}, ("Tumbes",))
    assert [(e.event, e.actor["code"]) for e in evs] == [("ASSAULT", "COLUAF")]
    assert evs[0].location is not None and evs[0].location["name"] == "Tumbes"


def test_generic_victims_take_the_sentence_country() -> None:
    evs = generic_events("Dos campesinos fueron asesinados en Tumbes.", {"campesinos": "AGR"}, ("Tumbes",))
    assert [(e.event, e.actor, e.recipient["code"]) for e in evs] == [("ASSAULT", None, "COLAGR")]
    # two countries named: no single country to give
    two = generic_events("Dos campesinos de Peru fueron asesinados cerca de Colombia.", {"campesinos": "AGR"})
    assert all(e.recipient is None or e.recipient["code"] != "COLAGR" for e in two)


def test_threat_against_generic_recipients_is_coded() -> None:
    evs = generic_events("Guerrilleros de las FARC amenazaron de muerte a los candidatos.", {"candidatos": "PTY"})
    assert [(e.event, side(e.actor), e.recipient["sector"]) for e in evs] == [("THREATEN", "COL", "PTY")]
    # an attack by a non-state actor on generic people in a sentence of one country: that
    # country's people (issue #5: "la policía abrió fuego contra la multitud" in Kenya → KENCVL)
    hit = generic_events("Guerrilleros de las FARC atacaron a los candidatos.", {"candidatos": "PTY"})
    assert [(e.event, side(e.actor), e.recipient and e.recipient["code"]) for e in hit] == [("ASSAULT", "COL", "COLPTY")]
    # a state attacking: its one country is the attacker's, not the victims'
    state = generic_events("Rusia ataco a los candidatos.", {"candidatos": "PTY"})
    assert [(e.event, side(e.actor), e.recipient) for e in state] == [("ASSAULT", "RUS", None)]


def test_generic_police_victims_take_the_sentence_country() -> None:
    evs = generic_events("En Bolivia, la policia abrio fuego contra la multitud.", {"policia": "COP", "multitud": "CVL"})
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "BOL", "BOL")]


def test_protesters_as_object_are_no_protest_of_the_subject() -> None:
    """Issue #5: "detuvo a decenas de manifestantes" — an agent noun after an object preposition is
    the object of another act, not a protest by the clause's subject."""
    evs = generic_events("El gobierno de Colombia detuvo a decenas de manifestantes.", {})
    assert [e.event for e in evs] == ["COERCE"]
    own = generic_events("Decenas de manifestantes marcharon en Colombia.", {})
    assert "PROTEST" in [e.event for e in own]


def test_foreign_place_right_after_an_attack_verb_is_its_target() -> None:
    """Issue #5: "Rusia bombardeó Jersón" targets Ukraine; a place after the victim stays the location."""
    gaz = dict(GAZ, Jerson=("UKR", None, "UKR", "place"))
    evs = code_document(es_doc("Rusia bombardeo Jerson el lunes.", gaz))
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("ASSAULT", "RUS", "UKR")]
    loc = generic_events("Paramilitares asesinaron a un campesino , Tumbes.", {}, ("Tumbes",))
    assert all(e.recipient is None or e.recipient.get("country") != "COL" or e.recipient.get("sector") for e in loc)


@pytest.mark.parametrize("text", [
    "Rusia condeno a Japon, dijo Francia.",
    "Rusia condeno a Japon, segun Francia.",
    "Rusia condeno a Japon, dijo el gobierno de Colombia.",
])
def test_speaker_after_the_reporting_verb(text: str) -> None:
    # the group before ", dijo X" is the object of the reported event, X the speaker
    assert [(e.event, side(e.actor), side(e.recipient)) for e in events(text)] == [("ACCUSE", "RUS", "JPN")]


def test_of_phrase_of_a_skipped_group_is_no_victim() -> None:
    # "con tropas del Batallon": the battalion is the soldiers' unit, not the dead
    evs = generic_events("Murieron en combates con tropas del Batallon dos guerrilleros de las FARC.",
                         {"tropas": "MIL", "Batallon": "MIL"})
    assert [(e.event, side(e.recipient)) for e in evs if "victim" in e.flags] == [("ASSAULT", "COL")]


def test_shorter_trigger_when_the_longest_ends_inside_a_word() -> None:
    # "exhorto a" (a phrase form) ends inside "al": the shorter form "exhorto" still codes
    evs = events("Francia exhorto al gobierno de Colombia a negociar.")
    assert [(e.event, e.evidence.trigger, side(e.actor), side(e.recipient)) for e in evs] == [
        ("REQUEST", "exhorto", "FRA", "COL")]


def test_lexicon_shorter_forms_are_prefixes_longest_first() -> None:
    from detente.events.lexicon import load_lexicon
    lx = load_lexicon("es")
    text = "exhorto al gobierno"
    ((p, s, e),) = lx.find(text)[:1]
    assert lx.patterns[p] == "exhorto a"
    forms = [lx.patterns[q] for q, _, _ in lx.shorter(text, s, e)]
    assert forms and forms[0] == "exhorto" and all(len(a) > len(b) for a, b in itertools.pairwise(forms))


def test_agent_after_por_and_a_head_noun() -> None:
    # "por grupos paramilitares": the actor layer reads only "paramilitares"; still the by-agent
    evs = events("Dos campesinos colombianos fueron asesinados por grupos paramilitares.")
    assert [(e.event, e.actor["code"], side(e.recipient)) for e in evs] == [("ASSAULT", "UAF", "COL")]


def test_place_list_gives_the_first_place_and_is_no_target() -> None:
    # "…, Tumbes , Lima": a region then its town (here a town whose name is also Peruvian): the
    # generic attackers are the first place's; the places are where it happened, not the target
    doc = with_mention(es_doc("Paramilitares asesinaron a un juez , Tumbes , Lima"), "Paramilitares", sector="UAF")
    doc = with_mention(doc, "Tumbes", country="COL", place=True)
    doc = with_mention(doc, "Lima", country="PER", place=True)
    evs = code_document(doc)
    assert [(e.event, e.actor["code"], e.recipient) for e in evs] == [("ASSAULT", "COLUAF", None)]
    assert evs[0].location is not None and evs[0].location["name"] == "Tumbes"
    # a place of another country after the object is still the location, not a target
    farc = code_document(with_mention(es_doc("Las FARC atacaron a un juez , Lima"), "Lima", country="PER", place=True))
    assert [(e.event, side(e.actor), e.recipient) for e in farc] == [("ASSAULT", "COL", None)]
    assert farc[0].location is not None and farc[0].location["name"] == "Lima"


# --- news-style diplomatic and military triggers (issue #5, Spanish recall) -------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a time adverbial between the verb and its object: verb + object-noun entries, not one phrase
    ("Rusia impuso el viernes nuevas sanciones a Japon.", ("SANCTION", "163", "RUS", "JPN")),
    ("Colombia rompio el lunes relaciones diplomaticas con Venezuela.", ("SANCTION", "161", "COL", "VEN")),
    ("Rusia y Japon mantuvieron el domingo en Paris unas largas conversaciones.", ("CONSULT", "040", "RUS", "JPN")),
    ("Venezuela y Colombia alcanzaron el martes un acuerdo sobre la frontera.", ("AGREE", "030", "VEN", "COL")),
    ("Rusia y Japon intercambiaron el miercoles 200 prisioneros.", ("RETREAT", "0841", "RUS", "JPN")),
    ("Venezuela libero el viernes a dos ciudadanos colombianos.", ("RETREAT", "0841", "VEN", "COL")),
    # everyday diplomatic verbs
    ("Francia hablo por telefono con Rusia.", ("CONSULT", "041", "FRA", "RUS")),
    ("Francia convoco al embajador de Rusia.", ("ACCUSE", "114", "FRA", "RUS")),
    ("Francia presento una protesta formal ante Rusia.", ("ACCUSE", "114", "FRA", "RUS")),
    ("Rusia levanto las sanciones contra Japon.", ("RETREAT", "085", "RUS", "JPN")),
    ("Venezuela no tiene intencion de negociar con Colombia.", ("REJECT", "125", "VEN", "COL")),
    ("Peru dijo que no acepta la decision de Colombia.", ("REJECT", "120", "PER", "COL")),
    # military
    ("Rusia lanzo misiles contra Japon.", ("ASSAULT", "195", "RUS", "JPN")),
    ("Rusia envio tropas a la frontera con Japon.", ("MOBILIZE", "154", "RUS", "JPN")),
    ("Rusia concentro tropas cerca de Japon.", ("MOBILIZE", "154", "RUS", "JPN")),
])
def test_news_style_triggers(text: str, expected: tuple[str, str, str, str]) -> None:
    evs = events(text)
    assert [(e.event, e.cameo, side(e.actor), side(e.recipient)) for e in evs] == [expected]


def test_llamo_a_is_an_appeal_unless_by_telephone() -> None:
    appeal = events("Francia llamo a Rusia a retirar sus tropas.")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in appeal] == [("REQUEST", "FRA", "RUS")]
    call = events("Francia llamo a Rusia por telefono.")
    assert [(e.event, e.cameo, side(e.actor), side(e.recipient)) for e in call] == [("CONSULT", "041", "FRA", "RUS")]


def test_a_missile_test_is_mobilisation_a_missile_strike_an_assault() -> None:
    assert [(e.event, e.cameo) for e in events("Rusia disparo un misil balistico.")] == [("MOBILIZE", "150")]
    assert [(e.event, e.cameo) for e in events("Rusia disparo misiles balisticos contra Japon.")] == [("ASSAULT", "195")]


def test_promised_response_is_a_threat_promised_help_an_agreement() -> None:
    threat = events("Venezuela prometio una dura respuesta contra Colombia.")
    assert [(e.event, e.provenance.lexicon_entry) for e in threat] == [("THREATEN", "es.vow.threat")]
    promise = events("Venezuela prometio ayuda a Colombia.")
    assert [(e.event, e.provenance.lexicon_entry) for e in promise] == [("AGREE", "es.promise.1")]


def test_para_combatir_is_a_purpose_not_a_fight() -> None:
    assert events("Francia envio medicos a Peru para combatir el brote de colera.") == []


def test_reflexive_promise_forms_are_matched() -> None:
    # "se comprometió a": the reflexive clitic is part of the trigger form
    evs = events("Venezuela se comprometio a cooperar con Colombia.")
    assert ("AGREE", "VEN", "COL") in {(e.event, side(e.actor), side(e.recipient)) for e in evs}


# -- issue #5 clause grammar (que-complements, relatives, coordination, places, participles) --------

#: a wider gazetteer of our own for the clause-grammar tests ("capital": a city that is a location)
GAZ2: dict[str, tuple[str | None, str | None, str, str]] = {
    **GAZ,
    "Japon": ("JPN", None, "JPN", "state"),
    "Vietnam": ("VNM", None, "VNM", "state"),
    "Ecuador": ("ECU", None, "ECU", "state"),
    "Organizacion de Estados Americanos": (None, "IGO", "IGOOAS", "org"),
    "Petro": ("COL", "ELI", "COLELI", "person"),
    "Maduro": ("VEN", "ELI", "VENELI", "person"),
    "peruano": ("PER", None, "PER", "demonym"),
    "ecuatoriano": ("ECU", None, "ECU", "demonym"),
    "rusas": ("RUS", None, "RUS", "demonym"),
    "rusos": ("RUS", None, "RUS", "demonym"),
    "presidente colombiano": ("COL", "GOV", "COLGOV", "role"),
    "presidente venezolano": ("VEN", "GOV", "VENGOV", "role"),
    "Lima": ("PER", "GOV", "PERGOV", "capital"),
    "Bogota": ("COL", "GOV", "COLGOV", "capital"),
}


def es2(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, actor side, recipient side) of each event of ``text`` (gazetteer :data:`GAZ2`)."""
    return [(e.event, side(e.actor), side(e.recipient)) for e in code_document(es_doc(text, GAZ2))]


def test_que_complement_subject_is_the_recipient_of_a_demand() -> None:
    assert es2("Japon exigio el viernes que Vietnam retire sus buques de la zona.") == [("REQUEST", "JPN", "VNM")]


def test_complement_clause_after_a_reporting_verb_keeps_the_speaker() -> None:
    # the subjectless clause after "anuncio que" is the speaker's own: a unilateral agreement
    assert es2("Ecuador anuncio el martes que acepto la propuesta.") == [("AGREE", "ECU", None)]


def test_notified_x_that_y_codes_y_not_x() -> None:
    got = es2("El gobierno de Colombia notifico a Francia que Venezuela se retirara de la Organizacion de Estados "
              "Americanos.")
    assert got == [("SANCTION", "VEN", "IGOOAS")]  # not IGO → VEN ("de" after a verb names no author)


def test_denial_reaches_across_que() -> None:
    assert es2("El gobierno de Colombia desmintio el martes que Venezuela haya suministrado armas a Rusia.") == []
    assert es2("Venezuela ha suministrado armas a Rusia.") == [("AID", "VEN", "RUS")]


def test_si_is_a_condition_only_when_unaccented_in_the_raw_text() -> None:
    assert es2("Preguntado sobre si Venezuela enviará tropas a Colombia, el portavoz no respondio.") == []
    assert es2("Sí, Venezuela enviará tropas a Colombia.") == [("MOBILIZE", "VEN", "COL")]
    # the reflexive "entre si" (accent dropped) is no condition
    assert [(t, r) for t, _, r in es2("Dos hermanos colombianos entre si fueron asesinados por paramilitares.")] \
        == [("ASSAULT", "COL")]


def test_both_leaders_stand_for_the_two_parties() -> None:
    got = es2("Petro se reunio con Maduro en Caracas, y ambos mandatarios acordaron reabrir la frontera.")
    assert ("AGREE", "COL", "VEN") in got or ("AGREE", "VEN", "COL") in got


def test_second_finite_verb_after_comma_y_is_its_own_event() -> None:
    got = es2("Rusia amenazo el lunes con cortar el gas a Francia, y acuso a Japon de espionaje.")
    assert ("ACCUSE", "RUS", "JPN") in got
    # an infinitive after ", y" stays the complement of the first verb
    got = es2("Colombia y Venezuela acordaron restablecer sus relaciones, rotas desde 2019, y reabrir la frontera.")
    assert not any(t == "RETREAT" for t, _, _ in got)


def test_al_que_names_the_recipient_of_the_relative_clause() -> None:
    got = es2("Francia y Peru rompieron relaciones con Bolivia, al que acusan de apoyar a los paramilitares.")
    assert {("ACCUSE", "FRA", "BOL"), ("ACCUSE", "PER", "BOL")} <= set(got)


def test_relative_clause_of_a_non_actor_noun_borrows_no_subject() -> None:
    got = es2("Francia envio ayuda a Peru tras el terremoto que mato a cientos de personas.")
    assert not any(t == "ASSAULT" for t, _, _ in got)


def test_intent_words() -> None:
    evs = code_document(es_doc("Rusia tiene previsto enviar tropas a Venezuela.", GAZ2))
    assert [(e.event, side(e.actor), side(e.recipient), e.intent) for e in evs] == [("MOBILIZE", "RUS", "VEN", True)]


def test_recipient_after_a_place_phrase_and_a_head_noun() -> None:
    want = [("CONSULT", "COL", "PER")]
    assert es2("Petro mantuvo conversaciones el martes en Lima con su homologo peruano.") == want
    assert es2("Petro mantuvo conversaciones el martes con su homologo peruano.") == want


def test_participle_with_por_agent_is_the_actor() -> None:
    got = es2("Peru y Ecuador acordaron el lunes un alto el fuego, en un pacto mediado por Francia.")
    assert {("CONSULT", "FRA", "PER"), ("CONSULT", "FRA", "ECU")} <= set(got)


def test_de_after_a_noun_trigger_form_is_its_target_and_after_a_verb_no_author() -> None:
    assert es2("Las fuerzas rusas lanzaron una invasion a gran escala de Venezuela.") == [("ASSAULT", "RUS", "VEN")]
    assert es2("Rusia rechazo las acusaciones de Francia.") == [("REJECT", "RUS", "FRA")]


def test_title_comma_name_comma_y_is_one_coordinated_subject() -> None:
    got = es2("El presidente colombiano, Petro, y el presidente venezolano, Maduro, acordaron reabrir la frontera.")
    assert ("AGREE", "COL", "VEN") in got or ("AGREE", "VEN", "COL") in got


def test_perfect_auxiliary_makes_a_participle_the_verb_over_a_generic_mention() -> None:
    doc = with_mention(es_doc("Francia dijo que Peru habia acusado a Bolivia de espionaje.", GAZ2), "acusado",
                       sector="CRM")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in code_document(doc)] == [("ACCUSE", "PER", "BOL")]


def test_of_phrase_of_a_speaker_after_the_verb_is_no_target() -> None:
    doc = with_mention(es_doc("El gobierno de Colombia detuvo a 40 sospechosos, informo el ministerio del Interior "
                              "de Peru.", GAZ2), "ministerio del Interior", sector="GOV")
    got = [(e.event, side(e.actor), side(e.recipient)) for e in code_document(doc)]
    assert got and not [r for _, _, r in got if r == "PER"]


def test_far_object_in_a_complement_clause_is_no_vso_subject() -> None:
    got = es2("Rusia dijo el martes que estudia un plan para atacar con misiles el territorio peruano.")
    assert got and all(a == "RUS" for _, a, _ in got)


def test_future_form_sets_intent() -> None:
    evs = code_document(es_doc("Venezuela enviará tropas a Colombia.", GAZ2))
    assert [(e.event, e.intent) for e in evs] == [("MOBILIZE", True)]
    evs = code_document(es_doc("Venezuela envio tropas a Colombia.", GAZ2))
    assert [(e.event, e.intent) for e in evs] == [("MOBILIZE", False)]


def test_second_preterite_after_y_is_its_own_event() -> None:
    got = es2("Rusia dijo que no tiene intencion de negociar con Francia y denunció las maniobras de Japon.")
    assert ("ACCUSE", "RUS", "JPN") in got


def test_comma_que_makes_the_antecedent_the_subject() -> None:
    got = es2("Francia recibio a Maduro, que acuso a Colombia de espionaje.")
    assert ("ACCUSE", "VEN", "COL") in got


def test_comma_y_opens_a_clause_with_its_own_subject() -> None:
    got = es2("Bolivia protesto despues de que paramilitares quemaran una aldea, y Francia ataco a Japon.")
    assert [(a, r) for t, a, r in got if t == "ASSAULT"] == [("FRA", "JPN")]


def test_talks_after_tras_are_a_background_event_not_a_complement() -> None:
    got = es2("Rusia prometio el martes reducir sus tropas tras las conversaciones con Japon en Lima.")
    assert ("CONSULT", "RUS", "JPN") in got


def test_capital_after_comma_y_is_a_new_subject_not_a_second_place() -> None:
    got = es2("Francia sanciono a Peru por abusos en Lima, y Bogota respondio con sanciones contra Francia.")
    assert ("SANCTION", "COL", "FRA") in got


def test_generic_word_after_a_complement_verb_is_no_vso_subject() -> None:
    doc = with_mention(es_doc("Rusia dijo que suspende la ayuda militar a Venezuela.", GAZ2), "militar", sector="MIL")
    got = [(e.event, side(e.actor), side(e.recipient)) for e in code_document(doc)]
    assert got == [("SANCTION", "RUS", "VEN")]


def test_con_phrase_after_a_de_phrase_belongs_to_the_noun() -> None:
    # the accusation targets the owner of the manoeuvres, not their partner; a capital in a
    # de-phrase is a possessor, not a location
    got = es2("Rusia denuncio las maniobras militares conjuntas de Bogota con Francia.")
    assert got == [("ACCUSE", "RUS", "COL")]


def test_noun_trigger_with_article_and_author_wins_over_a_generic_mention() -> None:
    # the actor layer may read "visita" as a generic noun; the visit of X to Y is X's
    text = "Peru y Francia elevaron sus relaciones durante la visita del presidente venezolano a Lima."
    got = [(e.event, side(e.actor), side(e.recipient))
           for e in code_document(with_mention(es_doc(text, GAZ2), "visita", sector="BUS"))]
    assert ("CONSULT", "VEN", "PER") in got
    # a participle used as a noun stays the actor layer's ("los detenidos de …" are people)
    text = "Los detenidos de Peru rechazaron la propuesta de Francia."
    got = [(e.event, side(e.actor)) for e in code_document(with_mention(es_doc(text, GAZ2), "detenidos",
                                                                        sector="CRM"))]
    assert not any(t == "COERCE" for t, _ in got)


def test_noun_trigger_author_and_its_contra_target() -> None:
    got = es2("Francia envio tropas al Sahel tras el ataque de Rusia contra Venezuela.")
    assert ("ASSAULT", "RUS", "VEN") in got and not any(t == "ASSAULT" and r == "FRA" for t, _, r in got)


def test_conditional_habria_reports_no_event() -> None:
    assert es2("Francia dijo que Rusia habria atacado a Venezuela.") == []
    assert es2("Francia dijo que Rusia ha atacado a Venezuela.") == [("ASSAULT", "RUS", "VEN")]


def test_demonym_right_after_a_noun_trigger_is_its_author() -> None:
    doc = with_mention(es_doc("Francia pidio a Bolivia que no cierre la frontera, tras los ataques rusos contra las "
                              "bases de Peru.", GAZ2), "cierre", sector="CVL")
    got = [(e.event, side(e.actor), side(e.recipient)) for e in code_document(doc)]
    assert ("ASSAULT", "RUS", "PER") in got


def test_demand_for_a_release_goes_to_the_detainer() -> None:
    got = es2("Rusia detuvo a un periodista frances, y Francia exigio su liberacion inmediata.")
    assert ("REQUEST", "FRA", "RUS") in got


def test_agentless_deaths_need_a_named_violence() -> None:
    """Issue #5: a victim word with no agent is coded only when the sentence names violence
    (``grammar.json`` es ``violence_cues``): a typhoon's dead are no attack."""
    storm = generic_events("El tifon toco tierra en Colombia y dejo 14 muertos entre los campesinos.",
                           {"campesinos": "AGR"})
    assert storm == []
    attack = generic_events("Un ataque en Colombia dejo 14 muertos entre los campesinos.", {"campesinos": "AGR"})
    assert [(e.event, e.actor, side(e.recipient)) for e in attack] == [("ASSAULT", None, "COL")]


def test_military_adjective_after_a_noun_is_no_actor() -> None:
    """Issue #5: *posiciones militares* is a noun's adjective (``adjective_agents``), *los militares*
    and *decenas de militares* are actors."""
    adj = generic_events("Las posiciones militares atacaron a Colombia.", {"militares": "MIL"})
    assert adj == []  # no actor: the positions are no one
    noun = generic_events("Decenas de militares atacaron a Colombia.", {"militares": "MIL"})
    assert [(e.event, e.actor and e.actor["sector"], side(e.recipient)) for e in noun] == [("ASSAULT", "MIL", "COL")]


def test_relative_clause_after_noun_and_adjective_has_no_main_subject() -> None:
    """Issue #5: in *una resolución … de los países árabes que exigía …* the relative clause's
    subject is the noun, not the main clause's actor; *Rusia dijo que exigía* stays Russia's."""
    rel = events("Rusia condeno a Japon por una resolucion de los paises arabes que exigia la retirada de Colombia.")
    assert [(e.event, side(e.actor)) for e in rel] == [("ACCUSE", "RUS")]
    said = events("Rusia dijo que exigia la retirada de Colombia.")
    assert [(e.event, side(e.actor)) for e in said] == [("REQUEST", "RUS")]
