"""French and Russian coding: the team-written lexicons (``curated/lexicon.{fr,ru}.json``) and the
``fr``/``ru`` function words of ``grammar.json``.

Documents are built with a small gazetteer of our own (no actor layer), so the tests pin the coder +
lexicon + grammar behaviour only. Sentences are our own, not the dev-set ones."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

import detente.events.lexicon as lexicon_mod
from detente.events.coder import SentenceCoder, code_document
from detente.events.lexicon import fold
from detente.events.testing import gazetteer_document
from detente.records import Document, Event
from detente.resources import REPO_ROOT, data_path, shared_data_dir

LANGS = ("fr", "ru")

#: surface form → (country, sector, code, kind, is_location)
GAZ: dict[str, tuple[str | None, str | None, str, str, bool]] = {
    # French
    "France": ("FRA", None, "FRA", "state", False),
    "Allemagne": ("DEU", None, "DEU", "state", False),
    "Russie": ("RUS", None, "RUS", "state", False),
    "Ukraine": ("UKR", None, "UKR", "state", False),
    "Chine": ("CHN", None, "CHN", "state", False),
    "Japon": ("JPN", None, "JPN", "state", False),
    "Inde": ("IND", None, "IND", "state", False),
    "Iran": ("IRN", None, "IRN", "state", False),
    "Turquie": ("TUR", None, "TUR", "state", False),
    "Argentine": ("ARG", None, "ARG", "state", False),
    "États-Unis": ("USA", None, "USA", "state", False),
    "japonais": ("JPN", None, "JPN", "demonym", False),
    "Paris": ("FRA", "GOV", "FRAGOV", "metonym", True),
    "Pékin": ("CHN", "GOV", "CHNGOV", "metonym", True),
    "manifestants": (None, "CVL", "---CVL", "sector", False),
    # Russian (case forms listed one by one, as the actor table would)
    "США": ("USA", None, "USA", "state", False),
    "Великобритания": ("GBR", None, "GBR", "state", False),
    "России": ("RUS", None, "RUS", "state", False),
    "Россия": ("RUS", None, "RUS", "state", False),
    "Лавров": ("RUS", "GOV", "RUSGOV", "person", False),
    "Ван И": ("CHN", "GOV", "CHNGOV", "person", False),
    "Япония": ("JPN", None, "JPN", "state", False),
    "Японию": ("JPN", None, "JPN", "state", False),
    "Японией": ("JPN", None, "JPN", "state", False),
    "японских": ("JPN", None, "JPN", "demonym", False),
    "Китай": ("CHN", None, "CHN", "state", False),
    "Индия": ("IND", None, "IND", "state", False),
    "Пакистан": ("PAK", None, "PAK", "state", False),
    "Иран": ("IRN", None, "IRN", "state", False),
    "Германия": ("DEU", None, "DEU", "state", False),
    "Украине": ("UKR", None, "UKR", "state", False),
    "Египет": ("EGY", None, "EGY", "state", False),
    "Ливан": ("LBN", None, "LBN", "state", False),
    "Эрдоган": ("TUR", "GOV", "TURGOV", "person", False),
    "Москве": ("RUS", "GOV", "RUSGOV", "metonym", True),
    "МИД": (None, "GOV", "---GOV", "sector", False),
}


def doc(text: str, lang: str) -> Document:
    """One-sentence document with the gazetteer's mentions (longest first, whole words)."""
    return gazetteer_document(text, lang, GAZ)


def side(x: dict | None) -> str | None:
    """Country of an event side, else its code."""
    if not x:
        return None
    return x.get("country") or x.get("code")


def events(text: str, lang: str) -> list[Event]:
    return code_document(doc(text, lang))


def dyads(text: str, lang: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.event, side(e.actor), side(e.recipient)) for e in events(text, lang)}


# -- the curated lexicons ----------------------------------------------------------------------


def _curated(lang: str) -> list[dict]:
    raw = json.loads(data_path("events", "curated", f"lexicon.{lang}.json").read_text(encoding="utf-8"))
    return raw["entries"]


