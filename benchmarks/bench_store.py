"""Store benchmark: insert speed (events/s) and dyad-timeline query time over generated events.

Run::

    .venv/bin/python benchmarks/bench_store.py                   # 1 M events, SQLite in a temp dir
    .venv/bin/python benchmarks/bench_store.py --events 100000   # quicker
    .venv/bin/python benchmarks/bench_store.py --db "$DETENTE_TEST_PG_URL"   # PostgreSQL

Goals (issue #6): >= 20 000 events/s insert, <= 150 ms dyad timeline on SQLite at 1 M events.
``--persons 0.3`` makes 30 % of the events meet persons (five per country) instead of states, so
that story signatures (shared dyad + specific actor) are written and looked up too.

What is measured:

* **insert**: :meth:`Store.ingest` of generated processed documents (3 events each on average;
  about a third of the events are repeated reports of an earlier event, so the dedup merge path
  runs), in the default batches. Time spent *generating* the documents is measured separately and
  subtracted. Baseline, measured in the same run on the same machine: a plain ``executemany``
  insert of the same event rows (id, dyad, day, type, QuadClass, Goldstein, record JSON) into a
  bare table without indexes — the floor cost of writing the data at all.
* **timeline**: :meth:`Store.timeline` for the busiest dyad and a mid-table dyad, by month and
  by week (median of repeated runs). Baseline: the same aggregate over the bare table (no index:
  a full scan), the cost without the store's covering index.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from detente.records import Document, Event, Evidence, Provenance
from detente.store import open_store

COUNTRIES = [
    "USA", "CHN", "RUS", "UKR", "IND", "JPN", "KOR", "PRK", "VNM", "PHL", "TWN", "IRN", "ISR", "PSE", "SAU",
    "TUR", "DEU", "FRA", "GBR", "ITA", "ESP", "POL", "BRA", "MEX", "ARG", "ZAF", "NGA", "EGY", "ETH", "KEN",
    "PAK", "AFG", "IDN", "MYS", "THA", "MMR", "KHM", "LAO", "SGP", "AUS", "NZL", "CAN", "CUB", "VEN", "COL",
    "SYR", "IRQ", "YEM", "QAT", "ARE",
]
TYPES = [("CONSULT", "040", 1.0, 1), ("AGREE", "030", 4.0, 1), ("SUPPORT", "051", 3.4, 1),
         ("COOPERATE", "060", 6.0, 2), ("AID", "070", 7.0, 2), ("REQUEST", "100", -5.0, 3),
         ("ACCUSE", "112", -2.0, 3), ("REJECT", "120", -4.0, 3), ("THREATEN", "130", -4.4, 3),
         ("PROTEST", "141", -6.5, 3), ("SANCTION", "163", -8.0, 4), ("ASSAULT", "190", -10.0, 4)]
LANGS = ["en", "zh", "vi", "es", "fr", "ru", "ar"]
START = dt.date(2015, 1, 1)
DAYS = 10 * 365


def _actor(c: str, person: int | None = None) -> dict[str, str]:
    if person is not None:  # one of five leaders of the country: a specific actor for story signatures
        return {"text": f"Leader {person} of {c}", "name": f"Leader {person} of {c}", "country": c, "sector": "GOV",
                "code": c + "GOV", "id": f"P_leader_{person}_{c.lower()}"}
    return {"text": c, "name": c, "country": c, "sector": "GOV", "code": c + "GOV", "id": "state:" + c}


class Generator:
    """Generated processed documents; a Zipf-like dyad distribution (USA-CHN busiest)."""

    def __init__(self, n_events: int, seed: int = 1, persons: float = 0.0) -> None:
        self.n = n_events
        self.persons = persons
        self.rng = random.Random(seed)
        w = [1 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
        self.weights = w
        self.seconds = 0.0
        self.cpu = 0.0
        self.rows: list[tuple[str, str, str, str, int, float, str]] = []  # for the baseline

    def _pair(self) -> tuple[str, str]:
        a, r = self.rng.choices(COUNTRIES, self.weights, k=2)
        while r == a:
            r = self.rng.choices(COUNTRIES, self.weights, k=1)[0]
        return a, r

    def docs(self, keep_rows: bool = False) -> Iterator[Document]:
        rng = self.rng
        made = 0
        i = 0
        recent: list[tuple[str, str, tuple[str, str, float, int], dt.date]] = []
        persons = self.persons
        while made < self.n:
            t0, c0 = time.perf_counter(), time.process_time()
            pub = START + dt.timedelta(days=int(i * DAYS / (self.n / 3)))
            lang = rng.choice(LANGS)
            site = f"site{rng.randrange(300)}"
            k = min(self.n - made, rng.randint(1, 5))
            sents = []
            for j in range(k):
                if recent and rng.random() < 0.33:
                    a, r, ty, day = rng.choice(recent[-30:])
                else:
                    a, r = self._pair()
                    ty = rng.choice(TYPES)
                    day = pub - dt.timedelta(days=rng.randint(0, 2))
                    recent.append((a, r, ty, day))
                sents.append((f"S{j} {a} {ty[0]} {r} {day}.", a, r, ty, day))
            text = f"Report {i}. " + " ".join(s[0] for s in sents)
            doc = Document(id=Document.make_id(f"{i}|{text}"), source=f"gen:{i}", raw_text=text, text=text, lang=lang,
                           site=site, url=f"https://{site}.example/{i}", pub_date=pub, title=f"Report {i}")
            pos = len(f"Report {i}. ")
            for s, a, r, (ev, cameo, g, q), day in sents:
                pa = pr = None
                if persons and rng.random() < persons:
                    pa, pr = rng.randrange(5), rng.randrange(5)
                e = Event(doc_id=doc.id, lang=lang, event=ev, cameo=cameo, goldstein=g, quad_class=q,
                          actor=_actor(a, pa), recipient=_actor(r, pr), date=day.isoformat(), date_precision="day",
                          symmetric=ev == "CONSULT", confidence=0.9,
                          evidence=Evidence(sentence=s, start=pos, end=pos + len(s), trigger=ev.lower()),
                          provenance=Provenance(coder="coder.rules.v1", lexicon_entry="gen", actor_entries=[]))
                pos += len(s) + 1
                doc.events.append(e)
                if keep_rows:
                    self.rows.append((e.id, "-".join(sorted((a, r))), day.isoformat(), ev, q, g,
                                      json.dumps(e.to_dict())))
            made += k
            i += 1
            self.seconds += time.perf_counter() - t0
            self.cpu += time.process_time() - c0
            yield doc


def baseline_insert(path: Path, rows: list[tuple[str, str, str, str, int, float, str]]) -> tuple[float, float]:
    """Seconds (wall, CPU) for a plain executemany of the rows into a bare SQLite table (WAL, one
    commit per 1000 rows)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE bare (id TEXT, dyad TEXT, day TEXT, event TEXT, quad INTEGER, goldstein REAL, "
                "record TEXT)")
    t0, c0 = time.perf_counter(), time.process_time()
    for k in range(0, len(rows), 1000):
        con.executemany("INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?)", rows[k:k + 1000])
        con.commit()
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    con.close()
    return secs, cpu


