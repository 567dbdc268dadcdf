"""User actor dictionaries (YAML and TABARI/PETRARCH) on top of the compiled table."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import detente
from detente.actors import get_table, lookup
from detente.actors.table import TABLE_FILE
from detente.actors.user import (
    DatedCode,
    UserActorTable,
    actor_table,
    code_on,
    extend_table,
    load_user_actors,
    read_tabari,
    read_yaml,
    split_code,
)
from detente.errors import ActorFileError
from detente.events.evaluate import read_gold, score
from detente.options import Options
from detente.resources import data_path, shared_data_dir

TABARI = """\
<!-- A TEST DICTIONARY -->
<!--
# a multi-line comment block
   [NOT A CODE]
-->
ARNOR_  [ARN]   # the north kingdom
+ARNORIAN_
GONDOR [GON]
+MINAS_TIRITH

BOROMIR  [---]
GOLLUM  # dated codes on indented lines
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
#\t[HOBXXX 950601-990815]  commented out
\t[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
WHITE_HOUSE_ [ARNGOV]
AMROTH_TANKS  [AMRTNK]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
!MINST!_=_MINISTER,_MINISTRY_
TROOPS {} [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
HUMAN_RIGHTS_BODY  [NGO~]
BORDER_GUARD  [~MIL]
"""

YAML = """\
people:
- id: jane_doe
  name: Jane Doe
  country: USA
  en: [Jane Doe, J. Doe]
  surname: {en: Doe}
  roles:
  - [FM, USA, 2026-06-01, ""]
orgs:
- id: river_militia
  name: River Militia
  code: ARNREB
  en: [River Militia, Riverside Brigades]
  zh: [河流民兵]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _error(path: Path) -> ActorFileError:
    with pytest.raises(ActorFileError) as exc:
        load_user_actors(path)
    return exc.value


# ----------------------------------------------------------------------------- TABARI reader
def test_tabari_entries_synonyms_comments_and_dated_codes(tmp_path: Path) -> None:
    ua = read_tabari(_write(tmp_path, "toy.actors.txt", TABARI))
    by_id = {a.id: a for a in ua.actors}
    assert list(by_id) == ["user:ARNOR", "user:GONDOR", "user:BOROMIR", "user:GOLLUM", "user:THE_SHIRE",
                           "user:WHITE_HOUSE", "user:AMROTH_TANKS"]  # nothing from the comment blocks
    arnor = by_id["user:ARNOR"]
    assert (arnor.kind, arnor.country, arnor.code, arnor.line) == ("state", "ARN", "ARN", 6)
    assert [(f.surface, f.stem) for f in arnor.forms] == [("ARNOR", False), ("ARNORIAN", False)]
    assert [(f.surface, f.stem) for f in by_id["user:GONDOR"].forms] == [("GONDOR", True), ("MINAS TIRITH", True)]
    assert by_id["user:GOLLUM"].codes == [DatedCode("HOB", "", "1995-06-01"),
                                          DatedCode("HOBGOV", "1995-06-01", "1999-08-16"),
                                          DatedCode("HOBREB", "1999-08-16", "")]
    assert by_id["user:BOROMIR"].code == "---" and by_id["user:BOROMIR"].country is None
    assert by_id["user:THE_SHIRE"].code == "FRO"
    assert any("FRO/BIL/SAM" in w and ":18:" in w for w in ua.warnings)
    assert by_id["user:AMROTH_TANKS"].kind == "org" and by_id["user:AMROTH_TANKS"].sector == "TNK"


def test_dated_code_selection() -> None:
    codes = [DatedCode("HOB", "", "1995-06-01"), DatedCode("HOBGOV", "1995-06-01", "1999-08-16"),
             DatedCode("HOBREB", "1999-08-16", "")]
    assert code_on(codes, "1990-01-01").code == "HOB"  # type: ignore[union-attr]
    assert code_on(codes, "1999-08-15").code == "HOBGOV"  # type: ignore[union-attr]
    assert code_on(codes, "1999-08-16").code == "HOBREB"  # type: ignore[union-attr]
    assert code_on([DatedCode("ONO", "", "1991-12-26")], "1995-01-01") is None  # no code that day
    assert code_on([DatedCode("ZBW"), DatedCode("RHO", "", "1979-06-06")], "1975-01-01").code == "RHO"  # type: ignore[union-attr]
    assert code_on([DatedCode("ZBW"), DatedCode("RHO", "", "1979-06-06")], None).code == "ZBW"  # type: ignore[union-attr]
    assert split_code("PSEREBHMS") == ("PSE", "REB") and split_code("IGOUNO") == (None, "IGO")


def test_tabari_agents_plurals_and_substitution_sets(tmp_path: Path) -> None:
    ua = read_tabari(_write(tmp_path, "toy.agents.txt", AGENTS))
    forms = {a.id: [f.surface for f in a.forms] for a in ua.actors}
    assert forms["user:agent:TROOPS"] == ["troops"]  # {} = no plural
    assert forms["user:agent:ATTORNEY_GENERAL"] == ["attorney general", "attorneys general"]
    assert forms["user:agent:CONGRESSMAN"] == ["congressman", "congressmans", "congressmen", "congressmens",
                                               "congresswoman", "congresswomans"]
    assert "ministers of silly walks" in forms["user:agent:MINISTER_OF_SILLY_WALKS"]
    assert "ministry of silly walks" in forms["user:agent:MINISTER_OF_SILLY_WALKS"]
    assert forms["user:agent:BORDER_GUARD"] == ["border guard", "border guards"]
    sectors = {a.id: a.sector for a in ua.actors}
    assert sectors["user:agent:TROOPS"] == "MIL" and sectors["user:agent:HUMAN_RIGHTS_BODY"] == "NGO"
    assert any("NGO~" in w for w in ua.warnings)
    assert all(a.kind == "sector" and all(f.ptype == "G" for f in a.forms) for a in ua.actors)


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("+ORPHAN_SYNONYM\nARNOR [ARN]\n", 1, "synonym line"),
    ("ARNOR [ARN]\nGONDOR [GON\n", 2, "unbalanced"),
    ("ARNOR\n\tGONDOR\n", 0, "no actor entry with a code"),
    ("ARNOR [ARN]\n<!-- never closed\nGONDOR [GON]\n", 2, "never closed"),
    ("\t[ARN]\n", 1, "code line before any actor"),
    ("TROOPS [~MIL] [~GOV]\n", 1, "exactly one"),
    ("!MINST!_OF_WAR [~GOV]\n", 1, "!MINST! is not defined"),
])
def test_tabari_errors_name_file_line_and_reason(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = _write(tmp_path, "bad.txt", text)
    err = _error(p)
    assert err.line == line and err.path == str(p)
    assert reason in str(err) and str(err).startswith(f"{p}:{line}: " if line else f"{p}: ")


def test_a_bad_date_drops_its_code_with_a_warning(tmp_path: Path) -> None:
    ua = read_tabari(_write(tmp_path, "d.txt", "GOLLUM\n\t[HOB <19951345]\n\t[HOBREB >990816]\n"))
    assert ua.actors[0].codes == [DatedCode("HOBREB", "1999-08-16", "")]
    assert ua.warnings == [f"{tmp_path / 'd.txt'}:2: bad date '19951345' (no such day): code [HOB <19951345] ignored"]
    ua = read_tabari(_write(tmp_path, "r.txt", "GOLLUM [HOB 19990101-19950101] [HOBREB]\n"))
    assert ua.actors[0].codes == [DatedCode("HOBREB")] and "ends before it starts" in ua.warnings[0]
    ua = read_tabari(_write(tmp_path, "e.txt", "ARNOR [ARN]\nGOLLUM\n\t[HOB <19951345]\n"))
    assert [a.id for a in ua.actors] == ["user:ARNOR"]  # no code left: the entry is dropped, with a warning
    assert ua.warnings[-1] == f"{tmp_path / 'e.txt'}:2: actor 'Gollum' has no code: ignored"


def test_real_phoenix_dictionaries_load(tmp_path: Path) -> None:
    shared = shared_data_dir()
    path = shared / "actors" / "petrarch2-phoenix" / "Phoenix.International.actors.txt" if shared else None
    if path is None or not path.exists():
        pytest.skip("shared Phoenix dictionaries absent")
    ua = read_tabari(path)
    assert len(ua.actors) > 3000
    un = next(a for a in ua.actors if a.id == "user:UN_SECRETARY_GENERAL")
    assert un.code == "IGOUNO" and any(f.surface == "UNSG" for f in un.forms)
    ban = next(a for a in ua.actors if a.id == "user:SECRETARY_GENERAL_BAN_KI_MOON")
    assert DatedCode("IGOUNO", "2007-01-01", "") in ban.codes


# ----------------------------------------------------------------------------- YAML reader
def test_yaml_people_and_orgs(tmp_path: Path) -> None:
    ua = read_yaml(_write(tmp_path, "mine.yaml", YAML))
    jane, militia = ua.actors
    assert (jane.id, jane.kind, jane.code, jane.line) == ("user:jane_doe", "person", "USAGOV", 2)
    assert jane.roles == [("FM", "USA", "2026-06-01", "")]
    assert [(f.surface, f.ptype) for f in jane.forms] == [("Jane Doe", "E"), ("J. Doe", "E"), ("Doe", "N")]
    assert (militia.id, militia.kind, militia.country, militia.sector, militia.line) == (
        "user:river_militia", "org", "ARN", "REB", 10)
    assert ("河流民兵", "zh") in [(f.surface, f.lang) for f in militia.forms]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("people:\n- id: x\n  name: X\n  en: [X Y]\n  roles:\n  - [NOPE, USA, 2020-01-01, \"\"]\n", 2, "unknown role key"),
    ("orgs:\n- id: a\n  name: A\n  code: AAAREB\n  en: [Aa Bb]\n- id: b\n  en: [Bb Cc]\n  code: BBB\n", 6,
     "missing 'name'"),
    ("orgs:\n- id: a\n  name: A\n  code: 12\n  en: [Aa]\n", 2, "CAMEO-style code"),
    ("people:\n- id: x\n  name: X\n  en: [X Y]\n  colour: red\n", 2, "unknown field 'colour'"),
    ("people:\n- id: x\n  name: X\n", 2, "has no names"),
    ("orgs:\n- id: a\n  name: A\n  code: AAAREB\n  kind: planet\n  en: [Aa]\n", 2, "'kind' must be"),
    ("people:\n  - id: x\n   name: X\n", 3, "not YAML"),
    ("actors:\n- id: x\n", 1, "expected a mapping"),
    ("orgs: []\nstates: []\n", 2, "unknown section 'states'"),
])
def test_yaml_errors_name_file_line_and_reason(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = _write(tmp_path, "bad.yaml", text)
    err = _error(p)
    assert (err.path, err.line) == (str(p), line)
    assert reason in str(err)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ActorFileError, match="actor file not found"):
        actor_table([tmp_path / "nope.yaml"])


