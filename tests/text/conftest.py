"""Shared fixtures for the text-layer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.resources import shared_samples_dir

PAGES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def samples() -> dict[str, str]:
    """The shared real sample articles by number ("000" …); skip when absent."""
    d = shared_samples_dir()
    if d is None:
        pytest.skip("../shared/samples not present")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))}
