"""``graphbuild export``: a store's graph as Turtle, N-Triples, N-Quads or TriG, streamed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._util import app, setup_logging


@app.command("export")
def export_cli(
    store: Path = typer.Option(..., "--store", help="Store folder (from graphbuild build --store)."),
    format: str = typer.Option("ttl", "--format", "-f", help="ttl or nt (union of all documents), nq or trig (one graph per document)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="File to write (atomically); default standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
) -> None:
    """Write the whole store as one RDF file, streaming (memory stays flat).

    Examples:

      graphbuild export --store kb --format nq -o kb.nq

      graphbuild export --store kb --format ttl | gzip > kb.ttl.gz
    """
    from ..rdf.store import export, open_store

    setup_logging(False, quiet)
    source = open_store(store, read_only=True)
    if out is None:
        export(source, sys.stdout.buffer, format)
        sys.stdout.buffer.flush()
        return
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            export(source, handle, format)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    if not quiet:
        typer.echo(f"wrote {out}", err=True)
