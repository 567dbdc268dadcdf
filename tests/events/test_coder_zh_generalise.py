"""Chinese rule coder on news constructions found missing by the second Chinese dev set
(``gold/zh_dev2.jsonl``): vetoes cast in a council (the council is the recipient, not the draft's
author), announced easing of sanctions (CONCEDE, not RETREAT), goods' origin phrases (对原产于X的),
quantified 将-objects as recipients, a subjectless clause after an announcement verb (X宣布，对Y…),
negation before a place or a with-phrase, coordinated subjects that agree (symmetric AGREE,
同意恢复 …), 应…邀请 (no event), 冲突爆发以来 (background), suspending cooperation (SANCTION, not
COOPERATE), joint drills and patrols between two countries (COOPERATE), and a detention in a
被…的 relative clause (background).

Sentences are the team's own, built with a small gazetteer (no actor layer): the tests pin the
coder + grammar + lexicon behaviour only."""

from __future__ import annotations

from detente.events import code_document
from detente.events.testing import gazetteer_document
from detente.records import Event

#: surface form → (country, sector, code, kind[, is_location])
GAZ: dict[str, tuple[str | None, str | None, str, str] | tuple[str | None, str | None, str, str, bool]] = {
    "日本": ("JPN", None, "JPN", "state"),
    "韩国": ("KOR", None, "KOR", "state"),
    "朝鲜": ("PRK", None, "PRK", "state"),
    "中国": ("CHN", None, "CHN", "state"),
    "美国": ("USA", None, "USA", "state"),
    "俄罗斯": ("RUS", None, "RUS", "state"),
    "乌克兰": ("UKR", None, "UKR", "state"),
    "印度": ("IND", None, "IND", "state"),
    "法国": ("FRA", None, "FRA", "state"),
    "德国": ("DEU", None, "DEU", "state"),
    "波兰": ("POL", None, "POL", "state"),
    "伊朗": ("IRN", None, "IRN", "state"),
    "老挝": ("LAO", None, "LAO", "state"),
    "越南": ("VNM", None, "VNM", "state"),
    "中国商务部": ("CHN", "GOV", "CHNGOV", "state"),
    "美国商务部": ("USA", "GOV", "USAGOV", "state"),
    "联合国安理会": (None, "IGO", "IGOUNO", "org"),
    "欧盟": (None, "IGO", "IGOEUR", "org"),
    "日内瓦": ("CHE", "GOV", "CHEGOV", "capital", True),
}


def code(sentence: str) -> list[Event]:
    """Events of a one-sentence Chinese document with the gazetteer's mentions."""
    return code_document(gazetteer_document([sentence], "zh", GAZ))


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.event, (e.actor or {}).get("country") or (e.actor or {}).get("code"),
             (e.recipient or {}).get("country") or (e.recipient or {}).get("code")) for e in evs}


def test_veto_in_the_council_targets_the_council_not_the_drafter() -> None:
    evs = code("俄罗斯在联合国安理会否决了日本起草的决议草案。")
    assert ("REJECT", "RUS", "IGOUNO") in dyads(evs)
    assert not any(e.recipient and e.recipient.get("country") == "JPN" for e in evs)
    # 安理会 holds no 会 "will": the veto is not an announced intent
    assert all(not e.intent and e.cameo == "129" for e in evs)


def test_announced_easing_of_sanctions_is_concede_and_easing_in_effect_stays_retreat() -> None:
    got = dyads(code("美国宣布将放宽对伊朗的部分制裁。"))
    assert ("CONCEDE", "USA", "IRN") in got and not any(t == "RETREAT" for t, _, _ in got)
    got = dyads(code("美国放宽了对伊朗的部分制裁。"))
    assert ("RETREAT", "USA", "IRN") in got


def test_origin_phrase_is_the_recipient_not_a_place() -> None:
    assert ("SANCTION", "CHN", "USA") in dyads(code("中国商务部对原产于美国的进口商品加征关税。"))


def test_quantified_object_marker_names_the_recipient() -> None:
    assert ("SANCTION", "USA", "CHN") in dyads(code("美国商务部将多家中国企业列入实体清单。"))


