"""Generate the benchmark corpus deterministically: plain text, HTML and WARC variants.

    python benchmarks/make_corpus.py --articles 20000 --out benchmarks/corpus/v2-n20000
    python benchmarks/make_corpus.py --stats benchmarks/corpus/v2-n2000   # realism figures

Version 2 (``CORPUS_VERSION``). Articles mix the seven coded languages (``LANG_WEIGHTS``); the
same seed always gives byte-identical files. Templates: ``benchmarks/corpus_templates.json``
(original team text: 34 event templates covering the 16 PLOVER types and 44 filler sentences per
language, with named office holders, attribution, subordinate clauses, numbers and dates).

The corpus is calibrated on measurable properties of real news text, never on speed. Figures and
their sources (measured with ``detente``'s own sentence splitter and coder, ``--stats``):

* **Sentence length** (characters, mean, as the détente splitter measures whole articles,
  headlines and furniture lines included: ``TARGET_SENTENCE_CHARS``). Reached by the
  templates, a trailing clause on event sentences (attribution, context; probability
  ``TAIL_P[lang]``) and compound filler sentences (two fillers joined, ``JOIN_P[lang]``):

  ====  ======  =====================================================================
  lang  target  source
  ====  ======  =====================================================================
  en    ~140    /work/shared/samples (the en article: 129); gold-dev petrarch2_unittest
                128, up_validate_records 126, plover_gsr_dev 162; gold/en_team_dev 147
  zh    ~36     samples (the zh article: 35); gold/zh_dev 36
  vi    ~160    samples (the two vi articles: 157 and 178); gold/vi_dev 120
  es    ~190    gold-dev up_spanish_fight 175, up_spanish_protest_plover 227 (one
                sentence per record; event sentences)
  ar    ~170    gold-dev arabic_event_gsr 187 (event sentences; whole articles run
                ~8 % shorter, as en does: 129 in the article against ~140 in gold)
  fr    ~150    not measured (no French sample here): typical published figures for
                French news prose, ~20–25 words a sentence at ~6 characters a word
                (space included)
  ru    ~135    not measured (no Russian sample here): typical published figures for
                Russian news prose, ~15–18 words a sentence at ~7.5 characters a word
                (space included)
  ====  ======  =====================================================================

* **Article length**: body length in English-word equivalents drawn from a log-normal with
  median 520 words and sigma 0.45, clipped to [150, 1500] (10th–90th percentile ~290–930
  words: the usual 300–900-word range of wire and news-site articles; the real samples sit at
  the long end, ~1,000 en words and 1,200–1,600 vi words). Words become sentences at 23.5 words
  a sentence (measured: gold/en_team_dev 23.5, plover_gsr 25.2 words/sentence), so all
  languages carry the same content per article and differ only by their own sentence length
  (a zh article is ~4x shorter in characters than an en one, as in the samples).
* **Event-sentence share**: ``EVENT_SHARE`` = 0.20 of body sentences come from event templates
  (measured: 21 % of the sentences of the four real samples carry >= 1 coded event: 40 of
  193). The lede is an event sentence with probability ``LEDE_EVENT_P`` (news ledes report an
  event), the rest are drawn so that the article's expected share stays 0.20.
* **Paragraphs**: 1–4 sentences (weights ``PARA_WEIGHTS``), wire style.
* **Furniture**: at head (site name, breadcrumbs, byline, share lines, reading time, ads) 1–4
  lines, at tail 1–6 lines (related lists, "%d bloggers like this:", cookie notices, tags,
  copyright, newsletter), plus a related-articles list (3–8 headlines) in 60 % of articles and a
  long one (10–25 headlines, like the vi sample where furniture is half of the page) in 8 %.
  Real samples: 0–49 % of raw characters removed as furniture.

* **Variety**: templates are drawn without replacement within an article; fillers open with a
  lead-in ("Meanwhile, ", "In Hanoi, ") with probability ``LEAD_P``; slots draw from 20 states,
  ~35 named office holders, 15 places, 12 day expressions and 15 topics per language. 64 % of
  the sentences of v2-n2000 are distinct (v1: 32 %; real text: nearly all).

Measured on v2-n2000 (``--stats``): characters a sentence en 140, zh 36.5, vi 164, es 195,
fr 156, ru 138, ar 165; 3,850 characters an article; 1.15 coded events per 1,000 characters
(en 1.15, zh 4.8, vi 1.2, es 1.3; fr/ru/ar lexicons code little or nothing yet) against 1.84
in the four real samples (en 1.41, zh 5.11, vi 1.6: diplomacy-heavy articles) and 5.5 in v1.

The old corpus (version 1: 8 event templates, 5 fillers, ~56 characters a sentence as the
splitter measures it) lives under ``benchmarks/corpus/n{n}``; version 2 under
``benchmarks/corpus/v2-n{n}`` (see ``corpus_dir``). ``benchmarks/run.py --corpus-version``
picks one.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATES: dict[str, Any] = json.loads((HERE / "corpus_templates.json").read_text(encoding="utf-8"))
LANGS: dict[str, dict[str, Any]] = TEMPLATES["lang"]

#: Bump when the generated text changes: the corpus directory carries it (``corpus_dir``).
CORPUS_VERSION = 2
DEFAULT_SEED = 20261124

#: Share of each language in the corpus (roughly a world-news crawl seen by our users).
LANG_WEIGHTS = {"en": 0.35, "zh": 0.2, "vi": 0.15, "es": 0.1, "fr": 0.07, "ru": 0.07, "ar": 0.06}
SEP = {"zh": "", "en": " ", "vi": " ", "es": " ", "fr": " ", "ru": " ", "ar": " "}

#: Article body length in English-word equivalents: log-normal (median, sigma), clipped.
ARTICLE_WORDS = (520.0, 0.45, 150, 1500)
#: Words per sentence of English news (gold/en_team_dev 23.5, plover_gsr_dev 25.2).
WORDS_PER_SENTENCE = 23.5
#: Share of body sentences drawn from event templates (real samples: 40 / 193 = 0.21).
EVENT_SHARE = 0.20
LEDE_EVENT_P = 0.7
#: Mean characters per sentence aimed at (docstring table), as the détente splitter measures
#: whole articles (headlines and furniture lines included).
TARGET_SENTENCE_CHARS = {"en": 140, "zh": 36, "vi": 160, "es": 190, "fr": 150, "ru": 135, "ar": 170}
#: Probability of a trailing clause, per language, calibrated to the sentence-length targets.
TAIL_P = {"en": 0.35, "zh": 0.3, "vi": 0.7, "es": 0.8, "fr": 0.25, "ru": 0.3, "ar": 1.0}
#: Probability that a filler is joined with a second one (compound sentence), per language.
JOIN_P = {"en": 0.15, "zh": 0.6, "vi": 0.6, "es": 0.55, "fr": 0.2, "ru": 0.3, "ar": 0.9}
#: Probability that a filler opens with a lead-in ("Meanwhile, ", "In Hanoi, "): variety.
LEAD_P = 0.3
#: Sentences per paragraph (1, 2, 3, 4) — wire style.
PARA_WEIGHTS = (0.3, 0.4, 0.22, 0.08)
RELATED_P, LONG_RELATED_P = 0.6, 0.08


def corpus_dir(root: Path, n: int, version: int = CORPUS_VERSION) -> Path:
    """Where the corpus of ``n`` articles of ``version`` lives under ``root`` (v1: ``n{n}``)."""
    return root / (f"n{n}" if version == 1 else f"v{version}-n{n}")


def _number(rng: random.Random, t: dict[str, Any]) -> str:
    """A large number written the way the language's press writes it."""
    v = rng.randint(1, 999) * rng.choice((1, 10, 100))
    s = f"{v:,}"
    return s.replace(",", t["num"]["thousands"])