# ----------------------------------------------------------------------------- table and lookup
def test_user_entries_win_and_the_compiled_table_is_untouched(tmp_path: Path) -> None:
    table_file = data_path(*TABLE_FILE)
    before = hashlib.sha256(table_file.read_bytes()).hexdigest()
    base = get_table()
    assert lookup("The White House said so.", "2024-01-01", "en")[0].code == "USAGOV"
    p = _write(tmp_path, "toy.actors.txt", TABARI)
    user = actor_table([p])
    assert isinstance(user, UserActorTable) and user is actor_table([p])  # built once
    got = lookup("The White House said so.", "2024-01-01", "en", extra_actors=[p])
    assert [(m.entry, m.code) for m in got] == [("user:WHITE_HOUSE", "ARNGOV")]
    # the shipped table and the table file are unchanged
    assert get_table() is base and base.version != user.version and user.version.startswith(base.version)
    assert lookup("The White House said so.", "2024-01-01", "en")[0].code == "USAGOV"
    assert hashlib.sha256(table_file.read_bytes()).hexdigest() == before
    assert "user:WHITE_HOUSE" not in base.entries


def test_lookup_resolves_dated_codes_stems_and_phrases(tmp_path: Path) -> None:
    p = _write(tmp_path, "toy.actors.txt", TABARI)
    assert [m.code for m in lookup("Smeagol left.", "1996-03-01", "en", extra_actors=[p])] == ["HOBGOV"]
    assert [m.code for m in lookup("Smeagol left.", "2001-03-01", "en", extra_actors=[p])] == ["HOBREB"]
    # a stem (no final underscore) takes a short ending; ARNOR_ does not
    assert [m.entry for m in lookup("The Gondorian envoy left.", "1996-03-01", "en", extra_actors=[p])] == ["user:GONDOR"]
    assert not any(m.entry.startswith("user:")
                   for m in lookup("The Arnorx envoy left.", "1996-03-01", "en", extra_actors=[p]))
    # a built-in agent noun with a user country: the phrase names the user entry
    ms = lookup("Gondor troops crossed the river.", "1996-03-01", "en", extra_actors=[p])
    assert [(m.entry, m.code, m.kind) for m in ms] == [("user:GONDOR", "GONMIL", "sector")]


