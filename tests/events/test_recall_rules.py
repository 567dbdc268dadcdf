"""English recall rules (issue #5 real-news target): calls for sanctions, opened hearings, an
adverb between auxiliary and verb, attacks at a place on that country's own people, the report's
source is no second country, and former states in the evaluation. The coder is tested with a
hand-made gazetteer (:mod:`detente.events.testing`), whatever the actor table says."""

from __future__ import annotations

from detente.events import code_document
from detente.events.evaluate import gold_side, matches, pred_side
from detente.events.testing import GazetteerValue, gazetteer_document
from detente.records import Event, Evidence, Provenance

GAZ: dict[str, GazetteerValue] = {
    "Norway": ("NOR", None, "NOR", "state"), "Myanmar": ("MMR", None, "MMR", "state"),
    "Indian parliament": ("IND", "LEG", "INDLEG", "sector"), "Chinese troops": ("CHN", "MIL", "CHNMIL", "sector"),
    "Benin": ("BEN", None, "BEN", "state"), "Ghanaians": ("GHA", None, "GHA", "demonym"),
    "Mosul": ("IRQ", None, "IRQ", "place", True), "Iraqi soldiers": ("IRQ", "MIL", "IRQMIL", "sector"),
    "Baghdad": ("IRQ", "GOV", "IRQGOV", "capital"),
    "Canada": ("CAN", None, "CAN", "state"), "Russian officials": ("RUS", "GOV", "RUSGOV", "sector"),
    "Afghan rebels": ("AFG", "REB", "AFGREB", "sector"), "Kabul": ("AFG", "GOV", "AFGGOV", "capital"),
    "Polish news agency": ("POL", "MED", "POLMED", "sector"),
}


def coded(text: str) -> set[tuple[str, str | None, str | None, str]]:
    """(type, actor code, recipient code, lexicon entry) of the events of ``text``."""
    evs = code_document(gazetteer_document(text, "en", GAZ))
    return {(e.event, (e.actor or {}).get("code"), (e.recipient or {}).get("code"), e.provenance.lexicon_entry)
            for e in evs}


def test_a_call_for_sanctions_is_an_accusation_not_a_sanction() -> None:
    assert coded("Norway called for sanctions against Myanmar after the shootings.") == {
        ("ACCUSE", "NOR", "MMR", "en.call_sanctions")}
    assert coded("Norway imposed sanctions on Myanmar.") == {("SANCTION", "NOR", "MMR", "en.sanction.1")}


def test_an_opened_hearing_into_is_an_investigation() -> None:
    assert coded("The Indian parliament opened a public hearing on Monday into abuses by Chinese troops.") == {
        ("ACCUSE", "INDLEG", "CHNMIL", "en.investigate.hearing")}
    assert coded("The Indian parliament held a hearing about Chinese troops.") == set()  # no "into"


def test_still_between_auxiliary_and_verb_keeps_the_verb_reading() -> None:
    assert coded("Benin was still refusing admittance to Ghanaians.") == {("REJECT", "BEN", "GHA", "en.reject.1")}


def test_an_attack_at_a_place_on_its_own_country_s_people() -> None:
    # no named attacker: the place's country attacks its own soldiers (not "one party")
    assert coded("An explosion near the town of Mosul killed three Iraqi soldiers.") == {
        ("ASSAULT", "IRQ", "IRQMIL", "en.kill.1")}
    # a capital stays one party with its own state's people ("Baghdad … Iraqi soldiers" as metonym)
    assert coded("Baghdad killed three Iraqi soldiers.") == {("ASSAULT", "IRQGOV", None, "en.kill.1")}


def test_refused_entry_and_prohibited_aid_are_sanctions() -> None:
    assert coded("Canada refused entry to Russian officials.") == {("SANCTION", "CAN", "RUSGOV", "en.deny_entry")}
    assert coded("Canada prohibited all aid to Myanmar.") == {("SANCTION", "CAN", "MMR", "en.cutaid.1")}


def test_the_source_of_the_report_is_no_second_country_for_the_domestic_target() -> None:
    text = "Afghan rebels blew up power lines near Kabul, the Polish news agency reported."
    assert ("COERCE", "AFGREB", "AFG", "en.sabotage.1") in coded(text)


def _event(kind: str, actor_country: str, recipient_country: str | None) -> Event:
    def side(c: str | None) -> dict | None:
        return None if c is None else {"text": c, "name": c, "country": c, "sector": None, "code": c}
    return Event(doc_id="d", lang="en", event=kind, cameo="111", goldstein=-2.0, quad_class=3,
                 actor=side(actor_country), recipient=side(recipient_country),
                 evidence=Evidence("s", 0, 1, "x", 0, 1), provenance=Provenance("c", "e"))


def test_former_states_count_as_their_successor_in_the_evaluation() -> None:
    assert pred_side({"country": "SUN", "code": "SUNGOV"}) == "RUS"
    assert pred_side({"country": "ZAR", "code": "ZAR"}) == "COD"
    assert pred_side({"country": "POL", "code": "POL"}) == "POL"
    assert gold_side("USR") == gold_side("SUNGOV") == "RUS"
    assert gold_side("GDR") == gold_side("DDR") == "DEU"
    assert matches(("ACCUSE", gold_side("USR"), gold_side("USA")), _event("ACCUSE", "SUN", "USA"))
    assert not matches(("ACCUSE", gold_side("USR"), gold_side("USA")), _event("ACCUSE", "DDR", "USA"))