def _slots(rng: random.Random, t: dict[str, Any], lang: str) -> dict[str, Any]:
    """Fill values for one sentence: subject, second state, other person, place, day, ..."""
    states, people = t["states"], t["people"]
    if rng.random() < 0.55:
        a_id, a = rng.choice(people)
    else:
        x = rng.choice(states)
        a_id, a = x["id"], rng.choice(t["bodies"]).format(X=x)
    b = rng.choice([s for s in states if s["id"] != a_id])
    others = [p for p in people if p[0] == b["id"]] or [p for p in people if p[0] != a_id]
    dec = t["num"]["decimal"]
    return {
        "A": a, "B": b, "C": rng.choice(others)[1], "X": rng.choice(states),
        "p": rng.choice(t["places"]), "d": rng.choice(t["days"]), "q": rng.choice(t["topics"]),
        "m": rng.choice(t["months"]), "n": rng.randint(2, 60), "k": rng.randint(2, 14), "N": _number(rng, t),
        "pct": f"{rng.randint(1, 9)}{dec}{rng.randint(0, 9)}",
    }


_QUOTES = set("\u201c\u201d\"«»„")


def _joinable(s: str) -> bool:
    return s[-1] in ".。" and not (_QUOTES & set(s))


class _Deck:
    """Draws templates without replacement within one article (refilled when empty), so an
    article does not repeat a sentence until it has used the whole list, as real text does."""

    def __init__(self, rng: random.Random, items: list[str]) -> None:
        self.rng, self.items = rng, items
        self.left: list[str] = []

    def draw(self) -> str:
        if not self.left:
            self.left = self.rng.sample(self.items, len(self.items))
        return self.left.pop()


