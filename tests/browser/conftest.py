"""Headless Chromium for the viewer tests; every test here skips cleanly without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.bench.chromium import Chromium, find_chromium

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (skips when none is installed)."""
    if not find_chromium():
        pytest.skip("no Chromium binary found: apt-get install -y chromium (or set GRAPHBUILD_CHROMIUM)")
    with Chromium() as chromium:
        yield chromium


@pytest.fixture
def open_page(browser):
    """Open a written page from a file:// URL offline and wait until the viewer is ready."""

    def _open(path: Path) -> Chromium:
        browser.errors.clear()
        browser.requests.clear()
        browser.dialogs.clear()
        url = path.resolve().as_uri()
        browser.open(url)
        browser.wait_for("window.graphbuild && window.graphbuild.ready", timeout=60)
        browser.page_url = url
        return browser

    return _open


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/`` at the repository root (gitignored): screenshots for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
