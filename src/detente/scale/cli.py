"""``detente scale``: code many files in parallel, locally or on Spark."""

from __future__ import annotations

import json

import click


@click.command("scale")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True)
@click.option("--processes", type=int, default=2, show_default=True, help="Local engine: worker processes.")
@click.option("--master", default="local[2]", show_default=True, help="Spark engine: the Spark master URL.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="parquet", show_default=True)
def scale(inputs: tuple[str, ...], out: str, engine: str, processes: int, master: str, fmt: str) -> None:
    """Code INPUTS (WARC archives, files, directories) in parallel into OUT/events.* and OUT/failures.jsonl.

    \b
    Examples:
      detente scale crawl/*.warc.gz --out coded/ --processes 2
      detente scale crawl/ --out coded/ --engine spark --master local[4]
    """
    if engine == "spark":
        from .spark import run_spark

        res = run_spark(inputs, out, master=master, fmt=fmt)
    else:
        from . import run_local

        res = run_local(inputs, out, processes=processes, fmt=fmt)
    click.echo(json.dumps(res))
