"""Shared fixtures of the gold-file tests: README sections, the codes and modes the team's
conventions allow (read from ``gold/README.md``), the CAMEO code table and a JSONL loader.

Both the development sets (``test_gold_files.py``) and the held-out sets
(``test_heldout_files.py``) follow the conventions of ``gold/README.md``, so they are checked
against the same lists.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
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


_RECORD_KEYS = {"dataset", "id", "lang", "date", "category", "text", "events", "notes"}
_EVENT_KEYS = {"source_code", "target_code", "cameo", "plover", "mode", "symmetric", "intent",
               "source_text", "target_text", "event_text"}
_PLOVER = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
_ACTOR_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")


@pytest.fixture(scope="session")
def check_event(org_codes: set[str], sector_codes: set[str], modes: set[str],
                cameo_codes: set[str] | None) -> Callable[[dict, str, str], None]:
    """``check_event(event, text, where)``: the checks every gold event passes — its keys, a PLOVER
    type, a documented mode, a CAMEO code of the table, a source, actor codes of the documented
    organisations and sectors, spans inside the sentence, a target for symmetric events."""
    def check(e: dict, text: str, where: str) -> None:
        assert set(e) == _EVENT_KEYS, f"{where}: event keys {sorted(set(e) ^ _EVENT_KEYS)}"
        assert e["plover"] in _PLOVER, f"{where}: plover {e['plover']!r}"
        assert isinstance(e["symmetric"], bool) and isinstance(e["intent"], bool), where
        assert e["mode"] is None or e["mode"] in modes, f"{where}: undocumented mode {e['mode']!r}"
        assert _CAMEO.fullmatch(e["cameo"]), f"{where}: cameo {e['cameo']!r}"
        if cameo_codes is not None:
            assert e["cameo"] in cameo_codes, f"{where}: cameo {e['cameo']!r} not in the CAMEO table"
        assert e["source_code"] is not None, f"{where}: every event needs a source"
        for key in ("source_code", "target_code"):
            code = e[key]
            if code is None:
                continue
            assert _ACTOR_CODE.fullmatch(code), f"{where}: {key} {code!r}"
            if code[:3] in {"IGO", "NGO"}:
                assert code in org_codes, f"{where}: undocumented organisation code {code!r}"
            elif len(code) == 6:
                assert code[3:] in sector_codes, f"{where}: undocumented sector in {code!r}"
        for key in ("source_text", "target_text", "event_text"):
            span = e[key]
            assert span is None or (span and span in text), f"{where}: {key} {span!r} not in text"
        assert e["event_text"], f"{where}: event_text missing"
        if e["symmetric"]:
            assert e["target_code"] is not None, f"{where}: symmetric event without target"
    return check



@pytest.fixture(scope="session")
def check_team_set(check_event: Callable[[dict, str, str], None]) -> Callable[..., None]:
    """``check_team_set(records, name=…, lang=…, dataset=…, id_pattern=…, min_records=…,
    min_none=…)``: the checks every team set added after the first three passes — record keys,
    unique ids of its pattern, its language and dataset, dates, notes (``basic:``/``hard-…``),
    a category among its events' types, every event's own checks, at least 6 positive sentences
    of each PLOVER type, a quarter of hard items, ``min_none`` of sentences without events, notes
    opening with one of ``notes_prefixes`` (when given) and no sentence of the ``others`` sets."""
    def check(records: list[dict], *, name: str, lang: str, dataset: str, id_pattern: str, min_records: int,
              min_none: float, notes_prefixes: tuple[str, ...] | None = None, others: tuple[Path, ...] = ()) -> None:
        ids = [r.get("id") for r in records]
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
        for r in records:
            where = f"{name}:{r.get('id')}"
            assert set(r) == _RECORD_KEYS, where
            assert r["lang"] == lang and r["dataset"] == dataset, where
            assert re.fullmatch(id_pattern, r["id"]), where
            day = dt.datetime.strptime(r["date"], "%Y%m%d").date()
            assert dt.date(2015, 1, 1) <= day <= dt.date(2026, 12, 31), where
            assert r["text"].strip() and r["notes"].strip(), where
            assert notes_prefixes is None or r["notes"].startswith(notes_prefixes), where
            if r["category"] == "NONE":
                assert r["events"] == [], where
            else:
                assert r["category"] in {e["plover"] for e in r["events"]}, where
            for e in r["events"]:
                check_event(e, r["text"], where)
        shared = {x["text"].strip() for p in others if p.exists() for x in _load(p)}
        assert not [r["id"] for r in records if r["text"].strip() in shared], f"{name}: sentences of other sets"
        assert len(records) >= min_records
        positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
        assert not {t for t in _PLOVER if positives[t] < 6}, positives
        assert sum(r["notes"].startswith("hard-") for r in records) >= 0.25 * len(records)
        assert sum(not r["events"] for r in records) >= min_none * len(records)
    return check


@pytest.fixture(scope="session")
def check_readme_counts(readme_section: Callable[[Path, str], str]) -> Callable[[list[dict], str, str], None]:
    """``check_readme_counts(records, file_name, section_title)``: the set's README section states
    its current counts (the summary row and each type's positive sentences and events)."""
    def check(records: list[dict], file_name: str, title: str) -> None:
        section = readme_section(DEV_README, title)
        events = [e for r in records for e in r["events"]]
        row = (f"| {file_name} | {len(records)} | {len(events)} | {sum(not r['events'] for r in records)} | "
               f"{sum(r['notes'].startswith('hard-') for r in records)} | {sum(e['symmetric'] for e in events)} | "
               f"{sum(e['intent'] for e in events)} |")
        assert row in section, row
        positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
        counts = Counter(e["plover"] for e in events)
        flat = " ".join(section.split())
        for t in sorted(_PLOVER):
            assert f"{t} {positives[t]} ({counts[t]})" in flat, t
    return check
