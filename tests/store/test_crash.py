"""Crash safety with a real kill: a subprocess ingesting in batches is SIGKILLed mid-batch; what
was committed is intact, nothing half-written is visible, and a re-run completes the batch without
duplicates, ending exactly where an uninterrupted run ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from detente.store import open_store

CONFTEST = Path(__file__).with_name("conftest.py")
N_DOCS = 120
BATCH = 20

CHILD = textwrap.dedent("""
    import importlib.util, sys, time
    spec = importlib.util.spec_from_file_location("store_fixtures", sys.argv[1])
    fx = importlib.util.module_from_spec(spec); spec.loader.exec_module(fx)
    from detente.store import open_store
    url, n, batch, stop_after, mode = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    docs = fx.synthetic_docs(n)

    def gen():
        for i, d in enumerate(docs):
            if i == stop_after:
                print("READY", flush=True)
                if mode == "hang":
                    time.sleep(600)  # killed here: the open batch holds documents not yet written
            yield d

    with open_store(url) as s:
        s.ingest(gen(), batch_size=batch)
    print("DONE", flush=True)
""")


def _run_child(url: str, stop_after: int, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(CONFTEST), url, str(N_DOCS), str(BATCH), str(stop_after), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _check_consistent(s: Any) -> dict[str, int]:
    """No duplicates, no orphans, counts agree with the rows they count."""
    with s._tx(write=False) as c:
        one = lambda sql: int(c.execute(text(sql)).scalar() or 0)  # noqa: E731
        assert one("SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id WHERE d.id IS NULL") == 0
        assert one("SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id WHERE e.id IS NULL") == 0
        assert one("SELECT count(*) FROM events e LEFT JOIN mentions m ON m.event_id = e.id WHERE m.id IS NULL") == 0
        # the integer keys link what the content-hash ids link
        assert one("SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.rid = m.doc_rid "
                   "WHERE d.id IS NULL OR d.id <> m.doc_id") == 0
        assert one("SELECT count(*) FROM mentions m LEFT JOIN events e ON e.rid = m.event_rid "
                   "WHERE e.id IS NULL OR e.id <> m.event_id") == 0
        assert one("SELECT count(*) FROM events e LEFT JOIN mentions m ON m.rid = e.first_mid "
                   "WHERE m.id IS NULL OR m.id <> e.first_mention OR m.event_rid <> e.rid") == 0
        assert one("SELECT count(*) FROM events WHERE num_mentions > (SELECT count(*) FROM mentions m "
                   "WHERE m.event_id = events.id)") == 0
        assert one("SELECT count(*) FROM documents WHERE num_events <> (SELECT count(*) FROM mentions m "
                   "WHERE m.doc_id = documents.id)") == 0
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "events": one("SELECT count(*) FROM events"),
            "sum_mentions": one("SELECT sum(num_mentions) FROM events"),
        }


def _final(s: Any) -> list[tuple[Any, ...]]:
    return sorted((e["id"], e["num_mentions"], e["num_sources"], e["date"]) for e in s.iter_events())


def test_sigkill_mid_batch_then_rerun(store_url: str, tmp_path: Path) -> None:
    stop_after = 2 * BATCH + 7  # two batches committed, seven documents of the third in memory
    p = _run_child(store_url, stop_after, "hang")
    try:
        line = p.stdout.readline() if p.stdout else ""
        assert line.strip() == "READY", (line, p.stderr.read() if p.stderr else "")
        time.sleep(0.2)
        os.kill(p.pid, signal.SIGKILL)
    finally:
        p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    with open_store(store_url) as s:
        got = _check_consistent(s)
        assert got["documents"] == 2 * BATCH  # the open batch left nothing behind
        assert s.runs()[0]["status"] == "running"  # the killed run is visible as such
    # the re-run completes the batch and the rest
    p2 = _run_child(store_url, -1, "go")
    _, err = p2.communicate(timeout=120)
    assert p2.returncode == 0, err
    with open_store(store_url) as s:
        got = _check_consistent(s)
        assert got["documents"] == N_DOCS
        assert got["mentions"] == sum(len(d.events) for d in _docs())
        crashed = _final(s)
    ref = tmp_path / "ref.db"
    with open_store(ref) as r:
        r.ingest(_docs(), batch_size=BATCH)
        assert crashed == _final(r)


def test_sigkill_during_writes_leaves_whole_batches(store_url: str) -> None:
    p = _run_child(store_url, 10**9, "go")
    try:
        deadline = time.time() + 60
        while time.time() < deadline:  # wait for the first committed batch, then kill while writing
            with open_store(store_url) as s:
                if s.stats()["documents"] >= BATCH:
                    break
            time.sleep(0.02)
        os.kill(p.pid, signal.SIGKILL)
    finally:
        p.wait(timeout=30)
    with open_store(store_url) as s:
        got = _check_consistent(s)
        assert got["documents"] % BATCH == 0 or got["documents"] == N_DOCS
    p2 = _run_child(store_url, -1, "go")
    _, err = p2.communicate(timeout=120)
    assert p2.returncode == 0, err
    with open_store(store_url) as s:
        assert _check_consistent(s)["documents"] == N_DOCS


def _docs() -> list[Any]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("store_fixtures_parent", CONFTEST)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.synthetic_docs(N_DOCS)
