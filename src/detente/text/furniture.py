"""Furniture removal on plain text: what is not the article goes, with the rule that removed it.

Crawled text has no markup, so furniture is recognised line by line with the per-language
rules of ``data/text/furniture/*.json`` plus a few structural rules (``struct.*``):

1. the page is cut into lines (offsets into the raw text are kept);
2. the *head* is the run of lines before the first prose paragraph (at most
   :data:`HEAD_MAX_LINES` non-empty lines): there ``head`` rules (navigation labels, slogans,
   dateline labels) and datelines (``<lang>.dateline``) apply as well;
3. ``line`` rules remove whole lines anywhere (share/follow lines, "%d bloggers like this:",
   "READ …" teasers, mobile-version links, cookie notices, bylines, photo credits);
4. a ``marker`` line ("TIN LIÊN QUAN", "相关阅读", "Related", "Read more") opens a
   related-article block that runs on over headline-like lines, repeated headlines and the
   teaser summaries under them, and ends at the first prose paragraph, at a source credit
   ("(theo Sputnik)", a ``stop`` rule) or at another furniture line;
5. a ``tail`` line (a comments heading in the second half of the page) removes the rest;
6. a line repeating an earlier line (a repeated headline) goes (``struct.repeated_line``);
7. when the title is found by its repetition in the head, the short lines above it are the
   site name and section labels (``struct.head_before_title``); otherwise the title is the
   first headline-like line of the head, and one- or two-word lines above it are section
   labels (``struct.section_label``);
8. a bare personal name on the line under the title is the byline (``struct.byline_name``);
9. a run of at least :data:`TAIL_MIN_LINES` short headline-like lines after the last line
   that ends a sentence is a link list (``struct.tail_list``), attributions ("(theo Reuters)") excepted;
10. a bare personal name as the last remaining line is the signature (``struct.byline_name``).

:func:`evaluate_pages` measures per-line precision and recall on annotated test pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..records import RemovedSpan
from .data import FurnitureRule, load_furniture
from .dates import dateline_match

#: The head of a page ends at the first prose line or after this many non-empty lines.
HEAD_MAX_LINES = 12
#: A line at least this long that reads as sentences is prose (ends the head, ends a block).
PROSE_MIN_CHARS = 120
#: Headline-like lines in a related block are at most this long (longest headline in the
#: test pages is ~130 characters).
HEADLINE_MAX_CHARS = 180
#: A teaser summary under a repeated headline in a related block is at most this long.
TEASER_MAX_CHARS = 400
#: Lines longer than this are never checked against line rules (the longest furniture line in
#: the test pages is 139 characters; cookie notices run to ~300).
LINE_RULE_MAX_CHARS = 320
#: Marker and tail lines ("TIN LIÊN QUAN", "Related articles", "Comments (12)") are at most
#: this long.
MARKER_MAX_CHARS = 60
#: At least this many short non-prose lines after the last prose paragraph make a link list.
TAIL_MIN_LINES = 3
#: A line longer than this is article text even without final punctuation (ends a tail list).
TAIL_LINE_MAX_CHARS = 160
#: Items of a tail link list are at most this long (the longest linked headline in the test
#: pages is ~95 characters; news sentences that lost their final stop are longer).
TAIL_ITEM_MAX_CHARS = 100
#: Line verdicts remembered per rule set (cleared when full).
MATCH_CACHE_SIZE = 20_000
#: Repeated lines shorter than this are kept (separators, short quotes).
REPEAT_MIN_CHARS = 8
#: Lines above a title found by repetition are furniture when at most this long.
HEAD_LABEL_MAX_CHARS = 80

_SENT_END = re.compile(r"[.!。！;；]['\"”’»)]?$")
_INNER_BREAK = re.compile(r"[.!?。！？]['\"”’»)]?\s+\S")
_NO_SPACE_SCRIPT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u3040-\u30ff]")
#: A section label above the title: one or two words, no digits or sentence punctuation.
_SECTION_LABEL = re.compile(r"[^\W\d_][\w&'’-]{0,20}(?: [\w&'’-]{1,20})?")
#: Attributions that end articles and are kept ("Hải Yến (theo Yonhap)", "Le Monde avec AFP").
_ATTRIBUTION = re.compile(
    r"[(（](?:theo|nguồn|according to|via|with|con|avec|据|據|来源|來源)\b|\b(?:avec|with|con) (?:AFP|AP|Reuters|EFE|agencies|agences|agencias)\b|[（(]完[）)]",
    re.IGNORECASE,
)
#: A line that is only a personal name: 2-4 capitalised words (Latin or Cyrillic script).
_NAME_LINE = re.compile(r"[A-ZÀ-ÝĐА-ЯЁ][^\W\d_]{0,14}(?:[ -][A-ZÀ-ÝĐА-ЯЁ][^\W\d_]{0,14}){1,3}")


@dataclass(slots=True)
class CleanResult:
    """Cleaned text, removed spans (offsets into the raw text), title and site."""

    text: str
    removed: list[RemovedSpan] = field(default_factory=list)
    title: str | None = None
    site: str | None = None


#: A group reference in a rule pattern (numbered or named): such rules keep their group numbers.
_GROUP_REF = re.compile(r"\\[1-9]|\(\?P=")


class _Combined:
    """All rules of one kind as one alternation: one ``fullmatch`` per line.

    Each alternative is the rule followed by an empty named group ``r<i>`` that closes last,
    so ``lastgroup`` names the rule that matched. (Wrapping the rule in the named group
    instead puts a group mark before its first character, which stops the regex engine from
    skipping an alternative by its first literal or character set: measured ~25 % slower on
    the benchmark pages.) Rules with group references keep the wrapped form."""

    def __init__(self, rules: tuple[FurnitureRule, ...]) -> None:
        self.ids = [r.id for r in rules]
        wrap = any(_GROUP_REF.search(r.regex.pattern) for r in rules)
        parts = []
        for i, r in enumerate(rules):
            flag = "i" if r.regex.flags & re.IGNORECASE else "-i"
            inner = f"(?{flag}:{r.regex.pattern})" if flag == "i" else f"(?:{r.regex.pattern})"
            parts.append(f"(?P<r{i}>{inner})" if wrap else f"{inner}(?P<r{i}>)")
        self.regex = re.compile("|".join(parts)) if parts else None
        # Verdicts by line: furniture lines ("Share this", "Advertisement", bylines, the
        # site's tail) repeat from page to page of a crawl; a verdict depends only on the line.
        self._seen: dict[str, str | None] = {}

    def match(self, s: str) -> str | None:
        """The id of the rule that matches the whole line ``s``, else ``None``."""
        seen = self._seen
        if s in seen:
            return seen[s]
        rid: str | None = None
        if self.regex is not None:
            m = self.regex.fullmatch(s)
            if m is not None and m.lastgroup:
                rid = self.ids[int(m.lastgroup[1:])]
        if len(seen) >= MATCH_CACHE_SIZE:
            seen.clear()
        seen[s] = rid
        return rid


@cache
def _compiled() -> dict[str, _Combined]:
    rules = load_furniture()
    return {
        "line": _Combined(rules.line),
        "head": _Combined(rules.head),
        "marker": _Combined(rules.marker),
        "tail": _Combined(rules.tail),
        "stop": _Combined(rules.stops),
    }


def version() -> str:
    """Version string of the furniture data in use."""
    return load_furniture().version


def _is_prose(s: str) -> bool:
    return len(s) >= PROSE_MIN_CHARS and (bool(_SENT_END.search(s)) or bool(_INNER_BREAK.search(s)))


def _headline_like(s: str) -> bool:
    if len(s) > HEADLINE_MAX_CHARS:
        return False
    if s.endswith(("...", "…")):
        return True
    if _SENT_END.search(s):
        return False
    return not _INNER_BREAK.search(s)


def _is_title_like(s: str) -> bool:
    """At least three words (or eight characters of a script written without spaces)."""
    return len(s.split()) >= 3 or (len(s) >= REPEAT_MIN_CHARS and bool(_NO_SPACE_SCRIPT.search(s)))


def _key(s: str) -> str:
    # A printable line holds no white space but the ASCII space (str.isprintable: separators
    # and controls are not printable), so without a double or edge space it is already joined.
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s.casefold()
    return " ".join(s.split()).casefold()


def _lines(raw: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in raw.split("\n"):
        end = pos + len(line)
        out.append((pos, end, line.strip()))
        pos = end + 1
    return out


def remove_furniture(raw: str, title: str | None = None, site: str | None = None) -> CleanResult:
    """Remove furniture from a page's plain text (see the module docstring for the steps).

    Args:
        raw: the page text (lines = paragraphs, as crawled).
        title: the title when known (kept as the first line of the result).
        site: the site name when known (lines equal to it are removed).

    Returns:
        :class:`CleanResult` with the cleaned text (title first, paragraphs separated by blank
        lines) and every removed span with its rule id.
    """
    rules = _compiled()
    lines = _lines(raw)
    n = len(lines)
    verdict: list[str | None] = [None] * n  # rule id per removed line
    # 1-2. the head: lines before the first prose paragraph
    head_end, seen_nonblank = n, 0
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        seen_nonblank += 1
        if _is_prose(s) or seen_nonblank > HEAD_MAX_LINES:
            head_end = i
            break
    seen: dict[str, int] = {}
    if title:
        seen[_key(title)] = -1
    site_key = _key(site) if site else None
    block_lines: set[str] = set()
    block_rule: str | None = None
    card = False
    any_kept = False
    i = 0
    while i < n:
        s = lines[i][2]
        if not s:
            i += 1
            continue
        short = len(s) <= LINE_RULE_MAX_CHARS
        # 4. inside a related block
        if block_rule is not None:
            k = _key(s)
            is_rule_line = short and (
                rules["stop"].match(s)
                or (len(s) <= MARKER_MAX_CHARS and (rules["marker"].match(s) or rules["tail"].match(s)))
                or rules["line"].match(s)
            )
            if is_rule_line:
                block_rule = None
            elif k in block_lines:
                verdict[i], card = block_rule, True
                i += 1
                continue
            elif (card and len(s) <= TEASER_MAX_CHARS) or _headline_like(s) or (
                s.endswith(("...", "…")) and len(s) <= TEASER_MAX_CHARS
            ):
                verdict[i], card = block_rule, False
                block_lines.add(k)
                i += 1
                continue
            else:
                block_rule = None
        if short:
            # 5. a comments section in the second half runs to the end
            marker_like = len(s) <= MARKER_MAX_CHARS
            rid = rules["tail"].match(s) if marker_like else None
            if rid and i >= n // 2:
                for j in range(i, n):
                    if lines[j][2]:
                        verdict[j] = rid
                break
            rid = rules["marker"].match(s) if marker_like else None
            if rid:
                verdict[i], block_rule, card = rid, rid, False
                block_lines = set()
                i += 1
                continue
            rid = rules["line"].match(s)
            if rid is None and i < head_end:
                rid = rules["head"].match(s)
                if rid is None:
                    m = dateline_match(s)
                    if m is not None:
                        rid = f"{m.lang}.dateline"
            if rid is None and site_key is not None and i < head_end and _key(s) == site_key:
                rid = "struct.site_name"
            if rid:
                verdict[i] = rid
                i += 1
                continue
        # 6. repeated lines (the known title is kept where it opens the text)
        k = _key(s)
        if seen.get(k) == -1 and not any_kept:
            seen[k] = i
            any_kept = True
        elif len(k) >= REPEAT_MIN_CHARS and k in seen:
            verdict[i] = "struct.repeated_line"
        else:
            seen.setdefault(k, i)
            any_kept = True
        i += 1
    # 7. title and head labels
    found_site: str | None = None
    if title is None:
        for i in range(min(head_end, n)):
            if verdict[i] == "struct.repeated_line":
                first = seen.get(_key(lines[i][2]), -1)
                if 0 <= first < i:
                    title = lines[first][2]
                    for j in range(first):
                        s = lines[j][2]
                        if s and verdict[j] is None and len(s) <= HEAD_LABEL_MAX_CHARS and not _is_prose(s):
                            verdict[j] = "struct.head_before_title"
                            if found_site is None:
                                found_site = s
                break
        if title is None:
            # the first headline-like line of the head; short section labels above it
            # ("Europe", "Internacional", "Opinion") are furniture
            labels: list[int] = []
            for i in range(min(head_end, n)):
                s = lines[i][2]
                if not s or verdict[i] is not None:
                    continue
                if _headline_like(s) and _is_title_like(s):
                    title = s
                    for j in labels:
                        verdict[j] = "struct.section_label"
                    break
                if _SECTION_LABEL.fullmatch(s):
                    labels.append(i)
                    continue
                break
    # 8. a bare name right under the title in the head is the byline ("Chu Văn", "Minh Anh")
    if title is not None:
        tkey = _key(title)
        for i in range(min(head_end, n)):
            if lines[i][2] and verdict[i] is None and _key(lines[i][2]) == tkey:
                for j in range(i + 1, min(head_end, n)):
                    s = lines[j][2]
                    if not s:
                        continue
                    if verdict[j] is None and _NAME_LINE.fullmatch(s):
                        verdict[j] = "struct.byline_name"
                    break
                break
    # 9. a run of short headline-like lines after the last sentence of the article is a link list
    last_prose = -1
    for i in range(n - 1, -1, -1):
        s = lines[i][2]
        if s and verdict[i] is None and (_SENT_END.search(s) or len(s) > TAIL_LINE_MAX_CHARS):
            last_prose = i
            break
    if last_prose >= 0:
        tail = [i for i in range(last_prose + 1, n) if lines[i][2] and verdict[i] is None]
        tail = [i for i in tail if not rules["stop"].match(lines[i][2]) and not _ATTRIBUTION.search(lines[i][2])]
        if len(tail) >= TAIL_MIN_LINES and all(
            len(lines[i][2]) <= TAIL_ITEM_MAX_CHARS and _headline_like(lines[i][2]) for i in tail
        ):
            for i in tail:
                verdict[i] = "struct.tail_list"
    # 10. a bare name as the last line is the author's signature (Vietnamese, Spanish pages)
    for i in range(n - 1, -1, -1):
        s = lines[i][2]
        if s and verdict[i] is None:
            if i >= head_end and _NAME_LINE.fullmatch(s) and not _ATTRIBUTION.search(s):
                verdict[i] = "struct.byline_name"
            break
    # assemble
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    for i, (start, end, s) in enumerate(lines):
        rid = verdict[i]
        if rid is None:
            if s:
                kept.append(s)
            continue
        lead = len(raw[start:end]) - len(raw[start:end].lstrip())
        a, b = start + lead, start + lead + len(s)
        if removed and removed[-1].rule == rid and not raw[removed[-1].end : a].strip():
            removed[-1].end = b
            removed[-1].text = raw[removed[-1].start : b]
        else:
            removed.append(RemovedSpan(a, b, rid, raw[a:b]))
    if title and (not kept or _key(kept[0]) != _key(title)):
        kept.insert(0, title.strip())
    return CleanResult("\n\n".join(kept), removed, title, site or found_site)


# ---------------------------------------------------------------------------------------------
# Evaluation on annotated pages


@dataclass(slots=True)
class Page:
    """An annotated test page: lines with a furniture flag, plus header fields."""

    name: str
    lines: list[tuple[str, bool]]
    meta: dict[str, str]

    @property
    def raw(self) -> str:
        """The page as plain text."""
        return "\n".join(t for t, _ in self.lines)


def read_page(path: Path) -> Page:
    """Read one annotated page: ``#key: value`` header lines, then one line per page line
    prefixed ``A| `` (article) or ``F| `` (furniture); empty lines are blank page lines."""
    meta: dict[str, str] = {}
    lines: list[tuple[str, bool]] = []
    for raw_line in path.read_text(encoding="utf-8").split("\n"):
        if raw_line.startswith("#") and not lines and ":" in raw_line:
            k, v = raw_line[1:].split(":", 1)
            meta[k.strip()] = v.strip()
        elif raw_line.startswith(("A|", "F|")):
            lines.append((raw_line[3:] if raw_line[2:3] == " " else raw_line[2:], raw_line[0] == "F"))
        elif not raw_line.strip():
            lines.append(("", False))
        else:
            raise ValueError(f"{path}: line without A|/F| prefix: {raw_line[:60]!r}")
    while lines and not lines[-1][0]:
        lines.pop()
    return Page(path.stem, lines, meta)


def page_line_predictions(page: Page) -> list[tuple[bool, bool]]:
    """``(gold, predicted)`` furniture flags for every non-blank line of a page."""
    raw = page.raw
    res = remove_furniture(raw, title=page.meta.get("title"), site=page.meta.get("site"))
    out = []
    pos = 0
    spans = [(r.start, r.end) for r in res.removed]
    for text, gold in page.lines:
        start, end = pos, pos + len(text)
        pos = end + 1
        if not text.strip():
            continue
        s = text.strip()
        a = start + (len(text) - len(text.lstrip()))
        b = a + len(s)
        pred = any(x <= a and b <= y for x, y in spans)
        out.append((gold, pred))
    return out


def evaluate_pages(path: str | Path) -> dict[str, object]:
    """Per-line furniture precision/recall over every ``*.txt`` page under ``path``.

    Returns a dict with ``precision``, ``recall``, ``f1``, ``tp``/``fp``/``fn``/``tn``,
    ``pages`` and ``by_lang`` (the same numbers per ``#lang`` header) and ``errors``
    (page, line, gold) for inspection.
    """
    root = Path(path)
    totals: dict[str, list[int]] = {}
    errors: list[tuple[str, str, bool]] = []
    pages = sorted(root.glob("*.txt"))
    for p in pages:
        page = read_page(p)
        lang = page.meta.get("lang", "?")
        for key in ("all", lang):
            totals.setdefault(key, [0, 0, 0, 0])
        texts = [t.strip() for t, _ in page.lines if t.strip()]
        for (gold, pred), text in zip(page_line_predictions(page), texts, strict=True):
            idx = (0 if pred else 2) if gold else (1 if pred else 3)  # tp fp fn tn
            for key in ("all", lang):
                totals[key][idx] += 1
            if gold != pred:
                errors.append((page.name, text[:100], gold))

    def summary(c: list[int]) -> dict[str, float | int]:
        tp, fp, fn, tn = c
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn, "tn": tn}

    out: dict[str, object] = dict(summary(totals.get("all", [0, 0, 0, 0])))
    out["pages"] = len(pages)
    out["by_lang"] = {k: summary(v) for k, v in sorted(totals.items()) if k != "all"}
    out["errors"] = errors
    return out
