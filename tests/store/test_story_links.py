"""Stories across languages through shared actors, dyads and time (not only shared events).

The articles are the team's own writing: reports of Blinken's June 2023 visit to Beijing in
English, Chinese, Vietnamese and French whose coded events did not merge (a meeting in one
language, an agreement or a visit in another), an article on the same dyad the same days about
other people, and articles about the same two people weeks later.
"""

from __future__ import annotations

from typing import Any

import pytest

from detente.store import stories

RAIMONDO = {"text": "Raimondo", "name": "Gina Raimondo", "country": "USA", "sector": "GOV", "code": "USAGOV",
            "id": "person:raimondo"}
WANG_WENTAO = {"text": "王文涛", "name": "Wang Wentao", "country": "CHN", "sector": "GOV", "code": "CHNGOV",
               "id": "person:wang_wentao"}


def _visit(fx: Any) -> list[Any]:
    """Four reports of the visit, four languages, four event types or dates: no shared event."""
    en = "Blinken met Qin Gang in Beijing on Sunday."
    zh = "中国外交部长秦刚19日同美国国务卿布林肯达成共识，同意保持高层交往。"
    vi = "Ngoại trưởng Mỹ Blinken đến Bắc Kinh, bắt đầu chuyến thăm Trung Quốc."
    fr = "Antony Blinken a exhorté Qin Gang à rétablir les canaux militaires."
    return [
        fx.make_doc(f"Blinken à Pékin\n\n{fr}", lang="fr", site="Le Monde", url="https://lemonde.example/blinken",
                    pub="2023-06-20",
                    events=[(fr, "a exhorté", {"event": "REQUEST", "cameo": "100", "goldstein": -5.0, "quad": 3,
                                               "actor": fx.BLINKEN, "recipient": fx.QIN, "date": "2023-06-19",
                                               "symmetric": False})]),
        fx.make_doc(f"Blinken meets Qin\n\n{en}", lang="en", site="Reuters", url="https://reuters.example/blinken-qin",
                    pub="2023-06-18",
                    events=[(en, "met", {"actor": fx.BLINKEN, "recipient": fx.QIN, "date": "2023-06-18",
                                         "location": fx.BEIJING})]),
        fx.make_doc(f"中美外长会谈\n\n{zh}", lang="zh", site="新华网", url="http://news.example.cn/qin-blinken",
                    pub="2023-06-19",
                    events=[(zh, "达成共识", {"event": "AGREE", "cameo": "030", "goldstein": 4.0,
                                              "actor": fx.QIN, "recipient": fx.BLINKEN, "date": "2023-06-19"})]),
        fx.make_doc(f"Blinken thăm Trung Quốc\n\n{vi}", lang="vi", site="VnExpress", url="https://vnexpress.example/b",
                    pub="2023-06-18",
                    events=[(vi, "chuyến thăm", {"event": "CONSULT", "mode": "visit", "actor": fx.BLINKEN,
                                                 "recipient": fx.CHN, "date": "2023-06", "precision": "month",
                                                 "symmetric": False}),
                            (vi, "Bắc Kinh", {"event": "COOPERATE", "cameo": "060", "goldstein": 6.0, "quad": 2,
                                              "actor": fx.BLINKEN, "recipient": fx.QIN, "date": "2023-06-17",
                                              "symmetric": False})]),
    ]


def _same_dyad_other_people(fx: Any) -> Any:
    """USA–CHN on the same days, other actors: another story."""
    s = "美国商务部长雷蒙多19日指责中国商务部长王文涛限制出口。"
    return fx.make_doc(f"出口管制\n\n{s}", lang="zh", site="财新", url="http://caixin.example/export", pub="2023-06-19",
                       events=[(s, "指责", {"event": "ACCUSE", "cameo": "112", "goldstein": -2.0, "quad": 3,
                                            "actor": RAIMONDO, "recipient": WANG_WENTAO, "date": "2023-06-19",
                                            "symmetric": False})])


def _weeks_later(fx: Any) -> Any:
    """The same two people and dyad three weeks later: another story."""
    s = "Blinken spoke with Qin Gang by phone on July 10 about fentanyl."
    return fx.make_doc(f"Blinken calls Qin\n\n{s}", lang="en", site="AP News", url="https://apnews.example/call",
                       pub="2023-07-10",
                       events=[(s, "spoke with", {"actor": fx.BLINKEN, "recipient": fx.QIN, "date": "2023-07-10"})])


