"""Evaluation of the whole pipeline against a gold JSONL set (``detente eval GOLD.jsonl``).

Gold format (``../shared/data/gold-dev``, team sets in ``gold/``): one sentence per line,
``{"id", "lang", "date", "text", "events": [{"source_code", "target_code", "plover", "cameo", ...}]}``.

Each gold sentence is coded as its own document (``lang`` → ``lang_hint``, ``date`` →
``pub_date``) by the full :class:`detente.pipeline.Pipeline`. Match rule: same sentence, same
PLOVER type, and the actor/recipient countries agree (direction free for symmetric events):

* gold actor codes are mapped to ISO alpha-3 (+ sector): CAMEO/Phoenix style ``JAP``/``USAGOV``/
  ``ISR***``, Arabic ``"TUN CVL"``; former states on both sides count as their successor
  (gold ``USR``, predicted ``SUN`` → RUS); organisation codes (``IGO``, ``MNC`` …) stay as such and match a
  predicted actor without a country whose code starts with them; ``NGO`` counts as ``IGO`` (the
  gold sets code Amnesty International or the Red Cross as ``IGO``);
* a gold side without a country (``None``, ``---``, sector-only ``---CVL``) is a wildcard;
* sets without any actor code (Spanish protest) therefore match on sentence + type only —
  the report counts those matches (``type_only_gold``) and says so;
* gold events whose code maps to no PLOVER type (the test-only codes of the PETRARCH functional
  suites: 21, 80, 91 …) are skipped and counted (``skipped_gold``).

Recall = matched gold events / gold events; precision = predicted events that match some gold
event of their sentence / predicted events (one predicted symmetric event may match both gold
events of "A and B agreed", which upstream codes as A→∅ and B→∅).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..options import Options
from ..records import PLOVER_TYPES, Document, Event

#: Old PLOVER / typo names in the gold sets → PLOVER 2021.
GOLD_TYPE_ALIASES: dict[str, str | None] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
    "SACTION": "SANCTION", "CRIME": None, "YIELD": "CONCEDE",
}
#: ``mobilize_mode`` values: ``"plover"`` (default: types must agree) or ``"civil"`` (a gold MOBILIZE
#: also accepts a predicted PROTEST: the gold set's civilian-mobilisation convention).
MOBILIZE_MODES: tuple[str, ...] = ("plover", "civil")
#: CAMEO/Phoenix country codes that differ from ISO alpha-3.
CAMEO_TO_ISO: dict[str, str] = {
    "JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "GMY": "DEU", "BUL": "BGR", "TMP": "TLS", "SER": "SRB",
    "KOS": "XKX", "YUG": "SRB", "SCG": "SRB", "WBG": "PSE", "PAL": "PSE", "UK": "GBR", "USR": "RUS",
    "SUN": "RUS", "DDR": "DEU", "GDR": "DEU", "CSK": "CZE",
}
#: Three-letter codes that are not countries (organisations, sectors, the unknown marker).
NON_COUNTRY: frozenset[str] = frozenset({
    "IGO", "NGO", "MNC", "INT", "IMG", "REB", "MIL", "GOV", "CVL", "UAF", "COP", "BUS", "OPP", "PTY", "REL",
    "EDU", "MED", "HLH", "LAB", "AGR", "CRM", "JUD", "LEG", "ELI", "SPY", "ENV", "REF", "MOD", "RAD", "NON",
    "---", "***", "UNK",
})


def gold_side(code: str | None) -> str | None:
    """Matching key of a gold actor code: ISO alpha-3 country, an organisation prefix
    (``IGO``/``NGO``/``MNC``/``IMG``), or ``None`` (wildcard)."""
    if not code:
        return None
    code = code.strip()
    if " " in code:  # Arabic "COUNTRY ROLE" pairs
        code = code.split(" ")[0]
    if code in ("None", "", "---") or code.startswith("---"):
        return None
    head = code[:3].upper()
    if head in ("IGO", "NGO"):
        return "IGO"  # the gold sets code NGOs (Amnesty, the Red Cross) as IGO: one class
    if head in ("MNC", "IMG"):
        return head
    if head in NON_COUNTRY or not head.isalpha():
        return None
    return CAMEO_TO_ISO.get(head, head)


@functools.lru_cache(maxsize=1)
def former_states() -> dict[str, str]:
    """Former states of the actor table (SUN, YUG, DDR, CSK, ZAR) → their successor's ISO
    alpha-3: the gold sets code them the CAMEO way with the successor's code (``USR`` → RUS)."""
    from ..actors.table import get_table

    return {code: f.successor for code, f in get_table().former_states.items()}


