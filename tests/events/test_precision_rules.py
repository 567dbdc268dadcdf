"""Precision rules of the coder (false-positive classes found on the dev sets) and the
document-level trigger scan: questions, conditions, participial adjuncts, self-dyads, the
domestic-target convention, victim entries, entry ranking, and ``lexicon_patterns``."""

from __future__ import annotations

from collections.abc import Callable

import detente.events
from detente.events import code_document, lexicon_patterns
from detente.events.coder import SentenceCoder
from detente.events.lexicon import LEXICON_LANGS, load_lexicon
from detente.records import ActorMention, Document, Event

MakeDoc = Callable[..., Document]


def sides(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """(type, actor side, recipient side) of events; an unknown actor is ``None``."""
    def side(x: dict | None) -> str | None:
        return None if x is None else (x.get("country") or x.get("code"))
    return {(e.event, side(e.actor), side(e.recipient)) for e in events}


def with_sector(doc: Document, word: str, sector: str) -> Document:
    """Add a country-less generic sector mention (*protesters*, *police*) for ``word``."""
    i = doc.text.index(word)
    doc.mentions.append(ActorMention(start=i, end=i + len(word), text=word, entry=f"test.sector.{word}", name=word,
                                     country=None, sector=sector, code="---" + sector, kind="sector"))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


# -- lexicon_patterns ------------------------------------------------------------------------

def test_lexicon_patterns_covers_every_language() -> None:
    pats = lexicon_patterns()
    assert "lexicon_patterns" in detente.events.__all__
    assert pats == sorted(set(pats)) and all(pats)
    union = set().union(*(load_lexicon(lang).patterns for lang in LEXICON_LANGS))
    assert set(pats) == union
    for form in ("agreed", "protesta", "会谈", "biểu tình", "مظاهرة"):
        assert form in pats, form


def test_entries_of_a_form_come_best_first() -> None:
    """The coder takes the first entry whose constraints hold: entries must be rank-ordered."""
    for lang in LEXICON_LANGS:
        lex = load_lexicon(lang)
        for idx in lex.by_pattern:
            ranks = [lex.entries[i].rank for i in idx]
            assert ranks == sorted(ranks, reverse=True), (lang, [lex.entries[i].id for i in idx])


# -- false-positive classes ------------------------------------------------------------------

def test_questions_report_no_event(make_doc: MakeDoc) -> None:
    assert sides(code_document(make_doc("Japan condemned North Korea.", "en"))) == {("ACCUSE", "JPN", "PRK")}
    assert code_document(make_doc("Will Japan condemn North Korea?", "en")) == []
    assert code_document(make_doc("日本会谴责朝鲜吗？", "zh")) == []


def test_conditions_are_not_events(make_doc: MakeDoc) -> None:
    assert ("AGREE", "UKR", None) in sides(code_document(make_doc("Ukraine agreed to resume talks.", "en")))
    got = sides(code_document(make_doc("Russia will keep fighting unless Ukraine agreed to talks.", "en")))
    assert not any(t == "AGREE" for t, _, _ in got), got


def test_threat_keeps_its_recipient_inside_the_condition(make_doc: MakeDoc) -> None:
    # the condition is not coded, but it does not cut the clause: its party stays findable
    got = sides(code_document(make_doc("Japan threatened sanctions unless China released the crew.", "en")))
    assert ("THREATEN", "JPN", "CHN") in got


def test_participial_adjunct_of_material_conflict_is_no_event(make_doc: MakeDoc) -> None:
    evs = code_document(make_doc("Russia shelled Ukraine on Monday, killing 11 people.", "en"))
    assert sides(evs) == {("ASSAULT", "RUS", "UKR")}
    assert all(e.evidence.trigger != "killing" for e in evs)


def test_one_party_same_country_same_sector() -> None:
    def m(entry: str, country: str, sector: str | None, kind: str = "state") -> ActorMention:
        return ActorMention(start=0, end=1, text="x", entry=entry, name="x", country=country, sector=sector,
                            code=country + (sector or ""), kind=kind)
    assert SentenceCoder._one_party(m("a", "RUS", None), m("b", "RUS", None, "demonym"))
    assert SentenceCoder._one_party(m("a", "RUS", "MIL", "sector"), m("b", "RUS", "MIL", "sector"))
    assert not SentenceCoder._one_party(m("a", "RUS", "COP", "sector"), m("b", "RUS", "CVL", "sector"))
    assert not SentenceCoder._one_party(m("a", "RUS", None), m("b", "UKR", None))


# -- domestic target -------------------------------------------------------------------------

def test_protest_without_target_is_against_the_own_government(make_doc: MakeDoc) -> None:
    doc = with_sector(make_doc("Thousands of protesters marched in Paris on Sunday.", "en"), "protesters", "CVL")
    evs = code_document(doc)
    assert len(evs) == 1
    e = evs[0]
    assert e.event == "PROTEST" and "domestic_target" in e.flags
    assert (e.actor["country"], e.actor["code"]) == ("FRA", "FRACVL")  # protesters in Paris: French
    assert (e.recipient["country"], e.recipient["code"]) == ("FRA", "FRAGOV")


def test_no_domestic_target_when_another_country_is_named(make_doc: MakeDoc) -> None:
    doc = with_sector(make_doc("Protesters rallied in Paris against Russia.", "en"), "Protesters", "CVL")
    got = sides(code_document(doc))
    # the target stays Russia (no domestic target); the protesters are placed in France (Paris)
    assert got == {("PROTEST", "FRA", "RUS")}, got


# -- victim entries --------------------------------------------------------------------------

def test_victim_entry_codes_the_victims_as_recipient(make_doc: MakeDoc, validate_event) -> None:  # type: ignore[no-untyped-def]
    evs = code_document(make_doc("Murieron dos soldados de Colombia en un ataque.", "es"))
    assert sides(evs) == {("ASSAULT", None, "COL")}
    e = evs[0]
    assert e.actor is None and "victim" in e.flags and e.provenance.lexicon_entry == "es.killed.1"
    assert e.to_dict()["actor"] is None
    validate_event(e.to_dict())  # an unknown attacker is a valid record (actor: null)


# -- document-level scan ---------------------------------------------------------------------

def test_document_scan_maps_hits_to_their_sentences(make_doc: MakeDoc) -> None:
    doc = make_doc("Japan condemned North Korea.\nThe weather was fine.\nChina agreed to talks with Vietnam.", "en")
    evs = code_document(doc)
    by_sentence = {(e.evidence.start, e.event) for e in evs}
    starts = [s.start for s in doc.sentences]
    assert (starts[0], "ACCUSE") in by_sentence
    assert all(e.evidence.start != starts[1] for e in evs)
    for e in evs:  # trigger offsets point into the document text
        assert doc.text[e.evidence.trigger_start:e.evidence.trigger_end] == e.evidence.trigger


# -- reported requests, hostile vows, denials -------------------------------------------------

def test_reported_obligation_is_a_request_by_the_speaker(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("The United States declared on Tuesday that China must drop its barriers.",
                                       "en")))
    assert got == {("REQUEST", "USA", "CHN")}
    got = sides(code_document(make_doc("China must drop its barriers, Japan said.", "en")))
    assert got == {("REQUEST", "JPN", "CHN")}
    assert code_document(make_doc("China must drop its barriers.", "en")) == []  # nobody asks


