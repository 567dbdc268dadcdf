"""The four text stages through the pipeline: HTML, plain text, hints, reader dates."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.options import Options
from detente.pipeline import Pipeline
from detente.records import Document

STAGES = ["text.clean.v1", "text.lang.v1", "text.dates.v1", "text.sentences.v1"]

HTML = """<html><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
{meta}
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume</h1>
<p>China and the United States resumed talks on Thursday in Beijing after a long pause, officials said.</p>
<p>The two sides agreed to meet again next month to discuss trade and security issues in the region.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
<footer>© 2023 Example News. All rights reserved.</footer></body></html>"""
META = '<meta property="article:published_time" content="2024-04-25T08:00:00Z">'


def _run(doc: Document, options: Options | None = None) -> Document:
    return Pipeline(STAGES, options=options).process(doc)


def test_html_page_main_text_title_site_date():
    doc = _run(Document(id="h1", source="t.html", html=HTML.format(meta=META)))
    assert doc.title == "Talks resume" and doc.site == "Example News"
    assert doc.text.startswith("Talks resume\n\nChina and the United States resumed talks")
    assert "Other story" not in doc.text and "©" not in doc.text and "Home" not in doc.text
    assert doc.pub_date == dt.date(2024, 4, 25) and doc.pub_date_source == "html"
    assert doc.lang == "en"
    assert doc.sentences[0].text == "Talks resume"


def test_html_without_date_markup_is_not_dated_from_copyright():
    doc = _run(Document(id="h2", source="t.html", html=HTML.format(meta="")))
    assert doc.pub_date is None and doc.pub_date_source is None


def test_reader_values_are_kept():
    raw = "April 20, 2021\n\nTalks resume\n\nThe two sides resumed talks on Thursday in Beijing, officials said."
    doc = _run(Document(id="p1", source="x", raw_text=raw, lang_hint="en", pub_date=dt.date(2021, 4, 21)))
    assert doc.pub_date == dt.date(2021, 4, 21) and doc.pub_date_source == "reader"
    doc = _run(Document(id="p2", source="x", raw_text=raw))
    assert doc.pub_date == dt.date(2021, 4, 20) and doc.pub_date_source == "text:en.mdy"
    assert doc.text.startswith("Talks resume")  # the dateline is furniture
    assert any(r.rule == "en.dateline" for r in doc.removed)


def test_options_pub_date_is_the_last_resort():
    doc = _run(Document(id="p3", source="x", raw_text="The two sides met."), Options(pub_date=dt.date(2020, 1, 2)))
    assert doc.pub_date == dt.date(2020, 1, 2) and doc.pub_date_source == "options"


def test_remove_furniture_off_keeps_everything():
    raw = "Talks resume\nShare this:\nThe two sides met."
    doc = _run(Document(id="p4", source="x", raw_text=raw), Options(remove_furniture=False))
    assert doc.removed == [] and "Share this:" in doc.text


def test_options_langs_restrict():
    raw = "Ngoại trưởng hai nước đã hội đàm tại Hà Nội và nhất trí tăng cường hợp tác kinh tế."
    doc = _run(Document(id="p5", source="x", raw_text=raw), Options(langs=("en", "zh")))
    assert doc.lang == "other"


def test_offsets_contract():
    raw = "美國國務卿抵達北京\n\n美國國務卿布林肯18日抵達北京，開始為期兩天的訪問。雙方將舉行會談。\n\n分享到：微信 微博"
    doc = _run(Document(id="p6", source="x", raw_text=raw))
    assert doc.lang == "zh"
    for r in doc.removed:
        assert raw[r.start : r.end] == r.text
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end].strip()
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.norm is not None and len(s.norm) == len(s.text)
    assert doc.sentences[1].norm.startswith("美国国务卿布林肯")


@pytest.mark.parametrize(("num", "lang", "date"), [("000", "zh", "2024-04-25"), ("003", "en", "2021-04-20"),
                                                   ("001", "vi", None), ("002", "vi", None)])
def test_samples_through_the_stages(samples, num, lang, date):
    doc = _run(Document(id=num, source=num, raw_text=samples[num]))
    assert doc.lang == lang
    assert (doc.pub_date.isoformat() if doc.pub_date else None) == date
    assert doc.sentences and all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


ZH_HTML = """<html><head><meta charset="utf-8"><title>王毅同布林肯举行会谈_国际新闻_环球视野网</title>
<meta property="og:site_name" content="环球视野网"><meta name="publishdate" content="2023-10-27"></head>
<body><div class="nav"><a href="/">首页</a><a href="/gj">国际</a></div>
<div class="article"><h1>王毅同布林肯举行会谈</h1>
<p>新华社华盛顿10月26日电 当地时间26日，中共中央政治局委员、外交部长王毅在华盛顿同美国国务卿布林肯举行会谈。</p>
<p>王毅表示，中美关系正处于止跌企稳的关键时期，双方应当相向而行。</p>
<p>布林肯表示，美方愿同中方保持沟通，负责任地管控分歧。</p>
<p>责任编辑：李明</p></div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/a">外交部发言人答记者问</a></li></ul></div>
<div class="footer">版权所有 © 2023 环球视野网</div></body></html>"""


def test_chinese_html_page_then_furniture_and_event_date():
    from detente.text.dates import resolve_event_date

    doc = _run(Document(id="z1", source="z.html", html=ZH_HTML))
    assert doc.title == "王毅同布林肯举行会谈" and doc.site == "环球视野网"
    assert doc.lang == "zh" and doc.pub_date == dt.date(2023, 10, 27)
    assert [r.rule for r in doc.removed] == ["zh.byline"]  # trafilatura leaves the editor line
    assert "相关阅读" not in doc.text and "版权所有" not in doc.text and "首页" not in doc.text
    assert resolve_event_date(doc.sentences[1].text, "zh", doc.pub_date) == ("2023-10-26", "day")


def test_html_without_main_text_fails_cleanly():
    from detente.pipeline import RunSummary

    summary = RunSummary()
    out = list(Pipeline(STAGES).run([Document(id="e", source="empty.html", html="<html><body></body></html>")], summary))
    assert out == [] and summary.failed == 1 and "no main text" in summary.failures[0].reason
