"""Generated actor forms (issue #4): Russian case forms and French demonym agreement from the
rules in data/actors/declension.yaml, the collision check of the build, and the forms in the
shipped table."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from detente.actors import lookup
from detente.resources import shared_data_dir

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "data" / "actors" / "declension.yaml"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """scripts/build_actors.py as a module (its Declension class and refusal function)."""
    spec = importlib.util.spec_from_file_location("build_actors_for_tests", REPO / "scripts" / "build_actors.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dec(build: ModuleType, spec: dict) -> Any:
    """The build script's Declension over the shipped rules."""
    return build.Declension(spec)


def test_russian_state_names_decline_every_word_up_to_the_noun(dec: Any) -> None:
    assert dec.ru_name("Южная Корея") == ["Южной Кореи", "Южной Корее", "Южную Корею", "Южной Кореей"]
    assert "Саудовской Аравии" in dec.ru_name("Саудовская Аравия")
    assert "Саудовскую Аравию" in dec.ru_name("Саудовская Аравия")
    assert "Соединённых Штатов" in dec.ru_name("Соединённые Штаты")
    assert "Соединёнными Штатами" in dec.ru_name("Соединённые Штаты")
    # words after the head noun are a genitive or an apposition: they stay
    assert "Армии обороны Израиля" in dec.ru_name("Армия обороны Израиля")
    assert "Республики Корея" in dec.ru_name("Республика Корея")
    assert "сектора Газа" in dec.ru_name("сектор Газа")
    assert dec.ru_name("Газа") == ["Газы", "Газе", "Газу", "Газой"]
    assert "Америки" in dec.ru_name("Америка")  # velar: -и, not -ы
    # indeclinable (foreign vowel endings) and acronyms give nothing
    assert dec.ru_name("Перу") == []
    assert dec.ru_name("Того") == []
    assert dec.ru_name("ОДКБ") == []


def test_russian_people(dec: Any) -> None:
    assert dec.ru_surname("Зеленский", female=False) == ["Зеленского", "Зеленскому", "Зеленским", "Зеленском"]
    assert dec.ru_surname("Пашинян", female=False) == ["Пашиняна", "Пашиняну", "Пашиняном", "Пашиняне"]
    assert dec.ru_surname("Алиев", female=False) == ["Алиева", "Алиеву", "Алиевым", "Алиеве"]
    assert dec.ru_surname("Захарова", female=True) == ["Захаровой", "Захарову"]
    assert "Владимира Зеленского" in dec.ru_person("Владимир Зеленский", female=False, family_first=False)
    assert "Сергеем Лавровым" in dec.ru_person("Сергей Лавров", female=False, family_first=False)
    # a woman's foreign surname in a consonant does not decline; her given name does
    assert dec.ru_female("Тереза Мэй")
    assert dec.ru_person("Тереза Мэй", female=True, family_first=False)[0] == "Терезы Мэй"
    assert not dec.ru_female("Илья Иванов")  # listed male name in -я
    # family name first: only the last word declines; particles never do
    assert "Ким Чен Ына" in dec.ru_person("Ким Чен Ын", female=False, family_first=True)
    assert "Урсулы фон дер Ляйен" in dec.ru_person("Урсула фон дер Ляйен", female=True, family_first=False)


def test_russian_demonym_nouns(dec: Any) -> None:
    assert dec.ru_demonym_nouns("иранск") == ["иранц"]
    assert dec.ru_demonym_nouns("украинск") == ["украинц"]
    assert dec.ru_demonym_nouns("российск") == ["россиян"]  # irregular: exceptions list
    assert dec.ru_demonym_nouns("саудовск") == []


def test_french_demonym_agreement(dec: Any) -> None:
    assert dec.fr_agreement("canadien") == {"f": "canadienne", "mp": "canadiens", "fp": "canadiennes"}
    assert dec.fr_agreement("taïwanais") == {"f": "taïwanaise", "mp": "taïwanais", "fp": "taïwanaises"}
    assert dec.fr_agreement("kényan") == {"f": "kényane", "mp": "kényans", "fp": "kényanes"}
    assert dec.fr_agreement("américain")["fp"] == "américaines"
    assert dec.fr_agreement("russe") == {"f": "russe", "mp": "russes", "fp": "russes"}
    assert dec.fr_agreement("turc")["f"] == "turque"  # irregular: exceptions list


def test_rules_are_data(build: ModuleType, spec: dict) -> None:
    """The endings come from the YAML file: changing a rule changes the forms."""
    changed = copy.deepcopy(spec)
    changed["fr"]["demonym_agreement"].insert(0, {"re": "ien$", "f": "IENNE", "mp": "IENS", "fp": "IENNES"})
    changed["ru"]["surname_m"].insert(0, {"re": "ян$", "cut": 0, "gen": "ZZ", "dat": None, "acc": None,
                                          "ins": None, "pre": None})
    d = build.Declension(changed)
    assert d.fr_agreement("canadien")["f"] == "canadIENNE"
    assert d.ru_surname("Пашинян", female=False) == ["ПашинянZZ"]


