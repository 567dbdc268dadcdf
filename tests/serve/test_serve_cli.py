"""``detente serve``: the click command, its help, and the message when the [server] extra is missing."""

from __future__ import annotations

import importlib
import sys

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import MissingExtraError


def test_serve_has_help_with_its_options() -> None:
    res = CliRunner().invoke(main, ["serve", "--help"])
    assert res.exit_code == 0, res.output
    for opt in ("--db", "--host", "--port"):
        assert opt in res.output


def test_serve_refuses_a_missing_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "nope.db")])
    assert res.exit_code != 0
    assert "no store at" in res.output


@pytest.mark.parametrize("missing", ["fastapi", "uvicorn"])
def test_missing_server_extra_names_it(monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # makes the package unimportable
    monkeypatch.delitem(sys.modules, "detente.serve.cli", raising=False)
    with pytest.raises(MissingExtraError) as exc:
        importlib.import_module("detente.serve.cli")
    assert exc.value.extra == "server"
    assert exc.value.package == missing
    monkeypatch.delitem(sys.modules, "detente.serve.cli", raising=False)
    res = CliRunner().invoke(main, ["serve", "--db", "x.db"])
    assert res.exit_code != 0
    assert "detente[server]" in res.output


def test_app_module_without_fastapi_raises_the_extra_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "detente.serve.app", raising=False)
    monkeypatch.delitem(sys.modules, "detente.serve.errors", raising=False)
    from detente.serve import create_app

    with pytest.raises(MissingExtraError):
        create_app("x.db")
