"""User actor dictionaries: actors added at run time on top of the compiled table.

Researchers add their own actors (a local militia, a new minister, a company) without
rebuilding the package, in one of two formats:

* **YAML** (``.yaml``/``.yml``), the shape of ``data/actors/people.yaml`` / ``orgs.yaml``::

      people:
      - id: jane_doe                  # entry id becomes user:jane_doe
        name: Jane Doe
        country: ARN                  # ISO alpha-3 (or a code of your own)
        en: [Jane Doe, J. Doe]        # names per language (en zh vi es fr ru ar)
        surname: {en: Doe}            # matched alone next to a title / after the full name
        strong: false                 # true: the surname alone is enough
        roles:                        # [role key of roles.yaml, country, start, end] (ISO dates)
        - [DEF, ARN, 2026-03-01, ""]
      orgs:
      - id: river_militia
        name: River Militia
        code: ARNREB                  # CAMEO-style code: country + sector (IGO…, NGO… for orgs)
        en: [River Militia, Riverside Brigades]

* **TABARI/PETRARCH** dictionaries (any other extension): ``NAME_WITH_UNDERSCORES [CODE]``,
  ``+SYNONYM`` lines, indented code lines, dated codes ``[CODE >YYYYMMDD]`` (from),
  ``[CODE <YYYYMMDD]`` (before), ``[CODE YYYYMMDD-YYYYMMDD]`` (six-digit ``YYMMDD`` too),
  ``#`` comments and ``<!-- -->`` blocks. A phrase without a final underscore is a TABARI stem
  (``ARGENTIN`` matches *Argentina*, *Argentine*: up to three more letters, when its last word
  has at least four). Agent entries (``TROOPS {} [~MIL]``, ``ARMED_FORCES [~MIL]``) are sector
  nouns that combine with a country word (*Gondorian troops* → GONMIL); ``{PLURAL}`` gives the
  plural (``{}`` none; default: the regular English plural) and ``!SET! = A, B`` substitution
  sets expand ``!SET!`` markers.

Every entry gets an id ``user:…``; a mention resolved from it carries that id (``entry``), so
each event's ``provenance.actor_entries`` names the user entry. A user surface form replaces the
built-in interpretations of the same surface form; the compiled table file is never modified.
Bad files raise :class:`~detente.errors.ActorFileError` naming the file, the line and the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import ahocorasick_rs

from ..errors import ActorFileError
from ..records import ActorMention
from .normalize import normalize
from .table import ActorTable, Pattern, encode_entry, encode_role, get_table, key_info, pattern_rank

#: Languages of the per-language name lists in YAML files.
LANGS = ("en", "zh", "vi", "es", "fr", "ru", "ar")
#: Code heads that are no country: the code is an organisation's (IGOUNO, NGOHRI, MNCUSA…).
ORG_HEADS = frozenset({"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "MOS"})
#: TABARI codes for "an actor, but no code" (``---``; ``+++`` and ``###`` in old dictionaries).
NULL_CODES = frozenset({"---", "+++", "###"})
#: Two-digit TABARI years up to this one are 20xx, later ones 19xx (``950601`` → 1995-06-01).
CENTURY_PIVOT = 20
#: A TABARI stem (phrase without a final underscore) takes at most three more letters, and only
#: when its last word has at least this many letters (``ENT`` must not match *Entry*).
MIN_STEM_WORD = 4
#: Priority of user roles (curated roles are 0, lower wins).
USER_ROLE_PRIO = -1


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code valid from ``start`` (included) to ``end`` (excluded); empty = open."""

    code: str
    start: str = ""
    end: str = ""

    @property
    def dated(self) -> bool:
        """Whether the code has a date restriction."""
        return bool(self.start or self.end)

    def covers(self, day: str) -> bool:
        """Whether the code holds on ``day`` (ISO date string)."""
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(slots=True)
class UserForm:
    """One surface form of a user entry: ``lang`` ("*" = every language), ``ptype`` (E entity,
    N surname, G agent noun), ``stem`` (TABARI stem: a short ending may follow)."""

    surface: str
    lang: str = "*"
    ptype: str = "E"
    stem: bool = False
    strong: bool = False


