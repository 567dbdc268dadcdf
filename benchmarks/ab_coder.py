"""A/B harness of the event coder: the working tree against a git revision, in one process.

    .venv/bin/python benchmarks/ab_coder.py                      # working tree vs HEAD, every set
    .venv/bin/python benchmarks/ab_coder.py --ref HEAD~3 --sets samples gold
    .venv/bin/python benchmarks/ab_coder.py --corpus-limit 300 --repeat 5

The reference version of the coder's modules (``events/coder.py``, ``events/lexicon.py``,
``text/dates.py``) is read with ``git show REF:path`` and loaded as separate modules next to the
working ones (its relative imports rewritten to the reference copies), so both coders run on the
**same documents** in the **same process**. Documents are prepared once by the pipeline stages
before the coder (whatever those stages are in the working tree: both coders read the same
sentences and mentions).

1. **Identity** — on every set (all gold sets, the demo corpus, the benchmark corpus, the real
   sample articles) and under several option sets, the event records of both coders must be
   identical (``Event.to_dict()`` as JSON, in order); the first differences are printed and the
   exit status is 1.
2. **Speed** — CPU time of each coder over each set, runs alternated (A B A B …) and the best of
   ``--repeat`` kept; the ratio new/old is in chars/s (> 1: the working tree is faster). The
   machine is shared and noisy: read the ratio, not the absolute figures.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

#: The modules of the coder path: (module name, path in the repository, reference module name).
MODULES: tuple[tuple[str, str, str], ...] = (
    ("detente.events.lexicon", "src/detente/events/lexicon.py", "detente.events._ab_ref_lexicon"),
    ("detente.text.dates", "src/detente/text/dates.py", "detente.text._ab_ref_dates"),
    ("detente.events.coder", "src/detente/events/coder.py", "detente.events._ab_ref_coder"),
)
#: Relative imports of the reference copies, pointed at the other reference copies.
REWRITES: tuple[tuple[str, str], ...] = (
    ("from .lexicon import", "from ._ab_ref_lexicon import"),
    ("from ..text.dates import", "from ..text._ab_ref_dates import"),
)
SETS = ("gold", "demo", "corpus", "samples")


def load_reference(ref: str) -> types.ModuleType:
    """The coder module of git revision ``ref`` (with its own lexicon and dates modules)."""
    mod: types.ModuleType | None = None
    for _name, path, ref_name in MODULES:
        src = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout
        for old, new in REWRITES:
            src = src.replace(old, new)
        mod = types.ModuleType(ref_name)
        mod.__file__ = f"<{ref}:{path}>"
        mod.__package__ = ref_name.rpartition(".")[0]
        sys.modules[ref_name] = mod  # (dataclasses look their module up while the class is built)
        exec(compile(src, mod.__file__, "exec"), mod.__dict__)
    assert mod is not None
    return mod


def _gold_docs() -> list[tuple[str, Any]]:
    """(set name, document) of every gold sentence, built as ``evaluate`` builds them."""
    from detente.events.evaluate import read_gold
    from detente.records import Document
    from detente.resources import shared_data_dir

    paths = sorted((ROOT / "gold").glob("*.jsonl")) + sorted((ROOT / "gold" / "heldout").rglob("*.jsonl"))
    shared = shared_data_dir()
    if shared is not None:
        paths += sorted((shared / "gold-dev").glob("*.jsonl"))
    out = []
    for p in paths:
        for gs in read_gold(p):
            out.append((f"gold:{p.stem}", Document(id=Document.make_id(f"{gs.id}\x1f{gs.text}"), source=gs.id,
                                                   raw_text=gs.text, lang_hint=gs.lang, pub_date=gs.date)))
    return out


def _demo_docs() -> list[tuple[str, Any]]:
    from detente.demo_run import corpus_documents

    return [("demo", d) for d in corpus_documents()]


def _corpus_docs(limit: int) -> list[tuple[str, Any]]:
    from run import corpus

    from detente.records import Document

    files = sorted((corpus(2000) / "text").iterdir())
    if limit:
        files = files[:limit]
    return [("corpus", Document(id=p.stem, source=p.name, raw_text=p.read_text(encoding="utf-8"))) for p in files]


def _sample_docs(repeats: int) -> list[tuple[str, Any]]:
    from detente.records import Document
    from detente.resources import shared_samples_dir

    d = shared_samples_dir()
    files = sorted(d.glob("*.txt")) if d else []
    texts = [p.read_text(encoding="utf-8") for p in files]
    return [("samples", Document(id=f"s{r}-{i}", source=f"s{r}-{i}", raw_text=t))
            for r in range(repeats) for i, t in enumerate(texts)]


def prepare(named: Iterable[tuple[str, Any]]) -> dict[str, list[Any]]:
    """Documents run through every stage before the coder, grouped by set (failures dropped)."""
    from detente.pipeline import Pipeline

    pipe = Pipeline()
    names = [s.name for s in pipe.stages]
    upto = names.index("events.code.v1")
    out: dict[str, list[Any]] = {}
    for name, doc in named:
        try:
            for s in pipe.stages[:upto]:
                doc = s(doc, pipe.ctx)
        except Exception as exc:  # counted like the pipeline does, not raised
            print(f"  (skipped {doc.source}: {type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        out.setdefault(name, []).append(doc)
    return out


def records(code: Callable[..., list[Any]], docs: list[Any], options: Any) -> list[str]:
    """One JSON line per event of ``docs`` (in order)."""
    return [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for d in docs for e in code(d, options)]


def option_sets() -> list[tuple[str, Any]]:
    """The options both coders are compared under."""
    from detente.options import Options

    return [("default", Options()), ("plover-intent", Options(extra={"intent_mode": "plover"})),
            ("no-intent,min0.6", Options(emit_intent=False, min_confidence=0.6))]


def compare(new: Callable[..., list[Any]], old: Callable[..., list[Any]], sets: dict[str, list[Any]],
            show: int = 5) -> int:
    """Identity check of every set under every option set; the number of differing sets."""
    bad = 0
    for oname, opts in option_sets():
        for name, docs in sets.items():
            a, b = records(new, docs, opts), records(old, docs, opts)
            if a == b:
                continue
            bad += 1
            print(f"DIFFERENT: {name} [{oname}]: {len(a)} events new, {len(b)} old")
            shown = 0
            for k in range(max(len(a), len(b))):
                x = a[k] if k < len(a) else None
                y = b[k] if k < len(b) else None
                if x != y:
                    print(f"  #{k}\n   new: {x}\n   old: {y}")
                    shown += 1
                    if shown >= show:
                        break
    return bad


def speed(new: Callable[..., list[Any]], old: Callable[..., list[Any]], docs: list[Any], repeat: int) -> dict[str, float]:
    """Best CPU time of each coder over ``docs`` (runs alternated) and chars/s."""
    from detente.options import Options

    opts = Options()
    best = {"new": float("inf"), "old": float("inf")}
    for r in range(repeat):
        order = (("new", new), ("old", old)) if r % 2 == 0 else (("old", old), ("new", new))
        for name, fn in order:
            t0 = time.process_time()
            for d in docs:
                fn(d, opts)
            best[name] = min(best[name], time.process_time() - t0)
    chars = sum(len(d.text) for d in docs)
    return {"chars": chars, "new_s": best["new"], "old_s": best["old"],
            "new_chars_s": chars / best["new"], "old_chars_s": chars / best["old"], "ratio": best["old"] / best["new"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref", default="HEAD", help="git revision of the reference coder (default HEAD)")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--corpus-limit", type=int, default=0, help="first N articles of the benchmark corpus (0: all)")
    ap.add_argument("--sample-repeats", type=int, default=10, help="copies of the sample articles (speed only)")
    ap.add_argument("--repeat", type=int, default=5, help="alternated timing runs per coder (best kept)")
    ap.add_argument("--no-speed", action="store_true", help="identity check only")
    args = ap.parse_args(argv)

    new_mod = importlib.import_module("detente.events.coder")
    old_mod = load_reference(args.ref)
    new, old = new_mod.code_document, old_mod.code_document

    t0 = time.perf_counter()
    named: list[tuple[str, Any]] = []
    if "gold" in args.sets:
        named += _gold_docs()
    if "demo" in args.sets:
        named += _demo_docs()
    if "corpus" in args.sets:
        named += _corpus_docs(args.corpus_limit)
    if "samples" in args.sets:
        named += _sample_docs(1)
    sets = prepare(named)
    print(f"prepared {sum(map(len, sets.values()))} documents in {len(sets)} sets "
          f"({time.perf_counter() - t0:.1f} s)")

    bad = compare(new, old, sets)
    n_events = sum(len(new(d, option_sets()[0][1])) for docs in sets.values() for d in docs)
    print(f"identity: {'OK' if not bad else f'{bad} set(s) differ'} "
          f"({len(sets)} sets x {len(option_sets())} option sets, {n_events} events with default options)")
    if args.no_speed:
        return 1 if bad else 0

    groups: dict[str, list[Any]] = {}
    for name, docs in sets.items():
        groups.setdefault(name.split(":")[0], []).extend(docs)
    if "samples" in groups:
        groups["samples"] = groups["samples"] * max(1, args.sample_repeats)
    for d in (d for docs in groups.values() for d in docs[:50]):  # warm both coders' tables
        new(d, option_sets()[0][1])
        old(d, option_sets()[0][1])
    print(f"\n{'set':<10}{'chars':>12}{'new M ch/s':>12}{'old M ch/s':>12}{'new/old':>9}")
    for name, docs in groups.items():
        r = speed(new, old, docs, args.repeat)
        print(f"{name:<10}{r['chars']:>12,}{r['new_chars_s'] / 1e6:>12.2f}{r['old_chars_s'] / 1e6:>12.2f}"
              f"{r['ratio']:>8.2f}x")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
