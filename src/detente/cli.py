"""The ``detente`` command line: a thin layer over the library.

Each command parses its options, calls one library function and renders the result. Commands
owned by a layer (``actors``, ``eval``, ``export``, ``serve``) live in that layer's ``cli.py`` and
are loaded lazily, so ``detente extract`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from .errors import DetenteError, MissingExtraError
from .options import SUPPORTED_LANGS, Options
from .pipeline import RunSummary
from .version import CODER_VERSION, __version__

#: Commands provided by the layers, loaded on first use: name -> "module:attribute".
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "actors": ("detente.actors.cli:actors", "Look up actors (names, roles, places) on a date."),
    "eval": ("detente.events.cli:eval_command", "Score the coder against a gold JSONL set (P/R/F1)."),
    "eval-trust": ("detente.store.cli:eval_trust", "Measure the source-trust flags on a labelled set (P/R/F1)."),
    "export": ("detente.store.cli:export", "Export stored events (PLOVER JSONL, GDELT, POLECAT, Parquet, CSV)."),
    "serve": ("detente.serve.cli:serve", "Serve the REST API and the dashboard over a store."),
    "text": ("detente.text.cli:text", "Inspect the text layer: cleaning, dates, language, furniture scores."),
    "scale": ("detente.scale.cli:scale", "Code many files in parallel (local processes or Spark)."),
}

#: Exit status when some records failed but the rest of the batch went through.
EXIT_SOME_FAILED = 1


class LazyGroup(click.Group):
    """A click group whose layer commands are imported only when used (fast cold start)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            target = LAZY_COMMANDS[cmd_name][0]
            module, attr = target.split(":")
            try:
                cmd = getattr(importlib.import_module(module), attr)
            except MissingExtraError as exc:
                return _missing_extra_command(cmd_name, str(exc))
            if not isinstance(cmd, click.Command):
                raise click.ClickException(f"{target} is not a command")
            return cmd
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands without importing the lazy ones (their help is kept here)."""
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                rows.append((name, LAZY_COMMANDS[name][1]))
            else:
                cmd = super().get_command(ctx, name)
                if cmd is not None and not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(limit=formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _missing_extra_command(name: str, message: str) -> click.Command:
    @click.command(name, help=f"(unavailable: {message})", context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def _cmd(args: tuple[str, ...]) -> None:
        raise click.ClickException(message)

    return _cmd


def parse_date_param(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: an ISO date option (``YYYY-MM-DD``) as a date, or a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _options(lang: str | None, pub_date: dt.date | None, no_furniture: bool, min_confidence: float,
             actors: tuple[str, ...] = ()) -> Options:
    opts = Options(
        default_lang=lang or "en",
        pub_date=pub_date,
        remove_furniture=not no_furniture,
        min_confidence=min_confidence,
        extra_actors=tuple(actors),
    )
    load_user_actor_files(opts)
    return opts


def load_user_actor_files(opts: Options) -> None:
    """Load the user actor files of ``opts`` now (a bad file is a usage error naming the file and
    line, not a failure of every document); their warnings go to stderr."""
    if not opts.extra_actors:
        return
    from .actors import load_actors_for
    from .actors.user import UserActorTable

    try:
        table = load_actors_for(opts)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from None
    if isinstance(table, UserActorTable):
        for uf in table.user_files:
            click.echo(f"detente: actors: {uf.path}: {len(uf.actors)} entries ({uf.format})", err=True)
            for w in uf.warnings:
                click.echo(f"detente: warning: {w}", err=True)


def _report(summary: RunSummary, err: IO[str] | None = None) -> None:
    """Print failures (record + reason) and the one-line summary to stderr."""
    for f in summary.failures:
        click.echo(f"detente: error: {f.record}: {f.reason} [{f.step}]", err=True)
    click.echo(f"detente: {summary.line()}", err=True)


def _with_lang_hint(docs: Iterator[Any], lang: str | None, pub_date: dt.date | None) -> Iterator[Any]:
    for d in docs:
        if lang and not d.lang_hint:
            d.lang_hint = lang
        if pub_date and d.pub_date is None:
            d.pub_date = pub_date
            d.pub_date_precision = "day"
            d.pub_date_source = "option"
        yield d


_common_coding_options = [
    click.option("--lang", type=click.Choice(SUPPORTED_LANGS), help="Language of the inputs (detected when omitted)."),
    click.option(
        "--date", "pub_date", callback=parse_date_param, metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none (resolves relative dates and dated roles).",
    ),
    click.option("--no-furniture", is_flag=True, help="Keep site furniture (related lists, share lines)."),
    click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                 help="Drop events below this confidence."),
    click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
                 help="User actor dictionary (YAML or TABARI/PETRARCH) on top of the built-in actors; repeatable."),
]


def coding_options(fn: Any) -> Any:
    """Attach the options every coding command shares."""
    for opt in reversed(_common_coding_options):
        fn = opt(fn)
    return fn


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="detente", message=f"%(prog)s %(version)s ({CODER_VERSION})")
def main() -> None:
    """détente: who did what to whom, when and where — event data from world news.

    Reads news (text, HTML, JSONL, RSS/Atom, WARC, URLs) in English, Chinese, Vietnamese,
    Spanish, French, Russian and Arabic and codes PLOVER/CAMEO events with evidence.
    """


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--docs", "docs_out", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write the cleaned document records (JSONL) to this file.")
@coding_options
def extract(
    paths: tuple[str, ...],
    docs_out: str | None,
    lang: str | None,
    pub_date: dt.date | None,
    no_furniture: bool,
    min_confidence: float,
    actors: tuple[str, ...],
) -> None:
    """Code PATHS (files, directories, URLs; '-' or nothing = JSONL on stdin) to event JSONL on stdout.

    \b
    Examples:
      detente extract article.txt
      detente extract pages/ --docs docs.jsonl > events.jsonl
      echo '{"id": "a1", "text": "...", "lang": "zh", "date": "2023-06-18"}' | detente extract -
      detente extract article.txt --actors my_actors.yaml --actors militias.actors.txt
    """
    import orjson

    from .api import code_documents
    from .ingest import read

    opts = _options(lang, pub_date, no_furniture, min_confidence, actors)
    summary = RunSummary()
    out = sys.stdout.buffer
    docs_fh = None
    if docs_out:
        docs_fh = sys.stdout.buffer if docs_out == "-" else open(docs_out, "wb")  # noqa: SIM115
    try:
        docs = _with_lang_hint(read(paths or ("-",), summary), lang, pub_date)
        for doc in code_documents(docs, opts, summary):
            if docs_fh is not None:
                docs_fh.write(orjson.dumps(doc.to_dict()) + b"\n")
            for ev in doc.events:
                out.write(orjson.dumps(ev.to_dict()) + b"\n")
            out.flush()
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if docs_fh is not None and docs_fh is not sys.stdout.buffer:
            docs_fh.close()
    _report(summary)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


def _db_option(fn: Any) -> Any:
    return click.option(
        "--db", default="detente.db", show_default=True, envvar="DETENTE_DB",
        help="Store: a SQLite file path or a sqlite:/// or postgresql:// URL.",
    )(fn)


def ingest_paths(
    paths: tuple[str, ...] | list[str | Path],
    db: str,
    opts: Options,
    *,
    lang: str | None = None,
    pub_date: dt.date | None = None,
) -> tuple[RunSummary, Any]:
    """Read, code and store ``paths`` into the store at ``db``; returns (summary, ingest stats)."""
    from .api import code_documents
    from .ingest import read
    from .store import open_store

    summary = RunSummary()
    with open_store(db) as store:

        def fresh(docs: Iterator[Any]) -> Iterator[Any]:
            for d in docs:
                if store.has_document(d.id):
                    summary.skip(d.source, "already stored")
                    continue
                yield d

        docs = fresh(_with_lang_hint(read(paths, summary), lang, pub_date))
        stats = store.ingest(code_documents(docs, opts, summary), summary, config={"options": repr(opts)})
    return summary, stats


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@coding_options
def ingest(
    paths: tuple[str, ...], db: str, lang: str | None, pub_date: dt.date | None, no_furniture: bool,
    min_confidence: float, actors: tuple[str, ...],
) -> None:
    """Read, code and store PATHS (files, directories, URLs, '-') in the store. Idempotent.

    \b
    Examples:
      detente ingest news/ --db news.db
      detente ingest https://example.org/feed.rss --db postgresql://localhost/detente
    """
    try:
        summary, stats = ingest_paths(paths, db, _options(lang, pub_date, no_furniture, min_confidence, actors),
                                      lang=lang, pub_date=pub_date)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from exc
    _report(summary)
    click.echo(f"detente: stored in {db}: {stats}", err=True)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


def _actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    return str(a.get("code") or a.get("country") or a.get("name"))


def render_events(rows: list[dict[str, Any]], fmt: str, out: IO[str]) -> None:
    """Write deduplicated event rows as jsonl, csv or an aligned table."""
    import csv
    import json

    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    cols = ["date", "event", "mode", "cameo", "actor", "recipient", "goldstein", "quad_class",
            "num_mentions", "num_sources", "num_languages", "location", "evidence"]

    def flat(r: dict[str, Any]) -> list[str]:
        loc = r.get("location") or {}
        ev = r.get("evidence") or {}
        return [
            str(r.get("date") or ""), str(r.get("event")), str(r.get("mode") or ""), str(r.get("cameo")),
            _actor_label(r.get("actor")), _actor_label(r.get("recipient")), str(r.get("goldstein")),
            str(r.get("quad_class")), str(r.get("num_mentions", 1)), str(r.get("num_sources", 1)),
            str(r.get("num_languages", 1)), str(loc.get("name") or ""), str(ev.get("sentence") or ""),
        ]

    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(cols)
        for r in rows:
            w.writerow(flat(r))
        return
    table = [[*cols[:-1], "evidence"]] + [[*f[:-1], _clip(f[-1], 70)] for f in map(flat, rows)]
    widths = [max(_width(row[i]) for row in table) for i in range(len(cols))]
    for row in table:
        out.write("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    out, w = "", 0
    for c in s:
        cw = _width(c)
        if w + cw > n - 1:
            return out + "…"
        out += c
        w += cw
    return out


@main.command()
@_db_option
@click.option("--dyad", help="Country pair, e.g. USA-CHN (direction-free).")
@click.option("--since", callback=parse_date_param, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", callback=parse_date_param, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--type", "types", multiple=True, help="PLOVER type(s), e.g. --type CONSULT --type ACCUSE.")
@click.option("--limit", type=int, default=1000, show_default=True, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="table", show_default=True)
def events(
    db: str, dyad: str | None, since: dt.date | None, until: dt.date | None, types: tuple[str, ...],
    limit: int, fmt: str,
) -> None:
    """Query the deduplicated events in the store.

    \b
    Examples:
      detente events --dyad USA-CHN --since 2023-01-01 --format table
      detente events --type SANCTION --format csv > sanctions.csv
    """
    if not (db.startswith(("sqlite:", "postgresql:", "postgres:")) or Path(db).exists()):
        raise click.ClickException(f"no store at {db} (run 'detente ingest' or 'detente demo' first)")
    from .store import open_store

    try:
        with open_store(db) as store:
            rows = store.events(dyad=dyad, since=since, until=until, types=[t.upper() for t in types] or None,
                                limit=limit)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from exc
    render_events(rows, fmt, sys.stdout)


@main.command()
@click.option("--db", default="detente-demo.db", show_default=True, help="Where to store the demo.")
@click.option("--serve", "serve_after", is_flag=True, help="Then serve the dashboard on http://127.0.0.1:8000.")
@click.option("--port", type=int, default=8000, show_default=True)
def demo(db: str, serve_after: bool, port: int) -> None:
    """Ingest the bundled multilingual sample corpus and print the events and dyads found."""
    from .demo_run import run_demo

    try:
        run_demo(db, out=sys.stdout)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from exc
    if serve_after:
        from .serve import run_server

        run_server(db, port=port)


@main.command()
def info() -> None:
    """Versions of the package and the coder, and a fingerprint of every shipped data table.

    \b
    Example:
      detente info
    """
    import hashlib

    from .resources import PACKAGE_DATA

    click.echo(f"detente {__version__}")
    click.echo(f"coder   {CODER_VERSION}")
    try:
        from .actors import get_table

        click.echo(f"actors  {get_table().version}")
    except DetenteError as exc:  # a broken install should still print the rest
        click.echo(f"actors  unavailable: {exc}")
    for path in sorted(PACKAGE_DATA.rglob("*")):
        if path.is_file() and path.suffix in {".json", ".gz", ".tsv"}:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            click.echo(f"data    {path.relative_to(PACKAGE_DATA)}  sha256:{digest}  {path.stat().st_size} bytes")


if __name__ == "__main__":  # pragma: no cover
    main()
