"""Documents for testing coder rules without the actor table: a hand-made gazetteer of names.

    >>> from detente.events.testing import gazetteer_document
    >>> from detente.events import code_document
    >>> doc = gazetteer_document("Japan condemned North Korea.", "en",
    ...                          {"Japan": ("JPN", None, "JPN", "state"), "North Korea": ("PRK", None, "PRK", "state")})
    >>> [(e.event, e.actor["country"], e.recipient["country"]) for e in code_document(doc)]
    [('ACCUSE', 'JPN', 'PRK')]

A lexicon entry or a grammar rule can so be pinned on the coder alone, whatever the actor table
says. Gazetteer values: ``(country, sector, code, kind)`` or ``(country, sector, code, kind,
is_location)``; kind ``"capital"`` is a metonym that is also a location.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import ActorMention, Document, Sentence

#: A gazetteer value: (country, sector, code, kind) or (country, sector, code, kind, is_location).
GazetteerValue = tuple[str | None, str | None, str, str] | tuple[str | None, str | None, str, str, bool]


def gazetteer_mentions(text: str, gazetteer: Mapping[str, GazetteerValue], *,
                       whole_words: bool = True) -> list[ActorMention]:
    """Mentions of the gazetteer's names in ``text``: longest names first, no overlaps, on word
    boundaries when ``whole_words`` (unspaced scripts: pass ``False``), sorted by start."""
    mentions: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(gazetteer, key=len, reverse=True):
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            free = not any(a < j and i < b for a, b in taken)
            bounded = not whole_words or ((i == 0 or not text[i - 1].isalnum())
                                          and (j == len(text) or not text[j].isalnum()))
            if free and bounded:
                taken.append((i, j))
                value = gazetteer[name]
                country, sector, code, kind = value[:4]
                location = bool(value[4]) if len(value) > 4 else kind == "capital"
                mentions.append(ActorMention(start=i, end=j, text=name, entry=f"test.{code}.{name}", name=name,
                                             country=country, sector=sector, code=code,
                                             kind="metonym" if kind == "capital" else kind, is_location=location))
            i = text.find(name, j)
    return sorted(mentions, key=lambda m: m.start)


def gazetteer_document(text: str | Sequence[str], lang: str, gazetteer: Mapping[str, GazetteerValue], *,
                       whole_words: bool | None = None) -> Document:
    """A coder-ready document: one sentence (``text`` a string) or several (a list, joined by a
    space, or by nothing for zh/ja), with the gazetteer's mentions. ``whole_words`` defaults to
    ``False`` for zh/ja, else ``True``."""
    unspaced = lang in ("zh", "ja")
    parts = [text] if isinstance(text, str) else list(text)
    sep = "" if unspaced else " "
    joined = sep.join(parts)
    sents, pos = [], 0
    for k, s in enumerate(parts):
        sents.append(Sentence(index=k, start=pos, end=pos + len(s), text=s, lang=lang))
        pos += len(s) + len(sep)
    words = (not unspaced) if whole_words is None else whole_words
    return Document(id=Document.make_id(joined), source="test", text=joined, lang=lang, lang_hint=lang,
                    sentences=sents, mentions=gazetteer_mentions(joined, gazetteer, whole_words=words))
