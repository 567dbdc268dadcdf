"""Former states (countries.yaml ``historical``), capitals dated to them, and role titles followed
by a name that is not the title's holder (issue #4 / #5 English recall work)."""

from __future__ import annotations

from detente.actors import lookup
from detente.actors.table import get_table


def _one(text: str, date: str | None, lang: str = "en") -> list[tuple[str, str | None, str]]:
    return [(m.text, m.country, m.code) for m in lookup(text, date, lang)]


def test_former_states_are_entries_with_period_and_successor() -> None:
    t = get_table()
    for code, successor, end in (("SUN", "RUS", "1991-12-26"), ("YUG", "SRB", "2003-02-04"),
                                 ("DDR", "DEU", "1990-10-03"), ("CSK", "CZE", "1993-01-01"),
                                 ("ZAR", "COD", "1997-05-17")):
        e = t.entries[code]
        assert e["kind"] == "state" and e["country"] == code and e["code"] == code, code
        f = t.former_states[code]
        assert f.successor == successor and f.end == end and f.start < end, code
        assert t.entries.kind(successor) == "state"
    assert set(t.former_states) == {"SUN", "YUG", "DDR", "CSK", "ZAR"}


def test_former_state_names_in_every_language_and_any_date() -> None:
    assert _one("The Soviet Union boycotted the Games.", "1984-05-02") == [("Soviet Union", "SUN", "SUN")]
    # a name of the former state keeps meaning it after its end ("the collapse of the USSR")
    assert _one("Thirty years after the end of the USSR, the debate goes on.", "2021-12-26") == [("USSR", "SUN", "SUN")]
    assert _one("苏联解体", "1992-01-01", "zh") == [("苏联", "SUN", "SUN")]
    assert _one("Liên Xô sụp đổ", "1992-01-01", "vi") == [("Liên Xô", "SUN", "SUN")]
    assert _one("распад СССР", "1992-01-01", "ru") == [("СССР", "SUN", "SUN")]
    assert ("Checoslovaquia", "CSK", "CSK") in _one("Checoslovaquia se dividió.", "1993-01-01", "es")
    assert ("Zaïre", "ZAR", "ZAR") in _one("Le Zaïre a fermé sa frontière.", "1995-01-01", "fr")


def test_former_state_demonyms_merge_with_agents() -> None:
    assert _one("Soviet troops left Kabul.", "1989-02-15")[0] == ("Soviet troops", "SUN", "SUNMIL")
    assert _one("Zairean soldiers crossed the river.", "1996-10-01") == [("Zairean soldiers", "ZAR", "ZARMIL")]
    assert ("East German", "DDR", "DDR") in _one("the East German leadership resigned", "1989-12-03")


def test_soviet_union_is_not_a_trade_union() -> None:
    assert all(m.text != "Union" and m.code != "---LAB" for m in lookup("the Soviet Union", "1980-01-01", "en"))


def test_post_soviet_is_no_party_of_the_next_noun() -> None:
    ms = lookup("post-Soviet states sent troops", "2024-01-01", "en")
    assert all(m.code != "SUNMIL" for m in ms)
    assert ("troops", None, "---MIL") in [(m.text, m.country, m.code) for m in ms]


def test_capitals_of_former_states_are_dated_seats() -> None:
    t = get_table()
    moscow = next(m for m in lookup("Moscow said", "1985-01-01", "en"))
    assert (moscow.country, moscow.code, moscow.sector) == ("SUN", "SUNGOV", "GOV")
    assert _one("Moscow said", "2020-01-01") == [("Moscow", "RUS", "RUSGOV")]
    at = t.place_at(moscow.entry, "1991-12-26")
    assert at is not None and (at.country, at.dated) == ("RUS", False)
    assert _one("Kinshasa said", "1980-01-01")[0][2] == "ZARGOV"
    assert _one("Kinshasa said", "1965-01-01")[0][2] == "CODGOV"  # before Zaire: the present state


def test_phoenix_people_of_former_states_are_kept() -> None:
    ms = lookup("East German leader Erich Honecker resigned.", "1985-01-01", "en")
    assert ("Erich Honecker", "DDR", "DDRGOV") in [(m.text, m.country, m.code) for m in ms]


def test_title_with_a_name_that_is_not_the_holder() -> None:
    # a named person who is not the holder on the date: the title's country and sector only
    ms = lookup("Dutch Foreign Minister Pieter Verhagen met his Belgian counterpart.", "2024-03-05", "en")
    m = ms[0]
    assert (m.text, m.kind, m.country, m.code, m.name) == (
        "Dutch Foreign Minister Pieter Verhagen", "role", "NLD", "NLDGOV", "Pieter Verhagen")
    assert m.role_entry is None and m.entry == "role:FM:NLD"
    # the bare title still resolves to the holder; a known name still resolves to its person
    bare = lookup("The Dutch Foreign Minister met his Belgian counterpart.", "2024-03-05", "en")[0]
    assert bare.role_entry is not None and bare.entry.startswith("P")
    wang = lookup("Chinese Foreign Minister Wang Yi met him.", "2024-03-05", "en")[0]
    assert (wang.entry, wang.kind) == ("P_wang_yi", "person")
    # a date word or a function word after the title is no name
    assert lookup("said the Dutch Foreign Minister Friday", "2024-03-05", "en")[0].role_entry is not None


def test_title_without_country_and_unknown_name_takes_the_article_state_only() -> None:
    ms = lookup("Strikes in Zimbabwe continued as President Banda refused to resign.", "1990-01-01", "en")
    m = next(m for m in ms if m.text.startswith("President"))
    assert (m.text, m.country, m.code, m.role_entry) == ("President Banda", "ZWE", "ZWEGOV", None)
    alone = lookup("President Banda refused to resign.", "1990-01-01", "en")[0]
    assert (alone.country, alone.code) == (None, "---GOV")


def test_new_agents() -> None:
    assert _one("Croatian extremists burned houses.", "1995-09-01") == [("Croatian extremists", "HRV", "HRVRAD")]
    assert _one("two Iraqi youths were hurt", "2005-03-01") == [("Iraqi youths", "IRQ", "IRQCVL")]
    assert _one("the Kenyan news agency reported", "2005-03-01") == [("Kenyan news agency", "KEN", "KENMED")]
