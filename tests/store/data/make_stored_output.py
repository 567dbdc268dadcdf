"""Write ``stored_output.json``: the digests of what the writer stores for the fixed corpus of
``tests/store/test_stored_output.py`` (run with the writer whose output is the reference)::

    .venv/bin/python tests/store/data/make_stored_output.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    fx = _load("store_fixtures", HERE.parent / "conftest.py")
    t = _load("stored_output_test", HERE.parent / "test_stored_output.py")
    from detente.store import open_store

    with open_store(Path(tempfile.mkdtemp()) / "ref.db") as s:
        t.ingest(s, fx)
        d = t.digests(t.dump(s))
    t.DIGESTS.write_text(json.dumps(d, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print({k: v["rows"] for k, v in d.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
