"""Exports: PLOVER JSONL, GDELT 2.0 (61 columns), POLECAT, CSV, Parquet — round trips and the
`detente export` command."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente.store import open_store
from detente.store.cli import export as export_cmd
from detente.store.export import FLAT_COLUMNS, FORMATS, GDELT_COLUMNS, export_events, flat_row, read_events

#: Column types as GDELT 2.0 tooling reads the events table (integers, doubles, the rest strings).
GDELT_INT = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
             "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"}
GDELT_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone"}


@pytest.fixture
def filled(store: Any, fx: Any) -> Any:
    store.ingest(fx.corpus())
    return store


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(filled: Any, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"events.{fmt}"
    n = export_events(filled, fmt, out)
    events = list(filled.iter_events())
    assert n == len(events) == 4
    back = read_events(out, fmt)
    assert len(back) == n
    by_id = {e["id"]: e for e in events}
    if fmt == "plover-jsonl":
        assert {e["id"]: e for e in back} == by_id
    elif fmt in ("csv", "parquet"):
        want = {e["id"]: flat_row(e) for e in events}
        for row in back:
            exp = want[row["id"]]
            for col, _ in FLAT_COLUMNS:
                assert row[col] == exp[col], (fmt, col)
    elif fmt == "gdelt":
        for row in back:
            e = next(e for e in events if str(int(e["id"][:15], 16)) == row["GLOBALEVENTID"])
            assert row["SQLDATE"] == e["date"].replace("-", "")
            assert row["EventCode"] == e["cameo"] and row["EventRootCode"] == e["cameo"][:2]
            assert float(row["GoldsteinScale"]) == e["goldstein"]
            assert int(row["QuadClass"]) == e["quad_class"]
            assert int(row["NumMentions"]) == e["num_mentions"] and int(row["NumSources"]) == e["num_sources"]
            assert row["Actor1CountryCode"] == (e["actor"] or {}).get("country", "")
            assert row["SOURCEURL"] == e["mentions"][0]["url"]
    else:  # polecat
        for row in back:
            e = by_id[row["Event ID"]]
            assert row["Event Type"] == e["event"] and row["Event Date"] == e["date"]
            assert row["Actor Country"] == ((e["actor"] or {}).get("country") or "")
            assert int(row["Num Mentions"]) == e["num_mentions"]


def test_gdelt_layout_loads_with_gdelt_types(filled: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    out = tmp_path / "events.export.CSV"
    export_events(filled, "gdelt", out)
    raw = out.read_text(encoding="utf-8")
    lines = raw.rstrip("\n").split("\n")
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # no header
    types = {c: pa.int64() if c in GDELT_INT else pa.float64() if c in GDELT_FLOAT else pa.string()
             for c in GDELT_COLUMNS}
    table = pcsv.read_csv(out, read_options=pcsv.ReadOptions(column_names=list(GDELT_COLUMNS)),
                          parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False),
                          convert_options=pcsv.ConvertOptions(column_types=types, strings_can_be_null=False))
    assert table.num_rows == 4
    codes = set(table.column("EventCode").to_pylist())
    assert "040" in codes  # codes are strings: the leading zero survives
    assert max(table.column("GLOBALEVENTID").to_pylist()) < 2**63


def test_export_filters(filled: Any) -> None:
    buf = io.BytesIO()
    n = export_events(filled, "plover-jsonl", buf, dyad="USA-CHN", since="2023-01-01")
    assert n == 2
    buf.seek(0)
    assert {e["date"] for e in read_events(buf, "plover-jsonl")} == {"2023-06-18", "2023-10-26"}


def test_unknown_format(filled: Any) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(filled, "xml", io.BytesIO())


def test_export_command(tmp_path: Path, fx: Any) -> None:
    db = tmp_path / "c.db"
    with open_store(db) as s:
        s.ingest(fx.corpus())
    runner = CliRunner()
    res = runner.invoke(export_cmd, ["--db", str(db), "--format", "gdelt", "--dyad", "USA-CHN"])
    assert res.exit_code == 0, res.output
    assert len([ln for ln in res.stdout.splitlines() if ln]) == 3
    out = tmp_path / "e.parquet"
    res = runner.invoke(export_cmd, ["--db", str(db), "--format", "parquet", "--out", str(out), "--type", "accuse"])
    assert res.exit_code == 0, res.output
    assert {r["event"] for r in read_events(out, "parquet")} == {"ACCUSE"}
    res = runner.invoke(export_cmd, ["--db", str(db), "--format", "parquet"])
    assert res.exit_code != 0 and "--out" in res.output
    res = runner.invoke(export_cmd, ["--db", str(tmp_path / "missing.db")])
    assert res.exit_code != 0 and "no store" in res.output
    res = runner.invoke(export_cmd, ["--help"])
    assert res.exit_code == 0 and "gdelt" in res.output


def test_export_through_the_top_level_cli(tmp_path: Path, fx: Any) -> None:
    from detente.cli import main

    db = tmp_path / "c.db"
    with open_store(db) as s:
        s.ingest(fx.beijing_talks())
    res = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].startswith("id,date,")