def pred_side(actor: dict[str, Any] | None) -> str | None:
    """Matching key of a predicted actor (country, else the organisation code prefix); a former
    state counts as its successor (:func:`former_states`)."""
    if not actor:
        return None
    if actor.get("country"):
        c = str(actor["country"])
        return former_states().get(c, c)
    code = str(actor.get("code") or "")[:3].upper()
    return "IGO" if code == "NGO" else (code or None)


def _gold_type(ev: dict[str, Any]) -> str | None:
    t = ev.get("plover")
    if t:
        t = t.strip().upper()
        if t in PLOVER_TYPES:
            return t
        return GOLD_TYPE_ALIASES.get(t)
    code = (ev.get("cameo") or "").split("/")[0].split("-")[0].strip()
    if not code:
        return None
    from .lexicon import load_ontology

    onto = load_ontology()
    for cand in (code, code.zfill(2), code.zfill(3)):
        if cand in onto.cameo:
            return onto.cameo[cand].plover
    return None


@dataclass(slots=True)
class GoldSentence:
    """One gold sentence with its normalised events ``(type, actor_key, recipient_key)``."""

    id: str
    lang: str
    text: str
    date: dt.date | None
    events: list[tuple[str, str | None, str | None]]
    #: gold events left out because their code maps to no PLOVER type
    skipped: int = 0


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Gold sentences of a JSONL file (raises :class:`InputError` on a malformed line)."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "gold file not found")
    out: list[GoldSentence] = []
    seen: dict[str, int] = {}
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}", f"not JSON ({exc.msg})") from None
            text = r.get("text") or ""
            if "| " in text[:60] and text[:8].isdigit():  # "20000430 20000430_NYN_P1 | …" prefix
                text = text.split("| ", 1)[1]
            date = None
            if r.get("date"):
                try:
                    date = dt.datetime.strptime(str(r["date"])[:8], "%Y%m%d").date()
                except ValueError:
                    date = None
            evs = []
            skipped = 0
            for ev in r.get("events") or []:
                t = _gold_type(ev)
                if t is None:
                    skipped += 1
                    continue
                evs.append((t, gold_side(ev.get("source_code")), gold_side(ev.get("target_code"))))
            sid = str(r.get("id", n))
            if sid in seen:  # two records under one id (PLOVER GSR has one): keep both, apart
                seen[sid] += 1
                sid = f"{sid}#{seen[sid]}"
            else:
                seen[sid] = 1
            out.append(GoldSentence(sid, r.get("lang") or "en", text, date, evs, skipped))
    return out


def _side_ok(g: str | None, p: str | None) -> bool:
    return g is None or g == p


def matches(gold: tuple[str, str | None, str | None], ev: Event, mobilize_mode: str = "plover",
            typed: bool = True) -> bool:
    """Does a predicted event match a gold event of the same sentence? (``typed=False``: the
    actors only, whatever the event type — the grammar score, see :attr:`EvalReport.dyad`;
    ``mobilize_mode="civil"``: a gold MOBILIZE is also matched by a predicted PROTEST, see the
    module docstring.)"""
    t, ga, gr = gold
    if typed and ev.event != t and not (mobilize_mode == "civil" and t == "MOBILIZE" and ev.event == "PROTEST"):
        return False
    pa, pr = pred_side(ev.actor), pred_side(ev.recipient)
    if _side_ok(ga, pa) and _side_ok(gr, pr):
        return True
    return ev.symmetric and _side_ok(ga, pr) and _side_ok(gr, pa)


@dataclass(slots=True)
class ErrorCase:
    """A miss (gold event not found) or a false positive (predicted event matching nothing)."""

    kind: str
    sentence_id: str
    lang: str
    text: str
    event: str
    actor: str | None
    recipient: str | None
    trigger: str | None = None
    lexicon_entry: str | None = None

    def line(self) -> str:
        """One human line."""
        trig = f" trigger={self.trigger!r} entry={self.lexicon_entry}" if self.trigger else ""
        return (f"[{self.kind}] {self.sentence_id} {self.event} {self.actor}->{self.recipient}{trig}\n"
                f"      {self.text[:220]}")


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "predicted": n_p, "gold": n_g,
            "matched_predicted": tp_p, "matched_gold": tp_g}


