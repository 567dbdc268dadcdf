"""Actor knowledge base: compiled actor table, matcher, date-aware resolver (issue #4).

Public API::

    from detente.actors import lookup, get_table
    lookup("美国国务卿布林肯", date="2023-06-18")   # → [ActorMention(... code="USAGOV" ...)]

The pipeline stage ``actors.match.v1`` fills ``Document.mentions`` with one mention per
actor phrase (sorted, non-overlapping, offsets into ``Document.text``), resolved on the
document's ``pub_date`` (the latest roles when it is unknown).
"""

from __future__ import annotations

import datetime as dt

from ..pipeline import Context, stage
from ..records import ActorMention, Document
from .matcher import find_mentions
from .table import ActorTable, get_table, load_table

__all__ = ["ActorTable", "doc_norm", "find_actors", "get_table", "load_table", "lookup"]


def lookup(text: str, date: dt.date | str | None = None, lang: str | None = None) -> list[ActorMention]:
    """Actor mentions in ``text`` resolved on ``date`` (ISO string or date; None = latest roles).

    ``lang`` restricts language-specific surface forms to that language (names in Latin
    script, acronyms and language-neutral forms always match); None matches all languages.
    """
    if isinstance(date, str) and date:
        date = dt.date.fromisoformat(date[:10])
    return find_mentions(text, get_table(), lang=lang, date=date or None)


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
        table = get_table()
        ctx.cache["actors.table"] = table
    doc.mentions = find_mentions(doc.text, table, lang=doc.lang, date=doc.pub_date, norm=doc_norm(doc))
    return doc
