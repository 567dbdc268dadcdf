"""``detente text``: see what the text layer does to a page (thin layer over :mod:`detente.text`).

* ``detente text clean FILE`` — cleaned text, and every removed span with the rule that removed it;
* ``detente text date SENTENCE --lang zh --pub-date 2024-04-25`` — event date of a sentence;
* ``detente text lang TEXT`` — language of a text;
* ``detente text eval-furniture DIR`` — per-line furniture precision/recall on annotated pages.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from ..errors import DetenteError


@click.group("text")
def text() -> None:
    """Inspect cleaning, language, dates and sentences of pages."""


def _date(value: str | None, hint: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"not a date (YYYY-MM-DD): {value}", param_hint=hint) from e


@text.command("clean")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--html/--plain", "is_html", default=None, help="Input is HTML (default: guessed from the suffix).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def clean_cmd(path: Path, is_html: bool | None, fmt: str) -> None:
    """Clean the page at PATH: print the article text, then the removed furniture with its rules."""
    from ..pipeline import Pipeline
    from ..records import Document

    content = path.read_text(encoding="utf-8", errors="replace")
    if is_html is None:
        is_html = path.suffix.lower() in (".html", ".htm")
    doc = Document(id=Document.make_id(content), source=str(path))
    if is_html:
        doc.html = content
    else:
        doc.raw_text = content
    try:
        doc = Pipeline(["text.clean.v1", "text.lang.v1", "text.dates.v1", "text.sentences.v1"]).process(doc)
    except DetenteError as e:
        raise click.ClickException(str(e)) from e
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
        return
    click.echo(f"# title: {doc.title}  site: {doc.site}  lang: {doc.lang}  "
               f"pub_date: {doc.pub_date} ({doc.pub_date_source})  sentences: {len(doc.sentences)}")
    click.echo(doc.text)
    click.echo(f"# removed {len(doc.removed)} span(s)")
    for r in doc.removed:
        first = r.text.split("\n", 1)[0]
        more = f" (+{r.text.count(chr(10))} lines)" if "\n" in r.text else ""
        click.echo(f"{r.rule}\t{r.start}-{r.end}\t{first[:80]}{more}")


@text.command("date")
@click.argument("sentence")
@click.option("--lang", required=True, help="Language of the sentence (en, zh, vi, es, fr, ru, ar).")
@click.option("--pub-date", default=None, help="Publication date YYYY-MM-DD (the reference).")
def date_cmd(sentence: str, lang: str, pub_date: str | None) -> None:
    """Event date of SENTENCE resolved against the publication date, e.g. ``上周日`` → 2024-04-21."""
    from .dates import resolve_event_date

    iso, prec = resolve_event_date(sentence, lang, _date(pub_date, "--pub-date"))
    click.echo(f"{iso}\t{prec}" if iso else "no date")


@text.command("lang")
@click.argument("value")
def lang_cmd(value: str) -> None:
    """Language of VALUE (one of the coded languages, or ``other``)."""
    from .lang import identify

    lang, conf = identify(value)
    click.echo(f"{lang}\t{conf:.2f}")


@text.command("eval-furniture")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_cmd(path: Path) -> None:
    """Per-line furniture precision/recall on the annotated pages in PATH (``A|``/``F|`` lines)."""
    from .furniture import evaluate_pages

    r: dict[str, Any] = evaluate_pages(path)
    click.echo(f"pages {r['pages']}  precision {r['precision']:.4f}  recall {r['recall']:.4f}  f1 {r['f1']:.4f}")
    for lang, v in r["by_lang"].items():
        click.echo(f"  {lang}\tP {v['precision']:.4f}\tR {v['recall']:.4f}\t({v['tp']} tp, {v['fp']} fp, {v['fn']} fn)")
    for name, line, gold in r["errors"]:
        click.echo(f"  {'missed' if gold else 'wrongly removed'}\t{name}\t{line}")