def test_subjectless_clause_after_an_announcement_is_the_announcers_act() -> None:
    assert ("SANCTION", "CHN", "USA") in dyads(code("中国商务部宣布，对原产于美国的进口商品加征关税。"))
    # another subject after the comma keeps its own clause
    got = dyads(code("中国商务部表示，美国对中国企业加征关税。"))
    assert ("SANCTION", "USA", "CHN") in got and ("SANCTION", "CHN", "USA") not in got


def test_negation_before_a_place_or_a_with_phrase() -> None:
    assert not code("俄罗斯和乌克兰本周未在日内瓦举行新一轮谈判。")
    assert not code("日本目前没有与朝鲜领导人举行会晤的计划。")
    # without the negation both are talks
    assert any(t == "CONSULT" for t, _, _ in dyads(code("俄罗斯和乌克兰本周在日内瓦举行新一轮谈判。")))
    assert ("CONSULT", "JPN", "PRK") in dyads(code("日本与朝鲜领导人举行会晤。"))


def test_coordinated_subjects_agree_with_each_other() -> None:
    got = dyads(code("日本与韩国16日同意恢复两国领导人定期互访。"))
    assert ("AGREE", "JPN", "KOR") in got or ("AGREE", "KOR", "JPN") in got
    got = dyads(code("中国和俄罗斯同意加强在联合国安理会的协调。"))
    assert {("AGREE", "CHN", "RUS"), ("AGREE", "RUS", "CHN")} & got
    assert not any(r == "IGOUNO" for _, _, r in got)


def test_concluding_negotiations_is_agreement() -> None:
    got = dyads(code("中国与越南宣布完成自由贸易协定升级谈判。"))
    assert {("AGREE", "CHN", "VNM"), ("AGREE", "VNM", "CHN")} & got


def test_at_the_invitation_of_is_no_event_and_conflict_since_is_background() -> None:
    got = dyads(code("应中国邀请，法国总统将访问中国。"))
    assert ("CONSULT", "FRA", "CHN") in got and not any(t == "AGREE" for t, _, _ in got)
    got = dyads(code("应中共中央政治局委员、外交部长王毅邀请，法国外长将访问中国。"))
    assert not any(t == "AGREE" for t, _, _ in got)
    got = dyads(code("这是俄罗斯和乌克兰冲突爆发以来的首次换囚。"))
    assert not any(t == "ASSAULT" for t, _, _ in got)


def test_suspending_cooperation_is_sanction_not_cooperation() -> None:
    got = dyads(code("波兰宣布暂停与德国的军事合作。"))
    assert ("SANCTION", "POL", "DEU") in got and not any(t == "COOPERATE" for t, _, _ in got)
    assert any(t == "COOPERATE" for t, _, _ in dyads(code("波兰与德国开展军事合作。")))


def test_joint_training_between_two_countries_is_cooperation() -> None:
    got = dyads(code("越南和印度军队举行联合训练。"))
    assert {("COOPERATE", "VNM", "IND"), ("COOPERATE", "IND", "VNM")} & got
    assert not any(t == "MOBILIZE" for t, _, _ in got)


def test_detention_in_a_passive_relative_clause_is_background() -> None:
    got = dyads(code("被伊朗关押三年的法国公民获释回国。"))
    assert not any(t == "COERCE" for t, _, _ in got)
    assert ("COERCE", "IRN", "FRA") in dyads(code("伊朗拘押了两名法国公民。"))


def test_consequence_of_a_condition_is_no_event_but_a_threat_there_stays() -> None:
    got = dyads(code("美国威胁说，如果伊朗不让步，美国将对伊朗实施轰炸。"))
    assert not any(t == "ASSAULT" for t, _, _ in got)
    got = dyads(code("朝鲜称，如果美国继续挑衅，将彻底摧毁美国。"))
    assert any(t == "THREATEN" for t, _, _ in got)
    assert ("ASSAULT", "USA", "IRN") in dyads(code("美国对伊朗实施轰炸。"))


def test_a_country_before_a_topic_word_names_the_topic_not_a_party() -> None:
    got = dyads(code("俄罗斯与美国通电话，双方讨论了乌克兰停火问题。"))
    assert not any(r == "UKR" for _, _, r in got)
    assert {("CONSULT", "RUS", "USA"), ("CONSULT", "USA", "RUS")} & got
