#!/usr/bin/env python
"""Build the event-coder data files in ``src/detente/data/events/`` (reproducible).

Inputs:

* ``../shared/data/ontology/cameo_event_codes.tsv``, ``cameo_quadclass.tsv``,
  ``plover_categories.tsv`` (CAMEO codes, Goldstein, QuadClass, PLOVER definitions);
* ``../shared/data/lexicons/petrarch2/CAMEO.2.0.txt`` (English verb patterns),
  ``universalpetrarch-es/verbpatterns_es_190128.txt.gz`` (Spanish),
  ``universalpetrarch-ar/CAMEO.ar.0.5.txt`` + ``synsets.ar.txt`` (Arabic);
* curated files in ``src/detente/data/events/curated/``: ``cameo_plover.tsv`` (our CAMEO→PLOVER
  mapping), ``modes.json`` (modes per PLOVER type), ``lexicon.<lang>.json`` (curated entries:
  overlays for en/es/ar, the whole lexicon for zh/vi), ``grammar.json`` (function words).

Outputs (sorted keys, stable order → byte-identical on re-run):

* ``ontology.json`` — PLOVER types (quad, modes), CAMEO codes with Goldstein/QuadClass/PLOVER/mode;
* ``lexicon.<lang>.json`` for en, es, ar, zh, vi.

Conventions (see docs in ``ontology.json["conventions"]``): Goldstein = CAMEO 1.1b3/ICEWS
``goldstein`` column (176 and Phoenix-only codes get the value of their parent);
QuadClass = GDELT grouping of the CAMEO root (1–4).

Usage: ``python scripts/build_events.py [--shared DIR]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "detente" / "data" / "events"
CURATED = OUT / "curated"

#: CAMEO codes with a symmetric reading by default (both parties do the same thing).
SYMMETRIC_PREFIXES = ("040", "041", "044", "046", "06", "057", "036", "037")


# ---------------------------------------------------------------------------------------------
# ontology


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header; ``#`` lines are comments."""
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def build_ontology(shared: Path) -> dict:
    """CAMEO code table + PLOVER type table, with our mapping and conventions."""
    onto = shared / "ontology"
    codes = read_tsv(onto / "cameo_event_codes.tsv")
    quads = {r["root"]: r for r in read_tsv(onto / "cameo_quadclass.tsv")}
    plover = {r["plover_event"]: r for r in read_tsv(onto / "plover_categories.tsv")}
    rules = {r["prefix"]: r for r in read_tsv(CURATED / "cameo_plover.tsv")}
    modes = json.loads((CURATED / "modes.json").read_text(encoding="utf-8"))

    def rule_for(code: str) -> dict[str, str]:
        for n in range(len(code), 1, -1):
            if code[:n] in rules:
                return rules[code[:n]]
        raise SystemExit(f"no CAMEO->PLOVER rule for {code}")

    table: dict[str, dict] = {}
    for r in codes:
        code = r["code"]
        g = r["goldstein"] or r["goldstein_gdelt"] or r["goldstein_phoenix"]
        table[code] = {"name": r["name"] or r["name_gdelt"] or None, "root": r["root"],
                       "goldstein": float(g) if g else None,
                       "goldstein_gdelt": float(r["goldstein_gdelt"]) if r["goldstein_gdelt"] else None,
                       "quad_class": int(quads[r["root"]]["quadclass_gdelt"])}
    # 176 (cyber attack) is in the verb dictionaries but in no score table: an extension.
    table.setdefault("176", {"name": "Carry out cyber attack (extension, not in CAMEO 1.1b3)", "root": "17",
                             "goldstein": None, "goldstein_gdelt": None, "quad_class": 4})
    for code, t in table.items():
        if t["goldstein"] is None:  # Phoenix-only / extension codes: the parent's score
            parent = code[:-1]
            while parent and (parent not in table or table[parent]["goldstein"] is None):
                parent = parent[:-1]
            t["goldstein"] = table[parent]["goldstein"] if parent else 0.0
        if t["name"] is None:
            t["name"] = f"(code {code}, named in no source table)"
        rule = rule_for(code)
        t["plover"] = None if rule["plover"] == "-" else rule["plover"]
        t["mode"] = None if rule["mode"] == "-" or t["plover"] is None else rule["mode"]
        if t["mode"] and t["mode"] not in modes[t["plover"]]:
            raise SystemExit(f"mode {t['mode']} of {code} not in modes.json[{t['plover']}]")
        t["symmetric"] = code.startswith(SYMMETRIC_PREFIXES)
    types = {}
    for name, r in plover.items():
        types[name] = {"quad_category": r["quad_category"], "requires_recipient": r["requires_recipient"] == "yes",
                       "modes": modes[name]}
    return {
        "conventions": {
            "goldstein": "CAMEO 1.1b3 / ICEWS column 'goldstein' of cameo_event_codes.tsv; codes outside "
                         "1.1b3 (176, Phoenix-only 0110 0357 109 1641-1643) take their parent's score",
            "quad_class": "GDELT grouping of the CAMEO root (1 verbal coop, 2 material coop, 3 verbal conflict, "
                          "4 material conflict): 09 INVESTIGATE=2, 14 PROTEST=3, 16 REDUCE RELATIONS=4",
            "cameo_plover": "curated/cameo_plover.tsv (longest prefix wins); CAMEO 01 statements are not coded",
        },
        "cameo": dict(sorted(table.items())),
        "plover": types,
    }


