"""détente benchmark suite: one command, a table of figures with ratios to same-run baselines.

    .venv/bin/python benchmarks/run.py                 # 2,000 generated articles
    .venv/bin/python benchmarks/run.py --articles 20000 --linear   # + linearity 2k vs 20k

Machines here are noisy, so every figure is reported next to a baseline measured in the same
run: reading the text, one ahocorasick-rs scan with the full actor + lexicon pattern set (the
floor for a dictionary coder), and trafilatura's extraction alone on the same HTML pages.
In-process throughputs are measured in **CPU time** of this process (per core, and insensitive
to other processes sharing the machine); the scan floor is measured before and after the
pipeline and its best is kept; process scaling, cold start and the store use wall time.
Results also go to ``benchmarks/out/results.json``.

    .venv/bin/python benchmarks/run.py --linear --linear-articles 10000   # a smaller 2nd size
    .venv/bin/python benchmarks/run.py --skip html memory scaling store  # stages only
    .venv/bin/python benchmarks/run.py --corpus-version 1   # the old, event-dense corpus (if on disk)

The generated corpus (``make_corpus.py``, version 2) is calibrated on real news: sentence lengths
per language, 300–900-word articles, about one sentence in five reporting an event. The "sample
mix" section runs the real articles of ``../shared/samples`` when present.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import CORPUS_VERSION, corpus_dir, fingerprint, generate  # noqa: E402

#: The clock of in-process measurements: CPU time of this process (see the module docstring).
CLOCK = time.process_time


def _timed(fn: Callable[[], Any], repeat: int = 1, clock: Callable[[], float] = CLOCK) -> tuple[float, Any]:
    """Best time of ``repeat`` runs of ``fn`` (CPU time unless another clock is given)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = clock()
        out = fn()
        best = min(best, clock() - t0)
    return best, out


