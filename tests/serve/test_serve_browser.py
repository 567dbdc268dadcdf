"""The dashboard in a real browser: headless Chromium renders /dyad/USA-CHN.

Skipped when no Chromium is installed (``bash scripts/chromium.sh`` installs Debian's).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest

#: Binaries tried in order ($CHROMIUM first).
CANDIDATES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
TIMEOUT_S = 60


def chromium_binary() -> str | None:
    """Path of a Chromium binary, or None."""
    env = os.environ.get("CHROMIUM")
    if env and Path(env).is_file():
        return env
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_binary() is None, reason="no chromium binary found (run: bash scripts/chromium.sh)"),
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = chromium_binary()
    assert path is not None
    return path


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)


def test_dyad_page_renders_chart_and_rows(chromium: str, server: str, store: Any, tmp_path: Path) -> None:
    url = f"{server}/dyad/USA-CHN"
    res = _run(chromium, tmp_path / "profile", "--dump-dom", url)
    assert res.returncode == 0, res.stderr.decode(errors="replace")[-2000:]
    dom = res.stdout.decode("utf-8")
    # the chart: an SVG with bars and the Goldstein line, as the browser parsed it
    chart = re.search(r'<svg id="timeline-chart".*?</svg>', dom, re.S)
    assert chart is not None, dom[:2000]
    assert "<rect" in chart.group(0) and 'class="goldstein"' in chart.group(0)
    # the event rows: one per event the store answers for the dyad
    want = [e["id"] for e in store.events(dyad="USA-CHN", limit=50)]
    assert want
    assert re.findall(r'<tr class="event-row" data-event-id="([^"]*)"', dom) == want
    # multilingual text arrives as text (UTF-8), not mojibake
    text = unescape(re.sub(r"<[^>]+>", "", dom))
    assert "中国与美国周二在华盛顿举行会谈" in text and "Trung Quốc cáo buộc Mỹ" in text

    shot = tmp_path / "dyad.png"
    res = _run(chromium, tmp_path / "profile", "--hide-scrollbars", "--window-size=1200,1400",
               f"--screenshot={shot}", url)
    assert res.returncode == 0, res.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
