"""Text layer: what reaches the coder is exactly the article, in the right language, with the
right dates (issue #3).

Stages (each a versioned, registered pipeline stage):

* ``text.clean.v1`` — HTML main text via trafilatura (:mod:`.html`), then furniture removal
  on plain text with per-language rules (:mod:`.furniture`): ``text``, ``removed``,
  ``title``, ``site`` (and ``pub_date`` from HTML markup).
* ``text.lang.v1`` — document and paragraph language restricted to ``Options.langs``, else
  ``other`` (:mod:`.lang`).
* ``text.dates.v1`` — publication date: the reader's, else HTML markup, else a dateline in the
  head of the text, else ``Options.pub_date``; unknown stays ``None`` (:mod:`.dates`).
* ``text.sentences.v1`` — sentences with offsets and a same-length matching form
  (simplified Chinese) (:mod:`.sentences`, :mod:`.normalize`).

:func:`detente.text.dates.resolve_event_date` is what the event coder calls for event dates.
"""

from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document
from .dates import find_pub_date_in_head, resolve_event_date
from .dates import version as dates_version
from .furniture import evaluate_pages, remove_furniture
from .furniture import version as furniture_version
from .html import extract_html, pub_date_from_html
from .lang import detect_document, identify
from .normalize import to_simplified
from .sentences import split_sentences

__all__ = [
    "clean",
    "detect_document",
    "detect_language",
    "evaluate_pages",
    "extract_html",
    "identify",
    "remove_furniture",
    "resolve_dates",
    "resolve_event_date",
    "split_sentences",
    "to_simplified",
]


def _plain_paragraphs(raw: str) -> str:
    return "\n\n".join(s.strip() for s in raw.split("\n") if s.strip())


@stage("text.clean.v1", requires=("raw_text",), assigns=("text", "removed", "title", "site"))
def clean(doc: Document, ctx: Context) -> Document:
    """Cleaned article text into ``doc.text``; removed furniture into ``doc.removed``.

    1. HTML input (``html`` set, ``raw_text`` empty): trafilatura's main text becomes
       ``raw_text``; title, site, URL and the markup publication date fill what the reader
       left empty. A reader that gives both keeps its ``raw_text``.
    2. Furniture removal on ``raw_text`` (unless ``Options.remove_furniture`` is off).
    """
    # 1. HTML
    if doc.html and not doc.raw_text:
        ex = extract_html(doc.html, doc.url, doc.source)
        doc.raw_text = ex.text
        doc.title = doc.title or ex.title
        doc.site = doc.site or ex.site
        doc.url = doc.url or ex.url
        if doc.pub_date is None and ex.pub_date is not None:
            doc.pub_date, doc.pub_date_precision, doc.pub_date_source = ex.pub_date, "day", "html"
    # 2. furniture
    if not ctx.options.remove_furniture:
        body = _plain_paragraphs(doc.raw_text)
        if doc.title and not body.startswith(doc.title.strip()):
            body = doc.title.strip() + "\n\n" + body
        doc.text, doc.removed = body, []
        return doc
    res = remove_furniture(doc.raw_text, title=doc.title, site=doc.site)
    doc.text, doc.removed = res.text, res.removed
    doc.meta["furniture_data"] = furniture_version()
    doc.title = doc.title or res.title
    doc.site = doc.site or res.site
    return doc


@stage("text.lang.v1", requires=("text",), assigns=("lang", "lang_confidence", "paragraphs"))
def detect_language(doc: Document, ctx: Context) -> Document:
    """Document language (restricted to ``Options.langs``, else ``other``) and per-paragraph
    languages; a reader's ``lang_hint`` is trusted for the document."""
    got = detect_document(doc.text, tuple(ctx.options.langs), hint=doc.lang_hint, default=ctx.options.default_lang)
    doc.lang, doc.lang_confidence, doc.paragraphs = got["lang"], got["confidence"], got["paragraphs"]
    return doc


@stage("text.dates.v1", requires=("text",), assigns=("pub_date", "pub_date_precision", "pub_date_source"))
def resolve_dates(doc: Document, ctx: Context) -> Document:
    """Publication date: the reader's (kept), else HTML markup, else a dateline in the head of
    the text, else ``Options.pub_date``; unknown stays ``None`` (never from a copyright line)."""
    if doc.pub_date is not None:
        doc.pub_date_precision = doc.pub_date_precision or "day"
        doc.pub_date_source = doc.pub_date_source or "reader"
        return doc
    if doc.html:
        got = pub_date_from_html(doc.html, doc.url)
        if got is not None:
            doc.pub_date, doc.pub_date_precision, doc.pub_date_source = got, "day", "html"
            return doc
    ref = ctx.options.pub_date
    doc.meta["dates_data"] = dates_version()
    head = find_pub_date_in_head(doc.raw_text or doc.text, doc.lang, ref_year=ref.year if ref else None)
    if head is not None:
        doc.pub_date, doc.pub_date_precision, doc.pub_date_source = head[0], "day", f"text:{head[1]}"
    elif ref is not None:
        doc.pub_date, doc.pub_date_precision, doc.pub_date_source = ref, "day", "options"
    return doc


@stage("text.sentences.v1", requires=("text", "lang"), assigns=("sentences",))
def split_sentences_stage(doc: Document, ctx: Context) -> Document:
    """Sentences with offsets into ``doc.text``, their language and matching form."""
    doc.sentences = split_sentences(doc.text, doc.paragraphs, doc.lang)
    return doc
