"""Server-side SVG charts for the dashboard: the relationship timeline and sparklines.

The charts are drawn from the store's own timeline answers, as inline SVG (no JavaScript, no
network): every bar carries a ``<title>`` (tooltip and screen-reader text), and each page also
shows the same numbers as a table.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from html import escape

#: QuadClass number → (label, CSS class). Colours live in the stylesheet (colour-blind safe).
QUAD_CLASSES: dict[int, tuple[str, str]] = {
    1: ("Verbal cooperation", "q1"),
    2: ("Material cooperation", "q2"),
    3: ("Verbal conflict", "q3"),
    4: ("Material conflict", "q4"),
}

#: Goldstein scale bounds (the right-hand axis of the timeline).
GOLDSTEIN_MIN, GOLDSTEIN_MAX = -10.0, 10.0

#: Geometry of the timeline chart (SVG user units; the SVG scales to its container).
_W, _H = 880, 300
_M_LEFT, _M_RIGHT, _M_TOP, _M_BOTTOM = 48, 48, 16, 44
#: Most x-axis labels shown before thinning them out.
_MAX_X_LABELS = 14


@dataclass(slots=True)
class Period:
    """One bucket of the timeline: label, counts per QuadClass (1–4) and mean Goldstein."""

    label: str
    quads: tuple[int, int, int, int]
    goldstein: float | None
    types: dict[str, int] = field(default_factory=dict)
    count: int | None = None

    @property
    def total(self) -> int:
        """Events in the bucket (the store's count; the QuadClass counts when it gave none)."""
        return self.count if self.count is not None else sum(self.quads)


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if not float(x).is_integer() else str(int(x))


def _nice_max(n: int) -> int:
    """A round axis maximum at or above ``n`` (1, 2, 5, 10, 20, 50 …)."""
    if n <= 1:
        return 1
    exp = 10 ** math.floor(math.log10(n))
    for m in (1, 2, 5, 10):
        if n <= m * exp:
            return int(m * exp)
    return int(10 * exp)


def _ticks(top: int) -> list[int]:
    step = max(1, top // 4) if top >= 4 else 1
    return list(range(0, top + 1, step))


def timeline_svg(periods: list[Period], *, title: str, desc: str = "") -> str:
    """Stacked bars of events per period by QuadClass, with the mean Goldstein score as a line.

    Args:
        periods: the buckets in time order (empty buckets included, so time runs linearly).
        title: accessible name of the chart.
        desc: longer accessible description.

    Returns:
        An ``<svg>`` element (string) with ``id="timeline-chart"``.
    """
    pw, ph = _W - _M_LEFT - _M_RIGHT, _H - _M_TOP - _M_BOTTOM
    out = [
        f'<svg id="timeline-chart" class="chart" viewBox="0 0 {_W} {_H}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
    ]
    if not periods:
        out.append(f'<text x="{_W / 2}" y="{_H / 2}" text-anchor="middle" class="empty">No events in this range</text>')
        out.append("</svg>")
        return "".join(out)
    top = _nice_max(max(p.total for p in periods))
    n = len(periods)
    slot = pw / n
    bar_w = max(1.0, slot * 0.72)

    def y_count(v: float) -> float:
        return _M_TOP + ph - ph * v / top

    def y_gold(g: float) -> float:
        return _M_TOP + ph * (GOLDSTEIN_MAX - g) / (GOLDSTEIN_MAX - GOLDSTEIN_MIN)

    # 1. grid and left axis (event counts)
    out.append('<g class="axis axis-count">')
    for t in _ticks(top):
        y = y_count(t)
        out.append(f'<line class="grid" x1="{_M_LEFT}" x2="{_W - _M_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text x="{_M_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{t}</text>')
    out.append(f'<text class="axis-title" transform="translate(12 {_M_TOP + ph / 2}) rotate(-90)" '
               f'text-anchor="middle">events</text></g>')
    # 2. right axis (Goldstein)
    out.append('<g class="axis axis-goldstein">')
    for g in (-10, -5, 0, 5, 10):
        y = y_gold(g)
        out.append(f'<text x="{_W - _M_RIGHT + 6}" y="{y + 4:.1f}">{g:+d}</text>' if g else
                   f'<text x="{_W - _M_RIGHT + 6}" y="{y + 4:.1f}">0</text>')
    y0 = y_gold(0)
    out.append(f'<line class="zero" x1="{_M_LEFT}" x2="{_W - _M_RIGHT}" y1="{y0:.1f}" y2="{y0:.1f}"/>')
    out.append(f'<text class="axis-title" transform="translate({_W - 8} {_M_TOP + ph / 2}) rotate(90)" '
               f'text-anchor="middle">mean Goldstein</text></g>')
    # 3. stacked bars, one group per period
    out.append('<g class="bars">')
    for i, p in enumerate(periods):
        x = _M_LEFT + i * slot + (slot - bar_w) / 2
        acc = 0
        out.append(f'<g class="period" data-period="{escape(p.label)}" data-total="{p.total}">')
        for q, count in enumerate(p.quads, start=1):
            if not count:
                continue
            label, cls = QUAD_CLASSES[q]
            y_top, y_bot = y_count(acc + count), y_count(acc)
            out.append(
                f'<rect class="{cls}" x="{x:.1f}" y="{y_top:.1f}" width="{bar_w:.1f}" height="{y_bot - y_top:.1f}">'
                f"<title>{escape(p.label)} · {label}: {count}</title></rect>"
            )
            acc += count
        out.append("</g>")
    out.append("</g>")
    # 4. mean Goldstein line (broken where a period has no events)
    segs: list[list[tuple[float, float, Period]]] = [[]]
    for i, p in enumerate(periods):
        if p.goldstein is None:
            if segs[-1]:
                segs.append([])
            continue
        segs[-1].append((_M_LEFT + (i + 0.5) * slot, y_gold(p.goldstein), p))
    out.append('<g class="goldstein">')
    for seg in segs:
        if len(seg) > 1:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in seg)
            out.append(f'<polyline points="{pts}"/>')
        for x, y, p in seg:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5"><title>{escape(p.label)} · mean Goldstein '
                       f'{p.goldstein:+.2f}</title></circle>')
    out.append("</g>")
    # 5. x-axis labels, thinned to at most _MAX_X_LABELS
    every = max(1, math.ceil(n / _MAX_X_LABELS))
    shown = list(range(0, n, every))
    if shown[-1] != n - 1:  # always label the last period, without crowding the one before
        if len(shown) > 1 and n - 1 - shown[-1] < every:
            shown[-1] = n - 1
        else:
            shown.append(n - 1)
    out.append('<g class="axis axis-time">')
    for i in shown:
        p = periods[i]
        x = _M_LEFT + (i + 0.5) * slot
        out.append(f'<text x="{x:.1f}" y="{_H - _M_BOTTOM + 18}" text-anchor="middle">{escape(p.label)}</text>')
    out.append(f'<line x1="{_M_LEFT}" x2="{_W - _M_RIGHT}" y1="{_M_TOP + ph}" y2="{_M_TOP + ph}"/>')
    out.append("</g></svg>")
    return "".join(out)


