"""Errors users see: one class, one line each, raised by library code and
turned into a message and an exit code by the CLI."""

from __future__ import annotations

__all__ = ["GraphbuildError", "InputError", "ModelError", "QueryError", "RDFSyntaxError"]


class GraphbuildError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user.

    ``where`` names the file (and line) the error is about, ``hint`` what to do.
    """

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(GraphbuildError):
    """An input document or corpus that cannot be read."""

    exit_code = 2


class ModelError(GraphbuildError):
    """No spaCy pipeline could be loaded."""

    exit_code = 3


class RDFSyntaxError(GraphbuildError):
    """A Turtle/N-Triples/TriG file that does not parse (with line and column)."""

    exit_code = 2


class QueryError(GraphbuildError):
    """A malformed SPARQL query, unknown named query or missing parameter."""

    exit_code = 2
