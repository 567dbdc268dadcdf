"""Precision of the Chinese and Vietnamese rule coder on news-like constructions (issue #5):
topic chains (a subjectless clause or a 并-verb phrase continues the subject of the clause chain,
not of an embedded clause), 将/把 objects, promises and support of hostile acts, *có thể*
possibilities, nominal *sự chào đón*, *cuộc đàm phán X-Y* pairs and talks *với các đối tác*.

Sentences are the team's own, built with a small gazetteer (no actor layer): the tests pin the
coder + grammar + lexicon behaviour only."""

from __future__ import annotations

from detente.events import code_document
from detente.events.testing import gazetteer_document
from detente.records import Event

#: surface form → (country, sector, code, kind)
GAZ: dict[str, tuple[str | None, str | None, str, str]] = {
    "法国外交部长": ("FRA", "GOV", "FRAGOV", "role"),
    "法国": ("FRA", None, "FRA", "state"),
    "德国": ("DEU", None, "DEU", "state"),
    "俄罗斯": ("RUS", None, "RUS", "state"),
    "印度": ("IND", None, "IND", "state"),
    "伊朗": ("IRN", None, "IRN", "state"),
    "叙利亚": ("SYR", None, "SYR", "state"),
    "日本": ("JPN", None, "JPN", "state"),
    "Thủ tướng Nhật Bản": ("JPN", "GOV", "JPNGOV", "role"),
    "Nhật Bản": ("JPN", None, "JPN", "state"),
    "Triều Tiên": ("PRK", None, "PRK", "state"),
    "Iran": ("IRN", None, "IRN", "state"),
    "Pháp": ("FRA", None, "FRA", "state"),
    "Đức": ("DEU", None, "DEU", "state"),
    "Nga": ("RUS", None, "RUS", "state"),
    "Ấn Độ": ("IND", None, "IND", "state"),
    "Pakistan": ("PAK", None, "PAK", "state"),
    "Ukraine": ("UKR", None, "UKR", "state"),
    "Đài Loan": ("TWN", None, "TWN", "state"),
    "Trung Quốc": ("CHN", None, "CHN", "state"),
    "Mỹ": ("USA", None, "USA", "state"),
    "người biểu tình": (None, "CVL", "---CVL", "sector"),
}


def code(sentences: list[str], lang: str) -> list[Event]:
    """Events of a document of ``sentences`` with the gazetteer's mentions."""
    return code_document(gazetteer_document(sentences, lang, GAZ, whole_words=lang != "zh"))


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.event, (e.actor or {}).get("country"), (e.recipient or {}).get("country")) for e in evs}


# -- Chinese ------------------------------------------------------------------------------------

def test_zh_bing_verb_phrase_continues_the_main_subject_not_an_embedded_one() -> None:
    # 敦促印度…，阻止叙利亚…袭击…，并敦促日本…: the second urging is the minister's, not Syria's
    got = dyads(code(["法国外交部长敦促印度向伊朗施压，阻止叙利亚在边境袭击平民，并敦促日本提供援助。"], "zh"))
    assert ("REQUEST", "FRA", "IND") in got
    assert ("REQUEST", "FRA", "JPN") in got
    assert not any(t == "REQUEST" and a == "SYR" for t, a, _ in got)


def test_zh_subjectless_clause_takes_the_chain_subject_and_the_dui_target() -> None:
    # 德国同意法国的要求，取消德国对俄罗斯…的制裁: Germany lifts its sanctions on Russia
    got = dyads(code(["德国上月同意法国的要求，取消德国对俄罗斯一家银行的制裁。"], "zh"))
    assert ("RETREAT", "DEU", "RUS") in got
    assert not any(t == "RETREAT" and a == "FRA" for t, a, _ in got)


def test_zh_nominal_after_jiang_is_an_object_not_an_event() -> None:
    # 将俄罗斯对叙利亚的支持归咎于…: Russia's support is what India blames, no SUPPORT event
    got = dyads(code(["印度将俄罗斯对叙利亚的支持归咎于地区持续冲突的根源。"], "zh"))
    assert not any(t == "SUPPORT" for t, _, _ in got)  # (not Russia's, nor India's "support" of Syria)


def test_zh_nominal_with_both_parties_is_still_an_event() -> None:
    # the A对B的 nominal without 将/把 keeps coding (the rule is the object marker, not 的)
    got = dyads(code(["俄罗斯对叙利亚的支持引起关注。"], "zh"))
    assert ("SUPPORT", "RUS", "SYR") in got


# -- Vietnamese ---------------------------------------------------------------------------------

def test_vi_promise_to_pressure_is_no_agreement_with_the_target() -> None:
    got = dyads(code(["Trong chiến dịch, Thủ tướng Nhật Bản đã hứa sẽ tiếp tục gây áp lực lên Triều Tiên và Iran."],
                     "vi"))
    assert not any(t == "AGREE" for t, _, _ in got)


