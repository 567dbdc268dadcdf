"""Named exceptions of détente.

Hierarchy::

    DetenteError
    ├── InputError          a record or file could not be read (per-record: counted, not raised)
    │   ├── EncodingError   bytes are not text in any supported encoding
    │   ├── RecordError     a JSONL/WARC/feed record is malformed or lacks fields
    │   └── ActorFileError  a user actor dictionary (--actors FILE) is malformed
    ├── DataError           a shipped data file (lexicon, actor table, patterns) is missing or invalid
    ├── PipelineError       stages are mis-ordered or lack what they require
    ├── StoreError          the database could not be opened, migrated or written
    └── MissingExtraError   an optional dependency (extra) is not installed
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of all errors raised by détente."""


class InputError(DetenteError):
    """An input record or file could not be read."""

    def __init__(self, record: str, reason: str) -> None:
        self.record = record
        self.reason = reason
        super().__init__(f"{record}: {reason}")


class EncodingError(InputError):
    """The bytes of an input are not text in any supported encoding."""


class RecordError(InputError):
    """An input record (JSONL line, WARC record, feed item) is malformed."""


class ActorFileError(InputError):
    """A user actor dictionary is malformed: names the file, the line (0 = whole file) and why."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}" if line else path, reason)


class DataError(DetenteError):
    """A shipped data file is missing or invalid."""


class PipelineError(DetenteError):
    """Pipeline stages are mis-ordered or miss what they require."""


class StoreError(DetenteError):
    """The store could not be opened, migrated or written."""


class MissingExtraError(DetenteError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, extra: str, package: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f"this feature needs the '{package}' package: pip install 'detente[{extra}]'"
        )
