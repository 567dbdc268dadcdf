"""Main text and metadata of HTML pages, with trafilatura and htmldate.

No hand-written HTML extraction: trafilatura finds the article body, title and site name;
htmldate finds the publication date from markup only (meta tags, ``<time>``, JSON-LD, URL),
with ``extensive_search=False`` so that a "© 2024" footer is never taken for a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


def extract_html(html: str, url: str | None = None, source: str | None = None) -> HtmlExtract:
    """Main text (paragraphs one per line), title, site name, URL and date of an HTML page.

    Raises:
        InputError: the page holds no extractable text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        raise InputError(source or url or "<html>", "no main text found in the HTML page")
    d = doc if isinstance(doc, dict) else doc.as_dict()
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
