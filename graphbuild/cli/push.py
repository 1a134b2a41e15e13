"""``graphbuild push``: send a store or graph file to a SPARQL 1.1 server, resumably."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._util import app, setup_logging


@app.command("push")
def push_cli(
    source: Optional[Path] = typer.Argument(None, help="A graph file (.ttl .nt .nq .trig); or use --store."),
    store: Optional[Path] = typer.Option(None, "--store", help="Store folder (one graph per document)."),
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL (e.g. http://localhost:7878/store) or, with --protocol update, the SPARQL Update URL."),
    protocol: str = typer.Option("gsp", "--protocol", help="gsp (Graph Store Protocol) or update (SPARQL Update)."),
    batch_mb: float = typer.Option(4.0, "--batch-mb", min=0.01, help="About this many MB of N-Triples per request."),
    header: list[str] = typer.Option([], "--header", "-H", help="Extra HTTP header 'Name: value' (e.g. Authorization)."),
    state: Optional[Path] = typer.Option(None, "--state", help="Resume file (default: beside the source)."),
    restart: bool = typer.Option(False, "--restart", help="Forget what was sent before; send everything."),
    timeout: float = typer.Option(120.0, "--timeout", min=1, help="Seconds per request."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more."),
) -> None:
    """Load a store or graph file into a SPARQL server (Oxigraph, Fuseki, Virtuoso, QLever...).

    Interrupted? Run the same command again: it resumes. Later pushes send only new or
    changed documents.

    Examples:

      graphbuild push --store kb --endpoint http://localhost:7878/store

      graphbuild push --store kb --endpoint http://localhost:3030/news/update --protocol update

      graphbuild push out/graph.ttl --endpoint http://dba:secret@localhost:8890/sparql-graph-crud
    """
    from ..errors import GraphbuildError
    from ..push import push

    setup_logging(verbose, quiet)
    if (source is None) == (store is None):
        raise GraphbuildError("give either a graph file or --store DIR")
    headers = {}
    for item in header:
        name, sep, value = item.partition(":")
        if not sep or not name.strip():
            raise GraphbuildError(f"header {item!r} is not 'Name: value'")
        headers[name.strip()] = value.strip()
    report = push(store or source, endpoint, protocol=protocol, batch_bytes=int(batch_mb * (1 << 20)),
                  state=state, headers=headers, timeout=timeout, restart=restart)
    if not quiet:
        typer.echo(f"{report.graphs} graphs ({report.triples} triples) sent in {report.requests} requests, "
                   f"{report.skipped} already there, {report.seconds:.1f} s; resume file {report.state}")
