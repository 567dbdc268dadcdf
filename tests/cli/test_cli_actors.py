"""``--actors FILE`` on extract, ingest and eval, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from detente.cli import main

ACTORS = "ARNOR_ [ARN]\n+ARNORIAN_\nGONDOR [GON]\n"
MILITIA = """\
orgs:
- id: river_militia
  name: River Militia
  code: ARNREB
  en: [River Militia]
"""
DOC = {"id": "d1", "text": "The River Militia attacked Gondor on Monday.", "lang": "en", "date": "2026-07-01"}


def _files(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "toy.actors.txt"
    a.write_text(ACTORS, encoding="utf-8")
    y = tmp_path / "militia.yaml"
    y.write_text(MILITIA, encoding="utf-8")
    return a, y


def test_extract_with_user_actor_files(tmp_path: Path) -> None:
    a, y = _files(tmp_path)
    res = CliRunner().invoke(main, ["extract", "-", "--actors", str(a), "--actors", str(y)],
                             input=json.dumps(DOC) + "\n")
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    ev = next(e for e in events if e["event"] == "ASSAULT")
    assert (ev["actor"]["code"], ev["recipient"]["code"]) == ("ARNREB", "GON")
    assert ev["provenance"]["actor_entries"] == ["user:river_militia", "user:GONDOR"]
    assert f"{y}: 1 entries (yaml)" in res.stderr


def test_a_bad_actor_file_is_a_usage_error_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("ARNOR [ARN]\n+GONDOR [GON\n", encoding="utf-8")
    for cmd in (["extract", "-"], ["ingest", "-", "--db", str(tmp_path / "x.db")]):
        res = CliRunner().invoke(main, [*cmd, "--actors", str(bad)], input=json.dumps(DOC) + "\n")
        assert res.exit_code == 1, res.output
        assert f"{bad}:2: unbalanced [ ]" in res.output
        assert res.stdout == ""  # nothing was coded
    res = CliRunner().invoke(main, ["extract", "-", "--actors", str(tmp_path / "missing.yaml")], input="")
    assert res.exit_code == 1 and "missing.yaml: actor file not found" in res.output


def test_ingest_and_eval_with_user_actor_files(tmp_path: Path) -> None:
    a, y = _files(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(DOC) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "--actors", str(a), "--actors", str(y)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert any(json.loads(line)["recipient"]["code"] == "GON" for line in res.stdout.splitlines() if line.strip())
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "lang": "en", "date": "20260701", "text": DOC["text"], "events": [
        {"source_code": "ARNREB", "target_code": "GON", "cameo": "190"},
        {"source_code": "ARN", "target_code": "GON", "cameo": "903"}]}) + "\n", encoding="utf-8")
    args = ["eval", str(gold), "--format", "json", "--show-errors", "0"]
    plain = json.loads(CliRunner().invoke(main, args).stdout)
    res = CliRunner().invoke(main, [*args, "--actors", str(a), "--actors", str(y)])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["overall"]["recall"] == 1.0 and plain["overall"]["recall"] == 0.0
    assert rep["skipped_gold"] == 1 and rep["dyad"]["recall"] == 1.0


def test_actors_lookup_with_a_user_file(tmp_path: Path) -> None:
    a, _ = _files(tmp_path)
    res = CliRunner().invoke(main, ["actors", "lookup", "Arnorian troops crossed into Gondor.", "--lang", "en",
                                    "--actors", str(a)])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    assert [(r[0], r[1], r[4]) for r in rows] == [("Arnorian troops", "ARNMIL", "user:ARNOR"),
                                                 ("Gondor", "GON", "user:GONDOR")]
