"""Parallel engines code exactly what the sequential pipeline codes (local pool and Spark)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from detente.api import extract_files
from detente.pipeline import RunSummary
from detente.scale import run_local

ARTICLES = [
    ("en", "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday."),
    ("en", "Japan accused China of violating its airspace on Tuesday, the Japanese defence ministry said."),
    ("zh", "中国外交部长王毅周二在北京会见了俄罗斯外长拉夫罗夫，双方就乌克兰问题交换了意见。"),
    ("vi", "Ngoại trưởng Mỹ Antony Blinken hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh hôm Chủ nhật."),
]


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (lang, text) in enumerate(pages):
            html = f'<html lang="{lang}"><head><meta charset="utf-8"></head><body><article><p>{text}</p>' \
                   f"<p>{text}</p></article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://n.example.test/{path.stem}/{i}", "response",
                                                payload=io.BytesIO(html.encode()), http_headers=http,
                                                warc_headers_dict={"WARC-Date": "2023-06-19T00:00:00Z"}))


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    _warc(d / "a.warc.gz", ARTICLES[:2])
    _warc(d / "b.warc.gz", ARTICLES[2:])
    (d / "c.txt").write_text("June 19, 2023\n\n" + ARTICLES[0][1] + "\n")
    (d / "broken.jsonl").write_text('{"id": "x", "text": "fine text"}\nnot json\n')
    return d


def _sequential_ids(d: Path) -> set[str]:
    s = RunSummary()
    return {ev.id for doc in extract_files([d], summary=s) for ev in doc.events}


def test_local_engine_matches_sequential(inputs: Path, tmp_path: Path) -> None:
    res = run_local([inputs], tmp_path / "out", processes=2, fmt="jsonl")
    got = [json.loads(x) for x in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert {e["id"] for e in got} == _sequential_ids(inputs)
    assert got, "the engine coded no event"
    assert res["files"] == 4 and res["failed"] == 1
    fails = [json.loads(x) for x in (tmp_path / "out" / "failures.jsonl").read_text().splitlines()]
    assert fails[0]["record"].endswith("broken.jsonl:2")


def test_local_engine_parquet(inputs: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    res = run_local([inputs], tmp_path / "out", processes=1, fmt="parquet")
    table = pq.read_table(res["output"])
    assert table.num_rows == res["events"] > 0
    assert {"actor_code", "recipient_code", "event", "evidence", "record"} <= set(table.column_names)


@pytest.mark.spark
def test_spark_engine_matches_sequential(inputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (scripts/test.sh installs one)")
    from detente.scale.spark import run_spark

    res = run_spark([inputs], tmp_path / "spark", master="local[2]", fmt="json")
    rows = [json.loads(x) for f in sorted(Path(res["output"]).glob("part-*")) for x in f.read_text().splitlines()]
    assert {r["id"] for r in rows} == _sequential_ids(inputs)
    assert rows and res["events"] == len(rows) and res["failed"] == 1
