"""The stage contract: registration, checking before running, failures counted per record."""

from __future__ import annotations

import pytest

from detente.errors import PipelineError
from detente.pipeline import DEFAULT_STAGES, REGISTRY, Context, Pipeline, RunSummary, stage
from detente.records import Document


def test_default_pipeline_is_registered_and_checks() -> None:
    p = Pipeline()
    assert p.names == list(DEFAULT_STAGES)
    for name in DEFAULT_STAGES:
        assert REGISTRY[name].requires is not None and REGISTRY[name].assigns


def test_misordered_stages_are_refused_before_running() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline(["events.code.v1", "text.clean.v1"])
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(["text.clean.v9"])


def test_a_failing_document_is_counted_and_the_batch_goes_on() -> None:
    @stage("test.explode.v1", requires=("text",), assigns=())
    def explode(doc: Document, ctx: Context) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("exploded on purpose")
        return doc

    try:
        p = Pipeline(["text.clean.v1", "test.explode.v1"])
        docs = [
            Document(id="a", source="a.txt", raw_text="fine text"),
            Document(id="b", source="b.txt", raw_text="boom goes the stage"),
            Document(id="c", source="c.txt", raw_text="   "),
            Document(id="d", source="d.txt", raw_text="also fine"),
        ]
        s = RunSummary()
        out = [d.id for d in p.run(docs, s)]
        assert out == ["a", "d"]
        assert s.processed == 2 and s.failed == 1 and s.skipped == 1
        assert s.failures[0].record == "b.txt"
        assert s.failures[0].step == "test.explode.v1"
        assert "exploded on purpose" in s.failures[0].reason
        assert s.skip_reasons["empty after cleaning"] == 1
    finally:
        REGISTRY.pop("test.explode.v1", None)