def test_vi_promise_to_help_still_agrees() -> None:
    got = dyads(code(["Nhật Bản cam kết giúp Ấn Độ."], "vi"))
    assert ("AGREE", "JPN", "IND") in got


def test_vi_support_of_a_confrontation_is_no_support_of_its_target() -> None:
    got = dyads(code(["Pháp ủng hộ cuộc đối đầu với Nga trong nhiều năm."], "vi"))
    assert not any(t == "SUPPORT" for t, _, _ in got)


def test_vi_co_the_possibility_is_no_event() -> None:
    got = dyads(code(["Nhiều người lo ngại rằng một ngày nào đó Ấn Độ và Pakistan có thể đụng độ quân sự."], "vi"))
    assert not any(t == "ASSAULT" for t, _, _ in got)
    got = dyads(code(["Về những lĩnh vực có thể hợp tác, Pháp sẽ tìm tiếng nói chung với Đức."], "vi"))
    assert not any(t == "COOPERATE" for t, _, _ in got)


def test_vi_expected_welcome_is_no_hosting() -> None:
    got = dyads(code(["Ấn Độ đã mong đợi sự chào đón thân thiện hơn trên đất Nhật Bản."], "vi"))
    assert not any(t == "CONSULT" for t, _, _ in got)
    assert ("CONSULT", "JPN", "IND") in dyads(code(["Nhật Bản chào đón Ấn Độ."], "vi"))


def test_vi_talks_noun_with_a_hyphen_pair_names_its_parties() -> None:
    # the speaker (Ấn Độ … nhấn mạnh) is no party of the Pháp-Đức talks
    evs = code(["Như Ấn Độ nhấn mạnh, kế hoạch này được lập dựa vào cuộc đàm phán Pháp-Đức."], "vi")
    talks = [e for e in evs if e.evidence.trigger == "đàm phán"]
    assert talks
    assert all({(e.actor or {}).get("country"), (e.recipient or {}).get("country")} == {"FRA", "DEU"} for e in talks)


def test_vi_both_sides_talking_with_their_partners_do_not_talk_to_each_other() -> None:
    evs = code(["Pháp và Đức hội đàm tại Paris.",
                "Kết quả sẽ được hai bên thảo luận bằng cách nào đó với các đối tác của mình."], "vi")
    assert not [e for e in evs if e.evidence.trigger == "thảo luận"]
    # a named partner after với stays a party
    assert ("CONSULT", "FRA", "RUS") in dyads(code(["Pháp và Đức thảo luận với các quan chức Nga."], "vi"))


def test_vi_appositive_attack_noun_is_the_same_event() -> None:
    # ", cuộc tấn công … từ lãnh thổ Nga": the launch again, not an attack by Ukraine on Russia
    got = dyads(code(["Nga phóng hàng chục tên lửa vào Ukraine, cuộc tấn công lớn nhất từ lãnh thổ Nga trong năm."],
                     "vi"))
    assert ("ASSAULT", "RUS", "UKR") in got
    assert not any(a == "UKR" for _, a, _ in got)


def test_vi_protesters_noun_is_an_actor_not_a_protest_by_the_subject() -> None:
    evs = code(["Ấn Độ cắt đứt quan hệ ngoại giao với Pháp sau khi người biểu tình tấn công đại sứ quán Ấn Độ."], "vi")
    assert not any(e.event == "PROTEST" and (e.actor or {}).get("country") == "IND" for e in evs)
    assert any((e.actor or {}).get("sector") == "CVL" for e in evs)


def test_zh_promise_to_pressure_is_no_agreement_but_support_of_a_party_stays() -> None:
    # 承诺向X施压: the target stands before the hostile act; 支持Y对抗Z: Y is supported
    assert not any(t == "AGREE" for t, _, _ in dyads(code(["日本承诺向伊朗施压。"], "zh")))
    assert ("AGREE", "JPN", "IRN") in dyads(code(["日本承诺向伊朗提供援助。"], "zh"))
    assert ("SUPPORT", "RUS", "SYR") in dyads(code(["俄罗斯支持叙利亚对抗印度。"], "zh"))


def test_zh_country_before_jushi_is_the_topic_of_talks() -> None:
    got = dyads(code(["印度与日本举行会谈，双方讨论了叙利亚局势。"], "zh"))
    assert not any("SYR" in (a, r) for _, a, r in got)
    assert ("CONSULT", "IND", "JPN") in got


def test_vi_country_after_tinh_hinh_is_the_topic_and_a_topic_ends_at_its_comma() -> None:
    got = dyads(code(["Ấn Độ hội đàm với Nga.", "Hai bên thảo luận tình hình Ukraine."], "vi"))
    assert not any("UKR" in (a, r) for _, a, r in got)
    # the topic phrase ends at its comma: the clause after it keeps its parties
    got = dyads(code(["Về vấn đề Đài Loan, Trung Quốc cảnh báo Mỹ."], "vi"))
    assert ("THREATEN", "CHN", "USA") in got
    assert not any("TWN" in (a, r) for _, a, r in got)
