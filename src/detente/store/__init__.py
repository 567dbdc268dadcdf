"""The event store: documents, mentions, deduplicated events, stories, trust flags, runs.

One schema on SQLite (embedded default: WAL, FTS5, opens in Datasette as is) or PostgreSQL,
through SQLAlchemy Core, with registered migrations::

    from detente.store import open_store
    with open_store("news.db") as store:
        store.ingest(documents, summary)
        store.events(dyad="USA-CHN", since="2023-01-01")
        store.timeline("USA-CHN", interval="month")
"""

from __future__ import annotations

from .core import BATCH_SIZE, IngestStats, Store, open_store

__all__ = ["BATCH_SIZE", "IngestStats", "Store", "open_store"]
