"""The generated benchmark corpus (benchmarks/make_corpus.py): determinism, template coverage,
calibration on real-news figures, and that the templates copy no text from the real samples."""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus as mc  # noqa: E402

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _files(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    mc.generate(40, a)
    mc.generate(40, b)
    mc.generate(40, c, seed=7)
    fa, fb, fc = _files(a), _files(b), _files(c)
    assert len([k for k in fa if k.startswith("text")]) == 40
    assert "corpus.warc.gz" in fa
    assert fa == fb
    assert fa != fc  # the seed matters


def test_version_directories_keep_old_and_new_apart(tmp_path: Path) -> None:
    assert mc.CORPUS_VERSION == 2
    assert mc.corpus_dir(tmp_path, 2000, 1) == tmp_path / "n2000"
    assert mc.corpus_dir(tmp_path, 2000) == tmp_path / "v2-n2000"


@pytest.mark.parametrize("lang", sorted(mc.LANG_WEIGHTS))
def test_templates_are_rich_and_all_fill(lang: str) -> None:
    t = mc.LANGS[lang]
    assert len(t["events"]) >= 30
    assert len(t["filler"]) >= 40
    assert len(set(t["events"])) == len(t["events"]) and len(set(t["filler"])) == len(t["filler"])
    assert len(t["events"]) == len(mc.TEMPLATES["event_types"])
    assert set(mc.TEMPLATES["event_types"]) == PLOVER
    assert len(t["furniture_head"]) >= 8 and len(t["furniture_tail"]) >= 8
    rng = random.Random(1)
    for tpl in t["events"] + t["filler"] + t["tails"] + t["headlines"]:
        for _ in range(3):  # every slot a template names exists in this language's data
            out = tpl.format_map(mc._slots(rng, t, lang))
            assert "{" not in out and "}" not in out


@pytest.mark.parametrize("lang", sorted(mc.LANG_WEIGHTS))
def test_sentence_length_is_calibrated(lang: str) -> None:
    """Body sentences as generated average near the target measured on real news (whole-article
    figures include short headline and furniture lines, hence the wide upper band)."""
    t, rng = mc.LANGS[lang], random.Random(3)
    decks = {k: mc._Deck(rng, t[k]) for k in ("events", "filler", "tails")}
    lens = [len(mc._sentence(rng, t, lang, rng.random() < mc.EVENT_SHARE, decks)) for _ in range(1500)]
    target = mc.TARGET_SENTENCE_CHARS[lang]
    assert 0.85 * target <= statistics.mean(lens) <= 1.3 * target
    assert statistics.pstdev(lens) > 0.2 * target  # a distribution, not one repeated length


def test_articles_have_realistic_length_events_and_furniture() -> None:
    rng = random.Random(5)
    parts = [mc.make_parts(rng, i) for i in range(300)]
    en_words = [sum(len(p.split()) for p in a["paragraphs"]) for a in parts if a["lang"] == "en"]
    assert 350 <= statistics.median(en_words) <= 800
    assert min(en_words) >= 100
    for a in parts:
        assert a["head"] and a["tail"]
        sents = [s for s in re.split(r"(?<=[.。])\s*", "\n".join(a["paragraphs"])) if s]
        assert len(sents) >= 4
        if len(sents) < 20:  # templates are drawn without replacement within an article
            long = [x for x in sents if len(x) > (20 if a["lang"] == "zh" else 60)]  # not "Jr." pieces
            assert len(set(long)) == len(long), a["paragraphs"]
    assert sum(1 for a in parts if a["related"]) / len(parts) > 0.4
    assert len({a["lang"] for a in parts}) == 7


#: The templates' own writing: sentences, clauses, fillers, furniture … — not the lists of names
#: (states, people with their titles, bodies, places), which are facts any text shares
#: ("Министр иностранных дел России Сергей Лавров" is a name, not a copied sentence).
NAME_LISTS = ("states", "people", "bodies", "places")
TEMPLATE_TEXT = "\n".join(
    json.dumps({k: v for k, v in t.items() if k not in NAME_LISTS}, ensure_ascii=False)
    for t in json.loads((ROOT / "benchmarks" / "corpus_templates.json").read_text(encoding="utf-8"))["lang"].values())


def _copied(text: str, n: int) -> list[str]:
    """Runs of ``n`` characters of ``text`` found verbatim in the templates (names of office
    holders are shorter than the runs checked; stock phrases too)."""
    text = re.sub(r"\s+", " ", text)
    return [text[i:i + n] for i in range(max(0, len(text) - n)) if text[i:i + n] in TEMPLATE_TEXT]


def test_templates_copy_no_sample_text(samples_dir: Path) -> None:
    """No run of 40 characters of a real sample article appears in the templates."""
    for p in sorted(samples_dir.glob("*.txt")):
        assert not _copied(p.read_text(encoding="utf-8"), 40), p.name


def test_templates_copy_no_gold_text() -> None:
    """Nor of a gold sentence of the team's gold sets (16 characters for zh)."""
    files = sorted((ROOT / "gold").rglob("*.jsonl"))
    if not files:
        pytest.skip("no gold sets")
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert not _copied(rec.get("text", ""), 16 if rec.get("lang") == "zh" else 42), (f.name, rec.get("id"))
