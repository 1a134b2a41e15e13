"""Shared fixtures: the real spaCy pipeline (loaded once) and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full graphbuild pipeline on the default model."""
    from graphbuild.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def parser_nlp():
    """The bare parse (no graphbuild statement components)."""
    from graphbuild.nlp import load_pipeline

    return load_pipeline(statements=False)


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the repository; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
