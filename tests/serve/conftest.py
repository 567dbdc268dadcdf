"""Fixtures of the serve tests: a real store, a real server in a subprocess, an HTTP client.

The store (a temporary SQLite file) is filled in two ways, both through the store's real ingest:

* a few articles of the bundled demo corpus (en, zh, vi) run through the whole pipeline with
  :func:`detente.cli.ingest_paths` — what these give depends on the NLP layers, so tests only
  check that the API agrees with the store about them;
* a handful of hand-coded documents (our own sentences, events coded by hand) passed to
  ``Store.ingest`` — a USA–CHN relationship over several months in three languages (one with markup
  in its title and evidence, to check escaping) and a PHL–CHN event, so the dashboard always has
  something known to show.

The server is ``python -m detente.cli serve`` (uvicorn) on a free 127.0.0.1 port, started once per
session and always stopped at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from detente.demo_run import CORPUS_DIR  # noqa: E402
from detente.records import Document, Event, Evidence, Provenance, Sentence  # noqa: E402

#: Demo-corpus articles run through the real pipeline (a small, multilingual slice).
CORPUS_FILES = (
    "001_en_rubio-wang-kuala-lumpur.txt",
    "002_zh_wang-yi-rubio-jilongpo.txt",
    "003_vi_ngoai-truong-my-trung-kuala-lumpur.txt",
    "007_en_manila-protest-balikatan.txt",
)

#: How long the server may take to answer its first request.
STARTUP_TIMEOUT_S = 30.0


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``browser`` marker (pyproject.toml is not ours to edit)."""
    config.addinivalue_line("markers", "browser: renders dashboard pages in headless Chromium (scripts/chromium.sh)")


# ---------------------------------------------------------------------------- hand-coded documents

_USA = {"name": "United States", "country": "USA", "sector": None, "code": "USA", "id": "state.USA"}
_CHN = {"name": "China", "country": "CHN", "sector": None, "code": "CHN", "id": "state.CHN"}
_PHL = {"name": "Philippines", "country": "PHL", "sector": None, "code": "PHL", "id": "state.PHL"}

#: (lang, pub_date, title, sentence, trigger, actor (base, text), recipient (base, text), type, cameo, goldstein, quad)
HAND_CODED: list[tuple[Any, ...]] = [
    ("en", "2023-03-14", "Washington and Beijing hold talks",
     "The United States held talks with China in Washington on Tuesday.", "held talks",
     (_USA, "The United States"), (_CHN, "China"), "CONSULT", "040", 1.0, 1),
    ("zh", "2023-03-15", "中美举行会谈",
     "中国与美国周二在华盛顿举行会谈，双方同意保持沟通。", "同意",
     (_CHN, "中国"), (_USA, "美国"), "AGREE", "030", 4.0, 1),
    ("vi", "2023-05-02", "Trung Quốc cáo buộc Mỹ",
     "Trung Quốc cáo buộc Mỹ can thiệp vào công việc nội bộ của nước này.", "cáo buộc",
     (_CHN, "Trung Quốc"), (_USA, "Mỹ"), "ACCUSE", "112", -2.0, 3),
    ("en", "2023-05-20", "New export controls",
     "The United States imposed sanctions on Chinese chip makers on Saturday.", "imposed sanctions",
     (_USA, "The United States"), (_CHN, "Chinese"), "SANCTION", "163", -8.0, 4),
    ("en", "2023-07-09", "Climate aid pledged",
     "China promised to send aid to the United States after the floods.", "send aid",
     (_CHN, "China"), (_USA, "the United States"), "AID", "070", 7.0, 2),
    ("en", "2023-09-01", "<script>alert('x')</script> Tariff warning",
     "China <b>warned</b> the United States against new tariffs & \"controls\".", "warned",
     (_CHN, "China"), (_USA, "the United States"), "THREATEN", "130", -4.4, 3),
    ("en", "2023-07-11", "Manila protests",
     "The Philippines accused China of blocking its supply boats near the shoal.", "accused",
     (_PHL, "The Philippines"), (_CHN, "China"), "ACCUSE", "112", -2.0, 3),
]


def hand_coded_documents() -> list[Document]:
    """Documents with hand-coded events (evidence offsets into their text), ready for ``Store.ingest``."""
    docs = []
    for i, (lang, date, title, sent, trig, (a, a_text), (r, r_text), etype, cameo, gold, quad) in enumerate(HAND_CODED):
        text = f"{title}\n\n{sent}"
        start = len(title) + 2
        doc = Document(
            id=Document.make_id(f"serve-test-{i}\n{text}"), source=f"serve-test/{i}.txt", raw_text=text,
            url=f"https://serve-test.example/{i}", site="serve-test.example", title=title, text=text, lang=lang,
            lang_confidence=1.0, pub_date=dt.date.fromisoformat(date), pub_date_precision="day",
            pub_date_source="test",
        )
        doc.sentences = [Sentence(0, 0, len(title), title, lang), Sentence(1, start, start + len(sent), sent, lang)]
        ts = start + sent.index(trig)
        ev = Event(
            doc_id=doc.id, lang=lang, event=etype, cameo=cameo, goldstein=gold, quad_class=quad,
            actor={**a, "text": a_text}, recipient={**r, "text": r_text},
            evidence=Evidence(sent, start, start + len(sent), trig, ts, ts + len(trig)),
            provenance=Provenance("coder.rules.v1", f"test.{etype.lower()}", [a["id"], r["id"]]),
            date=date, date_precision="day", confidence=0.9,
        )
        doc.events = [ev]
        docs.append(doc)
    return docs


