"""Coding at scale: many WARC/text files in parallel, on local processes or on Spark.

Both engines share one partition function, :func:`code_partition`, which reads a list of inputs
with the normal readers, runs the normal pipeline and yields flat event rows plus per-record
failures, so a Spark run codes exactly what ``detente extract`` codes.

* ``local`` — a process pool on this machine (no extra dependency).
* ``spark`` — a PySpark job (``pip install 'detente[spark]'``; needs Java 17+), one task per
  input file, the style of cc-pyspark jobs over Common-Crawl WARC archives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..options import Options
from ..pipeline import RunSummary

#: Columns of a flat event row (Parquet/Spark schema); ``record`` holds the full JSON record.
ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("doc_id", "string"), ("url", "string"), ("site", "string"), ("lang", "string"),
    ("date", "string"), ("date_precision", "string"), ("event", "string"), ("mode", "string"),
    ("cameo", "string"), ("goldstein", "double"), ("quad_class", "int"),
    ("actor_code", "string"), ("actor_country", "string"), ("actor_name", "string"),
    ("recipient_code", "string"), ("recipient_country", "string"), ("recipient_name", "string"),
    ("symmetric", "boolean"), ("location_name", "string"), ("lat", "double"), ("lon", "double"),
    ("evidence", "string"), ("confidence", "double"), ("coder", "string"), ("lexicon_entry", "string"),
    ("record", "string"),
)


def event_row(rec: dict[str, Any], url: str | None, site: str | None) -> dict[str, Any]:
    """Flatten one event record into a row of :data:`ROW_COLUMNS`."""
    a, r, loc = rec.get("actor") or {}, rec.get("recipient") or {}, rec.get("location") or {}
    return {
        "id": rec["id"], "doc_id": rec["doc_id"], "url": url, "site": site, "lang": rec["lang"],
        "date": rec.get("date"), "date_precision": rec.get("date_precision"), "event": rec["event"],
        "mode": rec.get("mode"), "cameo": rec["cameo"], "goldstein": float(rec["goldstein"]),
        "quad_class": int(rec["quad_class"]),
        "actor_code": a.get("code"), "actor_country": a.get("country"), "actor_name": a.get("name"),
        "recipient_code": r.get("code"), "recipient_country": r.get("country"), "recipient_name": r.get("name"),
        "symmetric": bool(rec.get("symmetric")), "location_name": loc.get("name"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "evidence": rec["evidence"]["sentence"],
        "confidence": float(rec["confidence"]), "coder": rec["provenance"]["coder"],
        "lexicon_entry": rec["provenance"]["lexicon_entry"],
        "record": json.dumps(rec, ensure_ascii=False),
    }


def code_partition(paths: Iterable[str], options: Options | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Code the inputs; yields ``("event", row)``, ``("failure", {...})`` and one ``("summary", {...})``."""
    from ..api import code_documents
    from ..ingest import read

    summary = RunSummary()
    for doc in code_documents(read(list(paths), summary), options, summary):
        for ev in doc.events:
            yield "event", event_row(ev.to_dict(), doc.url, doc.site)
    for f in summary.failures:
        yield "failure", {"record": f.record, "step": f.step, "reason": f.reason}
    yield "summary", {"processed": summary.processed, "failed": summary.failed, "skipped": summary.skipped,
                      "events": summary.events, "chars": summary.chars}


def expand_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Input files (directories expanded, sorted), the unit of work of both engines."""
    out: list[str] = []
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            out += [str(c) for c in sorted(p.rglob("*")) if c.is_file() and not c.name.startswith(".")]
        else:
            out.append(str(inp))
    return out


def _local_task(args: tuple[str, Options | None]) -> list[tuple[str, dict[str, Any]]]:
    return list(code_partition([args[0]], args[1]))


def write_rows(rows: list[dict[str, Any]], out: Path, fmt: str) -> Path:
    """Write event rows as ``events.jsonl`` or ``events.parquet`` under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the environment
            from ..errors import MissingExtraError

            raise MissingExtraError("parquet", "pyarrow") from exc
        types = {"string": pa.string(), "double": pa.float64(), "int": pa.int32(), "boolean": pa.bool_()}
        schema = pa.schema([(n, types[t]) for n, t in ROW_COLUMNS])
        path = out / "events.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
        return path
    path = out / "events.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(r["record"] + "\n")
    return path


def run_local(
    inputs: Iterable[str | Path], out: str | Path, *, processes: int = 2, fmt: str = "jsonl",
    options: Options | None = None,
) -> dict[str, Any]:
    """Code the inputs with a pool of ``processes`` and write events + failures under ``out``.

    Returns the merged summary (processed/failed/skipped/events/chars, ``files``, ``output``).
    """
    from multiprocessing import get_context

    files = expand_inputs(inputs)
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    total = {"processed": 0, "failed": 0, "skipped": 0, "events": 0, "chars": 0}
    with get_context("spawn").Pool(max(1, processes)) as pool:
        for part in pool.imap(_local_task, [(f, options) for f in files]):
            for kind, val in part:
                if kind == "event":
                    rows.append(val)
                elif kind == "failure":
                    failures.append(val)
                else:
                    for k in total:
                        total[k] += val[k]
    rows.sort(key=lambda r: (r["doc_id"], r["id"]))
    path = write_rows(rows, Path(out), fmt)
    _write_failures(failures, Path(out))
    return {**total, "files": len(files), "output": str(path)}


def _write_failures(failures: list[dict[str, Any]], out: Path) -> None:
    with (out / "failures.jsonl").open("w", encoding="utf-8") as fh:
        for f in failures:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")


__all__ = ["ROW_COLUMNS", "code_partition", "event_row", "expand_inputs", "run_local", "write_rows"]
