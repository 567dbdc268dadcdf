"""Issue #7 (cold start): ``detente extract`` on plain text imports only what it uses, and
language identification loads py3langid's model (~0.5 s with numpy) only when a paragraph
needs it.

The import checks run ``detente extract`` in a fresh interpreter (a subprocess) and read its
``sys.modules`` after the run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from detente.options import SUPPORTED_LANGS
from detente.text import lang as L

#: Stacks a plain-text extract never needs: HTML extraction, the store, the server, Spark,
#: date parsing of free text.
HEAVY = ("trafilatura", "lxml", "htmldate", "justext", "sqlalchemy", "psycopg", "duckdb", "fastapi",
         "starlette", "uvicorn", "jinja2", "pydantic", "pyspark", "dateparser", "babel", "requests",
         "httpx")

_RUN = """
import json, sys
sys.argv = ["detente", "extract", sys.argv[1]]
from detente.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(m.split(".")[0] for m in sys.modules)}), file=sys.stderr)
"""


def _extract(tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _RUN, str(path)], capture_output=True, text=True, timeout=120)
    last = proc.stderr.strip().splitlines()[-1]
    got: dict[str, Any] = json.loads(last)
    got["stdout"] = proc.stdout
    return got


ENGLISH_SHORT = ("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on "
                 "Monday to discuss trade tensions, officials said.\n")
#: A long paragraph with many function words: decided by the function-word vote.
ENGLISH_LONG = ("The foreign minister of China met with the secretary of state of the United States in "
                "Beijing on Monday, and the two of them said that they would work to resume the talks "
                "that had been stopped in the past year because of the tensions over trade.\n")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров встретился в понедельник в Пекине с министром "
           "иностранных дел Китая Ван И, чтобы обсудить торговлю и безопасность в регионе.\n")


def test_plain_text_extract_imports_no_heavy_stack(tmp_path: Path) -> None:
    got = _extract(tmp_path, ENGLISH_SHORT)
    assert got["code"] == 0
    assert '"CONSULT"' in got["stdout"]  # it did code the article
    assert not set(HEAVY) & set(got["modules"])


@pytest.mark.parametrize("text", [ENGLISH_LONG, RUSSIAN], ids=["en-long", "ru"])
def test_paragraphs_decided_without_py3langid_do_not_load_it(tmp_path: Path, text: str) -> None:
    got = _extract(tmp_path, text)
    assert got["code"] == 0
    assert got["stdout"].strip()  # events were coded
    assert "py3langid" not in got["modules"]
    assert "numpy" not in got["modules"]
    assert not set(HEAVY) & set(got["modules"])


def test_langid_language_list_is_the_models() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE)
    assert frozenset(str(c) for c in model.nb_classes) == L.LANGID_LANGS
    assert set(SUPPORTED_LANGS) <= L.LANGID_LANGS


def _no_identifier(*_: Any) -> Any:
    raise AssertionError("py3langid's identifier was asked for")


def test_function_word_decision_does_not_ask_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(L, "_identifiers", _no_identifier)
    assert L._decide(ENGLISH_LONG[: L.SAMPLE_CHARS], SUPPORTED_LANGS)[0] == "en"
    assert L._decide(RUSSIAN[: L.SAMPLE_CHARS], SUPPORTED_LANGS)[0] == "ru"
    assert L._decide("Chủ tịch nước tiếp Ngoại trưởng Mỹ tại Hà Nội", SUPPORTED_LANGS)[0] == "vi"
    # no coded language py3langid knows: "other" without the model, as before
    assert L._decide(ENGLISH_LONG[: L.SAMPLE_CHARS], ("xx",)) == ("other", 0.5, L._script_counts(
        ENGLISH_LONG[: L.SAMPLE_CHARS])[1])


def test_undecided_paragraph_still_asks_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(L, "_identifiers", _no_identifier)
    with pytest.raises(AssertionError, match="py3langid"):
        L._decide(ENGLISH_SHORT[: L.SAMPLE_CHARS], SUPPORTED_LANGS)