# ---------------------------------------------------------------------------------------------
# TABARI / PETRARCH verb dictionaries


def fold(s: str) -> str:
    """Lower-case and strip Latin accents (same length: one char per char)."""
    out = []
    for ch in s.lower():
        d = unicodedata.normalize("NFD", ch)
        out.append(d[0] if len(d) > 1 and d[0].isascii() else ch)
    return "".join(out)


def en_forms(verb: str) -> list[str]:
    """Regular English inflections of a (multi-word) verb phrase: base, -s, -ed, -ing."""
    words = verb.split(" ")
    w, rest = words[0], words[1:]
    if w.endswith("e"):
        infl = [w, w + "s", w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        infl = [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    elif w.endswith(("s", "sh", "ch", "x", "z", "o")):
        infl = [w, w + "es", w + "ed", w + "ing"]
    else:
        infl = [w, w + "s", w + "ed", w + "ing"]
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", w):  # stress unknown: both spellings
            infl += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return [" ".join([f, *rest]) for f in infl]


def es_forms(verb: str) -> list[str]:
    """Third-person Spanish forms of an infinitive (present, preterite, imperfect, future,
    conditional, participle, gerund) — enough for news prose."""
    words = verb.split(" ")
    w, rest = words[0], words[1:]
    refl = w.endswith("se")
    if refl:
        w = w[:-2]
    st, end = w[:-2], w[-2:]
    if len(st) < 2:  # "ir", "ser", "dar": irregular short verbs, no reliable regular forms
        return [" ".join([w, *rest])]
    if end == "ar":
        fs = [w, st + "a", st + "an", st + "o", st + "aron", st + "aba", st + "aban", st + "ado", st + "ada",
              st + "ados", st + "adas", st + "ando", w + "a", w + "an", w + "ia", w + "ian"]
    elif end in ("er", "ir"):
        v = "e" if end == "er" else "i"
        fs = [w, st + "e", st + "en", st + "io", st + "ieron", st + "ia", st + "ian", st + "ido", st + "ida",
              st + "idos", st + "idas", st + "iendo", w + "a", w + "an", w + "ia", w + "ian", st + v + "mos"]
    else:
        fs = [w]
    return sorted({" ".join([f, *rest]) for f in fs})


CODE_RE = re.compile(r"\[([^\]]*)\]")


def pad_code(c: str, table: dict) -> str | None:
    """A CAMEO code from a dictionary bracket (first of a pair; leading zeros restored)."""
    c = c.split(":")[0].strip()
    if not c or c.startswith("-") or not c.isdigit():
        return None
    for cand in (c, "0" + c, "00" + c):
        if cand in table and len(cand) >= 3:
            return cand
    return None


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+MEMBER`` lines."""
    sets: dict[str, list[str]] = {}
    cur = None
    for ln in lines:
        s = ln.split("#")[0].strip()
        if s.startswith("&"):
            cur = s.split()[0]
            sets[cur] = []
        elif s.startswith("+") and cur:
            sets[cur].append(s[1:].strip())
        elif s.startswith("---") or s.startswith("- "):
            cur = None
    return sets


def slot_words(tokens: list[str], synsets: dict[str, list[str]], norm) -> list[list[str]] | None:
    """Pattern tokens → slots of alternative word stems (``$`` suffix = whole word)."""
    slots: list[list[str]] = []
    for t in tokens:
        t = t.strip("(){}")
        if not t or t in {"+", "$", "^", "%", "|", "*"}:
            continue
        if any(ch in t for ch in "+$^%|<>"):
            return None
        if t.startswith("&"):
            members = synsets.get(t)
            if not members:
                return None
            alts = sorted({norm(m.rstrip("_").replace("_", " ").split(" ")[0]) + ("$" if m.endswith("_") else "")
                           for m in members if m.strip("_")})
            slots.append(alts)
            continue
        exact = t.endswith("_")
        for w in t.rstrip("_").split("_"):
            if w:
                slots.append([norm(w) + ("$" if exact or len(w) <= 3 else "")])
    return slots


def parse_verb_file(lines: list[str], synsets: dict, table: dict, lang: str, src: str,
                    groups: dict[str, list[str]]) -> list[dict]:
    """Blocks ``--- NAME [code] ---`` of verb forms + pattern lines → lexicon entries.

    Pattern entries apply to every verb form of their block: they name the block in
    ``group`` and the block's forms go to ``groups`` (stored once in the compiled file)."""
    norm = fold if lang in ("en", "es") else (lambda s: s)
    prefix = "c2" if lang == "en" else "up"
    entries: list[dict] = []
    block_code: str | None = None
    forms: list[str] = []
    verb_codes: list[tuple[list[str], str | None]] = []
    name = ""
    counter: dict[str, int] = {}

    def new_id(stem: str) -> str:
        stem = re.sub(r"[^\w]+", "_", stem.lower()).strip("_")
        counter[stem] = counter.get(stem, 0) + 1
        return f"{lang}.{prefix}.{stem}.{counter[stem]}"

    in_verbs = lang != "en"
    for raw in lines:
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs:
            continue
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        s = line.strip()
        if s.startswith("---"):
            m = CODE_RE.search(s)
            block_code = pad_code(m.group(1), table) if m else None
            name = s.strip("- ").split("[")[0].strip()
            forms, verb_codes = [], []
            continue
        if s.startswith("&") or (s.startswith("+") and not forms and block_code is None and not name):
            continue
        if s.startswith("-"):
            body = s[1:]
            m = CODE_RE.search(body)
            if not m or "*" not in body or not forms:
                continue
            code = pad_code(m.group(1), table)
            raw_code = m.group(1).split(":")[0].strip()
            if code is None and raw_code != "---":
                continue
            pre, _, post = body[: m.start()].partition("*")
            before = slot_words(pre.split(), synsets, norm)
            after = slot_words(post.split(), synsets, norm)
            if before is None or after is None or (not before and not after):
                continue
            gid = f"{lang}.{prefix}.{name.lower()}"
            groups[gid] = sorted(set(groups.get(gid, [])) | set(forms))
            entries.append({"id": new_id(name), "group": gid, "forms": [], "cameo": code,
                            "before": before, "after": after, "source": src, "priority": 1})
            continue
        # a verb line: FORM [code] {IRREGULAR FORMS}
        m = CODE_RE.search(s)
        vcode = pad_code(m.group(1), table) if m else block_code
        head = CODE_RE.sub("", s)
        irregular = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        if not head:
            continue
        phrase = norm(head.lstrip("+").replace("_", " ").replace("+", " ").strip())
        if not phrase or not re.search(r"\w", phrase):
            continue
        vf: list[str] = [phrase]
        if irregular:
            vf += [norm(x.lstrip("+").replace("_", " ").replace("+", " ")) for x in irregular[0].split()]
            if lang == "en" and " " not in phrase:
                vf += en_forms(phrase)[:2]
        elif lang == "en":
            vf = en_forms(phrase)
        elif lang == "es":
            vf = es_forms(phrase)
        vf = [f.strip() for f in vf if f.strip()]
        forms.extend(vf)
        if vcode:
            entries.append({"id": new_id(head.lstrip("+")), "forms": sorted(set(vf)), "cameo": vcode,
                            "before": [], "after": [], "source": src, "priority": 0})
        verb_codes.append((vf, vcode))
    return entries


def finish(entries: list[dict], table: dict) -> list[dict]:
    """Fill PLOVER type/mode/symmetric from the CAMEO code; drop entries with no PLOVER type
    unless they block (``cameo`` null with constraints)."""
    out = []
    for e in entries:
        code = e.get("cameo")
        if code:
            t = table.get(code)
            if t is None:
                continue
            e.setdefault("event", t["plover"])
            if e["event"] is None and not e.get("block"):
                if not (e.get("before") or e.get("after")):
                    continue
                e["block"] = True
            if e["event"] and "mode" not in e:
                e["mode"] = t["mode"]
            e.setdefault("symmetric", t["symmetric"])
        else:
            e["block"] = True
            e["event"] = None
        e.setdefault("mode", None)
        e.setdefault("symmetric", False)
        e.setdefault("before", [])
        e.setdefault("after", [])
        e.setdefault("block", False)
        out.append(e)
    return out


def load_curated(lang: str, table: dict, norm) -> list[dict]:
    """Curated entries of one language (with examples, tested in tests/events)."""
    p = CURATED / f"lexicon.{lang}.json"
    if not p.exists():
        return []
    data = json.loads(p.read_text(encoding="utf-8"))
    out = []
    for e in data["entries"]:
        e = dict(e)
        if e.get("cameo") and e["cameo"] not in table:
            raise SystemExit(f"{e['id']}: unknown CAMEO code {e['cameo']}")
        forms = [norm(f) for f in e["forms"]]
        if lang == "en" and e.get("inflect"):
            forms = sorted({g for f in forms for g in en_forms(f)})
        elif lang == "es" and e.get("inflect"):
            forms = sorted({g for f in forms for g in es_forms(f)})
        e["forms"] = forms
        e["before"] = [[norm(a) for a in slot] for slot in e.get("before", [])]
        e["after"] = [[norm(a) for a in slot] for slot in e.get("after", [])]
        e["source"] = "curated"
        e["priority"] = 2
        e.pop("inflect", None)
        if e.get("event") is None and e.get("cameo"):
            e["event"] = table[e["cameo"]]["plover"]
        if e.get("block"):
            e["event"] = None
        out.append(e)
    return out


def apply_stoplist(seed: list[dict], groups: dict[str, list[str]], lang: str) -> list[dict]:
    """Drop the forms of the verbs in ``curated/seed_stoplist.<lang>.txt`` from seeded entries."""
    p = CURATED / f"seed_stoplist.{lang}.txt"
    stop = {ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}
    inflect = en_forms if lang == "en" else es_forms
    stopforms = {f for v in stop for f in inflect(v)} | stop
    for gid, forms in groups.items():
        groups[gid] = [f for f in forms if f.split(" ")[0] not in stopforms]
    for e in seed:
        e["forms"] = [f for f in e["forms"] if f.split(" ")[0] not in stopforms]
    return [e for e in seed if e["forms"] or groups.get(e.get("group", ""), [])]


def build_lexicon(lang: str, shared: Path, table: dict) -> dict:
    """Seed entries (en/es/ar) + curated entries → the compiled lexicon of one language."""
    norm = fold if lang in ("en", "es") else (lambda s: s.lower())
    seed: list[dict] = []
    groups: dict[str, list[str]] = {}
    lex = shared / "lexicons"
    if lang == "en":
        lines = (lex / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
        seed = parse_verb_file(lines, parse_synsets(lines), table, "en", "petrarch2/CAMEO.2.0.txt", groups)
        seed = apply_stoplist(seed, groups, "en")
    elif lang == "es":
        with gzip.open(lex / "universalpetrarch-es" / "verbpatterns_es_190128.txt.gz", "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
        seed = parse_verb_file(lines, parse_synsets(lines), table, "es", "universalpetrarch-es/verbpatterns_es_190128", groups)
        seed = apply_stoplist(seed, groups, "es")
    elif lang == "ar":
        lines = (lex / "universalpetrarch-ar" / "CAMEO.ar.0.5.txt").read_text(encoding="utf-8").splitlines()
        syn = parse_synsets((lex / "universalpetrarch-ar" / "synsets.ar.txt").read_text(encoding="utf-8").splitlines())
        syn.update(parse_synsets(lines))
        seed = parse_verb_file(lines, syn, table, "ar", "universalpetrarch-ar/CAMEO.ar.0.5", groups)
    policy = json.loads((CURATED / "seed_policy.json").read_text(encoding="utf-8")).get(lang, {})
    if policy:
        roots = policy.get("roots")
        min_len = int(policy.get("min_len", 1))
        stop = set(policy.get("stop", []))
        kept = []
        for e in seed:
            if roots is not None and not (e.get("cameo") or "").startswith(tuple(roots)) and e.get("cameo"):
                continue
            e["forms"] = [f for f in e["forms"] if len(f.replace(" ", "")) >= min_len and f not in stop]
            if e.get("group"):
                groups[e["group"]] = [f for f in groups.get(e["group"], [])
                                      if len(f.replace(" ", "")) >= min_len and f not in stop]
            if e["forms"] or groups.get(e.get("group", ""), []):
                kept.append(e)
        seed = kept
        if policy.get("defaults") is False:
            # seeded verbs' bare default codes (no pattern words) are left out: without a parser
            # they fire on other senses (blocked, forced, imposed, indicted …); patterns stay
            seed = [e for e in seed if e.get("before") or e.get("after")]
    curated = load_curated(lang, table, norm)
    entries = finish(curated, table) + finish(seed, table)
    seen: set[str] = set()
    for e in entries:
        if e["id"] in seen:
            raise SystemExit(f"duplicate lexicon id {e['id']}")
        seen.add(e["id"])
        e["forms"] = sorted({f for f in e["forms"] if f})
    keys = ("id", "forms", "group", "event", "mode", "cameo", "symmetric", "before", "after", "block", "priority",
            "source", "example", "victim", "speaker_actor", "actor_noun")
    entries = [{k: e[k] for k in keys if k in e} for e in entries]
    used = {e["group"] for e in entries if "group" in e}
    return {"lang": lang, "groups": {g: f for g, f in sorted(groups.items()) if g in used}, "entries": entries}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None, help="shared data folder (default ../shared/data)")
    args = ap.parse_args(argv)
    shared = args.shared or (REPO.parent / "shared" / "data")
    if not shared.is_dir():
        print(f"shared data folder not found: {shared}", file=sys.stderr)
        return 2
    onto = build_ontology(shared)
    write(OUT / "ontology.json", onto)
    for lang in ("en", "es", "ar", "zh", "vi", "fr", "ru"):
        lexd = build_lexicon(lang, shared, onto["cameo"])
        write(OUT / f"lexicon.{lang}.json", lexd)
        print(f"lexicon.{lang}.json: {len(lexd['entries'])} entries")
    print(f"ontology.json: {len(onto['cameo'])} CAMEO codes, {len(onto['plover'])} PLOVER types")
    return 0


def write(path: Path, data: object) -> None:
    """Write JSON deterministically (one entry per line for lexicons, to keep diffs readable)."""
    if isinstance(data, dict) and "entries" in data:
        head = {k: v for k, v in data.items() if k != "entries"}
        body = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in data["entries"])
        text = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "entries": [\n' + body + "\n]}\n"
    else:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
