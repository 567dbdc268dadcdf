"""Generate the benchmark corpus deterministically: plain text, HTML and WARC variants.

    python benchmarks/make_corpus.py --articles 20000 --out benchmarks/corpus

Articles mix the seven coded languages (weights below), realistic lengths (8–40 sentences),
furniture at head and tail, and event sentences between states. The same seed always gives
byte-identical files. Templates: ``benchmarks/corpus_templates.json`` (original team text).
"""

from __future__ import annotations

import argparse
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = json.loads((HERE / "corpus_templates.json").read_text(encoding="utf-8"))

#: Share of each language in the corpus (roughly a world-news crawl seen by our users).
LANG_WEIGHTS = {"en": 0.35, "zh": 0.2, "vi": 0.15, "es": 0.1, "fr": 0.07, "ru": 0.07, "ar": 0.06}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SEP = {"zh": "", "en": " ", "vi": " ", "es": " ", "fr": " ", "ru": " ", "ar": " "}


def make_article(rng: random.Random, i: int) -> tuple[str, str, str]:
    """One article: (lang, publication date ISO, text)."""
    lang = rng.choices(list(LANG_WEIGHTS), weights=list(LANG_WEIGHTS.values()))[0]
    t = TEMPLATES
    year, month, day = rng.choice([2021, 2022, 2023, 2024, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    date_line = t["date_line"][lang].format(year=year, month=month, day=day, month_name=MONTHS[month - 1])
    lines = [date_line, "", rng.choice(t["furniture_head"][lang]), ""]
    countries = t["countries"][lang]
    paragraphs = []
    for _ in range(rng.randint(4, 12)):
        sents = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.45:
                a, b = rng.sample(countries, 2)
                tpl = rng.choice(t["event_sentences"][lang])
                sents.append(tpl.format(a=a, b=b, p=rng.choice(t["places"][lang]), d=rng.choice(t["days"][lang])))
            else:
                sents.append(rng.choice(t["filler"][lang]))
        s = SEP[lang].join(sents)
        paragraphs.append(s[0].upper() + s[1:] if lang != "zh" else s)
    headline = paragraphs[0].split(".")[0][:90]
    lines += [headline, ""] + [x for p in paragraphs for x in (p, "")]
    lines += t["furniture_tail"][lang]
    return lang, f"{year:04d}-{month:02d}-{day:02d}", "\n".join(lines) + "\n"


def to_html(text: str, lang: str, date: str, i: int) -> str:
    """The article as a news page with navigation, sidebar and footer."""
    from html import escape

    paras = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{escape(p)}</p>" for p in paras[2:-1])
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(paras[1][:80])}</title>'
        f'<meta property="og:site_name" content="Bench News"><meta property="article:published_time" content="{date}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/asia'>Asia</a></nav>"
        f"<article><h1>{escape(paras[1][:80])}</h1>{body}</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/x'>Markets rally</a></li><li><a href='/y'>Storm warning</a></li></ul></aside>"
        "<footer>© 2026 Bench News · Privacy · Cookies</footer></body></html>"
    )


def generate(n: int, out: Path, seed: int = 20261124, html: bool = True, warc: bool = True) -> dict[str, int]:
    """Write ``n`` articles as ``text/*.txt`` (+ ``html/*.html`` and ``corpus.warc.gz``)."""
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
        lang, date, text = make_article(rng, i)
        chars += len(text)
        (out / "text" / f"{i:06d}_{lang}.txt").write_text(text, encoding="utf-8")
        if html or writer:
            page = to_html(text, lang, date, i)
            if html:
                (out / "html" / f"{i:06d}_{lang}.html").write_text(page, encoding="utf-8")
            if writer is not None:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                rec = writer.create_warc_record(f"https://bench.example.test/{i:06d}", "response",
                                                payload=io.BytesIO(page.encode("utf-8")), http_headers=http,
                                                warc_headers_dict={"WARC-Date": f"{date}T00:00:00Z"})
                writer.write_record(rec)
    if writer is not None:
        warc_fh.close()
    return {"articles": n, "chars": chars}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--no-html", action="store_true")
    ap.add_argument("--no-warc", action="store_true")
    a = ap.parse_args()
    print(json.dumps(generate(a.articles, a.out, a.seed, html=not a.no_html, warc=not a.no_warc)))


if __name__ == "__main__":
    main()
