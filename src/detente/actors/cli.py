"""``detente actors``: look up actor mentions in a text on a date (thin layer over
:func:`detente.actors.lookup`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

import click

from ..errors import DetenteError


@click.group("actors")
def actors() -> None:
    """Look up actors (states, people, organisations, roles, places) on a date."""


@actors.command("lookup")
@click.argument("text")
@click.option("--date", "date_", default=None, help="Reference date YYYY-MM-DD (default: latest roles).")
@click.option("--lang", default=None, help="Language of the text (en, zh, vi, es, fr, ru, ar).")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True,
              help="Output format.")
@click.option("--actors", "user_files", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="User actor dictionary (YAML or TABARI/PETRARCH) on top of the built-in actors; repeatable.")
def lookup_cmd(text: str, date_: str | None, lang: str | None, fmt: str, user_files: tuple[str, ...]) -> None:
    """Resolve the actors named in TEXT, e.g. ``detente actors lookup "布林肯" --date 2023-06-18``
    or ``detente actors lookup "Gondorian troops" --actors my.actors.txt``."""
    from . import lookup

    day = None
    if date_:
        try:
            day = dt.date.fromisoformat(date_)
        except ValueError as e:
            raise click.BadParameter(f"not a date (YYYY-MM-DD): {date_}", param_hint="--date") from e
    try:
        mentions = lookup(text, date=day, lang=lang, extra_actors=user_files)
    except DetenteError as e:
        raise click.ClickException(str(e)) from e
    if fmt == "json":
        for m in mentions:
            click.echo(json.dumps(asdict(m), ensure_ascii=False))
        return
    if not mentions:
        click.echo("no actors found")
        return
    for m in mentions:
        extra = f" role={m.role_entry}" if m.role_entry else ""
        if m.is_location and m.lat is not None:
            extra += f" at {m.lat:.3f},{m.lon:.3f}"
        if m.fuzzy:
            extra += " fuzzy"
        click.echo(f"{m.text}\t{m.code}\t{m.name}\t{m.kind}\t{m.entry}{extra}\tconf={m.confidence:.2f}")


@actors.command("info")
def info_cmd() -> None:
    """Show the version and size of the shipped actor table."""
    from .table import get_table

    t = get_table()
    kinds: dict[str, int] = {}
    for e in t.entries.values():
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    click.echo(f"version {t.version}")
    click.echo(f"entries {len(t.entries)} " + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    click.echo(f"roles {t.n_roles}; surface forms {t.n_patterns}")


@actors.command("holders")
@click.argument("role")
@click.argument("country")
@click.option("--date", "date_", default=None, help="Date YYYY-MM-DD (default: current holders).")
def holders_cmd(role: str, country: str, date_: str | None) -> None:
    """Who held ROLE (FM, HOS, HOG, DEF, NSA, VP …) for COUNTRY (ISO alpha-3) on a date,
    e.g. ``detente actors holders FM CHN --date 2023-05-01``."""
    from .table import get_table

    t = get_table()
    if date_:
        try:
            dt.date.fromisoformat(date_)
        except ValueError as err:
            raise click.BadParameter(f"not a date (YYYY-MM-DD): {date_}", param_hint="--date") from err
    hs = t.holders(role.upper(), country.upper(), date_)
    if not hs:
        click.echo(f"no {role.upper()} of {country.upper()} on {date_ or 'the latest date'}")
        return
    for r in hs:
        person = t.entries[r.person]
        click.echo(f"{person['name']}\t{r.code}\t{r.start or '?'} → {r.end or 'now'}\t{r.src}\t{r.id}")
