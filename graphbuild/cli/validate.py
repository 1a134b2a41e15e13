"""``graphbuild validate``: check graphs (or data files) against graphbuild's SHACL shapes."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import GraphbuildError
from ._util import app


@app.command("validate")
def validate_cli(
    graphs: list[Path] = typer.Argument(
        ..., metavar="GRAPH", help="RDF files, checked together (.ttl .nt .nq .trig .jsonld)."
    ),
    shapes: list[Path] | None = typer.Option(
        None, "--shapes", "-s", help="SHACL shapes to use instead of the packaged ontologies/shapes.ttl."
    ),
    limit: int = typer.Option(50, "--max", "-n", min=0, help="Violations to print (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Run the SHACL shapes over GRAPH files; print violations (stdout) and exit 1 if any.

    Examples:

      graphbuild validate out/graph.ttl

      graphbuild validate out/graph.trig --max 0

      graphbuild validate mine.ttl --shapes my-shapes.ttl --json
    """
    from ..rdf.read import load_graph
    from ..rdf.validate import validate

    report = validate(load_graph(graphs), shapes=load_graph(shapes) if shapes else None)
    if as_json:
        payload = {
            "conforms": report.conforms,
            "triples": report.triples,
            "violations": [
                {"focus": v.focus, "path": v.path, "message": v.message, "value": v.value,
                 "severity": v.severity, "shape": v.shape}
                for v in report.violations
            ],
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif report.conforms:
        typer.echo(f"{', '.join(map(str, graphs))}: {report}")
    else:
        shown = report.violations if limit == 0 else report.violations[:limit]
        typer.echo(f"{len(report.violations)} SHACL violation(s) in {report.triples} triples:")
        for violation in shown:
            typer.echo(f"  {violation}")
        if len(shown) < len(report.violations):
            typer.echo(f"  ... and {len(report.violations) - len(shown)} more (--max 0 shows all)")
    if not report.conforms:
        raise GraphbuildError(f"{len(report.violations)} SHACL violation(s)", where=", ".join(map(str, graphs)))
