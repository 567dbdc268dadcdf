"""CI gate: every dev set keeps its P/R/F1 floors (gold/floors.json); floors only go up.

Sets whose gold file is absent are skipped (shared gold lives in ../shared/data/gold-dev, the
team sets in gold/). Each set is coded by the full pipeline (detente.events.evaluate)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from detente.events import evaluate
from detente.events.floors import FLOORS_PATH, METRICS, check, load_floors
from detente.resources import REPO_ROOT

FLOORS = load_floors()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_set_keeps_its_floors(name: str) -> None:
    floor = FLOORS[name]
    path = floor.resolve()
    if path is None:
        pytest.skip(f"gold set {floor.path} not present")
    report = evaluate(path, options=floor.run_options())
    assert report.failures == 0
    assert check(report, floor) == []


def _committed_floors() -> dict | None:
    try:
        out = subprocess.run(["git", "show", "HEAD:gold/floors.json"], cwd=REPO_ROOT, capture_output=True,
                             text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else None


def test_floors_only_go_up() -> None:
    old = _committed_floors()
    if old is None:
        pytest.skip("no committed floors.json to compare with")
    new = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    lowered = {(x["set"], x["metric"]) for x in new.get("lowered", []) if x.get("reason", "").strip()}
    allowed = os.environ.get("DETENTE_ALLOW_FLOOR_DROP") == "1"
    drops = []
    for name, d in old["sets"].items():
        nd = new["sets"].get(name)
        if nd is None:
            drops.append((name, "*"))
            continue
        for m in METRICS:
            if m in d and nd.get(m, 0.0) < d[m]:
                drops.append((name, m))
        for t, tv in d.get("per_type", {}).items():
            for m, v in tv.items():
                if nd.get("per_type", {}).get(t, {}).get(m, 0.0) < v:
                    drops.append((name, f"{t}.{m}"))
    unexplained = [x for x in drops if not (allowed and x in lowered)]
    assert not unexplained, f"floors lowered without DETENTE_ALLOW_FLOOR_DROP=1 and a reason: {unexplained}"