@dataclass(slots=True)
class UserActor:
    """One entry of a user dictionary."""

    id: str
    kind: str
    name: str
    codes: list[DatedCode]
    forms: list[UserForm]
    line: int
    country: str | None = None
    sector: str | None = None
    #: YAML people: dated roles ``(role key, country, start, end)``
    roles: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def code(self) -> str:
        """The default code: the undated one, else the first."""
        return next((c.code for c in self.codes if not c.dated), self.codes[0].code if self.codes else "---")


@dataclass(slots=True)
class UserActors:
    """The entries of one user dictionary file, with the warnings its reading produced."""

    path: str
    format: str
    actors: list[UserActor]
    warnings: list[str] = field(default_factory=list)
    digest: str = ""


# ----------------------------------------------------------------------------- codes
def split_code(code: str) -> tuple[str | None, str | None]:
    """``(country, sector)`` of a CAMEO-style code: ``DAGGOV`` → (DAG, GOV), ``ARN`` → (ARN,
    None), ``IGOUNO`` → (None, IGO), ``---`` → (None, None)."""
    head = code[:3]
    if code in NULL_CODES or head.startswith("-") or not head.isalpha() or len(head) < 3:
        return None, None
    if head in ORG_HEADS:
        return None, head
    return head, code[3:6] or None


def _tabari_date(s: str) -> str:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        s = ("20" if int(s[:2]) <= CENTURY_PIVOT else "19") + s
    if len(s) != 8 or not s.isdigit():
        raise _BadDate(f"bad date {s!r} (YYYYMMDD or YYMMDD)")
    try:
        return dt.date(int(s[:4]), int(s[4:6]) or 1, int(s[6:8]) or 1).isoformat()
    except ValueError:
        raise _BadDate(f"bad date {s!r} (no such day)") from None


_DATED = re.compile(r"^(?P<code>\S+)\s*(?:(?P<op>[<>])\s*(?P<d>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+)|(?P<s>\d+))?$")


def parse_code(body: str, path: str, line: int, warnings: list[str]) -> DatedCode | None:
    """One TABARI code block (the text between brackets) as a :class:`DatedCode`; None (and a
    warning) when a date in it is not a date: real dictionaries have a few (``2004017``)."""
    try:
        return _parse_code(body, path, line, warnings)
    except _BadDate as exc:
        warnings.append(f"{path}:{line}: {exc}: code [{body.strip()}] ignored")
        return None


class _BadDate(ValueError):
    """A date of a code block that is no date."""


