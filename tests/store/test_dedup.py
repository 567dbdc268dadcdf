"""Dedup: one event, many reports — across documents, sites, languages and runs, without the
GDELT inflation, and without merging a genuinely different meeting of the same pair."""

from __future__ import annotations

from typing import Any

from detente.store import dedup


def _beijing(store: Any) -> dict[str, Any]:
    (ev,) = [e for e in store.events(dyad="USA-CHN", since="2023-06-01", until="2023-06-30")]
    return ev


def test_same_meeting_in_three_languages_is_one_event(store: Any, fx: Any) -> None:
    docs = fx.beijing_talks()
    store.ingest(docs)
    ev = _beijing(store)
    assert ev["num_mentions"] == 5
    assert ev["num_sources"] == 5
    assert ev["num_languages"] == 3
    assert ev["date"] == "2023-06-18" and ev["date_precision"] == "day"
    assert (ev["first_seen"], ev["last_seen"]) == ("2023-06-18", "2023-06-19")
    assert sorted(m["doc_id"] for m in ev["mentions"]) == sorted(d.id for d in docs)
    assert {m["lang"] for m in ev["mentions"]} == {"en", "zh", "vi"}
    assert store.stats()["events"] == 1


def test_later_meeting_of_the_same_pair_stays_separate(store: Any, fx: Any) -> None:
    store.ingest([*fx.beijing_talks(), fx.later_meeting()])
    evs = store.events(dyad="USA-CHN")
    assert len(evs) == 2
    later = [e for e in evs if e["date"] == "2023-10-26"]
    assert len(later) == 1 and later[0]["num_mentions"] == 1
    assert _beijing(store)["num_mentions"] == 5


def test_merging_across_runs_and_orders(store: Any, fx: Any) -> None:
    docs = fx.beijing_talks()
    for d in reversed(docs):  # one document per run, newest first
        store.ingest([d])
    ev = _beijing(store)
    assert (ev["num_mentions"], ev["num_sources"], ev["num_languages"]) == (5, 5, 3)
    assert ev["date"] == "2023-06-18"  # the day-precision date wins over the month-precision report
    assert ev["first_seen"] == "2023-06-18"


def test_repeated_coverage_does_not_inflate(store: Any, fx: Any) -> None:
    """One abduction, copied verbatim by 40 sites and re-reported 3 times by its own site."""
    s = "Gunmen abducted the Chinese engineers near the border on 3 May."
    kw = {"event": "ASSAULT", "cameo": "181", "goldstein": -9.0, "quad": 4, "actor": None, "recipient": fx.CHN,
          "date": "2024-05-03", "symmetric": False}
    original = fx.make_doc(f"Abduction\n\n{s}", lang="en", site="Dawn", url="https://dawn.example/abduction",
                           pub="2024-05-03", events=[(s, "abducted", kw)])
    copies = [fx.make_doc(original.text, lang="en", site=f"Aggregator {i}", url=f"https://agg{i}.example/a",
                          pub="2024-05-04", events=[(s, "abducted", kw)], salt=str(i)) for i in range(40)]
    updates = [fx.make_doc(f"Abduction update {i}\n\n{s} Talks continue.", lang="en", site="Dawn",
                           url=f"https://dawn.example/abduction-{i}", pub="2024-05-04", events=[(s, "abducted", kw)])
               for i in range(3)]
    store.ingest([original, *copies, *updates], batch_size=7)
    (ev,) = store.events()
    assert ev["num_mentions"] == 4  # the original and three updates: verbatim copies are not counted
    assert ev["num_sources"] == 1
    assert len(ev["mentions"]) == 44  # every report stays linked
    assert store.stats()["events"] == 1


def test_other_dyad_or_direction_never_merges(store: Any, fx: Any) -> None:
    store.ingest([*fx.beijing_talks(), fx.unrelated()])
    s1 = "Ukraine accused Russia of shelling the plant on June 18."
    back = fx.make_doc(f"Counter-claim\n\n{s1}", lang="en", site="Kyiv Independent", url="https://kyiv.example/x",
                       pub="2023-06-18", events=[(s1, "accused", {
                           "event": "ACCUSE", "cameo": "112", "goldstein": -2.0, "quad": 3,
                           "actor": {**fx.CHN, "country": "UKR", "code": "UKRGOV", "id": "state:UKR"},
                           "recipient": {**fx.CHN, "country": "RUS", "code": "RUSGOV", "id": "state:RUS"},
                           "date": "2023-06-18", "symmetric": False})])
    store.ingest([back])
    assert len(store.events(dyad="RUS-UKR")) == 2  # accusations in opposite directions are two events
    assert store.stats()["events"] == 3


