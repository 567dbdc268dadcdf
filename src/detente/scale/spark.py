"""The Spark engine: one task per input file (WARC archives, text, JSONL), cc-pyspark style.

Counts of processed/failed/skipped documents come back through the tagged rows (no side
effects in tasks), failures are written next to the events with the record and the reason.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..options import Options
from . import ROW_COLUMNS, code_partition, expand_inputs

try:
    from pyspark.sql import SparkSession
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise MissingExtraError("spark", "pyspark") from exc


def _schema() -> Any:
    from pyspark.sql import types as T

    types = {"string": T.StringType(), "double": T.DoubleType(), "int": T.IntegerType(),
             "boolean": T.BooleanType()}
    return T.StructType([T.StructField(n, types[t], True) for n, t in ROW_COLUMNS])


def _partition(options: Options | None) -> Any:
    def run(paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        for kind, val in code_partition(list(paths), options):
            yield kind, json.dumps(val, ensure_ascii=False)

    return run


def run_spark(
    inputs: Iterable[str | Path], out: str | Path, *, master: str = "local[2]", fmt: str = "parquet",
    options: Options | None = None, spark: SparkSession | None = None,
) -> dict[str, Any]:
    """Code the inputs on Spark and write ``events.parquet`` (or JSON) and ``failures.jsonl`` under ``out``."""
    files = expand_inputs(inputs)
    own = spark is None
    if spark is None:
        # workers run this interpreter (the one detente is installed in) unless told otherwise
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (SparkSession.builder.master(master).appName("detente")
                 .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    try:
        tagged = spark.sparkContext.parallelize(files, max(1, len(files))).mapPartitions(_partition(options)).cache()
        rows = tagged.filter(lambda kv: kv[0] == "event").map(lambda kv: json.loads(kv[1]))
        df = spark.createDataFrame(rows.map(lambda r: tuple(r[n] for n, _ in ROW_COLUMNS)), _schema())
        outp = Path(out)
        outp.mkdir(parents=True, exist_ok=True)
        target = str(outp / ("events.parquet" if fmt == "parquet" else "events.json"))
        (df.write.mode("overwrite").parquet(target) if fmt == "parquet" else df.write.mode("overwrite").json(target))
        side = tagged.filter(lambda kv: kv[0] != "event").collect()
        tagged.unpersist()
    finally:
        if own:
            spark.stop()
    total = {"processed": 0, "failed": 0, "skipped": 0, "events": 0, "chars": 0}
    with (outp / "failures.jsonl").open("w", encoding="utf-8") as fh:
        for kind, val in side:
            obj = json.loads(val)
            if kind == "failure":
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                for k in total:
                    total[k] += obj[k]
    return {**total, "files": len(files), "output": target}