def test_yaml_person_holds_a_dated_role(tmp_path: Path) -> None:
    p = _write(tmp_path, "mine.yaml", YAML)
    after = lookup("The U.S. Secretary of State arrived.", "2026-07-01", "en", extra_actors=[p])
    assert [(m.entry, m.role_entry) for m in after] == [("user:jane_doe", "user:jane_doe#0")]
    before = lookup("The U.S. Secretary of State arrived.", "2026-05-01", "en", extra_actors=[p])
    assert before[0].entry != "user:jane_doe"
    assert [m.code for m in lookup("河流民兵发动袭击。", "2026-07-01", "zh", extra_actors=[p])] == ["ARNREB"]


def test_later_files_win_for_a_shared_surface_form(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", "ARNOR_ [ARN]\n")
    b = _write(tmp_path, "b.txt", "NORTH_KINGDOM_ [NKG]\n+ARNOR_\n")
    table = extend_table(get_table(), [load_user_actors(a), load_user_actors(b)])
    from detente.actors.matcher import find_mentions

    assert [m.entry for m in find_mentions("Arnor spoke.", table, lang="en")] == ["user:NORTH_KINGDOM"]


# ----------------------------------------------------------------------------- end to end
def test_extract_codes_an_event_with_user_actors_and_their_provenance(tmp_path: Path) -> None:
    p = _write(tmp_path, "toy.actors.txt", TABARI)
    y = _write(tmp_path, "mine.yaml", YAML)
    opts = Options(extra_actors=(str(p), str(y)))
    evs = detente.extract("The River Militia attacked Gondor on Monday.", lang="en", pub_date="2026-07-01",
                          options=opts)
    assert [(e.event, e.actor["code"], e.recipient["code"]) for e in evs if e.actor and e.recipient] == [
        ("ASSAULT", "ARNREB", "GON")]
    assert evs[0].provenance.actor_entries == ["user:river_militia", "user:GONDOR"]
    assert evs[0].actor["id"] == "user:river_militia"
    # without the user files neither actor is known
    plain = detente.extract("The River Militia attacked Gondor on Monday.", lang="en", pub_date="2026-07-01")
    assert not any(e.recipient and e.recipient.get("code") == "GON" for e in plain)


def test_extract_raises_on_a_bad_user_file(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.txt", "+ORPHAN\n")
    with pytest.raises(ActorFileError, match=r"bad\.txt:1: synonym line"):
        detente.extract("Arnor condemned Gondor.", options=Options(extra_actors=(str(bad),)))


def test_evaluator_counts_gold_events_without_a_plover_type(tmp_path: Path) -> None:
    gold = _write(tmp_path, "g.jsonl",
                  '{"id": "a", "lang": "en", "date": "19950101", "text": "Arnor condemned Gondor.", "events": ['
                  '{"source_code": "ARN", "target_code": "GON", "cameo": "111"},'
                  '{"source_code": "ARN", "target_code": "GON", "cameo": "903"}]}\n')
    gs = read_gold(gold)
    assert gs[0].skipped == 1 and len(gs[0].events) == 1
    rep = score(gs, {}, str(gold))
    assert rep.skipped_gold == 1 and any("1 gold events skipped" in n for n in rep.notes)
