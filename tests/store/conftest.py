"""Store fixtures: multilingual documents built directly from records, and a store per backend.

The documents are made here from :class:`detente.records.Document` and :class:`Event` (no NLP
pipeline): the Blinken–Qin Gang talks in Beijing (18–19 June 2023) reported in English, Chinese
and Vietnamese by several sites, a different later meeting of the same pair (Wang Yi in
Washington, 26 October 2023), an April 2021 republication of a March 2021 Anchorage report, a
verbatim content-farm copy under unrelated site names and a casino site, and a machine-translated
page with misspelt names and a name in a role he did not hold.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from detente.records import ActorMention, Document, Event, Evidence, Provenance, RemovedSpan

PG_URL = os.environ.get("DETENTE_TEST_PG_URL")

USA = {"text": "U.S.", "name": "United States", "country": "USA", "sector": "GOV", "code": "USAGOV", "id": "state:USA"}
CHN = {"text": "China", "name": "China", "country": "CHN", "sector": "GOV", "code": "CHNGOV", "id": "state:CHN"}
BLINKEN = {"text": "Blinken", "name": "Antony Blinken", "country": "USA", "sector": "GOV", "code": "USAGOV",
           "id": "person:blinken"}
QIN = {"text": "Qin Gang", "name": "Qin Gang", "country": "CHN", "sector": "GOV", "code": "CHNGOV", "id": "person:qin_gang"}
WANG = {"text": "Wang Yi", "name": "Wang Yi", "country": "CHN", "sector": "GOV", "code": "CHNGOV", "id": "person:wang_yi"}
RUS = {"text": "Russia", "name": "Russia", "country": "RUS", "sector": "GOV", "code": "RUSGOV", "id": "state:RUS"}
UKR = {"text": "Ukraine", "name": "Ukraine", "country": "UKR", "sector": "GOV", "code": "UKRGOV", "id": "state:UKR"}
BEIJING = {"text": "Beijing", "name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4}
WASHINGTON = {"text": "Washington", "name": "Washington", "country": "USA", "lat": 38.9, "lon": -77.04}
ANCHORAGE = {"text": "Anchorage", "name": "Anchorage", "country": "USA", "lat": 61.2, "lon": -149.9}


def make_event(doc_id: str, lang: str, sentence: str, trigger: str, *, event: str = "CONSULT", cameo: str = "040",
               goldstein: float = 1.0, quad: int = 1, actor: dict[str, Any] | None = None,
               recipient: dict[str, Any] | None = None, date: str | None = None, precision: str | None = "day",
               location: dict[str, Any] | None = None, mode: str | None = None, start: int = 0,
               confidence: float = 0.9, symmetric: bool = True) -> Event:
    """One coded event with evidence at ``start`` in the document text."""
    t = sentence.find(trigger)
    return Event(
        doc_id=doc_id, lang=lang, event=event, cameo=cameo, goldstein=goldstein, quad_class=quad,
        actor=actor, recipient=recipient, mode=mode, symmetric=symmetric, location=location,
        date=date, date_precision=precision if date else None, confidence=confidence,
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence), trigger=trigger,
                          trigger_start=start + t, trigger_end=start + t + len(trigger)),
        provenance=Provenance(coder="coder.rules.v1", lexicon_entry=f"{lang}.{event.lower()}.test",
                              actor_entries=[x["id"] for x in (actor, recipient) if x]),
    )


def make_doc(text: str, *, lang: str, site: str, url: str, pub: str, title: str | None = None,
             events: list[tuple[str, str, dict[str, Any]]] | None = None, raw_extra: str = "",
             mentions: list[ActorMention] | None = None, salt: str = "") -> Document:
    """A processed document: ``events`` are (sentence, trigger, make_event kwargs) found in ``text``."""
    raw = text + raw_extra
    doc = Document(id=Document.make_id(raw + salt + url), source=url, raw_text=raw, url=url, site=site,
                   title=title or text.split("\n")[0][:80], text=text, lang=lang,
                   lang_confidence=0.99, pub_date=dt.date.fromisoformat(pub), pub_date_precision="day",
                   pub_date_source="test")
    if raw_extra:
        doc.removed = [RemovedSpan(len(text), len(raw), "furniture.test", raw_extra)]
    doc.mentions = mentions or []
    for sentence, trigger, kw in events or []:
        start = text.find(sentence)
        assert start >= 0, sentence
        doc.events.append(make_event(doc.id, lang, sentence, trigger, start=start, **kw))
    return doc


def beijing_talks() -> list[Document]:
    """The June 2023 Blinken–Qin talks in Beijing: 3 languages, 5 sites, plus a meeting with Xi."""
    en1 = "Blinken met Qin Gang in Beijing on Sunday for talks on the relationship."
    en2 = "U.S. Secretary of State Antony Blinken held talks with Chinese Foreign Minister Qin Gang in Beijing."
    zh = "美国国务卿布林肯18日在北京同中国外交部长秦刚举行会谈。"
    vi = "Ngoại trưởng Mỹ Antony Blinken hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh ngày 18/6."
    vi2 = "Hôm 18/6, ông Blinken đã gặp ông Tần Cương ở Bắc Kinh."
    loc_zh = {**BEIJING, "text": "北京"}
    loc_vi = {**BEIJING, "text": "Bắc Kinh"}
    ev = {"actor": BLINKEN, "recipient": QIN, "date": "2023-06-18", "location": BEIJING}
    return [
        make_doc(f"Blinken in Beijing\n\n{en1} The talks lasted more than seven hours.", lang="en", site="Reuters",
                 url="https://www.reuters.com/world/blinken-beijing-2023-06-18/", pub="2023-06-18",
                 events=[(en1, "met", ev)]),
        make_doc(f"Blinken, Qin hold talks\n\n{en2} Both sides called the talks candid.", lang="en", site="AP News",
                 url="https://apnews.com/article/blinken-china-qin-talks", pub="2023-06-19",
                 events=[(en2, "held talks", {**ev, "actor": QIN, "recipient": BLINKEN, "date": "2023-06-19"})]),
        make_doc(f"布林肯访华\n\n{zh}双方进行了坦诚深入的沟通。", lang="zh", site="新华网",
                 url="http://www.news.cn/world/2023-06/18/c_1129704123.htm", pub="2023-06-18",
                 events=[(zh, "会谈", {**ev, "location": loc_zh})]),
        make_doc(f"Ngoại trưởng Mỹ thăm Trung Quốc\n\n{vi} Hai bên thảo luận nhiều vấn đề.", lang="vi", site="VnExpress",
                 url="https://vnexpress.net/ngoai-truong-my-tham-trung-quoc-4618000.html", pub="2023-06-19",
                 events=[(vi, "hội đàm", {**ev, "location": loc_vi})]),
        make_doc(f"Blinken gặp Tần Cương\n\n{vi2} Cuộc gặp kéo dài hơn bảy giờ.", lang="vi", site="Tuổi Trẻ",
                 url="https://tuoitre.vn/blinken-gap-tan-cuong-2023061812.htm", pub="2023-06-18",
                 events=[(vi2, "gặp", {**ev, "actor": USA, "recipient": CHN, "location": loc_vi,
                                      "date": "2023-06", "precision": "month"})]),
    ]


def later_meeting() -> Document:
    """A genuinely different, later meeting of the same pair: Wang Yi in Washington, October 2023."""
    s = "Blinken met Chinese Foreign Minister Wang Yi in Washington on Thursday."
    return make_doc(f"Wang Yi in Washington\n\n{s} They discussed a summit.", lang="en", site="Reuters",
                    url="https://www.reuters.com/world/wang-yi-washington-2023-10-26/", pub="2023-10-26",
                    events=[(s, "met", {"actor": BLINKEN, "recipient": WANG, "date": "2023-10-26",
                                        "location": WASHINGTON})])


def anchorage(pub: str, site: str, url: str, salt: str = "") -> Document:
    """A report of the Anchorage talks (18 March 2021), published on ``pub``."""
    s = "Blinken and Yang Jiechi traded sharp words at the talks in Anchorage on March 18."
    yang = {"text": "Yang Jiechi", "name": "Yang Jiechi", "country": "CHN", "sector": "GOV", "code": "CHNGOV",
            "id": "person:yang_jiechi"}
    return make_doc(f"Anchorage talks\n\n{s} The meeting set a tense tone{salt}.", lang="en", site=site, url=url, pub=pub,
                    events=[(s, "traded sharp words", {"event": "ACCUSE", "cameo": "112", "goldstein": -2.0,
                                                      "quad": 3, "actor": BLINKEN, "recipient": yang,
                                                      "date": "2021-03-18", "location": ANCHORAGE,
                                                      "symmetric": True})])


def farm_copies(original: Document) -> list[Document]:
    """The same cleaned text under unrelated site names, and on a casino site."""
    out = []
    for site, url in (("World News Daily 24", "https://worldnewsdaily24.info/blinken-beijing"),
                      ("Best Casino Online", "https://best-casino-online.example/news/blinken-beijing")):
        d = make_doc(original.text, lang=original.lang or "en", site=site, url=url,
                     pub=(original.pub_date + dt.timedelta(days=1)).isoformat(), salt=site,
                     raw_extra="\nPlay now! Top slots bonus. " * 3)
        for e in original.events:
            d.events.append(make_event(d.id, e.lang, e.evidence.sentence, e.evidence.trigger, start=e.evidence.start,
                                       actor=e.actor, recipient=e.recipient, date=e.date, location=e.location))
        out.append(d)
    return out


def garbled_page() -> Document:
    """A machine-translated page: misspelt known names and a name in a role he did not hold."""
    text = ("Secretary of country Antony Brinken meet together with Foreign Minister Wang Yi of the outside "
            "in Beijing on 18 June. The both sides said that said the talks were useful.")
    s = text.split(". ")[0] + "."
    def at(phrase: str) -> tuple[int, int, str]:
        i = text.index(phrase)
        return i, i + len(phrase), phrase

    m = [
        ActorMention(*at("Secretary of country Antony Brinken"), "person:blinken", "Antony Blinken", "USA", "GOV",
                     "USAGOV", kind="person", fuzzy=True),
        ActorMention(*at("Foreign Minister"), "person:qin_gang", "Qin Gang", "CHN", "GOV", "CHNGOV", kind="role",
                     role_entry="role:chn_fm:qin_gang"),
        ActorMention(*at("Wang Yi"), "person:wang_yi", "Wang Yi", "CHN", "GOV", "CHNGOV", kind="person"),
    ]
    return make_doc(text, lang="en", site="Global Times Online News", url="https://gtonlinenews.example/brinken",
                    pub="2023-06-20", mentions=m,
                    events=[(s, "meet together", {"actor": BLINKEN, "recipient": WANG, "date": "2023-06-18",
                                                  "location": BEIJING, "confidence": 0.8})])


def unrelated() -> Document:
    """A different dyad on the same days (must never merge with the Beijing talks)."""
    s = "Russia accused Ukraine of shelling the plant on June 18."
    return make_doc(f"Plant shelled\n\n{s}", lang="en", site="BBC", url="https://www.bbc.com/news/plant", pub="2023-06-18",
                    events=[(s, "accused", {"event": "ACCUSE", "cameo": "112", "goldstein": -2.0, "quad": 3,
                                            "actor": RUS, "recipient": UKR, "date": "2023-06-18", "symmetric": False})])


def corpus() -> list[Document]:
    """All fixture documents."""
    talks = beijing_talks()
    return [
        *talks, later_meeting(), *farm_copies(talks[0]), garbled_page(), unrelated(),
        anchorage("2021-03-18", "CNN", "https://edition.cnn.com/2021/03/18/politics/anchorage"),
        anchorage("2021-04-22", "Daily Politics Review", "https://dailypoliticsreview.example/anchorage", salt=" again"),
    ]


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A fresh store URL per backend: a SQLite file, or a new schema-less database on PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    if not PG_URL:
        pytest.skip("DETENTE_TEST_PG_URL is not set (start PostgreSQL with scripts/postgres.sh)")
    import psycopg

    name = "detente_t_" + uuid.uuid4().hex[:10]
    with psycopg.connect(PG_URL, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    """An open store for ``store_url``."""
    from detente.store import open_store

    with open_store(store_url) as s:
        yield s


@pytest.fixture
def fx() -> Any:
    """The fixture builders of this module (tests cannot import conftest under importlib mode)."""
    import types

    return types.SimpleNamespace(
        make_doc=make_doc, make_event=make_event, beijing_talks=beijing_talks, later_meeting=later_meeting,
        anchorage=anchorage, farm_copies=farm_copies, garbled_page=garbled_page, unrelated=unrelated,
        corpus=corpus, USA=USA, CHN=CHN, BLINKEN=BLINKEN, QIN=QIN, WANG=WANG, BEIJING=BEIJING,
        WASHINGTON=WASHINGTON, RUS=RUS, UKR=UKR, synthetic_docs=synthetic_docs, build_old_store=build_old_store,
        store_v10_rows=store_v10_rows, store_v10_docs=store_v10_docs,
    )


COUNTRIES = ["USA", "CHN", "RUS", "UKR", "VNM", "JPN", "KOR", "PRK", "IND", "FRA", "DEU", "GBR", "IRN", "ISR"]
SITES = ["Reuters", "AP News", "BBC", "新华网", "VnExpress", "Tuổi Trẻ", "Le Monde", "NHK"]


def synthetic_docs(n: int, seed: int = 7) -> list[Document]:
    """``n`` generated documents with 1–3 events each over many dyads and dates; about a third
    report an event of an earlier document again (so merges happen across batches)."""
    import random

    rng = random.Random(seed)
    docs: list[Document] = []
    reported: list[tuple[str, str, str, str]] = []
    base = dt.date(2022, 1, 1)
    for i in range(n):
        pub = base + dt.timedelta(days=i // 3)
        site = SITES[i % len(SITES)]
        lang = {"新华网": "zh", "VnExpress": "vi", "Tuổi Trẻ": "vi", "Le Monde": "fr", "NHK": "ja"}.get(site, "en")
        sents: list[tuple[str, str, dict[str, Any]]] = []
        for k in range(rng.randint(1, 3)):
            if reported and rng.random() < 0.35:
                a, r, ev, day = rng.choice(reported[-30:])
            else:
                a, r = rng.sample(COUNTRIES, 2)
                ev = rng.choice(["CONSULT", "ACCUSE", "AID", "SANCTION"])
                day = (pub - dt.timedelta(days=rng.randint(0, 1))).isoformat()
                reported.append((a, r, ev, day))
            s = f"sentence {k} of report {i}: {a} and {r} ({ev}) on {day}."  # lower case: no name checks
            sents.append((s, ev, {"event": ev, "actor": {**USA, "country": a, "code": a + "GOV", "id": "state:" + a},
                                  "recipient": {**CHN, "country": r, "code": r + "GOV", "id": "state:" + r},
                                  "date": day, "symmetric": ev == "CONSULT"}))
        text = f"report {i}\n\n" + " ".join(s for s, _, _ in sents)
        docs.append(make_doc(text, lang=lang, site=site, url=f"https://example.org/{i}", pub=pub.isoformat(),
                             events=sents))
    return docs


#: The rows a version-10 store held after ingesting :func:`corpus` and :func:`synthetic_docs`
#: (built by ``data/make_store_v10.py`` with the version-10 store code).
STORE_V10 = os.path.join(os.path.dirname(__file__), "data", "store_v10.json")


def store_v10_rows() -> dict[str, list[dict[str, Any]]]:
    """The table rows of :data:`STORE_V10`."""
    import json

    with open(STORE_V10, encoding="utf-8") as f:
        return json.load(f)


def store_v10_docs() -> list[tuple[list[Document], int]]:
    """The documents behind :data:`STORE_V10`, with the batch size each group was ingested in."""
    return [(corpus(), 4), (synthetic_docs(40), 10)]


def build_old_store(url: str, version: int, skip: tuple[str, ...] = ()) -> None:
    """A store at schema ``version`` (8, 9 or 10) holding the rows of :data:`STORE_V10` (less the
    ``skip`` tables), as an older release left it: the registered migrations up to ``version``,
    then the rows, then (SQLite) the full-text indexes as that version's writer filled them."""
    from sqlalchemy import create_engine, text

    from detente.store import schema
    from detente.store.core import _url

    eng = create_engine(_url(url))
    rows = store_v10_rows()
    with eng.begin() as c:
        schema.schema_version.create(c)
        for m in schema.MIGRATIONS[:version]:
            m.apply(c)
            c.execute(schema.schema_version.insert().values(version=m.version, name=m.name, applied_at="x"))
        for table, rs in rows.items():
            if table in skip or not rs:
                continue
            cols = list(rs[0])
            c.execute(text(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(':' + k for k in cols)})"), rs)
        if c.dialect.name == "postgresql":
            c.execute(text("SELECT setval(pg_get_serial_sequence('runs', 'id'), (SELECT max(id) FROM runs))"))
        elif version >= 9:  # from version 9 the writer indexed new documents itself (no insert triggers)
            cjk = "(" + ", ".join(f"'{x}'" for x in schema.CJK_LANGS) + ")"
            c.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"))
            c.execute(text("INSERT INTO documents_fts_cjk(documents_fts_cjk) VALUES ('delete-all')"))
            c.execute(text("INSERT INTO documents_fts_cjk(rowid, title, text) SELECT rowid, title, text FROM documents "
                           f"WHERE lang IN {cjk}"))
    eng.dispose()
