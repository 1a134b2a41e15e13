"""``graphbuild view``: the offline HTML viewer of graph files."""

from __future__ import annotations

from pathlib import Path

import typer

from ._util import app


@app.command("view")
def view_cli(
    graphs: list[Path] = typer.Argument(
        None, metavar="GRAPH...", help="Turtle/RDF graph files written by graphbuild build."
    ),
    store: Path | None = typer.Option(None, "--store", help="A store folder (graphbuild build --store) instead."),
    output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="The HTML file to write."),
    max_nodes: int | None = typer.Option(
        None, "--max-nodes", min=1, help="Keep the N most important actors (PageRank)."
    ),
    title: str = typer.Option("graphbuild", "--title", help="Page title."),
) -> None:
    """Write one self-contained HTML page (no network needed) to explore GRAPH files.

    Examples:

      graphbuild view out/graph.ttl -o graph.html

      graphbuild view day1.ttl day2.ttl -o week.html --max-nodes 300

      graphbuild view --store kb -o kb.html --max-nodes 500
    """
    from ..view import view

    typer.echo(str(view(graphs or (), output, store=store, max_nodes=max_nodes, title=title)))