CASES = [(lang, e["id"], e["example"]) for lang in LANGS for e in _curated(lang)]


def test_curated_entries_are_well_formed() -> None:
    plover = set(lexicon_mod.load_ontology().plover)
    for lang in LANGS:
        entries = _curated(lang)
        ids = [e["id"] for e in entries]
        assert len(ids) == len(set(ids)), lang
        for e in entries:
            assert e["id"].startswith(f"{lang}."), e["id"]
            assert e.get("example", "").strip() and e["forms"], e["id"]
            assert all(f == fold(f, lang) for f in e["forms"]), f"{e['id']}: forms must be stored as matched"
            if not e.get("block"):
                assert (e.get("event") or lexicon_mod.load_ontology().code(e["cameo"]).plover) in plover, e["id"]
        covered = {e.get("event") or lexicon_mod.load_ontology().code(e["cameo"]).plover
                   for e in entries if not e.get("block")}
        assert covered == plover, f"{lang}: PLOVER types without a trigger: {sorted(plover - covered)}"


@pytest.mark.parametrize(("lang", "entry_id", "example"), CASES, ids=[c[1] for c in CASES])
def test_example_fires_its_entry(lang: str, entry_id: str, example: str) -> None:
    c = SentenceCoder(lang)
    t = fold(example, lang)
    fired = [en.id for p, s, e in c.triggers(t) if (en := c.choose(p, t[:s], t[e:])) is not None]
    assert entry_id in fired, f"{example!r} fired {fired}"


def test_compiled_lexicons_are_the_build_output() -> None:
    """``lexicon.{fr,ru}.json`` are what ``scripts/build_events.py`` makes of the curated files."""
    shared = shared_data_dir()
    if shared is None or not (shared / "ontology").is_dir():
        pytest.skip("../shared/data not available")
    spec = importlib.util.spec_from_file_location("build_events_frru", REPO_ROOT / "scripts" / "build_events.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    onto = build.build_ontology(shared)
    for lang in LANGS:
        data = build.build_lexicon(lang, shared, onto["cameo"])
        shipped = json.loads(data_path("events", f"lexicon.{lang}.json").read_text(encoding="utf-8"))
        assert data == shipped, f"lexicon.{lang}.json is stale: run the build with {lang} switched on"


# -- French grammar ----------------------------------------------------------------------------


def test_fr_coordinated_subject_gives_one_event_per_conjunct() -> None:
    assert dyads("La France et l'Allemagne ont imposé de nouvelles sanctions à la Russie.", "fr") == {
        ("SANCTION", "FRA", "RUS"), ("SANCTION", "DEU", "RUS")}


def test_fr_reciprocal_meeting_is_one_symmetric_event_and_the_city_a_location() -> None:
    evs = events("Le Japon et l'Inde se sont rencontrés mardi à Paris.", "fr")
    assert [(e.event, e.symmetric) for e in evs] == [("CONSULT", True)]
    assert {side(evs[0].actor), side(evs[0].recipient)} == {"JPN", "IND"}
    assert evs[0].location is not None and evs[0].location["country"] == "FRA"


def test_fr_avec_makes_a_meeting_symmetric() -> None:
    evs = events("La Chine s'est entretenue avec le Japon.", "fr")
    assert [(e.event, side(e.actor), side(e.recipient), e.symmetric) for e in evs] == [
        ("CONSULT", "CHN", "JPN", True)]


def test_fr_passive_with_par_makes_the_agent_the_actor() -> None:
    evs = events("L'Iran a été sanctionné par les États-Unis.", "fr")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("SANCTION", "USA", "IRN")]
    assert "victim" in evs[0].flags


def test_fr_agentless_passive_is_no_sanction_by_its_subject() -> None:
    assert not any(side(e.actor) == "IRN" for e in events("L'Iran a été sanctionné.", "fr"))


