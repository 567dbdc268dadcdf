"""A near-duplicate republished days later reports the original's events (issue #6).

A copy dates its undated sentences by its own publication date, outside the date window of the
original's events: its mentions must still merge into the original's events (and not be counted),
while a genuinely different later meeting of the same pair stays a separate event.
"""

from __future__ import annotations

from typing import Any

import pytest

HANOI = {"text": "Hanoi", "name": "Hanoi", "country": "VNM", "lat": 21.03, "lon": 105.85}
LIMA = {"text": "Lima", "name": "Lima", "country": "PER", "lat": -12.05, "lon": -77.04}

LEAD = "Blinken and Wang Yi held three hours of talks in Hanoi on trade and export controls."
BODY = [
    "Both delegations described the meeting as constructive but said large differences remained.",
    "Wang Yi urged Washington to lift the export restrictions imposed on Chinese technology firms.",
    "The two ministers agreed to keep working channels open between their foreign ministries.",
    "Officials said a follow-up round could take place before the end of the year in either capital.",
]


def _events(fx: Any, extra: list[tuple[str, str, dict[str, Any]]] | None = None
            ) -> list[tuple[str, str, dict[str, Any]]]:
    """The coded events of the article: none carries a date of its own (the page date applies)."""
    return [
        (LEAD, "held three hours of talks", {"actor": fx.BLINKEN, "recipient": fx.WANG, "location": HANOI}),
        (BODY[1], "urged", {"event": "REQUEST", "cameo": "020", "goldstein": 3.0, "actor": fx.WANG,
                            "recipient": fx.USA, "symmetric": False}),
        (BODY[2], "agreed", {"event": "AGREE", "cameo": "030", "goldstein": 4.0, "actor": fx.BLINKEN,
                             "recipient": fx.WANG}),
        *(extra or []),
    ]


def _original(fx: Any) -> Any:
    text = "Talks in Hanoi\n\n" + " ".join([LEAD, *BODY])
    return fx.make_doc(text, lang="en", site="Hanoi Times", url="https://hanoitimes.example/talks", pub="2024-03-04",
                       events=_events(fx))


def _copy(fx: Any, pub: str = "2024-03-08", extra_sentence: str = "",
          extra: list[tuple[str, str, dict[str, Any]]] | None = None) -> Any:
    """The same body under another title and furniture on a casino site (not a verbatim copy)."""
    text = "HOT NEWS: US and China talk trade\n\n" + " ".join([LEAD, *BODY]) + extra_sentence
    return fx.make_doc(text, lang="en", site="Mega Jackpot Casino", url="https://megajackpot.example/news/hanoi",
                       pub=pub, events=_events(fx, extra), raw_extra="\nSpin and win! Bonus slots today. " * 3)


def _later_meeting(fx: Any) -> Any:
    """The same pair meets again four days later, elsewhere: a different text, a different event."""
    s = "Blinken met Wang Yi again on the sidelines of the ministerial meeting in Lima."
    text = ("Second meeting in Lima\n\n" + s + " The talks focused on fentanyl and on military communication. "
            "Neither side announced an agreement after the short meeting at the conference centre.")
    return fx.make_doc(text, lang="en", site="Andes Post", url="https://andespost.example/lima", pub="2024-03-08",
                       events=[(s, "met", {"actor": fx.BLINKEN, "recipient": fx.WANG, "location": LIMA})])


def _usa_chn(store: Any) -> list[dict[str, Any]]:
    return sorted(store.events(dyad="USA-CHN"), key=lambda e: (e["date"], e["event"], e["num_mentions"]))


