"""The ``graphbuild`` command line: thin typer commands around library calls."""

from ._util import app, main

__all__ = ["app", "main"]
