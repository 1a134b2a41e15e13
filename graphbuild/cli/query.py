"""``graphbuild query``: SPARQL over graph files or an Oxigraph store."""

from __future__ import annotations

from pathlib import Path

import typer

from ._util import app, parse_params


@app.command("query")
def query_cli(
    graphs: list[Path] = typer.Argument(None, help="Graph files (.ttl .trig .nt .nq), then the SPARQL text if not given by --file/--name."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the query from a .rq file."),
    name: str | None = typer.Option(None, "--name", "-n", help="Run a named query (see --list)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for the query's ?NAME; repeatable. Values: text, <iri> or wd:Q159."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json (SPARQL results JSON; JSON-LD for graphs) or ttl (CONSTRUCT/DESCRIBE)."),
    store: Path | None = typer.Option(None, "--store", help="Query this Oxigraph store folder instead of files."),
    engine: str | None = typer.Option(None, "--engine", help="oxigraph (default, faster) or rdflib."),
    max_width: int = typer.Option(60, "--max-width", min=0, help="Shorten table cells to this width (0: never)."),
    list_: bool = typer.Option(False, "--list", help="List the named queries and their parameters."),
) -> None:
    """Answer a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).

    Prefixes gb:, gbr:, gba:, wd:, rdfs:, skos:, prov: ... are predeclared.
    Parameters are bound by the engine, never pasted into the query text.

    Examples:

      graphbuild query out/graph.ttl 'SELECT ?a ?l WHERE { ?a a gb:Country ; rdfs:label ?l }'

      graphbuild query out/graph.ttl --name events-between -p a=Russia -p b=Ukraine

      graphbuild query out/graph.ttl --name top-conflict --format csv > conflict.csv

      graphbuild query --store store/ --file my.rq --format json

      graphbuild query --list
    """
    from ..errors import GraphbuildError, QueryError
    from ..query import named_queries, run, run_named

    if list_:
        typer.echo(_listing(named_queries()))
        return
    items = [str(p) for p in graphs or ()]
    sparql = None
    if file is None and name is None:
        if not items:
            raise QueryError("give a query: SPARQL text after the graph files, --file or --name")
        sparql = items.pop()
    elif file is not None and name is not None:
        raise QueryError("give --file or --name, not both")
    elif file is not None:
        if not file.is_file():
            raise GraphbuildError("no such query file", where=str(file))
        sparql = file.read_text(encoding="utf-8")
    if store is not None and items:
        raise QueryError("give graph files or --store, not both")
    source = store if store is not None else items
    if not source:
        raise QueryError("give graph files or --store DIR to query")
    params = parse_params(param)
    if name is not None:
        result = run_named(source, name, params, engine=engine)
    else:
        result = run(source, sparql, bindings=params, engine=engine, origin=str(file) if file else "query")
    text = result.format(fmt, max_width=max_width or None)
    typer.echo(text, nl=not text.endswith("\n"))


def _listing(queries) -> str:
    lines = []
    for query in queries.values():
        lines.append(f"{query.name}\n    {query.summary}")
        for p in query.params:
            default = f' (default "{p.default}")' if p.default is not None else " (required)"
            lines.append(f"    --param {p.name}=...{default}: {p.description}")
    return "\n".join(lines)
