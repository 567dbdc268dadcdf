"""The HTML path's own metadata step (``detente.text.html._metadata``) gives what trafilatura's
full ``extract_metadata`` gives for the fields détente keeps, and the main text is the same as
trafilatura's one-call extraction with metadata (issue #7: the author step was dropped for speed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.resources import shared_samples_dir
from detente.text.html import _extract, _extract_public, extract_html

ROOT = Path(__file__).resolve().parents[2]
PAGES = [*sorted((ROOT / "src" / "detente" / "demo" / "corpus").glob("*.html")),
         ROOT / "tests" / "fixtures" / "ingest" / "page.html"]

#: A page with JSON-LD, OpenGraph, a canonical link, a byline and a relative canonical URL.
SYNTHETIC = """<!DOCTYPE html><html lang="en"><head><title>Talks in Geneva | Example News</title>
<meta property="og:site_name" content="example news"><meta name="author" content="Jane Roe">
<link rel="canonical" href="/world/2024/03/05/talks-in-geneva">
<meta property="og:url" content="https://www.example.org/world/talks">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks in Geneva",
"datePublished": "2024-03-05T10:00:00Z", "author": {"@type": "Person", "name": "Jane Roe"}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Talks in Geneva</h1><p class="byline">By Jane Roe</p>
<p>Diplomats from both countries met in Geneva on Tuesday to discuss the ceasefire, officials said.</p>
<p>The talks will continue next week, according to a statement released after the meeting ended.</p>
<p>Neither side commented on the prisoner exchange that had been expected before the talks.</p>
</article><footer>© 2021 Example News. All rights reserved.</footer></body></html>"""


def _reference(html: str, url: str | None) -> dict[str, object] | None:
    d = _extract_public(html, url)  # trafilatura's one public call
    return None if d is None else {k: d.get(k) for k in ("title", "sitename", "url", "date", "text")}


def _pages() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in PAGES if p.exists()]
    out.append(("synthetic", SYNTHETIC))
    return out


@pytest.mark.parametrize("url", [None, "https://news.example.com/2023/06/19/story.html"])
def test_same_fields_and_text_as_trafilatura_with_metadata(url: str | None) -> None:
    pages = _pages()
    assert len(pages) >= 4
    for name, html in pages:
        assert _extract(html, url) == _reference(html, url), name


def test_same_on_shared_html_samples() -> None:
    d = shared_samples_dir()
    pages = sorted(d.glob("*.html")) if d else []
    if not pages:
        pytest.skip("no HTML in ../shared/samples")
    for p in pages:
        html = p.read_text(encoding="utf-8", errors="replace")
        assert _extract(html, None) == _reference(html, None), p.name


@pytest.mark.parametrize("html", ["<html><body><nav>Home</nav></body></html>", "<html><body></body></html>", "   "])
def test_near_empty_pages_as_trafilatura(html: str) -> None:
    assert _extract(html, None) == _reference(html, None)


def test_page_without_text_is_an_input_error() -> None:
    from detente.errors import InputError

    with pytest.raises(InputError):
        extract_html("<html><body></body></html>", None, "empty.html")


def test_falls_back_to_the_public_call_if_trafilatura_moves_its_inner_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.text import html as h

    want = extract_html(SYNTHETIC, None)

    def moved(tree: object, url: str | None) -> dict[str, object]:
        raise AttributeError("module 'trafilatura.metadata' has no attribute 'examine_meta'")

    monkeypatch.setattr(h, "_metadata", moved)
    assert extract_html(SYNTHETIC, None) == want
