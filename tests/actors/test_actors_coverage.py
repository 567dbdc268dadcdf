"""Coverage of the 50 most newsworthy states (issue #4): every office listed in
``data/actors/newsworthy.yaml`` has a curated holder in the compiled table on every day of the
period (declared vacancies excepted), and role-only phrases resolve to that holder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.actors import get_table, lookup
from detente.actors.table import Role

REPO = Path(__file__).resolve().parents[2]
SPEC_FILE = REPO / "data" / "actors" / "newsworthy.yaml"
LANGS = ("en", "zh", "vi", "es", "ar")


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    """The newsworthy-state list: the 50 states of `states` followed by the `tier2` states (same
    format, same checks); `tier1` keeps the names of the first 50."""
    s = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    tier2 = s.get("tier2") or {}
    assert not set(tier2) & set(s["states"]), set(tier2) & set(s["states"])
    s["tier1"] = list(s["states"])
    s["states"] = {**s["states"], **tier2}
    return s


def _iso(v: Any) -> str:
    return v.isoformat() if isinstance(v, dt.date) else str(v or "")


def offices() -> Iterator[tuple[str, str, str, str]]:
    """(state, role key, first day, first day after) of every required office."""
    s = spec()
    start, until = _iso(s["from"]), _iso(s["until"])
    for state, st in s["states"].items():
        for off in st["offices"]:
            if isinstance(off, dict):
                ((key, (a, b)),) = off.items()
                yield state, key, max(_iso(a) or start, start), min(_iso(b) or until, until)
            else:
                yield state, off, start, until


def vacancies() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Declared vacancies per (state, office)."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for state, key, a, b in spec().get("vacant", []):
        out.setdefault((state, key), []).append((_iso(a), _iso(b)))
    return out


def curated(key: str, state: str) -> list[Role]:
    """Curated dated roles of an office in the compiled table."""
    return [r for r in get_table().roles_by_key.get((key, state), []) if r.prio == 0]


def days(a: str, b: str) -> Iterator[str]:
    d, e = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    while d < e:
        yield d.isoformat()
        d += dt.timedelta(days=1)


def phrase(state: str, key: str, lang: str) -> str | None:
    """A role-only phrase naming the office of ``state`` in ``lang`` (None: no template)."""
    st = spec()["states"][state]
    full = st.get("phrases", {}).get(key, {}).get(lang)
    if full:
        return full
    if lang in spec()["templates"]:
        template = spec()["templates"][lang].get(key)
        return template.format(st["names"][lang]) if template else None
    title = st.get("titles", {}).get(key, {}).get(lang) or spec()["titles"][key][lang]
    name = st["names"][lang]
    if lang == "en":
        return f"{name.removeprefix('the ')}'s {title}"
    if lang == "zh":
        return f"{name}{title}"
    return f"{title} {name}"


def test_newsworthy_list_is_well_formed() -> None:
    s = spec()
    assert len(s["tier1"]) >= 50
    assert len(s["states"]) >= 85  # with the tier-2 states
    table = get_table()
    role_keys = set(table.role_defs)
    for state, st in s["states"].items():
        assert table.entries.kind(state) == "state", state
        keys = [next(iter(o)) if isinstance(o, dict) else o for o in st["offices"]]
        # every state has a foreign minister, or the office is on the review list
        assert "FM" in keys or any(r.startswith(f"{state} FM") for r in s["review"]), state
        assert set(keys) <= role_keys, (state, set(keys) - role_keys)
        assert set(LANGS) <= set(st["names"]), state
    for state, key, a, b in s.get("vacant", []):
        assert (state, key) in {(o[0], o[1]) for o in offices()}, (state, key)
        assert _iso(a) < _iso(b)


def test_every_office_has_one_curated_holder_every_day() -> None:
    """No day of the period without a curated holder (except declared vacancies), no day with two
    different holders, and no declared vacancy while someone holds the office."""
    vac = vacancies()
    problems: list[str] = []
    n_offices = 0
    for state, key, a, b in offices():
        n_offices += 1
        rs = curated(key, state)
        declared = vac.get((state, key), [])
        gap_start = None
        for day in days(a, b):
            people = {r.person for r in rs if r.covers(day)}
            vacant = any(va <= day < vb for va, vb in declared)
            if len(people) > 1:
                problems.append(f"{state} {key} {day}: several holders {sorted(people)}")
                break
            if vacant and people:
                problems.append(f"{state} {key} {day}: declared vacant but held by {people}")
                break
            if not people and not vacant:
                gap_start = gap_start or day
            elif gap_start:
                problems.append(f"{state} {key}: no holder {gap_start} .. {day}")
                gap_start = None
        if gap_start:
            problems.append(f"{state} {key}: no holder {gap_start} .. {b}")
    assert n_offices >= 290  # 190 offices of the 50 states, the rest tier 2
    assert not problems, "\n".join(problems)


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for state, key, a, b in offices():
        for d in spec()["check_dates"]:
            day = _iso(d)
            if a <= day < b and not any(va <= day < vb for va, vb in vacancies().get((state, key), [])):
                out.append((state, key, day))
    return out


def test_check_dates_cover_the_list() -> None:
    assert len(_cases()) >= 1400


@pytest.mark.parametrize("state", list(spec()["states"]))
def test_role_holder_and_role_phrases(state: str) -> None:
    """On each check date: the table's role-at-date API gives a curated holder, and the role-only
    phrases "Argentina's foreign minister", "阿根廷外长", "Ngoại trưởng Argentina", "canciller de
    Argentina", "وزير خارجية الأرجنتين" resolve to them."""
    table = get_table()
    failures: list[str] = []
    for st, key, day in _cases():
        if st != state:
            continue
        hs = table.holders(key, state, day)
        if not hs or hs[0].prio != 0:
            failures.append(f"{key} {day}: no curated holder ({hs[:1]})")
            continue
        pid = hs[0].person
        for lang in LANGS:
            text = phrase(state, key, lang)
            if text is None:
                continue
            ms = lookup(text, day, lang)
            got = [m for m in ms if m.kind == "role" and m.start == 0 and m.end == len(text)]
            if not got or got[0].entry != pid:
                failures.append(f"{key} {day} {lang} {text!r}: {[(m.text, m.entry) for m in ms]} != {pid}")
    assert not failures, "\n".join(failures)


