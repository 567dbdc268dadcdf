"""REST API and dashboard over the event store (needs the ``[server]`` extra: FastAPI, uvicorn).

::

    from detente.serve import create_app, run_server
    app = create_app("news.db")          # a FastAPI app: /api/…, /docs, the dashboard pages
    run_server("news.db", port=8000)     # serve it with uvicorn

Importing this package is cheap; FastAPI is imported when an app is created, and a missing
extra raises :class:`detente.errors.MissingExtraError` naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI

__all__ = ["create_app", "run_server"]


def create_app(db: str) -> FastAPI:
    """The FastAPI app serving the REST API and the dashboard over the store at ``db``."""
    from .app import create_app as _create_app

    return _create_app(db)


def run_server(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the REST API and the dashboard for the store at ``db`` with uvicorn (blocks)."""
    from .app import run_server as _run_server

    _run_server(db, host=host, port=port)
