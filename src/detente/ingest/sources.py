"""Readers: each turns one input (file, JSONL line, feed item, WARC record, URL) into Documents.

Every reader yields ``Document`` objects or raises :class:`~detente.errors.InputError` for one
record; :func:`detente.ingest.read` counts those failures and goes on with the batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import urlsplit

import orjson

from ..errors import InputError, RecordError
from ..records import Document
from .decode import decode_bytes

#: Largest single input accepted (bytes); larger files are refused, not truncated silently.
MAX_INPUT_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}

#: A callable that fetches a URL and returns ``(bytes, content_type)``; injectable for tests.
Fetcher = Callable[[str], tuple[bytes, str | None]]


def parse_date(value: Any, record: str) -> dt.date | None:
    """A date from a JSONL/feed field: ISO ``YYYY-MM-DD`` (time part ignored) or ``YYYYMMDD``."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        if len(s) == 8 and s.isdigit():
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        return dt.date.fromisoformat(s[:10])
    except ValueError as exc:
        raise RecordError(record, f"invalid date {s!r} (want YYYY-MM-DD)") from exc


def site_of(url: str | None) -> str | None:
    """The host of a URL without ``www.``, e.g. ``example.com``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def looks_like_html(text: str) -> bool:
    """True for markup pages (a doctype or an <html>/<body>/<article> tag near the start)."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or any(t in head for t in ("<body", "<article", "<head"))


def make_document(
    *,
    source: str,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    lang: str | None = None,
    pub_date: dt.date | None = None,
    title: str | None = None,
    site: str | None = None,
) -> Document:
    """One Document from a reader, with a content-hash id unless an id is given."""
    content = html if html is not None else (text or "")
    doc = Document(
        id=doc_id or Document.make_id(content),
        source=source,
        raw_text=text or "",
        html=html,
        url=url,
        lang_hint=lang,
        title=title,
        site=site or site_of(url),
    )
    if pub_date is not None:
        doc.pub_date = pub_date
        doc.pub_date_precision = "day"
        doc.pub_date_source = "input"
    return doc


def read_bytes(path: Path) -> bytes:
    """Bytes of a file, with size and existence errors naming the file."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    if size > MAX_INPUT_BYTES:
        raise InputError(name, f"file too large ({size} bytes > {MAX_INPUT_BYTES})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc


def read_text_or_html(path: Path, data: bytes | None = None) -> Document:
    """A plain-text or HTML file as one Document (HTML by suffix or by sniffing)."""
    name = str(path)
    raw = data if data is not None else read_bytes(path)
    text = decode_bytes(raw, name)
    if not text.strip():
        raise InputError(name, "empty file")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return make_document(source=name, html=text)
    return make_document(source=name, text=text)


def record_to_document(obj: Any, record: str) -> Document:
    """One JSONL record ``{"id", "text"|"html", "url"?, "lang"?, "date"?, "title"?}``."""
    if not isinstance(obj, dict):
        raise RecordError(record, f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        raise RecordError(record, "record has neither 'text' nor 'html'")
    for key, val in (("text", text), ("html", html)):
        if val is not None and not isinstance(val, str):
            raise RecordError(record, f"'{key}' must be a string")
    if not (text or html or "").strip():
        raise RecordError(record, "record text is empty")
    rid = obj.get("id")
    lang = obj.get("lang")
    return make_document(
        source=record,
        text=text,
        html=html,
        url=obj.get("url"),
        doc_id=str(rid) if rid not in (None, "") else None,
        lang=str(lang) if lang else None,
        pub_date=parse_date(obj.get("date"), record),
        title=obj.get("title"),
        site=obj.get("site"),
    )


def iter_jsonl(stream: IO[bytes] | IO[str], name: str) -> Iterator[Document | InputError]:
    """Documents from JSON Lines; a bad line yields its :class:`InputError` and reading goes on."""
    for lineno, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield RecordError(f"{name}:{lineno}", "line is not valid UTF-8")
                continue
        else:
            line = str(raw)
        if not line.strip():
            continue
        record = f"{name}:{lineno}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield RecordError(record, f"invalid JSON: {exc}")
            continue
        try:
            yield record_to_document(obj, record)
        except InputError as exc:
            yield exc


def iter_feed(data: bytes, name: str) -> Iterator[Document | InputError]:
    """Documents from an RSS or Atom feed: one per item, HTML content preferred to summary."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield RecordError(name, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    site = parsed.feed.get("title")
    lang = (parsed.feed.get("language") or "")[:2].lower() or None
    for i, entry in enumerate(parsed.entries, start=1):
        record = f"{name}#item{i}"
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        title = entry.get("title")
        if not content.strip():
            yield RecordError(record, "feed item has no content or summary")
            continue
        body = content if "<" in content else f"<p>{content}</p>"
        html = f"<html><head><title>{title or ''}</title></head><body><article><h1>{title or ''}</h1>{body}</article></body></html>"
        pub = entry.get("published_parsed") or entry.get("updated_parsed")
        yield make_document(
            source=record,
            html=html,
            url=entry.get("link"),
            title=title,
            site=site,
            lang=lang,
            pub_date=dt.date(pub.tm_year, pub.tm_mon, pub.tm_mday) if pub else None,
        )


