"""Validate the team's development gold sets in ``gold/`` (schema, codes, coverage).

The org codes, sector codes and modes allowed here are read from ``gold/README.md`` so that
the documentation and the data cannot drift apart. The CAMEO code list is read from the shared
ontology table when ``../shared/data`` is present; otherwise only the code pattern is checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD_DIR = REPO_ROOT / "gold"
README = GOLD_DIR / "README.md"

#: file name -> (language, dataset name, id prefix)
GOLD_FILES = {
    "zh_dev.jsonl": ("zh", "detente-team-zh", "zh-"),
    "vi_dev.jsonl": ("vi", "detente-team-vi", "vi-"),
    "en_team_dev.jsonl": ("en", "detente-team-en", "en-"),
}

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
RECORD_KEYS = {"dataset", "id", "lang", "date", "category", "text", "events", "notes"}

#: Floors from the task: sentences per language, positives per PLOVER type per language,
#: share of hard cases (notes starting with "hard-") and of traditional-script zh sentences.
MIN_SENTENCES = 150
MIN_POSITIVES_PER_TYPE = 6
MIN_HARD_SHARE = 0.25
MIN_TRADITIONAL_SHARE = 0.08
#: Characters that occur only in traditional script (their simplified forms differ).
TRADITIONAL_ONLY = set("們國與會這對說為時發關經總統議軍戰擊讓進們領導務實談話問題認責將從東長衛颱風陸價週漲書過講歲島機導彈數報萬韓眾遷縣灣堅實衝轟邊賓夥賽體鬥傷")


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_records_schema_and_ids(name: str, load_gold: Callable[[Path], list[dict]]) -> None:
    lang, dataset, prefix = GOLD_FILES[name]
    records = load_gold(GOLD_DIR / name)
    ids = [r.get("id") for r in records]
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert not dupes, f"duplicate ids in {name}: {dupes[:5]}"
    for r in records:
        where = f"{name}:{r.get('id')}"
        assert set(r) == RECORD_KEYS, f"{where}: keys {sorted(set(r) ^ RECORD_KEYS)}"
        assert r["lang"] == lang, f"{where}: lang {r['lang']!r} in a {lang} file"
        assert r["dataset"] == dataset, where
        assert re.fullmatch(re.escape(prefix) + r"\d{4}", r["id"]), where
        day = dt.datetime.strptime(r["date"], "%Y%m%d").date()
        assert dt.date(2015, 1, 1) <= day <= dt.date(2026, 12, 31), f"{where}: date {day}"
        assert isinstance(r["text"], str) and r["text"].strip(), where
        assert isinstance(r["notes"], str) and r["notes"].strip(), where
        assert isinstance(r["events"], list), where
        if r["category"] == "NONE":
            assert r["events"] == [], f"{where}: NONE sentence with events"
        else:
            assert r["category"] in PLOVER_TYPES, f"{where}: category {r['category']!r}"
            assert r["category"] in {e["plover"] for e in r["events"]}, f"{where}: category not coded"


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_event_codes(name: str, check_event: Callable[[dict, str, str], None],
                     load_gold: Callable[[Path], list[dict]]) -> None:
    for r in load_gold(GOLD_DIR / name):
        for e in r["events"]:
            check_event(e, r["text"], f"{name}:{r['id']}")


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_coverage_floors(name: str, load_gold: Callable[[Path], list[dict]]) -> None:
    records = load_gold(GOLD_DIR / name)
    assert len(records) >= MIN_SENTENCES, f"{name}: only {len(records)} sentences"
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    thin = {t: positives[t] for t in PLOVER_TYPES if positives[t] < MIN_POSITIVES_PER_TYPE}
    assert not thin, f"{name}: types below {MIN_POSITIVES_PER_TYPE} positives: {thin}"
    hard = sum(r["notes"].startswith("hard-") for r in records)
    assert hard / len(records) >= MIN_HARD_SHARE, f"{name}: hard cases {hard}/{len(records)}"
    none = sum(not r["events"] for r in records)
    assert none >= 0.1 * len(records), f"{name}: only {none} no-event sentences"


def test_traditional_share_zh(load_gold: Callable[[Path], list[dict]]) -> None:
    records = load_gold(GOLD_DIR / "zh_dev.jsonl")
    trad = sum(bool(TRADITIONAL_ONLY & set(r["text"])) for r in records)
    assert trad / len(records) >= MIN_TRADITIONAL_SHARE, f"traditional-script sentences: {trad}"


def test_parallel_dates_cover_same_events(load_gold: Callable[[Path], list[dict]]) -> None:
    """The three sets are parallel-ish: most publication dates occur in all three."""
    dates = {name: {r["date"] for r in load_gold(GOLD_DIR / name)} for name in GOLD_FILES}
    shared = set.intersection(*dates.values())
    smallest = min(len(d) for d in dates.values())
    assert len(shared) >= 0.7 * smallest


def test_readme_counts_are_current(readme_section: Callable[[Path, str], str],
                                   load_gold: Callable[[Path], list[dict]]) -> None:
    """The counts table pasted into the README matches the files."""
    section = readme_section(README, "Counts")
    for name in GOLD_FILES:
        n = len(load_gold(GOLD_DIR / name))
        assert re.search(rf"\b{re.escape(name)}\b[^\n]*\b{n}\b", section), f"README count for {name}"


def test_files_exist() -> None:
    for name in GOLD_FILES:
        assert (GOLD_DIR / name).is_file(), name
    assert README.is_file()