def test_office_holders_have_names_in_the_coded_languages() -> None:
    """Every 2023-2026 holder of a listed office has a Chinese name; heads of state/government,
    supreme leaders, party chiefs and foreign ministers also Russian and Arabic names (names in
    Latin script match in every language)."""
    people = yaml.safe_load((REPO / "data" / "actors" / "people.yaml").read_text(encoding="utf-8"))["people"]
    start = _iso(spec()["from"])
    required = {(state, key) for state, key, _a, _b in offices()}
    missing = []
    for p in people:
        keys = {r[0] for r in p.get("roles", []) if (r[1], r[0]) in required and (not r[3] or _iso(r[3]) > start)}
        if not keys:
            continue
        langs = ["zh"] + (["ru", "ar"] if keys & {"HOS", "HOG", "FM", "SUPREME", "PARTY"} else [])
        missing += [f"{p['id']} {lang}" for lang in langs if not p.get(lang)]
    assert not missing, missing


def _named_actors() -> list[tuple[str, str, str, str]]:
    """(entry id, code, language, name) of every curated organisation (orgs.yaml: IGOs, armed
    groups, parties) and national institution (sectors.yaml: State Department, Mossad, ESMAD …)."""
    out = []
    orgs = yaml.safe_load((REPO / "data" / "actors" / "orgs.yaml").read_text(encoding="utf-8"))["orgs"]
    sectors = yaml.safe_load((REPO / "data" / "actors" / "sectors.yaml").read_text(encoding="utf-8"))
    table = get_table()
    for o in [*orgs, *sectors["institutions"]]:
        code = table.entries[o["id"]]["code"]
        for lang in ("en", "zh", "vi", "es", "fr", "ru", "ar"):
            out += [(o["id"], code, lang, n) for n in o.get(lang, [])]
    return out


def test_every_named_organisation_resolves_in_its_languages() -> None:
    """Each name of a curated organisation or institution, alone, is one mention of that entry."""
    failures = []
    for eid, code, lang, name in _named_actors():
        ms = lookup(name, None, lang)
        if not any(m.start == 0 and m.end == len(name) and m.entry == eid and m.code == code for m in ms):
            failures.append(f"{eid} {lang} {name!r}: {[(m.text, m.entry) for m in ms]}")
    assert len(_named_actors()) >= 1800
    assert not failures, "\n".join(failures)


