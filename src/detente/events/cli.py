"""Click command ``eval`` (mounted by the top-level CLI as ``detente eval``)."""

from __future__ import annotations

import json

import click

from ..errors import DetenteError
from ..options import Options
from .evaluate import evaluate


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format.")
@click.option("--show-errors", type=int, default=20, show_default=True,
              help="How many misses and false positives to list (each).")
@click.option("--intent-mode", type=click.Choice(["flag", "plover"]), default="flag", show_default=True,
              help="Future/intent events: keep the type and flag intent (flag), or recode them as the PLOVER "
                   "manual does, cooperation → AGREE and material conflict → THREATEN (plover).")
@click.option("--mobilize-mode", type=click.Choice(["plover", "civil"]), default="plover", show_default=True,
              help="Gold MOBILIZE events: PLOVER 2021 (types must agree), or the convention of gold sets that label "
                   "civilian mass mobilisation (marches, strikes) MOBILIZE, so a predicted PROTEST also matches "
                   "them (civil; the Spanish protest set).")
@click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="User actor dictionary (YAML or TABARI/PETRARCH) on top of the built-in actors; repeatable "
                   "(e.g. the toy dictionaries of the PETRARCH functional suites).")
def eval_command(gold: str, fmt: str, show_errors: int, intent_mode: str, mobilize_mode: str,
                 actors: tuple[str, ...]) -> None:
    """Score the pipeline on a gold JSONL set: P/R/F1 overall, per PLOVER type and language,
    a confusion table, and the misses / false positives with their evidence.

    \b
    Examples:
      detente eval gold/en_team_dev.jsonl
      detente eval petrarch2_unittest_en.jsonl --actors PETR.Validate.actors.txt --actors PETR.Validate.agents.txt
    """
    from ..cli import load_user_actor_files

    opts = Options(extra={"intent_mode": intent_mode, "mobilize_mode": mobilize_mode}, extra_actors=tuple(actors))
    load_user_actor_files(opts)
    try:
        rep = evaluate(gold, options=opts)
    except DetenteError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(rep.to_dict(show_errors), ensure_ascii=False, indent=1))
    else:
        click.echo(rep.to_text(show_errors))


#: Name the lead mounts.
command = eval_command
