"""Evaluation floors (``gold/floors.json``): the P/R/F1 each dev set must keep.

Floors are what was measured, rounded down a little — never aspirational. They only go up:
``tests/events/test_eval_floors.py`` fails when a floor is lower than in the last commit unless
the run sets ``DETENTE_ALLOW_FLOOR_DROP=1`` *and* ``floors.json`` records the drop with a reason
under ``"lowered"`` (to be repeated in the commit message).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..options import Options
from ..resources import REPO_ROOT, shared_data_dir

#: Where the floors live.
FLOORS_PATH = REPO_ROOT / "gold" / "floors.json"
#: How far below the measured value a new floor is set (run-to-run noise is zero: the coder is
#: deterministic; the margin absorbs small changes in other layers).
MARGIN = 0.02
METRICS = ("precision", "recall", "f1")


@dataclass(slots=True)
class Floor:
    """Floors of one dev set: overall metrics and optional per-type ones."""

    name: str
    path: str
    overall: dict[str, float]
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    note: str = ""
    #: coder options the set is scored with (``Options.extra``), e.g. the gold set's intent
    #: convention: {"intent_mode": "plover"} for the PLOVER GSR set; ``extra_actors`` (a list of
    #: ``shared:``/``repo:`` paths) goes to ``Options.extra_actors``: the toy actor dictionaries
    #: of the PETRARCH functional suites.
    options: dict[str, Any] = field(default_factory=dict)
    #: floors of the type-free who-did-to-whom score (``EvalReport.dyad``)
    dyad: dict[str, float] = field(default_factory=dict)

    def resolve(self) -> Path | None:
        """The gold file (``shared:`` = ../shared/data, ``repo:`` = the repository), or ``None``
        (also when a user actor file of ``options`` is absent)."""
        if any(_resolve(a) is None for a in self.options.get("extra_actors", [])):
            return None
        return _resolve(self.path)

    def run_options(self) -> Options:
        """The :class:`Options` the set is scored with."""
        extra = {k: v for k, v in self.options.items() if k != "extra_actors"}
        actors = tuple(str(_resolve(a)) for a in self.options.get("extra_actors", []))
        return Options(extra=extra, extra_actors=actors)


def _resolve(path: str) -> Path | None:
    """A ``shared:`` (../shared/data) or ``repo:`` path, or ``None`` when absent."""
    kind, _, rel = path.partition(":")
    if kind == "shared":
        base = shared_data_dir()
        return (base / rel) if base is not None and (base / rel).exists() else None
    p = REPO_ROOT / rel
    return p if p.exists() else None


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Floor]:
    """The floors by set name."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: Floor(name, d["path"], {m: float(d[m]) for m in METRICS if m in d},
                        {t: {m: float(v) for m, v in tv.items()} for t, tv in d.get("per_type", {}).items()},
                        d.get("note", ""), dict(d.get("options", {})),
                        {m: float(v) for m, v in d.get("dyad", {}).items()})
            for name, d in raw["sets"].items()}


def floor_of(value: float) -> float:
    """A floor for a measured value: ``MARGIN`` below, rounded down to two decimals."""
    return max(0.0, math.floor((value - MARGIN) * 100) / 100)


def check(report: Any, floor: Floor) -> list[str]:
    """Metrics of an :class:`~detente.events.evaluate.EvalReport` below their floor."""
    bad = []
    for m, v in floor.overall.items():
        if report.overall.get(m, 0.0) + 1e-9 < v:
            bad.append(f"{floor.name} {m} {report.overall.get(m, 0.0):.4f} < floor {v}")
    for m, v in floor.dyad.items():
        got_d = getattr(report, "dyad", {}).get(m, 0.0)
        if got_d + 1e-9 < v:
            bad.append(f"{floor.name} dyad {m} {got_d:.4f} < floor {v}")
    for t, mv in floor.per_type.items():
        got = report.per_type.get(t, {})
        for m, v in mv.items():
            if got.get(m, 0.0) + 1e-9 < v:
                bad.append(f"{floor.name} {t} {m} {got.get(m, 0.0):.4f} < floor {v}")
    return bad
