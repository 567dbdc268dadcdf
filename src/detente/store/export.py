"""Exports of the deduplicated events, and readers for round trips.

Formats (:data:`FORMATS`):

``plover-jsonl``  one event dict per line (the event record of its first mention plus counts,
                  first/last seen, flags and its mentions), UTF-8 JSON.
``gdelt``         the GDELT 2.0 *events* layout: 61 tab-separated columns, no header, codes as
                  strings (CAMEO ``040`` keeps its zero), dates ``YYYYMMDD``; loads in existing
                  GDELT tooling. ``GLOBALEVENTID`` is the first 15 hex digits of our id as a
                  decimal (fits a signed 64-bit integer); ``AvgTone`` is 0 (no tone is measured);
                  geographic country codes are left empty (GDELT uses FIPS 10-4, we keep ISO).
``polecat``       POLECAT-style tab-separated table with a header (PLOVER type, mode, intensity,
                  actors, recipient, place, source, language, version).
``parquet``       flat columns (pyarrow; for DuckDB, Spark, pandas); flags and mention doc ids
                  as string lists.
``csv``           the same flat columns as Parquet, comma-separated with a header.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..errors import MissingExtraError
from ..version import CODER_VERSION

FORMATS = ("plover-jsonl", "gdelt", "polecat", "parquet", "csv")

#: GDELT 2.0 event table columns, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: An event whose evidence starts within this many characters of the cleaned text (the title line
#: and the lead paragraph of a news article) is a GDELT "root event".
ROOT_EVENT_CHARS = 600

#: Flat columns of the CSV and Parquet exports: (name, type) with type one of str/int/float/list.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("date", "str"), ("date_precision", "str"), ("event", "str"), ("mode", "str"),
    ("cameo", "str"), ("goldstein", "float"), ("quad_class", "int"), ("dyad", "str"),
    ("actor_code", "str"), ("actor_name", "str"), ("actor_country", "str"), ("actor_sector", "str"),
    ("actor_text", "str"),
    ("recipient_code", "str"), ("recipient_name", "str"), ("recipient_country", "str"),
    ("recipient_sector", "str"), ("recipient_text", "str"),
    ("location_name", "str"), ("location_country", "str"), ("lat", "float"), ("lon", "float"),
    ("num_mentions", "int"), ("num_sources", "int"), ("num_languages", "int"),
    ("first_seen", "str"), ("last_seen", "str"), ("confidence", "float"), ("flags", "list"),
    ("lang", "str"), ("doc_id", "str"), ("url", "str"), ("evidence", "str"), ("trigger", "str"),
    ("coder", "str"), ("lexicon_entry", "str"), ("story_id", "str"), ("mention_doc_ids", "list"),
)

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Title", "Actor Name Raw",
    "Recipient Name", "Recipient Country", "Primary Recipient Sector", "Recipient Title", "Recipient Name Raw",
    "Placename", "Country", "Latitude", "Longitude", "Raw Placename", "Source", "Publication Date",
    "Language", "Version", "Event Text", "Num Mentions", "Num Sources", "Num Languages", "Flags",
)

QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}


# ---------------------------------------------------------------------------- rows


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def _clean(s: str) -> str:
    """No tabs or line breaks inside a TSV field."""
    return " ".join(s.replace("\t", " ").split())


def flat_row(ev: dict[str, Any]) -> dict[str, Any]:
    """One event dict (from :meth:`Store.events`) as the flat CSV/Parquet row."""
    a = ev.get("actor") or {}
    r = ev.get("recipient") or {}
    loc = ev.get("location") or {}
    evid = ev.get("evidence") or {}
    prov = ev.get("provenance") or {}
    mentions = ev.get("mentions") or []
    first = mentions[0] if mentions else {}
    return {
        "id": ev.get("id"), "date": ev.get("date"), "date_precision": ev.get("date_precision"),
        "event": ev.get("event"), "mode": ev.get("mode"), "cameo": ev.get("cameo"),
        "goldstein": ev.get("goldstein"), "quad_class": ev.get("quad_class"), "dyad": ev.get("dyad"),
        "actor_code": a.get("code"), "actor_name": a.get("name"), "actor_country": a.get("country"),
        "actor_sector": a.get("sector"), "actor_text": a.get("text"),
        "recipient_code": r.get("code"), "recipient_name": r.get("name"), "recipient_country": r.get("country"),
        "recipient_sector": r.get("sector"), "recipient_text": r.get("text"),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "num_mentions": ev.get("num_mentions"), "num_sources": ev.get("num_sources"),
        "num_languages": ev.get("num_languages"), "first_seen": ev.get("first_seen"),
        "last_seen": ev.get("last_seen"), "confidence": ev.get("confidence"), "flags": list(ev.get("flags") or []),
        "lang": ev.get("lang"), "doc_id": ev.get("doc_id"), "url": first.get("url"),
        "evidence": evid.get("sentence"), "trigger": evid.get("trigger"), "coder": prov.get("coder"),
        "lexicon_entry": prov.get("lexicon_entry"), "story_id": ev.get("story_id"),
        "mention_doc_ids": sorted({m.get("doc_id") for m in mentions if m.get("doc_id")}),
    }


def gdelt_row(ev: dict[str, Any]) -> list[str]:
    """One event dict as the 61 GDELT 2.0 fields (strings)."""
    a = ev.get("actor") or {}
    r = ev.get("recipient") or {}
    loc = ev.get("location") or {}
    day = (ev.get("date") or ev.get("first_seen") or "")
    ymd = day.replace("-", "")
    ymd = (ymd + "0101")[:8] if len(ymd) in (4, 6) else ymd
    year = ymd[:4]
    frac = ""
    if len(ymd) == 8:
        import datetime as dt

        d = dt.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    cameo = str(ev.get("cameo") or "")
    mentions = ev.get("mentions") or []
    first = mentions[0] if mentions else {}
    start = (ev.get("evidence") or {}).get("start") or 0

    def actor(x: dict[str, Any]) -> list[str]:
        code = _s(x.get("code"))
        sector = _s(x.get("sector"))
        return [code, _clean(_s(x.get("name")).upper()), _s(x.get("country")), "", "", "", "",
                sector, "", ""]

    def geo(x: dict[str, Any]) -> list[str]:
        if not x or x.get("lat") is None:
            return ["0", "", "", "", "", "", "", ""]
        gtype = "3" if x.get("country") == "USA" else "4"
        return [gtype, _clean(_s(x.get("name"))), "", "", "", _s(x.get("lat")), _s(x.get("lon")), ""]

    first_seen = (ev.get("first_seen") or day or "").replace("-", "")
    row = [
        str(int(str(ev["id"])[:15], 16)), ymd, ymd[:6], year, frac,
        *actor(a), *actor(r),
        "1" if int(start) < ROOT_EVENT_CHARS else "0", cameo, cameo[:3], cameo[:2], _s(ev.get("quad_class")),
        _s(ev.get("goldstein")), _s(ev.get("num_mentions")), _s(ev.get("num_sources")),
        str(len({m.get("doc_id") for m in mentions}) or 1), "0",
        *geo({}), *geo({}), *geo(loc),
        (first_seen + "000000")[:14] if first_seen else "", _clean(_s(first.get("url"))),
    ]
    assert len(row) == 61
    return row


def polecat_row(ev: dict[str, Any]) -> list[str]:
    """One event dict as a POLECAT-style row (strings, :data:`POLECAT_COLUMNS`)."""
    a = ev.get("actor") or {}
    r = ev.get("recipient") or {}
    loc = ev.get("location") or {}
    evid = ev.get("evidence") or {}
    mentions = ev.get("mentions") or []
    first = mentions[0] if mentions else {}
    return [_clean(_s(x)) for x in (
        ev.get("id"), ev.get("date"), ev.get("event"), ev.get("mode"), ev.get("goldstein"),
        QUAD_NAMES.get(int(ev.get("quad_class") or 0), ""), "",
        a.get("name"), a.get("country"), a.get("sector"), a.get("role"), a.get("text"),
        r.get("name"), r.get("country"), r.get("sector"), r.get("role"), r.get("text"),
        loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("text"),
        first.get("site") or first.get("url"), first.get("pub_date") or ev.get("first_seen"),
        ev.get("lang"), (ev.get("provenance") or {}).get("coder") or CODER_VERSION, evid.get("sentence"),
        ev.get("num_mentions"), ev.get("num_sources"), ev.get("num_languages"), ";".join(ev.get("flags") or []),
    )]


# ---------------------------------------------------------------------------- writers


def _open_out(out: BinaryIO | str | os.PathLike[str]) -> tuple[BinaryIO, bool]:
    if isinstance(out, str | os.PathLike):
        return open(out, "wb"), True
    return out, False


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: BinaryIO | str | os.PathLike[str]) -> int:
    """Write event dicts in ``fmt`` to a binary stream or a path; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(events, out)
    stream, close = _open_out(out)
    try:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        n = 0
        try:
            if fmt == "plover-jsonl":
                for ev in events:
                    text.write(json.dumps(ev, ensure_ascii=False, default=str) + "\n")
                    n += 1
            elif fmt == "gdelt":
                for ev in events:
                    text.write("\t".join(gdelt_row(ev)) + "\n")
                    n += 1
            elif fmt == "polecat":
                text.write("\t".join(POLECAT_COLUMNS) + "\n")
                for ev in events:
                    text.write("\t".join(polecat_row(ev)) + "\n")
                    n += 1
            else:  # csv
                w = csv.writer(text)
                names = [c for c, _ in FLAT_COLUMNS]
                w.writerow(names)
                for ev in events:
                    row = flat_row(ev)
                    w.writerow([";".join(row[c]) if t == "list" else _s(row[c]) for c, t in FLAT_COLUMNS])
                    n += 1
            text.flush()
        finally:
            text.detach()
    finally:
        if close:
            stream.close()
    return n


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as _pq  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("parquet", "pyarrow") from exc
    return pa


