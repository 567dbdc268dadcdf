"""Validate the Spanish team development set ``gold/es_team_dev.jsonl`` against the conventions
of ``gold/README.md`` (the shared team-set checks of ``conftest.py``), plus its README section and
the English items it retells."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD = REPO_ROOT / "gold" / "es_team_dev.jsonl"
EN_GOLD = REPO_ROOT / "gold" / "en_team_dev.jsonl"


@pytest.fixture(scope="module")
def records(load_gold: Callable[[Path], list[dict]]) -> list[dict]:
    return load_gold(GOLD)


def test_records_events_and_coverage(records: list[dict], check_team_set: Callable[..., None]) -> None:
    check_team_set(records, name="es_team_dev", lang="es", dataset="detente-team-es", id_pattern=r"es-\d{4}",
                   min_records=150, min_none=0.1)


def test_parallel_items_name_an_english_item(records: list[dict]) -> None:
    """Items that retell an English item name it, and it exists (its codes were the starting point;
    the English set may be revised on its own, so they are not compared here)."""
    en = {json.loads(line)["id"] for line in EN_GOLD.read_text(encoding="utf-8").splitlines()}
    named = [m.group(1) for r in records if (m := re.search(r"parallel of (en-\d{4})", r["notes"]))]
    assert len(named) >= 150 and len(set(named)) == len(named)
    assert set(named) <= en


def test_readme_section_counts_are_current(records: list[dict],
                                           check_readme_counts: Callable[[list[dict], str, str], None]) -> None:
    check_readme_counts(records, "es_team_dev.jsonl", "Spanish team set (`es_team_dev.jsonl`)")
