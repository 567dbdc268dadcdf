"""Event coder: ontology, trigger lexicons, rule coder, evaluation (issue #5).

* :func:`code_document` — events of one document (``sentences`` and ``mentions`` filled);
* the pipeline stage ``events.code.v1`` fills ``doc.events`` with it;
* :func:`evaluate` — precision/recall/F1 of the whole pipeline on a gold JSONL set;
* :func:`load_ontology`, :func:`load_lexicon` — the shipped data;
* :func:`lexicon_patterns` — every trigger surface form of all languages (benchmark scan baseline).
"""

from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document
from .coder import code_document
from .evaluate import EvalReport, evaluate
from .lexicon import lexicon_patterns, load_grammar, load_lexicon, load_ontology

__all__ = ["EvalReport", "code_document", "code_events", "evaluate", "lexicon_patterns", "load_grammar",
           "load_lexicon", "load_ontology"]


@stage("events.code.v1", requires=("sentences", "mentions", "lang"), assigns=("events",))
def code_events(doc: Document, ctx: Context) -> Document:
    """Coded events (PLOVER/CAMEO) with evidence into ``doc.events``."""
    doc.events = code_document(doc, ctx.options)
    return doc
