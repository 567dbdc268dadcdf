"""Validate the second Chinese development set ``gold/zh_dev2.jsonl`` against the conventions of ``gold/README.md`` (the shared
team-set checks of ``conftest.py``: schema, codes, spans, coverage, no sentence of the other
Chinese sets) and its README section's counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD = REPO_ROOT / "gold" / "zh_dev2.jsonl"
OTHERS = (REPO_ROOT / "gold" / "zh_dev.jsonl", REPO_ROOT / "gold" / "heldout" / "zh_heldout.jsonl")


@pytest.fixture(scope="module")
def records(load_gold: Callable[[Path], list[dict]]) -> list[dict]:
    return load_gold(GOLD)


def test_records_events_and_coverage(records: list[dict], check_team_set: Callable[..., None]) -> None:
    check_team_set(records, name="zh_dev2", lang="zh", dataset="detente-team-zh2", id_pattern=r"zh2-\d{4}",
                   min_records=120, min_none=0.15, notes_prefixes=("basic:", "hard-"), others=OTHERS)


def test_readme_section_counts_are_current(records: list[dict],
                                           check_readme_counts: Callable[[list[dict], str, str], None]) -> None:
    check_readme_counts(records, "zh_dev2.jsonl", "Second Chinese set (`zh_dev2.jsonl`)")
