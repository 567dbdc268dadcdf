"""Build ``store_v10.json``: the rows a version-10 store (the release before integer keys) held
after ingesting this folder's fixture corpus — the input of the upgrade tests.

It must run with the version-10 store code (``src/detente/store`` at schema version 10, e.g. a
checkout of the commit before migration 11)::

    PYTHONPATH=<v10 checkout>/src python tests/store/data/make_store_v10.py

The corpus: :func:`conftest.corpus` in batches of 4 documents, then :func:`conftest.synthetic_docs`
(40 documents) in batches of 10, so that mentions merge into events of earlier batches, stories
merge, copies and flags are found. Volatile values (``stored_at``, run timestamps) are fixed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = ("documents", "mentions", "events", "stories", "actors", "runs", "doc_hashes", "dyad_stats", "story_keys")


def main() -> int:
    spec = importlib.util.spec_from_file_location("store_fixtures", HERE.parent / "conftest.py")
    assert spec and spec.loader
    fx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fx)
    from detente.store import open_store, schema

    if schema.current_version() != 10:
        print(f"needs the version-10 store code, not version {schema.current_version()}", file=sys.stderr)
        return 1
    db = Path(tempfile.mkdtemp()) / "v10.db"
    out: dict[str, list[dict[str, object]]] = {}
    with open_store(db) as s:
        s.ingest(fx.corpus(), batch_size=4)
        s.ingest(fx.synthetic_docs(40), batch_size=10)
        for t in TABLES:
            cols = [r["name"] for r in s._all(f"SELECT name FROM pragma_table_info('{t}')")]
            rows = s._all(f"SELECT {', '.join(cols)} FROM {t} ORDER BY {cols[0]}, {cols[1]}")
            for r in rows:
                for k in ("stored_at", "started_at", "finished_at"):
                    if k in r:
                        r[k] = "2024-01-01T00:00:00Z"
            out[t] = rows
    (HERE / "store_v10.json").write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                         encoding="utf-8")
    print({t: len(v) for t, v in out.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
