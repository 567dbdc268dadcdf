"""Actor table (issue #4): shipped table, coverage of all countries in seven languages,
API, CLI, pipeline stage, build reproducibility."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.actors import doc_norm, find_actors, get_table, lookup
from detente.actors.cli import actors as actors_cli
from detente.actors.normalize import normalize
from detente.pipeline import Context
from detente.records import Document, Sentence
from detente.resources import data_path, shared_data_dir

REPO = Path(__file__).resolve().parents[2]
SHARED = shared_data_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared/data not present")

CLDR_LOCALES = (("en", "en"), ("zh", "zh"), ("zh-Hant", "zh"), ("vi", "vi"), ("es", "es"),
                ("fr", "fr"), ("ru", "ru"), ("ar", "ar"))


def test_table_ships_with_notice_and_version() -> None:
    t = get_table()
    assert t.version.startswith("actors-3.")
    notice = data_path("actors", "NOTICE.md").read_text(encoding="utf-8")
    for needle in ("GeoNames", "CC BY 4.0", "Unicode", "Open Event Data Alliance", "widdix", "Phong Phan"):
        assert needle in notice
    # every entry names its source
    assert all(e.get("src") for e in t.entries.values())
    states = [k for k, e in t.entries.items() if e["kind"] == "state"]
    assert len(states) >= 249


def test_load_is_small() -> None:
    """Loading the table (fresh process) costs < 150 MB on top of the interpreter.
    (Its load time is measured in benchmarks/run.py, not here: timings are no unit tests.)"""
    code = (
        "import resource,time;import detente.records, ahocorasick_rs, rapidfuzz, orjson;"
        "r0=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;t=time.process_time();"
        "from detente.actors.table import load_table;load_table();"
        "print(time.process_time()-t, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-r0)/1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    _seconds, mb = map(float, out.split())
    assert mb < 150, mb


def test_normalize_keeps_length() -> None:
    for s in ("İstanbul’s “U.S.” Ngoại trưởng", "杰克・沙利文", "الأمم المتحدة", "ǅ\u00a0x"):
        assert len(normalize(s)) == len(s)


@needs_shared
@pytest.mark.parametrize(("locale", "lang"), CLDR_LOCALES)
def test_every_country_resolves_in_each_language(locale: str, lang: str) -> None:
    """Each ISO 3166 country's CLDR name is found, whole, as that country."""
    import pycountry

    path = SHARED / "actors" / "cldr-territories" / f"{locale}.territories.json"
    terr = json.loads(path.read_text(encoding="utf-8"))["main"][locale]["localeDisplayNames"]["territories"]
    failures = []
    for c in pycountry.countries:
        name = terr[c.alpha_2]
        ms = lookup(name, lang=lang)
        if not (len(ms) == 1 and ms[0].country == c.alpha_3 and (ms[0].start, ms[0].end) == (0, len(name))):
            failures.append((c.alpha_2, name, [(m.text, m.entry) for m in ms]))
    assert not failures, failures[:10]


def test_role_at_date_changes_code() -> None:
    def code(text: str, day: str) -> str:
        ms = lookup(text, date=day, lang="en")
        assert len(ms) == 1, ms
        return ms[0].code

    assert code("Joe Biden", "2005-06-01") == "USALEG"
    assert code("Joe Biden", "2012-06-01") == "USAGOV"
    assert code("Joe Biden", "2023-06-01") == "USAGOV"
    assert lookup("Joe Biden", date="2012-06-01")[0].role_entry != lookup("Joe Biden", date="2023-06-01")[0].role_entry


