"""Issue #7 (speed): the gates of ``find_date_expressions`` only skip patterns that cannot match.

The fast path (patterns grouped per language and kinds, digit/keyword/table/literal gates, one
table scan for all languages) must find exactly what trying every pattern of the language on
the whole text finds. The reference below does that, without any gate.
"""

from __future__ import annotations

from detente.text import dates as D
from detente.text.furniture import read_page

from .conftest import DATA_DIR, PAGES_DIR

#: Sentences written for these tests: one or more date expressions of each kind and language,
#: plus near misses (a month word that is a verb, digits without a date, a keyword alone).
SENTENCES: tuple[tuple[str, str], ...] = (
    ("en", "The ministers met on March 5, 2024 in Geneva and again last Tuesday."),
    ("en", "Talks resumed on 12 April after a pause of three weeks ago, officials said yesterday."),
    ("en", "They may meet in May; the 3rd round is set for the 21st."),
    ("en", "Prices rose 4.5 per cent in 2023, the statistics office said on Monday."),
    ("en", "No date here, only 1,200 soldiers and 35 tanks."),
    ("en", "The envoy arrived next week, not last month, according to the statement."),
    ("zh", "外交部发言人10月26日表示，双方将于下周举行会谈。"),
    ("zh", "2023年10月26日，两国外长在北京会谈；三天前双方已通话。"),
    ("zh", "据报道，上周日双方在吉隆坡举行会晤，本月12日还将再次会谈。"),
    ("vi", "Hôm 26/10, Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội."),
    ("vi", "Chủ nhật vừa qua, ngày 5 tháng 3 năm 2024, hai bên ký thỏa thuận."),
    ("es", "El martes 8 de mayo de 2007 los cancilleres se reunieron en Bogotá."),
    ("es", "Hace tres días, el gobierno anunció nuevas sanciones; el 23/01/2024 entran en vigor."),
    ("fr", "Le ministre s'est rendu à Paris le 12 mars 2024, il y a deux semaines."),
    ("ru", "5 февраля 2023 года министры встретились в Москве, а вчера снова говорили."),
    ("ar", "التقى الوزيران يوم الثلاثاء ٢٣ يناير ٢٠٢٤ في الرياض."),
    ("en", "Ｆｕｌｌ-width digits: ２０２４年１０月２６日 and 2024-10-26 and 10/26/2024."),
)


def _reference(text: str, lang: str | None, kinds: frozenset[str] | None = None) -> list[D.DateMatch]:
    """Every pattern of ``lang`` on the whole text, no gates; longest, then leftmost, then the
    first pattern wins where matches overlap."""
    norm = text.translate(D._DIGITS)
    found: list[D.DateMatch] = []
    for p in D._patterns_for(lang):
        if kinds is not None and p.kind not in kinds:
            continue
        for m in p.regex.finditer(norm):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            found.append(D.DateMatch(m.start(), m.end(), p.id, p.kind, p.lang, groups))
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    taken: list[D.DateMatch] = []
    for f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    taken.sort(key=lambda x: x.start)
    return taken


def _texts() -> list[tuple[str, str]]:
    out = list(SENTENCES)
    for line in (DATA_DIR / "paragraphs.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            lang, text = line.split("\t")[:2]
            out.append((lang, text))
    for page in sorted(PAGES_DIR.glob("*.txt")):
        p = read_page(page)
        lang = p.meta.get("lang", "en")
        out.extend((lang, t) for t, _ in p.lines if t.strip())
    return out


def test_gated_search_finds_what_every_pattern_finds() -> None:
    texts = _texts()
    assert len(texts) > 100
    for lang, text in texts:
        assert D.find_date_expressions(text, lang) == _reference(text, lang), (lang, text)


def test_gated_search_all_languages_and_kinds() -> None:
    dated = frozenset({"date"})
    for _, text in _texts()[:400]:
        assert D.find_date_expressions(text, None, dated) == _reference(text, None, dated), text
        assert D.find_date_expressions(text, None) == _reference(text, None), text
        # an uncoded language tries every language's patterns
        assert D.find_date_expressions(text, "xx-unknown") == _reference(text, "xx-unknown"), text


def test_kinds_as_any_collection() -> None:
    text = "Talks were held on March 5, 2024 and again last Tuesday."
    assert D.find_date_expressions(text, "en", {"date"}) == D.find_date_expressions(text, "en", frozenset({"date"}))
    assert [m.kind for m in D.find_date_expressions(text, "en", ["weekday"])] == ["weekday"]


def test_non_ascii_digit_check_covers_the_digit_table() -> None:
    # the translation is skipped when this finds nothing: it must see every digit the table maps
    mapped = {chr(k) for k in D._DIGITS}
    assert {c for c in map(chr, range(0x110000)) if D._NON_ASCII_DIGIT.fullmatch(c)} == mapped
