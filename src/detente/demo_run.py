"""``detente demo``: ingest the bundled sample corpus and print what was found.

The corpus (``detente/demo/corpus``) is original writing by the team: short multilingual news
articles with realistic site furniture, the same meeting reported by several sites in several
languages, a republished page, a content-farm copy and a machine-translated garble. Its
``manifest.jsonl`` gives each file's URL, site and (when the page does not show it) date.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import DataError
from .pipeline import RunSummary
from .records import Document
from .resources import PACKAGE_DATA

CORPUS_DIR = PACKAGE_DATA.parent / "demo" / "corpus"


def corpus_manifest(corpus: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    """The manifest rows of the bundled corpus (one per file)."""
    path = corpus / "manifest.jsonl"
    if not path.exists():
        raise DataError(f"demo corpus manifest missing: {path}")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_documents(corpus: Path = CORPUS_DIR, summary: RunSummary | None = None) -> Iterator[Document]:
    """Documents of the bundled corpus, with URL, site and date from the manifest."""
    from .ingest import read

    meta = {row["file"]: row for row in corpus_manifest(corpus)}
    # A page saved both as HTML and as its extracted text is one report: read the HTML.
    html_stems = {Path(n).stem for n in meta if n.endswith(".html")}
    files = sorted(corpus / n for n in meta if not (n.endswith(".txt") and Path(n).stem in html_stems))
    for doc in read(files, summary):
        row = meta.get(Path(doc.source).name, {})
        doc.url = row.get("url") or doc.url
        doc.site = row.get("site") or doc.site
        doc.lang_hint = doc.lang_hint or row.get("lang")
        if row.get("pub_date") and doc.pub_date is None:
            doc.pub_date = dt.date.fromisoformat(row["pub_date"])
            doc.pub_date_precision = "day"
            doc.pub_date_source = "manifest"
        yield doc


def run_demo(db: str | Path, out: IO[str]) -> dict[str, Any]:
    """Ingest the corpus into ``db`` and print a summary of events and dyads to ``out``."""
    from .api import code_documents
    from .cli import render_events
    from .store import open_store

    summary = RunSummary()
    with open_store(db) as store:
        stats = store.ingest(code_documents(corpus_documents(summary=summary), summary=summary), summary)
        rows = store.events(limit=200)
        dyads = store.dyads(limit=15)
        st = store.stats()
    out.write(f"détente demo — ingested the bundled corpus into {db}\n")
    out.write(f"  {summary.line()}  ({stats})\n")
    for f in summary.failures:
        out.write(f"  failed: {f.record}: {f.reason}\n")
    out.write("\nTop dyads\n")
    for d in dyads:
        out.write("  " + "  ".join(f"{k}={v}" for k, v in d.items()) + "\n")
    out.write(f"\nEvents ({len(rows)} after merging reports across sources and languages)\n")
    render_events(rows, "table", out)
    out.write("\nStore: " + ", ".join(f"{k} {v}" for k, v in st.items() if not isinstance(v, dict)) + "\n")
    out.write(f"Query it:  detente events --db {db} --dyad USA-CHN\n")
    return {"summary": summary.to_dict(), "events": len(rows), "dyads": dyads}