#: Non-state actors that world news names without a country: (name, lang, CAMEO-style code).
NON_STATE = [
    ("FARC", "es", "COLREB"), ("ELN", "es", "COLREB"), ("Clan del Golfo", "es", "COLUAF"), ("AGC", "es", "COLUAF"),
    ("Sendero Luminoso", "es", "PERREB"), ("Cártel de Sinaloa", "es", "MEXCRM"), ("CJNG", "es", "MEXCRM"),
    ("Hezbollah", "en", "LBNREB"), ("真主党", "zh", "LBNREB"), ("حزب الله", "ar", "LBNREB"),
    ("Hamas", "en", "PSEREB"), ("Islamic Jihad", "en", "PSEREB"), ("الجهاد الإسلامي", "ar", "PSEREB"),
    ("Houthis", "en", "YEMREB"), ("أنصار الله", "ar", "YEMREB"), ("胡塞武装", "zh", "YEMREB"),
    ("Taliban", "en", "AFGREB"), ("Islamic State", "en", "IMGREB"), ("داعش", "ar", "IMGREB"),
    ("al-Qaeda", "en", "IMGREB"), ("al-Shabaab", "en", "SOMREB"), ("青年党", "zh", "SOMREB"),
    ("Boko Haram", "fr", "NGAREB"), ("PKK", "en", "TURREB"), ("حزب العمال الكردستاني", "ar", "TURREB"),
    ("RSF", "en", "SDNREB"), ("قوات الدعم السريع", "ar", "SDNREB"), ("快速支援部队", "zh", "SDNREB"),
    ("M23", "fr", "CODREB"), ("phiến quân M23", "vi", "CODREB"), ("Wagner Group", "en", "RUSUAF"),
    ("ЧВК «Вагнер»", "ru", "RUSUAF"), ("瓦格纳集团", "zh", "RUSUAF"), ("Syrian Democratic Forces", "en", "SYRREB"),
    ("قسد", "ar", "SYRREB"), ("Tatmadaw", "en", "MMRMIL"), ("Arakan Army", "en", "MMRREB"), ("若开军", "zh", "MMRREB"),
    ("Quân đội Arakan", "vi", "MMRREB"), ("Hayat Tahrir al-Sham", "en", "SYRREB"), ("الحشد الشعبي", "ar", "IRQMIL"),
    ("Fatah", "en", "PSEPTY"), ("OLP", "es", "PSEGOV"), ("الإخوان المسلمين", "ar", "EGYOPP"),
    ("Tren de Aragua", "es", "VENCRM"), ("Guardia Nacional Bolivariana", "es", "VENMIL"), ("ESMAD", "es", "COLCOP"),
    ("Sedena", "es", "MEXMIL"), ("TPLF", "en", "ETHREB"), ("Polisario", "fr", "ESHREB"), ("TTP", "en", "PAKREB"),
]


@pytest.mark.parametrize(("name", "lang", "code"), NON_STATE)
def test_non_state_actor(name: str, lang: str, code: str) -> None:
    ms = lookup(f"{name}", "2025-06-01", lang)
    assert any(m.text == name and m.code == code and m.sector == code[3:6] for m in ms), ms


#: Country-less sector mentions of the Spanish and Arabic gold sets (the coder picks the country).
SECTORS = [
    ("la Policía Nacional detuvo a dos hombres", "es", "Policía Nacional", "COP"),
    ("el Ejército combatió con la guerrilla", "es", "Ejército", "MIL"),
    ("los guerrilleros atacaron el puesto", "es", "guerrilleros", "REB"),
    ("los sindicatos convocaron un paro", "es", "sindicatos", "LAB"),
    ("los estudiantes marcharon", "es", "estudiantes", "EDU"),
    ("قتل شرطيين في الهجوم", "ar", "شرطيين", "COP"),
    ("أعلن الجيش أنه", "ar", "الجيش", "MIL"),
    ("فجر انتحاريان نفسيهما", "ar", "انتحاريان", "UAF"),
]


@pytest.mark.parametrize(("text", "lang", "surface", "sector"), SECTORS)
def test_country_less_sector(text: str, lang: str, surface: str, sector: str) -> None:
    ms = lookup(text, "2025-06-01", lang)
    assert any(surface in m.text and m.kind == "sector" and m.sector == sector and m.country is None for m in ms), ms
