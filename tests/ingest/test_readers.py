"""Readers: every input kind, and bad input counted with the record and the reason."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from detente.errors import EncodingError
from detente.ingest import read
from detente.ingest.decode import decode_bytes
from detente.pipeline import RunSummary
from detente.records import Document

EN = "Foreign ministers of Japan and Australia met in Canberra on Monday to discuss maritime security.\n"
ZH = "中国外交部长王毅周二在北京会见了到访的法国外长。双方就双边关系交换了意见。\n"
VI = "Bộ trưởng Ngoại giao Việt Nam hội đàm với người đồng cấp Nhật Bản tại Hà Nội.\n"


def _read(paths: list[str | Path], **kw: object) -> tuple[list[Document], RunSummary]:
    s = RunSummary()
    return list(read(paths, s, **kw)), s  # type: ignore[arg-type]


def test_text_files_in_several_encodings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Ségolène Royal et Bérangère Couillard à Genève.\n".encode("latin-1"))
    (tmp_path / "c.txt").write_text(ZH, encoding="utf-16")
    (tmp_path / "d.txt").write_bytes(b"\xef\xbb\xbf" + VI.encode("utf-8"))
    docs, s = _read([tmp_path])
    assert s.failed == 0
    texts = {Path(d.source).name: d.raw_text for d in docs}
    assert texts["a.txt"] == EN
    assert "Ségolène" in texts["b.txt"] and "Bérangère" in texts["b.txt"]
    assert texts["c.txt"] == ZH
    assert texts["d.txt"] == VI  # BOM stripped


def test_binary_missing_and_empty_files_are_counted_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(EN)
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_text("   \n")
    docs, s = _read([tmp_path / "image.txt", tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "good.txt"])
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert s.failed == 3
    reasons = {Path(f.record).name: f.reason for f in s.failures}
    assert "binary" in reasons["image.txt"]
    assert reasons["missing.txt"] == "no such file"
    assert reasons["empty.txt"] == "empty file"
    assert all(f.step == "read" for f in s.failures)


def test_decode_refuses_binary_with_record_name() -> None:
    with pytest.raises(EncodingError) as ei:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.png")
    assert ei.value.record == "photo.png"


def test_directory_is_read_sorted_recursively_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(EN)
    (tmp_path / "1.txt").write_text(ZH)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(VI)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs, s = _read([tmp_path])
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == ["1.txt", "b/2.txt"]
    assert s.skipped == 1 and "unsupported file type" in next(iter(s.skip_reasons))


def test_html_by_suffix_and_by_sniffing(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>"
    (tmp_path / "p.html").write_text(page)
    (tmp_path / "q.txt").write_text(page)
    docs, _ = _read([tmp_path])
    assert all(d.html == page and d.raw_text == "" for d in docs)


def test_content_hash_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "b.txt").write_text(EN)
    (tmp_path / "c.txt").write_text(ZH)
    docs, _ = _read([tmp_path])
    assert docs[0].id == docs[1].id == Document.make_id(EN)
    assert docs[2].id != docs[0].id


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        f'{{"id": "r1", "text": "{EN.strip()}", "lang": "en", "date": "2024-03-05"}}',
        "not json at all",
        '["a", "list"]',
        '{"id": "r4", "url": "https://example.test/x"}',
        '{"id": "r5", "text": "   "}',
        '{"id": "r6", "text": "x", "date": "yesterday"}',
        "",
        f'{{"html": "<html><body><p>{VI.strip()}</p></body></html>", "url": "https://www.example.test/a"}}',
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n")
    docs, s = _read([f])
    assert next(d.id for d in docs) == "r1"
    assert docs[0].lang_hint == "en" and docs[0].pub_date is not None and docs[0].pub_date.isoformat() == "2024-03-05"
    assert docs[1].html is not None and docs[1].site == "example.test"
    failures = {f.record: f.reason for f in s.failures}
    assert failures[f"{f}:2"].startswith("invalid JSON")
    assert failures[f"{f}:3"] == "expected a JSON object, got list"
    assert failures[f"{f}:4"] == "record has neither 'text' nor 'html'"
    assert failures[f"{f}:5"] == "record text is empty"
    assert "invalid date 'yesterday'" in failures[f"{f}:6"]
    assert s.failed == 5


def test_stdin_and_gzipped_jsonl(tmp_path: Path) -> None:
    data = b'{"id": "s1", "text": "hello world"}\n{bad\n{"id": "s3", "text": "again"}\n'
    docs, s = _read(["-"], stdin=io.BytesIO(data))
    assert [d.id for d in docs] == ["s1", "s3"]
    assert s.failures[0].record == "stdin:2"
    gz = tmp_path / "x.jsonl.gz"
    gz.write_bytes(gzip.compress(data))
    docs, s = _read([gz])
    assert [d.id for d in docs] == ["s1", "s3"] and s.failed == 1


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Ministers meet</title><link>https://wire.example.test/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Japan and Australia held talks.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example.test/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Talks</title><link href="https://atom.example.test/a"/><updated>2023-06-18T08:00:00Z</updated>
<content type="html">&lt;p&gt;Blinken met Qin Gang in Beijing.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS)
    (tmp_path / "g.xml").write_text(ATOM)
    docs, s = _read([tmp_path / "f.rss", tmp_path / "g.xml"])
    assert [d.url for d in docs] == ["https://wire.example.test/1", "https://atom.example.test/a"]
    assert docs[0].pub_date is not None and docs[0].pub_date.isoformat() == "2024-03-05"
    assert docs[0].site == "Example Wire" and docs[0].lang_hint == "en"
    assert "Japan and Australia" in (docs[0].html or "")
    assert docs[1].pub_date is not None and docs[1].pub_date.isoformat() == "2023-06-18"
    assert s.failed == 1 and s.failures[0].record.endswith("f.rss#item2")


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, ctype, body in [
            ("https://news.example.test/a", "text/html; charset=utf-8",
             f"<html><body><article><p>{EN}</p></article></body></html>".encode()),
            ("https://news.example.test/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            ("https://news.example.test/b", "text/html; charset=gb18030",
             f"<html><body><p>{ZH}</p></body></html>".encode("gb18030")),
        ]:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
        w.write_record(w.create_warc_record("https://news.example.test/a", "request",
                                            payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc)
    docs, s = _read([warc])
    assert [d.url for d in docs] == ["https://news.example.test/a", "https://news.example.test/b"]
    assert "王毅" in (docs[1].html or "")  # declared charset honoured
    assert s.skipped == 1 and "not HTML (image/png)" in s.skip_reasons
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\nthis is not a warc\r\n\r\n")
    docs, s = _read([bad])
    assert docs == [] and s.failed == 1 and "WARC" in s.failures[0].reason


def test_urls_use_the_injected_fetcher() -> None:
    pages = {
        "https://site.example.test/page": (b"<html><body><p>Talks held.</p></body></html>", "text/html; charset=utf-8"),
        "https://site.example.test/feed": (RSS.encode(), "application/rss+xml"),
    }

    def fetch(url: str) -> tuple[bytes, str | None]:
        if url not in pages:
            raise OSError("connection refused")
        return pages[url]

    docs, s = _read(
        ["https://site.example.test/page", "https://site.example.test/feed", "https://down.example.test/"],
        fetcher=fetch,
    )
    assert [d.url for d in docs] == ["https://site.example.test/page", "https://wire.example.test/1"]
    assert docs[0].site == "site.example.test"
    assert {f.record for f in s.failures} == {"https://down.example.test/", "https://site.example.test/feed#item2"}
