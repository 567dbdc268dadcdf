"""Main text and metadata of HTML pages, with trafilatura and htmldate.

No hand-written HTML extraction: trafilatura finds the article body, title and site name;
htmldate finds the publication date from markup only (meta tags, ``<time>``, JSON-LD, URL),
with ``extensive_search=False`` so that a "© 2024" footer is never taken for a date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import InputError


@dataclass(slots=True)
class HtmlExtract:
    """What trafilatura/htmldate found in a page."""

    text: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    pub_date: dt.date | None = None


def pub_date_from_html(html: str, url: str | None = None) -> dt.date | None:
    """Publication date from HTML markup and URL only (``None`` when there is none)."""
    import htmldate

    try:
        got = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate raises on some malformed pages; no date is the answer
        return None
    if not got:
        return None
    try:
        return dt.date.fromisoformat(got[:10])
    except ValueError:
        return None


#: htmldate parameters: markup and URL only (a "© 2024" footer is never a publication date).
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def _metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Title, site name, URL and date of a parsed page: trafilatura's ``extract_metadata``
    (2.x) restricted to the fields détente keeps, same steps in the same order.

    Skipped: the author (a deep copy of the whole tree per page, ~1/3 of the metadata cost),
    categories, tags and licence. They only read the tree (the author step reads a copy), so
    the main text extracted afterwards is the same (``benchmarks/ab_stages.py``,
    ``tests/text/test_text_html_meta.py``).
    """
    from trafilatura import metadata as tm

    # 1. meta tags, then JSON-LD over them
    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura logs and ignores its JSON-LD parser's errors
        meta = tm.extract_meta_json(tree, meta)
    # 2. title from the page when no meta tag gave one
    if not meta.title:
        meta.title = tm.extract_title(tree)
    # 3. URL (canonical link, else the caller's), then the date from markup and URL
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    meta.date = tm.find_date(tree, **{**DATE_PARAMS, "url": meta.url})
    # 4. site name: meta tags, else the page, else the URL's host
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        m = tm.META_URL.match(meta.url)
        if m:
            meta.sitename = m[1]
    meta.clean_and_trim()
    return {"title": meta.title, "sitename": meta.sitename, "url": meta.url, "date": meta.date}


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's main text plus :func:`_metadata`, on one parse of the page; ``None`` when
    trafilatura finds no main text."""
    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    kw: dict[str, Any] = {"include_comments": False, "include_tables": False}
    tree = load_html(html, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))
    if tree is None:
        return None
    meta = _metadata(tree, url)
    # the text: trafilatura works on a copy of the tree; with links and images off the URL it
    # is given only names the page in its log
    doc = trafilatura.bare_extraction(tree, url=url, **kw)
    if doc is None:
        return None
    d = doc if isinstance(doc, dict) else doc.as_dict()
    meta["text"] = d.get("text")
    return meta


def _extract_public(html: str, url: str | None) -> dict[str, Any] | None:
    """The same fields through trafilatura's one public call (slower: it also extracts the
    author): the fallback should a trafilatura release rename the inner steps
    :func:`_metadata` calls."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=DATE_PARAMS)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def extract_html(html: str, url: str | None = None, source: str | None = None) -> HtmlExtract:
    """Main text (paragraphs one per line), title, site name, URL and date of an HTML page.

    Raises:
        InputError: the page holds no extractable text.
    """
    try:
        d = _extract(html, url)
    except (AttributeError, ImportError, TypeError):  # trafilatura's inner steps moved: its public call
        d = _extract_public(html, url)
    if d is None:
        raise InputError(source or url or "<html>", "no main text found in the HTML page")
    text = (d.get("text") or "").strip()
    if not text:
        raise InputError(source or url or "<html>", "no main text found in the HTML page")
    date = None
    if d.get("date"):
        try:
            date = dt.date.fromisoformat(str(d["date"])[:10])
        except ValueError:
            date = None
    return HtmlExtract(
        text=text,
        title=(d.get("title") or None),
        site=(d.get("sitename") or None),
        url=(d.get("url") or url),
        pub_date=date,
    )
