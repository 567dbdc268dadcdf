"""One options object that travels through the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Languages with native coding support. Anything else is labelled "other".
SUPPORTED_LANGS: tuple[str, ...] = ("en", "zh", "vi", "es", "fr", "ru", "ar")


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for one pipeline run.

    Attributes:
        langs: languages to detect and code; others become ``"other"``.
        default_lang: language assumed when detection has too little text.
        pub_date: publication date to assume when a document carries none.
        remove_furniture: strip site furniture (related lists, share lines) before coding.
        min_confidence: events below this confidence are not emitted.
        emit_intent: emit events flagged as intent/future (with ``mode`` or ``intent`` set).
        coder: versioned name of the coder to use.
        extra: free-form coder settings (e.g. ``{"intent_mode": "plover"}``).
        extra_actors: user actor dictionaries (YAML or TABARI/PETRARCH files) loaded on top of
            the compiled actor table (see :mod:`detente.actors.user`).
    """

    langs: tuple[str, ...] = SUPPORTED_LANGS
    default_lang: str = "en"
    pub_date: dt.date | None = None
    remove_furniture: bool = True
    min_confidence: float = 0.0
    emit_intent: bool = True
    coder: str = "coder.rules.v1"
    extra: dict[str, object] = field(default_factory=dict)
    extra_actors: tuple[str, ...] = ()