@pytest.mark.parametrize("text", ["La Chine n'a pas condamné la Russie.", "Les États-Unis ne condamnent pas la Russie.",
                                  "La Chine n'a jamais sanctionné la Russie."])
def test_fr_negation_codes_nothing(text: str) -> None:
    assert events(text, "fr") == []


def test_fr_reported_accusation_is_coded_for_the_accuser_not_the_speaker() -> None:
    assert dyads("La France a indiqué que la Russie a accusé l'Ukraine de provocations.", "fr") == {
        ("ACCUSE", "RUS", "UKR")}


def test_fr_inverted_reporting_verb_does_not_hide_the_target() -> None:
    assert dyads("La Chine a sanctionné le Japon, a indiqué la France.", "fr") == {("SANCTION", "CHN", "JPN")}


def test_fr_intent_is_flagged() -> None:
    evs = events("L'Allemagne prévoit de livrer des chars à l'Ukraine.", "fr")
    assert [(e.event, side(e.actor), side(e.recipient), e.intent) for e in evs] == [("AID", "DEU", "UKR", True)]


def test_fr_dative_a_la_is_the_recipient_bare_a_before_a_city_a_location() -> None:
    assert dyads("Le Japon a livré des vivres à la Turquie.", "fr") == {("AID", "JPN", "TUR")}
    evs = events("Le Japon est arrivé lundi à Pékin.", "fr")  # the host of a visit is the place's country
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("CONSULT", "JPN", "CHN")]


def test_fr_condition_and_denial_code_nothing_of_their_clause() -> None:
    assert dyads("La Chine a menacé de riposter si le Japon a imposé des sanctions.", "fr") == {
        ("THREATEN", "CHN", "JPN")}
    assert events("La Russie a démenti que son armée a bombardé l'Ukraine.", "fr") == []


def test_fr_false_friends() -> None:
    assert events("L'Argentine a battu la France en finale de la Coupe du monde.", "fr") == []
    assert events("Le Japon a manifesté son inquiétude face à la Chine.", "fr") == []
    # a diplomatic protest is an accusation, not a street protest
    assert dyads("Le Japon a protesté auprès de la Chine.", "fr") == {("ACCUSE", "JPN", "CHN")}


def test_fr_protesters_march_as_civilians() -> None:
    evs = events("Des manifestants ont défilé à Paris contre la réforme.", "fr")
    assert [e.event for e in evs] == ["PROTEST"]
    assert evs[0].actor is not None and evs[0].actor["code"].endswith("CVL")


# -- Russian grammar ---------------------------------------------------------------------------


def test_ru_coordinated_subject_gives_one_event_per_conjunct() -> None:
    assert dyads("США и Великобритания ввели санкции против России.", "ru") == {
        ("SANCTION", "USA", "RUS"), ("SANCTION", "GBR", "RUS")}


def test_ru_light_verb_with_noun_after_adjectives_and_place() -> None:
    evs = events("Лавров провел в Москве долгие переговоры с Ван И.", "ru")
    assert [(e.event, e.cameo, e.symmetric) for e in evs] == [("CONSULT", "046", True)]
    assert {side(evs[0].actor), side(evs[0].recipient)} == {"RUS", "CHN"}


@pytest.mark.parametrize("text", ["Китай осудил Японию.", "Япония осудила Китай.", "Индия и Китай осудили Японию.",
                                  "Китай провёл переговоры с Японией.", "Китай провел переговоры с Японией."])
def test_ru_gender_number_and_yo_forms(text: str) -> None:
    assert events(text, "ru"), text


def test_ru_negation_codes_nothing() -> None:
    assert events("Китай не осудил Японию.", "ru") == []
    assert events("Индия не будет вводить санкции против России.", "ru") == []


def test_ru_passive_with_so_storony_makes_the_agent_the_actor() -> None:
    evs = events("Иран попал под санкции со стороны США.", "ru")
    assert [(e.event, side(e.actor), side(e.recipient)) for e in evs] == [("SANCTION", "USA", "IRN")]


