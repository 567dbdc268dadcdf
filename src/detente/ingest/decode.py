"""Turning bytes into text: BOMs, UTF-8, then a charset guess; binary is refused."""

from __future__ import annotations

import codecs

from ..errors import EncodingError

#: Share of control characters (other than tab/newline/CR/FF) above which bytes are binary.
#: Calibrated on the ingest fixtures: real text (any script) has ~0; images and archives > 0.1.
MAX_CONTROL_RATIO = 0.02

#: Guesses whose "chaos" is within this of the best guess count as ties.
CHAOS_TIE = 0.01

#: Legacy encodings that news pages really use, preferred when a guess is a tie.
PREFERRED_ENCODINGS: tuple[str, ...] = (
    "cp1252", "latin_1", "iso8859_15", "gb18030", "gbk", "gb2312", "big5", "cp1251", "koi8_r",
    "cp1258", "cp1256", "iso8859_6", "shift_jis", "euc_kr", "cp1250", "iso8859_2",
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) > MAX_CONTROL_RATIO


def decode_bytes(data: bytes, record: str, declared: str | None = None) -> str:
    """Decode ``data`` to text.

    Order: byte-order mark; the declared charset (HTTP/meta) when given; strict UTF-8;
    charset-normalizer's best guess. Text that still looks binary raises.

    Raises:
        EncodingError: the bytes are not text in any supported encoding (names ``record``).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise EncodingError(record, f"invalid {enc} text after byte-order mark: {exc.reason}") from exc
            return _checked(text, record, enc)
    if b"\x00" in data[:4096]:
        raise EncodingError(record, "binary content (NUL bytes), not text")
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return _checked(data.decode(enc), record, enc)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise EncodingError(record, "unreadable encoding: not UTF-8 and no charset could be detected")
    best = matches[0]
    # Among guesses as clean as the best one, prefer the encodings web pages actually use
    # (charset-normalizer ties DOS code pages such as cp857 with cp1252 on short Latin text).
    clean = {m.encoding: m for m in matches if m.chaos <= best.chaos + CHAOS_TIE}
    for enc in PREFERRED_ENCODINGS:
        if enc in clean:
            best = clean[enc]
            break
    return _checked(str(best), record, best.encoding)


def _checked(text: str, record: str, enc: str) -> str:
    if _looks_binary(text):
        raise EncodingError(record, f"binary content (control characters after decoding as {enc}), not text")
    return text