def test_role_without_name_resolves_to_holder_on_date() -> None:
    assert lookup("美国国务卿", date="2023-06-18", lang="zh")[0].entry == "P_antony_blinken"
    assert lookup("美国国务卿", date="2019-06-18", lang="zh")[0].entry == "P_mike_pompeo"
    assert lookup("Ngoại trưởng Trung Quốc", date="2023-03-01", lang="vi")[0].entry == "P_qin_gang"
    assert lookup("Ngoại trưởng Trung Quốc", date="2023-09-01", lang="vi")[0].entry == "P_wang_yi"
    m = lookup("the Chinese foreign minister", date="2023-03-01", lang="en")[-1]
    assert (m.kind, m.entry, m.code) == ("role", "P_qin_gang", "CHNGOV")


def test_phrase_is_one_mention() -> None:
    text = "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing."
    ms = lookup(text, date="2023-06-18", lang="en")
    assert [m.text for m in ms] == ["U.S. Secretary of State Antony Blinken", "Chinese Foreign Minister Qin Gang", "Beijing"]
    assert [m.entry for m in ms] == ["P_antony_blinken", "P_qin_gang", "CAP_CHN"]
    beijing = ms[-1]
    assert beijing.is_location and beijing.code == "CHNGOV" and beijing.lat is not None
    ms = lookup("美国国务卿布林肯会见中国外长秦刚", date="2023-06-18", lang="zh")
    assert [(m.text, m.entry) for m in ms] == [("美国国务卿布林肯", "P_antony_blinken"), ("中国外长秦刚", "P_qin_gang")]


def test_zh_abbreviations_and_sides() -> None:
    ms = lookup("中美关系", lang="zh")
    assert [(m.text, m.country) for m in ms] == [("中", "CHN"), ("美", "USA")]
    assert [(m.text, m.kind, m.code) for m in lookup("美方表示", lang="zh")] == [("美方", "side", "USAGOV")]
    assert lookup("中美洲国家", lang="zh") == [] or all(m.country not in ("CHN", "USA") for m in lookup("中美洲国家", lang="zh"))
    # 伊 only with a full name in the document
    assert lookup("美伊关系", lang="zh") == [] or all(m.text != "伊" for m in lookup("美伊关系", lang="zh"))
    ms = lookup("伊朗外长表示，美伊关系紧张", lang="zh")
    assert ("伊", "IRN") in [(m.text, m.country) for m in ms]
    ms = lookup("伊拉克总理表示，美伊关系紧张", lang="zh")
    assert ("伊", "IRQ") in [(m.text, m.country) for m in ms]


def test_no_match_inside_longer_latin_word() -> None:
    assert lookup("Chinaware and Omanis", lang="en") == [] or all(m.text != "China" for m in lookup("Chinaware", lang="en"))
    assert all(m.country != "USA" for m in lookup("Let us talk", lang="en"))


def test_fuzzy_only_next_to_role() -> None:
    ms = lookup("Secretary of State Brinken met Lincoln.", date="2021-05-01", lang="en")
    assert ms[0].entry == "P_antony_blinken" and ms[0].fuzzy and ms[0].confidence < 1
    assert all(m.entry != "P_antony_blinken" for m in lookup("Lincoln said.", date="2021-05-01", lang="en"))
    ms = lookup("Secretary of State Blincoln", date="2021-05-01", lang="en")
    assert ms[0].entry == "P_antony_blinken" and ms[0].fuzzy
    # "Lincoln" is too far from "Blinken" (ratio 57): a person who is not the holder, read as the
    # title's country and sector only (never Blinken)
    ms = lookup("Secretary of State Lincoln", date="2021-05-01", lang="en")
    assert [(m.text, m.kind, m.fuzzy, m.code) for m in ms] == [("Secretary of State Lincoln", "role", False, "USAGOV")]
    assert ms[0].entry != "P_antony_blinken" and ms[0].role_entry is None


def test_generic_agents_with_and_without_country() -> None:
    ms = lookup("Colombian police clashed with protesters", lang="en")
    assert [(m.text, m.code, m.kind) for m in ms] == [("Colombian police", "COLCOP", "sector"), ("protesters", "---CVL", "sector")]
    assert [m.code for m in lookup("la policía colombiana", lang="es")] == ["COLCOP"]
    assert [m.code for m in lookup("cảnh sát Colombia", lang="vi")] == ["COLCOP"]