def _load() -> str:
    """The machine's load averages (1, 5, 15 min)."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on Linux
        return "?"


def corpus(n: int, version: int = CORPUS_VERSION) -> Path:
    """The generated corpus of ``n`` articles, made once and cached under
    ``benchmarks/corpus/v{version}-n{n}`` (version 1, the old generator, under ``n{n}``) and
    made again when its ``manifest.json`` no longer matches the generator. Only the current
    version can be generated; an older one is used as it stands on disk."""
    out = corpus_dir(HERE / "corpus", n, version)
    complete = (out / "text").exists() and len(list((out / "text").iterdir())) == n
    if version != CORPUS_VERSION:
        if not complete:
            raise SystemExit(f"corpus version {version} of {n} articles not found at {out}; "
                             f"only version {CORPUS_VERSION} can be generated")
        return out
    manifest = out / "manifest.json"
    if not complete or not manifest.exists() or json.loads(manifest.read_text()) != fingerprint(n):
        for sub, pattern in (("text", "*.txt"), ("html", "*.html")):  # a stale one: no leftovers
            for p in sorted((out / sub).glob(pattern)):
                p.unlink()
        generate(n, out)
    return out


def load_texts(root: Path) -> list[tuple[str, str]]:
    """(language, text) of every plain-text article."""
    return [(p.stem.split("_")[1], p.read_text(encoding="utf-8")) for p in sorted((root / "text").iterdir())]


def pattern_set() -> list[str]:
    """The full actor + trigger pattern set, for the scan floor."""
    pats: list[str] = []
    try:
        from detente.actors import get_table

        pats += list(get_table().keys)
    except Exception as exc:  # layer not built: say so in the output
        print(f"  (actor patterns unavailable: {exc})", file=sys.stderr)
    try:
        from detente.events import lexicon_patterns

        pats += list(lexicon_patterns())
    except Exception as exc:
        print(f"  (lexicon patterns unavailable: {exc})", file=sys.stderr)
    return sorted({p for p in pats if p})


def bench_baselines(texts: list[tuple[str, str]], root: Path) -> dict[str, Any]:
    """Read and scan baselines (trafilatura alone is measured with the HTML figures, same pages)."""

    chars = sum(len(t) for _, t in texts)
    files = sorted((root / "text").iterdir())
    t_read, _ = _timed(lambda: [p.read_text(encoding="utf-8") for p in files], repeat=3)
    pats = pattern_set()
    res: dict[str, Any] = {"chars": chars, "read_chars_s": chars / t_read, "patterns": len(pats)}
    if pats:
        res["scan_chars_s"] = scan_floor(texts, pats)
    return res


def scan_floor(texts: list[tuple[str, str]], pats: list[str] | None = None) -> float:
    """chars/s of one ahocorasick-rs scan (lower-cased text, leftmost-longest) with ``pats``."""
    import ahocorasick_rs

    global _AC
    if pats is not None or _AC is None:
        _AC = ahocorasick_rs.AhoCorasick(pats or pattern_set(), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    ac = _AC
    t_scan, _ = _timed(lambda: [ac.find_matches_as_indexes(t.lower()) for _, t in texts], repeat=3)
    return sum(len(t) for _, t in texts) / t_scan


_AC: Any = None


def warm_up(pipe: Any, texts: list[tuple[str, str]]) -> None:
    """Load every table and model outside the timed loop: one article of each language
    (the event lexicons and identifiers are loaded per language on first use)."""
    from detente.records import Document

    first: dict[str, str] = {}
    for lang, text in texts:
        first.setdefault(lang, text)
    for lang, text in sorted(first.items()):
        pipe.process(Document(id=f"warm-{lang}", source="warm", raw_text=text))


def bench_pipeline(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """Each stage's and the whole pipeline's throughput on plain text, per language."""
    from detente.pipeline import Pipeline
    from detente.records import Document

    pipe = Pipeline()
    per_stage: dict[str, float] = defaultdict(float)
    per_lang_t: dict[str, float] = defaultdict(float)
    per_lang_c: dict[str, int] = defaultdict(int)
    events = 0
    warm_up(pipe, texts)
    clock = CLOCK
    t_all = clock()
    for i, (lang, text) in enumerate(texts):
        doc = Document(id=str(i), source=str(i), raw_text=text)
        t_doc = clock()
        for s in pipe.stages:
            t0 = clock()
            doc = s(doc, pipe.ctx)
            per_stage[s.name] += clock() - t0
        per_lang_t[lang] += clock() - t_doc
        per_lang_c[lang] += len(text)
        events += len(doc.events)
    total = clock() - t_all
    chars = sum(len(t) for _, t in texts)
    return {
        "end_to_end_chars_s": chars / total,
        "end_to_end_docs_s": len(texts) / total,
        "events": events,
        "stage_chars_s": {k: chars / v for k, v in per_stage.items()},
        "stage_docs_s": {k: len(texts) / v for k, v in per_stage.items()},
        "lang_chars_s": {k: per_lang_c[k] / per_lang_t[k] for k in sorted(per_lang_t)},
    }


def bench_samples(min_chars: int = 1_500_000) -> dict[str, Any] | None:
    """The issue's "sample mix": the real articles of ``../shared/samples`` (when present), repeated
    to at least ``min_chars``, through every stage, with their own same-run scan floor. Real news
    carries fewer events per character than the generated corpus, so this is the figure the coder
    budget ("coder alone >= 5 M chars/s on the sample mix") is read against."""
    from detente.resources import shared_samples_dir

    d = shared_samples_dir()
    files = sorted(d.glob("*.txt")) if d else []
    if not files:
        return None
    one = [p.read_text(encoding="utf-8") for p in files]
    reps = max(1, -(-min_chars // sum(len(t) for t in one)))
    texts = [("sample", t) for _ in range(reps) for t in one]
    got = bench_pipeline(texts)
    got.update({"files": len(files), "repeats": reps, "chars": sum(len(t) for _, t in texts),
                "scan_chars_s": scan_floor(texts)})
    return got


def bench_html(root: Path, limit: int = 500) -> dict[str, Any]:
    """HTML pages end to end (extraction + coding) and trafilatura alone on the same pages; the
    cleaning stage alone (extraction, metadata, furniture) and trafilatura alone on the next
    ``limit`` pages."""
    import trafilatura

    from detente.pipeline import Pipeline
    from detente.records import Document

    files = sorted((root / "html").iterdir())
    pages = [p.read_text(encoding="utf-8") for p in files[:limit]]
    # the cleaning stage alone runs on other pages (its line and language memos must not have
    # seen them), with trafilatura alone on those pages too
    other = [p.read_text(encoding="utf-8") for p in files[limit : 2 * limit]]
    pipe = Pipeline()
    warm_up(pipe, load_texts(root))
    pipe.process(Document(id="w", source="w", html=pages[0]))
    trafilatura.extract(pages[0])
    t_traf, _ = _timed(lambda: [trafilatura.extract(p) for p in pages])
    t, _ = _timed(lambda: [pipe.process(Document(id=str(i), source=str(i), html=p)) for i, p in enumerate(pages)])
    res = {"html_pages_s": len(pages) / t, "trafilatura_pages_s": len(pages) / t_traf, "pages": len(pages)}
    if other:
        # text.clean.v1 alone: trafilatura's extraction + our metadata and furniture work
        clean = next(s for s in pipe.stages if s.name == "text.clean.v1")
        t_traf2, _ = _timed(lambda: [trafilatura.extract(p) for p in other])
        t_clean, _ = _timed(lambda: [clean(Document(id=str(i), source=str(i), html=p), pipe.ctx)
                                     for i, p in enumerate(other)])
        res.update({"html_clean_pages_s": len(other) / t_clean, "trafilatura_other_pages_s": len(other) / t_traf2})
    return res


def _child(code: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_memory_and_cold_start(root: Path) -> dict[str, Any]:
    """Peak RSS with all languages loaded after coding the corpus; CLI cold start vs bare Python."""
    code = (
        "import json, resource, sys; sys.path.insert(0, 'benchmarks');"
        "from run import load_texts; from pathlib import Path;"
        "from detente.pipeline import Pipeline; from detente.records import Document;"
        f"texts = load_texts(Path({str(root)!r}))[:500]; p = Pipeline();"
        "[p.process(Document(id=str(i), source='x', raw_text=t)) for i, (_, t) in enumerate(texts)];"
        "print(json.dumps({'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    mem = _child(code)
    mem.update(_child(
        "import json, time; t = time.perf_counter(); from detente.actors.table import load_table; load_table();"
        "print(json.dumps({'actor_table_load_s': time.perf_counter() - t}))"
    ))
    sample = next((root / "text").iterdir())
    exe = Path(sys.executable).parent / "detente"

    def run_cli() -> None:
        subprocess.run([str(exe), "extract", str(sample)], capture_output=True, check=True)

    def run_py() -> None:
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)

    t_cli, _ = _timed(run_cli, repeat=3, clock=time.perf_counter)
    t_py, _ = _timed(run_py, repeat=3, clock=time.perf_counter)
    return {**mem, "cold_start_s": t_cli, "python_start_s": t_py}


_PIPE: Any = None


def _init_worker(warm: list[tuple[str, str]]) -> None:
    """Each worker process: one pipeline, warmed with one article per language (tables,
    lexicons and identifiers loaded outside the timed part)."""
    from detente.pipeline import Pipeline

    global _PIPE
    _PIPE = Pipeline()
    warm_up(_PIPE, warm)


def _worker(chunk: list[str]) -> int:
    from detente.records import Document

    return sum(len(_PIPE.process(Document(id=str(i), source="x", raw_text=t)).events) for i, t in enumerate(chunk))


def bench_scaling(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """Throughput with 1 and 2 worker processes on the same texts (wall time)."""
    from multiprocessing import get_context

    only = [t for _, t in texts]
    first: dict[str, tuple[str, str]] = {}
    for lang, t in texts:
        first.setdefault(lang, (lang, t))
    warm = list(first.values())
    ctx = get_context("spawn")
    out = {}
    for n in (1, 2):
        chunks = [only[i::n] for i in range(n)]
        with ctx.Pool(n, initializer=_init_worker, initargs=(warm,)) as pool:
            pool.map(_worker, [c[:2] for c in chunks])  # wait until every worker is up
            t, _ = _timed(lambda chunks=chunks, pool=pool: pool.map(_worker, chunks, chunksize=1), clock=time.perf_counter)
        out[f"procs_{n}_chars_s"] = sum(len(t) for t in only) / t
    return out


def bench_store(events: int = 50_000) -> dict[str, Any]:
    """Store insert rate and query latency: the lines of ``benchmarks/bench_store.py``
    (which measures its own same-run baselines)."""
    script = HERE / "bench_store.py"
    out = subprocess.run([sys.executable, str(script), "--events", str(events)], capture_output=True,
                         text=True, cwd=ROOT)
    lines = [ln.strip() for ln in out.stdout.splitlines() if ln.strip() and not ln.startswith("stats:")]
    if out.returncode != 0:
        lines.append("error: " + (out.stderr.strip().splitlines() or ["?"])[-1])
    return {"store": lines}


def main() -> None:
    ap = argparse.ArgumentParser(description="détente benchmark suite")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--linear", action="store_true", help="also run a larger corpus and report the cost ratio")
    ap.add_argument("--linear-articles", type=int, default=0,
                    help="size of the larger corpus for --linear (default: 10x --articles)")
    ap.add_argument("--skip", nargs="*", default=[], help="sections to skip: samples html memory scaling store")
    ap.add_argument("--corpus-version", type=int, default=CORPUS_VERSION,
                    help=f"generated corpus version: {CORPUS_VERSION} = the current, realistic generator "
                         f"(default, made when missing); 1 = the old corpus, used as it is on disk")
    a = ap.parse_args()
    root = corpus(a.articles, a.corpus_version)
    texts = load_texts(root)
    r: dict[str, Any] = {"machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
                         f"Python {platform.python_version()}", "articles": a.articles,
                         "load_start": _load(), "clock": "cpu"}
    r["baselines"] = bench_baselines(texts, root)
    r["pipeline"] = bench_pipeline(texts)
    # the floor again after the pipeline: the best of both is the same-run floor
    r["baselines"]["scan_chars_s"] = max(r["baselines"].get("scan_chars_s", 0.0), scan_floor(texts))
    if "samples" not in a.skip:
        got = bench_samples()
        if got:
            r["samples"] = got
    if "html" not in a.skip:
        r["html"] = bench_html(root)
    if "memory" not in a.skip:
        r["memory"] = bench_memory_and_cold_start(root)
    if "scaling" not in a.skip:
        r["scaling"] = bench_scaling(texts)
    if "store" not in a.skip:
        r.update(bench_store())
    if a.linear:
        n_big = a.linear_articles or a.articles * 10
        big = load_texts(corpus(n_big, a.corpus_version))
        t0 = time.perf_counter()
        got = bench_pipeline(big)
        r["linear"] = {"articles": n_big, "chars": sum(len(t) for _, t in big),
                       "chars_s": got["end_to_end_chars_s"], "scan_chars_s": scan_floor(big),
                       "wall_s": time.perf_counter() - t0}
    r["load_end"] = _load()
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "results.json").write_text(json.dumps(r, indent=2))
    print(render(r))


def render(r: dict[str, Any]) -> str:
    """The results as one table: figure, value, ratio to its same-run baseline, budget."""
    b, p = r["baselines"], r["pipeline"]
    rows: list[tuple[str, str, str, str]] = [("figure", "value", "ratio to same-run baseline", "budget")]
    scan = b.get("scan_chars_s")

    def floor(v: float) -> str:
        return f"{scan / v:.1f}x scan floor" if scan else ""

    rows.append(("read text (baseline)", f"{b['read_chars_s'] / 1e6:.1f} M chars/s", "", ""))
    if scan:
        rows.append((f"ahocorasick scan, {b['patterns']} patterns (floor)", f"{scan / 1e6:.1f} M chars/s",
                     f"read is {b['read_chars_s'] / scan:.1f}x faster", ""))
    for name, v in p["stage_chars_s"].items():
        docs = p.get("stage_docs_s", {}).get(name)
        rows.append((f"stage {name}", f"{v / 1e6:.2f} M chars/s" + (f", {docs:,.0f} docs/s" if docs else ""), floor(v), ""))
    e2e = p["end_to_end_chars_s"]
    rows.append(("plain text end to end", f"{e2e / 1e6:.2f} M chars/s, {p['end_to_end_docs_s']:.0f} docs/s",
                 floor(e2e), ">= 2 M chars/s, <= 30x floor"))
    for lang, v in p["lang_chars_s"].items():
        rows.append((f"  {lang}", f"{v / 1e6:.2f} M chars/s", floor(v), ""))
    if "samples" in r:
        sm = r["samples"]
        sf = sm["scan_chars_s"]
        rows.append((f"sample mix: {sm['files']} real articles x{sm['repeats']}, scan floor",
                     f"{sf / 1e6:.1f} M chars/s", "same-run floor of these texts", ""))
        code = sm["stage_chars_s"].get("events.code.v1")
        if code:
            rows.append(("  sample mix, coder alone", f"{code / 1e6:.2f} M chars/s", f"{sf / code:.1f}x its scan floor",
                         ">= 5 M chars/s"))
        act = sm["stage_chars_s"].get("actors.match.v1")
        if act:
            rows.append(("  sample mix, actors.match", f"{act / 1e6:.2f} M chars/s", f"{sf / act:.1f}x its scan floor", ""))
        se = sm["end_to_end_chars_s"]
        rows.append(("  sample mix, end to end", f"{se / 1e6:.2f} M chars/s", f"{sf / se:.1f}x its scan floor",
                     ">= 2 M chars/s, <= 30x floor"))
    if "html" in r:
        h = r["html"]["html_pages_s"]
        traf = r["html"].get("trafilatura_pages_s") or b.get("trafilatura_pages_s")
        rows.append(("HTML end to end", f"{h:.0f} pages/s", f"{traf / h:.2f}x trafilatura alone" if traf else "",
                     ">= 150 pages/s"))
        if traf:
            rows.append(("trafilatura alone, same pages (baseline)", f"{traf:.0f} pages/s", "", ""))
        hc, traf2 = r["html"].get("html_clean_pages_s"), r["html"].get("trafilatura_other_pages_s")
        if hc and traf2:
            rows.append(("  stage text.clean.v1 alone, other pages", f"{hc:.0f} pages/s",
                         f"{traf2 / hc:.2f}x trafilatura alone ({traf2:.0f} pages/s)", ""))
    if "memory" in r:
        m = r["memory"]
        rows.append(("peak RSS, all languages", f"{m['peak_rss_mb']:.0f} MB", "", "<= 600 MB"))
        rows.append(("actor table load", f"{m['actor_table_load_s']:.2f} s", "", "< 1 s"))
        rows.append(("detente extract cold start", f"{m['cold_start_s']:.2f} s",
                     f"{m['cold_start_s'] / m['python_start_s']:.1f}x bare python", "<= 2 s"))
    if "scaling" in r:
        s = r["scaling"]
        rows.append(("2 processes vs 1 (wall)", f"{s['procs_2_chars_s'] / 1e6:.2f} M chars/s",
                     f"{s['procs_2_chars_s'] / s['procs_1_chars_s']:.2f}x one process", "~2x on 2 cores"))
    if "store" in r:
        for line in r["store"]:
            label, _, value = line.partition(":")
            rows.append((f"store {label}", value.strip()[:70], "", ""))
    if "linear" in r:
        lin = r["linear"]
        n_big = lin.get("articles", r["articles"] * 10)
        big = lin.get("chars_s", lin.get("chars_s_10x", 0.0))
        ratio = big / e2e
        big_floor = lin.get("scan_chars_s")
        rows.append((f"linearity: {n_big} vs {r['articles']} articles", f"{big / 1e6:.2f} M chars/s",
                     f"{ratio:.2f}x the small run's speed"
                     + (f"; {big_floor / big:.1f}x its scan floor" if big_floor else ""), "~1.0x"))
    w = [max(len(row[i]) for row in rows) for i in range(4)]
    head = (f"détente benchmarks — {r['articles']} articles, {b['chars'] / 1e6:.1f} M chars — {r['machine']}; "
            f"load {r.get('load_start', '?')} → {r.get('load_end', '?')}; "
            f"{'CPU' if r.get('clock') == 'cpu' else 'wall'} time")
    lines = [head, "-" * len(head)]
    lines += ["  ".join(c.ljust(w[i]) for i, c in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
