"""Validate the second development sets ``gold/{en,zh,vi}_dev2.jsonl`` against the conventions of
``gold/README.md`` (the shared team-set checks of ``conftest.py``: schema, codes, spans, coverage,
no sentence of the language's other sets) and their README sections' counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT

GOLD = REPO_ROOT / "gold"

#: lang → (first team set, README section title)
SETS = {
    "en": ("en_team_dev.jsonl", "Second English set (`en_dev2.jsonl`)"),
    "zh": ("zh_dev.jsonl", "Second Chinese set (`zh_dev2.jsonl`)"),
    "vi": ("vi_dev.jsonl", "Second Vietnamese set (`vi_dev2.jsonl`)"),
}


@pytest.mark.parametrize("lang", sorted(SETS))
def test_second_dev_set(lang: str, load_gold: Callable[[Path], list[dict]], check_team_set: Callable[..., None],
                        check_readme_counts: Callable[[list[dict], str, str], None]) -> None:
    first, section = SETS[lang]
    records = load_gold(GOLD / f"{lang}_dev2.jsonl")
    check_team_set(records, name=f"{lang}_dev2", lang=lang, dataset=f"detente-team-{lang}2",
                   id_pattern=rf"{lang}2-\d{{4}}", min_records=120, min_none=0.15,
                   notes_prefixes=("basic:", "hard-"),
                   others=(GOLD / first, GOLD / "heldout" / f"{lang}_heldout.jsonl"))
    check_readme_counts(records, f"{lang}_dev2.jsonl", section)
