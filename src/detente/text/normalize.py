"""Chinese traditional → simplified normalisation that keeps offsets.

The mapping is OpenCC's character table (``TSCharacters.txt``) restricted to one-character
targets, applied with :meth:`str.translate`: the result always has the same length as the
input, so offsets found in the normalised form point into the original text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import DataError


@cache
def _t2s_table() -> dict[int, int]:
    try:
        path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        raise DataError(f"OpenCC character table not found: {exc}") from exc
    table: dict[int, int] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or len(parts[0]) != 1:
            continue
        target = parts[1].split(" ")[0]
        if len(target) == 1 and target != parts[0]:
            table[ord(parts[0])] = ord(target)
    return table


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese, character by character (same length as ``text``)."""
    return text.translate(_t2s_table())


def norm_for(text: str, lang: str | None) -> str | None:
    """The matching form of a sentence (``Sentence.norm``): simplified Chinese for ``zh``
    when it differs from the text, else ``None``."""
    if lang != "zh":
        return None
    out = to_simplified(text)
    return out if out != text else None
