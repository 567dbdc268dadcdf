"""The command line through its real entry point: help, errors, and the extract filter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from detente.cli import LAZY_COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]

EN = (
    "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday, "
    "the State Department said.\n"
)


def _runner() -> CliRunner:
    return CliRunner()


def _all_commands() -> list[str]:
    ctx = click.Context(main)
    return main.list_commands(ctx)


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = _all_commands()
    assert {"extract", "ingest", "events", "demo", "eval", "actors", "export", "serve"} <= set(names)
    for name in names:
        res = _runner().invoke(main, [name, "--help"])
        assert res.exit_code == 0, (name, res.output)
        assert "Usage:" in res.output and len(res.output.splitlines()) > 3, name
        assert re.search(rf"detente {name}\b", readme), f"README does not document 'detente {name}'"


def test_lazy_commands_import_their_layer() -> None:
    for name, (target, _help) in LAZY_COMMANDS.items():
        cmd = main.get_command(click.Context(main), name)
        assert isinstance(cmd, click.Command), target


def test_extract_missing_file_is_reported_and_the_batch_goes_on(tmp_path: Path, validate_event: Any) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    res = _runner().invoke(main, ["extract", str(tmp_path / "missing.txt"), str(good), "--date", "2023-06-18"])
    assert res.exit_code == 1
    assert f"detente: error: {tmp_path / 'missing.txt'}: no such file [read]" in res.stderr
    assert "processed 1, failed 1" in res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    for rec in records:
        validate_event(rec)


def test_extract_reads_jsonl_from_stdin_and_names_bad_lines(validate_event: Any) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": EN, "lang": "en", "date": "2023-06-18"}),
        "{this is not json",
        json.dumps({"id": "no-text"}),
    ]
    res = _runner().invoke(main, ["extract", "-"], input="\n".join(lines) + "\n")
    assert res.exit_code == 1
    assert "detente: error: stdin:2: invalid JSON" in res.stderr
    assert "detente: error: stdin:3: record has neither 'text' nor 'html'" in res.stderr
    assert "processed 1, failed 2" in res.stderr
    for line in res.stdout.splitlines():
        rec = json.loads(line)
        validate_event(rec)
        assert rec["doc_id"] == "ok-1"


def test_extract_unreadable_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    res = _runner().invoke(main, ["extract", str(bad)])
    assert res.exit_code == 1
    assert f"{bad}: binary content" in res.stderr


def test_extract_docs_option_writes_cleaned_documents(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(EN)
    out = tmp_path / "docs.jsonl"
    res = _runner().invoke(main, ["extract", str(src), "--docs", str(out), "--date", "2023-06-18"])
    assert res.exit_code == 0, res.stderr
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(docs) == 1
    assert docs[0]["lang"] == "en" and "Blinken" in docs[0]["text"]
    assert docs[0]["pub_date"] == "2023-06-18"


def test_bad_date_option_is_a_usage_error() -> None:
    res = _runner().invoke(main, ["extract", "--date", "18/06/2023", "x.txt"])
    assert res.exit_code == 2
    assert "is not a date" in res.output


def test_events_without_a_store_says_so(tmp_path: Path) -> None:
    res = _runner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "no store at" in res.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_ingest_is_idempotent_and_events_render(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "news"
    src.mkdir()
    (src / "a.txt").write_text(EN)
    db = str(tmp_path / "t.db")
    first = _runner().invoke(main, ["ingest", str(src), "--db", db, "--date", "2023-06-18"])
    assert first.exit_code == 0, first.stderr
    q1 = _runner().invoke(main, ["events", "--db", db, "--format", "jsonl"])
    second = _runner().invoke(main, ["ingest", str(src), "--db", db, "--date", "2023-06-18"])
    assert second.exit_code == 0
    assert "already stored" in second.stderr or "processed 0" in second.stderr
    q2 = _runner().invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert q1.stdout == q2.stdout
    rendered = _runner().invoke(main, ["events", "--db", db, "--format", fmt, "--dyad", "USA-CHN"])
    assert rendered.exit_code == 0
    if fmt == "jsonl":
        rows = [json.loads(x) for x in rendered.stdout.splitlines()]
        assert rows and all(r["event"] for r in rows)
    else:
        assert "CONSULT" in rendered.stdout