def test_stage_fills_sorted_non_overlapping_mentions() -> None:
    text = "王毅会见美国国务卿布林肯。美方表示，双方在北京会谈。"
    trad = "王毅會見美國國務卿布林肯。美方表示，雙方在北京會談。"
    doc = Document(id="x", source="t", text=trad, lang="zh", pub_date=dt.date(2023, 6, 18))
    doc.sentences = [Sentence(0, 0, 13, trad[:13], "zh", text[:13]), Sentence(1, 13, len(trad), trad[13:], "zh", text[13:])]
    assert doc_norm(doc) == text
    find_actors(doc, Context())
    ms = doc.mentions
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))
    assert all(trad[m.start:m.end] == m.text for m in ms)
    assert [m.entry for m in ms][:2] == ["P_wang_yi", "P_antony_blinken"]


def test_cli_lookup() -> None:
    r = CliRunner().invoke(actors_cli, ["lookup", "布林肯", "--date", "2023-06-18", "--format", "json"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output.splitlines()[0])
    assert rec["entry"] == "P_antony_blinken" and rec["code"] == "USAGOV"
    r = CliRunner().invoke(actors_cli, ["lookup", "Bắc Kinh", "--date", "not-a-date"])
    assert r.exit_code != 0 and "date" in r.output
    r = CliRunner().invoke(actors_cli, ["lookup", "--help"])
    assert r.exit_code == 0 and "--date" in r.output
    r = CliRunner().invoke(actors_cli, ["holders", "FM", "CHN", "--date", "2023-05-01"])
    assert r.exit_code == 0 and r.output.startswith("Qin Gang\tCHNGOV")
    r = CliRunner().invoke(actors_cli, ["info"])
    assert r.exit_code == 0 and get_table().version in r.output and "person=" in r.output


@needs_shared
def test_build_is_reproducible(tmp_path: Path) -> None:
    """A fresh build equals the shipped table byte for byte (same inputs → same output)."""
    out = tmp_path / "actors.json.gz"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_actors.py"), "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    shipped = data_path("actors", "actors.json.gz")
    # compare digests: a failing == on megabytes makes pytest diff them for minutes
    fresh_sha = hashlib.sha256(gzip.decompress(out.read_bytes())).hexdigest()
    shipped_sha = hashlib.sha256(gzip.decompress(shipped.read_bytes())).hexdigest()
    assert fresh_sha == shipped_sha, "shipped actor table differs from a fresh build: run scripts/build_actors.py"
    assert hashlib.sha256(out.read_bytes()).digest() == hashlib.sha256(shipped.read_bytes()).digest()


def test_script_aware_boundaries() -> None:
    # Arabic proclitics attach to the name; the mention is the name itself
    ms = lookup("أمريكا والصين", lang="ar")
    assert [(m.text, m.country) for m in ms] == [("أمريكا", "USA"), ("الصين", "CHN")]
    # Russian case endings on a stem, exact forms preferred over longer stems (Нигер vs Нигерия)
    assert [m.country for m in lookup("позиция Китая", lang="ru")] == ["CHN"]
    assert [m.country for m in lookup("в Нигерии", lang="ru")] == ["NGA"]
    # a one-syllable Vietnamese country name inside a person's name is not the country
    assert all(m.country != "DEU" for m in lookup("ông Nguyễn Minh Đức phát biểu", lang="vi"))
    assert [m.country for m in lookup("Việt Nam và Đức ký kết", lang="vi")] == ["VNM", "DEU"]
    assert lookup("Anh ấy nói rằng chị Nga đã đến", lang="vi") == []
    assert [m.country for m in lookup("Anh và Pháp phản đối", lang="vi")] == ["GBR", "FRA"]
    # Chinese: a longer known name is never split (中国国防部长 = 中国 + 国防部长, not 中国国防部 + 长)
    ms = lookup("中国国防部长表示", date="2023-06-03", lang="zh")
    assert [(m.text, m.entry) for m in ms] == [("中国国防部长", "P_li_shangfu")]


def test_ministry_resolves_to_the_article_state_only_when_unambiguous() -> None:
    ms = lookup("中国宣布新措施。外交部表示欢迎。", lang="zh")
    assert [m.code for m in ms if m.text == "外交部"] == ["CHNGOV"]
    ms = lookup("中国和美国宣布新措施。外交部表示欢迎。", lang="zh")
    assert [m.code for m in ms if m.text == "外交部"] == ["---GOV"]


def test_bare_title_refers_to_the_only_person_named_with_that_role() -> None:
    text = "Chinese Foreign Minister Qin Gang met reporters. The foreign minister said talks were candid."
    ms = lookup(text, date="2023-03-07", lang="en")
    assert [(m.text, m.entry) for m in ms][-1] == ("foreign minister", "P_qin_gang")
    text = ("Foreign Minister Qin Gang met Secretary of State Antony Blinken. "
            "The foreign minister said talks were candid.")
    ms = lookup(text, date="2023-06-18", lang="en")
    assert ms[-1].text == "foreign minister" and ms[-1].entry == "role:FM"  # two candidates: unresolved


def test_title_owner_from_possessive() -> None:
    ms = lookup("拜登总统的国家安全顾问", date="2024-04-25", lang="zh")
    assert [(m.text, m.entry) for m in ms] == [("拜登总统", "P_joe_biden"), ("国家安全顾问", "P_jake_sullivan")]
    ms = lookup("cố vấn an ninh quốc gia của Biden phát biểu", date="2023-06-18", lang="vi")
    assert ms[0].entry == "P_jake_sullivan"


def test_hanviet_forms_of_chinese_names() -> None:
    """Vietnamese forms derived from hanviet.csv (both tone-placement spellings)."""
    for vi, pid in (("Ngụy Phượng Hòa", "P_wei_fenghe"), ("Nguỵ Phượng Hoà", "P_wei_fenghe"),
                    ("Vương Hộ Ninh", "P_wang_huning"), ("Lưu Kiến Siêu", "P_liu_jianchao")):
        ms = lookup(vi, lang="vi")
        assert [m.entry for m in ms] == [pid], (vi, ms)


def test_latest_roles_when_no_date() -> None:
    m = lookup("Ngoại trưởng Trung Quốc", lang="vi")[0]
    assert m.entry == "P_wang_yi"
    assert lookup("Donald Trump")[0].code == "USAGOV"


def test_dotted_capital_i_keeps_offsets() -> None:
    ms = lookup("İstanbul'da Türkiye", lang="en")
    assert [m.text for m in ms] == ["İstanbul", "Türkiye"]


@pytest.mark.parametrize("lang", [None, "zh", "vi", "en", "ar", "ru"])
def test_mentions_are_sorted_disjoint_and_point_into_the_text(lang: str | None) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = "abcABC中美国方日华的巴伊以 Ngoại trưởng Mỹ Trung Quốc'’.-\n الصين Китая"

    @settings(max_examples=150, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    def check(text: str) -> None:
        ms = lookup(text, date="2023-01-01", lang=lang)
        assert all(text[m.start:m.end] == m.text for m in ms)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ms))

    check()


