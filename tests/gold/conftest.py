"""Shared fixtures of the gold-file tests: README sections, the codes and modes the team's
conventions allow (read from ``gold/README.md``), the CAMEO code table and a JSONL loader.

Both the development sets (``test_gold_files.py``) and the held-out sets
(``test_heldout_files.py``) follow the conventions of ``gold/README.md``, so they are checked
against the same lists.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT, shared_data_dir

DEV_README = REPO_ROOT / "gold" / "README.md"


def _readme_section(path: Path, title: str) -> str:
    text = path.read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert m, f"{path.name} has no section '## {title}'"
    return m.group(1)


def _table_codes(title: str) -> set[str]:
    """First-column codes (in backticks) of the markdown table in a section of gold/README.md."""
    return set(re.findall(r"^\| `([A-Z]{3,6})` \|", _readme_section(DEV_README, title), flags=re.M))


def _load(path: Path) -> list[dict]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{n}: blank line"
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{path.name}:{n}: not valid JSON: {exc}")
    return records


@pytest.fixture(scope="session")
def readme_section() -> Callable[[Path, str], str]:
    """``readme_section(path, title)``: the body of a ``## title`` section of a README."""
    return _readme_section


@pytest.fixture(scope="session")
def load_gold() -> Callable[[Path], list[dict]]:
    """``load_gold(path)``: the records of a gold JSONL file (no blank lines, valid JSON)."""
    return _load


@pytest.fixture(scope="session")
def org_codes() -> set[str]:
    codes = _table_codes("Organisation codes")
    assert len(codes) >= 10
    return codes


@pytest.fixture(scope="session")
def sector_codes() -> set[str]:
    codes = _table_codes("Sector codes")
    assert {"GOV", "MIL"} <= codes
    return codes


@pytest.fixture(scope="session")
def modes() -> set[str]:
    found = set(re.findall(r"`([a-z]+)`", _readme_section(DEV_README, "Modes")))
    assert {"visit", "phone", "ceasefire", "veto"} <= found
    return found


@pytest.fixture(scope="session")
def cameo_codes() -> set[str] | None:
    """CAMEO codes of the shared ontology table, or ``None`` without ``../shared/data``."""
    d = shared_data_dir()
    table = d / "ontology" / "cameo_event_codes.tsv" if d else None
    if table is None or not table.exists():
        return None
    with table.open(encoding="utf-8") as fh:
        return {row["code"] for row in csv.DictReader(fh, delimiter="\t")}