def test_window_location_and_mode_rules(store: Any, fx: Any) -> None:
    s = "Blinken met Wang Yi."
    base = {"actor": fx.BLINKEN, "recipient": fx.WANG}

    def doc(i: int, **kw: Any) -> Any:
        return fx.make_doc(f"Meeting {i}\n\n{s}", lang="en", site=f"Site {i}", url=f"https://s{i}.example/",
                           pub=kw.pop("pub", "2023-11-15"), events=[(s, "met", {**base, **kw})])

    store.ingest([
        doc(1, date="2023-11-15", location=fx.WASHINGTON, mode="visit"),
        doc(2, date="2023-11-16", location=fx.WASHINGTON, mode="host"),  # +1 day, the host's side: same event
        doc(3, date="2023-11-20", location=fx.WASHINGTON),          # +5 days: another meeting
        doc(4, date="2023-11-15", location=fx.BEIJING),             # same day, other city: another meeting
        doc(5, date="2023-11", precision="month"),                 # month precision, no place: merges
        doc(6, date="2023-11-15", mode="phone", location=fx.WASHINGTON),  # a phone call is not the meeting
    ])
    evs = store.events(dyad="USA-CHN")
    counts = sorted(e["num_mentions"] for e in evs)
    assert counts == [1, 1, 1, 3]


def test_dedup_rules_unit() -> None:
    assert dedup.merge_key("CONSULT", "USA", "CHN", False) == dedup.merge_key("CONSULT", "CHN", "USA", False)
    assert dedup.merge_key("ACCUSE", "USA", "CHN", False) != dedup.merge_key("ACCUSE", "CHN", "USA", False)
    assert dedup.merge_key("ACCUSE", "USA", "CHN", True) == dedup.merge_key("ACCUSE", "CHN", "USA", True)
    assert dedup.pad_day("2023") == "2023-01-01" and dedup.pad_day("2023-06") == "2023-06-01"
    assert dedup.window("2023-02-10", "month") == ("2023-02-01", "2023-02-28")
    assert dedup.window("2023-12-31", "day") == ("2023-12-29", "2024-01-02")
    assert dedup.dates_compatible("2023-06-18", "day", "2023-06-20", "day")
    assert not dedup.dates_compatible("2023-06-18", "day", "2023-06-21", "day")
    assert dedup.dates_compatible("2023-06-01", "month", "2023-06-30", "day")
    assert not dedup.dates_compatible("2023-06-01", "month", "2023-07-01", "day")
    assert dedup.dates_compatible("2023-01-01", "year", "2023-12-31", "day")
    c = dedup.Candidate("e", "2023-06-18", "day", None, "Beijing", 39.9, 116.4)
    assert dedup.locations_compatible(c, "北京市", 39.95, 116.3)  # other name, 10 km
    assert not dedup.locations_compatible(c, "Shanghai", 31.2, 121.5)
    assert dedup.locations_compatible(c, None, None, None)
    assert dedup.modes_compatible("visit", "host") and dedup.modes_compatible(None, "phone")
    assert not dedup.modes_compatible("visit", "phone")
    assert dedup.best_match([c], None, None, None, None, None, None) is None


def _undated_doc(fx: Any, text: str, url: str, sentences: list[tuple[str, dict[str, Any]]]) -> Any:
    doc = fx.make_doc(text, lang="en", site="Undated Wire", url=url, pub="2023-06-20",
                      events=[(s, "held talks", {"actor": fx.BLINKEN, "recipient": fx.QIN, **kw}) for s, kw in sentences])
    doc.pub_date = None  # a page with no date anywhere: its events are undated
    for e in doc.events:
        e.date = e.date_precision = None
    return doc


def test_undated_reports_merge_within_their_document_only(store: Any, fx: Any) -> None:
    s1 = "Blinken held talks with Qin Gang in Beijing."
    s2 = "The State Department said Blinken held talks with Qin Gang for seven hours."
    s3 = "Blinken held talks with Qin Gang in Washington later."
    one = _undated_doc(fx, f"{s1} {s2} {s3}", "https://undated.example/a",
                       [(s1, {"location": fx.BEIJING}), (s2, {}), (s3, {"location": fx.WASHINGTON})])
    other = _undated_doc(fx, f"Talks. {s1}", "https://undated.example/b", [(s1, {"location": fx.BEIJING})])
    store.ingest([one, other])
    evs = sorted(store.events(dyad="USA-CHN"), key=lambda e: -e["num_mentions"])
    # the lead and the restatement of the Beijing talks: one event; Washington: another place, another
    # event; the other undated page: never merged with this one (no date tells they are the same talks)
    assert [(e["num_mentions"], e["date"]) for e in evs] == [(2, None), (1, None), (1, None)]
    assert {m["doc_id"] for m in evs[0]["mentions"]} == {one.id}
