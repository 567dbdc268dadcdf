"""The library's front door: code texts, documents or files into events.

The CLI, the REST API and the dashboard are thin layers over these functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from .ingest import make_document_from_text, read
from .options import Options
from .pipeline import Pipeline, RunSummary
from .records import Document, Event


def code_documents(
    docs: Iterable[Document],
    options: Options | None = None,
    summary: RunSummary | None = None,
    *,
    pipeline: Pipeline | None = None,
) -> Iterator[Document]:
    """Run the full pipeline over documents, lazily; failures are counted in ``summary``.

    A bad user actor file (``options.extra_actors``) raises before the first document."""
    if pipeline is None and options is not None and options.extra_actors:
        from .actors import load_actors_for

        load_actors_for(options)
    pipe = pipeline or Pipeline(options=options)
    yield from pipe.run(docs, summary)


def extract(
    texts: str | Document | Iterable[str | Document],
    *,
    lang: str | None = None,
    pub_date: dt.date | str | None = None,
    options: Options | None = None,
) -> list[Event]:
    """Code one or more texts (or prepared :class:`Document` objects) into events.

    Args:
        texts: article text(s) — plain text or HTML — or Documents.
        lang: language hint for plain texts (detected when ``None``).
        pub_date: publication date used to resolve relative dates and dated roles.
        options: pipeline options.

    Returns:
        The events of all documents, in document order.
    """
    items = [texts] if isinstance(texts, str | Document) else list(texts)
    date = dt.date.fromisoformat(pub_date) if isinstance(pub_date, str) else pub_date
    docs = [
        it if isinstance(it, Document) else make_document_from_text(it, lang=lang, pub_date=date)
        for it in items
    ]
    summary = RunSummary()
    events: list[Event] = []
    for doc in code_documents(docs, options, summary):
        events.extend(doc.events)
    if summary.failed and not events and summary.failures:
        from .errors import DetenteError

        f = summary.failures[0]
        raise DetenteError(f"{f.record}: {f.step}: {f.reason}")
    return events


def extract_files(
    paths: Iterable[str | Path], options: Options | None = None, summary: RunSummary | None = None
) -> Iterator[Document]:
    """Read files/dirs/URLs (see :func:`detente.ingest.read`) and code them, lazily."""
    summary = summary if summary is not None else RunSummary()
    yield from code_documents(read(paths, summary), options, summary)
