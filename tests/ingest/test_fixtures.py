"""Readers on the team's ingest fixtures (tests/fixtures/ingest, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import EncodingError
from detente.ingest import read
from detente.ingest.decode import decode_bytes
from detente.pipeline import RunSummary
from detente.records import Document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _read(*names: str) -> tuple[list[Document], RunSummary]:
    s = RunSummary()
    return list(read([FIX / n for n in names], s)), s


def test_rss_feed_items_with_dates_and_content() -> None:
    docs, s = _read("feed.rss")
    assert s.failed == 0 and len(docs) == 3
    assert [d.pub_date.isoformat() for d in docs if d.pub_date] == ["2025-07-11", "2025-07-14", "2025-07-15"]
    assert all(d.url and d.url.startswith("http") and d.title for d in docs)
    assert all(d.html for d in docs)


def test_atom_feed_uses_summary_when_no_content() -> None:
    docs, s = _read("feed.atom")
    assert s.failed == 0 and len(docs) == 2
    assert [d.pub_date.isoformat() for d in docs if d.pub_date] == ["2025-09-02", "2025-09-03"]


def test_jsonl_records_keep_ids_and_parse_timestamps() -> None:
    docs, s = _read("records.jsonl")
    assert s.failed == 0 and len(docs) == 6
    by_id = {d.id: d for d in docs}
    assert by_id["rec-vi-2"].pub_date is not None and by_id["rec-vi-2"].pub_date.isoformat() == "2025-05-08"
    assert by_id["rec-en-html"].html is not None


def test_bad_records_are_named_and_reading_goes_on() -> None:
    docs, s = _read("bad_records.jsonl")
    assert [d.id for d in docs] == ["ok-1", "ok-2", "ok-3", "ok-4"]
    name = str(FIX / "bad_records.jsonl")
    assert [f.record for f in s.failures] == [f"{name}:{i}" for i in (3, 4, 5, 6)]


def test_legacy_encodings_and_binary() -> None:
    docs, s = _read("latin1.txt", "utf16.txt")
    assert s.failed == 0
    assert "Ségolène" in docs[0].raw_text and "Muñoz" in docs[0].raw_text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in docs[1].raw_text)
    with pytest.raises(EncodingError, match="binary"):
        decode_bytes((FIX / "binary.bin").read_bytes(), "binary.bin")


def test_warc_fixture() -> None:
    docs, s = _read("sample.warc.gz")
    assert len(docs) == 2 and all(d.url and d.html for d in docs)
    assert s.skipped == 1 and s.failed == 0
