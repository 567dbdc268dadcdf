"""What the writer stores for a fixed multilingual ingest, against digests taken with the
version-11 writer before the insert-speed work of issue #6: speed-ups must store the same rows.

The corpus: :func:`conftest.corpus` (the Beijing talks in en/zh/vi, a later meeting, content-farm
copies, a republished and a machine-translated page) in batches of 3 documents, then
:func:`conftest.synthetic_docs` (160 documents in en/zh/vi/fr/ja, a third of them repeated
reports) in batches of 25, then 30 of them again (nothing may change). Every table the writer
fills is dumped whole, less the volatile columns (``stored_at``, ``run_id``); mention records are
compared parsed (not as laid out in their column) and as users read them (:meth:`Store.event` of
every event, with its mentions, and :meth:`Store.events`). The digests (one per table, so that a
failure names the table) are in ``data/stored_output.json``, written by
``data/make_stored_output.py`` (run it with the writer whose output is the reference).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DIGESTS = Path(__file__).resolve().parent / "data" / "stored_output.json"

TABLES: dict[str, str] = {  # table → ORDER BY
    "documents": "id", "mentions": "id", "events": "id", "stories": "id", "actors": "id",
    "doc_hashes": "hash, doc_id", "dyad_stats": "dyad", "story_keys": "key, day, doc_id",
}
VOLATILE = {"stored_at", "run_id"}


def ingest(store: Any, fx: Any) -> None:
    """Write the fixed corpus into ``store``."""
    store.ingest(fx.corpus(), batch_size=3)
    synth = fx.synthetic_docs(160)
    store.ingest(synth, batch_size=25)
    store.ingest(synth[:30], batch_size=7)


def dump(store: Any) -> dict[str, list[Any]]:
    """Every row of the writer's tables and every event as the API returns it."""
    from detente.store.writer import _loads

    out: dict[str, list[Any]] = {}
    for table, order in TABLES.items():
        rows = store._all(f"SELECT * FROM {table} ORDER BY {order}")
        for r in rows:
            for k in VOLATILE & set(r):
                del r[k]
            if table == "mentions":
                r["record"] = _loads(r["record"], {})
            for k, v in r.items():
                if isinstance(v, float):
                    r[k] = round(v, 9)
        out[table] = rows
    out["api_event"] = [store.event(r["id"]) for r in out["events"]]
    out["api_events"] = store.events(limit=None)
    return out


def digests(data: dict[str, list[Any]]) -> dict[str, Any]:
    """Row count and SHA-256 of the canonical JSON of each section."""
    return {k: {"rows": len(v), "sha256": hashlib.sha256(
        json.dumps(v, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()}
        for k, v in sorted(data.items())}


def test_stored_output_is_the_reference(store: Any, fx: Any) -> None:
    ingest(store, fx)
    data = dump(store)
    assert len(data["events"]) > 150 and len(data["mentions"]) > len(data["events"])  # merges happened
    assert any(r["flags"] != "[]" for r in data["documents"])  # trust flags were raised
    got = digests(data)
    want = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert {k: v["rows"] for k, v in got.items()} == {k: v["rows"] for k, v in want.items()}
    assert [k for k in want if got[k] != want[k]] == []