def _lower_first(s: str, lang: str) -> str:
    return s if lang == "zh" else s[0].lower() + s[1:]


def _attributed(s: str, t: dict[str, Any]) -> bool:
    """Whether ``s`` already names its source ("said", "according to", "据", ...)."""
    return any(m in s for m in t["attribution"])


def _sentence(rng: random.Random, t: dict[str, Any], lang: str, event: bool, decks: dict[str, _Deck]) -> str:
    """One event or filler sentence. An event sentence may get a trailing clause (attribution,
    context); a filler may get a lead-in ("Meanwhile, ") and be joined with a second one into a
    compound sentence."""
    slots = _slots(rng, t, lang)
    s = decks["events" if event else "filler"].draw().format_map(slots)
    if event and s[-1] in ".。" and rng.random() < TAIL_P[lang]:
        tail = decks["tails"].draw()
        if _attributed(s, t) and _attributed(tail, t):  # one source per sentence is enough
            tail = rng.choice([x for x in t["tails"] if not _attributed(x, t)])
        s = s[:-1] + tail.format_map(slots) + s[-1]
    elif not event and _joinable(s):
        if rng.random() < LEAD_P:
            s = rng.choice(t["leads"]).format_map(slots) + _lower_first(s, lang)
        if rng.random() < JOIN_P[lang]:
            b = decks["filler"].draw().format_map(_slots(rng, t, lang))
            if _joinable(b):
                s = rng.choice(t["joins"]).format(a=s[:-1], b=_lower_first(b, lang))
    return s if lang == "zh" else s[0].upper() + s[1:]


def _headline(rng: random.Random, t: dict[str, Any], lang: str) -> str:
    slots = _slots(rng, t, lang)
    slots["B"] = rng.choice([s for s in t["states"] if s["id"] != slots["X"]["id"]])
    h = rng.choice(t["headlines"]).format_map(slots)
    return h if lang == "zh" else h[0].upper() + h[1:]


