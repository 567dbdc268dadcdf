"""The obvious events of the real sample articles (../shared/samples) come out with the right
dyads, and nothing comes from furniture. Only what the coder achieves today is asserted; the
events it still misses are listed in MISSING (and in the coder's report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.pipeline import Pipeline
from detente.records import Document, Event

#: Sample events the coder does not produce yet (documentation, not assertions):
MISSING = {
    "000": "the Beijing fentanyl talks: their actors are unnamed officials (官员们)",
}


@pytest.fixture(scope="module")
def coded(samples_dir: Path) -> dict[str, Document]:
    pipe = Pipeline()
    out = {}
    for f in sorted(samples_dir.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out[f.name[:3]] = pipe.process(Document(id=Document.make_id(text), source=str(f), raw_text=text))
    return out


def side(x: dict | None) -> str | None:
    return None if x is None else (x.get("country") or x.get("code"))


def has(doc: Document, kind: str, a: str, r: str, *, location: str | None = None, trigger: str | None = None,
        intent: bool | None = None) -> Event:
    """The first event of ``kind`` between ``a`` and ``r`` (either direction if symmetric)."""
    for e in doc.events:
        if e.event != kind:
            continue
        pa, pr = side(e.actor), side(e.recipient)
        if not ((pa, pr) == (a, r) or (e.symmetric and (pr, pa) == (a, r))):
            continue
        if location is not None and (e.location is None or e.location["name"] != location):
            continue
        if trigger is not None and trigger not in e.evidence.trigger:
            continue
        if intent is not None and e.intent != intent:
            continue
        return e
    got = [(e.event, side(e.actor), side(e.recipient), e.evidence.trigger) for e in doc.events]
    raise AssertionError(f"no {kind} {a}->{r} (location={location}, trigger={trigger}); got {got}")


def test_bangkok_talks_lifting_sanctions_and_sullivans_request(coded: dict[str, Document]) -> None:
    doc = coded["000"]
    e = has(doc, "CONSULT", "CHN", "USA", location="Bangkok")
    assert e.symmetric and e.location["lat"] is not None and e.location["lon"] is not None
    has(doc, "AGREE", "USA", "CHN", trigger="同意")  # Washington agreed to lift the sanctions
    has(doc, "REQUEST", "USA", "CHN", trigger="敦促")  # Sullivan urged Wang Yi


def test_alaska_dialogue_accusations_climate_group_sanctions_lavrov(coded: dict[str, Document]) -> None:
    doc = coded["001"]
    has(doc, "CONSULT", "USA", "CHN", location="Alaska")
    has(doc, "ACCUSE", "USA", "CHN", trigger="cáo buộc")  # the US accusations China answered
    has(doc, "AGREE", "CHN", "USA", trigger="nhất trí")  # the climate working group (both sides)
    has(doc, "SANCTION", "USA", "CHN")  # new US sanctions on Chinese officials
    e = has(doc, "CONSULT", "RUS", "CHN")  # Lavrov flies to China
    assert not e.symmetric and e.mode == "visit"


def test_blinken_qin_talks_and_chinas_refusal(coded: dict[str, Document]) -> None:
    doc = coded["002"]
    e = has(doc, "CONSULT", "USA", "CHN", location="Beijing")
    assert e.evidence.trigger.endswith("hội đàm")
    assert not any(x.location and x.location["name"] == "Beijing" and side(x.actor) == "CHN"
                   and x.actor.get("id", "").startswith("CAP_") for x in doc.events)  # Beijing is a place here
    has(doc, "REJECT", "CHN", "USA", trigger="từ chối")  # refuses regular military talks
    # Blinken's invitation: "Qin" alone resolves to Qin Gang, named in full earlier in the article
    e = has(doc, "AGREE", "USA", "CHN", trigger="mời")
    assert e.recipient is not None and e.recipient["name"] == "Qin Gang"


def test_alaska_meeting_and_wang_yis_request(coded: dict[str, Document]) -> None:
    doc = coded["003"]
    e = has(doc, "CONSULT", "USA", "CHN", location="Anchorage")
    assert e.intent and "intent" in e.flags  # "will meet"
    has(doc, "REQUEST", "CHN", "USA")  # Wang Yi hopes the US will lift restrictions


def test_nothing_from_furniture(coded: dict[str, Document]) -> None:
    for doc in coded.values():
        for e in doc.events:
            assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.sentence
            for r in doc.removed:
                if r.text.strip() and r.text.strip() in doc.text:
                    continue  # a repeated headline removed as a duplicate: the kept copy is text
                assert e.evidence.sentence.strip() not in r.text


def test_every_sample_event_is_a_valid_record(coded: dict[str, Document], validate_event) -> None:  # type: ignore[no-untyped-def]
    n = 0
    for doc in coded.values():
        for e in doc.events:
            validate_event(e.to_dict())
            assert e.actor is not None and (e.actor.get("country") or e.actor.get("sector"))
            n += 1
    assert n > 0
