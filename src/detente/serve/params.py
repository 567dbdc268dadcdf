"""Parsing and validation of the query parameters shared by the REST API and the dashboard.

Pure Python (no web framework): every function either returns the parsed value or raises
:class:`ParamError`, which the app turns into a ``422`` with the API's one error shape::

    {"error": {"code": "invalid_parameter", "message": "...", "details": [{"param", "value", "message"}]}}
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..options import SUPPORTED_LANGS
from ..records import PLOVER_TYPES

#: Time buckets the timeline understands.
INTERVALS: tuple[str, ...] = ("month", "week", "day")

#: Default and largest page sizes for event lists (JSON and CSV).
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000

#: One side of a dyad: a country or actor code of 2–16 letters/digits (USA, CHN, EU, IGOSEAASN …).
_SIDE = r"[A-Z][A-Z0-9]{1,15}"
_DYAD_RE = re.compile(rf"^({_SIDE})-({_SIDE})$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(slots=True)
class ParamIssue:
    """One invalid parameter: its name, the value received and what is wrong with it."""

    param: str
    value: object
    message: str

    def to_dict(self) -> dict[str, object]:
        """JSON form used in the ``details`` of the error response."""
        return {"param": self.param, "value": self.value, "message": self.message}


class ParamError(ValueError):
    """One or more request parameters are invalid (rendered as HTTP 422)."""

    def __init__(self, issues: list[ParamIssue]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{i.param}: {i.message}" for i in issues))

    @classmethod
    def one(cls, param: str, value: object, message: str) -> ParamError:
        """An error about a single parameter."""
        return cls([ParamIssue(param, value, message)])


def parse_dyad(value: str | None, param: str = "dyad") -> str | None:
    """``"usa-chn"`` → ``"USA-CHN"``; ``None``/empty → ``None``.

    A dyad is two actor codes joined by ``-`` (direction-free in the store). Raises
    :class:`ParamError` for anything else (``"USA-"``, ``"USA"``, ``"U$A-CHN"``).
    """
    if value is None or value.strip() == "":
        return None
    v = value.strip().upper()
    if not _DYAD_RE.match(v):
        raise ParamError.one(param, value, "expected two actor codes joined by '-', e.g. USA-CHN")
    return v


def parse_date(value: str | None, param: str, *, end: bool = False) -> dt.date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Partial dates stand for the whole year or month: the first day for ``since`` and the last
    day when ``end`` is true (``until=2023-06`` → 2023-06-30).
    """
    if value is None or value.strip() == "":
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        raise ParamError.one(param, value, "expected a date YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return dt.date(year, int(month), int(day))
        if month is not None:
            mo = int(month)
            last = calendar.monthrange(year, mo)[1] if 1 <= mo <= 12 else 0
            return dt.date(year, mo, last if end else 1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError as exc:
        raise ParamError.one(param, value, f"not a valid date: {exc}") from exc


def parse_range(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Parse a ``since``/``until`` pair and check that it is not reversed."""
    issues: list[ParamIssue] = []
    s = u = None
    try:
        s = parse_date(since, "since")
    except ParamError as e:
        issues += e.issues
    try:
        u = parse_date(until, "until", end=True)
    except ParamError as e:
        issues += e.issues
    if s and u and s > u:
        issues.append(ParamIssue("until", until, f"is before since ({s.isoformat()})"))
    if issues:
        raise ParamError(issues)
    return s, u


def parse_types(values: Iterable[str] | None) -> list[str] | None:
    """PLOVER types from repeated and/or comma-separated ``type`` values, upper-cased and checked."""
    if not values:
        return None
    out: list[str] = []
    for raw in values:
        for part in raw.split(","):
            t = part.strip().upper()
            if not t:
                continue
            if t not in PLOVER_TYPES:
                raise ParamError.one("type", part.strip(), f"not a PLOVER type (one of {', '.join(PLOVER_TYPES)})")
            if t not in out:
                out.append(t)
    return out or None


def parse_interval(value: str | None) -> str:
    """``month`` (default), ``week`` or ``day``."""
    v = (value or "month").strip().lower()
    if v not in INTERVALS:
        raise ParamError.one("interval", value, f"expected one of {', '.join(INTERVALS)}")
    return v


def parse_limit(value: int | None, default: int = DEFAULT_LIMIT, maximum: int = MAX_LIMIT) -> int:
    """A page size between 1 and ``maximum``."""
    if value is None:
        return default
    if value < 1 or value > maximum:
        raise ParamError.one("limit", value, f"must be between 1 and {maximum}")
    return value


def parse_offset(value: int | None) -> int:
    """A non-negative offset."""
    if value is None:
        return 0
    if value < 0:
        raise ParamError.one("offset", value, "must be 0 or more")
    return value


def parse_lang(value: str | None) -> str | None:
    """A supported language code or ``None``."""
    if value is None or value.strip() == "":
        return None
    v = value.strip().lower()
    if v not in SUPPORTED_LANGS:
        raise ParamError.one("lang", value, f"expected one of {', '.join(SUPPORTED_LANGS)}")
    return v


def parse_format(value: str | None, allowed: tuple[str, ...]) -> str:
    """An output format among ``allowed`` (the first is the default)."""
    v = (value or allowed[0]).strip().lower()
    if v not in allowed:
        raise ParamError.one("format", value, f"expected one of {', '.join(allowed)}")
    return v


def split_dyad(dyad: str) -> tuple[str, str]:
    """``"USA-CHN"`` → ``("USA", "CHN")`` (the dyad must already be parsed)."""
    a, b = dyad.split("-", 1)
    return a, b
