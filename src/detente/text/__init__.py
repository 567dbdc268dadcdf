"""Text layer: furniture removal, language, publication date, sentences.

PLACEHOLDER first cut (owned by the text-layer work, issue #3): each stage below is the
contract; the implementation will be replaced by the full text layer.
"""

from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document, Sentence


@stage("text.clean.v1", requires=("raw_text",), assigns=("text", "removed", "title", "site"))
def clean(doc: Document, ctx: Context) -> Document:
    """Cleaned article text into ``doc.text``; removed furniture into ``doc.removed``."""
    doc.text = doc.raw_text
    return doc


@stage("text.lang.v1", requires=("text",), assigns=("lang", "lang_confidence", "paragraphs"))
def detect_language(doc: Document, ctx: Context) -> Document:
    """Document language (restricted to the coded languages, else ``other``)."""
    doc.lang = doc.lang_hint or ctx.options.default_lang
    return doc


@stage("text.dates.v1", requires=("text",), assigns=("pub_date", "pub_date_precision", "pub_date_source"))
def resolve_dates(doc: Document, ctx: Context) -> Document:
    """Publication date from HTML metadata or the text head; unknown stays ``None``."""
    return doc


@stage("text.sentences.v1", requires=("text", "lang"), assigns=("sentences",))
def split_sentences(doc: Document, ctx: Context) -> Document:
    """Sentences with offsets into ``doc.text``."""
    out, pos = [], 0
    for i, line in enumerate(doc.text.split("\n")):
        if line.strip():
            out.append(Sentence(index=len(out), start=pos, end=pos + len(line), text=line, lang=doc.lang))
        pos += len(line) + 1
        del i
    doc.sentences = out
    return doc
