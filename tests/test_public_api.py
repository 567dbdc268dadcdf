"""The public API is small and deliberate: changing it must be a conscious act (httpx-style guard)."""

from __future__ import annotations

import detente

EXPECTED = {
    "CODER_VERSION", "ActorMention", "DetenteError", "Document", "Event", "InputError", "Options", "Pipeline",
    "RunSummary", "__version__", "code_documents", "extract", "extract_files", "lookup", "open_store", "read",
}


def test_public_api_is_exactly_all() -> None:
    assert set(detente.__all__) == EXPECTED
    for name in detente.__all__:
        assert hasattr(detente, name), name


def test_public_functions_have_docstrings() -> None:
    for name in detente.__all__:
        obj = getattr(detente, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
