"""``detente export``: write the store's deduplicated events as PLOVER JSONL, GDELT 2.0, POLECAT,
Parquet or CSV (mounted by the top-level CLI)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..cli import parse_date_param
from ..errors import DetenteError
from .export import FORMATS, export_events


@click.command("export")
@click.option("--db", default="detente.db", show_default=True, envvar="DETENTE_DB",
              help="Store: a SQLite file path or a sqlite:/// or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="plover-jsonl", show_default=True,
              help="Output format.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Output file (default: standard output; required for parquet).")
@click.option("--dyad", help="Country pair, e.g. USA-CHN (direction-free).")
@click.option("--since", callback=parse_date_param, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", callback=parse_date_param, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--type", "types", multiple=True, help="PLOVER type(s), e.g. --type CONSULT.")
def export(db: str, fmt: str, out: str | None, dyad: str | None, since: dt.date | None, until: dt.date | None,
           types: tuple[str, ...]) -> None:
    """Export the deduplicated events of the store.

    \b
    Examples:
      detente export --db news.db --format gdelt --out events.tsv
      detente export --db news.db --format parquet --out events.parquet --dyad USA-CHN
      detente export --db news.db --format plover-jsonl --since 2023-01-01 > events.jsonl
    """
    if not (db.startswith(("sqlite:", "postgresql:", "postgres:")) or Path(db).exists()):
        raise click.ClickException(f"no store at {db} (run 'detente ingest' first)")
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet needs --out FILE")
    from . import open_store

    try:
        with open_store(db) as store:
            n = export_events(store, fmt, out if out else sys.stdout.buffer, dyad=dyad, since=since, until=until,
                              types=[t.upper() for t in types] or None)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"detente: exported {n} events ({fmt})" + (f" to {out}" if out else ""), err=True)


@click.command("eval-trust")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default=None, help="Store to ingest into (default: a fresh temporary SQLite file).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON (with the errors' signals).")
def eval_trust(path: str, db: str | None, as_json: bool) -> None:
    """Measure the source-trust flags on a labelled set: per-flag precision/recall/F1.

    \b
    Example:
      detente eval-trust gold/trust/trust_dev.jsonl
    """
    import json

    from .trust import evaluate_trust

    try:
        report = evaluate_trust(path, db)
    except (DetenteError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    click.echo(f"{report['pages']} pages  {report['kinds']}  {report['langs']}")
    click.echo(f"{'flag':<20}{'support':>8}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for flag, s in [*report["per_flag"].items(), ("micro", {**report["micro"], "support": ""})]:
        click.echo(f"{flag:<20}{s['support']:>8}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
                   f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    click.echo("pages (expected->flagged): " + ", ".join(f"{k} {v}" for k, v in report["confusion"].items()))
    for e in report["errors"]:
        click.echo(f"  {e['id']} [{e['kind']}] missed {e['missed']} wrong {e['wrong']}")
    for f in report["failures"]:
        click.echo(f"  failed: {f['record']}: {f['reason']}", err=True)


if __name__ == "__main__":  # ``python -m detente.store.cli gold/trust/trust_dev.jsonl``
    eval_trust()