def _parse_code(body: str, path: str, line: int, warnings: list[str]) -> DatedCode:
    m = _DATED.match(body.strip())
    if m is None:
        raise ActorFileError(path, line, f"cannot read code block [{body}]")
    code = m.group("code").upper()
    if "/" in code:
        first = code.split("/")[0]
        warnings.append(f"{path}:{line}: compound code {code}: only {first} is used")
        code = first
    start = end = ""
    if m.group("op") == ">":
        start = _tabari_date(m.group("d"))
    elif m.group("op") == "<":
        end = _tabari_date(m.group("d"))
    elif m.group("a"):
        start, end = _tabari_date(m.group("a")), _tabari_date(m.group("b"))
        # TABARI ranges include their last day; ours exclude the end
        end = (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()
    elif m.group("s"):
        start = _tabari_date(m.group("s"))
        warnings.append(f"{path}:{line}: [{body.strip()}] has one date without < or >: read as 'from'")
    if start and end and end <= start:
        raise _BadDate("the date range ends before it starts")
    return DatedCode(code, start, end)


# ----------------------------------------------------------------------------- TABARI
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_SET_DEF = re.compile(r"^!(\w+)!_?\s*=\s*_?(.*)$")


def _phrase(p: str) -> tuple[str, bool]:
    """A TABARI phrase as text and whether it is a stem (no final underscore)."""
    raw = p.strip()
    stem = not raw.endswith("_")
    text = re.sub(r"\s+", " ", raw.replace("_", " ")).strip()
    last = text.rsplit(" ", 1)[-1] if text else ""
    return text, stem and sum(c.isalpha() for c in last) >= MIN_STEM_WORD


def _eid(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")


def _plural(word: str) -> str:
    w = word.upper()
    if w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


def read_tabari(path: str | Path) -> UserActors:
    """Read a TABARI/PETRARCH actor or agent dictionary (see the module docstring; ``.gz`` too)."""
    p = Path(path)
    name = str(p)
    try:
        if p.suffix == ".gz":
            with gzip.open(p, "rt", encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        else:
            text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ActorFileError(name, 0, f"cannot read: {exc.strerror or exc}") from None
    warnings: list[str] = []
    actors: list[UserActor] = []
    sets: dict[str, list[str]] = {}
    cur: UserActor | None = None
    cur_agent = False
    comment_from = 0  # line where an open <!-- block started
    seen: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if comment_from:
            if "-->" in raw:
                comment_from = 0
            continue
        stripped = raw.strip()
        if stripped.startswith("<"):
            if "-->" not in stripped:
                comment_from = n
            continue
        line = _strip_comment(raw).rstrip()
        body = line.strip()
        if not body:
            continue
        m = _SET_DEF.match(body)
        if m:
            words = (w.strip().strip("_") for w in m.group(2).replace("_,_", ",").split(","))
            sets[m.group(1)] = list(dict.fromkeys(w for w in words if w))
            continue
        if body.count("[") != body.count("]"):
            raise ActorFileError(name, n, "unbalanced [ ]")
        codes_txt = _BRACKETS.findall(body)
        head = _BRACKETS.sub(" ", body).strip()
        if body.startswith("+"):  # a synonym of the current entry
            if cur is None:
                raise ActorFileError(name, n, "synonym line (+…) before any actor entry")
            syn, stem = _phrase(head[1:])
            if not syn:
                raise ActorFileError(name, n, "empty synonym")
            cur.forms.append(UserForm(syn, stem=stem and not cur_agent))
            cur.codes += _codes(codes_txt, name, n, warnings)
            continue
        if not head and codes_txt and line[:1] in (" ", "\t", "["):  # a code line of the current entry
            if cur is None:
                raise ActorFileError(name, n, "code line before any actor entry")
            cur.codes += _codes(codes_txt, name, n, warnings)
            continue
        if not head:
            raise ActorFileError(name, n, "code block without an actor phrase")
        # a new entry: PHRASE {PLURALS} [CODE] …
        plural: list[str] | None = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plural = [w for w in pm.group(1).split() if w]
            head = (head[:pm.start()] + head[pm.end():]).strip()
        if "{" in head or "}" in head:
            raise ActorFileError(name, n, "unbalanced { }")
        agent = any(c.strip().startswith("~") or c.strip().endswith("~") for c in codes_txt)
        if agent:
            cur = _agent_entry(head, plural, codes_txt, sets, name, n, warnings)
        else:
            text_, stem = _phrase(head)
            if not text_:
                raise ActorFileError(name, n, "empty actor phrase")
            eid = "user:" + (_eid(text_) or f"L{n}")
            if eid in seen:
                seen[eid] += 1
                eid = f"{eid}_{seen[eid]}"
            else:
                seen[eid] = 1
            cur = UserActor(eid, "", _title(text_), _codes(codes_txt, name, n, warnings),
                            [UserForm(text_, stem=stem)], n)
        cur_agent = agent
        actors.append(cur)
    if comment_from:
        raise ActorFileError(name, comment_from, "comment <!-- is never closed with -->")
    coded = []
    for a in actors:
        if not a.codes:  # real dictionaries have a few ("U.N._" alone in Phoenix.International)
            warnings.append(f"{name}:{a.line}: actor {a.name!r} has no code: ignored")
            continue
        coded.append(a)
        if not a.kind:
            country, sector = split_code(a.code)
            a.country, a.sector = country, sector
            a.kind = "state" if country and len(a.code) == 3 else "org"
    if not coded:
        raise ActorFileError(name, 0, "no actor entry with a code")
    return UserActors(name, "tabari", coded, warnings, hashlib.sha256(text.encode()).hexdigest()[:10])


def _codes(bodies: list[str], path: str, line: int, warnings: list[str]) -> list[DatedCode]:
    return [c for c in (parse_code(b, path, line, warnings) for b in bodies) if c is not None]


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() else w for w in text.split())


def _agent_entry(head: str, plural: list[str] | None, codes_txt: list[str], sets: dict[str, list[str]],
                 path: str, line: int, warnings: list[str]) -> UserActor:
    """A TABARI agent line (``TROOPS {} [~MIL]``) as a sector entry."""
    if len(codes_txt) != 1:
        raise ActorFileError(path, line, "an agent line needs exactly one [~CODE]")
    code = codes_txt[0].strip()
    if code.endswith("~"):
        warnings.append(f"{path}:{line}: [{code}] puts the agent code before the country: read as ~{code[:-1]}")
        code = code[:-1]
    sector = code.lstrip("~").strip().upper()
    if not re.fullmatch(r"[A-Z]{3,}", sector):
        raise ActorFileError(path, line, f"bad agent code [{codes_txt[0]}]")
    phrases = [head]
    for sname in re.findall(r"!(\w+)!", head):
        if sname not in sets:
            raise ActorFileError(path, line, f"substitution set !{sname}! is not defined above")
        out = []
        for ph in phrases:
            for w in sets[sname]:
                out.append(ph.replace(f"!{sname}!", w, 1))
        phrases = out
    forms: list[str] = []
    for ph in phrases:
        text_, _ = _phrase(ph)
        if not text_:
            raise ActorFileError(path, line, "empty agent phrase")
        forms.append(text_)
        if plural is None:  # the regular plural of the head noun (before "of": ministers of …)
            words = text_.split(" ")
            h = words.index("OF") - 1 if "OF" in words[1:] else len(words) - 1
            forms.append(" ".join([*words[:h], _plural(words[h]), *words[h + 1:]]))
    for pl in plural or []:
        forms.append(_phrase(pl)[0])
    base = _phrase(phrases[0])[0]
    return UserActor(f"user:agent:{_eid(base)}", "sector", base.lower(), [DatedCode("---" + sector)],
                     [UserForm(f.lower(), lang="en", ptype="G") for f in dict.fromkeys(forms) if f],
                     line, None, sector)


# ----------------------------------------------------------------------------- YAML
def read_yaml(path: str | Path, table: ActorTable | None = None) -> UserActors:
    """Read a YAML user dictionary (``people:`` and ``orgs:`` lists, see the module docstring).
    ``table`` supplies the role keys (defaults to the shipped table)."""
    import yaml

    p = Path(path)
    name = str(p)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorFileError(name, 0, f"cannot read: {exc}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ActorFileError(name, mark.line + 1 if mark else 0, f"not YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict) or not (set(data) & {"people", "orgs"}):
        raise ActorFileError(name, 1, "expected a mapping with 'people' and/or 'orgs' lists")
    unknown = set(data) - {"people", "orgs"}
    if unknown:
        raise ActorFileError(name, _key_line(root, sorted(unknown)[0]), f"unknown section {sorted(unknown)[0]!r}")
    role_defs = (table or get_table()).role_defs
    actors: list[UserActor] = []
    ids: set[str] = set()
    for section in ("people", "orgs"):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ActorFileError(name, _key_line(root, section), f"'{section}' must be a list")
        lines = _item_lines(root, section)
        for i, item in enumerate(items):
            ln = lines[i] if i < len(lines) else 0
            a = _yaml_entry(item, section, name, ln, role_defs)
            if a.id in ids:
                raise ActorFileError(name, ln, f"duplicate id {a.id[5:]!r}")
            ids.add(a.id)
            actors.append(a)
    return UserActors(name, "yaml", actors, [], hashlib.sha256(text.encode()).hexdigest()[:10])


def _key_line(root: Any, key: str) -> int:
    for k, _ in getattr(root, "value", []):
        if getattr(k, "value", None) == key:
            return int(k.start_mark.line) + 1
    return 0


def _item_lines(root: Any, key: str) -> list[int]:
    for k, v in getattr(root, "value", []):
        if getattr(k, "value", None) == key and isinstance(getattr(v, "value", None), list):
            return [int(x.start_mark.line) + 1 for x in v.value]
    return []


def _iso(v: Any, path: str, line: int) -> str:
    if v in (None, ""):
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    try:
        return dt.date.fromisoformat(str(v)).isoformat()
    except ValueError:
        raise ActorFileError(path, line, f"bad date {v!r} (YYYY-MM-DD)") from None


def _yaml_entry(item: Any, section: str, path: str, line: int, role_defs: dict[str, Any]) -> UserActor:
    if not isinstance(item, dict):
        raise ActorFileError(path, line, f"each {section} item must be a mapping")
    for req in ("id", "name"):
        if not item.get(req):
            raise ActorFileError(path, line, f"missing '{req}'")
    unknown = set(item) - {"id", "name", "country", "code", "sector", "surname", "strong", "roles", "kind",
                           "pinyin", *LANGS}
    if unknown:
        raise ActorFileError(path, line, f"unknown field {sorted(unknown)[0]!r}")
    forms: list[UserForm] = []
    for lang in LANGS:
        names = item.get(lang) or []
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(x, str) for x in names):
            raise ActorFileError(path, line, f"'{lang}' must be a list of names")
        forms += [UserForm(x, lang="*" if _latin(x) else lang) for x in names]
    if not forms:
        raise ActorFileError(path, line, f"{item['id']!r} has no names (en: [...], zh: [...], …)")
    eid = "user:" + str(item["id"])
    if section == "orgs":
        code = str(item.get("code") or "").upper()
        if not re.fullmatch(r"[A-Z-]{3}[A-Z]*", code):
            raise ActorFileError(path, line, f"{item['id']!r}: 'code' must be a CAMEO-style code (ARNREB, IGOUNO)")
        country, sector = split_code(code)
        kind = str(item.get("kind") or "org")
        if kind not in ("org", "state", "sector"):
            raise ActorFileError(path, line, f"{item['id']!r}: 'kind' must be org, state or sector")
        return UserActor(eid, kind, str(item["name"]), [DatedCode(code)], forms, line, country,
                         str(item.get("sector") or sector or "") or None)
    country = str(item.get("country") or "").upper() or None
    roles: list[tuple[str, str, str, str]] = []
    for r in item.get("roles") or []:
        if not isinstance(r, list) or len(r) not in (2, 3, 4):
            raise ActorFileError(path, line, f"{item['id']!r}: a role is [ROLE_KEY, COUNTRY, start, end]")
        rk = str(r[0])
        if rk not in role_defs:
            raise ActorFileError(path, line, f"{item['id']!r}: unknown role key {rk!r} (see data/actors/roles.yaml)")
        start, end = _iso(r[2] if len(r) > 2 else "", path, line), _iso(r[3] if len(r) > 3 else "", path, line)
        if start and end and end <= start:
            raise ActorFileError(path, line, f"{item['id']!r}: role {rk} ends before it starts")
        roles.append((rk, str(r[1]).upper(), start, end))
    sector = str(item.get("sector") or (role_defs[roles[0][0]]["sector"] if roles else "GOV"))
    code = str(item.get("code") or ((country or "---") + sector)).upper()
    surname = item.get("surname") or {}
    if not isinstance(surname, dict):
        raise ActorFileError(path, line, f"{item['id']!r}: 'surname' must map languages to a surname")
    for lang, sn in surname.items():
        forms.append(UserForm(str(sn), lang="*" if _latin(str(sn)) else str(lang), ptype="N",
                              strong=bool(item.get("strong"))))
    return UserActor(eid, "person", str(item["name"]), [DatedCode(code)], forms, line, country, sector, roles)


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in s)


