"""Validate the held-out evaluation sets in ``gold/heldout/`` (schema, codes, spans, coverage).

The held-out sets follow the conventions of the team's development sets (``gold/README.md``):
the organisation codes, sector codes and modes allowed here are read from that README, so the
two sets of files cannot drift apart. The CAMEO code list is read from the shared ontology table
when ``../shared/data`` is present; otherwise only the code pattern is checked.

Besides the schema, these tests guard what makes a set *held out*: no sentence may also occur
in a development set, and the dates of role-bound office holders must fit their terms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.resources import REPO_ROOT, shared_data_dir

GOLD_DIR = REPO_ROOT / "gold"
HELDOUT_DIR = GOLD_DIR / "heldout"
HELDOUT_README = HELDOUT_DIR / "README.md"

#: file name -> (language, dataset name, id prefix, minimum number of sentences)
HELDOUT_FILES = {
    "en_heldout.jsonl": ("en", "detente-heldout-en", "enh-", 120),
    "zh_heldout.jsonl": ("zh", "detente-heldout-zh", "zhh-", 120),
    "vi_heldout.jsonl": ("vi", "detente-heldout-vi", "vih-", 120),
    "es_heldout.jsonl": ("es", "detente-heldout-es", "esh-", 80),
}

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
RECORD_KEYS = {"dataset", "id", "lang", "date", "category", "text", "events", "notes"}
#: CAMEO roots allowed for each PLOVER type (the dev-set conventions in gold/README.md).
ROOTS_BY_TYPE = {
    "AGREE": {"03"}, "CONSULT": {"03", "04"}, "SUPPORT": {"05"}, "CONCEDE": {"03", "08"},
    "COOPERATE": {"03", "06"}, "AID": {"03", "07"}, "RETREAT": {"08"}, "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
    "SANCTION": {"16"}, "MOBILIZE": {"15"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20"},
}

#: Task floors: positives per PLOVER type per file, share of hard cases and of no-event lines.
MIN_POSITIVES_PER_TYPE = 5
MIN_HARD_SHARE = 0.25
MIN_NONE_SHARE = 0.08
FIRST_DATE = dt.date(2019, 1, 1)
LAST_DATE = dt.date(2026, 11, 24)

#: Names that appear in the sets only in a role-bound office, with that office's term
#: (inclusive). A sentence naming one of them must be dated inside the term.
OFFICE_TERMS: list[tuple[tuple[str, ...], str, str]] = [
    (("Rubio", "鲁比奥", "鲁比欧"), "20250121", "20261231"),          # US Secretary of State
    (("Blinken", "Blinkin", "布林肯"), "20210126", "20250120"),       # US Secretary of State
    (("Trump", "特朗普"), "20250120", "20261231"),                    # US president, 2nd term
    (("Biden", "拜登"), "20210120", "20250120"),                      # US president
    (("Li Qiang", "李强", "李強", "Lý Cường"), "20230311", "20261231"),  # Chinese premier
    (("Sheinbaum", "Sheimbaum"), "20241001", "20261231"),             # Mexican president
    (("Milei",), "20231210", "20261231"),                             # Argentine president
    (("Merz",), "20250506", "20261231"),                              # German chancellor
    (("Wadephul",), "20250506", "20261231"),                          # German foreign minister
    (("Takaichi", "高市早苗"), "20251021", "20261231"),                # Japanese prime minister
    (("Kallas", "卡拉斯"), "20241201", "20261231"),                    # EU foreign policy chief
    (("Lương Cường",), "20241021", "20261231"),                       # Vietnamese president
    (("Tô Lâm",), "20240803", "20261231"),                            # VCP general secretary
    (("Dina Boluarte",), "20221207", "20251010"),                     # Peruvian president
]


@pytest.fixture(scope="module")
def heldout(load_gold: Callable[[Path], list[dict]]) -> dict[str, list[dict]]:
    return {name: load_gold(HELDOUT_DIR / name) for name in HELDOUT_FILES}


def test_files_exist() -> None:
    for name in HELDOUT_FILES:
        assert (HELDOUT_DIR / name).is_file(), name
    assert HELDOUT_README.is_file()


@pytest.mark.parametrize("name", sorted(HELDOUT_FILES))
def test_records_schema_and_ids(name: str, heldout: dict[str, list[dict]]) -> None:
    lang, dataset, prefix, _ = HELDOUT_FILES[name]
    records = heldout[name]
    ids = [r.get("id") for r in records]
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert not dupes, f"duplicate ids in {name}: {dupes[:5]}"
    texts = Counter(r.get("text") for r in records)
    assert not [t for t, c in texts.items() if c > 1], f"{name}: duplicate sentences"
    for r in records:
        where = f"{name}:{r.get('id')}"
        assert set(r) == RECORD_KEYS, f"{where}: keys {sorted(set(r) ^ RECORD_KEYS)}"
        assert r["lang"] == lang, f"{where}: lang {r['lang']!r} in a {lang} file"
        assert r["dataset"] == dataset, where
        assert re.fullmatch(re.escape(prefix) + r"\d{4}", r["id"]), where
        day = dt.datetime.strptime(r["date"], "%Y%m%d").date()
        assert FIRST_DATE <= day <= LAST_DATE, f"{where}: date {day}"
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and r["text"], where
        assert isinstance(r["notes"], str) and re.match(r"(basic|hard-[a-z-]+): ", r["notes"]), where
        assert isinstance(r["events"], list), where
        if r["category"] == "NONE":
            assert r["events"] == [], f"{where}: NONE sentence with events"
        else:
            assert r["category"] in PLOVER_TYPES, f"{where}: category {r['category']!r}"
            assert r["category"] in {e["plover"] for e in r["events"]}, f"{where}: category not coded"


@pytest.mark.parametrize("name", sorted(HELDOUT_FILES))
def test_event_codes_and_spans(name: str, heldout: dict[str, list[dict]],
                               check_event: Callable[[dict, str, str], None]) -> None:
    for r in heldout[name]:
        where = f"{name}:{r['id']}"
        keys: Counter[tuple[str, tuple[str, ...]]] = Counter()
        for e in r["events"]:
            check_event(e, r["text"], where)
            assert e["cameo"][:2] in ROOTS_BY_TYPE[e["plover"]], f"{where}: {e['cameo']} for {e['plover']}"
            assert e["source_text"], f"{where}: source_text missing"
            # the scorer matches on sentence, type and country dyad: two gold events with the
            # same key could never both be found
            dyad = (e["source_code"][:3], (e["target_code"] or "")[:3])
            if e["symmetric"]:
                dyad = tuple(sorted(dyad))
            keys[(e["plover"], dyad)] += 1
        dup = [k for k, c in keys.items() if c > 1]
        assert not dup, f"{where}: two events with the same type and dyad: {dup}"


@pytest.mark.parametrize("name", sorted(HELDOUT_FILES))
def test_coverage_floors(name: str, heldout: dict[str, list[dict]]) -> None:
    records = heldout[name]
    minimum = HELDOUT_FILES[name][3]
    assert len(records) >= minimum, f"{name}: only {len(records)} sentences (need {minimum})"
    positives = Counter(t for r in records for t in {e["plover"] for e in r["events"]})
    thin = {t: positives[t] for t in PLOVER_TYPES if positives[t] < MIN_POSITIVES_PER_TYPE}
    assert not thin, f"{name}: types below {MIN_POSITIVES_PER_TYPE} positives: {thin}"
    hard = sum(r["notes"].startswith("hard-") for r in records)
    assert hard / len(records) >= MIN_HARD_SHARE, f"{name}: hard cases {hard}/{len(records)}"
    none = sum(not r["events"] for r in records)
    assert none / len(records) >= MIN_NONE_SHARE, f"{name}: only {none} no-event sentences"


@pytest.mark.parametrize("name", sorted(HELDOUT_FILES))
def test_office_holders_match_dates(name: str, heldout: dict[str, list[dict]]) -> None:
    for r in heldout[name]:
        for names, start, end in OFFICE_TERMS:
            hit = next((n for n in names if n in r["text"]), None)
            if hit:
                assert start <= r["date"] <= end, f"{name}:{r['id']}: {hit} dated {r['date']}"


def test_ids_unique_across_sets(heldout: dict[str, list[dict]]) -> None:
    ids = Counter(r["id"] for records in heldout.values() for r in records)
    assert not [i for i, c in ids.items() if c > 1]


def test_no_sentence_shared_with_dev_sets(heldout: dict[str, list[dict]]) -> None:
    """A held-out sentence must not also be a development sentence (team or shared sets)."""
    dev_files = sorted(GOLD_DIR.glob("*.jsonl"))
    shared = shared_data_dir()
    if shared is not None and (shared / "gold-dev").is_dir():
        dev_files += sorted((shared / "gold-dev").glob("*.jsonl"))
    assert dev_files, "no development sets found"
    dev_texts = {
        json.loads(line)["text"].strip()
        for path in dev_files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    leaked = [r["id"] for records in heldout.values() for r in records if r["text"] in dev_texts]
    assert not leaked, f"held-out sentences also in a dev set: {leaked[:5]}"


def test_readme_counts_are_current(heldout: dict[str, list[dict]], readme_section: Callable[[Path, str], str]) -> None:
    """The counts table in gold/heldout/README.md matches the files."""
    section = readme_section(HELDOUT_README, "Counts")
    for name, records in heldout.items():
        n = len(records)
        events = sum(len(r["events"]) for r in records)
        row = re.search(rf"^\| {re.escape(name)} \| (\d+) \| (\d+) \|", section, flags=re.M)
        assert row, f"README has no counts row for {name}"
        assert (int(row.group(1)), int(row.group(2))) == (n, events), f"README counts for {name}"