@dataclass(slots=True)
class EvalReport:
    """Precision/recall/F1 overall, per PLOVER type and per language; confusion; errors."""

    gold_path: str
    sentences: int = 0
    overall: dict[str, float] = field(default_factory=dict)
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    per_lang: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[ErrorCase] = field(default_factory=list)
    false_positives: list[ErrorCase] = field(default_factory=list)
    type_only_gold: int = 0
    skipped_gold: int = 0
    #: P/R/F1 of who-did-to-whom whatever the event type (the same sentence, actor and recipient
    #: agree): the grammar score of suites whose verb codes are toy codes (PETRARCH validation)
    dyad: dict[str, float] = field(default_factory=dict)
    failures: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return float(self.overall.get("precision", 0.0))

    @property
    def recall(self) -> float:
        return float(self.overall.get("recall", 0.0))

    @property
    def f1(self) -> float:
        return float(self.overall.get("f1", 0.0))

    def to_dict(self, show_errors: int | None = None) -> dict[str, Any]:
        """JSON form (errors cut to ``show_errors`` of each kind when given)."""
        cut = (lambda xs: xs[:show_errors]) if show_errors is not None else (lambda xs: xs)
        return {
            "gold": self.gold_path, "sentences": self.sentences, "overall": self.overall,
            "per_type": self.per_type, "per_lang": self.per_lang, "confusion": self.confusion,
            "type_only_gold": self.type_only_gold, "skipped_gold": self.skipped_gold, "dyad": self.dyad,
            "failures": self.failures, "seconds": round(self.seconds, 2),
            "notes": self.notes,
            "misses": [vars_(e) for e in cut(self.misses)],
            "false_positives": [vars_(e) for e in cut(self.false_positives)],
        }

    def to_text(self, show_errors: int = 20) -> str:
        """Human report."""
        o = self.overall
        lines = [f"gold: {self.gold_path}  ({self.sentences} sentences, {self.seconds:.1f} s)",
                 f"overall  P={o['precision']:.3f}  R={o['recall']:.3f}  F1={o['f1']:.3f}  "
                 f"(predicted {o['predicted']}, gold {o['gold']})"]
        if self.dyad:
            d = self.dyad
            lines.append(f"dyad     P={d['precision']:.3f}  R={d['recall']:.3f}  F1={d['f1']:.3f}  "
                         "(who did it to whom, event type ignored)")
        lines += [f"note: {n}" for n in self.notes]
        lines.append("per type:")
        for t, d in sorted(self.per_type.items()):
            lines.append(f"  {t:<10} P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f} "
                         f"pred={d['predicted']} gold={d['gold']}")
        lines.append("per language:")
        for lang, d in sorted(self.per_lang.items()):
            lines.append(f"  {lang:<4} P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}")
        cols = sorted({c for row in self.confusion.values() for c in row})
        if cols:
            lines.append("confusion (rows gold, columns predicted, same sentence):")
            lines.append("  " + " " * 10 + " ".join(f"{c[:8]:>8}" for c in cols))
            for g in sorted(self.confusion):
                lines.append(f"  {g:<10}" + " ".join(f"{self.confusion[g].get(c, 0):>8}" for c in cols))
        if show_errors:
            lines.append(f"misses ({len(self.misses)}):")
            lines += ["  " + e.line() for e in self.misses[:show_errors]]
            lines.append(f"false positives ({len(self.false_positives)}):")
            lines += ["  " + e.line() for e in self.false_positives[:show_errors]]
        return "\n".join(lines)


def vars_(e: ErrorCase) -> dict[str, Any]:
    """Dict of an error case."""
    return {k: getattr(e, k) for k in e.__slots__}