def _by_type(evs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for e in evs:
        out.setdefault(e["event"], []).append(e)
    return out


@pytest.mark.parametrize("same_batch", [True, False])
def test_late_copy_merges_into_the_original_events(store: Any, fx: Any, same_batch: bool) -> None:
    original, copy = _original(fx), _copy(fx)
    if same_batch:
        store.ingest([copy, original])  # order of the input does not matter: the earlier page is the original
    else:
        store.ingest([original])
        store.ingest([copy])
    assert "near_duplicate" in store.document(copy.id)["flags"]
    evs = _usa_chn(store)
    by_type = _by_type(evs)
    assert sorted(by_type) == ["AGREE", "CONSULT", "REQUEST"]
    for typ, es in by_type.items():
        assert len(es) == 1, (typ, es)  # no second event dated by the copy's publication date
        (ev,) = es
        assert ev["date"] == "2024-03-04"  # the original's date
        assert ev["num_mentions"] == 1 and ev["num_sources"] == 1  # the copy is linked, not counted
        assert sorted(m["doc_id"] for m in ev["mentions"]) == sorted([original.id, copy.id])
    assert store.stats()["events"] == 3


def test_copy_mention_without_counterpart_follows_the_normal_rule(store: Any, fx: Any) -> None:
    s = "A spokesman for the casino group said the tournament would move to Macau in June."
    extra = [(s, "said", {"event": "CONSULT", "actor": fx.BLINKEN, "recipient": fx.WANG, "location": LIMA})]
    original, copy = _original(fx), _copy(fx, extra_sentence=" " + s, extra=extra)
    store.ingest([original, copy])
    consult = _by_type(_usa_chn(store))["CONSULT"]
    # the Lima mention matches no event of the original (location 19,000 km away) nor any event in its
    # own date window: it becomes an event of its own, dated by the copy
    assert sorted((e["date"], e["location"]["name"]) for e in consult) == [("2024-03-04", "Hanoi"), ("2024-03-08", "Lima")]


def test_different_later_meeting_stays_separate(store: Any, fx: Any) -> None:
    original, copy, later = _original(fx), _copy(fx), _later_meeting(fx)
    store.ingest([original, later, copy])
    assert "near_duplicate" not in store.document(later.id)["flags"]
    consult = _by_type(_usa_chn(store))["CONSULT"]
    assert [(e["date"], e["location"]["name"], e["num_mentions"]) for e in consult] == [
        ("2024-03-04", "Hanoi", 1), ("2024-03-08", "Lima", 1)]
    hanoi = consult[0]
    assert sorted(m["doc_id"] for m in hanoi["mentions"]) == sorted([original.id, copy.id])


def test_later_meeting_with_no_location_is_not_absorbed_by_a_copy(store: Any, fx: Any) -> None:
    """Without a location to tell them apart, the later meeting four days on stays separate from
    the original's meeting: only the copy's own mentions reach across the date window."""
    s = "Blinken met Wang Yi again to continue the discussion on export controls and fentanyl."
    text = s + " No joint statement was issued after the meeting, which lasted about one hour in total."
    later = fx.make_doc(text, lang="en", site="Andes Post", url="https://andespost.example/again", pub="2024-03-08",
                        events=[(s, "met", {"actor": fx.BLINKEN, "recipient": fx.WANG})])
    store.ingest([_original(fx), _copy(fx), later])
    consult = _by_type(_usa_chn(store))["CONSULT"]
    assert sorted((e["date"], e["num_mentions"]) for e in consult) == [("2024-03-04", 1), ("2024-03-08", 1)]


def test_reingest_changes_nothing(store: Any, fx: Any) -> None:
    docs = [_original(fx), _copy(fx), _later_meeting(fx)]
    store.ingest(docs)
    def state() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return {k: v for k, v in store.stats().items() if k != "runs"}, _usa_chn(store)

    before = state()
    stats = store.ingest([_original(fx), _copy(fx), _later_meeting(fx)])
    assert stats.documents == 0 and stats.documents_existing == 3
    assert state() == before


def test_copy_of_copy_published_weeks_later(store: Any, fx: Any) -> None:
    """A second copy three weeks on (copying the first copy) still reports the original's events."""
    original, copy = _original(fx), _copy(fx)
    store.ingest([original, copy])
    text = "Recap: Hanoi talks\n\n" + " ".join([LEAD, *BODY])
    late = fx.make_doc(text, lang="en", site="Lucky Star Bets", url="https://luckystar.example/hanoi",
                       pub="2024-03-25", events=_events(fx))
    store.ingest([late])
    by_type = _by_type(_usa_chn(store))
    assert {t: len(es) for t, es in by_type.items()} == {"AGREE": 1, "CONSULT": 1, "REQUEST": 1}
    assert all(es[0]["date"] == "2024-03-04" and len(es[0]["mentions"]) == 3 for es in by_type.values())