# ----------------------------------------------------------------------------- loading
def load_user_actors(path: str | Path, table: ActorTable | None = None) -> UserActors:
    """Read one user actor file: YAML (``.yaml``/``.yml``) or a TABARI/PETRARCH dictionary."""
    p = Path(path)
    if not p.is_file():
        raise ActorFileError(str(p), 0, "actor file not found")
    if p.suffix.lower() in (".yaml", ".yml"):
        return read_yaml(p, table)
    return read_tabari(p)


class UserActorTable(ActorTable):
    """The compiled table with user entries on top (built by :func:`extend_table`)."""

    def __init__(self, raw: dict[str, Any], files: list[UserActors], dated: dict[str, tuple[DatedCode, ...]],
                 user_keys: dict[str, list[str]]) -> None:
        super().__init__(raw)
        #: the user files, in load order
        self.user_files = files
        #: user entries with dated codes: entry id → codes in file order
        self.user_codes = dated
        #: normalised user surface forms → their entry ids (to find user entries inside phrases)
        self.user_keys = user_keys
        keys = list(user_keys)
        self.user_automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None
        self._user_key_list = keys


def _flags(f: UserForm, tabari: bool) -> str:
    fl = set()
    s = f.surface
    if f.ptype in ("E", "N"):
        letters = [c for c in s if c.isalpha()]
        if tabari:
            if not s.lower().startswith(("the ", "a ", "an ")):
                fl.add("c")
        elif letters and all(c.isupper() for c in letters) and len(letters) <= 5:
            fl.add("x")
        elif s[:1].isupper():
            fl.add("c")
        if f.stem:
            fl.add("s")
        if f.ptype == "N" and f.strong:
            fl.add("t")
    return "".join(sorted(fl))


