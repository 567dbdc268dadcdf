"""Evaluation: gold-code normalisation, the match rule, scoring, the ``eval`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.errors import InputError
from detente.events.cli import eval_command
from detente.events.evaluate import GoldSentence, gold_side, matches, read_gold, score
from detente.records import Event, Evidence, Provenance


@pytest.mark.parametrize(("code", "key"), [
    ("JAP", "JPN"), ("USAGOV", "USA"), ("ISR***", "ISR"), ("SRBCVLalb", "SRB"), ("IGOUNO", "IGO"),
    ("IGO", "IGO"), ("NGO", "IGO"), ("TUN None", "TUN"), ("None CVL", None), ("---CVL", None), ("---", None),
    (None, None), ("CVL", None), ("MIL", None),
])
def test_gold_side(code: str | None, key: str | None) -> None:
    assert gold_side(code) == key


def ev(kind: str, a: str | None, r: str | None, symmetric: bool = False) -> Event:
    actor = {"country": a, "code": a or "IGOUNO"} if a != "IGO" else {"country": None, "code": "IGOUNO"}
    recip = None if r is None else {"country": r, "code": r}
    return Event(doc_id="d", lang="en", event=kind, cameo="040", goldstein=1.0, quad_class=1, actor=actor,
                 recipient=recip, evidence=Evidence("s", 0, 1, "t"), provenance=Provenance("c", "e"),
                 symmetric=symmetric)


def test_match_rule() -> None:
    assert matches(("CONSULT", "USA", "CHN"), ev("CONSULT", "USA", "CHN"))
    assert not matches(("CONSULT", "USA", "CHN"), ev("CONSULT", "CHN", "USA"))  # directed
    assert matches(("CONSULT", "USA", "CHN"), ev("CONSULT", "CHN", "USA", symmetric=True))
    assert not matches(("ACCUSE", "USA", "CHN"), ev("CONSULT", "USA", "CHN"))  # type
    assert matches(("AGREE", "JOR", None), ev("AGREE", "GBR", "JOR", symmetric=True))  # wildcard side
    assert matches(("PROTEST", None, None), ev("PROTEST", "COL", None))  # type-only gold
    assert matches(("REJECT", "IGO", "TLS"), ev("REJECT", "IGO", "TLS"))
    assert not matches(("REJECT", "IGO", "TLS"), ev("REJECT", "USA", "TLS"))


def test_score_counts_misses_false_positives_and_confusion() -> None:
    gold = [GoldSentence("1", "en", "a", None, [("CONSULT", "USA", "CHN")]),
            GoldSentence("2", "en", "b", None, [("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")]),
            GoldSentence("3", "en", "c", None, [])]
    pred = {"1": [ev("CONSULT", "CHN", "USA", symmetric=True)],
            "2": [ev("ACCUSE", "JPN", "PRK"), ev("THREATEN", "KOR", "PRK")],
            "3": [ev("ASSAULT", "RUS", "UKR")]}
    rep = score(gold, pred, "g.jsonl")
    assert rep.overall["matched_gold"] == 2 and rep.overall["gold"] == 3
    assert rep.overall["matched_predicted"] == 2 and rep.overall["predicted"] == 4
    assert rep.precision == 0.5 and rep.recall == pytest.approx(2 / 3, abs=1e-3)
    assert rep.per_type["ACCUSE"]["recall"] == 0.5
    assert rep.confusion["ACCUSE"]["THREATEN"] == 1 and rep.confusion["(none)"]["ASSAULT"] == 1
    assert [m.event for m in rep.misses] == ["ACCUSE"]
    assert sorted(f.event for f in rep.false_positives) == ["ASSAULT", "THREATEN"]
    text = rep.to_text(5)
    assert "P=0.500" in text and "false positives (2)" in text


def test_read_gold_normalises_types_codes_and_prefix(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    rows = [
        {"id": "a", "lang": "es", "date": "20000430", "text": "20000430 20000430_NYN_P1 | Las FARC atacaron.",
         "events": [{"source_code": "COLREB", "target_code": "---CVL", "cameo": "190", "plover": None}]},
        {"id": "b", "lang": "es", "date": None, "text": "x", "events": [{"source_code": "---", "plover": "DEMAND"},
                                                                       {"plover": "SACTION"}]},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    g = read_gold(p)
    assert g[0].text == "Las FARC atacaron." and g[0].date is not None and g[0].date.year == 2000
    assert g[0].events == [("ASSAULT", "COL", None)]
    assert g[1].events == [("REQUEST", None, None), ("SANCTION", None, None)]


def test_mobilize_mode_civil_lets_a_protest_match_a_gold_mobilize() -> None:
    """Issue #5: the Spanish protest set labels marches and strikes MOBILIZE; its convention is
    scored only when asked, and only in one direction."""
    gold = [GoldSentence("1", "es", "a", None, [("MOBILIZE", None, None)]),
            GoldSentence("2", "es", "b", None, [("PROTEST", None, None)])]
    pred = {"1": [ev("PROTEST", "COL", None)], "2": [ev("MOBILIZE", "COL", None)]}
    strict = score(gold, pred, "g.jsonl")
    assert strict.overall["matched_gold"] == 0 and strict.overall["matched_predicted"] == 0
    civil = score(gold, pred, "g.jsonl", mobilize_mode="civil")
    assert civil.overall["matched_gold"] == 1 and civil.overall["matched_predicted"] == 1
    assert [m.event for m in civil.misses] == ["PROTEST"]  # a predicted MOBILIZE never matches a PROTEST
    assert any("mobilize_mode=civil" in n for n in civil.notes)
    assert matches(("MOBILIZE", None, None), ev("PROTEST", None, None), "civil")
    assert not matches(("MOBILIZE", None, None), ev("PROTEST", None, None))
    with pytest.raises(InputError):
        score(gold, pred, "g.jsonl", mobilize_mode="loose")


def test_eval_command_runs_the_pipeline(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    rows = [{"id": "s1", "lang": "en", "date": "20240101", "text": "Japan and South Korea condemned North Korea.",
             "events": [{"source_code": "JPN", "target_code": "PRK", "plover": "ACCUSE"},
                        {"source_code": "KOR", "target_code": "PRK", "plover": "ACCUSE"}]},
            {"id": "s2", "lang": "en", "date": None, "text": "The weather was fine.", "events": []}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(eval_command, [str(p), "--format", "json", "--show-errors", "3"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["sentences"] == 2 and data["overall"]["gold"] == 2
    assert set(data) >= {"per_type", "per_lang", "confusion", "misses", "false_positives"}
    res = CliRunner().invoke(eval_command, [str(p)])
    assert res.exit_code == 0 and "overall" in res.output
    res = CliRunner().invoke(eval_command, [str(p), "--mobilize-mode", "civil"])
    assert res.exit_code == 0 and "mobilize_mode=civil" in res.output


def test_eval_command_reports_a_missing_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(eval_command, [str(tmp_path / "nope.jsonl")])
    assert res.exit_code != 0 and "not found" in res.output


def test_two_records_under_one_id_are_scored_apart(tmp_path: Path) -> None:
    """A gold file with a repeated id (the PLOVER GSR has one) keeps both sentences: each is
    coded and scored on its own, so neither's events overwrite the other's."""
    p = tmp_path / "g.jsonl"
    rows = [{"id": "dup", "lang": "en", "date": "20240101", "text": "Japan condemned North Korea.",
             "events": [{"source_code": "JPN", "target_code": "PRK", "plover": "ACCUSE"}]},
            {"id": "dup", "lang": "en", "date": "20240101", "text": "France condemned Iran.",
             "events": [{"source_code": "FRA", "target_code": "IRN", "plover": "ACCUSE"}]}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    g = read_gold(p)
    assert [x.id for x in g] == ["dup", "dup#2"]
    res = CliRunner().invoke(eval_command, [str(p), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["overall"]["gold"] == 2 and data["overall"]["recall"] == 1.0, data["overall"]


def test_gazetteer_documents_for_coder_tests() -> None:
    """detente.events.testing: mentions on word boundaries, longest first, no overlaps; several
    sentences with their offsets; a capital is a located metonym."""
    from detente.events import code_document
    from detente.events.testing import gazetteer_document

    gaz = {"Korea": ("KOR", None, "KOR", "state"), "North Korea": ("PRK", None, "PRK", "state"),
           "Japan": ("JPN", None, "JPN", "state"), "Tokyo": ("JPN", "GOV", "JPNGOV", "capital")}
    doc = gazetteer_document(["Japan condemned North Korea.", "Talks in Tokyo ended."], "en", gaz)
    assert [(m.text, m.code) for m in doc.mentions] == [("Japan", "JPN"), ("North Korea", "PRK"), ("Tokyo", "JPNGOV")]
    assert doc.mentions[-1].is_location and doc.mentions[-1].kind == "metonym"
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["Japan condemned North Korea.", "Talks in Tokyo ended."]
    assert gazetteer_document("Japanese", "en", gaz).mentions == []  # whole words only
    assert [(e.event, e.actor["country"], e.recipient["country"]) for e in code_document(doc)] == [("ACCUSE", "JPN", "PRK")]