def score(gold: list[GoldSentence], predicted: dict[str, list[Event]], gold_path: str = "",
          mobilize_mode: str = "plover") -> EvalReport:
    """Score predicted events (by gold sentence id) against gold sentences (``mobilize_mode``: see
    :data:`MOBILIZE_MODES`)."""
    if mobilize_mode not in MOBILIZE_MODES:
        raise InputError(gold_path or "score", f"unknown mobilize_mode {mobilize_mode!r} (one of {MOBILIZE_MODES})")
    rep = EvalReport(gold_path=gold_path, sentences=len(gold))
    n_p = n_g = tp_p = tp_g = 0
    dy_p = dy_g = 0  # matched ignoring the event type
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp_p, n_p, tp_g, n_g
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for gs in gold:
        rep.skipped_gold += gs.skipped
        evs = predicted.get(gs.id, [])
        for g in gs.events:
            n_g += 1
            by_type[g[0]][3] += 1
            by_lang[gs.lang][3] += 1
            if g[1] is None and g[2] is None:
                rep.type_only_gold += 1
            if any(matches(g, e, typed=False) for e in evs):
                dy_g += 1
            if any(matches(g, e, mobilize_mode=mobilize_mode) for e in evs):
                tp_g += 1
                by_type[g[0]][2] += 1
                by_lang[gs.lang][2] += 1
            else:
                rep.misses.append(ErrorCase("miss", gs.id, gs.lang, gs.text, g[0], g[1], g[2]))
        for e in evs:
            n_p += 1
            by_type[e.event][1] += 1
            by_lang[gs.lang][1] += 1
            if any(matches(g, e, typed=False) for g in gs.events):
                dy_p += 1
            if any(matches(g, e, mobilize_mode=mobilize_mode) for g in gs.events):
                tp_p += 1
                by_type[e.event][0] += 1
                by_lang[gs.lang][0] += 1
            else:
                rep.false_positives.append(ErrorCase(
                    "false_positive", gs.id, gs.lang, gs.text, e.event, pred_side(e.actor), pred_side(e.recipient),
                    e.evidence.trigger, e.provenance.lexicon_entry))
        gtypes = sorted({g[0] for g in gs.events}) or ["(none)"]
        ptypes = sorted({e.event for e in evs}) or ["(none)"]
        for gt in gtypes:
            for pt in ptypes:
                if gt == "(none)" and pt == "(none)":
                    continue
                confusion[gt][pt] += 1
    rep.overall = _prf(tp_p, n_p, tp_g, n_g)
    rep.dyad = _prf(dy_p, n_p, dy_g, n_g)
    rep.per_type = {t: _prf(*v) for t, v in sorted(by_type.items())}
    rep.per_lang = {lang: _prf(*v) for lang, v in sorted(by_lang.items())}
    rep.confusion = {g: dict(c) for g, c in sorted(confusion.items())}
    if rep.type_only_gold:
        rep.notes.append(f"{rep.type_only_gold} of {n_g} gold events carry no actor country: they match on "
                         "sentence + PLOVER type only")
    if mobilize_mode == "civil":
        rep.notes.append("mobilize_mode=civil: a gold MOBILIZE (civilian mobilisation) also accepts a predicted PROTEST")
    if rep.skipped_gold:
        rep.notes.append(f"{rep.skipped_gold} gold events skipped: their code maps to no PLOVER type "
                         "(test-only or unknown codes)")
    return rep


def code_gold(gold: Iterable[GoldSentence], options: Options | None = None,
              pipeline: Any = None) -> tuple[dict[str, list[Event]], int]:
    """Run the full pipeline on each gold sentence (its own document); events by sentence id
    and the number of documents that failed."""
    from ..pipeline import Pipeline, RunSummary

    if pipeline is None and options is not None and options.extra_actors:
        from ..actors import load_actors_for

        load_actors_for(options)  # a bad user actor file raises here, not once per sentence
    pipe = pipeline or Pipeline(options=options or Options())
    out: dict[str, list[Event]] = {}
    docs = []
    for gs in gold:
        doc = Document(id=Document.make_id(f"{gs.id}\x1f{gs.text}"), source=gs.id, raw_text=gs.text,
                       lang_hint=gs.lang, pub_date=gs.date)
        docs.append(doc)
    summary = RunSummary()
    for doc in pipe.run(docs, summary):
        out[doc.source] = list(doc.events)
    return out, summary.failed


def evaluate(gold_path: str | Path, options: Options | None = None, pipeline: Any = None) -> EvalReport:
    """Code every sentence of a gold JSONL file with the full pipeline and score it."""
    t0 = time.perf_counter()
    gold = read_gold(gold_path)
    predicted, failed = code_gold(gold, options, pipeline)
    mode = str((options.extra if options is not None else {}).get("mobilize_mode", "plover"))
    rep = score(gold, predicted, str(gold_path), mobilize_mode=mode)
    rep.failures = failed
    rep.seconds = time.perf_counter() - t0
    return rep
