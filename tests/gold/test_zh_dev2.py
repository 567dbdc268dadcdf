"""Validate the second Chinese development set ``gold/zh_dev2.jsonl`` (schema, codes, spans,
coverage) against the conventions of ``gold/README.md`` — the checks of the zh/vi/en sets
(``test_gold_files.py``) with this set's own size floors, plus its README section's counts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD = REPO_ROOT / "gold" / "zh_dev2.jsonl"
OTHER_ZH = [REPO_ROOT / "gold" / "zh_dev.jsonl", REPO_ROOT / "gold" / "heldout" / "zh_heldout.jsonl"]
README = REPO_ROOT / "gold" / "README.md"
SECTION = "Second Chinese set (`zh_dev2.jsonl`)"

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
RECORD_KEYS = {"dataset", "id", "lang", "date", "category", "text", "events", "notes"}


@pytest.fixture(scope="module")
def records(load_gold: Callable[[Path], list[dict]]) -> list[dict]:
    return load_gold(GOLD)


def test_records_schema_and_ids(records: list[dict]) -> None:
    ids = [r.get("id") for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in records:
        where = f"zh_dev2:{r.get('id')}"
        assert set(r) == RECORD_KEYS, where
        assert r["lang"] == "zh" and r["dataset"] == "detente-team-zh2", where
        assert re.fullmatch(r"zh2-\d{4}", r["id"]), where
        day = dt.datetime.strptime(r["date"], "%Y%m%d").date()
        assert dt.date(2015, 1, 1) <= day <= dt.date(2026, 12, 31), where
        assert r["text"].strip() and r["notes"].strip(), where
        assert r["notes"].startswith(("basic:", "hard-")), where
        if r["category"] == "NONE":
            assert r["events"] == [], where
        else:
            assert r["category"] in {e["plover"] for e in r["events"]}, where


def test_event_codes_and_spans(records: list[dict], check_event: Callable[[dict, str, str], None]) -> None:
    for r in records:
        for e in r["events"]:
            check_event(e, r["text"], f"zh_dev2:{r['id']}")


def test_coverage_floors(records: list[dict]) -> None:
    assert len(records) >= 120
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    assert not {t for t in PLOVER_TYPES if positives[t] < 6}, positives
    assert sum(r["notes"].startswith("hard-") for r in records) >= 0.25 * len(records)
    assert sum(not r["events"] for r in records) >= 0.15 * len(records)


def test_no_sentence_shared_with_the_other_chinese_sets(records: list[dict],
                                                           load_gold: Callable[[Path], list[dict]]) -> None:
    others = {r["text"].strip() for p in OTHER_ZH if p.exists() for r in load_gold(p)}
    assert not [r["id"] for r in records if r["text"].strip() in others]


def test_readme_section_counts_are_current(records: list[dict],
                                           readme_section: Callable[[Path, str], str]) -> None:
    section = readme_section(README, SECTION)
    events = [e for r in records for e in r["events"]]
    row = (f"| zh_dev2.jsonl | {len(records)} | {len(events)} | {sum(not r['events'] for r in records)} | "
           f"{sum(r['notes'].startswith('hard-') for r in records)} | {sum(e['symmetric'] for e in events)} | "
           f"{sum(e['intent'] for e in events)} |")
    assert row in section, row
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    counts = Counter(e["plover"] for e in events)
    flat = " ".join(section.split())
    for t in PLOVER_TYPES:
        assert f"{t} {positives[t]} ({counts[t]})" in flat, t
