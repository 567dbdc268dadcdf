"""Chinese and Vietnamese clause grammar of the rule coder (issue #5): topic phrases of talks
(就 … 问题, *về vấn đề …*) name no parties, *the two sides* then come from the context, and a
country before 境内 is a place phrase, not an actor.

Documents are built with a small gazetteer of our own (no actor layer): the tests pin the
coder + grammar behaviour only."""

from __future__ import annotations

from detente.events import code_document
from detente.events.testing import gazetteer_document
from detente.records import Document, Event

#: surface form → (country, sector, code, kind)
GAZ: dict[str, tuple[str | None, str | None, str, str]] = {
    "中国": ("CHN", None, "CHN", "state"),
    "俄罗斯": ("RUS", None, "RUS", "state"),
    "印度": ("IND", None, "IND", "state"),
    "巴西": ("BRA", None, "BRA", "state"),
    "叙利亚": ("SYR", None, "SYR", "state"),
    "伊朗": ("IRN", None, "IRN", "state"),
    "日本": ("JPN", None, "JPN", "state"),
    "企业": (None, "BUS", "---BUS", "sector"),
    "俄方": ("RUS", None, "RUS", "state"),
    "日方": ("JPN", None, "JPN", "state"),
    "Ấn Độ": ("IND", None, "IND", "state"),
    "Brazil": ("BRA", None, "BRA", "state"),
    "Syria": ("SYR", None, "SYR", "state"),
    "Iran": ("IRN", None, "IRN", "state"),
}


def doc(sentences: list[str], lang: str) -> Document:
    """A document of ``sentences`` (joined by a space for vi, nothing for zh) with the gazetteer's
    mentions (longest first, non-overlapping)."""
    return gazetteer_document(sentences, lang, GAZ, whole_words=False)


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.event, (e.actor or {}).get("country"), (e.recipient or {}).get("country")) for e in evs}


def test_zh_topic_countries_are_no_parties_of_the_talks() -> None:
    evs = code_document(doc(["印度与巴西举行会谈。", "双方还就叙利亚、伊朗等地区问题交换了意见。"], "zh"))
    got = dyads(evs)
    assert not any({a, r} & {"SYR", "IRN"} for _, a, r in got)
    # 双方 takes the two parties named in the context
    assert any(e.evidence.trigger == "交换了意见" and {(e.actor or {}).get("country"), (e.recipient or {}).get(
        "country")} == {"IND", "BRA"} for e in evs)


def test_zh_topic_alone_codes_no_topic_dyad() -> None:
    got = dyads(code_document(doc(["双方就叙利亚、伊朗等问题交换了意见。"], "zh")))
    assert not any({a, r} & {"SYR", "IRN"} for _, a, r in got)


def test_vi_topic_after_ve_van_de_is_no_party() -> None:
    evs = code_document(doc(["Ấn Độ hội đàm với Brazil.", "Hai bên cũng trao đổi ý kiến về vấn đề Syria và Iran."],
                            "vi"))
    got = dyads(evs)
    assert not any({a, r} & {"SYR", "IRN"} for _, a, r in got)
    assert ("CONSULT", "IND", "BRA") in got


def test_zh_country_before_jingnei_is_a_place() -> None:
    got = dyads(code_document(doc(["上述企业在中国境内的财产予以冻结，禁止中国境内的组织同其进行交易。"], "zh")))
    assert not any("CHN" in (a, r) for _, a, r in got)


def test_zh_target_inside_a_country_after_dui_stays_the_target() -> None:
    got = dyads(code_document(doc(["印度对伊朗境内的目标发动导弹袭击。"], "zh")))
    assert ("ASSAULT", "IND", "IRN") in got


def test_zh_embedded_event_takes_its_actor_from_inside_the_phrase() -> None:
    # 就 X 撞沉 Y 一事: the ramming is X's, not the protesting ministry's
    got = dyads(code_document(doc(["日本就俄罗斯军舰撞沉印度渔船一事向俄方提出抗议。"], "zh")))
    assert not any(t == "COERCE" and a == "JPN" for t, a, _ in got)
    assert ("COERCE", "RUS", "IND") in got


def test_zh_embedded_event_without_its_own_actor_is_no_event() -> None:
    got = dyads(code_document(doc(["伊朗已就击落日本飞机一事向日方道歉。"], "zh")))
    assert not any(t == "ASSAULT" for t, _, _ in got)