def extend_table(base: ActorTable, files: Sequence[UserActors]) -> UserActorTable:
    """A new table: ``base`` plus the entries of ``files`` (later files win for a surface form
    they share; a user form replaces the built-in interpretations of that form)."""
    raw = dict(base.raw)
    entries = dict(raw["entries"])
    roles = dict(raw["roles"])
    surnames = {k: list(v) for k, v in raw["surnames"].items()}
    user_pats: dict[str, list[Pattern]] = {}
    dated: dict[str, tuple[DatedCode, ...]] = {}
    user_keys: dict[str, list[str]] = {}
    for uf in files:
        tabari = uf.format == "tabari"
        for a in uf.actors:
            e = {"kind": a.kind, "name": a.name, "country": a.country, "sector": a.sector, "code": a.code,
                 "src": f"user:{Path(uf.path).name}:{a.line}"}
            entries[a.id] = encode_entry(e)
            if any(c.dated for c in a.codes):
                dated[a.id] = tuple(a.codes)
            if a.roles:
                rows = []
                for i, (rk, rc, start, end) in enumerate(a.roles):
                    sector = base.role_defs[rk]["sector"]
                    rows.append(encode_role([f"{a.id}#{i}", a.id, rk, rc, sector, rc + sector, start, end,
                                             "user", USER_ROLE_PRIO]))
                roles[a.id] = rows
            for f in a.forms:
                surface = re.sub(r"\s+", " ", f.surface.strip())
                if len(surface) < 2 and not any("\u3400" <= c <= "\u9fff" for c in surface):
                    continue
                key = normalize(surface)
                ptype = f.ptype
                pat = Pattern(f.lang, ptype, a.id, _flags(f, tabari))
                rank = pattern_rank(pat, a.kind if ptype == "E" else None)
                pat = pat._replace(rank=rank)
                got = user_pats.get(key)
                if got is None or all(p.target != a.id for p in got):
                    user_pats[key] = [pat]  # the last definition of a form wins (later lines, later files)
                elif pat not in got:
                    got.append(pat)
                if a.id not in user_keys.setdefault(key, []):
                    user_keys[key].insert(0, a.id)
                if ptype == "N":
                    surnames.setdefault(a.id, []).append(key)
    keys = list(raw["keys"])
    pats = list(raw["pats"])
    kinfo = [raw["kinfo"][3 * i:3 * i + 3] for i in range(len(keys))]
    index = {k: i for i, k in enumerate(keys)}
    for key, pl in user_pats.items():
        pl.sort(key=lambda p: (p.rank, p.ptype, p.target))
        enc = "\n".join("\t".join(str(x) for x in (p.lang, p.ptype, p.target, p.flags, p.rank)) for p in pl)
        info = key_info(key) + ("1" if any("c" in p.flags or "x" in p.flags for p in pl) else "0")
        at = index.get(key)
        if at is None:
            keys.append(key)
            pats.append(enc)
            kinfo.append(info)
        else:
            pats[at] = enc
            kinfo[at] = info
    digest = hashlib.sha256("\x1f".join(f.digest for f in files).encode()).hexdigest()[:8]
    raw.update(entries=entries, roles=roles, surnames=surnames, keys=keys, pats=pats, kinfo="".join(kinfo),
               version=f"{base.version}+user.{digest}",
               sources={**raw.get("sources", {}), "user": ", ".join(f.path for f in files)})
    return UserActorTable(raw, list(files), dated, user_keys)


