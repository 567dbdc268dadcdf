"""The dashboard's SVG charts and HTML helpers (pure functions, no server)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

from detente.serve.charts import Period, fill_gaps, parse_period, sparkline_svg, timeline_svg
from detente.serve.render import events_table, evidence_spans, mark_spans

SVG = "{http://www.w3.org/2000/svg}"


def test_fill_gaps_makes_time_linear_across_a_year_boundary() -> None:
    ps = [Period("2023-11", (1, 0, 0, 0), 1.0), Period("2024-02", (0, 0, 2, 0), -2.0)]
    filled = fill_gaps(ps, "month")
    assert [p.label for p in filled] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [p.total for p in filled] == [1, 0, 0, 2]
    assert filled[1].goldstein is None


def test_fill_gaps_weeks_and_days_keep_the_store_label_style() -> None:
    weeks = fill_gaps([Period("2023-W52", (1, 0, 0, 0), 1.0), Period("2024-W02", (1, 0, 0, 0), 1.0)], "week")
    assert [p.label for p in weeks] == ["2023-W52", "2024-W01", "2024-W02"]
    days = fill_gaps([Period("2024-02-28", (1, 0, 0, 0), 1.0), Period("2024-03-01", (1, 0, 0, 0), 1.0)], "day")
    assert [p.label for p in days] == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert parse_period("garbage", "month") is None


def test_fill_gaps_extends_to_the_requested_range() -> None:
    ps = [Period("2025-04", (1, 0, 0, 0), 1.0)]
    filled = fill_gaps(ps, "month", dt.date(2025, 2, 14), dt.date(2025, 6, 30))
    assert [p.label for p in filled] == ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    weeks = fill_gaps([Period("2025-W10", (1, 0, 0, 0), 1.0)], "week", None, dt.date(2025, 3, 16))
    assert [p.label for p in weeks] == ["2025-W10", "2025-W11"]


def test_timeline_svg_draws_one_rect_per_nonzero_quadclass_and_the_goldstein_line() -> None:
    ps = [Period("2024-01", (2, 1, 0, 3), -1.5), Period("2024-02", (0, 0, 0, 0), None),
          Period("2024-03", (1, 0, 1, 0), 2.0), Period("2024-04", (0, 4, 0, 0), 6.0)]
    svg = timeline_svg(ps, title="USA–CHN", desc="test")
    root = ET.fromstring(svg)
    assert root.get("id") == "timeline-chart"
    rects = root.findall(f".//{SVG}rect")
    assert len(rects) == 3 + 2 + 1
    assert {r.get("class") for r in rects} == {"q1", "q2", "q3", "q4"}
    periods = root.findall(f".//{SVG}g[@class='period']")
    assert [int(g.get("data-total", "-1")) for g in periods] == [6, 0, 2, 4]
    # the line is broken at the empty period: one point alone, then a two-point polyline
    assert len(root.findall(f".//{SVG}g[@class='goldstein']/{SVG}circle")) == 3
    assert len(root.findall(f".//{SVG}g[@class='goldstein']/{SVG}polyline")) == 1
    # stacked bar heights are proportional to the counts
    h = {r.findtext(f"{SVG}title"): float(r.get("height", 0)) for r in rects}
    assert abs(h["2024-01 · Material conflict: 3"] - 3 * h["2024-01 · Material cooperation: 1"]) < 0.5


def test_empty_timeline_says_so() -> None:
    svg = timeline_svg([], title="t")
    assert "No events in this range" in svg
    ET.fromstring(svg)
    assert sparkline_svg([], label="x") == ""
    assert "<polyline" in sparkline_svg([0, 3, 1], label="x")


def test_evidence_is_escaped_and_highlighted() -> None:
    ev = {
        "id": "e1", "event": "CONSULT", "quad_class": 1, "date": "2023-06-18",
        "actor": {"text": "Ngoại trưởng Mỹ", "code": "USAGOV"},
        "recipient": {"text": "<Tần Cương>", "code": "CHNGOV"},
        "evidence": {"sentence": "Ngoại trưởng Mỹ hội đàm với <Tần Cương>.", "start": 100, "end": 139,
                     "trigger": "hội đàm", "trigger_start": 116, "trigger_end": 123},
        "mentions": [{"doc_id": "d1"}, {"doc_id": "d2"}, {"doc_id": "d1"}],
    }
    spans = evidence_spans(ev)
    assert (16, 23, "trigger") in spans
    html = events_table([ev], caption="c")
    assert '<mark class="trigger">hội đàm</mark>' in html
    assert '<mark class="recipient">&lt;Tần Cương&gt;</mark>' in html
    assert "<Tần" not in html
    assert re.findall(r'href="/document/(\w+)"', html) == ["d1", "d2"]
    assert mark_spans("a<b", [(0, 1, "x"), (0, 2, "overlap")]) == '<mark class="x">a</mark>&lt;b'


def test_time_axis_labels_do_not_crowd_and_end_on_the_last_period() -> None:
    for n in (1, 2, 13, 14, 15, 28, 29, 30, 100):
        ps = [Period(f"p{i}", (1, 0, 0, 0), 0.0) for i in range(n)]
        root = ET.fromstring(timeline_svg(ps, title="t"))
        labels = [t.text for t in root.findall(f".//{SVG}g[@class='axis axis-time']/{SVG}text")]
        idx = [int(str(x)[1:]) for x in labels]
        assert idx[0] == 0 and idx[-1] == n - 1
        every = max(1, -(-n // 14))
        assert all(b - a >= every for a, b in itertools.pairwise(idx)), (n, idx)
        assert len(idx) <= 15


def test_sparklines_share_one_time_axis() -> None:
    from detente.serve.views import sparklines

    lines = sparklines({
        "A-B": [{"period": "2023-01", "count": 2}, {"period": "2023-03", "count": 1}],
        "C-D": [{"period": "2023-04", "count": 5}],
    })
    assert lines == {"A-B": [2, 0, 1, 0], "C-D": [0, 0, 0, 5]}
    assert sparklines({"A-B": []}) == {"A-B": []}


def test_only_web_urls_become_links() -> None:
    from detente.serve.render import document_page

    doc = {"id": "d", "text": "x", "url": "javascript:alert(1)", "removed": [], "events": []}
    page = document_page({"document": doc})
    assert 'href="javascript' not in page and "javascript:alert(1)" in page
    doc["url"] = "https://example.org/a?b=1&c=2"
    assert 'href="https://example.org/a?b=1&amp;c=2"' in document_page({"document": doc})