def test_hostile_vow_is_a_threat_not_a_promise(make_doc: MakeDoc) -> None:
    assert sides(code_document(make_doc("Iran vowed to retaliate against Israel.", "en"))) == \
        {("THREATEN", "IRN", "ISR")}
    assert ("AGREE", "JPN", "PHL") in sides(code_document(
        make_doc("Japan pledged to help the Philippines upgrade its coast guard.", "en")))


def test_denied_acts_are_not_events(make_doc: MakeDoc) -> None:
    assert ("AID", "CHN", "RUS") in sides(code_document(make_doc("China supplied weapons to Russia.", "en")))
    assert code_document(make_doc("China denied on Tuesday that it had supplied weapons to Russia.", "en")) == []
    assert code_document(make_doc("Trung Quốc bác tin cung cấp vũ khí cho Nga.", "vi")) == []


# -- triggers naming their actor; subsumed partial events ------------------------------------

def test_trigger_that_names_its_actor(make_doc: MakeDoc) -> None:
    evs = code_document(make_doc("رفع المتظاهرون لافتات في القاهرة.", "ar"))
    assert [(e.event, e.provenance.lexicon_entry) for e in evs] == [("PROTEST", "ar.protesters.1")]
    e = evs[0]  # the protesters in Cairo: Egyptian civilians against their government
    assert (e.actor["code"], e.recipient["code"]) == ("EGYCVL", "EGYGOV")
    assert "actor_from_trigger" in e.flags and "domestic_target" in e.flags


