"""Reading documents: files, folders, corpora and standard input, streamed."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Document", "iter_documents"]


@dataclass(frozen=True, slots=True)
class Document:
    """One news document. ``text`` is what every character offset refers to."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    path: str | None = None  # where it was read from, for messages
