"""Actor knowledge base: compiled actor table, matcher, date-aware resolver (issue #4).

Public API::

    from detente.actors import lookup, get_table
    lookup("美国国务卿布林肯", date="2023-06-18")   # → [ActorMention(... code="USAGOV" ...)]

The pipeline stage ``actors.match.v1`` fills ``Document.mentions`` with one mention per
actor phrase (sorted, non-overlapping, offsets into ``Document.text``), resolved on the
document's ``pub_date`` (the latest roles when it is unknown).

User actor dictionaries (YAML or TABARI/PETRARCH files, :mod:`.user`) go on top of the
compiled table: ``Options(extra_actors=("my_actors.yaml",))`` for a run,
``lookup(text, extra_actors=[...])`` here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from ..options import Options
from ..pipeline import Context, stage
from ..records import ActorMention, Document
from .matcher import find_mentions
from .table import ActorTable, get_table, load_table
from .user import actor_table, apply_user_entries, load_user_actors

__all__ = ["ActorTable", "actor_table", "doc_norm", "find_actors", "get_table", "load_actors_for", "load_table",
           "load_user_actors", "lookup"]


def lookup(text: str, date: dt.date | str | None = None, lang: str | None = None,
           extra_actors: Iterable[str | os.PathLike[str]] = ()) -> list[ActorMention]:
    """Actor mentions in ``text`` resolved on ``date`` (ISO string or date; None = latest roles).

    ``lang`` restricts language-specific surface forms to that language (names in Latin
    script, acronyms and language-neutral forms always match); None matches all languages.
    ``extra_actors``: user actor files (YAML or TABARI) on top of the compiled table.
    """
    if isinstance(date, str) and date:
        date = dt.date.fromisoformat(date[:10])
    table = actor_table(extra_actors)
    return apply_user_entries(find_mentions(text, table, lang=lang, date=date or None), table, date or None)


def load_actors_for(options: Options) -> ActorTable:
    """The actor table of a run with ``options`` (user files of ``extra_actors`` on top), loaded
    now: a bad user file raises :class:`~detente.errors.ActorFileError` before any document is
    coded (inside the pipeline it would fail every document)."""
    return actor_table(options.extra_actors)


def doc_norm(doc: Document) -> str | None:
    """The document text with each sentence's matching form (``Sentence.norm``, e.g.
    simplified Chinese) substituted, or None when no sentence has one."""
    if not any(s.norm for s in doc.sentences):
        return None
    chars = list(doc.text)
    for s in doc.sentences:
        if s.norm and len(s.norm) == s.end - s.start:
            chars[s.start:s.end] = list(s.norm)
    return "".join(chars)


@stage("actors.match.v1", requires=("text", "lang", "sentences"), assigns=("mentions",))
def find_actors(doc: Document, ctx: Context) -> Document:
    """Actor mentions (states, people, organisations, roles, places) into ``doc.mentions``."""
    table = ctx.cache.get("actors.table")
    if table is None:
        table = actor_table(ctx.options.extra_actors)
        ctx.cache["actors.table"] = table
    mentions = find_mentions(doc.text, table, lang=doc.lang, date=doc.pub_date, norm=doc_norm(doc))
    doc.mentions = apply_user_entries(mentions, table, doc.pub_date)
    return doc