@functools.lru_cache(maxsize=4)
def _cached_table(stamp: tuple[tuple[str, int, int], ...]) -> UserActorTable:
    base = get_table()
    return extend_table(base, [load_user_actors(p, base) for p, _, _ in stamp])


def actor_table(extra_actors: Iterable[str | os.PathLike[str]] = ()) -> ActorTable:
    """The table a run uses: the shipped one, or it with the user files on top (built once per
    set of files and their modification times)."""
    paths = [Path(p) for p in extra_actors]
    if not paths:
        return get_table()
    stamp = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            raise ActorFileError(str(p), 0, "actor file not found") from None
        stamp.append((str(p.resolve()), st.st_mtime_ns, st.st_size))
    return _cached_table(tuple(stamp))


# ----------------------------------------------------------------------------- resolution
def code_on(codes: Sequence[DatedCode], day: str | None) -> DatedCode | None:
    """The code of a dated TABARI entry on ``day``: the first dated code covering it, else the
    undated default; with no day the default, else the last code. None: no code that day."""
    if day is not None:
        for c in codes:
            if c.dated and c.covers(day):
                return c
    default = next((c for c in codes if not c.dated), None)
    if default is not None or day is not None:
        return default
    return codes[-1] if codes else None


def apply_user_entries(mentions: list[ActorMention], table: ActorTable,
                       day: dt.date | str | None) -> list[ActorMention]:
    """Finish mentions for user entries: the code of a dated TABARI entry on ``day``, and a
    phrase whose country comes from a user entry ("Gondorian troops", "Arnor's foreign
    minister") gets that entry's id (the built-in agent or title noun only gave the sector)."""
    if not isinstance(table, UserActorTable):
        return mentions
    d = day.isoformat() if isinstance(day, dt.date) else (str(day)[:10] if day else None)
    out = []
    for m in mentions:
        if m.entry in table.user_codes:
            c = code_on(table.user_codes[m.entry], d)
            country, sector = split_code(c.code) if c is not None else (None, None)
            m = replace(m, code=c.code if c is not None else "---", country=country, sector=sector)
        elif not m.entry.startswith("user:") and (m.entry.startswith(("AGT_", "role:"))) and m.country:
            uid = _user_entry_in(m.text, m.country, table)
            if uid is not None:
                m = replace(m, entry=uid)
        out.append(m)
    return out


def _user_entry_in(span: str, country: str, table: UserActorTable) -> str | None:
    """A user entry of ``country`` named inside ``span`` (whole words), or None."""
    if table.user_automaton is None:
        return None
    norm = normalize(span)
    for ki, s, e in table.user_automaton.find_matches_as_indexes(norm, overlapping=True):
        if (s and norm[s - 1].isalnum()) or (e < len(norm) and norm[e].isalnum() and e - s < 4):
            continue
        for eid in table.user_keys[table._user_key_list[ki]]:
            ent = table.entries.get(eid)
            if ent is not None and ent.get("country") == country:
                return eid
    return None


__all__ = ["DatedCode", "UserActor", "UserActorTable", "UserActors", "UserForm", "actor_table", "apply_user_entries",
           "code_on", "extend_table", "load_user_actors", "read_tabari", "read_yaml", "split_code"]