_TO_LAM = {"name": "Tô Lâm", "country": "VNM", "sector": "GOV", "code": "VNMGOV", "id": "P_to_lam"}
_XI = {"name": "Xi Jinping", "country": "CHN", "sector": "GOV", "code": "CHNGOV", "id": "P_xi_jinping"}

#: One visit reported in three languages whose events did not merge (a meeting, an agreement, a
#: cooperation pledge): a story only through shared people, dyad and days.
#: (lang, pub_date, site, title, sentence, trigger, actor, recipient, type, cameo, goldstein, quad)
STORY_CODED: list[tuple[Any, ...]] = [
    ("en", "2024-08-19", "story-en.example", "To Lam meets Xi in Beijing",
     "Vietnamese leader To Lam met Xi Jinping in Beijing on Monday.", "met",
     (_TO_LAM, "To Lam"), (_XI, "Xi Jinping"), "CONSULT", "040", 1.0, 1),
    ("zh", "2024-08-19", "story-zh.example", "习近平同苏林会谈",
     "习近平19日同苏林举行会谈，双方同意深化合作。", "同意",
     (_XI, "习近平"), (_TO_LAM, "苏林"), "AGREE", "030", 4.0, 1),
    ("vi", "2024-08-20", "story-vi.example", "Tổng Bí thư Tô Lâm thăm Trung Quốc",
     "Tổng Bí thư Tô Lâm và Chủ tịch Tập Cận Bình cam kết hợp tác về đường sắt.", "hợp tác",
     (_TO_LAM, "Tô Lâm"), (_XI, "Tập Cận Bình"), "COOPERATE", "060", 6.0, 2),
]


def story_documents() -> list[Document]:
    """The documents of :data:`STORY_CODED`."""
    docs = []
    for i, (lang, date, site, title, sent, trig, (a, a_text), (r, r_text), etype, cameo, gold, quad) in enumerate(
            STORY_CODED):
        text = f"{title}\n\n{sent}"
        start = len(title) + 2
        doc = Document(
            id=Document.make_id(f"serve-story-{i}\n{text}"), source=f"serve-story/{i}.txt", raw_text=text,
            url=f"https://{site}/{i}", site=site, title=title, text=text, lang=lang, lang_confidence=1.0,
            pub_date=dt.date.fromisoformat(date), pub_date_precision="day", pub_date_source="test",
        )
        ts = start + sent.index(trig)
        doc.events = [Event(
            doc_id=doc.id, lang=lang, event=etype, cameo=cameo, goldstein=gold, quad_class=quad,
            actor={**a, "text": a_text}, recipient={**r, "text": r_text},
            evidence=Evidence(sent, start, start + len(sent), trig, ts, ts + len(trig)),
            provenance=Provenance("coder.rules.v1", f"test.{etype.lower()}", [a["id"], r["id"]]),
            date=date, date_precision="day", confidence=0.9,
        )]
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------- store and server


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store filled by the real pipeline (demo slice) and by hand-coded documents."""
    from detente.cli import ingest_paths
    from detente.options import Options
    from detente.pipeline import RunSummary
    from detente.store import open_store

    db = str(tmp_path_factory.mktemp("serve") / "serve.db")
    paths = [CORPUS_DIR / f for f in CORPUS_FILES if (CORPUS_DIR / f).exists()]
    ingest_paths(paths, db, Options())
    with open_store(db) as store:
        store.ingest(iter(hand_coded_documents()), RunSummary(), config={"source": "tests/serve hand-coded"})
        store.ingest(story_documents(), config={"source": "tests/serve story"})
    return db


@pytest.fixture(scope="session")
def store(store_db: str) -> Iterator[Any]:
    """The store, opened in the test process (to compare the API's answers with)."""
    from detente.store import open_store

    with open_store(store_db) as st:
        yield st


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(db: str, log: Path) -> Iterator[str]:
    """``detente serve --db DB`` in a subprocess on a free port; yields its base URL; always stops it."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _attempt in range(3):
        port = _free_port()
        with log.open("wb") as fh:
            proc = subprocess.Popen(
                [sys.executable, "-m", "detente.cli", "serve", "--db", db, "--host", "127.0.0.1",
                 "--port", str(port), "--log-level", "warning"],
                stdout=fh, stderr=subprocess.STDOUT, env=env,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            up = False
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if httpx.get(base + "/api/health", timeout=1.0).status_code == 200:
                        up = True
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            if up:
                yield base
                return
            if proc.poll() is None:
                raise RuntimeError(f"server did not answer in {STARTUP_TIMEOUT_S}s: {log.read_text()[-2000:]}")
            if "address already in use" not in log.read_text().lower():
                raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)
    raise RuntimeError("could not find a free port for the server")


@pytest.fixture(scope="session")
def server(store_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real server over the test store (stopped at the end of the session)."""
    with running_server(store_db, tmp_path_factory.mktemp("serve-log") / "server.log") as base:
        yield base


@pytest.fixture(scope="session")
def http(server: str) -> Iterator[Any]:
    """An httpx client on the test server."""
    with httpx.Client(base_url=server, timeout=30.0) as client:
        yield client


@pytest.fixture(scope="session")
def story_docs() -> list[Document]:
    """The documents of the multilingual story (as stored)."""
    return story_documents()


def roundtrip(data: Any) -> Any:
    """A store answer as it looks after JSON encoding (dates → ISO strings)."""
    from detente.serve.jsonutil import dumps

    return json.loads(dumps(data))


@pytest.fixture(scope="session")
def as_json() -> Any:
    """The :func:`roundtrip` helper, as a fixture (test modules do not import conftest)."""
    return roundtrip