def make_parts(rng: random.Random, i: int) -> dict[str, Any]:
    """One article as parts: lang, date, head furniture, headline, paragraphs, related, tail."""
    lang = rng.choices(list(LANG_WEIGHTS), weights=list(LANG_WEIGHTS.values()))[0]
    t = LANGS[lang]
    year, month, day = rng.choice([2021, 2022, 2023, 2024, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    date_line = t["date_line"].format(year=year, month=month, day=day, month_name=t["months"][month - 1])
    median, sigma, lo, hi = ARTICLE_WORDS
    words = min(hi, max(lo, math.exp(rng.gauss(math.log(median), sigma))))
    n_sent = max(4, round(words / WORDS_PER_SENTENCE))
    p_rest = max(0.0, (EVENT_SHARE * n_sent - LEDE_EVENT_P) / (n_sent - 1))
    decks = {k: _Deck(rng, t[k]) for k in ("events", "filler", "tails")}
    sents = [_sentence(rng, t, lang, rng.random() < (LEDE_EVENT_P if k == 0 else p_rest), decks)
             for k in range(n_sent)]
    paragraphs = []
    while sents:
        k = rng.choices((1, 2, 3, 4), weights=PARA_WEIGHTS)[0]
        paragraphs.append(SEP[lang].join(sents[:k]))
        sents = sents[k:]
    head = rng.sample(t["furniture_head"], rng.randint(1, 4))
    related: list[str] = []
    r = rng.random()
    if r < LONG_RELATED_P:
        related = [rng.choice(t["related_header"])] + [_headline(rng, t, lang) for _ in range(rng.randint(10, 25))]
    elif r < RELATED_P:
        related = [rng.choice(t["related_header"])] + [_headline(rng, t, lang) for _ in range(rng.randint(3, 8))]
    tail = rng.sample(t["furniture_tail"], rng.randint(1, 6))
    return {"lang": lang, "date": f"{year:04d}-{month:02d}-{day:02d}", "date_line": date_line, "head": head,
            "headline": _headline(rng, t, lang), "paragraphs": paragraphs, "related": related, "tail": tail}


def to_text(parts: dict[str, Any]) -> str:
    """The article as a plain-text page dump: head furniture, date, headline, body, related, tail."""
    blocks = [*parts["head"][:1], parts["date_line"], parts["headline"], *parts["head"][1:], *parts["paragraphs"]]
    text = "\n\n".join(blocks)
    if parts["related"]:
        text += "\n\n" + "\n".join(parts["related"])
    return text + "\n\n" + "\n".join(parts["tail"]) + "\n"


def make_article(rng: random.Random, i: int) -> tuple[str, str, str]:
    """One article: (lang, publication date ISO, text)."""
    parts = make_parts(rng, i)
    return parts["lang"], parts["date"], to_text(parts)


def to_html(parts: dict[str, Any], i: int) -> str:
    """The article as a news page: header furniture, article, related aside, footer."""
    from html import escape

    lang, title = parts["lang"], escape(parts["headline"])
    head = "".join(f"<div class='meta'>{escape(x)}</div>" for x in parts["head"])
    body = "".join(f"<p>{escape(p)}</p>" for p in parts["paragraphs"])
    aside = ""
    if parts["related"]:
        items = "".join(f"<li><a href='/a/{i}-{k}'>{escape(h)}</a></li>" for k, h in enumerate(parts["related"][1:]))
        aside = f"<aside><h3>{escape(parts['related'][0])}</h3><ul>{items}</ul></aside>"
    foot = "".join(f"<p>{escape(x)}</p>" for x in parts["tail"])
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="Bench News"><meta property="article:published_time" '
        f'content="{parts["date"]}"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<header>{head}</header><article><h1>{title}</h1><time datetime=\"{parts['date']}\">"
        f"{escape(parts['date_line'])}</time>{body}</article>{aside}<footer>{foot}</footer></body></html>"
    )


def fingerprint(n: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """What a generated corpus depends on: version, size, seed and a hash of the generator and
    its templates (written to ``manifest.json``; a cached corpus with another one is stale)."""
    import hashlib

    h = hashlib.sha256()
    for p in (Path(__file__).resolve(), HERE / "corpus_templates.json"):
        h.update(p.read_bytes())
    return {"version": CORPUS_VERSION, "articles": n, "seed": seed, "generator_sha256": h.hexdigest()}


def generate(n: int, out: Path, seed: int = DEFAULT_SEED, html: bool = True, warc: bool = True) -> dict[str, int]:
    """Write ``n`` articles as ``text/*.txt`` (+ ``html/*.html`` and ``corpus.warc.gz``) and
    ``manifest.json`` (see ``fingerprint``)."""
    rng = random.Random(seed)
    (out / "text").mkdir(parents=True, exist_ok=True)
    if html:
        (out / "html").mkdir(parents=True, exist_ok=True)
    writer = None
    if warc:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        warc_fh = open(out / "corpus.warc.gz", "wb")  # noqa: SIM115
        writer = WARCWriter(warc_fh, gzip=True)
    chars = 0
    for i in range(n):
        parts = make_parts(rng, i)
        lang, text = parts["lang"], to_text(parts)
        chars += len(text)
        (out / "text" / f"{i:06d}_{lang}.txt").write_text(text, encoding="utf-8")
        if html or writer:
            page = to_html(parts, i)
            if html:
                (out / "html" / f"{i:06d}_{lang}.html").write_text(page, encoding="utf-8")
            if writer is not None:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                rec = writer.create_warc_record(f"https://bench.example.test/{i:06d}", "response",
                                                payload=io.BytesIO(page.encode("utf-8")), http_headers=http,
                                                warc_headers_dict={"WARC-Date": f"{parts['date']}T00:00:00Z",
                                                                   "WARC-Record-ID": f"<urn:bench:{seed}:{i:06d}>"})
                writer.write_record(rec)
    if writer is not None:
        warc_fh.close()
    (out / "manifest.json").write_text(json.dumps(fingerprint(n, seed), indent=1) + "\n", encoding="utf-8")
    return {"articles": n, "chars": chars, "version": CORPUS_VERSION}


def realism_stats(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """Measured realism figures of (lang, text) articles, through the détente pipeline:
    characters per sentence (per language), characters per article, furniture share, coded
    events per 1,000 characters and share of sentences carrying an event."""
    from detente.pipeline import Pipeline
    from detente.records import Document

    pipe = Pipeline()
    per: dict[str, dict[str, float]] = {}
    for k, (lang, text) in enumerate(texts):
        doc = pipe.process(Document(id=str(k), source=str(k), raw_text=text))
        s = per.setdefault(lang, {"articles": 0, "raw_chars": 0, "clean_chars": 0, "sent_chars": 0,
                                  "sentences": 0, "events": 0, "event_sentences": 0})
        s["articles"] += 1
        s["raw_chars"] += len(text)
        s["clean_chars"] += len(doc.text or "")
        s["sentences"] += len(doc.sentences)
        s["sent_chars"] += sum(len(x.text) for x in doc.sentences)
        s["events"] += len(doc.events)
        s["event_sentences"] += len({e.evidence.sentence for e in doc.events if e.evidence is not None})
    out: dict[str, Any] = {}
    keys = [*sorted(per), "all"]
    per["all"] = {k: sum(v[k] for v in per.values()) for k in next(iter(per.values()))}
    for lang in keys:
        s = per[lang]
        out[lang] = {
            "articles": int(s["articles"]),
            "chars_per_article": round(s["raw_chars"] / s["articles"]),
            "chars_per_sentence": round(s["sent_chars"] / max(1, s["sentences"]), 1),
            "furniture_share": round(1 - s["clean_chars"] / s["raw_chars"], 3),
            "events_per_1000_chars": round(1000 * s["events"] / s["raw_chars"], 2),
            "event_sentence_share": round(s["event_sentences"] / max(1, s["sentences"]), 3),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None, help="default: benchmarks/corpus/v2-n{articles}")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--no-html", action="store_true")
    ap.add_argument("--no-warc", action="store_true")
    ap.add_argument("--stats", type=Path, default=None,
                    help="print realism figures of an existing corpus directory (text/*.txt) instead")
    ap.add_argument("--limit", type=int, default=0, help="with --stats: only the first N articles")
    a = ap.parse_args()
    if a.stats is not None:
        files = sorted((a.stats / "text").iterdir())
        files = files[: a.limit] if a.limit else files
        texts = [(p.stem.split("_")[1], p.read_text(encoding="utf-8")) for p in files]
        print(json.dumps(realism_stats(texts), indent=1))
        return
    out = a.out or corpus_dir(HERE / "corpus", a.articles)
    print(json.dumps(generate(a.articles, out, a.seed, html=not a.no_html, warc=not a.no_warc)))


if __name__ == "__main__":
    main()
