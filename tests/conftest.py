"""Shared fixtures: paths to the shared data (skipping when absent) and the event schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from detente.resources import PACKAGE_DATA, shared_data_dir, shared_samples_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The real sample articles in ../shared/samples (skips when absent)."""
    d = shared_samples_dir()
    if d is None:
        pytest.skip("../shared/samples not present")
    return d


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared source data in ../shared/data (skips when absent)."""
    d = shared_data_dir()
    if d is None:
        pytest.skip("../shared/data not present")
    return d


@pytest.fixture(scope="session")
def event_schema() -> dict[str, Any]:
    """The JSON Schema every event record must satisfy."""
    return json.loads((PACKAGE_DATA.parent / "schema" / "event.schema.json").read_text())


@pytest.fixture(scope="session")
def validate_event(event_schema: dict[str, Any]):  # type: ignore[no-untyped-def]
    """A function that validates one event record against the schema (raises on error)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(event_schema)

    def _validate(record: dict[str, Any]) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        if errors:
            raise AssertionError("; ".join(f"{list(e.path)}: {e.message}" for e in errors))

    return _validate