def sparkline_svg(values: list[int], *, label: str, width: int = 120, height: int = 28) -> str:
    """A small line of counts over time (for the overview's dyad list)."""
    if not values:
        return ""
    top = max(values) or 1
    n = len(values)
    step = (width - 4) / max(1, n - 1)
    pts = [(2 + i * step if n > 1 else width / 2, height - 3 - (height - 6) * v / top) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    last_x, last_y = pts[-1]
    return (
        f'<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f'<polyline points="{path}"/><circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2"/></svg>'
    )


# ---------------------------------------------------------------------------- period arithmetic


def parse_period(label: str, interval: str) -> dt.date | None:
    """The first day of a timeline period label (``2023-06``, ``2023-W24``, ``2023-06-18``), or None."""
    try:
        if interval == "month" and len(label) >= 7:
            return dt.date(int(label[:4]), int(label[5:7]), 1)
        if interval == "week":
            if "W" in label:
                y, w = label.split("-W")
                return dt.date.fromisocalendar(int(y), int(w[:2]), 1)
            d = dt.date.fromisoformat(label[:10])
            return d - dt.timedelta(days=d.weekday())
        if interval == "day":
            return dt.date.fromisoformat(label[:10])
    except ValueError:
        return None
    return None


def next_period(d: dt.date, interval: str) -> dt.date:
    """The first day of the period after the one starting on ``d``."""
    if interval == "month":
        return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return d + dt.timedelta(days=7 if interval == "week" else 1)


def period_label(d: dt.date, interval: str, like: str) -> str:
    """Label of the period starting on ``d``, in the same style as ``like`` (a store label)."""
    if interval == "month":
        return d.strftime("%Y-%m")
    if interval == "week" and "W" in like:
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return d.isoformat()


#: Most periods the chart fills in between the first and last one (beyond, gaps are not filled).
MAX_FILLED_PERIODS = 800


def fill_gaps(periods: list[Period], interval: str, start: dt.date | None = None,
              end: dt.date | None = None) -> list[Period]:
    """Insert empty periods between the store's non-empty ones so the time axis is linear.

    ``start``/``end`` (a requested date range) extend the axis to the periods containing them.
    """
    if not periods:
        return periods
    starts = [parse_period(p.label, interval) for p in periods]
    if any(s is None for s in starts):
        return periods
    by_start = {s: p for s, p in zip(starts, periods, strict=True)}
    first, last = min(by_start), max(by_start)  # type: ignore[type-var]
    if start is not None:
        first = min(first, period_start(start, interval))  # type: ignore[type-var]
    if end is not None:
        last = max(last, period_start(end, interval))  # type: ignore[type-var]
    out: list[Period] = []
    d = first
    like = periods[0].label
    while d <= last:  # type: ignore[operator]
        out.append(by_start.get(d) or Period(period_label(d, interval, like), (0, 0, 0, 0), None))  # type: ignore[arg-type]
        if len(out) > MAX_FILLED_PERIODS:
            return periods
        d = next_period(d, interval)  # type: ignore[arg-type]
    return out


def period_start(d: dt.date, interval: str) -> dt.date:
    """The first day of the period containing ``d``."""
    if interval == "month":
        return d.replace(day=1)
    if interval == "week":
        return d - dt.timedelta(days=d.weekday())
    return d