def _story_of(store: Any, doc: Any) -> str:
    return str(store.document(doc.id)["story_id"])


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "one-document-per-batch"])
def test_reports_of_one_visit_form_one_story_across_languages(store: Any, fx: Any, one_by_one: bool) -> None:
    visit = _visit(fx)
    other, later = _same_dyad_other_people(fx), _weeks_later(fx)
    docs = [*visit, other, later]
    if one_by_one:
        for d in sorted(docs, key=lambda d: d.pub_date):
            store.ingest([d])
    else:
        store.ingest(docs)
    assert len({e["id"] for e in store.events()}) == 6  # nothing merged: 5 visit events, other, later
    sid = _story_of(store, visit[1])
    assert {_story_of(store, d) for d in visit} == {sid}
    story = store.story(sid)
    assert set(story["langs"]) == {"en", "zh", "vi", "fr"} and story["num_documents"] == 4
    # decoded, not JSON text: the visit is between the USA and China
    assert isinstance(story["actor_counts"], dict)
    assert story["actor_counts"].get("USA", 0) > 0 and story["actor_counts"].get("CHN", 0) > 0
    assert all(isinstance(s["actor_counts"], dict) for s in store.stories())
    assert {d["lang"] for d in store.related(visit[2].id)} == {"en", "vi", "fr"}  # the zh report's related
    assert _story_of(store, other) != sid  # same dyad and days, other people
    assert _story_of(store, later) != sid  # same people and dyad, three weeks later
    assert store.stats()["stories"] == 3


def test_a_story_does_not_chain_through_weeks_of_coverage(store: Any, fx: Any) -> None:
    """A report every three days on the same pair: the story stops growing after a week."""
    docs = []
    for i, day in enumerate(("2023-06-01", "2023-06-04", "2023-06-07", "2023-06-10", "2023-06-13")):
        s = f"Blinken and Qin Gang talked again on day {i}."
        docs.append(fx.make_doc(f"Talks {i}\n\n{s}", lang="en", site="Reuters", url=f"https://r.example/{i}",
                                pub=day, events=[(s, "talked", {"event": "CONSULT", "actor": fx.BLINKEN,
                                                                "recipient": fx.QIN, "date": day})]))
    store.ingest(docs)
    sids = [_story_of(store, d) for d in docs]
    assert sids[0] == sids[1] == sids[2]  # within a week of the story's first day
    assert sids[3] != sids[0] and sids[3] == sids[4]  # a new story from day 10


def test_signature_keys() -> None:
    blinken = {"id": "P_antony_blinken", "country": "USA", "code": "USAGOV"}
    assert stories.specific_actor(blinken) == "P_antony_blinken"
    for country_level in ({"id": "CHN", "country": "CHN", "code": "CHN"},
                          {"id": "state:CHN", "country": "CHN", "code": "CHNGOV"},
                          {"id": "CAP_CHN", "country": "CHN", "code": "CHNGOV"}, {"country": "CHN"}, None):
        assert stories.specific_actor(country_level) is None
    china = {"id": "CHN", "country": "CHN", "code": "CHN"}
    assert stories.story_keys_of_records([{"actor": blinken, "recipient": china}]) == [
        "a:P_antony_blinken", "d:CHN-USA"]
    # countries only, or a person without a second country: nothing to link on
    assert stories.story_keys_of_records([{"actor": {"id": "USA", "country": "USA"}, "recipient": china}]) == []
    assert stories.story_keys_of_records([{"actor": blinken, "recipient": None}]) == []


def test_best_story_needs_a_dyad_and_an_actor_close_in_time() -> None:
    keys = ["a:P_x", "d:CHN-USA"]
    first = {"s1": "2023-06-18", "s2": "2023-06-18", "s3": "2023-06-01"}
    assert stories.best_story(keys, "2023-06-19", [("d:CHN-USA", "2023-06-18", "s1")], first) is None
    hits = [("d:CHN-USA", "2023-06-18", "s1"), ("a:P_x", "2023-06-18", "s1")]
    assert stories.best_story(keys, "2023-06-19", hits, first) == "s1"
    assert stories.best_story(keys, "2023-06-25", hits, first) is None  # outside the window
    late = [("d:CHN-USA", "2023-06-18", "s3"), ("a:P_x", "2023-06-18", "s3")]
    assert stories.best_story(keys, "2023-06-19", late, first) is None  # s3 began 18 days earlier


def test_signatures_link_to_stored_stories_in_a_batch_spanning_months(store: Any, fx: Any) -> None:
    """Stored reports are found per group of documents close in time, whatever the batch spans."""
    visit = _visit(fx)
    store.ingest([visit[1]])  # the English report is stored first

    def far(day: str) -> Any:
        s = f"Blinken and Qin Gang spoke again on {day}."
        return fx.make_doc(f"Call {day}\n\n{s}", lang="en", site="AP News", url=f"https://apnews.example/{day}",
                           pub=day, events=[(s, "spoke", {"actor": fx.BLINKEN, "recipient": fx.QIN, "date": day})])

    early, late = far("2023-02-01"), far("2023-11-02")
    store.ingest([early, visit[0], visit[2], visit[3], late])
    sid = _story_of(store, visit[1])
    assert {_story_of(store, d) for d in visit} == {sid}
    assert len({sid, _story_of(store, early), _story_of(store, late)}) == 3
