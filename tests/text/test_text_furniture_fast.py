"""Issue #7 (speed): the faster furniture matching gives the verdicts of the plain forms.

* ``_Combined`` puts each rule's group mark after the rule (so the regex engine can skip an
  alternative by its first character); the rule that matches must be the one the wrapped
  alternation ``(?P<r0>rule0)|(?P<r1>rule1)|…`` names.
* ``_key`` skips the split/join for lines without extra white space.
"""

from __future__ import annotations

import re

from detente.text import furniture as F
from detente.text.data import FurnitureRule, load_furniture

from .conftest import DATA_DIR, PAGES_DIR

#: Lines written for this test: furniture of several kinds, and article-like lines.
LINES: tuple[str, ...] = (
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Email",
    "READ MORE: Ministers meet in Geneva",
    "Advertisement",
    "3 comments",
    "Tags: diplomacy, trade",
    "© 2024 Example News. All rights reserved.",
    "By Jane Doe",
    "Photo: Reuters",
    "The ministers met in Geneva (Photo: AFP).",
    "Sign up for our daily newsletter to get the latest news",
    "Related articles",
    "TIN LIÊN QUAN",
    "相关阅读",
    "Comments (12)",
    "The foreign ministers said on Monday that talks would resume next month.",
    "x" * 150,
    "",
)


def _wrapped(rules: tuple[FurnitureRule, ...]) -> re.Pattern[str]:
    parts = []
    for i, r in enumerate(rules):
        flag = "i" if r.regex.flags & re.IGNORECASE else "-i"
        inner = f"(?{flag}:{r.regex.pattern})" if flag == "i" else f"(?:{r.regex.pattern})"
        parts.append(f"(?P<r{i}>{inner})")
    return re.compile("|".join(parts))


def _lines() -> list[str]:
    out = list(LINES)
    for page in sorted(PAGES_DIR.glob("*.txt")):
        out.extend(t.strip() for t, _ in F.read_page(page).lines)
    for line in (DATA_DIR / "short_lines.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.append(line.split("\t")[-1])
    return out


def test_combined_rules_name_the_rule_the_wrapped_alternation_names() -> None:
    rules = load_furniture()
    lines = _lines()
    hits = 0
    for kind_rules in (rules.line, rules.head, rules.marker, rules.tail, rules.stops):
        ref = _wrapped(kind_rules)
        comb = F._Combined(kind_rules)
        for s in lines:
            m = ref.fullmatch(s)
            want = comb.ids[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None
            assert comb.match(s) == want, s
            hits += want is not None
    assert hits > 20  # the lines do exercise the rules


def test_rules_with_group_references_keep_the_wrapped_form() -> None:
    rules = load_furniture()
    comb = F._Combined(rules.line)
    assert not comb.regex.pattern.startswith("(?P<r0>")  # the fast form by default: the mark after the rule
    back = FurnitureRule(id="xx.test_backref", lang="xx", kind="line", regex=re.compile(r"(\w+) \1"))
    comb2_rules = (*rules.line[:2], back)
    comb2 = F._Combined(comb2_rules)
    assert comb2.regex.pattern.startswith("(?P<r0>")
    ref = _wrapped(comb2_rules)
    for line in ("again again", "Share this article", "plain words here"):
        m = ref.fullmatch(line)
        assert comb2.match(line) == (comb2.ids[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None)


def test_key_equals_split_join_casefold() -> None:
    samples = ["Đà Nẵng  TODAY", " lead", "tail ", "a\u00a0b", "a\tb", "ﬁnance Straße", "中文 标题", "", "x\u3000y",
               "plain line", "ΣΊΣΥΦΟΣ"]
    for s in samples + _lines():
        assert F._key(s) == " ".join(s.split()).casefold(), s
