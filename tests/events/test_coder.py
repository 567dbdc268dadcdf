"""The rule coder on hand-built documents (test gazetteer in conftest): grammar handling per
language, evidence/provenance, and the event record contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from detente.events import code_document
from detente.options import Options
from detente.records import Document
from detente.version import CODER_VERSION

MakeDoc = Callable[..., Document]


def dyads(doc: Document) -> set[tuple[str, str, str | None]]:
    """(type, actor country/code, recipient country/code) of the coded events; symmetric events
    with their two parties in alphabetical order."""
    out = set()
    for e in code_document(doc):
        a = e.actor["country"] or e.actor["code"]
        r = (e.recipient or {}).get("country") or (e.recipient or {}).get("code")
        if e.symmetric and r is not None and r < a:
            a, r = r, a
        out.add((e.event, a, r))
    return out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # coordination: two actors → two events
    ("en", "Japan and South Korea condemned North Korea.", {("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")}),
    ("en", "Japan, South Korea and India condemned Russia.",
     {("ACCUSE", "JPN", "RUS"), ("ACCUSE", "KOR", "RUS"), ("ACCUSE", "IND", "RUS")}),
    ("zh", "日本和韩国谴责朝鲜。", {("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")}),
    ("vi", "Nhật Bản và Hàn Quốc lên án Triều Tiên.", {("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")}),
    # reported speech: X said Y accused Z codes Y→Z
    ("en", "Sullivan said Japan accused China of hacking.", {("ACCUSE", "JPN", "CHN")}),
    ("zh", "王毅表示，俄罗斯指责乌克兰。", {("ACCUSE", "RUS", "UKR")}),
    ("vi", "Blinken cho biết Nga cáo buộc Ukraine.", {("ACCUSE", "RUS", "UKR")}),
    # passive voice
    ("en", "Japan was accused by China of lying.", {("ACCUSE", "CHN", "JPN")}),
    ("zh", "韩国被朝鲜指责。", {("ACCUSE", "PRK", "KOR")}),
    ("vi", "Iran bị Mỹ trừng phạt.", {("SANCTION", "USA", "IRN")}),
    # reciprocal verbs: one symmetric event
    ("en", "Japan and South Korea met in Paris.", {("CONSULT", "JPN", "KOR")}),
    ("zh", "王毅在曼谷与沙利文讨论了朝鲜问题。", {("CONSULT", "CHN", "USA")}),
    ("vi", "Blinken hội đàm với Qin Gang tại Bắc Kinh.", {("CONSULT", "CHN", "USA")}),
    # the two sides = both parties of the sentence
    ("zh", "王毅会见布林肯，双方同意加强沟通。", {("CONSULT", "CHN", "USA"), ("AGREE", "CHN", "USA")}),
    ("en", "Wang Yi met Blinken and the two sides agreed to keep talking.",
     {("CONSULT", "CHN", "USA"), ("AGREE", "CHN", "USA")}),
    # negation: no event
    ("en", "Japan did not meet China.", set()),
    ("zh", "美国没有与中国举行会谈。", set()),
    ("zh", "中国未与美国会谈。", set()),
    ("vi", "Mỹ không hội đàm với Trung Quốc.", set()),
    ("vi", "Nga chưa trừng phạt Mỹ.", set()),
    # nothing without identified actors
    ("en", "Talks were held on Monday.", set()),
    ("zh", "会谈于周一举行。", set()),
])
def test_grammar(lang: str, text: str, expected: set, make_doc: MakeDoc) -> None:
    assert dyads(make_doc(text, lang)) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The United States will impose new sanctions on China, Blinken said."),
    ("zh", "美国将对中国实施新一轮制裁。"),
    ("vi", "Mỹ sẽ trừng phạt Trung Quốc."),
    ("en", "The United States plans to sanction China."),
])
def test_intent_is_flagged(lang: str, text: str, make_doc: MakeDoc) -> None:
    events = code_document(make_doc(text, lang))
    assert [(e.event, e.actor["country"], e.recipient["country"]) for e in events] == [("SANCTION", "USA", "CHN")]
    assert events[0].intent and "intent" in events[0].flags


def test_intent_events_can_be_left_out(make_doc: MakeDoc) -> None:
    doc = make_doc("Mỹ sẽ trừng phạt Trung Quốc.", "vi")
    assert code_document(doc, Options(emit_intent=False)) == []


def test_capital_as_location_is_not_an_actor(make_doc: MakeDoc) -> None:
    events = code_document(make_doc("Japan and South Korea met in Beijing.", "en"))
    assert len(events) == 1
    e = events[0]
    assert {e.actor["country"], e.recipient["country"]} == {"JPN", "KOR"}
    assert e.symmetric
    assert e.location is not None and e.location["text"] == "Beijing" and e.location["lat"] == pytest.approx(39.9)


def test_capital_as_subject_is_an_actor(make_doc: MakeDoc) -> None:
    assert dyads(make_doc("Washington condemned Russia.", "en")) == {("ACCUSE", "USA", "RUS")}


def test_evidence_provenance_and_schema(make_doc: MakeDoc, validate_event) -> None:  # type: ignore[no-untyped-def]
    text = "Headline line\nThe European Union imposed new sanctions on Russia on Monday."
    doc = make_doc(text, "en", dt.date(2024, 2, 26))
    events = code_document(doc)
    assert len(events) == 1
    e = events[0]
    assert e.event == "SANCTION" and e.cameo == "163" and e.mode == "sanctions"
    assert e.goldstein == -8.0 and e.quad_class == 4
    assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
    assert text[e.evidence.trigger_start:e.evidence.trigger_end] == e.evidence.trigger
    assert e.evidence.trigger.startswith("imposed new sanctions")
    assert e.provenance.coder == CODER_VERSION
    assert e.provenance.lexicon_entry == "en.sanction.1"
    assert e.provenance.actor_entries == [e.actor["id"], e.recipient["id"]]
    assert e.actor["code"] == "IGOEU" and e.recipient["country"] == "RUS"
    assert e.date == "2024-02-26" and e.date_precision == "day"  # "on Monday" resolved (or pub date)
    assert 0 < e.confidence <= 1
    validate_event(e.to_dict())


def test_falls_back_to_publication_date(make_doc: MakeDoc) -> None:
    e = code_document(make_doc("Poland expelled Russian diplomats from Russia.", "en", dt.date(2023, 5, 4)))[0]
    assert (e.date, e.date_precision) == ("2023-05-04", "day")


def test_event_ids_are_stable(make_doc: MakeDoc) -> None:
    a = code_document(make_doc("Japan and South Korea condemned North Korea.", "en"))
    b = code_document(make_doc("Japan and South Korea condemned North Korea.", "en"))
    assert [e.id for e in a] == [e.id for e in b] and len({e.id for e in a}) == 2


def test_block_entries_suppress_non_event_readings(make_doc: MakeDoc) -> None:
    assert dyads(make_doc("Japan failed to meet the deadline set by China.", "en")) == set()


def test_noun_reading_needs_a_verb_cue(make_doc: MakeDoc) -> None:
    # "warning" / "attack" as nouns are not events; as verbs right after the subject they are
    assert dyads(make_doc("Japan shared missile warning data with South Korea.", "en")) == set()
    assert dyads(make_doc("Russia attacks Ukraine.", "en")) == {("ASSAULT", "RUS", "UKR")}


def test_sector_actors_only_for_protest_and_violence(make_doc: MakeDoc, validate_event) -> None:  # type: ignore[no-untyped-def]
    from detente.records import ActorMention

    def doc_with_sector(text: str) -> Document:
        doc = make_doc(text, "en")
        i = text.index("Protesters")
        doc.mentions = sorted([*doc.mentions, ActorMention(start=i, end=i + 10, text="Protesters", entry="t.cvl", name="protesters", country=None, sector="CVL", code="---CVL", kind="sector")], key=lambda m: m.start)
        return doc

    events = code_document(doc_with_sector("Protesters rioted outside the parliament in Cairo."))
    assert [(e.event, e.actor["code"], e.actor["country"]) for e in events] == [("PROTEST", "EGYCVL", "EGY")]
    validate_event(events[0].to_dict())
    assert code_document(doc_with_sector("Protesters met Japan on Monday.")) == []
    # no country on either side (no place, no target): nobody identified, nothing coded
    assert code_document(doc_with_sector("Protesters rioted outside the parliament.")) == []


def test_plover_intent_convention_recodes_future_events(make_doc: MakeDoc) -> None:
    doc = make_doc("The United States will impose new sanctions on China.", "en")
    flag = code_document(doc)
    assert [(e.event, e.intent) for e in flag] == [("SANCTION", True)]
    plover = code_document(doc, Options(extra={"intent_mode": "plover"}))
    assert [(e.event, e.cameo, e.intent) for e in plover] == [("THREATEN", "131", True)]
    coop = code_document(make_doc("Japan will send aid to Myanmar.", "en"), Options(extra={"intent_mode": "plover"}))
    assert [(e.event, e.cameo) for e in coop] == [("AGREE", "033")]
