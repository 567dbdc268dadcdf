"""Regression test of the 2025-2026 role changes recorded on 2026-11-24 (data/actors/people.yaml).

Each changed office is looked up as a role-only phrase ("Peru's President") on a day before and
a day after the change: the phrase must resolve to the holder of that day, and a holder whose
term ended must no longer be returned. The sources of each date are in the yaml comments and
the review list of data/actors/newsworthy.yaml.
"""

from __future__ import annotations

import pytest

from detente.actors import lookup

#: (phrase, lang, date, expected entry of the mention that covers the phrase)
HOLDERS: list[tuple[str, str, str, str]] = [
    # Peru: Boluarte removed 2025-10-10, Jerí removed 2026-02-17, Balcázar sworn in 2026-02-18
    ("Peru's President", "en", "2025-10-09", "P_dina_boluarte"),
    ("Peru's President", "en", "2025-10-10", "P_jose_jeri"),
    ("Peru's President", "en", "2026-02-16", "P_jose_jeri"),
    ("Peru's President", "en", "2026-02-18", "P_jose_maria_balcazar"),
    ("presidente de Perú", "es", "2026-03-01", "P_jose_maria_balcazar"),
    ("秘鲁总统巴卡沙", "zh", "2026-03-01", "P_jose_maria_balcazar"),
    # Bangladesh: Tarique Rahman and his cabinet sworn in 2026-02-17
    ("Bangladesh's Prime Minister", "en", "2026-02-16", "P_muhammad_yunus"),
    ("Bangladesh's Prime Minister", "en", "2026-02-17", "P_tarique_rahman"),
    ("رئيس وزراء بنغلاديش", "ar", "2026-03-01", "P_tarique_rahman"),
    ("Bangladesh's foreign minister", "en", "2026-02-17", "P_khalilur_rahman"),
    # United Kingdom: Healey resigned 2026-06-11, Dan Jarvis appointed the same evening
    ("Britain's defence minister", "en", "2026-06-10", "P_john_healey"),
    ("Britain's defence minister", "en", "2026-06-11", "P_dan_jarvis"),
    ("英国国防大臣贾维斯", "zh", "2026-07-01", "P_dan_jarvis"),
    # Colombia: Petro's term ends on inauguration day 2026-08-07
    ("Colombia's President", "en", "2026-08-06", "P_gustavo_petro"),
    ("Colombia's President", "en", "2026-08-07", "P_abelardo_de_la_espriella"),
]

#: (phrase, lang, date, entry that must NOT be returned: the term is over, no successor known)
ENDED: list[tuple[str, str, str, str]] = [
    ("Peru's President", "en", "2026-09-01", "P_jose_maria_balcazar"),   # handover 2026-07-28
    ("Peru's President", "en", "2026-03-01", "P_dina_boluarte"),
    ("Bangladesh's Prime Minister", "en", "2026-03-01", "P_muhammad_yunus"),
    ("Bangladesh's foreign minister", "en", "2025-06-01", "P_khalilur_rahman"),
    ("Britain's defence minister", "en", "2026-07-01", "P_john_healey"),
]


def _mention(phrase: str, lang: str, date: str):  # type: ignore[no-untyped-def]
    """The mention covering the whole phrase, or None."""
    ms = [m for m in lookup(phrase, date=date, lang=lang) if m.text == phrase]
    return ms[0] if ms else None


@pytest.mark.parametrize(("phrase", "lang", "date", "entry"), HOLDERS)
def test_office_holder_on_date(phrase: str, lang: str, date: str, entry: str) -> None:
    m = _mention(phrase, lang, date)
    assert m is not None, f"{phrase!r} not matched as one mention on {date}"
    assert m.entry == entry, f"{phrase!r} on {date}: {m.entry} (expected {entry})"


@pytest.mark.parametrize(("phrase", "lang", "date", "entry"), ENDED)
def test_ended_term_not_returned(phrase: str, lang: str, date: str, entry: str) -> None:
    m = _mention(phrase, lang, date)
    assert m is not None, f"{phrase!r} not matched as one mention on {date}"
    assert m.entry != entry, f"{phrase!r} on {date} still resolves to {entry}"
    assert m.code.startswith(m.country or "?"), m  # the office's state is kept when no holder is known
