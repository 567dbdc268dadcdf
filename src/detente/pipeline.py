"""The pipeline: read → clean → language → dates → sentences → actors → events.

Each stage is a typed record-to-record callable ``(Document, Context) -> Document`` that
declares what it ``requires`` and what it ``assigns`` (see :func:`stage`). A
:class:`Pipeline` checks before it runs that every stage's requirements are met by the
reader or an earlier stage, and records the versioned name of every stage that ran.

Per-document failures are counted, never raised: a failing document is recorded in the
:class:`RunSummary` with the stage and the reason, and the batch goes on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import DetenteError, PipelineError
from .options import Options
from .records import Document

#: Fields a reader (``detente.ingest``) fills in before the first stage.
READER_ASSIGNS: tuple[str, ...] = ("id", "source", "raw_text", "html", "url", "lang_hint")


@dataclass(slots=True)
class Context:
    """What a stage may use besides the document: the options and a resource cache."""

    options: Options = field(default_factory=Options)
    cache: dict[str, Any] = field(default_factory=dict)


class Stage(Protocol):
    """A pipeline stage: a callable with a versioned name and declared fields."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document, ctx: Context) -> Document: ...


StageFunc = Callable[[Document, Context], Document]

#: Registry of stages by versioned name (``text.clean.v1`` …).
REGISTRY: dict[str, Stage] = {}


def stage(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[StageFunc], Stage]:
    """Declare a function as a pipeline stage and register it under ``name``."""

    def wrap(fn: StageFunc) -> Stage:
        fn.name = name  # type: ignore[attr-defined]
        fn.requires = requires  # type: ignore[attr-defined]
        fn.assigns = assigns  # type: ignore[attr-defined]
        REGISTRY[name] = fn  # type: ignore[assignment]
        return fn  # type: ignore[return-value]

    return wrap


@dataclass(slots=True)
class Failure:
    """One record that failed: which record, at which step, and why."""

    record: str
    step: str
    reason: str


@dataclass(slots=True)
class RunSummary:
    """Totals of a run: processed / failed / skipped documents, events, and the reasons."""

    processed: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    chars: int = 0
    stages: list[str] = field(default_factory=list)

    def fail(self, record: str, step: str, reason: str) -> None:
        """Count a failed record."""
        self.failed += 1
        self.failures.append(Failure(record, step, reason))

    def skip(self, record: str, reason: str) -> None:
        """Count a skipped record (e.g. empty after cleaning)."""
        self.skipped += 1
        self.skip_reasons[reason] += 1

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the summary (stored in the ``runs`` table, printed by the CLI)."""
        return {
            "processed": self.processed,
            "failed": self.failed,
            "skipped": self.skipped,
            "events": self.events,
            "chars": self.chars,
            "seconds": round(self.seconds, 3),
            "stages": list(self.stages),
            "failures": [{"record": f.record, "step": f.step, "reason": f.reason} for f in self.failures],
            "skip_reasons": dict(self.skip_reasons),
        }

    def line(self) -> str:
        """One human line: ``processed 12, failed 1, skipped 0, events 30``."""
        return (
            f"processed {self.processed}, failed {self.failed}, skipped {self.skipped}, "
            f"events {self.events}"
        )


DEFAULT_STAGES: tuple[str, ...] = (
    "text.clean.v1",
    "text.lang.v1",
    "text.dates.v1",
    "text.sentences.v1",
    "actors.match.v1",
    "events.code.v1",
)


def _load_default_stages() -> None:
    # Importing the layers registers their stages.
    from . import actors, events, text  # noqa: F401


class Pipeline:
    """An ordered, checked list of stages.

    Args:
        stages: stage objects or registered names; defaults to :data:`DEFAULT_STAGES`.
        options: the run's :class:`Options`.
    """

    def __init__(self, stages: Iterable[Stage | str] | None = None, options: Options | None = None) -> None:
        _load_default_stages()
        resolved: list[Stage] = []
        for s in stages if stages is not None else DEFAULT_STAGES:
            if isinstance(s, str):
                if s not in REGISTRY:
                    raise PipelineError(f"unknown stage {s!r}; known: {', '.join(sorted(REGISTRY))}")
                resolved.append(REGISTRY[s])
            else:
                resolved.append(s)
        self.stages: list[Stage] = resolved
        self.ctx = Context(options=options or Options())
        self.check()

    @property
    def names(self) -> list[str]:
        """Versioned names of the stages, in order (the effective configuration)."""
        return [s.name for s in self.stages]

    def check(self) -> None:
        """Raise :class:`PipelineError` if a stage requires a field nothing before it assigns."""
        have = set(READER_ASSIGNS)
        for s in self.stages:
            missing = [r for r in s.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {s.name} requires {', '.join(missing)}, which no earlier stage assigns")
            have.update(s.assigns)

    def process(self, doc: Document) -> Document:
        """Run every stage on one document (exceptions propagate)."""
        for s in self.stages:
            doc = s(doc, self.ctx)
        return doc

    def run(self, docs: Iterable[Document], summary: RunSummary | None = None) -> Iterator[Document]:
        """Process documents lazily; failures are counted in ``summary`` and skipped."""
        summary = summary if summary is not None else RunSummary()
        summary.stages = self.names
        for doc in docs:
            t0 = time.perf_counter()
            step = "start"
            try:
                for s in self.stages:
                    step = s.name
                    doc = s(doc, self.ctx)
            except DetenteError as exc:
                summary.fail(doc.source or doc.id, step, str(exc))
                continue
            except Exception as exc:  # a bug in one stage must not kill the batch
                summary.fail(doc.source or doc.id, step, f"{type(exc).__name__}: {exc}")
                continue
            finally:
                summary.seconds += time.perf_counter() - t0
            if not doc.text.strip():
                summary.skip(doc.source or doc.id, "empty after cleaning")
                continue
            summary.processed += 1
            summary.chars += len(doc.text)
            summary.events += len(doc.events)
            yield doc
