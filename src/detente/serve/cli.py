"""``detente serve``: the REST API and the dashboard over a store.

Importing this module needs the ``[server]`` extra; without FastAPI/uvicorn it raises
:class:`~detente.errors.MissingExtraError`, which the top-level CLI turns into a message
naming the extra to install.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from ..errors import MissingExtraError

for _pkg in ("fastapi", "uvicorn"):
    if importlib.util.find_spec(_pkg) is None:
        raise MissingExtraError("server", _pkg)


@click.command("serve")
@click.option("--db", default="detente.db", show_default=True, envvar="DETENTE_DB",
              help="Store: a SQLite file path or a sqlite:/// or postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True, help="uvicorn log level.")
def serve(db: str, host: str, port: int, log_level: str) -> None:
    """Serve the REST API (/api/…, docs at /docs) and the dashboard for the store at --db.

    \b
    Examples:
      detente serve --db news.db
      detente serve --db postgresql://localhost/detente --host 0.0.0.0 --port 8080
    """
    if not (db.startswith(("sqlite:", "postgresql:", "postgres:")) or Path(db).exists()):
        raise click.ClickException(f"no store at {db} (run 'detente ingest' or 'detente demo' first)")
    from .app import run_server

    click.echo(f"detente: serving {db} on http://{host}:{port}/ (API docs at /docs; Ctrl-C to stop)", err=True)
    run_server(db, host=host, port=port, log_level=log_level)