def test_ru_reported_speech_with_chto() -> None:
    assert dyads("Лавров заявил, что Япония обвинила Китай во вмешательстве.", "ru") == {("ACCUSE", "JPN", "CHN")}


def test_ru_inverted_tass_speaker_does_not_hide_the_target() -> None:
    assert dyads("Россия выслала японских дипломатов, сообщили в МИД.", "ru") == {("SANCTION", "RUS", "JPN")}


def test_ru_intent_is_flagged() -> None:
    evs = events("Германия планирует передать Украине танки.", "ru")
    assert [(e.event, side(e.actor), side(e.recipient), e.intent) for e in evs] == [("AID", "DEU", "UKR", True)]


def test_ru_directional_v_after_a_sending_verb_is_the_recipient() -> None:
    assert dyads("Египет направил в Ливан гуманитарную помощь.", "ru") == {("AID", "EGY", "LBN")}


def test_ru_condition_and_non_events() -> None:
    assert dyads("Китай пригрозил ответными мерами, если Япония введет санкции.", "ru") == {
        ("THREATEN", "CHN", "JPN")}
    assert events("Эрдоган принял участие в саммите в Москве.", "ru") == []
    assert events("Индия обыграла Пакистан в финале.", "ru") == []


# -- the fr/ru development sets (gold/fr_team_dev.jsonl, gold/ru_team_dev.jsonl) ----------------

GOLD_README = REPO_ROOT / "gold" / "README.md"
GOLD_SECTION = "French and Russian team sets (`fr_team_dev.jsonl`, `ru_team_dev.jsonl`)"
EVENT_KEYS = {"source_code", "target_code", "cameo", "plover", "mode", "symmetric", "intent",
              "source_text", "target_text", "event_text"}


def _section(title: str) -> str:
    text = GOLD_README.read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert m, f"gold/README.md has no section {title!r}"
    return m.group(1)


def _gold(lang: str) -> list[dict]:
    path = REPO_ROOT / "gold" / f"{lang}_team_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", LANGS)
def test_gold_set_is_valid_and_documented(lang: str) -> None:
    records = _gold(lang)
    modes = set(re.findall(r"`([a-z]+)`", _section("Modes")))
    orgs = set(re.findall(r"^\| `([A-Z]{3,6})` \|", _section("Organisation codes"), flags=re.M))
    sectors = set(re.findall(r"^\| `([A-Z]{3,6})` \|", _section("Sector codes"), flags=re.M))
    plover = set(lexicon_mod.load_ontology().plover)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(rf"{lang}-\d{{4}}", i) for i in ids)
    for r in records:
        assert r["lang"] == lang and r["dataset"] == f"detente-team-{lang}", r["id"]
        assert "2015" <= r["date"][:4] <= "2026", r["id"]
        assert (r["category"] == "NONE") == (not r["events"]), r["id"]
        for e in r["events"]:
            where = f"{r['id']}: {e}"
            assert set(e) == EVENT_KEYS and e["plover"] in plover and e["source_code"], where
            assert e["mode"] is None or e["mode"] in modes, where
            assert all(e[k] is None or e[k] in r["text"] for k in ("source_text", "target_text", "event_text")), where
            assert not e["symmetric"] or e["target_code"], where
            for code in (e["source_code"], e["target_code"]):
                if code and code[:3] in ("IGO", "NGO"):
                    assert code in orgs, where
                elif code and len(code) == 6:
                    assert code[3:] in sectors, where
    assert sum(r["notes"].startswith("hard-") for r in records) >= 0.25 * len(records)
    assert len(records) >= 120
    evs = [e for r in records for e in r["events"]]
    row = (f"| {lang}_team_dev.jsonl | {len(records)} | {len(evs)} | {sum(not r['events'] for r in records)} | "
           f"{sum(r['notes'].startswith('hard-') for r in records)} | {sum(e['symmetric'] for e in evs)} | "
           f"{sum(e['intent'] for e in evs)} |")
    assert row in _section(GOLD_SECTION), f"gold/README.md counts are stale: {row}"