def test_agent_of_organisation_is_one_phrase() -> None:
    ms = lookup("Guerrilleros del Frente 7 de las FARC EP atacaron un puesto", lang="es", date="2000-06-01")
    assert (ms[0].text, ms[0].code, ms[0].entry) == (
        "Guerrilleros del Frente 7 de las FARC EP", "COLREB", "ORG_FARC")
    ms = lookup("soldiers of the Israel Defense Forces fired", lang="en")
    assert [(m.code, m.entry) for m in ms] == [("ISRMIL", "ORG_IDF")]
    # without an organisation the agent stays alone
    assert [m.text for m in lookup("police of the city", lang="en")] == ["police"]


def test_title_with_short_family_name() -> None:
    """ "Premier Li": exact family name of the only holder of that title on the date."""
    assert lookup("Premier Li said", date="2024-01-01", lang="en")[0].entry == "P_li_qiang"
    assert lookup("Premier Li said", date="2018-01-01", lang="en")[0].entry == "P_li_keqiang"
    ms = lookup("Premier Lu said", date="2024-01-01", lang="en")
    assert [(m.text, m.kind) for m in ms] == [("Premier", "role")]


def test_the_ministry_in_english() -> None:
    ms = lookup("Vietnam announced new rules. The ministry said they start in May.", lang="en")
    assert [(m.text, m.code) for m in ms][-1] == ("The ministry", "VNMGOV")
    ms = lookup("Vietnam and China announced new rules. The ministry said so.", lang="en")
    assert [(m.text, m.code) for m in ms][-1] == ("The ministry", "---GOV")