def _arrow_schema(pa: Any) -> Any:
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    return pa.schema([(c, types[t]) for c, t in FLAT_COLUMNS])


def _write_parquet(events: Iterable[dict[str, Any]], out: BinaryIO | str | os.PathLike[str],
                   row_group: int = 50_000) -> int:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = _arrow_schema(pa)
    sink = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    n = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as w:
        buf: list[dict[str, Any]] = []
        for ev in events:
            buf.append(flat_row(ev))
            if len(buf) >= row_group:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            w.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


def export_events(store: Any, fmt: str, out: BinaryIO | str | os.PathLike[str], **filters: Any) -> int:
    """Export the store's deduplicated events (``filters``: dyad, since, until, types, directed)
    in ``fmt`` (one of :data:`FORMATS`) to a binary stream or a path; returns the count."""
    return write_events(store.iter_events(**filters), fmt, out)


# ---------------------------------------------------------------------------- readers


def _read_text(src: IO[bytes] | str | os.PathLike[str]) -> str:
    if isinstance(src, str | os.PathLike):
        return Path(src).read_text(encoding="utf-8")
    return src.read().decode("utf-8")


def read_plover_jsonl(src: IO[bytes] | str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a ``plover-jsonl`` export back into event dicts."""
    return [json.loads(line) for line in _read_text(src).splitlines() if line.strip()]


def read_gdelt(src: IO[bytes] | str | os.PathLike[str]) -> list[dict[str, str]]:
    """Read a GDELT 2.0 events file (61 columns, no header) into dicts keyed by column name."""
    out = []
    for i, line in enumerate(_read_text(src).split("\n")):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(GDELT_COLUMNS):
            raise ValueError(f"line {i + 1}: {len(fields)} columns, GDELT 2.0 events have 61")
        out.append(dict(zip(GDELT_COLUMNS, fields, strict=True)))
    return out


def read_polecat(src: IO[bytes] | str | os.PathLike[str]) -> list[dict[str, str]]:
    """Read a POLECAT-style export (TSV with header) into dicts."""
    lines = [ln for ln in _read_text(src).split("\n") if ln]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def _typed(value: str, t: str) -> Any:
    if t == "list":
        return value.split(";") if value else []
    if value == "":
        return None
    if t == "int":
        return int(value)
    if t == "float":
        return float(value)
    return value


def read_csv(src: IO[bytes] | str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a ``csv`` export back into typed flat rows."""
    types = dict(FLAT_COLUMNS)
    rows = csv.DictReader(io.StringIO(_read_text(src), newline=""))
    return [{k: _typed(v, types.get(k, "str")) for k, v in row.items()} for row in rows]


def read_parquet(src: IO[bytes] | str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a ``parquet`` export back into flat rows."""
    _pyarrow()
    import pyarrow.parquet as pq

    return pq.read_table(os.fspath(src) if isinstance(src, str | os.PathLike) else src).to_pylist()


READERS: dict[str, Callable[[Any], list[dict[str, Any]]]] = {
    "plover-jsonl": read_plover_jsonl,
    "gdelt": read_gdelt,
    "polecat": read_polecat,
    "csv": read_csv,
    "parquet": read_parquet,
}


def read_events(src: IO[bytes] | str | os.PathLike[str], fmt: str) -> list[dict[str, Any]]:
    """Read an export of format ``fmt`` (round-trip tests, downstream loading)."""
    return READERS[fmt](src)


def iter_flat(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Flat rows (as in CSV/Parquet) for event dicts."""
    for ev in events:
        yield flat_row(ev)
