"""English wire-copy constructions found while writing ``gold/en_dev2.jsonl`` (the second English
dev set): directional extradition, nominal events with a by-agent (*a visit by X to Y*, *the
arrest of X by Y*), a demonym author before a noun (*an Israeli air strike*), agentless subjects
of passives with a by-agent (*food was delivered to X by Y*), author adjectives (*a U.S.-drafted
resolution*) and generic threat objects (*military action against X*), plus lexicon entries
for mobilisation, aid deliveries, resumed trade, concessions offered, charges and censorship.

Sentences are the team's own; actors come from a hand-made gazetteer
(:mod:`detente.events.testing`), so the rules are pinned on the coder alone."""

from __future__ import annotations

import pytest

from detente.events import code_document
from detente.events.testing import GazetteerValue, gazetteer_document

G: dict[str, GazetteerValue] = {
    "Thailand": ("THA", None, "THA", "state"),
    "China": ("CHN", None, "CHN", "state"),
    "Armenia": ("ARM", None, "ARM", "state"),
    "Pakistan": ("PAK", None, "PAK", "state"),
    "India": ("IND", None, "IND", "state"),
    "Turkey": ("TUR", None, "TUR", "state"),
    "Italy": ("ITA", None, "ITA", "state"),
    "Russia": ("RUS", None, "RUS", "state"),
    "Ukraine": ("UKR", None, "UKR", "state"),
    "Ukrainian": ("UKR", None, "UKR", "demonym"),
    "Mali": ("MLI", None, "MLI", "state"),
    "France": ("FRA", None, "FRA", "state"),
    "Poland": ("POL", None, "POL", "state"),
    "Japan": ("JPN", None, "JPN", "state"),
    "Security Council": (None, None, "IGOUNO", "org"),
    "U.S.": ("USA", None, "USA", "state"),
    "North Korea": ("PRK", None, "PRK", "state"),
    "South Korea": ("KOR", None, "KOR", "state"),
    "military": (None, "MIL", "---MIL", "sector"),
    "Gaza": ("PSE", None, "PSE", "state"),
    "the World Food Programme": (None, None, "IGOWFP", "org"),
    "Chile": ("CHL", None, "CHL", "state"),
    "Chilean President Gabriel Boric": ("CHL", "GOV", "CHLGOV", "person"),
    "Buenos Aires": ("ARG", None, "ARG", "capital"),
    "Indonesian": ("IDN", None, "IDN", "demonym"),
    "Indonesian authorities": ("IDN", "GOV", "IDNGOV", "sector"),
    "Australians": ("AUS", "CVL", "AUSCVL", "demonym"),
    "Israeli": ("ISR", None, "ISR", "demonym"),
    "Lebanon": ("LBN", None, "LBN", "state"),
}


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = gazetteer_document(text, "en", G)
    return [(e.event, (e.actor or {}).get("code"), (e.recipient or {}).get("code")) for e in code_document(doc)]


@pytest.mark.parametrize(("text", "expected"), [
    # extradition hands someone over: one-directional, the to-phrase receives
    ("Thailand extradited two men to China on Friday.", ("COOPERATE", "THA", "CHN")),
    # mobilisation
    ("Armenia called up 5,000 reservists on Tuesday.", ("MOBILIZE", "ARM", None)),
    ("Pakistan test-fired a ballistic missile on Monday.", ("MOBILIZE", "PAK", None)),
    ("North Korea fired two ballistic missiles into the sea on Sunday.", ("MOBILIZE", "PRK", None)),
    ("India put its air force on high alert on Friday.", ("MOBILIZE", "IND", None)),
    # aid with words between the verb and its noun; resumed trade
    ("Japan sent 20 tonnes of relief supplies to Turkey on Thursday.", ("AID", "JPN", "TUR")),
    ("Russia resumed gas deliveries to Italy on Wednesday.", ("COOPERATE", "RUS", "ITA")),
    # revoking agreements, charges, censorship
    ("Mali revoked its defence agreements with France on Monday.", ("SANCTION", "MLI", "FRA")),
    ("Poland charged a Ukrainian man with sabotage on Friday.", ("ACCUSE", "POL", "UKR")),
    ("Russia blocked access to Ukraine's news sites on Monday.", ("COERCE", "RUS", "UKR")),
])
def test_wire_lexicon(text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert expected in coded(text), coded(text)


def test_offer_to_release_is_a_concession() -> None:
    assert ("CONCEDE", "RUS", "UKR") in coded("Russia offered to release 50 Ukrainian prisoners of war.")


def test_author_adjective_is_no_target() -> None:
    got = coded("China vetoed a U.S.-drafted Security Council resolution on Friday.")
    assert ("REJECT", "CHN", "IGOUNO") in got
    assert not any(r == "USA" for _, _, r in got), got


def test_generic_threat_object_yields_to_the_named_country() -> None:
    got = coded("North Korea threatened to take military action against South Korea.")
    assert ("THREATEN", "PRK", "KOR") in got
    assert not any(r == "---MIL" for _, _, r in got), got


def test_passive_with_agent_and_no_named_subject() -> None:
    got = coded("Tonnes of food were delivered to Gaza by the World Food Programme on Sunday.")
    assert ("AID", "IGOWFP", "PSE") in got


def test_nominal_event_with_by_agent() -> None:
    assert ("CONSULT", "CHLGOV", "ARG") in coded(
        "A visit by Chilean President Gabriel Boric to Buenos Aires was his first abroad.")
    assert ("COERCE", "IDNGOV", "AUSCVL") in coded(
        "Ties cooled after the arrest of two Australians by Indonesian authorities last year.")


def test_demonym_before_a_noun_trigger_is_its_author() -> None:
    got = coded("Five people were killed in an Israeli air strike on a village in Lebanon.")
    assert ("ASSAULT", "ISR", "LBN") in got, got
    assert not any(ev == "PROTEST" for ev, _, _ in got), got


def test_noun_trigger_without_agent_stays_a_noun() -> None:
    # no by-phrase: "the visit" is still a noun with no actor of its own
    assert coded("The visit was postponed because of the weather.") == []


def test_agentless_passive_deployment_is_the_troops_own_mobilisation() -> None:
    G2 = {**G, "Russian troops": ("RUS", "MIL", "RUSMIL", "sector")}
    doc = gazetteer_document("More Russian troops will be deployed near the border, officials said.", "en", G2)
    assert ("MOBILIZE", "RUSMIL") in [(e.event, (e.actor or {}).get("code")) for e in code_document(doc)]
