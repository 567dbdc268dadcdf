"""The trust-flag scorer (issue #6): its arithmetic on a hand-made case, the real pipeline on a tiny
in-test set, and the labelled set ``gold/trust/trust_dev.jsonl`` with floors.

The floors are measured values minus 0.05, rounded down; they only go up. The dev set
(``trust_dev.jsonl``) has been tuned against (garbled in session 3; republished, content_farm and
machine_translated in session 4: every flag now 1.00 on it), so its figures are optimistic. The
blind set ``trust_test.jsonl`` (72 pages written in session 4 by an engineer who never read the
detector, never tuned on) is the honest measure: its floors are its first measurement after the
session-4 work (before it: micro P .730 / R .692).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente.store import trust
from detente.store.cli import eval_trust

TRUST_SET = Path(__file__).resolve().parents[2] / "gold" / "trust" / "trust_dev.jsonl"

#: (flag or "micro") → metric → floor, on the dev set (87 pages: see gold/trust/README.md).
FLOORS: dict[str, dict[str, float]] = {
    "republished": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "machine_translated": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "content_farm": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "near_duplicate": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "garbled": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "micro": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
}

TEST_SET = TRUST_SET.with_name("trust_test.jsonl")

#: The same on the blind set (72 pages), first measured 2026-11-24: republished P .80 R .67,
#: machine_translated P 1.00 R .44, garbled P .64 R 1.00, content_farm P 1.00 R .88,
#: near_duplicate 1.00, micro P .86 R .80 F1 .83.
TEST_FLOORS: dict[str, dict[str, float]] = {
    "republished": {"precision": 0.75, "recall": 0.61, "f1": 0.67},
    "machine_translated": {"precision": 0.95, "recall": 0.39, "f1": 0.56},
    "content_farm": {"precision": 0.95, "recall": 0.82, "f1": 0.88},
    "near_duplicate": {"precision": 0.95, "recall": 0.95, "f1": 0.95},
    "garbled": {"precision": 0.58, "recall": 0.95, "f1": 0.72},
    "micro": {"precision": 0.81, "recall": 0.74, "f1": 0.77},
}


def test_score_arithmetic() -> None:
    expected = {"a": ["republished"], "b": ["content_farm", "near_duplicate"], "c": [], "d": ["machine_translated"]}
    predicted = {"a": ["republished"], "b": ["content_farm"], "c": ["content_farm"]}  # d: the pipeline failed
    r = trust.score_trust_flags(expected, predicted)
    pf = r["per_flag"]
    assert pf["republished"] == {"tp": 1, "fp": 0, "fn": 0, "tn": 3, "support": 1,
                                 "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert (pf["content_farm"]["tp"], pf["content_farm"]["fp"], pf["content_farm"]["fn"]) == (1, 1, 0)
    assert (pf["content_farm"]["precision"], pf["content_farm"]["recall"], pf["content_farm"]["f1"]) == (0.5, 1.0, 0.6667)
    assert pf["near_duplicate"]["fn"] == 1 and pf["near_duplicate"]["f1"] == 0.0
    assert pf["machine_translated"]["fn"] == 1 and pf["machine_translated"]["recall"] == 0.0
    assert pf["garbled"] == {"tp": 0, "fp": 0, "fn": 0, "tn": 4, "support": 0, "precision": 0.0, "recall": 0.0,
                             "f1": 0.0}
    assert r["micro"] == {"tp": 2, "fp": 1, "fn": 2, "precision": 0.6667, "recall": 0.5, "f1": 0.5714}
    assert r["confusion"] == {"flagged->flagged": 2, "flagged->clean": 1, "clean->flagged": 1, "clean->clean": 0}
    assert r["exact"] == 1 and r["pages"] == 4
    errs = {e["id"]: e for e in r["errors"]}
    assert set(errs) == {"b", "c", "d"}
    assert errs["b"]["missed"] == ["near_duplicate"] and errs["c"]["wrong"] == ["content_farm"]
    assert errs["d"]["missing"] and not errs["b"]["missing"]


def test_near_duplicate_alone_does_not_make_a_page_flagged() -> None:
    r = trust.score_trust_flags({"x": ["near_duplicate"]}, {"x": ["near_duplicate"]})
    assert r["confusion"]["clean->clean"] == 1 and r["exact"] == 1


def _tiny_set(path: Path) -> Path:
    """Three pages: an original, a casino site's copy (three long sentences: enough for the
    near-duplicate test of the writer) and a clean page labelled wrongly on purpose."""
    body = ("Foreign ministers of Chile and Argentina met in Santiago on Monday and signed an agreement on "
            "a new border crossing in the Andes.\n\nThe two ministers said the crossing would open next year "
            "and would cut travel times for freight lorries by several hours. Officials from both countries said "
            "the project had been discussed for more than a decade before Monday's signing.")
    recs = [
        {"id": "t-orig", "lang": "en", "site": "Andes Herald", "url": "https://andesherald.test/border-deal",
         "pub_date": "2024-05-06", "text": f"Chile and Argentina sign border deal\n\n{body}\n", "expected_flags": [],
         "note": "original"},
        {"id": "t-casino", "lang": "en", "site": "Royal Jackpot Casino", "url": "https://royaljackpot.test/n/1",
         "pub_date": "2024-05-07", "text": f"Chile and Argentina sign border deal\n\n{body}\n\nPlay slots now!\n",
         "expected_flags": ["content_farm", "near_duplicate"], "note": "casino copy"},
        # deliberately mislabelled: the scorer must report the miss
        {"id": "t-other", "lang": "en", "site": "Andes Herald", "url": "https://andesherald.test/rail",
         "pub_date": "2024-05-08", "text": "Peru opens new rail line\n\nPeru opened a new rail line to Cusco on "
         "Wednesday, the transport ministry said.\n", "expected_flags": ["republished"], "note": "mislabelled"},
    ]
    out = path / "tiny.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return out


def test_evaluate_trust_runs_the_pipeline_and_the_store(tmp_path: Path) -> None:
    r = trust.evaluate_trust(_tiny_set(tmp_path))
    assert r["pages"] == 3 and r["failures"] == []
    pf = r["per_flag"]
    assert (pf["content_farm"]["tp"], pf["content_farm"]["fp"]) == (1, 0)
    assert (pf["near_duplicate"]["tp"], pf["near_duplicate"]["fp"]) == (1, 0)
    assert (pf["republished"]["fn"], pf["republished"]["recall"]) == (1, 0.0)
    (err,) = r["errors"]
    assert err["id"] == "t-other" and err["missed"] == ["republished"] and err["wrong"] == []
    assert r["confusion"] == {"flagged->flagged": 1, "flagged->clean": 1, "clean->flagged": 0, "clean->clean": 1}


def test_eval_trust_command(tmp_path: Path) -> None:
    res = CliRunner().invoke(eval_trust, [str(_tiny_set(tmp_path))])
    assert res.exit_code == 0, res.output
    assert "content_farm" in res.output and "t-other" in res.output


def test_trust_set_rejects_unknown_flags(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "t", "expected_flags": ["spam"]}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown flags"):
        trust.load_trust_set(p)


# ---------------------------------------------------------------------------- the labelled set

@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    if not TRUST_SET.exists():
        pytest.skip("gold/trust/trust_dev.jsonl not present")
    return trust.evaluate_trust(TRUST_SET)


def test_trust_set_composition() -> None:
    recs = trust.load_trust_set(TRUST_SET)
    assert len(recs) >= 60 and len({r["id"] for r in recs}) == len(recs)
    langs = {r["lang"] for r in recs}
    assert {"en", "zh", "vi", "es"} <= langs
    for r in recs:
        assert r["note"] and r["site"] and r["url"] and r["pub_date"] and r["lang"]
    clean = sum(not set(r["expected_flags"]) & set(trust.PENALISING_FLAGS) for r in recs)
    assert clean / len(recs) >= 0.55  # clean pages are the majority, as on the web
    for flag in trust.TRUST_FLAGS:
        assert sum(flag in r["expected_flags"] for r in recs) >= 5, flag


def _below(report: dict[str, Any], floors: dict[str, dict[str, float]]) -> list[tuple[str, str, float, float]]:
    assert report["failures"] == []
    got = {**report["per_flag"], "micro": report["micro"]}
    return [(flag, metric, got[flag][metric], floor) for flag, fl in floors.items()
            for metric, floor in fl.items() if got[flag][metric] < floor]


def test_trust_flags_meet_floors(report: dict[str, Any]) -> None:
    assert not _below(report, FLOORS)


def test_trust_flags_meet_floors_on_the_blind_set() -> None:
    if not TEST_SET.exists():
        pytest.skip("gold/trust/trust_test.jsonl not present")
    recs = trust.load_trust_set(TEST_SET)
    dev_ids = {r["id"] for r in trust.load_trust_set(TRUST_SET)}
    assert len(recs) >= 60 and not dev_ids & {r["id"] for r in recs}
    assert not _below(trust.evaluate_trust(TEST_SET), TEST_FLOORS)
