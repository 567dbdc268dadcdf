"""Every curated lexicon entry (zh, vi written by the team; en, es, ar overlays) comes with an
example sentence: the example must fire that entry — and, for entries that code an event,
the coder must code an event of the entry's type from it with the test gazetteer's actors."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from detente.events.coder import SentenceCoder, code_document
from detente.events.lexicon import fold, load_lexicon
from detente.records import Document
from detente.resources import data_path

LANGS = ("en", "es", "ar", "zh", "vi", "fr", "ru")


def _curated(lang: str) -> list[dict]:
    raw = json.loads(data_path("events", "curated", f"lexicon.{lang}.json").read_text(encoding="utf-8"))
    return raw["entries"]


CASES = [(lang, e["id"], e["example"]) for lang in LANGS for e in _curated(lang)]


def fired(lang: str, text: str) -> list[str]:
    """Ids of the entries the coder chooses for the triggers of ``text``."""
    c = SentenceCoder(lang)
    t = fold(text, lang)
    out = []
    for p, s, e in c.triggers(t):
        entry = c.choose(p, t[:s], t[e:])
        if entry is not None:
            out.append(entry.id)
    return out


def test_every_curated_entry_has_an_example_and_ids_are_unique() -> None:
    for lang in LANGS:
        ids = [e["id"] for e in _curated(lang)]
        assert len(ids) == len(set(ids)), lang
        for e in _curated(lang):
            assert e["id"].startswith(f"{lang}."), e["id"]
            assert e.get("example", "").strip(), e["id"]
            assert e["forms"], e["id"]


def test_compiled_lexicon_keeps_curated_entries() -> None:
    for lang in LANGS:
        ids = {e.id for e in load_lexicon(lang).entries}
        assert {e["id"] for e in _curated(lang)} <= ids


@pytest.mark.parametrize(("lang", "entry_id", "example"), CASES, ids=[c[1] for c in CASES])
def test_example_fires_its_entry(lang: str, entry_id: str, example: str) -> None:
    assert entry_id in fired(lang, example), f"{example!r} fired {fired(lang, example)}"


EVENT_CASES = [(lang, e["id"], e["example"]) for lang in ("zh", "vi") for e in _curated(lang) if not e.get("block")]


@pytest.mark.parametrize(("lang", "entry_id", "example"), EVENT_CASES, ids=[c[1] for c in EVENT_CASES])
def test_example_codes_an_event(lang: str, entry_id: str, example: str, make_doc: Callable[..., Document]) -> None:
    doc = make_doc(example, lang)
    assert len(doc.mentions) >= 1, "the test gazetteer must know the example's actors"
    events = code_document(doc)
    entry = load_lexicon(lang).entry(entry_id)
    assert any(e.provenance.lexicon_entry == entry_id and e.event == entry.event for e in events), \
        [(e.event, e.provenance.lexicon_entry) for e in events]