def baseline_timeline(path: Path, dyad: str) -> float:
    con = sqlite3.connect(path)
    t0 = time.perf_counter()
    con.execute("SELECT substr(day, 1, 7), event, quad, count(*), avg(goldstein) FROM bare WHERE dyad = ? "
                "GROUP BY 1, 2, 3", (dyad,)).fetchall()
    secs = time.perf_counter() - t0
    con.close()
    return secs


def timed(fn, repeat: int = 9) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm the cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="store path or URL (default: a SQLite file in a temp dir)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--batch", type=int, default=None, help="documents per transaction (default: the store's)")
    ap.add_argument("--persons", type=float, default=0.0,
                    help="share of events between persons (specific actors: story signatures) instead of states")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (store and baseline files)")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="profile the insert (cProfile; slows it about 2x) and print its N costliest functions")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="detente-bench-"))
    db = args.db or str(tmp / "bench.db")
    is_sqlite = not db.startswith("postgres")
    gen = Generator(args.events, persons=args.persons)
    print(f"store benchmark: {args.events:,} events into {db}", flush=True)
    with open_store(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        kw = {"batch_size": args.batch} if args.batch else {}
        prof = cProfile.Profile() if args.profile else None
        if prof is not None:
            prof.enable()
        stats = store.ingest(gen.docs(keep_rows=not args.no_baseline), **kw)
        if prof is not None:
            prof.disable()
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
        store_secs = total - gen.seconds
        n = stats.mentions
        eps = n / store_secs
        store_cpu = max(cpu - gen.cpu, 1e-9)
        print(f"insert: {n:,} events ({stats.events_new:,} distinct, {stats.events_merged:,} merged) from "
              f"{stats.documents:,} documents in {store_secs:.1f} s (+{gen.seconds:.1f} s generating) "
              f"= {eps:,.0f} events/s (goal >= 20,000); CPU {store_cpu:.1f} s "
              f"= {n / store_cpu:,.0f} events per CPU-second; {stats.stories:,} stories "
              f"({stats.stories_linked:,} documents joined one by signature)", flush=True)
        if prof is not None:
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
            print("insert profile (own time, generator included):\n" + out.getvalue().split("\n\n", 1)[-1].strip(),
                  flush=True)
        base_eps = None
        if not args.no_baseline:
            bsecs, bcpu = baseline_insert(tmp / "baseline.db", gen.rows)
            base_eps = len(gen.rows) / bsecs
            base_cpu = len(gen.rows) / max(bcpu, 1e-9)
            print(f"  baseline executemany into a bare table: {base_eps:,.0f} rows/s, {base_cpu:,.0f} rows per "
                  f"CPU-second; store/baseline = {eps / base_eps:.3f} (wall), {n / store_cpu / base_cpu:.3f} (CPU)",
                  flush=True)
            gen.rows.clear()
        dyads = store.dyads(limit=None)
        top, mid = dyads[0]["dyad"], dyads[len(dyads) // 2]["dyad"]
        for dyad in (top, mid):
            cnt = next(d["events"] for d in dyads if d["dyad"] == dyad)
            for interval in ("month", "week"):
                secs = timed(lambda dyad=dyad, interval=interval: store.timeline(dyad, interval=interval))
                line = (f"timeline {dyad} ({cnt:,} events) by {interval}: {secs * 1000:.1f} ms "
                        f"(goal <= 150 ms)")
                if not args.no_baseline and is_sqlite and interval == "month":
                    b = timed(lambda dyad=dyad: baseline_timeline(tmp / "baseline.db", dyad), repeat=3)
                    line += f"; bare-table scan {b * 1000:.1f} ms, store/baseline = {secs / b:.3f}"
                print(line, flush=True)
        side = top.split("-")[0]
        for label, fn in ((f"events({top}, limit=100)", lambda: store.events(dyad=top, limit=100)),
                          (f"timeline({side}) one side, by month", lambda: store.timeline(side)),
                          (f"timeline({top}, directed) by month", lambda: store.timeline(top, directed=True)),
                          ("events(limit=100)", lambda: store.events(limit=100)),
                          ("dyads(20)", lambda: store.dyads(20)), ("stats()", store.stats),
                          ("stories(limit=20)", lambda: store.stories(limit=20)),
                          ("story(largest)", lambda: store.story(store.stories(limit=1)[0]["id"]))):
            secs = timed(fn, repeat=5)
            print(f"{label}: {secs * 1000:.1f} ms", flush=True)
        print(f"stats: {store.stats()}", flush=True)
    if is_sqlite:
        size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
        print(f"database size: {size / 1e6:.0f} MB", flush=True)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)  # a 1 M-event store is ~1.7 GB
    return 0


if __name__ == "__main__":
    sys.exit(main())