def test_names_and_phrases_that_are_not_states() -> None:
    text = ("Real Madrid beat Getafe. Jordan Peterson spoke. The Washington Post reported that "
            "Chad and Jordan signed a deal.")
    ms = lookup(text, lang="en", date="2024-05-01")
    assert [(m.text, m.country) for m in ms] == [("Chad", "TCD"), ("Jordan", "JOR")]


def test_places_carry_dated_countries() -> None:
    """A place whose state changed has a dated country (places.yaml `country_periods`): Juba and
    the other South Sudanese towns were in Sudan before independence (2011-07-09), Asmara in
    Ethiopia before 1993-05-24; contested cases (Dili, Crimea, Pristina) carry no period."""
    t = get_table()
    juba = next(m.entry for m in lookup("Juba", "2015-01-01", "en") if m.text == "Juba")
    assert juba == "CAP_SSD"
    assert t.place_at(juba, "1995-03-01")[:3] == ("SDN", "SDN", None)  # no SSDGOV metonym before 2011
    assert t.place_at(juba, dt.date(2011, 7, 8)).country == "SDN"
    assert t.place_at(juba, "2011-07-09")[:3] == ("SSD", "SSDGOV", "GOV")
    assert t.place_at(juba, None).country == "SSD" and not t.place_at(juba, None).dated
    for town, lang in (("Malakal", "en"), ("Wau", "en"), ("马拉卡勒", "zh"), ("ملكال", "ar")):
        eid = next(m.entry for m in lookup(f"{town}", "2005-01-01", lang) if m.text == town)
        assert t.entries[eid]["country"] == "SSD" and t.entries[eid]["is_location"], town
        assert t.place_at(eid, "2005-01-01").country == "SDN" and t.place_at(eid, "2012-01-01").country == "SSD"
    asmara = next(m.entry for m in lookup("Asmara", "1990-01-01", "en") if m.text == "Asmara")
    assert t.place_at(asmara, "1990-01-01").country == "ETH" and t.place_at(asmara, "1993-05-24").country == "ERI"
    for name, lang in (("Dili", "en"), ("Pristina", "en"), ("Simferopol", "en"), ("Sevastopol", "en")):
        for m in lookup(name, "1995-01-01", lang):
            assert m.entry not in t.place_periods, (name, m.entry)
            assert t.place_at(m.entry, "1995-01-01").dated is False
    assert t.place_at("NO_SUCH_PLACE", "1995-01-01") is None
    # every period lies before the present country and names a state of the table
    for eid, rows in t.place_periods.items():
        assert t.entries.kind(eid) in ("place", "metonym"), eid
        for country, code, start, end in rows:
            assert t.entries.kind(country) == "state" and code.startswith(country) and end and (not start or start < end)
            assert country != t.entries[eid]["country"]
