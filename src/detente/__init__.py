"""détente: who did what to whom, when and where — event data about international relations
from world news in any language (PLOVER/CAMEO, with evidence).

The public API is small::

    import detente
    events = detente.extract("Ngoại trưởng Mỹ Antony Blinken hội đàm với ...", pub_date="2023-06-19")
    for doc in detente.extract_files(["news/"]):
        ...
    with detente.open_store("news.db") as store:
        store.events(dyad="USA-CHN")
"""

from __future__ import annotations

from typing import Any

from .api import code_documents, extract, extract_files
from .errors import DetenteError, InputError
from .ingest import read
from .options import Options
from .pipeline import Pipeline, RunSummary
from .records import ActorMention, Document, Event
from .version import CODER_VERSION, __version__

__all__ = [
    "CODER_VERSION",
    "ActorMention",
    "DetenteError",
    "Document",
    "Event",
    "InputError",
    "Options",
    "Pipeline",
    "RunSummary",
    "__version__",
    "code_documents",
    "extract",
    "extract_files",
    "lookup",
    "open_store",
    "read",
]


def open_store(url: Any = None) -> Any:
    """Open (and migrate) the event store: a SQLite path or a sqlite:/// / postgresql:// URL."""
    from .store import open_store as _open

    return _open(url)


def lookup(text: str, date: Any = None, lang: str | None = None, extra_actors: Any = ()) -> Any:
    """Resolve an actor name, role or place on a date (see :func:`detente.actors.lookup`);
    ``extra_actors``: user actor files (YAML or TABARI) on top of the built-in actors."""
    from .actors import lookup as _lookup

    return _lookup(text, date, lang, extra_actors)
