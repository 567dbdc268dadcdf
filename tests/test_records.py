"""The event record contract: schema validity, content-hash ids, round trip."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from detente.records import Event, Evidence, Provenance, content_hash


def _event(**kw: Any) -> Event:
    base: dict[str, Any] = dict(
        doc_id="d1", lang="vi", event="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1,
        actor={"text": "Ngoại trưởng Mỹ", "name": "Antony Blinken", "country": "USA", "sector": "GOV",
               "code": "USAGOV", "id": "person:blinken"},
        recipient={"text": "Tần Cương", "name": "Qin Gang", "country": "CHN", "sector": "GOV", "code": "CHNGOV"},
        evidence=Evidence(sentence="S.", start=0, end=2, trigger="hội đàm", trigger_start=0, trigger_end=1),
        provenance=Provenance(coder="coder.rules.v1", lexicon_entry="vi.hoi_dam.1", actor_entries=["a", "b"]),
        date="2023-06-18", date_precision="day", symmetric=True,
        location={"text": "Bắc Kinh", "name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4},
    )
    base.update(kw)
    return Event(**base)


def test_event_record_validates_and_round_trips(validate_event: Any) -> None:
    ev = _event()
    rec = ev.to_dict()
    validate_event(rec)
    again = Event.from_dict(rec)
    assert again.to_dict() == rec


def test_symmetric_event_id_is_direction_free() -> None:
    a, r = _event().actor, _event().recipient
    assert _event(actor=a, recipient=r).id == _event(actor=r, recipient=a).id
    assert _event(actor=a, recipient=r, symmetric=False).id != _event(actor=r, recipient=a, symmetric=False).id


def _sha_parts(*parts: object, length: int = 16) -> str:
    """The id formula written out: SHA-256 over each part's str and a unit separator."""
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def test_content_hash_values_are_stable() -> None:
    # issue #7 hashes the joined string at once: ids of stored events must not change
    for parts in [(), ("",), ("a\x1fb", 3), ("doc", 1, 2, None, 1.5, True), ("Hà Nội", "中国")]:
        for length in (16, 20):
            assert content_hash(*parts, length=length) == _sha_parts(*parts, length=length)
    assert content_hash("x") == "8827785853903e59"  # pinned: the value before issue #7


def test_event_id_is_the_documented_content_hash() -> None:
    for ev in (_event(), _event(recipient=None, symmetric=False), _event(doc_id="文档", actor=None)):
        a = (ev.actor or {}).get("code")
        r = (ev.recipient or {}).get("code")
        if ev.symmetric and a and r and r < a:
            a, r = r, a
        want = _sha_parts(ev.doc_id, ev.evidence.start, ev.evidence.end, ev.event, ev.cameo, a, r,
                          ev.evidence.trigger_start)
        assert ev.id == ev.compute_id() == want


def test_unknown_plover_type_is_refused() -> None:
    with pytest.raises(ValueError, match="PLOVER"):
        _event(event="MEET")


def test_schema_rejects_a_broken_record(validate_event: Any) -> None:
    rec = _event().to_dict()
    rec["quad_class"] = 7
    with pytest.raises(AssertionError, match="quad_class"):
        validate_event(rec)