def test_collisions_are_refused(build: ModuleType) -> None:
    owners = {"ганой": {("E", "CAP_VNM", "ru")}, "алжир": {("E", "DZA", "ru"), ("E", "CAP_DZA", "ru")},
              "алиев": {("N", "P_ilham_aliyev", "ru")}, "argentines": {("D", "ARG", "es")}}
    stop = {"того", "мира"}
    assert build.refusal("Ганой", "ганой", "ru", "E", "GHA", owners, stop) == "names CAP_VNM"
    assert build.refusal("Мира", "мира", "ru", "E", "X", owners, stop) == "common word"
    assert build.refusal("Алжира", "алжир", "ru", "E", "DZA", owners, stop) == ""  # already matched
    assert build.refusal("Алиева", "алиев", "ru", "N", "P_other", owners, stop) is None  # shared surname
    assert build.refusal("Кореи", "коре", "ru", "E", "KOR", owners, stop) is None
    # the same form in another language's patterns does not match French text: added
    assert build.refusal("argentines", "argentines", "fr", "D", "ARG", owners, stop) is None


@pytest.mark.parametrize(("text", "lang", "span", "code"), [
    ("переговоры с Владимиром Зеленским", "ru", "Владимиром Зеленским", "UKRGOV"),
    ("письмо Зеленскому", "ru", "Зеленскому", "UKRGOV"),
    ("визит в Южную Корею", "ru", "Южную Корею", "KOR"),
    ("переговоры в Саудовской Аравии", "ru", "Саудовской Аравии", "SAU"),
    ("посол Саудовской Аравии", "ru", "посол Саудовской Аравии", "SAUDIP"),
    ("удары по сектору Газа", "ru", "сектору Газа", "PSE"),
    ("санкции Соединённых Штатов", "ru", "Соединённых Штатов", "USA"),
    ("встреча с Николом Пашиняном", "ru", "Николом Пашиняном", "ARMGOV"),
    ("иранцев задержали", "ru", "иранцев", "IRN"),
    ("les autorités canadiennes ont", "fr", "autorités canadiennes", "CANGOV"),
    ("des manifestants kényans", "fr", "manifestants kényans", "KENCVL"),
    ("le ministère chinois des Affaires étrangères a", "fr", "ministère chinois des Affaires étrangères", "CHNGOV"),
    ("la diplomatie française a", "fr", "diplomatie française", "FRAGOV"),
    ("le Quai d'Orsay a", "fr", "Quai d'Orsay", "FRAGOV"),
    ("le chef de la diplomatie ukrainienne a", "fr", "chef de la diplomatie ukrainienne", "UKRGOV"),
    ("la ministre allemande des Affaires étrangères a", "fr", "ministre allemande des Affaires étrangères", "DEUGOV"),
])
def test_generated_forms_in_the_shipped_table(text: str, lang: str, span: str, code: str) -> None:
    ms = lookup(text, date="2024-06-01", lang=lang)
    assert [(m.text, m.code) for m in ms if m.text == span] == [(span, code)], [(m.text, m.code) for m in ms]


SHARED = shared_data_dir()


@pytest.mark.skipif(SHARED is None, reason="../shared/data not present")
def test_every_state_name_declines_in_russian(dec: Any) -> None:
    """Each ISO 3166 state's CLDR Russian name, in each generated case form, is found whole
    as that state (the only refused form is a collision the build lists: Ганой is Hanoi)."""
    import pycountry

    assert SHARED is not None
    path = SHARED / "actors" / "cldr-territories" / "ru.territories.json"
    terr = json.loads(path.read_text(encoding="utf-8"))["main"]["ru"]["localeDisplayNames"]["territories"]
    failures, n = [], 0
    for c in pycountry.countries:
        for form in dec.ru_name(terr[c.alpha_2]):
            n += 1
            ms = lookup(f"в {form} сообщили", lang="ru")
            if not any(m.start == 2 and m.end == 2 + len(form) and m.country == c.alpha_3 for m in ms):
                failures.append((c.alpha_2, form, [(m.text, m.country) for m in ms]))
    assert n > 600
    assert [f[1] for f in failures] == ["Ганой"], failures[:10]


def test_every_french_demonym_agrees(dec: Any) -> None:
    """Each curated French demonym's feminine and plural forms name its state."""
    import pycountry

    countries = yaml.safe_load((REPO / "data" / "actors" / "countries.yaml").read_text(encoding="utf-8"))["countries"]
    failures = []
    for a2, d in countries.items():
        fr = d.get("demonym", {}).get("fr")
        if not fr or a2 == "EU":
            continue
        iso3 = "XKX" if a2 == "XK" else pycountry.countries.get(alpha_2=a2).alpha_3
        for form in sorted(set(dec.fr_agreement(fr[0]).values())):
            ms = lookup(f"des soldats {form} ont", lang="fr")
            if not any(m.country == iso3 for m in ms):
                failures.append((a2, form, [(m.text, m.country) for m in ms]))
    assert not failures, failures[:10]