def iter_warc(stream: IO[bytes], name: str) -> Iterator[Document | InputError | str]:
    """HTML responses of a WARC file as Documents; other records yield a skip reason (str)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type is None:
                yield RecordError(name, "corrupt WARC archive: record without a WARC-Type")
                return
            if rec.rec_type != "response":
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            record = f"{name}#{uri or rec.rec_headers.get_header('WARC-Record-ID')}"
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype.lower():
                yield f"not HTML ({ctype.split(';')[0] or 'no content type'})"
                continue
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() or None
            try:
                html = decode_bytes(rec.content_stream().read(), record, charset)
            except InputError as exc:
                yield exc
                continue
            yield make_document(source=record, html=html, url=uri or None)
    except Exception as exc:  # warcio raises plain exceptions on corrupt archives
        yield RecordError(name, f"corrupt WARC archive: {exc}")


def default_fetcher(url: str, timeout: float = 20.0) -> tuple[bytes, str | None]:
    """Fetch a URL with the standard library (no retries); used by :func:`iter_url`."""
    from urllib.request import Request, urlopen

    req = Request(url, headers={"User-Agent": "detente (+https://pypi.org/project/detente)"})
    with urlopen(req, timeout=timeout) as resp:
        data = resp.read(MAX_INPUT_BYTES + 1)
        return data, resp.headers.get("Content-Type")


def iter_url(url: str, fetcher: Fetcher | None = None) -> Iterator[Document | InputError]:
    """A web page (one Document) or a feed (one per item) at ``url``."""
    try:
        data, ctype = (fetcher or default_fetcher)(url)
    except Exception as exc:
        yield InputError(url, f"fetch failed: {exc}")
        return
    if len(data) > MAX_INPUT_BYTES:
        yield InputError(url, "response too large")
        return
    ct = (ctype or "").lower()
    if "rss" in ct or "atom" in ct or data.lstrip()[:200].lower().startswith((b"<rss", b"<feed", b"<?xml")):
        yield from iter_feed(data, url)
        return
    charset = ct.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ct else None
    try:
        text = decode_bytes(data, url, charset)
    except InputError as exc:
        yield exc
        return
    if looks_like_html(text):
        yield make_document(source=url, html=text, url=url)
    else:
        yield make_document(source=url, text=text, url=url)


def open_binary(path: Path) -> IO[bytes]:
    """Open a (possibly gzip-compressed) file for binary reading."""
    if path.suffix == ".gz":
        import gzip

        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def feed_or_text(path: Path, data: bytes) -> Iterator[Document | InputError]:
    """An ``.xml`` file may be a feed or a page: sniff it."""
    head = data.lstrip()[:300].lower()
    if head.startswith((b"<rss", b"<feed")) or b"<rss" in head or b"<feed" in head:
        yield from iter_feed(data, str(path))
    else:
        try:
            yield read_text_or_html(path, data)
        except InputError as exc:
            yield exc


__all__ = [
    "Fetcher",
    "feed_or_text",
    "iter_feed",
    "iter_jsonl",
    "iter_url",
    "iter_warc",
    "make_document",
    "open_binary",
    "read_bytes",
    "read_text_or_html",
    "record_to_document",
]

