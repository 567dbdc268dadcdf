"""Actor knowledge base: compiled actor table, matcher, date-aware resolver.

PLACEHOLDER first cut (owned by the actor work, issue #4).
"""

from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("actors.match.v1", requires=("text", "lang", "sentences"), assigns=("mentions",))
def find_actors(doc: Document, ctx: Context) -> Document:
    """Actor mentions (states, people, organisations, roles, places) into ``doc.mentions``."""
    doc.mentions = []
    return doc
