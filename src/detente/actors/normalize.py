"""Length-preserving text normalisation for actor matching.

Every character maps to exactly one character, so an offset into the normalised text is an
offset into the original text. Used both on pattern surface forms (at build time) and on
documents (at match time).
"""

from __future__ import annotations

#: One-to-one character replacements applied after lower-casing.
_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00b7": "\u00b7", "\u2027": "\u00b7", "\u2022": "\u00b7", "\u30fb": "\u00b7", "\uff65": "\u00b7",
    "\uff0e": "\u00b7", "\u2219": "\u00b7", "\u22c5": "\u00b7",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ", "\n": " ", "\r": " ",
    "\u2002": " ", "\u2003": " ", "\u200a": " ",
    # Arabic letter variants
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0629": "\u0647", "\u0649": "\u064a",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _MAP.items()}
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Lower-case and fold punctuation/letter variants; the result has ``len(text)``."""
    low = text.lower()
    if len(low) != len(text):  # rare: characters whose lower case is longer (İ → i̇): keep its base letter
        low = "".join(c.lower()[0] for c in text)
    return low.translate(_TABLE)
