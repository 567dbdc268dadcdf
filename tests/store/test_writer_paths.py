"""The writer's fast paths give what the general code gives: sentence normalisation in one pass,
single-mention events aggregated inline, positional inserts on both backends."""

from __future__ import annotations

import gc
import re
from typing import Any

import pytest

from detente.records import Document, Sentence
from detente.store import writer
from detente.store.core import IngestStats

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]+")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def _reference_hashes(sents: list[str]) -> list[str]:
    """The normalisation as first written: punctuation to spaces, spacing collapsed, stripped."""
    out: list[str] = []
    for s in sents:
        norm = _WS.sub(" ", _PUNCT.sub(" ", s.casefold())).strip()
        words = norm.count(" ") + 1 if norm else 0
        if words >= writer.NEAR_DUP_SENTENCE_WORDS or len(_CJK.findall(norm)) >= 2 * writer.NEAR_DUP_SENTENCE_WORDS:
            h = writer.content_hash(norm, length=16)
            if h not in out:
                out.append(h)
    return out[:writer.NEAR_DUP_MAX]


SENTENCES = [
    "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.",
    "  Blinken -- and Qin -- talked   for\tfive\nand a half hours, officials said ... ",
    "Short one.",
    "美国国务卿布林肯周日在北京与中国外交部长秦刚举行了会谈，双方同意保持沟通。",
    "美国国务卿布林肯，周日在北京。",  # CJK, fewer than 16 characters
    "Ngoại trưởng Mỹ Antony Blinken đã hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh.",
    "Die Straße war gesperrt, sagte der Sprecher am Montag in Berlin, Deutschland, heute früh.",
    "snake_case_words and under_scores count as one word each in this long sentence here",
    "¿Qué dijo el ministro?¡Nada! — respondió el portavoz del gobierno en Madrid ayer.",
    "㈠㈡㈢ 一二三四五六七八九十一二三四五六七 ㈣ symbols between ideographs",
    "İstanbul'da Dışişleri Bakanı Hakan Fidan, mevkidaşı ile bir araya geldi ve görüştü.",
    "",
    "...!!!",
]


def test_sentence_hashes_equal_the_reference_normalisation() -> None:
    doc = Document(id="d", source="t", text="\n".join(SENTENCES))
    doc.sentences = [Sentence(index=i, start=0, end=len(s), text=s, lang="en") for i, s in enumerate(SENTENCES)]
    got = writer.sentence_hashes(doc)
    assert got == _reference_hashes(SENTENCES)
    assert len(got) >= 7  # the long ones, CJK included


def _recomputed_equal(store: Any) -> list[dict[str, Any]]:
    cols = ("id, first_mention, num_mentions, num_sources, num_languages, first_seen, last_seen, confidence, "
            "flags, day, date_precision, date")
    before = store._all(f"SELECT {cols} FROM events ORDER BY id")
    with store._tx() as c:
        writer.BatchWriter(c, store.dialect, IngestStats()).refresh_events([r["id"] for r in before])
    assert store._all(f"SELECT {cols} FROM events ORDER BY id") == before
    return before


def test_single_mention_events_equal_a_full_recomputation(store: Any, fx: Any) -> None:
    # a machine-translated, garbled page alone: its single-mention event is penalised inline on
    # insert exactly as aggregate() penalises it when the event is recomputed from the database
    store.ingest([fx.garbled_page()])
    rows = _recomputed_equal(store)
    assert [r["num_mentions"] for r in rows] == [1] and rows[0]["flags"] != "[]" and rows[0]["confidence"] < 0.9
    store.ingest(fx.corpus())  # merged, republished, copied and unflagged reports
    rows = _recomputed_equal(store)
    assert any(r["num_mentions"] == 1 for r in rows) and any(r["num_mentions"] > 1 for r in rows)


def test_the_cyclic_collector_is_back_after_each_batch(store: Any, fx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = writer.BatchWriter.write

    def spy(self: Any, docs: Any, run_id: int) -> None:
        seen.append(gc.isenabled())
        real(self, docs, run_id)

    monkeypatch.setattr(writer.BatchWriter, "write", spy)
    store.ingest(fx.beijing_talks(), batch_size=2)
    assert seen and not any(seen) and gc.isenabled()  # off during each batch, on after

    def boom(self: Any, docs: Any, run_id: int) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer.BatchWriter, "write", boom)
    with pytest.raises(RuntimeError):
        store.ingest([fx.later_meeting()])
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        monkeypatch.setattr(writer.BatchWriter, "write", real)
        store.ingest([fx.later_meeting()])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_removed_spans_are_stored_as_their_dataclass_fields(store: Any, fx: Any) -> None:
    from dataclasses import asdict

    from detente.records import RemovedSpan

    doc = fx.make_doc("Blinken met Qin Gang in Beijing.", lang="en", site="Reuters", url="https://reuters.com/a",
                      pub="2023-06-19", raw_extra="\nSubscribe now. Cookie settings.")
    doc.removed.append(RemovedSpan(0, 0, "furniture.empty", ""))
    bare = fx.make_doc("Qin Gang met Blinken.", lang="en", site="AP News", url="https://apnews.com/b",
                       pub="2023-06-19")
    store.ingest([doc, bare])
    assert store.document(doc.id)["removed"] == [asdict(r) for r in doc.removed] and len(doc.removed) == 2
    assert store.document(bare.id)["removed"] == [] == [asdict(r) for r in bare.removed]


def test_documents_are_prepared_before_the_write_transaction(tmp_path: Any, fx: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.store import core, open_store

    cols = "id, text_hash, flags, signals, story_id"
    with open_store(tmp_path / "a.db") as a:
        seen: list[tuple[int, bool]] = []

        def spy(docs: Any) -> Any:
            seen.append((len(docs), a.conn.in_transaction()))
            return writer.prepare(docs)

        monkeypatch.setattr(core, "prepare", spy)
        a.ingest(fx.corpus(), batch_size=5)
        assert seen and not any(tx for _, tx in seen)  # no transaction (and no lock) open
        assert sum(n for n, _ in seen) == len(fx.corpus())
        seen.clear()
        a.ingest(fx.corpus(), batch_size=5)  # stored documents are not prepared again
        assert sum(n for n, _ in seen) == 0
        rows = a._all(f"SELECT {cols} FROM documents ORDER BY id")
    monkeypatch.setattr(core, "prepare", lambda docs: {})  # nothing prepared: the writer computes it all
    with open_store(tmp_path / "b.db") as b:
        b.ingest(fx.corpus(), batch_size=5)
        assert b._all(f"SELECT {cols} FROM documents ORDER BY id") == rows
    assert any(r["flags"] != "[]" for r in rows)