def test_partial_copy_of_a_full_dyad_is_dropped() -> None:
    from detente.events.coder import _drop_subsumed
    from detente.records import Evidence, Provenance

    def ev(a: str | None, r: str | None, kind: str = "ASSAULT") -> Event:
        def side(c: str | None) -> dict | None:
            return None if c is None else {"text": c, "name": c, "country": c, "sector": None, "code": c}
        return Event(doc_id="d", lang="es", event=kind, cameo="190", goldstein=-10.0, quad_class=4, actor=side(a),
                     recipient=side(r), evidence=Evidence("s", 0, 1, "x", 0, 1), provenance=Provenance("c", "e"))
    full, victim_only, actor_only = ev("VEN", "COL"), ev(None, "COL"), ev("VEN", None)
    other_victim, other_type = ev(None, "PER"), ev(None, "COL", "COERCE")
    kept = _drop_subsumed([full, victim_only, actor_only, other_victim, other_type])
    assert kept == [full, other_victim, other_type]
    assert _drop_subsumed([victim_only, actor_only]) == [victim_only, actor_only]  # no full dyad: keep both


def test_speaker_phrase_with_head_noun_is_not_a_recipient(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Japan detained two activists, a spokeswoman for the U.S. embassy said.", "en")))
    # the speaker's country is no second party either: the domestic-target convention holds as in
    # "Japan detained two activists." (Japan → Japan), never the United States as the target
    assert got == {("COERCE", "JPN", "JPN")}, got
    # a comma ends the speaker phrase: the party before it stays the recipient
    got = sides(code_document(make_doc("The United States imposed sanctions on China, Blinken said.", "en")))
    assert got == {("SANCTION", "USA", "CHN")}, got


def test_progressive_is_not_passive_and_that_opens_a_subject(make_doc: MakeDoc) -> None:
    # "is withdrawing" is no passive; the group after "that" is the complement's subject
    got = sides(code_document(make_doc(
        "Blinken notified the United Nations that the United States is withdrawing from the treaty with Russia.",
        "en")))
    assert ("SANCTION", "USA", "RUS") in got and not any(a == "IGOUNO" for _, a, _ in got), got


def test_coordinated_aid_is_not_reciprocal(make_doc: MakeDoc) -> None:
    assert ("AGREE", "JPN", "VNM") in sides(code_document(make_doc("Japan and Vietnam agreed to boost trade.", "en"))) \
        or ("AGREE", "VNM", "JPN") in sides(code_document(make_doc("Japan and Vietnam agreed to boost trade.", "en")))
    got = sides(code_document(make_doc("Japan and South Korea provided aid after the earthquake.", "en")))
    assert not any(t == "AID" for t, _, _ in got), got


# -- relative clauses, routes, "anti-X" --------------------------------------------------------

def test_relative_clause_of_a_non_actor_takes_no_outside_actor(make_doc: MakeDoc) -> None:
    # the threat's subject is "talks" (no actor): the main clause's parties must not be borrowed
    got = sides(code_document(make_doc(
        "Japan signed a trade pact with Vietnam after months of difficult talks that at one stage threatened to "
        "wreck ties with China.", "en")))
    assert ("SUPPORT", "JPN", "VNM") in got and not any(t == "THREATEN" for t, _, _ in got), got
    got = sides(code_document(make_doc("France condemned the raid, which killed four civilians in Iraq.", "en")))
    assert not any(t == "ASSAULT" for t, _, _ in got), got
    # an actor inside the relative clause still acts
    got = sides(code_document(make_doc("Japan welcomed the accord which Russia signed with China.", "en")))
    assert ("SUPPORT", "RUS", "CHN") in got or ("SUPPORT", "CHN", "RUS") in got, got
    assert not any(a == "JPN" and r == "CHN" for _, a, r in got), got


def test_relative_rule_leaves_complements_and_actor_antecedents(make_doc: MakeDoc) -> None:
    # "that" after a verb (or a time word after it) opens a complement: the main subject stays
    assert ("THREATEN", "JPN", "CHN") in sides(code_document(make_doc(
        "Japan warned that it would impose sanctions on China.", "en")))
    assert ("SANCTION", "JPN", "CHN") in sides(code_document(make_doc(
        "Japan announced on Friday that it will impose sanctions on China.", "en"))) or \
        ("THREATEN", "JPN", "CHN") in sides(code_document(make_doc(
            "Japan announced on Friday that it will impose sanctions on China.", "en")))
    # an actor antecedent ("Russia, which …") may still be the relative clause's actor
    got = sides(code_document(make_doc("Russia, which attacked Ukraine last year, threatened Poland.", "en")))
    assert ("ASSAULT", "RUS", "UKR") in got, got


def test_from_to_route_is_no_recipient(make_doc: MakeDoc) -> None:
    doc = with_sector(make_doc("Angry farmers blocked the main highway from France to Germany for six hours.",
                               "en"), "farmers", "AGR")
    got = sides(code_document(doc))
    assert not any(r == "DEU" for _, _, r in got), got
    doc = with_sector(make_doc("Angry farmers blocked roads to Germany for six hours.", "en"), "farmers", "AGR")
    assert any(r == "DEU" for _, _, r in sides(code_document(doc)))  # a plain "to" target stays


def test_anti_prefixed_country_is_no_actor(make_doc: MakeDoc) -> None:
    assert ("ACCUSE", "CHN", "JPN") in sides(code_document(make_doc("China condemned Japan.", "en")))
    assert code_document(make_doc("An anti-Japan rally condemned the plan.", "en")) == []
    got = sides(code_document(make_doc("Anti-Japan activists in Beijing condemned Vietnam.", "en")))
    assert not any(a == "JPN" for _, a, _ in got), got


# -- reduced relatives, measures, document nouns, borders, own-side authors ---------------------

def test_reduced_relative_participle_is_no_clause_of_the_subject(make_doc: MakeDoc) -> None:
    # "equipment confiscated last month from X" modifies the noun: Japan confiscated nothing
    got = sides(code_document(make_doc(
        "Japan said it would hand back the vessels and equipment confiscated last month from China.", "en")))
    assert not any(t == "COERCE" for t, _, _ in got), got
    # an active verb takes its object first, and a subject right before the verb keeps it active
    got = sides(code_document(make_doc("Japan confiscated vessels and equipment from China.", "en")))
    assert ("COERCE", "JPN", "CHN") in got, got


def test_by_with_a_measure_is_no_agent(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Egypt on Friday shortened by two hours the curfew in Cairo.", "en")))
    assert ("CONCEDE", "EGY", "EGY") in got, got
    # a participle + "by" + an agent stays a reduced relative (no event of the subject)
    got = sides(code_document(make_doc("Egypt on Friday returned property seized by Israel.", "en")))
    assert not any(a == "EGY" and t == "COERCE" for t, a, _ in got), got


def test_document_noun_before_an_ing_trigger_is_a_verb_cue(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Japan issued a statement condemning North Korea.", "en")))
    assert ("ACCUSE", "JPN", "PRK") in got, got
    got = sides(code_document(make_doc("Egypt issued a declaration demanding that Israel halt the raids.", "en")))
    assert ("REQUEST", "EGY", "ISR") in got, got


def test_a_partys_border_with_another_is_a_place(make_doc: MakeDoc) -> None:
    doc = make_doc("Egypt threatened to deploy troops near Israel's border with Lebanon.", "en")
    got = sides(code_document(doc))
    assert not any(r == "LBN" for _, _, r in got), got
    # a plain "border with X" after its owner's verb keeps X
    got = sides(code_document(make_doc("Egypt threatened to close its border with Israel.", "en")))
    assert ("THREATEN", "EGY", "ISR") in got, got
    got = sides(code_document(make_doc("Egypt threatened to deploy troops near the border with Lebanon.", "en")))
    assert ("THREATEN", "EGY", "LBN") in got, got


def test_accusation_of_the_subjects_own_side_takes_no_victim_as_target(make_doc: MakeDoc) -> None:
    doc = make_doc("Japan is investigating abuses by Japanese officers against Chinese workers.", "en")
    doc.mentions = [m for m in doc.mentions if m.text != "Chinese"]
    i = doc.text.index("Japanese")
    doc.mentions.append(ActorMention(start=i, end=i + 8, text="Japanese", entry="test.JPN.Japan", name="Japan",
                                     country="JPN", sector=None, code="JPN"))
    i = doc.text.index("Chinese workers")
    doc.mentions.append(ActorMention(start=i, end=i + 15, text="Chinese workers", entry="test.CHNLAB", name="x",
                                     country="CHN", sector="LAB", code="CHNLAB", kind="sector"))
    doc.mentions.sort(key=lambda m: m.start)
    got = sides(code_document(doc))
    assert not any(t == "ACCUSE" and r == "CHN" for t, _, r in got), got
    # another party's abuses stay the target
    got = sides(code_document(make_doc("Japan is investigating abuses by Russia against Chinese fishermen.", "en")))
    assert ("ACCUSE", "JPN", "RUS") in got, got


def test_with_absolute_construction_names_the_actor_of_its_participle(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc(
        "Japan and Russia held tense talks in Beijing, with Blinken accusing China of threatening stability.", "en")))
    assert ("ACCUSE", "USA", "CHN") in got, got
    assert not any(t == "ACCUSE" and a in ("JPN", "RUS") for t, a, _ in got), got


def test_request_author_asks_the_subject_and_is_no_target(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Canada arrested two executives at the request of the United States.", "en")))
    assert ("REQUEST", "USA", "CAN") in got, got
    assert not any(r == "USA" for t, _, r in got if t != "REQUEST"), got
    # the author lends no country to a generic actor, nor a domestic target
    doc = with_sector(make_doc("Police arrested two executives at the request of Japan.", "en"), "Police", "COP")
    got = sides(code_document(doc))
    assert not any(a == "JPN" and t == "COERCE" for t, a, _ in got) and not any(r == "JPN" for _, _, r in got), got


def test_clause_opened_by_a_preposition_like_break_word_has_its_own_subject(make_doc: MakeDoc) -> None:
    # "after protesters stormed …": "after" opens a clause; the protesters are its subject,
    # the main clause's subject is not borrowed
    doc = with_sector(make_doc("Egypt recalled its envoy from Iran after protesters stormed the embassy in Cairo.",
                               "en"), "protesters", "CVL")
    got = sides(code_document(doc))
    assert any(t == "PROTEST" and a == "EGY" for t, a, _ in got), got  # Egyptian protesters (in Cairo)
    assert not any(t == "PROTEST" and a == "EGY" and r == "IRN" for t, a, r in got), got
    doc = with_sector(make_doc("Egypt recalled its envoy from Iran after the protesters stormed the embassy.",
                               "en"), "protesters", "CVL")
    assert not any(t == "PROTEST" and e.flags and "subject_from_context" in e.flags
                   for e in code_document(doc) for t in [e.event])


def test_object_of_the_first_verb_is_no_subject_of_the_second(make_doc: MakeDoc) -> None:
    doc = with_sector(make_doc("Japan deported more than 100 Chinese workers to Vietnam on Friday, and protesters "
                               "in Paris attacked the Japanese embassy.", "en"), "protesters", "CVL")
    got = sides(code_document(doc))
    assert not any(t == "PROTEST" and a in ("JPN", "VNM", "CHN") for t, a, _ in got), got
    assert any(t == "PROTEST" and a == "FRA" for t, a, _ in got), got


def test_to_after_response_is_a_preposition_not_a_verb_cue(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Japan recalled its envoy from China in response to attacks on Japanese ships.",
                                       "en")))
    assert not any(t == "ASSAULT" for t, _, _ in got), got
    # an infinitive "to" still cues the verb
    got = sides(code_document(make_doc("Russia threatened to attack Ukraine.", "en")))
    assert any(t in ("THREATEN", "ASSAULT") and a == "RUS" for t, a, _ in got), got


def test_coercion_with_no_country_on_either_side_is_not_coded(make_doc: MakeDoc) -> None:
    doc = with_sector(make_doc("Crowds burned down the embassy on Friday.", "en"), "Crowds", "CVL")
    assert code_document(doc) == []
    doc = with_sector(make_doc("The union began collecting signatures on Friday.", "en"), "union", "LAB")
    assert code_document(doc) == []
    # with a country (the place of the event) the coercion stays
    doc = with_sector(make_doc("Police arrested two journalists in Cairo.", "en"), "Police", "COP")
    assert any(t == "COERCE" and a == "EGY" for t, a, _ in sides(code_document(doc)))


def test_reciprocal_pronoun_makes_each_party_act_on_the_other(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc("Japan and China accused each other of provocations.", "en")))
    assert {("ACCUSE", "JPN", "CHN"), ("ACCUSE", "CHN", "JPN")} <= got, got
    # a reciprocal exchange of accusations takes no complement: a later event of the clause stays
    evs = code_document(make_doc("Japan and China traded accusations at the start of their talks in Beijing.", "en"))
    assert {e.event for e in evs} >= {"ACCUSE", "CONSULT"}, evs


