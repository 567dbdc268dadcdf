"""Where the package's shipped data files live, and where the shared source data is.

Compiled tables (actors, lexicons, ontology, furniture patterns) ship inside the package
under ``detente/data/``; build scripts read source data from ``../shared/data`` (next to
the repository) or from the folder named by ``DETENTE_SHARED_DATA``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import DataError

#: Root of the data files shipped inside the package.
PACKAGE_DATA = Path(str(resources.files("detente"))) / "data"

#: Root of the repository (only meaningful in a source checkout).
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_path(*parts: str, must_exist: bool = True) -> Path:
    """Path of a shipped data file, e.g. ``data_path("actors", "actors.json.gz")``.

    Raises:
        DataError: the file is missing (an incomplete install or a missing build step).
    """
    p = PACKAGE_DATA.joinpath(*parts)
    if must_exist and not p.exists():
        raise DataError(f"shipped data file missing: {p} (reinstall detente or run its build script)")
    return p


def shared_data_dir() -> Path | None:
    """The shared source-data folder (``../shared/data``) if present, else ``None``."""
    env = os.environ.get("DETENTE_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates += [REPO_ROOT.parent / "shared" / "data", REPO_ROOT / ".." / "shared" / "data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def shared_samples_dir() -> Path | None:
    """The shared real sample articles (``../shared/samples``) if present, else ``None``."""
    d = shared_data_dir()
    if d is None:
        return None
    s = d.parent / "samples"
    return s if s.is_dir() else None
