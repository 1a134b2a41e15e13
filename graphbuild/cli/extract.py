"""``graphbuild extract``: statements to standard output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ._util import app, example_input, setup_logging

#: Columns of ``--format tsv`` (a flat, spreadsheet-friendly view of the contract).
TSV_COLUMNS = ("doc", "sentence_index", "subject", "relation", "object", "negated", "modality",
               "attribution", "date", "cameo", "confidence", "sentence")


def _tsv_row(statement) -> str:
    def clean(value) -> str:
        return "" if value is None else " ".join(str(value).split())

    values = (
        statement.doc,
        statement.sentence_index,
        statement.subject.label,
        statement.relation.lemma,
        statement.object.label if statement.object else None,
        str(statement.negated).lower(),
        statement.modality,
        statement.attribution.text if statement.attribution else None,
        statement.date,
        statement.event.cameo if statement.event else None,
        f"{statement.confidence:.3f}",
        statement.sentence,
    )
    return "\t".join(clean(v) for v in values) + "\n"


@app.command("extract")
def extract_cli(
    inputs: list[Path] = typer.Argument(None, help="Files, folders, or - for stdin."),
    lines: list[Path] = typer.Option([], "--lines", help="A file whose every line is a document (id line-N)."),
    example: bool = typer.Option(False, "--example", help="Add the bundled example article to the inputs."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | tsv | ttl"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline to use."),
    date: Optional[str] = typer.Option(None, "--date", help="Published date (YYYY-MM-DD) for documents with none."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="Parser processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per spaCy batch."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Warn and carry on past unreadable documents."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
) -> None:
    """Print the statements of INPUTS (one JSON object per line by default).

    Examples:

      graphbuild extract article.txt

      echo "Russia and China signed a trade deal." | graphbuild extract - --format tsv

      graphbuild extract --lines sentences.txt --format ttl > graph.ttl
    """
    from ..errors import GraphbuildError, InputError
    from ..ingest import iter_documents
    from ..nlp import load_pipeline
    from ..pipeline import process

    setup_logging(quiet=quiet)
    if fmt not in ("jsonl", "tsv", "ttl"):
        raise GraphbuildError(f"unknown format {fmt!r}", hint="use jsonl, tsv or ttl")
    inputs = [*(inputs or ()), *([example_input()] if example else [])]
    if not inputs and not lines:
        raise InputError("give at least one input (a file, folder, - for stdin, or --lines FILE)")
    documents = iter_documents([str(p) for p in inputs or ()], lines=lines, published=date, skip_bad=skip_bad)
    nlp = load_pipeline(model)
    out = sys.stdout
    if fmt == "tsv":
        out.write("\t".join(TSV_COLUMNS) + "\n")
    kept, collected = [], []
    for parsed in process(documents, nlp, processes=processes, batch_size=batch_size):
        if fmt == "ttl":
            kept.append(parsed.document)
            collected.extend(parsed.statements)
            continue
        for statement in parsed.statements:
            out.write(json.dumps(statement.to_dict(), ensure_ascii=False) + "\n" if fmt == "jsonl"
                      else _tsv_row(statement))
        out.flush()
    if fmt == "ttl":
        import shutil
        import tempfile

        from ..rdf.serialize import to_rdf, write_graph

        with tempfile.TemporaryDirectory(prefix="graphbuild-") as folder:
            path = write_graph(to_rdf(collected, kept), Path(folder) / "graph.ttl", format="turtle")
            with open(path, encoding="utf-8") as turtle:
                shutil.copyfileobj(turtle, out)
