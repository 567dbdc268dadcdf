"""Readers: files, directories, HTML, JSON Lines, RSS/Atom feeds, WARC archives and URLs.

:func:`read` is the one entry point. It turns a list of inputs into a lazy stream of
:class:`~detente.records.Document` objects; a record that cannot be read is counted in the
:class:`~detente.pipeline.RunSummary` with its name and the reason, and the batch goes on.

=====================  ==========================================================
input                  read as
=====================  ==========================================================
``-``                  JSON Lines records on standard input
directory              every file below it, sorted, by suffix (hidden files skipped)
``*.txt``              plain crawled text (one document)
``*.html`` / ``*.htm`` an HTML page (main text extracted by the text layer)
``*.jsonl``            one record per line ``{"id", "text"|"html", "url", "lang", "date"}``
``*.rss`` ``*.atom``   feed items (``*.xml`` is sniffed: feed or page)
``*.warc[.gz]``        HTML responses of a WARC archive
``http(s)://…``        a page or a feed, fetched once (no crawling)
=====================  ==========================================================
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..pipeline import RunSummary
from ..records import Document
from .sources import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    WARC_SUFFIXES,
    Fetcher,
    feed_or_text,
    iter_feed,
    iter_jsonl,
    iter_url,
    iter_warc,
    open_binary,
    read_bytes,
    read_text_or_html,
    record_to_document,
)

__all__ = ["Fetcher", "make_document_from_text", "read", "read_path", "record_to_document"]

_READ_STEP = "read"


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def read_path(path: Path) -> Iterator[Document | InputError | str]:
    """Documents from one file (by suffix); yields errors and skip reasons instead of raising."""
    suffix = _suffix(path)
    name = str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with open_binary(path) as fh:
                yield from iter_jsonl(fh, name)
        elif suffix in WARC_SUFFIXES:
            with open_binary(path) as fh:
                yield from iter_warc(fh, name)
        elif suffix in FEED_SUFFIXES:
            data = read_bytes(path)
            if suffix == ".xml":
                yield from feed_or_text(path, data)
            else:
                yield from iter_feed(data, name)
        elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES or suffix == "":
            yield read_text_or_html(path)
        else:
            yield f"unsupported file type {suffix!r}"
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")


def _expand(inp: str | Path) -> Iterator[Path | str]:
    s = str(inp)
    if s == "-" or s.startswith(("http://", "https://")):
        yield s
        return
    p = Path(s)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                yield child
    else:
        yield p


def read(
    inputs: Iterable[str | Path],
    summary: RunSummary | None = None,
    *,
    stdin: IO[bytes] | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document]:
    """Read every input into Documents, lazily.

    Args:
        inputs: paths, directories, ``-`` for JSONL on standard input, or http(s) URLs.
        summary: where failures (with the record name and reason) and skips are counted.
        stdin: the stream ``-`` reads from (default: ``sys.stdin.buffer``).
        fetcher: how URLs are fetched (default: the standard library; inject one in tests).
    """
    summary = summary if summary is not None else RunSummary()
    for inp in inputs:
        for item in _expand(inp):
            if item == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                results: Iterable[Document | InputError | str] = iter_jsonl(stream, "stdin")
            elif isinstance(item, str):
                results = iter_url(item, fetcher)
            else:
                results = read_path(item)
            for res in results:
                if isinstance(res, Document):
                    yield res
                elif isinstance(res, InputError):
                    summary.fail(res.record, _READ_STEP, res.reason)
                else:
                    summary.skip(str(item), res)


def make_document_from_text(
    text: str, *, lang: str | None = None, pub_date: dt.date | None = None, source: str = "text"
) -> Document:
    """A Document from an in-memory string (HTML is recognised by its markup)."""
    from .sources import looks_like_html, make_document

    if looks_like_html(text):
        return make_document(source=source, html=text, lang=lang, pub_date=pub_date)
    return make_document(source=source, text=text, lang=lang, pub_date=pub_date)
