"""Event coder: ontology, trigger lexicons, rule coder, evaluation.

PLACEHOLDER first cut (owned by the coder work, issue #5).
"""

from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("events.code.v1", requires=("sentences", "mentions", "lang"), assigns=("events",))
def code_events(doc: Document, ctx: Context) -> Document:
    """Coded events (PLOVER/CAMEO) with evidence into ``doc.events``."""
    doc.events = []
    return doc