def test_specific_entry_of_a_shorter_form_beats_a_plain_longer_form(make_doc: MakeDoc) -> None:
    # "agreed on Friday to a truce": "agreed on" has only the plain AGREE reading; the truce
    # entry of "agreed" holds and is more specific
    evs = code_document(make_doc("India and Pakistan agreed on Friday to a truce.", "en"))
    assert [e.provenance.lexicon_entry for e in evs] == ["en.agree.ceasefire"], evs
    # no specific reading holds: the longest form stays
    evs = code_document(make_doc("India and Pakistan agreed on Friday to resume trade.", "en"))
    assert [e.event for e in evs] == ["AGREE"], evs


def test_release_demand_is_addressed_to_the_holder(make_doc: MakeDoc) -> None:
    # the detention's actor in the sentence …
    got = sides(code_document(make_doc("Russia detained a Japanese diplomat, and Japan demanded his immediate release.",
                                       "en")))
    assert ("REQUEST", "JPN", "RUS") in got, got
    # … else the country of the place where the person is held (never the detainee's own country)
    got = sides(code_document(make_doc(
        "Japan demanded the release of a Japanese engineer who was detained in Beijing last year.", "en")))
    assert ("REQUEST", "JPN", "CHN") in got, got


def test_mediator_of_a_deal_mediates_between_the_parties(make_doc: MakeDoc) -> None:
    got = sides(code_document(make_doc(
        "India and Pakistan agreed to resume trade, in a deal brokered by Qatar on Friday.", "en")))
    assert {("CONSULT", "QAT", "IND"), ("CONSULT", "QAT", "PAK")} <= got, got
    # "hosted by" after no talks/deal noun is no mediation
    got = sides(code_document(make_doc("Blinken attended a dinner hosted by Qatar in Paris.", "en")))
    assert not any(a == "QAT" for _, a, _ in got), got


def test_a_state_after_a_located_place_is_its_address_not_a_party() -> None:
    """*met in Busan, South Korea, in October*: the state names where Busan is; the meeting is
    between the two leaders, at Busan (en, vi, es alike; full pipeline, shipped actor table)."""
    from detente import extract

    cases = ["Chinese President Xi Jinping and Donald Trump met in Busan, South Korea, in October.",
             "Tập Cận Bình và Donald Trump gặp nhau tại Busan, Hàn Quốc, hôm thứ Năm.",
             "Xi Jinping y Donald Trump se reunieron en Busan, Corea del Sur, el jueves."]
    for text in cases:
        evs = extract([text])
        assert {frozenset((a, r)) for t, a, r in sides(evs) if t == "CONSULT"} == {frozenset(("CHN", "USA"))}, \
            (text, sides(evs))
        assert all(e.location and e.location["name"] == "Busan" for e in evs), text
    # a state followed by a coordinator is the subject of a new clause, not an address
    got = sides(extract(["Talks were held in Beijing, China and Russia agreed to expand trade."]))
    assert ("AGREE", "CHN", "RUS") in got or ("AGREE", "RUS", "CHN") in got
