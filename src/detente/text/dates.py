"""Publication-date and event-date resolution (owned by the text layer, issue #3).

CONTRACT STUB: the text-layer work replaces the body; the signature is what the coder calls.
"""

from __future__ import annotations

import datetime as dt


def resolve_event_date(
    sentence: str, lang: str, pub_date: dt.date | None
) -> tuple[str | None, str | None]:
    """Date of the event a sentence reports, resolved against the publication date.

    Returns ``(iso_date, precision)`` where ``iso_date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY`` and ``precision`` is ``"day"``, ``"month"`` or ``"year"``; ``(None, None)`` when
    the sentence holds no date expression that can be resolved.
    """
    return None, None
