"""English grammar: a bare base form after a modal (*will restore*) or after *to* following a word
of commitment or intent (*is about to restore*, *vowed to wage war*) reads as a verb, so the
seeded CAMEO verb entries (otherwise held to past forms, since base forms are so often nouns in
news prose) code it — with the clause's subject as actor and the object/with-phrase as recipient.
A *to* after a noun (a purpose clause: *used tear gas to disperse*) or a gerund (*failing to
uphold*) does not count. Tested with a hand-made gazetteer (:mod:`detente.events.testing`) of
invented and real actors, whatever the actor table says."""

from __future__ import annotations

from detente.events import code_document
from detente.events.coder import coder_for
from detente.events.testing import GazetteerValue, gazetteer_document

GAZ: dict[str, GazetteerValue] = {
    "Valdoria": ("VAL", None, "VAL", "state"), "Ostrenia": ("OST", None, "OST", "state"),
    "Peru": ("PER", None, "PER", "state"), "Chile": ("CHL", None, "CHL", "state"),
    "Ostrenian police": ("OST", "COP", "OSTCOP", "sector"),
}


def dyads(text: str) -> set[tuple[str | None, str | None]]:
    """(actor code, recipient code) of the events of ``text``."""
    return {((e.actor or {}).get("code"), (e.recipient or {}).get("code"))
            for e in code_document(gazetteer_document(text, "en", GAZ))}


def test_base_form_after_will_is_a_verb() -> None:
    assert ("VAL", "OST") in dyads("Valdoria will restore full diplomatic ties with Ostrenia.")
    assert ("PER", "CHL") in dyads("Peru would restore diplomatic relations with Chile next month.")


def test_base_form_after_an_infinitive_of_intent_is_a_verb() -> None:
    assert ("VAL", "OST") in dyads("Valdoria is about to restore full diplomatic ties with Ostrenia.")
    assert ("PER", "CHL") in dyads("Peru vowed on Friday to restore diplomatic ties with Chile.")


def test_the_past_form_still_codes_and_the_bare_noun_reading_does_not() -> None:
    assert ("VAL", "OST") in dyads("Valdoria restored diplomatic ties with Ostrenia.")
    # "to" after a noun is a purpose clause, no cue: the seeded "disperse" stays out
    assert dyads("Ostrenian police used tear gas to disperse protesters in Valdoria.") == set()


def test_to_after_a_noun_or_a_gerund_is_no_verb_cue() -> None:
    en = coder_for("en")
    assert en is not None
    assert en._base_verb("restore", "valdoria is about to ")
    assert en._base_verb("restore", "peru vowed on friday to ")
    assert en._base_verb("restore", "valdoria will ")
    assert not en._base_verb("disperse", "ostrenian police used tear gas to ")
    assert not en._base_verb("uphold", "peru is failing to ")
    assert not en._base_verb("attack", "in response to ")
    assert not en._base_verb("restores", "valdoria will ")  # an -s form is no base form
    assert not en._base_verb("restoring", "valdoria is about to ")


def test_coordinated_subject_with_modifiers_on_a_conjunct() -> None:
    # adjectives (and their determiner) before the last conjunct, and an Oxford comma, keep the run
    assert dyads("Peru and the ever cautious Valdoria welcomed talks with Ostrenia.") == {
        ("PER", "OST"), ("VAL", "OST")}
    assert dyads("Peru, Chile, and Valdoria welcomed Ostrenia.") == {("PER", "OST"), ("CHL", "OST"), ("VAL", "OST")}
    en = coder_for("en")
    assert en is not None
    coord = en.gram.coord
    assert en._en_coord_gap(["and", "the", "evil", "awful"], coord) == "and"
    assert en._en_coord_gap([",", "and", "good"], coord, in_list=True) == "and"
    # no comma list open: ", and" may join two clauses ("struck Lebanon, and Iran vowed …")
    assert en._en_coord_gap([",", "and", "good"], coord) == ", and good"
    # a participle, an adverb or a function word is no adjective of a conjunct: the gap stays
    assert en._en_coord_gap(["and", "the", "attacked"], coord) == "and the attacked"
    assert en._en_coord_gap(["said", "on", "monday", "and"], coord) == "said on monday and"


def test_between_phrase_gives_both_recipients_of_a_one_sided_act() -> None:
    assert dyads("Chile welcomed a resumption of formal diplomatic ties between Valdoria and Ostrenia.") == {
        ("CHL", "VAL"), ("CHL", "OST")}
    # with a coordinated subject: each party of the subject to each party of the between-phrase,
    # not the subject's members to one another
    assert dyads("Peru and Chile welcomed the new accord between Valdoria and Ostrenia.") == {
        ("PER", "VAL"), ("PER", "OST"), ("CHL", "VAL"), ("CHL", "OST")}


def test_passive_with_an_adverb_between_auxiliary_and_participle() -> None:
    assert dyads("Valdoria was strongly condemned by Ostrenia on Monday.") == {("OST", "VAL")}
    assert dyads("Valdoria was heavily and unjustly criticized by Ostrenia.") == {("OST", "VAL")}
    # an agentless passive names no actor: the with-phrase is no recipient of an active reading
    assert dyads("Valdoria was heavily and unjustly criticized over its dispute with Ostrenia.") == set()


def test_sever_or_abandon_ties_after_a_modal() -> None:
    evs = code_document(gazetteer_document("Valdoria will abandon full diplomatic ties with Ostrenia.", "en", GAZ))
    assert [(e.event, e.provenance.lexicon_entry, (e.actor or {}).get("code"), (e.recipient or {}).get("code"))
            for e in evs] == [("SANCTION", "en.cut_ties.2", "VAL", "OST")]


def test_compound_role_of_a_user_agent_is_recorded_by_its_primary_role() -> None:
    gaz: dict[str, GazetteerValue] = {**GAZ, "Valdoria's foreign minister": ("VAL", "GOVFRM", "VALGOVFRM", "sector")}
    evs = code_document(gazetteer_document("Valdoria's foreign minister urged Ostrenia to respond.", "en", gaz))
    assert [((e.actor or {}).get("code"), (e.actor or {}).get("sector"), (e.recipient or {}).get("code"))
            for e in evs] == [("VALGOVFRM", "GOV", "OST")]
