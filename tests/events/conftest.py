"""Fixtures for the event-coder tests: hand-built documents with actor mentions.

``make_doc(text, lang)`` builds a :class:`Document` with one sentence and the actor mentions
found by a tiny test gazetteer (below) — so the coder is tested without the actor layer.
Longest names win; places listed in ``PLACES`` are locations (``is_location=True``) and also
metonym actors, like the actor layer's capitals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from detente.records import ActorMention, Document, Sentence

#: name → (country, sector, code)
GAZ: dict[str, tuple[str | None, str | None, str]] = {}
for names, c in [
    (["Japan", "日本", "Nhật Bản", "Japón", "اليابان"], "JPN"),
    (["South Korea", "韩国", "Hàn Quốc", "Corea del Sur"], "KOR"),
    (["North Korea", "朝鲜", "Triều Tiên"], "PRK"),
    (["China", "中国", "Trung Quốc", "中方", "Phía Trung Quốc", "Chinese"], "CHN"),
    (["United States", "U.S.", "US", "美国", "美方", "Mỹ", "Hoa Kỳ", "Estados Unidos", "Washington"], "USA"),
    (["Russia", "俄罗斯", "Nga", "Rusia", "روسيا", "Moscow"], "RUS"),
    (["Ukraine", "乌克兰"], "UKR"),
    (["India", "印度", "Ấn Độ"], "IND"),
    (["Vietnam", "越南", "Việt Nam"], "VNM"),
    (["Philippines", "菲律宾"], "PHL"),
    (["Israel", "以色列", "إسرائيل"], "ISR"),
    (["Iran", "伊朗"], "IRN"),
    (["France", "法国", "Pháp", "Francia"], "FRA"),
    (["Germany", "德国", "Đức"], "DEU"),
    (["Poland", "波兰", "Ba Lan"], "POL"),
    (["Turkey", "土耳其", "Thổ Nhĩ Kỳ"], "TUR"),
    (["Colombia", "colombianos"], "COL"),
    (["Venezuela", "委内瑞拉"], "VEN"),
    (["Egypt", "مصر", "المصريين", "埃及", "Ai Cập"], "EGY"),
    (["Myanmar", "缅甸"], "MMR"),
    (["Argentina", "阿根廷"], "ARG"),
    (["Pakistan", "巴基斯坦"], "PAK"),
    (["Australia", "澳大利亚", "Australia"], "AUS"),
    (["Lebanon", "黎巴嫩", "Liban"], "LBN"),
    (["Qatar", "卡塔尔"], "QAT"),
    (["Laos", "老挝", "Lào"], "LAO"),
    (["Canada", "加拿大"], "CAN"),
    (["Saudi Arabia", "沙特"], "SAU"),
    (["Iraq", "伊拉克"], "IRQ"),
]:
    for n in names:
        GAZ[n] = (c, None, c)
for n, code in [("European Union", "IGOEU"), ("欧盟", "IGOEU"), ("Liên minh châu Âu", "IGOEU"),
                ("United Nations", "IGOUNO"), ("联合国", "IGOUNO"), ("Liên hợp quốc", "IGOUNO")]:
    GAZ[n] = (None, "IGO", code)
for n, c, code in [("Blinken", "USA", "USAGOV"), ("布林肯", "USA", "USAGOV"), ("Wang Yi", "CHN", "CHNGOV"),
                   ("王毅", "CHN", "CHNGOV"), ("Qin Gang", "CHN", "CHNGOV"), ("秦刚", "CHN", "CHNGOV"),
                   ("Lavrov", "RUS", "RUSGOV"), ("拉夫罗夫", "RUS", "RUSGOV"), ("Sullivan", "USA", "USAGOV"),
                   ("沙利文", "USA", "USAGOV"), ("Hamas", "PSE", "PSEREB"), ("哈马斯", "PSE", "PSEREB"),
                   ("police", None, "COP"), ("protesters", None, "CVL"),
                   ("người biểu tình", None, "CVL")]:
    GAZ[n] = (c, code[3:] or None, code)
#: places: name → (country, lat, lon)
PLACES: dict[str, tuple[str, float, float]] = {
    "Beijing": ("CHN", 39.9, 116.4), "北京": ("CHN", 39.9, 116.4), "Bắc Kinh": ("CHN", 39.9, 116.4),
    "Bangkok": ("THA", 13.75, 100.5), "曼谷": ("THA", 13.75, 100.5), "Manila": ("PHL", 14.6, 121.0),
    "马尼拉": ("PHL", 14.6, 121.0), "Hà Nội": ("VNM", 21.0, 105.8), "Paris": ("FRA", 48.9, 2.35),
    "Cairo": ("EGY", 30.0, 31.2), "القاهرة": ("EGY", 30.0, 31.2),
}


def find_mentions(text: str, offset: int = 0) -> list[ActorMention]:
    """Longest-first, non-overlapping gazetteer matches on word boundaries (any position for zh)."""
    names = sorted(list(GAZ) + list(PLACES), key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    out: list[ActorMention] = []
    for n in names:
        i = text.find(n)
        while i >= 0:
            j = i + len(n)
            ascii_name = n[0].isascii()
            boundary = not ascii_name or ((i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()))
            if boundary and not any(a < j and i < b for a, b in taken):
                taken.append((i, j))
                if n in PLACES:
                    c, lat, lon = PLACES[n]
                    out.append(ActorMention(start=offset + i, end=offset + j, text=n, entry=f"test.place.{n}", name=n,
                                            country=c, sector="GOV", code=c + "GOV", kind="metonym",
                                            is_location=True, lat=lat, lon=lon))
                else:
                    c, sec, code = GAZ[n]
                    out.append(ActorMention(start=offset + i, end=offset + j, text=n, entry=f"test.{code}.{n}", name=n,
                                            country=c, sector=sec, code=code))
            i = text.find(n, j)
    return sorted(out, key=lambda m: m.start)


def build_doc(text: str, lang: str, pub_date: dt.date | None = None) -> Document:
    """A document whose sentences are the lines of ``text``, with gazetteer mentions."""
    sents, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            sents.append(Sentence(index=len(sents), start=pos, end=pos + len(line), text=line, lang=lang))
        pos += len(line) + 1
    return Document(id=Document.make_id(text), source="test", text=text, lang=lang, lang_hint=lang,
                    pub_date=pub_date, sentences=sents, mentions=find_mentions(text))


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    """``make_doc(text, lang, pub_date=None)`` → a coded-ready :class:`Document`."""
    return build_doc
