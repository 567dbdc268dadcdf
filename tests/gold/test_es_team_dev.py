"""Validate the Spanish team development set ``gold/es_team_dev.jsonl`` (schema, codes, spans,
coverage) against the conventions of ``gold/README.md`` — the same checks as the zh/vi/en sets
(``test_gold_files.py``), plus its README section and the English items it retells."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD = REPO_ROOT / "gold" / "es_team_dev.jsonl"
EN_GOLD = REPO_ROOT / "gold" / "en_team_dev.jsonl"
README = REPO_ROOT / "gold" / "README.md"
SECTION = "Spanish team set (`es_team_dev.jsonl`)"

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
        where = f"es_team_dev:{r.get('id')}"
        assert set(r) == RECORD_KEYS, where
        assert r["lang"] == "es" and r["dataset"] == "detente-team-es", where
        assert re.fullmatch(r"es-\d{4}", r["id"]), where
        day = dt.datetime.strptime(r["date"], "%Y%m%d").date()
        assert dt.date(2015, 1, 1) <= day <= dt.date(2026, 12, 31), where
        assert r["text"].strip() and r["notes"].strip(), where
        if r["category"] == "NONE":
            assert r["events"] == [], where
        else:
            assert r["category"] in {e["plover"] for e in r["events"]}, where


def test_event_codes_and_spans(records: list[dict], check_event: Callable[[dict, str, str], None]) -> None:
    for r in records:
        for e in r["events"]:
            check_event(e, r["text"], f"es_team_dev:{r['id']}")


def test_coverage_floors(records: list[dict]) -> None:
    assert len(records) >= 150
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    assert not {t for t in PLOVER_TYPES if positives[t] < 6}, positives
    assert sum(r["notes"].startswith("hard-") for r in records) >= 0.25 * len(records)
    assert sum(not r["events"] for r in records) >= 0.1 * len(records)


def test_parallel_items_name_an_english_item(records: list[dict]) -> None:
    """Items that retell an English item name it, and it exists (its codes were the starting point;
    the English set may be revised on its own, so they are not compared here)."""
    en = {json.loads(line)["id"] for line in EN_GOLD.read_text(encoding="utf-8").splitlines()}
    named = [m.group(1) for r in records if (m := re.search(r"parallel of (en-\d{4})", r["notes"]))]
    assert len(named) >= 150 and len(set(named)) == len(named)
    assert set(named) <= en


def test_readme_section_counts_are_current(records: list[dict],
                                           readme_section: Callable[[Path, str], str]) -> None:
    section = readme_section(README, SECTION)
    events = [e for r in records for e in r["events"]]
    row = (f"| es_team_dev.jsonl | {len(records)} | {len(events)} | {sum(not r['events'] for r in records)} | "
           f"{sum(r['notes'].startswith('hard-') for r in records)} | {sum(e['symmetric'] for e in events)} | "
           f"{sum(e['intent'] for e in events)} |")
    assert row in section, row
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    counts = Counter(e["plover"] for e in events)
    flat = " ".join(section.split())
    for t in PLOVER_TYPES:
        assert f"{t} {positives[t]} ({counts[t]})" in flat, t
