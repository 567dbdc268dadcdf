#!/usr/bin/env python
"""Measure every gold set in ``gold/floors.json`` and raise its floors to the new measurement.

For each set (overall metrics and any per-type floors) the new floor is
``floor_of(measured)`` — the measured value minus ``detente.events.floors.MARGIN``, rounded
down — but a floor is never lowered here: lowering one is a deliberate act (see
``detente.events.floors``). The ``measured`` block of every set is refreshed so the file shows
what the current coder scores. Sets whose gold file is absent are left as they are.

``--add NAME=PATH`` registers a new set first (``repo:…`` or ``shared:…`` path).

Usage: ``python scripts/raise_floors.py [--dry-run] [--add NAME=repo:gold/x.jsonl]``
"""

from __future__ import annotations

import argparse
import json
import sys

from detente.events import evaluate
from detente.events.floors import FLOORS_PATH, METRICS, Floor, floor_of


def main(argv: list[str] | None = None) -> int:
    """Measure, raise floors, print a table; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    ap.add_argument("--add", action="append", default=[], metavar="NAME=PATH",
                    help="register a new set (path repo:… or shared:…) before measuring")
    ap.add_argument("--note", default="", help="note for sets added with --add")
    args = ap.parse_args(argv)

    raw = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    for spec in args.add:
        name, _, path = spec.partition("=")
        if not name or not path.startswith(("repo:", "shared:")):
            ap.error(f"--add needs NAME=repo:PATH or NAME=shared:PATH, got {spec!r}")
        raw["sets"].setdefault(name, {"path": path, "note": args.note, "options": {}})
    floors = {n: Floor(n, d["path"], {}, {}, d.get("note", ""), dict(d.get("options", {})),
                       dict(d.get("dyad", {})))
              for n, d in raw["sets"].items()}
    print(f"{'set':34} {'P':>7} {'R':>7} {'F1':>7}   floors P/R/F1")
    for name, fl in sorted(floors.items()):
        path = fl.resolve()
        if path is None:
            print(f"{name:34} (gold file absent: left as is)")
            continue
        rep = evaluate(path, options=fl.run_options())
        d = raw["sets"][name]
        d["measured"] = {m: round(rep.overall.get(m, 0.0), 4) for m in METRICS}
        for m in METRICS:
            d[m] = max(float(d.get(m, 0.0)), floor_of(rep.overall.get(m, 0.0)))
        if "dyad" in d:  # the type-free who-did-to-whom floors (PETRARCH functional suites)
            d["dyad"] = {m: max(float(d["dyad"].get(m, 0.0)), floor_of(rep.dyad.get(m, 0.0))) for m in METRICS}
        for t, tv in d.get("per_type", {}).items():
            got = rep.per_type.get(t, {})
            for m in list(tv):
                tv[m] = max(float(tv[m]), floor_of(got.get(m, 0.0)))
        print(f"{name:34} {rep.overall.get('precision', 0):7.3f} {rep.overall.get('recall', 0):7.3f} "
              f"{rep.overall.get('f1', 0):7.3f}   {d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.2f}")
    if not args.dry_run:
        FLOORS_PATH.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
